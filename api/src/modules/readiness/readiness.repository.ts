import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { ReadinessBand, Stage } from '../candidates/stages.js';
import type { ReadinessReason } from './readiness-assessment.entity.js';
import { ReadinessAssessmentEntity } from './readiness-assessment.entity.js';

export interface ReadinessCandidate {
  id: string;
  districtId: string;
  roleId: string;
  stage: Stage;
  readiness: ReadinessBand;
  readinessConfirmedAt: Date | null;
  readinessShared: boolean;
  version: number;
}

export interface AssessmentRow {
  id: string;
  suggestedBand: ReadinessBand;
  suggestedReasons: ReadinessReason[];
  band: ReadinessBand;
  rationale: string;
  confirmedByUserId: string;
  confirmedByName: string;
  confirmedAt: Date;
}

const CANDIDATE = `SELECT id, district_id AS "districtId", role_id AS "roleId", stage, readiness,
  readiness_confirmed_at AS "readinessConfirmedAt", readiness_shared AS "readinessShared", version FROM candidates WHERE id = $1`;

@Injectable()
export class ReadinessRepository {
  constructor(private readonly db: DataSource) {}

  async candidate(
    manager: EntityManager | DataSource,
    id: string,
    lock = false,
  ): Promise<ReadinessCandidate | undefined> {
    const rows: ReadinessCandidate[] = await manager.query(lock ? `${CANDIDATE} FOR UPDATE` : CANDIDATE, [id]);
    return rows[0];
  }

  /** Every confirmation of the candidate, newest first. */
  history(candidateId: string): Promise<AssessmentRow[]> {
    return this.db.query(
      `SELECT a.id, a.suggested_band AS "suggestedBand", a.suggested_reasons AS "suggestedReasons", a.band, a.rationale,
              a.confirmed_by_user_id AS "confirmedByUserId", u.name AS "confirmedByName", a.confirmed_at AS "confirmedAt"
         FROM readiness_assessments a JOIN users u ON u.id = a.confirmed_by_user_id
        WHERE a.candidate_id = $1 ORDER BY a.confirmed_at DESC, a.id`,
      [candidateId],
    );
  }

  /** Evidence recorded (not observed) after the last confirmation, oldest first; compared in SQL at full precision. */
  async evidenceSinceConfirmation(candidateId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT v.id FROM evidence v JOIN candidates c ON c.id = v.candidate_id
        WHERE v.candidate_id = $1 AND v.created_at > c.readiness_confirmed_at ORDER BY v.created_at, v.id`,
      [candidateId],
    );
    return rows.map((r) => r.id);
  }

  async insert(manager: EntityManager, values: Partial<ReadinessAssessmentEntity>): Promise<ReadinessAssessmentEntity> {
    return manager.save(manager.create(ReadinessAssessmentEntity, values));
  }

  /** The assessment's band and time become the candidate's confirmed readiness (what benches and dashboards read). */
  async setConfirmed(manager: EntityManager, assessmentId: string): Promise<void> {
    await manager.query(
      `UPDATE candidates c SET readiness = a.band, readiness_confirmed_at = a.confirmed_at, version = c.version + 1, updated_at = now()
         FROM readiness_assessments a WHERE a.id = $1 AND c.id = a.candidate_id`,
      [assessmentId],
    );
  }

  async setShared(manager: EntityManager, id: string, shared: boolean): Promise<void> {
    await manager.query(
      `UPDATE candidates SET readiness_shared = $2, version = version + 1, updated_at = now()
        WHERE id = $1 AND readiness_shared IS DISTINCT FROM $2`,
      [id, shared],
    );
  }
}
