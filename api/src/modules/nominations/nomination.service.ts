import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '../../auth/access/access.service.js';
import type { AuthContext } from '../../auth/auth-context.js';
import { requireDistrict } from '../../auth/auth-context.js';
import { Permission } from '../../auth/permissions.js';
import type { FieldErrors } from '../../common/errors/app-error.js';
import { AppError } from '../../common/errors/app-error.js';
import { ErrorCode } from '../../common/errors/error-code.js';
import { toIso } from '../../common/iso.js';
import type { ListQuery, Page } from '../../common/pagination/list-query.js';
import { CandidateRepository } from '../candidates/candidate.repository.js';
import { notifyLater } from '../notifications/notify.js';
import type { NominationResponseDto } from './nomination.dto.js';
import { CreateNominationDto, NOMINATION_LIST, NominationDecisionDto } from './nomination.dto.js';
import type { NominatorKind } from './nomination.entity.js';
import type { NominationRow } from './nomination.repository.js';
import { NominationRepository } from './nomination.repository.js';

/** The private note is for hr and the nominator only. */
function toNominationResponse(row: NominationRow, auth: AuthContext): NominationResponseDto {
  const { privateNote, ...rest } = row;
  const out: NominationResponseDto = {
    ...rest,
    decidedAt: row.decidedAt === null ? null : toIso(row.decidedAt),
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
  };
  if (auth.role === 'hr' || auth.userId === row.nominatorUserId) out.privateNote = privateNote;
  return out;
}

@Injectable()
export class NominationService {
  constructor(
    private readonly access: AccessService,
    private readonly nominations: NominationRepository,
    private readonly candidates: CandidateRepository,
    private readonly db: DataSource,
  ) {}

  async list(auth: AuthContext, query: ListQuery): Promise<Page<NominationResponseDto>> {
    const [rows, total] = await this.nominations.list(auth, query);
    return {
      items: rows.map((r) => toNominationResponse(r, auth)),
      total,
      offset: query.offset,
      resource: NOMINATION_LIST.resource,
    };
  }

  async get(auth: AuthContext, id: string): Promise<NominationResponseDto> {
    await this.access.require(auth, Permission.NominationRead, [id], 'Nomination');
    const row = await this.nominations.findRow(this.db, id);
    if (!row) throw AppError.notFound('Nomination');
    return toNominationResponse(row, auth);
  }

  /** hr: anyone in the district; a principal: their schools' educators; an educator: themself or a colleague. */
  async create(auth: AuthContext, dto: CreateNominationDto): Promise<NominationResponseDto> {
    const districtId = requireDistrict(auth);
    const errors: FieldErrors = {};
    if ((await this.access.filter(auth, Permission.EducatorRead, [dto.educatorId])).size === 0)
      errors.educatorId = 'you cannot nominate this person: not found among the educators you may nominate';
    if ((await this.access.filter(auth, Permission.LeadershipRoleRead, [dto.targetRoleId])).size === 0)
      errors.targetRoleId = "targetRoleId must be one of the district's leadership roles";
    const competencyIds = [...new Set(dto.competencyIds ?? [])];
    const usable = await this.access.usableCompetencies(auth, competencyIds);
    const unknown = competencyIds.filter((id) => !usable.has(id));
    if (unknown.length)
      errors.competencyIds = `not a competency of a framework your district uses: ${unknown.join(', ')}`;
    if (Object.keys(errors).length) throw AppError.validation(errors);
    const kind: NominatorKind =
      auth.role === 'hr'
        ? 'hr'
        : auth.role === 'principal'
          ? 'principal'
          : dto.educatorId === auth.educatorId
            ? 'self'
            : 'peer';
    const id = await this.db.transaction(async (m) => {
      if ((await this.nominations.educatorStatus(m, dto.educatorId)) !== 'active')
        throw AppError.validation({ educatorId: 'only active educators can be nominated' });
      const n = await this.nominations.insert(m, {
        districtId,
        educatorId: dto.educatorId,
        targetRoleId: dto.targetRoleId,
        nominatorUserId: auth.userId,
        nominatorKind: kind,
        rationale: dto.rationale,
        privateNote: dto.privateNote ?? null,
        competencyIds,
        status: 'submitted',
      });
      await notifyLater(m, 'nomination.submitted', n.id);
      return n.id;
    });
    return this.get(auth, id);
  }

  /** hr approves (creating or joining the candidacy in the same transaction) or declines with a reason. */
  async decide(auth: AuthContext, id: string, dto: NominationDecisionDto): Promise<NominationResponseDto> {
    await this.access.require(auth, Permission.NominationDecide, [id], 'Nomination');
    const reason = dto.reason?.trim() || null;
    if (dto.decision === 'decline' && !reason) throw AppError.validation({ reason: 'a reason is required to decline' });
    await this.db.transaction(async (m) => {
      const n = await this.nominations.lock(m, id);
      if (!n) throw AppError.notFound('Nomination');
      if (n.status !== 'submitted') throw new AppError(ErrorCode.Conflict, `This nomination is already ${n.status}`);
      if (dto.decision === 'approve') {
        if ((await this.nominations.educatorStatus(m, n.educatorId)) !== 'active') {
          throw new AppError(
            ErrorCode.Conflict,
            'The nominee has left (inactive on the roster); decline the nomination instead',
          );
        }
        const active = await this.candidates.findActive(m, n.educatorId, n.targetRoleId);
        const candidate =
          active ??
          (await this.candidates.create(
            m,
            { districtId: n.districtId, educatorId: n.educatorId, roleId: n.targetRoleId },
            auth.userId,
            'Nomination approved',
          ));
        n.candidateId = candidate.id;
      }
      n.status = dto.decision === 'approve' ? 'approved' : 'declined';
      n.decisionReason = reason;
      n.decidedByUserId = auth.userId;
      n.decidedAt = new Date();
      await this.nominations.save(m, n);
      if (n.status === 'approved') await notifyLater(m, 'nomination.approved', n.id);
    });
    return this.get(auth, id);
  }

  /** The nominator takes back a nomination that has not been decided. */
  async withdraw(auth: AuthContext, id: string): Promise<NominationResponseDto> {
    await this.access.require(auth, Permission.NominationWithdraw, [id], 'Nomination');
    await this.db.transaction(async (m) => {
      const n = await this.nominations.lock(m, id);
      if (!n) throw AppError.notFound('Nomination');
      if (n.status !== 'submitted')
        throw new AppError(
          ErrorCode.Conflict,
          `This nomination is already ${n.status}; only a submitted one can be withdrawn`,
        );
      n.status = 'withdrawn';
      n.decidedAt = new Date();
      n.decidedByUserId = auth.userId;
      await this.nominations.save(m, n);
    });
    return this.get(auth, id);
  }
}
