import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../../auth/access/access.service.js';
import type { AuthContext } from '../../auth/auth-context.js';
import { Permission, roleHas } from '../../auth/permissions.js';
import { AppError } from '../../common/errors/app-error.js';
import { ErrorCode } from '../../common/errors/error-code.js';
import { toIso } from '../../common/iso.js';
import { CandidateRepository } from '../candidates/candidate.repository.js';
import { CandidateService } from '../candidates/candidate.service.js';
import { placementRefusal } from '../candidates/stage-rules.js';
import type { ReadinessBand, Stage } from '../candidates/stages.js';
import { ACTIVE_STAGES, READINESS_BANDS } from '../candidates/stages.js';
import { licenceStatuses, licenceWarning } from '../careers/licence-status.js';
import type { ProfileEntry } from '../readiness/profile-loader.js';
import { ProfileLoader } from '../readiness/profile-loader.js';
import { suggestReadiness } from '../readiness/readiness-rule.js';
import type { BenchEntryDto, BenchGapDto, BenchResponseDto, PlacementResponseDto } from './position.dto.js';
import { PlacementDto } from './position.dto.js';
import type { PositionEntity } from './position.entity.js';
import type { BenchRow } from './position.repository.js';
import { PositionRepository } from './position.repository.js';
import { toPositionResponse } from './position.service.js';

const DAY = 86_400_000;
const BAND_ORDER = new Map<ReadinessBand, number>(READINESS_BANDS.map((b, i) => [b, i]));
const STAGE_ORDER = new Map<Stage, number>(ACTIVE_STAGES.map((s, i) => [s, i]));

/** Up to three unmet targets: the largest gap first, targets without evidence after those with one. */
export function largestGaps(profile: ProfileEntry[]): BenchGapDto[] {
  return profile
    .filter((t) => t.gap === null || t.gap > 0)
    .sort((a, b) => (b.gap ?? -1) - (a.gap ?? -1) || a.code.localeCompare(b.code))
    .slice(0, 3)
    .map((t) => ({
      competencyId: t.competencyId,
      code: t.code,
      title: t.title,
      targetLevel: t.targetLevel,
      currentLevel: t.currentLevel,
      gap: t.gap,
    }));
}

/** Why a listed candidate cannot be placed into the seat now (null: they can), for the bench and the slate. */
export function candidateRefusal(
  r: Pick<BenchRow, 'firstName' | 'lastName' | 'stage' | 'educatorStatus'>,
  seatRefusal: string | null,
): string | null {
  const name = `${r.firstName} ${r.lastName}`;
  const stage = placementRefusal({ stage: r.stage, pausedFrom: null });
  if (stage) return `${name}: ${stage}`;
  if (r.educatorStatus !== 'active') return `${name} is inactive on the roster`;
  return seatRefusal;
}

/** Whether the caller reads career profiles (and so licence standings) across the district. */
export const seesCredentials = (auth: AuthContext) =>
  auth.scope.kind === 'district' && roleHas(auth.role, Permission.CareerProfileRead);

/** A position's bench and placement into it (PRODUCT.md §2 Position). */
@Injectable()
export class PlacementService {
  constructor(
    private readonly access: AccessService,
    private readonly positions: PositionRepository,
    private readonly candidates: CandidateRepository,
    private readonly candidateService: CandidateService,
    private readonly profiles: ProfileLoader,
    private readonly db: DataSource,
  ) {}

  async bench(auth: AuthContext, id: string): Promise<BenchResponseDto> {
    await this.access.require(auth, Permission.PositionRead, [id], 'Position');
    const position = await this.positions.findRow(this.db, id);
    if (!position) throw AppError.notFound('Position');
    const rows = await this.positions.bench(position.districtId, position.roleId, position.incumbentEducatorId);
    const profiles = await this.profiles.profiles(
      position.districtId,
      rows.map((r) => ({ id: r.candidateId, roleId: r.roleId })),
    );
    const seatRefusal = await this.seatRefusal(position);
    // Licences are career-profile data: only for those who read profiles, and only where the role needs one.
    const licences =
      position.roleRequiresLicence && seesCredentials(auth)
        ? await licenceStatuses(
            this.db.manager,
            rows.map((r) => r.educatorId),
          )
        : null;
    const now = Date.now();
    const entries: BenchEntryDto[] = rows.map((r) => {
      const profile = profiles.get(r.candidateId) ?? [];
      const suggestion = suggestReadiness(profile);
      return {
        candidateId: r.candidateId,
        educatorId: r.educatorId,
        firstName: r.firstName,
        lastName: r.lastName,
        schoolId: r.schoolId,
        schoolName: r.schoolName,
        stage: r.stage,
        daysInStage: Math.max(0, Math.floor((now - new Date(r.stageEnteredAt).getTime()) / DAY)),
        readiness: r.readiness,
        readinessConfirmedAt: r.readinessConfirmedAt ? toIso(r.readinessConfirmedAt) : null,
        suggestedBand: suggestion.band,
        targetsMet: suggestion.targetsMet,
        targetsTotal: suggestion.targetsTotal,
        largestGaps: largestGaps(profile),
        evidenceCount: r.evidenceCount,
        newEvidenceSinceConfirmation: r.newEvidence,
        placementRefusal: candidateRefusal(r, seatRefusal),
        licence: licences?.get(r.educatorId) ?? null,
      };
    });
    entries.sort(
      (a, b) =>
        BAND_ORDER.get(a.readiness)! - BAND_ORDER.get(b.readiness)! ||
        STAGE_ORDER.get(b.stage)! - STAGE_ORDER.get(a.stage)! ||
        b.targetsMet - a.targetsMet ||
        a.lastName.localeCompare(b.lastName) ||
        a.firstName.localeCompare(b.firstName) ||
        a.candidateId.localeCompare(b.candidateId),
    );
    const counts = { ready_now: 0, ready_1_2_years: 0, ready_3_plus_years: 0, not_assessed: 0 };
    for (const e of entries) counts[e.readiness]++;
    return { positionId: id, roleId: position.roleId, roleTitle: position.roleTitle, counts, candidates: entries };
  }

