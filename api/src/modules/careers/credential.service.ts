import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../../auth/access/access.service.js';
import type { AuthContext } from '../../auth/auth-context.js';
import { Permission } from '../../auth/permissions.js';
import { applyPutRules } from '../../common/crud/put-rules.js';
import { AppError } from '../../common/errors/app-error.js';
import { ErrorCode } from '../../common/errors/error-code.js';
import { toIso } from '../../common/iso.js';
import type { CreateCredentialDto, CredentialDto, UpdateCredentialDto, VerifyCredentialDto } from './credential.dto.js';

/** A person keeps at most this many: a résumé, not a filing cabinet. */
export const MAX_CREDENTIALS = 50;

type Row = Omit<CredentialDto, 'verifiedAt' | 'createdAt' | 'updatedAt'> & {
  verifiedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

// Dates as text: a DATE column read into a JS Date would shift by the server's time zone.
const SELECT = `SELECT c.id, c.educator_id AS "educatorId", c.kind::text AS kind, c.title, c.issuer, c.state, c.number,
       to_char(c.issued_on, 'YYYY-MM-DD') AS "issuedOn", to_char(c.expires_on, 'YYYY-MM-DD') AS "expiresOn",
       CASE WHEN c.expires_on < CURRENT_DATE THEN 'expired'
            WHEN c.verified_at IS NOT NULL THEN 'verified' ELSE 'unverified' END AS status,
       c.verified_at AS "verifiedAt", u.name AS "verifiedByName", c.version,
       c.created_at AS "createdAt", c.updated_at AS "updatedAt"
  FROM career_credentials c LEFT JOIN users u ON u.id = c.verified_by_user_id`;

const EDITABLE = ['kind', 'title', 'issuer', 'state', 'number', 'issuedOn', 'expiresOn'] as const;

function toDto(r: Row): CredentialDto {
  return {
    ...r,
    verifiedAt: r.verifiedAt ? toIso(r.verifiedAt) : null,
    createdAt: toIso(r.createdAt),
    updatedAt: toIso(r.updatedAt),
  };
}

function checkDates(dto: { issuedOn?: string | null; expiresOn?: string | null }): void {
  if (dto.issuedOn && dto.expiresOn && dto.expiresOn < dto.issuedOn) {
    throw AppError.validation({ expiresOn: 'expiresOn must be on or after issuedOn' });
  }
}

/**
 * Licences, degrees and certifications on a career profile (issue #19 part 1). The person and hr keep them,
 * the superintendent reads them, hr verifies them; any edit clears the verification, so what hr checked is
 * what stays verified.
 */
@Injectable()
export class CredentialService {
  constructor(
    private readonly access: AccessService,
    private readonly db: DataSource,
  ) {}

  async list(auth: AuthContext, educatorId: string): Promise<CredentialDto[]> {
    await this.access.require(auth, Permission.CareerProfileRead, [educatorId], 'Educator');
    const rows: Row[] = await this.db.query(
      `${SELECT} WHERE c.educator_id = $1 ORDER BY c.kind, c.expires_on DESC NULLS FIRST, c.title, c.id`,
      [educatorId],
    );
    return rows.map(toDto);
  }

  async create(auth: AuthContext, educatorId: string, dto: CreateCredentialDto): Promise<CredentialDto> {
    await this.access.require(auth, Permission.CareerProfileManage, [educatorId], 'Educator');
    checkDates(dto);
    const id = await this.db.transaction(async (m) => {
      // The educator row is locked so two concurrent adds cannot both pass the cap.
      const [educator]: { districtId: string }[] = await m.query(
        'SELECT district_id AS "districtId" FROM educators WHERE id = $1 FOR UPDATE',
        [educatorId],
      );
      if (!educator) throw AppError.notFound('Educator');
      const [{ n }]: [{ n: number }] = await m.query(
        'SELECT count(*)::int AS n FROM career_credentials WHERE educator_id = $1',
        [educatorId],
      );
      if (n >= MAX_CREDENTIALS) {
        throw new AppError(
          ErrorCode.Conflict,
          `A profile holds at most ${MAX_CREDENTIALS} credentials; remove one first`,
        );
      }
      const [row]: { id: string }[] = await m.query(
        `INSERT INTO career_credentials (educator_id, district_id, kind, title, issuer, state, number, issued_on, expires_on, updated_by_user_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          educatorId,
          educator.districtId,
          dto.kind,
          dto.title,
          dto.issuer ?? '',
          dto.state ?? null,
          dto.number || null,
          dto.issuedOn ?? null,
          dto.expiresOn ?? null,
          auth.userId,
        ],
      );
      return row!.id;
    });
    return this.read(this.db.manager, id);
  }

  async update(auth: AuthContext, id: string, dto: UpdateCredentialDto): Promise<CredentialDto> {
    await this.access.require(auth, Permission.CareerProfileManage, [], 'Credential');
    return this.db.transaction(async (m) => {
      const current = await this.lockInScope(m, auth, Permission.CareerProfileManage, id);
      const changes = applyPutRules(dto, { ...current });
      const next = { ...current, ...changes, issuer: changes.issuer ?? current.issuer };
      checkDates(next);
      // Sent back unchanged: nothing happens, and what hr verified stays verified.
      if (EDITABLE.every((k) => (next[k] ?? null) === (current[k] ?? null))) return current;
      await m.query(
        `UPDATE career_credentials SET kind = $2, title = $3, issuer = $4, state = $5, number = $6, issued_on = $7,
           expires_on = $8, verified_at = NULL, verified_by_user_id = NULL, updated_by_user_id = $9,
           updated_at = now(), version = version + 1
         WHERE id = $1`,
        [
          id,
          next.kind,
          next.title,
          next.issuer,
          next.state ?? null,
          next.number || null,
          next.issuedOn ?? null,
          next.expiresOn ?? null,
          auth.userId,
        ],
      );
      return this.read(m, id);
    });
  }

  async remove(auth: AuthContext, id: string): Promise<CredentialDto> {
    await this.access.require(auth, Permission.CareerProfileManage, [], 'Credential');
    return this.db.transaction(async (m) => {
      const current = await this.lockInScope(m, auth, Permission.CareerProfileManage, id);
      await m.query('DELETE FROM career_credentials WHERE id = $1', [id]);
      return current;
    });
  }

  /** hr has checked the credential against its issuer (a state's licence lookup, a transcript). */
  async verify(auth: AuthContext, id: string, dto: VerifyCredentialDto): Promise<CredentialDto> {
    await this.access.require(auth, Permission.CredentialVerify, [], 'Credential');
    return this.db.transaction(async (m) => {
      const current = await this.lockInScope(m, auth, Permission.CredentialVerify, id);
      if (auth.educatorId && current.educatorId === auth.educatorId) {
        throw new AppError(
          ErrorCode.Forbidden,
          'You cannot verify your own credential: another member of hr checks it with the issuer',
        );
      }
      if (dto.version !== current.version) {
        throw new AppError(
          ErrorCode.StaleVersion,
          `The credential changed since you checked it (your version ${dto.version}, current ${current.version}); reload it and check again`,
        );
      }
      await m.query(
        `UPDATE career_credentials SET verified_at = now(), verified_by_user_id = $2, updated_at = now(),
           version = version + 1 WHERE id = $1`,
        [id, auth.userId],
      );
      return this.read(m, id);
    });
  }

  /** The credential, locked, if its holder is in the caller's scope for `permission`; else a 404. */
  private async lockInScope(
    m: EntityManager,
    auth: AuthContext,
    permission: Permission,
    id: string,
  ): Promise<CredentialDto> {
    const [row]: { educatorId: string }[] = await m.query(
      'SELECT educator_id AS "educatorId" FROM career_credentials WHERE id = $1 FOR UPDATE',
      [id],
    );
    if (!row) throw AppError.notFound('Credential');
    await this.access.require(auth, permission, [row.educatorId], 'Credential');
    return this.read(m, id);
  }

  private async read(m: EntityManager, id: string): Promise<CredentialDto> {
    const [row]: Row[] = await m.query(`${SELECT} WHERE c.id = $1`, [id]);
    if (!row) throw AppError.notFound('Credential');
    return toDto(row);
  }
}
