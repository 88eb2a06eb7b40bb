import type { EntityManager } from 'typeorm';
import type { LicenceStatus } from './credential.dto.js';

/**
 * Each educator's licence standing today (see LICENCE_STATUSES): the best of their licences, a verified
 * current one first, then a current one hr has not verified, then expired ones; none on record otherwise.
 */
export async function licenceStatuses(m: EntityManager, educatorIds: string[]): Promise<Map<string, LicenceStatus>> {
  const result = new Map<string, LicenceStatus>(educatorIds.map((id) => [id, 'none']));
  if (educatorIds.length === 0) return result;
  const rows: { educatorId: string; status: LicenceStatus }[] = await m.query(
    `SELECT educator_id AS "educatorId",
            CASE WHEN bool_or(verified_at IS NOT NULL AND NOT coalesce(expires_on < CURRENT_DATE, false)) THEN 'verified'
                 WHEN bool_or(NOT coalesce(expires_on < CURRENT_DATE, false)) THEN 'unverified'
                 ELSE 'expired' END AS status
       FROM career_credentials
      WHERE kind = 'licence' AND educator_id = ANY($1::uuid[])
      GROUP BY educator_id`,
    [educatorIds],
  );
  for (const r of rows) result.set(r.educatorId, r.status);
  return result;
}

/** What hr is told before placing someone into a role that requires a licence; null: nothing to say. */
export function licenceWarning(name: string, status: LicenceStatus): string | null {
  switch (status) {
    case 'verified':
      return null;
    case 'unverified':
      return `${name}'s licence is not verified yet: this role requires one`;
    case 'expired':
      return `${name}'s licence has expired: this role requires a current one`;
    case 'none':
      return `${name} has no licence on record: this role requires one`;
  }
}
