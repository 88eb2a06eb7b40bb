import { ProfileLoader, suggestReadiness } from '@emerge/api';
import { Factories, SeededRandom } from '@emerge/api/testing';
import type { EntityManager } from 'typeorm';

type Band = 'ready_now' | 'ready_1_2_years' | 'ready_3_plus_years';
type Profile = NonNullable<ReturnType<Awaited<ReturnType<ProfileLoader['profiles']>>['get']>>;
type Suggestion = ReturnType<typeof suggestReadiness> & { profile: Profile };
const DAY = 86_400_000;
const TOP_UP_SOURCES = ['observation', 'feedback_360', 'evaluation', 'artifact'] as const;

const RATIONALES: Record<Band, string[]> = {
  ready_now: [
    'Met every target with evidence from several observers; led the spring data cycle for the whole school.',
    'Talent review: ready now. Acted up during a colleague’s leave and the team did not miss a beat.',
    'Residency complete; feedback from staff and families is consistently strong. Ready for the seat.',
    'Cabinet agreed: ready now, with a mentor for the first year on budget and operations.',
  ],
  ready_1_2_years: [
    'Strong trajectory; one more year leading the improvement plan before a full seat.',
    'Close on every target; wants experience with a full budget cycle first.',
    'Ready in a year or two: needs to lead adults beyond their own department.',
  ],
  ready_3_plus_years: [
    'Early in the programme: promising, with most targets still ahead.',
    'Building classroom leadership first; revisit after the PLC year.',
  ],
};

export interface Reviewers {
  hr: string;
  superintendent?: string;
}

/**
 * The demo's evidence rows were written at load time; an observation is recorded the day it is made.
 * Without this every piece of evidence would look newer than every readiness confirmation.
 */
export async function backdateEvidence(m: EntityManager, districtIds: string[]): Promise<void> {
  await m.query(
    `UPDATE evidence SET created_at = LEAST(observed_on + time '16:00', now())
      WHERE district_id = ANY($1::uuid[]) AND created_at > observed_on + interval '1 day'`,
    [districtIds],
  );
}

/** Confirmations and sharing, with suggestions computed by the rule as of each moment. */
export class ReadinessSeeder {
  private readonly loader: ProfileLoader;

  constructor(
    private readonly m: EntityManager,
    private readonly f: Factories,
    private readonly districtId: string,
    private readonly random: SeededRandom,
  ) {
    this.loader = new ProfileLoader(m.connection);
  }

  async suggestion(candidate: { id: string; roleId: string }, at: Date): Promise<Suggestion> {
    const profiles = await this.loader.profiles(this.districtId, [candidate], this.m, at);
    return { profile: profiles.get(candidate.id) ?? [], ...suggestReadiness(profiles.get(candidate.id) ?? []) };
  }

  /** A rating recorded at `at` on a framework node (a review-day observation). */
  async rate(candidateId: string, competencyId: string, level: number, source: string, at: Date, recorder: string) {
    await this.f.createEvidence({
      districtId: this.districtId,
      candidateId,
      competencyId,
      level,
      source: source as 'observation',
      note: 'Recorded for the readiness review',
      observedOn: at.toISOString().slice(0, 10),
      recorderUserId: recorder,
      createdAt: at,
    });
  }

  /**
   * Evidence on each target that is unmet or rests on one source, so that the rule suggests ready_now at
   * `at`: the kind of evidence a district gathers before a readiness review.
   */
  async topUp(candidate: { id: string; roleId: string }, at: Date, recorder: string): Promise<void> {
    const { profile } = await this.suggestion(candidate, at);
    const when = new Date(at.getTime() - 60_000);
    for (const target of profile) {
      const sources = new Set(target.sources);
      const level = Math.max(target.targetLevel, target.currentLevel ?? 0);
      const needed = (target.currentLevel ?? 0) < target.targetLevel ? Math.max(1, 2 - sources.size) : 2 - sources.size;
      for (let i = 0; i < needed; i++) {
        const source = TOP_UP_SOURCES.find((s) => !sources.has(s))!;
        sources.add(source);
        await this.rate(candidate.id, target.competencyId, level, source, when, recorder);
      }
    }
  }

