import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../../auth/access/access.service.js';
import type { AuthContext } from '../../auth/auth-context.js';
import { Permission, roleHas } from '../../auth/permissions.js';
import { AppError } from '../../common/errors/app-error.js';
import { ErrorCode } from '../../common/errors/error-code.js';
import { toIso } from '../../common/iso.js';
import type { ReadinessBand } from '../candidates/stages.js';
import { notifyLater } from '../notifications/notify.js';
import { ProfileLoader } from './profile-loader.js';
import type { ReadinessSuggestion } from './readiness-rule.js';
import { suggestReadiness } from './readiness-rule.js';
import type { ReadinessResponseDto } from './readiness.dto.js';
import { ConfirmReadinessDto, ShareReadinessDto } from './readiness.dto.js';
import type { ReadinessCandidate } from './readiness.repository.js';
import { ReadinessRepository } from './readiness.repository.js';

/** The suggestion, confirmations and sharing of a candidate's readiness (docs/readiness.md). */
@Injectable()
export class ReadinessService {
  constructor(
    private readonly access: AccessService,
    private readonly repo: ReadinessRepository,
    private readonly profiles: ProfileLoader,
    private readonly db: DataSource,
  ) {}

  /** The band the rule suggests for the candidate now, read through the given manager. */
  async suggest(
    candidate: { id: string; roleId: string; districtId: string },
    manager: EntityManager | DataSource = this.db,
  ): Promise<ReadinessSuggestion> {
    const profile = await this.profiles.profiles(candidate.districtId, [candidate], manager);
    return suggestReadiness(profile.get(candidate.id) ?? []);
  }

  async get(auth: AuthContext, id: string): Promise<ReadinessResponseDto> {
    await this.access.require(auth, Permission.CandidateRead, [id], 'Candidate');
    const candidate = await this.repo.candidate(this.db, id);
    if (!candidate) throw AppError.notFound('Candidate');
    // The candidate themself never sees a band (suggested or confirmed) that hr has not shared.
    if (auth.scope.kind === 'self' && !candidate.readinessShared) return { candidateId: id, shared: false };
    const [suggestion, history, newEvidence] = await Promise.all([
      this.suggest(candidate),
      this.repo.history(id),
      candidate.readinessConfirmedAt ? this.repo.evidenceSinceConfirmation(id) : [],
    ]);
    const latest = history[0];
    return {
      candidateId: id,
      shared: candidate.readinessShared,
      suggestedBand: suggestion.band,
      reasons: suggestion.reasons,
      targetsMet: suggestion.targetsMet,
      targetsTotal: suggestion.targetsTotal,
      band: candidate.readiness,
      rationale: latest?.rationale ?? null,
      confirmedAt: candidate.readinessConfirmedAt ? toIso(candidate.readinessConfirmedAt) : null,
      confirmedByUserId: latest?.confirmedByUserId ?? null,
      confirmedByName: latest?.confirmedByName ?? null,
      newEvidenceSinceConfirmation: newEvidence.length,
      newEvidenceIds: newEvidence,
      history: history.map((h) => ({ ...h, confirmedAt: toIso(h.confirmedAt) })),
      candidateVersion: candidate.version,
      actions: this.actions(auth, candidate),
    };
  }

  /**
   * hr or the superintendent confirm a band with a rationale: the assessment row keeps the suggestion of
   * that moment, and the candidate's confirmed band changes in the same transaction.
   */
  async confirm(auth: AuthContext, id: string, dto: ConfirmReadinessDto): Promise<ReadinessResponseDto> {
    await this.access.require(auth, Permission.ReadinessConfirm, [id], 'Candidate');
    await this.db.transaction(async (m) => {
      // Locked: two confirmations queue, and each keeps the suggestion it saw.
      const candidate = await this.repo.candidate(m, id, true);
      if (!candidate) throw AppError.notFound('Candidate');
      if (dto.expectedVersion !== undefined && dto.expectedVersion !== candidate.version) {
        throw new AppError(
          ErrorCode.StaleVersion,
          `The candidate changed meanwhile (your version ${dto.expectedVersion}, current ${candidate.version}); reload and confirm again`,
        );
      }
      await this.confirmLocked(m, candidate, dto.band, dto.rationale, auth.userId);
    });
    return this.get(auth, id);
  }

  /**
   * Records a confirmation on a candidate the caller's transaction has locked (the readiness route, and the
   * close of a talent review session).
   */
  async confirmLocked(
    m: EntityManager,
    candidate: Pick<ReadinessCandidate, 'id' | 'districtId' | 'roleId' | 'stage'>,
    band: ReadinessBand,
    rationale: string,
    userId: string,
  ): Promise<void> {
    if (candidate.stage === 'exited') {
      throw new AppError(
        ErrorCode.Conflict,
        'The candidate has exited the pipeline; readiness is confirmed only for active candidacies (re-enter them first)',
      );
    }
    const suggestion = await this.suggest(candidate, m);
    const row = await this.repo.insert(m, {
      districtId: candidate.districtId,
      candidateId: candidate.id,
      suggestedBand: suggestion.band,
      suggestedReasons: suggestion.reasons,
      band,
      rationale,
      confirmedByUserId: userId,
    });
    await this.repo.setConfirmed(m, row.id);
  }

  /** hr decides whether the educator sees their readiness. */
  async share(auth: AuthContext, id: string, dto: ShareReadinessDto): Promise<ReadinessResponseDto> {
    await this.access.require(auth, Permission.ReadinessShare, [id], 'Candidate');
    await this.db.transaction(async (m) => {
      const candidate = await this.repo.candidate(m, id, true);
      if (!candidate) throw AppError.notFound('Candidate');
      await this.repo.setShared(m, id, dto.shared);
      if (dto.shared && !candidate.readinessShared) await notifyLater(m, 'readiness.shared', id);
    });
    return this.get(auth, id);
  }

  private actions(auth: AuthContext, candidate: ReadinessCandidate) {
    return {
      canConfirm: roleHas(auth.role, Permission.ReadinessConfirm) && candidate.stage !== 'exited',
      canShare: roleHas(auth.role, Permission.ReadinessShare),
    };
  }
}
