import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { whereNominationInScope } from '../../auth/access/scope.js';
import type { AuthContext } from '../../auth/auth-context.js';
import { RowById } from '../../common/crud/row-by-id.js';
import { fetchRawPage } from '../../common/pagination/apply-list-query.js';
import type { ListQuery } from '../../common/pagination/list-query.js';
import type { LeadershipLevel } from '../educators/educator.entity.js';
import { NOMINATION_LIST } from './nomination.dto.js';
import type { NominationStatus, NominatorKind } from './nomination.entity.js';
import { NominationEntity } from './nomination.entity.js';

export interface NominationRow {
  id: string;
  districtId: string;
  educatorId: string;
  educatorFirstName: string;
  educatorLastName: string;
  schoolId: string | null;
  schoolName: string | null;
  targetRoleId: string;
  targetRoleTitle: string;
  targetRoleLevel: LeadershipLevel;
  nominatorUserId: string;
  nominatorName: string;
  nominatorKind: NominatorKind;
  rationale: string;
  privateNote: string | null;
  competencyIds: string[];
  status: NominationStatus;
  decisionReason: string | null;
  decidedAt: Date | null;
  candidateId: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

@Injectable()
export class NominationRepository {
  constructor(private readonly db: DataSource) {}

  private readonly byId = new RowById<NominationRow>(() => this.base(), 'n.id');

  private base(manager: EntityManager | DataSource = this.db): SelectQueryBuilder<NominationEntity> {
    // The nominee is in the nomination's district: said in the join, a sort by name can walk the district's
    // educators in name order (ix_educators_district_name) and stop after one page.
    return manager
      .getRepository(NominationEntity)
      .createQueryBuilder('n')
      .innerJoin('educators', 'e', 'e.id = n.educator_id AND e.district_id = n.district_id')
      .innerJoin('leadership_roles', 'r', 'r.id = n.target_role_id')
      .innerJoin('users', 'u', 'u.id = n.nominator_user_id')
      .leftJoin('schools', 's', 's.id = e.school_id')
      .select([
        'n.id AS "id"',
        'n.district_id AS "districtId"',
        'n.educator_id AS "educatorId"',
        'e.first_name AS "educatorFirstName"',
        'e.last_name AS "educatorLastName"',
        'e.school_id AS "schoolId"',
        's.name AS "schoolName"',
        'n.target_role_id AS "targetRoleId"',
        'r.title AS "targetRoleTitle"',
        'r.level AS "targetRoleLevel"',
        'n.nominator_user_id AS "nominatorUserId"',
        'u.name AS "nominatorName"',
        'n.nominator_kind AS "nominatorKind"',
        'n.rationale AS "rationale"',
        'n.private_note AS "privateNote"',
        'n.competency_ids AS "competencyIds"',
        'n.status AS "status"',
        'n.decision_reason AS "decisionReason"',
        'n.decided_at AS "decidedAt"',
        'n.candidate_id AS "candidateId"',
        'n.version AS "version"',
        'n.created_at AS "createdAt"',
        'n.updated_at AS "updatedAt"',
      ]);
  }

  async list(auth: AuthContext, query: ListQuery): Promise<[NominationRow[], number]> {
    const qb = this.base();
    whereNominationInScope(qb, auth);
    return fetchRawPage<NominationRow>(qb, query, NOMINATION_LIST);
  }

  findRow(manager: EntityManager | DataSource, id: string): Promise<NominationRow | undefined> {
    return this.byId.find(manager, id);
  }

  lock(manager: EntityManager, id: string): Promise<NominationEntity | null> {
    return manager.getRepository(NominationEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  insert(manager: EntityManager, values: Partial<NominationEntity>): Promise<NominationEntity> {
    return manager.save(manager.create(NominationEntity, values));
  }

  save(manager: EntityManager, nomination: NominationEntity): Promise<NominationEntity> {
    return manager.save(nomination);
  }

  async educatorStatus(manager: EntityManager, educatorId: string): Promise<string | undefined> {
    const [row]: { status: string }[] = await manager.query(`SELECT status FROM educators WHERE id = $1`, [educatorId]);
    return row?.status;
  }
}