  /** Confirms `band` (or the suggestion's own band, mapped to a confirmable one) at `at`. */
  async confirm(
    candidate: { id: string; roleId: string },
    at: Date,
    by: string,
    band?: Band | ((suggested: string) => Band),
  ): Promise<Band> {
    const s = await this.suggestion(candidate, at);
    const chosen: Band =
      typeof band === 'string'
        ? band
        : band
          ? band(s.band)
          : s.band === 'not_assessed'
            ? 'ready_3_plus_years'
            : (s.band as Band);
    await this.f.createReadinessAssessment({
      districtId: this.districtId,
      candidateId: candidate.id,
      confirmedByUserId: by,
      band: chosen,
      suggestedBand: s.band,
      suggestedReasons: s.reasons,
      rationale: this.random.pick(RATIONALES[chosen]),
      confirmedAt: at,
    });
    return chosen;
  }

  async share(candidateId: string): Promise<void> {
    await this.m.query(`UPDATE candidates SET readiness_shared = true WHERE id = $1`, [candidateId]);
  }
}

interface SeedCandidate {
  id: string;
  roleId: string;
  stage: string;
  stageEnteredAt: Date;
  placedAt: Date | null;
}

/**
 * Most `ready` candidates confirmed ready_now after a review (with the evidence that supports it), some
 * developing ones confirmed by their suggestion, placed and supported ones confirmed before their
 * placement; a few shared with the educator, a few with evidence recorded since.
 */
export async function seedConfirmations(
  m: EntityManager,
  f: Factories,
  districtId: string,
  reviewers: Reviewers,
  random: SeededRandom,
  options: { skip: Set<string>; elenaCandidateId?: string; shareCount: number },
): Promise<void> {
  const seeder = new ReadinessSeeder(m, f, districtId, random);
  const candidates: SeedCandidate[] = await m.query(
    `SELECT c.id, c.role_id AS "roleId", c.stage, c.stage_entered_at AS "stageEnteredAt",
            (SELECT max(t.created_at) FROM stage_transitions t WHERE t.candidate_id = c.id AND t.to_stage = 'placed') AS "placedAt"
       FROM candidates c WHERE c.district_id = $1 ORDER BY c.created_at, c.id`,
    [districtId],
  );
  const reviewer = () => (reviewers.superintendent && random.chance(0.3) ? reviewers.superintendent : reviewers.hr);
  let shared = 0;
  let flagged = 0;
  for (const c of candidates) {
    if (options.skip.has(c.id)) continue;
    if (c.stage === 'ready' && random.chance(0.85)) {
      // Reviewed a few days after the latest evidence, so most confirmations are current.
      const [row]: { latest: Date | null }[] = await m.query(
        `SELECT max(created_at) AS latest FROM evidence WHERE candidate_id = $1`,
        [c.id],
      );
      const latest = row?.latest;
      const after = (latest ? new Date(latest).getTime() : Date.now() - 30 * DAY) + random.int(1, 5) * DAY;
      const at = new Date(Math.min(after, Date.now() - 3 * DAY));
      await seeder.topUp(c, at, reviewers.hr);
      await seeder.confirm(c, at, reviewer(), 'ready_now');
      if (shared < options.shareCount && random.chance(0.5)) {
        await seeder.share(c.id);
        shared++;
      }
      if (flagged < 4 && random.chance(0.4)) {
        // Evidence recorded since the review: the console flags it for a fresh look.
        const [target] = (await seeder.suggestion(c, new Date())).profile;
        if (target) {
          const after = new Date(Math.min(at.getTime() + random.int(1, 4) * DAY, Date.now() - 3_600_000));
          await seeder.rate(
            c.id,
            target.competencyId,
            Math.max(1, target.targetLevel - 1),
            'observation',
            after,
            reviewers.hr,
          );
          flagged++;
        }
      }
    } else if ((c.stage === 'placed' || c.stage === 'supported') && c.placedAt) {
      const at = new Date(new Date(c.placedAt).getTime() - random.int(15, 45) * DAY);
      await seeder.topUp(c, at, reviewers.hr);
      await seeder.confirm(c, at, reviewer(), 'ready_now');
    } else if (c.stage === 'developing' && (c.id === options.elenaCandidateId || random.chance(0.35))) {
      const at = new Date(Date.now() - random.int(20, 200) * DAY);
      // hr is more cautious than the rule for someone still developing.
      await seeder.confirm(c, at, reviewer(), (s) =>
        s === 'ready_now' || s === 'ready_1_2_years' ? 'ready_1_2_years' : 'ready_3_plus_years',
      );
    }
  }
}
