import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Scope } from '../auth-context.js';

const ids = (rows: { id: string }[]) => new Set(rows.map((r) => r.id));

export type PeopleScope = Exclude<Scope, { kind: 'platform' }>;

/** The extra condition of a people scope: a principal's schools, or an educator's own rows. */
function peopleWhere(
  scope: PeopleScope,
  schoolColumn: string,
  educatorColumn: string,
  firstParam: number,
): [string, unknown[]] {
  if (scope.kind === 'schools') return [`AND ${schoolColumn} = ANY($${firstParam}::uuid[])`, [scope.schoolIds]];
  if (scope.kind === 'self') return [`AND ${educatorColumn} = $${firstParam}`, [scope.educatorId]];
  return ['', []];
}

/** Set-based membership checks: each returns the subset of the given ids the scope allows. */
@Injectable()
export class AccessRepository {
  constructor(private readonly db: DataSource) {}

  async districtIds(candidates: string[]): Promise<Set<string>> {
    return ids(await this.db.query(`SELECT id FROM districts WHERE id = ANY($1::uuid[])`, [candidates]));
  }

  async schoolIdsInDistrict(districtId: string, candidates: string[]): Promise<Set<string>> {
    return ids(
      await this.db.query(`SELECT id FROM schools WHERE id = ANY($1::uuid[]) AND district_id = $2`, [
        candidates,
        districtId,
      ]),
    );
  }

  async userIdsInDistrict(districtId: string, candidates: string[]): Promise<Set<string>> {
    return ids(
      await this.db.query(`SELECT id FROM users WHERE id = ANY($1::uuid[]) AND district_id = $2`, [
        candidates,
        districtId,
      ]),
    );
  }

  /** Educators the scope may read: the district, a principal's schools, or an educator's own record. */
  async educatorIds(scope: PeopleScope, candidates: string[]): Promise<Set<string>> {
    const [where, params] = peopleWhere(scope, 'e.school_id', 'e.id', 3);
    return ids(
      await this.db.query(`SELECT e.id FROM educators e WHERE e.id = ANY($1::uuid[]) AND e.district_id = $2 ${where}`, [
        candidates,
        scope.districtId,
        ...params,
      ]),
    );
  }

  /** The caller and their colleagues: educators of the same school (district-office staff: of the district office). */
  async colleagueIds(educatorId: string, candidates: string[]): Promise<Set<string>> {
    return ids(
      await this.db.query(
        `SELECT e.id FROM educators e JOIN educators me ON me.id = $2
          WHERE e.id = ANY($1::uuid[]) AND e.district_id = me.district_id
            AND (e.id = me.id OR e.school_id IS NOT DISTINCT FROM me.school_id)`,
        [candidates, educatorId],
      ),
    );
  }

  async candidateIds(scope: PeopleScope, candidates: string[]): Promise<Set<string>> {
    const [where, params] = peopleWhere(scope, 'e.school_id', 'c.educator_id', 3);
    return ids(
      await this.db.query(
        `SELECT c.id FROM candidates c JOIN educators e ON e.id = c.educator_id
          WHERE c.id = ANY($1::uuid[]) AND c.district_id = $2 ${where}`,
        [candidates, scope.districtId, ...params],
      ),
    );
  }

  /** Mentorships of candidacies in scope; for an educator, also those where they are the mentor. */
  async mentorshipIds(scope: PeopleScope, candidates: string[]): Promise<Set<string>> {
    const [where, params] = peopleWhere(scope, 'e.school_id', 'c.educator_id', 3);
    const mentor = scope.kind === 'self' ? ` OR (ms.district_id = $2 AND ms.mentor_educator_id = $3)` : '';
    return ids(
      await this.db.query(
        `SELECT ms.id FROM mentorships ms JOIN candidates c ON c.id = ms.candidate_id
           JOIN educators e ON e.id = c.educator_id
          WHERE ms.id = ANY($1::uuid[]) AND ((c.district_id = $2 ${where})${mentor})`,
        [candidates, scope.districtId, ...params],
      ),
    );
  }

