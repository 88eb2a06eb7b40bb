import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Stage } from '../candidates/stages.js';
import type { GradeBand } from '../schools/school.entity.js';
import type { BenchRow } from './position.repository.js';
import type { MoveWillingness, SlateDecision } from './slate-rank.js';

/** A slate lists candidates who accepted their nomination: identified ones have not yet. */
export const SLATE_STAGES: Stage[] = ['engaged', 'developing', 'ready'];

export interface SlateCandidateRow extends Omit<BenchRow, 'stageEnteredAt' | 'evidenceCount'> {
  schoolBand: GradeBand | null;
  seatDaysAtLevel: number;
  moveWillingness: MoveWillingness | null;
  moveGradeBands: GradeBand[] | null;
  moveSchoolIds: string[];
}

export interface SlateRow {
  frozenAt: Date | null;
  frozenBy: string | null;
  frozenEntries: unknown[] | null;
}

type Db = EntityManager | DataSource;

@Injectable()
export class SlateRepository {
  constructor(private readonly db: DataSource) {}

  async gradeBand(schoolId: string | null): Promise<GradeBand | null> {
    if (!schoolId) return null;
    const rows: { band: GradeBand }[] = await this.db.query('SELECT grade_band AS band FROM schools WHERE id = $1', [
      schoolId,
    ]);
    return rows[0]?.band ?? null;
  }

  /**
   * The role's candidates who accepted (SLATE_STAGES), minus the seat's incumbent, with what the slate's factors
   * read: evidence since the confirmation, days in leadership seats at the seat's level (a null band: the district
   * office), and the career profile's willingness to move.
   */
  candidates(
    districtId: string,
    roleId: string,
    incumbentEducatorId: string | null,
    band: GradeBand | null,
    manager: Db = this.db,
  ): Promise<SlateCandidateRow[]> {
    return manager.query(
      `SELECT c.id AS "candidateId", c.educator_id AS "educatorId", e.first_name AS "firstName", e.last_name AS "lastName",
              e.status AS "educatorStatus", e.school_id AS "schoolId", s.name AS "schoolName", s.grade_band AS "schoolBand",
              c.role_id AS "roleId", c.stage, c.readiness, c.readiness_confirmed_at AS "readinessConfirmedAt",
              CASE WHEN c.readiness_confirmed_at IS NULL THEN 0
                   ELSE (SELECT count(*) FROM evidence v
                          WHERE v.candidate_id = c.id AND v.created_at > c.readiness_confirmed_at)::int END AS "newEvidence",
              (SELECT coalesce(sum(coalesce(t.ended_on, (now() AT TIME ZONE 'UTC')::date) - t.started_on), 0)
                 FROM seat_tenures t LEFT JOIN schools ts ON ts.id = t.school_id
                WHERE t.educator_id = c.educator_id
                  AND CASE WHEN $4::school_grade_band IS NULL THEN t.school_id IS NULL
                           ELSE ts.grade_band = $4::school_grade_band END)::int AS "seatDaysAtLevel",
              cp.move_willingness AS "moveWillingness", cp.move_grade_bands::text[] AS "moveGradeBands",
              ARRAY(SELECT ps.school_id FROM career_profile_schools ps WHERE ps.educator_id = c.educator_id) AS "moveSchoolIds"
         FROM candidates c JOIN educators e ON e.id = c.educator_id LEFT JOIN schools s ON s.id = e.school_id
         LEFT JOIN career_profiles cp ON cp.educator_id = c.educator_id
        WHERE c.district_id = $1 AND c.role_id = $2 AND c.stage = ANY($3::candidate_stage[])
          AND c.educator_id IS DISTINCT FROM $5`,
      [districtId, roleId, SLATE_STAGES, band, incumbentEducatorId],
    );
  }

  async slate(positionId: string, manager: Db = this.db): Promise<SlateRow | undefined> {
    const rows: SlateRow[] = await manager.query(
      `SELECT sl.frozen_at AS "frozenAt", u.name AS "frozenBy", sl.frozen_entries AS "frozenEntries"
         FROM slates sl LEFT JOIN users u ON u.id = sl.frozen_by_user_id WHERE sl.position_id = $1`,
      [positionId],
    );
    return rows[0];
  }

