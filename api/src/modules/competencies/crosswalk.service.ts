import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthContext } from '../../auth/auth-context.js';
import { requireDistrict } from '../../auth/auth-context.js';
import type { FieldErrors } from '../../common/errors/app-error.js';
import { AppError } from '../../common/errors/app-error.js';
import { ErrorCode } from '../../common/errors/error-code.js';
import { fetchRawPage } from '../../common/pagination/apply-list-query.js';
import type { ListQuery, Page } from '../../common/pagination/list-query.js';
import { CrosswalkLinkEntity } from './competency.entity.js';
import type { CreateCrosswalkLinkDto, CrosswalkLinkResponseDto } from './crosswalk.dto.js';
import { CROSSWALK_LIST } from './crosswalk.dto.js';

/** Crosswalk links as a resource: the shipped ones (read-only) and the district's own. */
@Injectable()
export class CrosswalkService {
  constructor(private readonly db: DataSource) {}

  /** Links the caller's district may see: shipped or its own, with both ends in frameworks it reads. */
  private base(districtId: string, manager: EntityManager | DataSource = this.db) {
    return manager
      .getRepository(CrosswalkLinkEntity)
      .createQueryBuilder('l')
      .innerJoin('competencies', 'a', 'a.id = l.from_id')
      .innerJoin('competency_frameworks', 'fa', 'fa.id = a.framework_id')
      .innerJoin('competencies', 'b', 'b.id = l.to_id')
      .innerJoin('competency_frameworks', 'fb', 'fb.id = b.framework_id')
      .select([
        'l.id AS "id"',
        'l.district_id AS "districtId"',
        '(l.district_id IS NULL) AS "shipped"',
        'l.kind AS "kind"',
        'a.id AS "fromId"',
        'a.code AS "fromCode"',
        'a.title AS "fromTitle"',
        'fa.id AS "fromFrameworkId"',
        'fa.short_name AS "fromFrameworkShortName"',
        'b.id AS "toId"',
        'b.code AS "toCode"',
        'b.title AS "toTitle"',
        'fb.id AS "toFrameworkId"',
        'fb.short_name AS "toFrameworkShortName"',
      ])
      .where('(l.district_id IS NULL OR l.district_id = :d)', { d: districtId })
      .andWhere('(fa.district_id IS NULL OR fa.district_id = :d)')
      .andWhere('(fb.district_id IS NULL OR fb.district_id = :d)');
  }

  async list(auth: AuthContext, query: ListQuery): Promise<Page<CrosswalkLinkResponseDto>> {
    const [items, total] = await fetchRawPage<CrosswalkLinkResponseDto>(
      this.base(requireDistrict(auth)),
      query,
      CROSSWALK_LIST,
    );
    return { items, total, offset: query.offset, resource: CROSSWALK_LIST.resource };
  }

  async get(auth: AuthContext, id: string, manager?: EntityManager): Promise<CrosswalkLinkResponseDto> {
    const row = await this.base(requireDistrict(auth), manager)
      .andWhere('l.id = :id', { id })
      .getRawOne<CrosswalkLinkResponseDto>();
    if (!row) throw AppError.notFound('Crosswalk link');
    return row;
  }

  /** A new link of the district's: one end its own node, the other any node it may see; one link per pair. */
  async create(auth: AuthContext, dto: CreateCrosswalkLinkDto): Promise<CrosswalkLinkResponseDto> {
    const districtId = requireDistrict(auth);
    const id = await this.db.transaction(async (m) => {
      const nodes: { id: string; own: boolean }[] = await m.query(
        `SELECT c.id, (f.district_id IS NOT NULL) AS own FROM competencies c JOIN competency_frameworks f ON f.id = c.framework_id
          WHERE c.id = ANY($1::uuid[]) AND (f.district_id IS NULL OR f.district_id = $2)`,
        [[dto.fromId, dto.toId], districtId],
      );
      const from = nodes.find((n) => n.id === dto.fromId);
      const to = nodes.find((n) => n.id === dto.toId);
      const errors: FieldErrors = {};
      if (!from) errors.fromId = 'fromId must be a node of a framework your district uses';
      if (!to) errors.toId = 'toId must be a node of a framework your district uses';
      else if (dto.fromId === dto.toId) errors.toId = 'a node cannot be linked to itself';
      if (from && to && !from.own && !to.own)
        errors.fromId = "one end must be a node of your district's own frameworks (reference links are shipped)";
      if (Object.keys(errors).length) throw AppError.validation(errors);
      // Serialise links of this pair so two requests cannot both pass the check below.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [[dto.fromId, dto.toId].sort().join(':')]);
      const [existing]: { id: string }[] = await m.query(
        `SELECT id FROM crosswalk_links WHERE (from_id = $1 AND to_id = $2) OR (from_id = $2 AND to_id = $1)`,
        [dto.fromId, dto.toId],
      );
      if (existing) {
        throw new AppError(ErrorCode.UniqueViolation, 'These two nodes are already linked', {
          toId: 'These two nodes are already linked; delete that link first to change its kind',
        });
      }
      const [row]: { id: string }[] = await m.query(
        `INSERT INTO crosswalk_links (district_id, from_id, to_id, kind) VALUES ($1, $2, $3, $4) RETURNING id`,
        [districtId, dto.fromId, dto.toId, dto.kind],
      );
      return row!.id;
    });
    return this.get(auth, id);
  }

  /** Removes one of the district's links; the shipped reference links are not the district's to remove. */
  async remove(auth: AuthContext, id: string): Promise<CrosswalkLinkResponseDto> {
    const districtId = requireDistrict(auth);
    return this.db.transaction(async (m) => {
      const link = await this.get(auth, id, m);
      if (link.districtId !== districtId) throw AppError.notFound('Crosswalk link');
      await m.query(`DELETE FROM crosswalk_links WHERE id = $1`, [id]);
      return link;
    });
  }
}