  async menteeCandidateIds(mentorEducatorId: string, candidates: string[]): Promise<Set<string>> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT candidate_id AS id FROM mentorships
        WHERE candidate_id = ANY($1::uuid[]) AND mentor_educator_id = $2 AND status = 'active'`,
      [candidates, mentorEducatorId],
    );
    return ids(rows);
  }

  async evidenceIds(scope: PeopleScope, candidates: string[]): Promise<Set<string>> {
    const [where, params] = peopleWhere(scope, 'e.school_id', 'c.educator_id', 3);
    return ids(
      await this.db.query(
        `SELECT v.id FROM evidence v JOIN candidates c ON c.id = v.candidate_id JOIN educators e ON e.id = c.educator_id
          WHERE v.id = ANY($1::uuid[]) AND v.district_id = $2 ${where}`,
        [candidates, scope.districtId, ...params],
      ),
    );
  }

  async leadershipRoleIds(districtId: string, candidates: string[]): Promise<Set<string>> {
    return ids(
      await this.db.query(`SELECT id FROM leadership_roles WHERE id = ANY($1::uuid[]) AND district_id = $2`, [
        candidates,
        districtId,
      ]),
    );
  }

  /** Nominations the scope may read (PRODUCT.md §2: the nominee sees one only once approved). */
  async nominationIds(scope: PeopleScope, userId: string, candidates: string[]): Promise<Set<string>> {
    let where = '';
    const params: unknown[] = [candidates, scope.districtId];
    if (scope.kind === 'schools') {
      params.push(scope.schoolIds, userId);
      where = 'AND (e.school_id = ANY($3::uuid[]) OR n.nominator_user_id = $4)';
    } else if (scope.kind === 'self') {
      params.push(userId, scope.educatorId);
      where = `AND (n.nominator_user_id = $3 OR (n.educator_id = $4 AND n.status = 'approved'))`;
    }
    return ids(
      await this.db.query(
        `SELECT n.id FROM nominations n JOIN educators e ON e.id = n.educator_id WHERE n.id = ANY($1::uuid[]) AND n.district_id = $2 ${where}`,
        params,
      ),
    );
  }

  async nominationIdsBy(districtId: string, userId: string, candidates: string[]): Promise<Set<string>> {
    return ids(
      await this.db.query(
        `SELECT id FROM nominations WHERE id = ANY($1::uuid[]) AND district_id = $2 AND nominator_user_id = $3`,
        [candidates, districtId, userId],
      ),
    );
  }

  /** Frameworks a district reads: the shared reference ones and its own. */
  async frameworkIds(districtId: string, candidates: string[]): Promise<Set<string>> {
    return ids(
      await this.db.query(
        `SELECT id FROM competency_frameworks WHERE id = ANY($1::uuid[]) AND (district_id IS NULL OR district_id = $2)`,
        [candidates, districtId],
      ),
    );
  }

  async competencyIds(districtId: string, candidates: string[]): Promise<Set<string>> {
    return ids(
      await this.db.query(
        `SELECT c.id FROM competencies c JOIN competency_frameworks f ON f.id = c.framework_id
          WHERE c.id = ANY($1::uuid[]) AND (f.district_id IS NULL OR f.district_id = $2)`,
        [candidates, districtId],
      ),
    );
  }

  async ownFrameworkIds(districtId: string, candidates: string[]): Promise<Set<string>> {
    return ids(
      await this.db.query(`SELECT id FROM competency_frameworks WHERE id = ANY($1::uuid[]) AND district_id = $2`, [
        candidates,
        districtId,
      ]),
    );
  }

  async opportunityIds(districtId: string, candidates: string[]): Promise<Set<string>> {
    return ids(
      await this.db.query(`SELECT id FROM development_opportunities WHERE id = ANY($1::uuid[]) AND district_id = $2`, [
        candidates,
        districtId,
      ]),
    );
  }

  /** Assignments of candidates the scope may read (an educator: their own). */
  async assignmentIds(scope: PeopleScope, candidates: string[]): Promise<Set<string>> {
    const [where, params] = peopleWhere(scope, 'e.school_id', 'c.educator_id', 3);
    return ids(
      await this.db.query(
        `SELECT a.id FROM assignments a JOIN candidates c ON c.id = a.candidate_id JOIN educators e ON e.id = c.educator_id
          WHERE a.id = ANY($1::uuid[]) AND a.district_id = $2 ${where}`,
        [candidates, scope.districtId, ...params],
      ),
    );
  }

  /** A district's talent review sessions; with `reviewerUserId`, only those that user is invited to. */
  async reviewSessionIds(
    districtId: string,
    candidates: string[],
    reviewerUserId: string | null,
  ): Promise<Set<string>> {
    return ids(
      await this.db.query(
        `SELECT id FROM review_sessions rs WHERE id = ANY($1::uuid[]) AND district_id = $2
           AND ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM review_session_reviewers v WHERE v.session_id = rs.id AND v.user_id = $3))`,
        [candidates, districtId, reviewerUserId],
      ),
    );
  }

  async positionIds(districtId: string, candidates: string[]): Promise<Set<string>> {
    return ids(
      await this.db.query(`SELECT id FROM positions WHERE id = ANY($1::uuid[]) AND district_id = $2`, [
        candidates,
        districtId,
      ]),
    );
  }

  async hrUserIds(candidates: string[], onlyWithoutPassword = false): Promise<Set<string>> {
    const extra = onlyWithoutPassword ? 'AND password_hash IS NULL' : '';
    return ids(
      await this.db.query(`SELECT id FROM users WHERE id = ANY($1::uuid[]) AND role = 'hr' ${extra}`, [candidates]),
    );
  }
}
