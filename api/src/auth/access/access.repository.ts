import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

const ids = (rows: { id: string }[]) => new Set(rows.map((r) => r.id));

/** Set-based membership checks: each returns the subset of the given ids the scope allows. */
@Injectable()
export class AccessRepository {
  constructor(private readonly db: DataSource) {}

  async districtIds(candidates: string[]): Promise<Set<string>> {
    return ids(await this.db.query(`SELECT id FROM districts WHERE id = ANY($1::uuid[])`, [candidates]));
  }

  async schoolIdsInDistrict(districtId: string, candidates: string[]): Promise<Set<string>> {
    return ids(
      await this.db.query(`SELECT id FROM schools WHERE id = ANY($1::uuid[]) AND district_id = $2`, [
        candidates,
        districtId,
      ]),
    );
  }

  async userIdsInDistrict(districtId: string, candidates: string[]): Promise<Set<string>> {
    return ids(
      await this.db.query(`SELECT id FROM users WHERE id = ANY($1::uuid[]) AND district_id = $2`, [
        candidates,
        districtId,
      ]),
    );
  }

  async hrUserIds(candidates: string[]): Promise<Set<string>> {
    return ids(await this.db.query(`SELECT id FROM users WHERE id = ANY($1::uuid[]) AND role = 'hr'`, [candidates]));
  }
}
