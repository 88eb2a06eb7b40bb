import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '../../auth/access/access.service.js';
import type { AuthContext } from '../../auth/auth-context.js';
import { Permission } from '../../auth/permissions.js';
import { AppError } from '../../common/errors/app-error.js';
import { ErrorCode } from '../../common/errors/error-code.js';
import { toIso } from '../../common/iso.js';
import { licenceStatuses } from '../careers/licence-status.js';
import { ProfileLoader } from '../readiness/profile-loader.js';
import { candidateRefusal, PlacementService } from './placement.service.js';
import type { PositionRow } from './position.repository.js';
import { PositionRepository } from './position.repository.js';
import type { ScoredCandidate, SlateDecision, SlateSeat } from './slate-rank.js';
import { rankSlate, toSlateCandidate } from './slate-rank.js';
import type { SlateDecisionDto, SlateEntryDto, SlateExclusionDto, SlateResponseDto } from './slate.dto.js';
import { SLATE_STAGES, SlateRepository } from './slate.repository.js';

const person = (c: ScoredCandidate) => ({
  candidateId: c.candidateId,
  educatorId: c.educatorId,
  firstName: c.firstName,
  lastName: c.lastName,
  schoolName: c.schoolName,
  stage: c.stage,
  readiness: c.readiness,
  readinessConfirmedAt: c.readinessConfirmedAt ? toIso(c.readinessConfirmedAt) : null,
  score: c.score,
  factors: c.factors,
});

/**
 * A seat's slate (issue #18 part 3, method in docs/slates.md): the role's candidates who accepted, ranked with
 * the factors that explain the rank; hr pins, excludes with a reason and freezes. Placement stays the seat's
 * placement route.
 */
@Injectable()
export class SlateService {
  constructor(
    private readonly access: AccessService,
    private readonly positions: PositionRepository,
    private readonly placement: PlacementService,
    private readonly profiles: ProfileLoader,
    private readonly slates: SlateRepository,
    private readonly db: DataSource,
  ) {}

  async get(auth: AuthContext, id: string): Promise<SlateResponseDto> {
    await this.access.require(auth, Permission.SlateRead, [id], 'Position');
    return this.respond(await this.position(id));
  }

  async decide(auth: AuthContext, id: string, dto: SlateDecisionDto): Promise<SlateResponseDto> {
    await this.access.require(auth, Permission.SlateManage, [id], 'Position');
    const reason = dto.decision === 'excluded' ? dto.reason?.trim() || null : null;
    if (dto.decision === 'excluded' && !reason) {
      throw AppError.validation({ reason: 'reason is required to exclude a candidate from a slate' });
    }
    const position = await this.position(id);
    await this.db.transaction(async (m) => {
      // Reads inside the transaction go through its one connection: a request holding the lock never waits
      // for another from the pool.
      const onSlate = await this.slates.onSlate(m, dto.candidateId, position);
      if (onSlate === null) throw AppError.notFound('Candidate');
      const slate = await this.slates.lock(m, id, position.districtId, dto.decision !== 'none');
      if (!slate) return;
      if (slate.frozenAt) throw this.frozen();
      if (dto.decision === 'none') {
        await this.slates.undecide(m, id, dto.candidateId);
        return;
      }
      if (!onSlate) throw this.notOnSlate();
      await this.slates.decide(m, id, position.districtId, dto.candidateId, dto.decision, reason, auth.userId);
    });
    return this.respond(position);
  }

  /**
   * Freezing keeps the slate as it stands now, and decisions wait until it is unfrozen. Asking for the state it
   * is in changes nothing (a frozen slate keeps the list it was frozen with).
   */
  async freeze(auth: AuthContext, id: string, frozen: boolean): Promise<SlateResponseDto> {
    await this.access.require(auth, Permission.SlateManage, [id], 'Position');
    const position = await this.position(id);
    // The list to keep is built before the lock (with the pool's connections, not the transaction's); if a
    // decision lands in between, the freeze is refused rather than keeping a list that no longer matches.
    const live = frozen ? await this.build(position) : null;
    const frozenAt = await this.db.transaction(async (m) => {
      const slate = await this.slates.lock(m, id, position.districtId, frozen);
      if (!slate || Boolean(slate.frozenAt) === frozen) return undefined;
      if (!live) return this.slates.freeze(m, id, null, null);
      const now = await this.slates.decisions(id, m);
      if (decisionsKey(now) !== live.decisionsKey) {
        throw new AppError(ErrorCode.Conflict, 'The slate changed while it was being frozen; freeze it again');
      }
      // What may change without a decision (refusals, licences) is read live, not kept.
      const entries = live.entries.map(({ placementRefusal: _refusal, licence: _licence, ...entry }) => entry);
      return this.slates.freeze(m, id, entries, auth.userId);
    });
    // Just frozen: the answer is the list that was kept (built once, above).
    if (live && frozenAt) {
      const { decisionsKey: _key, ...slate } = live;
      return { ...slate, frozenAt: toIso(frozenAt), frozenBy: auth.name, more: 0 };
    }
    return this.respond(position);
  }

