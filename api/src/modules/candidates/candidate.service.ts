import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../../auth/access/access.service.js';
import type { AuthContext } from '../../auth/auth-context.js';
import { Permission } from '../../auth/permissions.js';
import { applyPutRules } from '../../common/crud/put-rules.js';
import { AppError } from '../../common/errors/app-error.js';
import { ErrorCode } from '../../common/errors/error-code.js';
import type { ListQuery, Page } from '../../common/pagination/list-query.js';
import { candidateActions, toCandidateResponse, toTransitionResponse } from './candidate-mapper.js';
import type { CandidateResponseDto, StageTransitionResponseDto } from './candidate.dto.js';
import {
  CANDIDATE_LIST,
  ConsentDto,
  STAGE_TRANSITION_LIST,
  TransitionDto,
  UpdateCandidateDto,
} from './candidate.dto.js';
import type { CandidateEntity } from './candidate.entity.js';
import { CandidateRepository } from './candidate.repository.js';
import { allowedMoves, placementRefusal, refusalFor } from './stage-rules.js';
import type { ExitReason, Stage } from './stages.js';

@Injectable()
export class CandidateService {
  constructor(
    private readonly access: AccessService,
    private readonly candidates: CandidateRepository,
    private readonly db: DataSource,
  ) {}

  async list(auth: AuthContext, query: ListQuery): Promise<Page<CandidateResponseDto>> {
    const [rows, total] = await this.candidates.list(auth.scope, query);
    const now = Date.now();
    return {
      items: rows.map((r) => toCandidateResponse(r, auth, now)),
      total,
      offset: query.offset,
      resource: CANDIDATE_LIST.resource,
    };
  }

  async get(auth: AuthContext, id: string): Promise<CandidateResponseDto> {
    await this.access.require(auth, Permission.CandidateRead, [id], 'Candidate');
    const row = await this.candidates.findRow(this.db, id);
    if (!row) throw AppError.notFound('Candidate');
    return { ...toCandidateResponse(row, auth), actions: candidateActions(row, auth) };
  }

  /** Notes; everything else moves through its own route (the mentor: a mentorship). */
  async update(auth: AuthContext, id: string, dto: UpdateCandidateDto): Promise<CandidateResponseDto> {
    await this.access.require(auth, Permission.CandidateUpdate, [id], 'Candidate');
    await this.db.transaction(async (m) => {
      const candidate = await this.candidates.lock(m, id);
      const row = await this.candidates.findRow(m, id);
      if (!candidate || !row) throw AppError.notFound('Candidate');
      const changes = applyPutRules(dto, { ...toCandidateResponse(row, auth), version: candidate.version });
      Object.assign(candidate, changes);
      await m.save(candidate);
    });
    return this.get(auth, id);
  }

  async transition(auth: AuthContext, id: string, dto: TransitionDto): Promise<CandidateResponseDto> {
    await this.access.require(auth, Permission.CandidateMove, [id], 'Candidate');
    await this.db.transaction(async (m) => {
      const candidate = await this.candidates.lock(m, id);
      if (!candidate) throw AppError.notFound('Candidate');
      if (candidate.stage !== dto.expectedStage) {
        throw new AppError(
          ErrorCode.Conflict,
          `The candidate is now ${candidate.stage}, not ${dto.expectedStage}; reload and decide again`,
        );
      }
      await this.transitionLocked(m, candidate, dto.to, dto.reason, dto.exitReason ?? null, auth.userId);
    });
    return this.get(auth, id);
  }

  /** A stage move on a candidate the caller's transaction has locked, checked against the stage rules. */
  async transitionLocked(
    m: EntityManager,
    candidate: CandidateEntity,
    to: Stage,
    rawReason: string | null | undefined,
    exitReason: ExitReason | null,
    actorUserId: string,
  ): Promise<void> {
    const move = allowedMoves(candidate).find((mv) => mv.to === to);
    if (!move) throw AppError.validation({ to: refusalFor(candidate, to) }, 'This stage move is not allowed');
    const reason = rawReason?.trim() || null;
    const errors: Record<string, string> = {};
    if (move.reasonRequired && !reason) errors.reason = `a reason is required to move ${candidate.stage} → ${to}`;
    if (move.exitReasonRequired && !exitReason) errors.exitReason = 'choose why the candidate exits';
    if (!move.exitReasonRequired && exitReason) errors.exitReason = 'an exit reason goes only with a move to exited';
    if (Object.keys(errors).length) throw AppError.validation(errors);
    await this.candidates.move(m, candidate, to, actorUserId, reason, exitReason);
  }

  /** The nominee accepts (→ engaged) or declines (→ exited, declined); hr may record consent given in person. */
  async consent(auth: AuthContext, id: string, dto: ConsentDto): Promise<CandidateResponseDto> {
    await this.access.require(auth, Permission.CandidateConsent, [id], 'Candidate');
    await this.db.transaction(async (m) => {
      const candidate = await this.candidates.lock(m, id);
      if (!candidate) throw AppError.notFound('Candidate');
      const reason = dto.reason?.trim() || null;
      if (auth.role === 'hr' && !reason)
        throw AppError.validation({ reason: 'say how and when the nominee gave their answer' });
      if (candidate.stage !== 'identified') {
        throw new AppError(
          ErrorCode.Conflict,
          `The candidate is ${candidate.stage}; an answer is only taken while identified`,
        );
      }
      if (dto.accepted)
        await this.candidates.move(m, candidate, 'engaged', auth.userId, reason ?? 'Accepted the nomination', null);
      else
        await this.candidates.move(
          m,
          candidate,
          'exited',
          auth.userId,
          reason ?? 'Declined the nomination',
          'declined',
        );
    });
    return this.get(auth, id);
  }

  /**
   * ready → placed, the move only a placement makes (positions module): in the caller's transaction, on a
   * candidate it has locked, writing the same transition row as every other move.
   */
  async placeLocked(m: EntityManager, candidate: CandidateEntity, actorUserId: string, reason: string): Promise<void> {
    const refusal = placementRefusal(candidate);
    if (refusal) throw new AppError(ErrorCode.Conflict, refusal);
    await this.candidates.move(m, candidate, 'placed', actorUserId, reason, null);
  }

  async transitions(auth: AuthContext, query: ListQuery): Promise<Page<StageTransitionResponseDto>> {
    const [rows, total] = await this.candidates.transitions(auth.scope, query);
    return {
      items: rows.map(toTransitionResponse),
      total,
      offset: query.offset,
      resource: STAGE_TRANSITION_LIST.resource,
    };
  }
}