  /**
   * Fills the seat with a ready candidate for its role, in one transaction: the seat gets the
   * candidate's educator (the previous incumbent leaves it), any seat that educator held becomes vacant,
   * and the candidate moves ready → placed with a stage-transition row. The seat is locked first, then
   * the candidate, so concurrent placements into one seat or of one candidate queue and re-check.
   */
  async place(auth: AuthContext, id: string, dto: PlacementDto): Promise<PlacementResponseDto> {
    await this.access.require(auth, Permission.PositionPlace, [id], 'Position');
    await this.access.require(auth, Permission.CandidateRead, [dto.candidateId], 'Candidate');
    const result = await this.db.transaction(async (m) => {
      const position = await this.positions.lock(m, id);
      if (!position) throw AppError.notFound('Position');
      if (dto.expectedVersion !== undefined && dto.expectedVersion !== position.version) {
        throw new AppError(
          ErrorCode.StaleVersion,
          `The position changed meanwhile (your version ${dto.expectedVersion}, current ${position.version}); reload it and decide again`,
        );
      }
      const candidate = await this.candidates.lock(m, dto.candidateId);
      if (!candidate || candidate.districtId !== position.districtId) throw AppError.notFound('Candidate');
      const row = await this.candidates.findRow(m, candidate.id);
      const name = row ? `${row.firstName} ${row.lastName}` : 'The candidate';
      const conflict = (message: string) => new AppError(ErrorCode.Conflict, message);
      if (candidate.roleId !== position.roleId) {
        const seatRole = await this.positions.role(m, position.districtId, position.roleId);
        throw conflict(
          `${name} is a candidate for ${row?.roleTitle ?? 'another role'}; this seat is a ${seatRole?.title ?? 'different'} position`,
        );
      }
      const refusal = placementRefusal(candidate);
      if (refusal) throw conflict(`${name} cannot be placed: ${refusal}`);
      const educator = await this.positions.educator(m, position.districtId, candidate.educatorId);
      if (educator?.status !== 'active') throw conflict(`${name} is inactive on the roster and cannot be placed`);
      if (position.incumbentEducatorId === candidate.educatorId) throw conflict(`${name} already holds this seat`);
      const seatRefusal = await this.seatRefusal(position, m);
      if (seatRefusal) throw conflict(seatRefusal);

      await this.positions.lockEducatorSeats(m, candidate.educatorId);
      const vacated = await this.positions.seatsHeldBy(m, candidate.educatorId, position.id);
      for (const seat of vacated) {
        Object.assign(seat, {
          incumbentEducatorId: null,
          status: 'vacant',
          placedCandidateId: null,
          filledAt: null,
          projectedVacancyOn: null,
        });
        await m.save(seat);
      }
      const previousIncumbentEducatorId = position.incumbentEducatorId;
      Object.assign(position, {
        incumbentEducatorId: candidate.educatorId,
        status: 'filled',
        placedCandidateId: candidate.id,
        filledAt: new Date(),
        // A known departure date belonged to the person who left.
        projectedVacancyOn: null,
      });
      await m.save(position);
      await this.candidateService.placeLocked(m, candidate, auth.userId, `Placed into ${position.title}`);
      const warnings: string[] = [];
      if ((await this.positions.role(m, position.districtId, position.roleId))?.requiresLicence) {
        const status = (await licenceStatuses(m, [candidate.educatorId])).get(candidate.educatorId)!;
        const warning = licenceWarning(name, status);
        if (warning) warnings.push(warning);
      }
      return {
        previousIncumbentEducatorId,
        vacatedPositionIds: vacated.map((s) => s.id),
        stage: candidate.stage,
        warnings,
      };
    });
    const row = await this.positions.findRow(this.db, id);
    if (!row) throw AppError.notFound('Position');
    return { position: toPositionResponse(row), candidateId: dto.candidateId, ...result };
  }

  /**
   * A seat just filled by placement stays with that person while their candidacy is `placed`: a second
   * placement would silently unseat them (and is what two concurrent placements would otherwise do).
   */
  async seatRefusal(
    position: Pick<PositionEntity, 'placedCandidateId' | 'incumbentEducatorId' | 'filledAt'>,
    manager: EntityManager = this.db.manager,
  ): Promise<string | null> {
    if (!position.placedCandidateId || !position.incumbentEducatorId) return null;
    const placed = await this.positions.placedCandidate(manager, position.placedCandidateId);
    if (placed?.stage !== 'placed') return null;
    const when = position.filledAt ? ` on ${toIso(position.filledAt).slice(0, 10)}` : '';
    return `${placed.name} was placed into this seat${when}; to replace them, make the seat vacant first (edit the position)`;
  }
}
