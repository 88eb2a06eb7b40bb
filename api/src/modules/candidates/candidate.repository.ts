import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { whereInScope } from '../../auth/access/scope.js';
import type { Scope } from '../../auth/auth-context.js';
import { RowById } from '../../common/crud/row-by-id.js';
import { fetchRawPage } from '../../common/pagination/apply-list-query.js';
import type { ListQuery } from '../../common/pagination/list-query.js';
import type { LeadershipLevel } from '../educators/educator.entity.js';
import { closeMentorshipsOf } from '../mentors/close-mentorships.js';
import { notifyLater } from '../notifications/notify.js';
import { CANDIDATE_LIST, STAGE_TRANSITION_LIST } from './candidate.dto.js';
import { CandidateEntity } from './candidate.entity.js';
import { StageTransitionEntity } from './stage-transition.entity.js';
import type { ActiveStage, ExitReason, ReadinessBand, Stage } from './stages.js';

/** A candidate with the read-only names lists show and sort by. */
export interface CandidateRow {
  id: string;
  districtId: string;
  educatorId: string;
  firstName: string;
  lastName: string;
  schoolId: string | null;
  schoolName: string | null;
  roleId: string;
  roleTitle: string;
  roleLevel: LeadershipLevel;
  stage: Stage;
  pausedFrom: ActiveStage | null;
  exitReason: ExitReason | null;
  stageEnteredAt: Date;
  mentorEducatorId: string | null;
  mentorName: string | null;
  notes: string;
  readiness: ReadinessBand;
  readinessShared: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface TransitionRow {
  id: string;
  candidateId: string;
  fromStage: Stage | null;
  toStage: Stage;
  actorUserId: string | null;
  actorName: string | null;
  reason: string | null;
  exitReason: ExitReason | null;
  createdAt: Date;
}

const COLUMNS = [
  'c.id AS "id"',
  'c.district_id AS "districtId"',
  'c.educator_id AS "educatorId"',
  'e.first_name AS "firstName"',
  'e.last_name AS "lastName"',
  'e.school_id AS "schoolId"',
  's.name AS "schoolName"',
  'c.role_id AS "roleId"',
  'r.title AS "roleTitle"',
  'r.level AS "roleLevel"',
  'c.stage AS "stage"',
  'c.paused_from AS "pausedFrom"',
  'c.exit_reason AS "exitReason"',
  'c.stage_entered_at AS "stageEnteredAt"',
  'c.mentor_educator_id AS "mentorEducatorId"',
  `m.first_name || ' ' || m.last_name AS "mentorName"`,
  'c.notes AS "notes"',
  'c.readiness AS "readiness"',
  'c.readiness_shared AS "readinessShared"',
  'c.version AS "version"',
  'c.created_at AS "createdAt"',
  'c.updated_at AS "updatedAt"',
];

@Injectable()
export class CandidateRepository {
  constructor(private readonly db: DataSource) {}

  private readonly byId = new RowById<CandidateRow>(() => this.base(), 'c.id');

  private base(manager: EntityManager | DataSource = this.db): SelectQueryBuilder<CandidateEntity> {
    // The educator is in the candidacy's district: said in the join, a sort by name can walk the district's
    // educators in name order (ix_educators_district_name) and stop after one page.
    return manager
      .getRepository(CandidateEntity)
      .createQueryBuilder('c')
      .innerJoin('educators', 'e', 'e.id = c.educator_id AND e.district_id = c.district_id')
      .innerJoin('leadership_roles', 'r', 'r.id = c.role_id')
      .leftJoin('schools', 's', 's.id = e.school_id')
      .leftJoin('educators', 'm', 'm.id = c.mentor_educator_id')
      .select(COLUMNS);
  }

  async list(scope: Scope, query: ListQuery): Promise<[CandidateRow[], number]> {
    const qb = this.base();
    whereInScope(qb, scope, { district: 'c.district_id', school: 'e.school_id', educator: 'c.educator_id' });
    return fetchRawPage<CandidateRow>(qb, query, CANDIDATE_LIST);
  }

  findRow(manager: EntityManager | DataSource, id: string): Promise<CandidateRow | undefined> {
    return this.byId.find(manager, id);
  }

  /** Locks the candidate for a stage move: concurrent moves queue here and see the committed stage. */
  lock(manager: EntityManager, id: string): Promise<CandidateEntity | null> {
    return manager.getRepository(CandidateEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  findActive(manager: EntityManager, educatorId: string, roleId: string): Promise<CandidateEntity | null> {
    return manager
      .getRepository(CandidateEntity)
      .createQueryBuilder('c')
      .setLock('pessimistic_write')
      .where('c.educator_id = :educatorId AND c.role_id = :roleId AND c.stage <> :exited', {
        educatorId,
        roleId,
        exited: 'exited',
      })
      .getOne();
  }

  async create(
    manager: EntityManager,
    values: { districtId: string; educatorId: string; roleId: string },
    actorUserId: string | null,
    reason: string,
  ): Promise<CandidateEntity> {
    const candidate = await manager.save(
      manager.create(CandidateEntity, { ...values, stage: 'identified', stageEnteredAt: new Date() }),
    );
    await manager.insert(StageTransitionEntity, {
      districtId: values.districtId,
      candidateId: candidate.id,
      fromStage: null,
      toStage: 'identified',
      actorUserId,
      reason,
      exitReason: null,
    });
    return candidate;
  }

  /** Moves a locked candidate and writes the history row, in the caller's transaction. */
  async move(
    manager: EntityManager,
    candidate: CandidateEntity,
    to: Stage,
    actorUserId: string | null,
    reason: string | null,
    exitReason: ExitReason | null,
  ): Promise<void> {
    const from = candidate.stage;
    candidate.pausedFrom = to === 'paused' ? (from as ActiveStage) : null;
    candidate.exitReason = to === 'exited' ? exitReason : null;
    candidate.stage = to;
    candidate.stageEnteredAt = new Date();
    if (to === 'exited' && (await closeMentorshipsOf(manager, candidate.id, actorUserId))) {
      candidate.mentorEducatorId = null;
    }
    await manager.save(candidate);
    const { identifiers } = await manager.insert(StageTransitionEntity, {
      districtId: candidate.districtId,
      candidateId: candidate.id,
      fromStage: from,
      toStage: to,
      actorUserId,
      reason,
      exitReason: to === 'exited' ? exitReason : null,
    });
    await notifyLater(manager, 'candidate.moved', String(identifiers[0]!.id));
  }

  async transitions(scope: Scope, query: ListQuery): Promise<[TransitionRow[], number]> {
    const qb = this.db
      .getRepository(StageTransitionEntity)
      .createQueryBuilder('t')
      .innerJoin('candidates', 'c', 'c.id = t.candidate_id')
      .innerJoin('educators', 'e', 'e.id = c.educator_id')
      .leftJoin('users', 'u', 'u.id = t.actor_user_id')
      .select([
        't.id AS "id"',
        't.candidate_id AS "candidateId"',
        't.from_stage AS "fromStage"',
        't.to_stage AS "toStage"',
        't.actor_user_id AS "actorUserId"',
        'u.name AS "actorName"',
        't.reason AS "reason"',
        't.exit_reason AS "exitReason"',
        't.created_at AS "createdAt"',
      ]);
    whereInScope(qb, scope, { district: 't.district_id', school: 'e.school_id', educator: 'c.educator_id' });
    return fetchRawPage<TransitionRow>(qb, query, STAGE_TRANSITION_LIST);
  }
}