  private async position(id: string): Promise<PositionRow> {
    const position = await this.positions.findRow(this.db, id);
    if (!position) throw AppError.notFound('Position');
    return position;
  }

  private frozen(): AppError {
    return new AppError(ErrorCode.Conflict, 'The slate is frozen; unfreeze it before changing it');
  }

  private notOnSlate(): AppError {
    return new AppError(
      ErrorCode.Conflict,
      `Only candidates for this seat's role who accepted their nomination (${SLATE_STAGES.join(', ')}) are on its slate`,
    );
  }

  private async respond(position: PositionRow): Promise<SlateResponseDto> {
    const { decisionsKey: _key, ...slate } = await this.build(position);
    return slate;
  }

  private async build(position: PositionRow): Promise<SlateResponseDto & { decisionsKey: string }> {
    const seat: SlateSeat = { schoolId: position.schoolId, gradeBand: await this.slates.gradeBand(position.schoolId) };
    // Apart from each other: the pool has connections for both big reads at once.
    const [slate, decisions, rows, seatRefusal, met] = await Promise.all([
      this.slates.slate(position.id),
      this.slates.decisions(position.id),
      this.slates.candidates(position.districtId, position.roleId, position.incumbentEducatorId, seat.gradeBand),
      this.placement.seatRefusal(position),
      this.profiles.targetsMetOfRole(position.districtId, position.roleId),
    ]);
    const refusals = new Map(rows.map((r) => [r.candidateId, candidateRefusal(r, seatRefusal)]));
    const licences = position.roleRequiresLicence
      ? await licenceStatuses(this.db.manager, [
          ...rows.map((r) => r.educatorId),
          ...((slate?.frozenEntries ?? []) as { educatorId: string }[]).map((e) => e.educatorId),
        ])
      : null;
    const licenceOf = (educatorId: string) => (licences ? (licences.get(educatorId) ?? 'none') : null);
    const base = {
      positionId: position.id,
      positionTitle: position.title,
      roleTitle: position.roleTitle,
      gradeBand: seat.gradeBand,
      frozenAt: slate?.frozenAt ? toIso(slate.frozenAt) : null,
      frozenBy: slate?.frozenAt ? slate.frozenBy : null,
    };
    const candidates = rows.map((r) => toSlateCandidate(r, met, refusals.get(r.candidateId) ?? null));
    const ranked = rankSlate(seat, candidates, decisions, new Date());
    const excluded: SlateExclusionDto[] = ranked.excluded.map((c) => ({
      ...person(c),
      reason: c.reason,
      decidedAt: toIso(c.decidedAt),
    }));
    if (slate?.frozenAt && slate.frozenEntries) {
      const entries = (slate.frozenEntries as Omit<SlateEntryDto, 'placementRefusal' | 'licence'>[]).map((e) => ({
        ...e,
        licence: licenceOf(e.educatorId),
        placementRefusal: refusals.has(e.candidateId)
          ? refusals.get(e.candidateId)!
          : `${e.firstName} ${e.lastName} is no longer a candidate for this role who accepted (${SLATE_STAGES.join(', ')})`,
      }));
      return { ...base, entries, excluded, more: 0, decisionsKey: decisionsKey(decisions) };
    }
    const entries: SlateEntryDto[] = ranked.entries.map((c) => ({
      ...person(c),
      rank: c.rank,
      pinned: c.pinned,
      placementRefusal: c.placementRefusal,
      licence: licenceOf(c.educatorId),
    }));
    return { ...base, entries, excluded, more: ranked.more, decisionsKey: decisionsKey(decisions) };
  }
}

/** What the decisions are, to tell whether they changed between two reads. */
function decisionsKey(decisions: Map<string, SlateDecision>): string {
  return [...decisions]
    .map(([candidateId, d]) => `${candidateId}:${d.decision}:${d.decidedAt.getTime()}`)
    .sort()
    .join(',');
}