  async decisions(positionId: string, manager: Db = this.db): Promise<Map<string, SlateDecision>> {
    const rows: (SlateDecision & { candidateId: string })[] = await manager.query(
      `SELECT candidate_id AS "candidateId", decision, reason, decided_at AS "decidedAt"
         FROM slate_decisions WHERE position_id = $1`,
      [positionId],
    );
    return new Map(rows.map(({ candidateId, ...d }) => [candidateId, d]));
  }

  /**
   * The seat's slate row, locked: decisions and freezing queue on it. `create`: made on first use; without it a
   * seat with no slate row yet answers undefined (nothing to take back or unfreeze).
   */
  async lock(
    manager: EntityManager,
    positionId: string,
    districtId: string,
    create = true,
  ): Promise<SlateRow | undefined> {
    if (create) {
      await manager.query(
        'INSERT INTO slates (position_id, district_id) VALUES ($1, $2) ON CONFLICT (position_id) DO NOTHING',
        [positionId, districtId],
      );
    }
    const rows: SlateRow[] = await manager.query(
      `SELECT frozen_at AS "frozenAt", NULL AS "frozenBy", frozen_entries AS "frozenEntries"
         FROM slates WHERE position_id = $1 FOR UPDATE`,
      [positionId],
    );
    return rows[0];
  }

  async decide(
    manager: EntityManager,
    positionId: string,
    districtId: string,
    candidateId: string,
    decision: SlateDecision['decision'],
    reason: string | null,
    userId: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO slate_decisions (position_id, candidate_id, district_id, decision, reason, decided_by_user_id)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (position_id, candidate_id) DO UPDATE
         SET decision = EXCLUDED.decision, reason = EXCLUDED.reason,
             decided_by_user_id = EXCLUDED.decided_by_user_id,
             -- The same decision again (a second click) keeps its time: pins keep the order they were made in.
             decided_at = CASE WHEN slate_decisions.decision = EXCLUDED.decision THEN slate_decisions.decided_at ELSE now() END`,
      [positionId, candidateId, districtId, decision, reason, userId],
    );
  }

  async undecide(manager: EntityManager, positionId: string, candidateId: string): Promise<void> {
    await manager.query('DELETE FROM slate_decisions WHERE position_id = $1 AND candidate_id = $2', [
      positionId,
      candidateId,
    ]);
  }

  /**
   * Whether a candidate of the seat's district is on its slate (its role, accepted, not the incumbent); null: no
   * such candidate in the district.
   */
  async onSlate(
    manager: EntityManager,
    candidateId: string,
    seat: { districtId: string; roleId: string; incumbentEducatorId: string | null },
  ): Promise<boolean | null> {
    const rows: { on: boolean }[] = await manager.query(
      `SELECT (role_id = $3 AND stage = ANY($4::candidate_stage[]) AND educator_id IS DISTINCT FROM $5) AS "on"
         FROM candidates WHERE id = $1 AND district_id = $2`,
      [candidateId, seat.districtId, seat.roleId, SLATE_STAGES, seat.incumbentEducatorId],
    );
    return rows[0]?.on ?? null;
  }

  async freeze(
    manager: EntityManager,
    positionId: string,
    entries: unknown[] | null,
    userId: string | null,
  ): Promise<Date | null> {
    const [rows]: [{ frozenAt: Date | null }[], number] = await manager.query(
      `UPDATE slates SET frozen_at = CASE WHEN $2::jsonb IS NULL THEN NULL ELSE now() END,
              frozen_by_user_id = $3, frozen_entries = $2::jsonb, updated_at = now()
        WHERE position_id = $1 RETURNING frozen_at AS "frozenAt"`,
      [positionId, entries === null ? null : JSON.stringify(entries), userId],
    );
    return rows[0]?.frozenAt ?? null;
  }
}
