import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { IdentityProviderDomainEntity, IdentityProviderEntity } from './identity-provider.entity.js';

/** The provider row and its domains; repositories never throw HTTP errors. */
@Injectable()
export class IdentityProviderRepository {
  constructor(private readonly db: DataSource) {}

  async find(
    districtId: string,
    manager: EntityManager = this.db.manager,
    lock = false,
  ): Promise<{ row: IdentityProviderEntity | null; domains: string[] }> {
    const row = await manager.findOne(IdentityProviderEntity, {
      where: { districtId },
      ...(lock && { lock: { mode: 'pessimistic_write' as const } }),
    });
    const domains = row ? await manager.findBy(IdentityProviderDomainEntity, { districtId }) : [];
    return { row, domains: domains.map((d) => d.domain) };
  }

  /** Domains among `domains` that another district's provider already answers for. */
  async domainsOfOthers(manager: EntityManager, districtId: string, domains: string[]): Promise<string[]> {
    const rows: { domain: string }[] = await manager.query(
      `SELECT domain FROM identity_provider_domains WHERE domain = ANY($1::text[]) AND district_id <> $2 ORDER BY domain`,
      [domains, districtId],
    );
    return rows.map((r) => r.domain);
  }

  save(manager: EntityManager, row: IdentityProviderEntity): Promise<IdentityProviderEntity> {
    return manager.save(IdentityProviderEntity, row);
  }

  /** Makes the district's domains exactly `domains` (one statement each way, so the audit log shows the change). */
  async replaceDomains(manager: EntityManager, districtId: string, domains: string[]): Promise<void> {
    await manager.query(
      `DELETE FROM identity_provider_domains WHERE district_id = $1 AND NOT (domain = ANY($2::text[]))`,
      [districtId, domains],
    );
    // A domain another district holds meanwhile fails on the primary key: a 409 naming emailDomains.
    await manager.query(
      `INSERT INTO identity_provider_domains (domain, district_id)
       SELECT d, $1 FROM unnest($2::text[]) d
        WHERE NOT EXISTS (SELECT 1 FROM identity_provider_domains x WHERE x.domain = d AND x.district_id = $1)`,
      [districtId, domains],
    );
  }
}
