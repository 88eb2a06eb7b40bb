import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { AccessService } from '../../auth/access/access.service.js';
import type { AuthContext } from '../../auth/auth-context.js';
import { requireDistrict } from '../../auth/auth-context.js';
import { Permission } from '../../auth/permissions.js';
import { AppError } from '../../common/errors/app-error.js';
import { ErrorCode } from '../../common/errors/error-code.js';
import { toIso } from '../../common/iso.js';
import { fetchRawPage } from '../../common/pagination/apply-list-query.js';
import type { ListQuery, Page } from '../../common/pagination/list-query.js';
import { notifyLater } from '../notifications/notify.js';
import { PLAN_STAGES } from '../plans/plan.service.js';
import { gapsOf, levelOf, mentorsWhoFit } from './mentor-fit.js';
import type {
  AnswerMentorshipDto,
  EndMentorshipDto,
  LogSessionDto,
  MentorDto,
  MentoringSessionDto,
  MentorshipDto,
  MentorshipStatus,
  MentorSuggestionsDto,
  PutMentorDto,
  RequestMentorshipDto,
} from './mentor.dto.js';
import { MENTOR_LIST, MENTORSHIP_LIST } from './mentor.dto.js';

const MENTOR_COLUMNS = [
  'm.educator_id AS "id"',
  'e.first_name AS "firstName"',
  'e.last_name AS "lastName"',
  'e.job_title AS "jobTitle"',
  's.name AS "schoolName"',
  `${levelOf('m.educator_id')} AS "level"`,
  'm.capacity AS "capacity"',
  'm.taken AS "taken"',
  'm.active AS "active"',
  `EXISTS (SELECT 1 FROM users u WHERE u.educator_id = m.educator_id AND u.active) AS "hasLogin"`,
  'm.version AS "version"',
];

const MENTORSHIP_COLUMNS = [
  'ms.id AS "id"',
  'ms.candidate_id AS "candidateId"',
  `e.first_name || ' ' || e.last_name AS "candidateName"`,
  'r.title AS "roleTitle"',
  'ms.mentor_educator_id AS "mentorEducatorId"',
  `me.first_name || ' ' || me.last_name AS "mentorName"`,
  'ms.status::text AS "status"',
  'ms.message AS "message"',
  'ms.answer AS "answer"',
  'ms.requested_at AS "requestedAt"',
  'ms.answered_at AS "answeredAt"',
  'ms.ended_at AS "endedAt"',
  `(SELECT round(coalesce(sum(x.minutes), 0) / 15.0) / 4 FROM mentoring_sessions x WHERE x.mentorship_id = ms.id)::float AS "hours"`,
  'c.educator_id AS "menteeEducatorId"',
  'ms.version AS "version"',
];

type MentorshipRow = Omit<MentorshipDto, 'requestedAt' | 'answeredAt' | 'endedAt' | 'yourPart'> & {
  requestedAt: Date;
  answeredAt: Date | null;
  endedAt: Date | null;
};

const iso = (d: Date | null) => (d ? toIso(d) : null);

/**
 * Mentors and mentorships (issue #19 part 3): hr marks mentors with a capacity; a candidate (or the program)
 * requests one of the suggested mentors; the mentor accepts or declines; both log the sessions' hours. An
 * active mentor reads the mentee's development plan (PlanService) and nothing else of their record.
 */
@Injectable()
export class MentorService {
  constructor(
    private readonly access: AccessService,
    private readonly db: DataSource,
  ) {}

  async listMentors(auth: AuthContext, query: ListQuery): Promise<Page<MentorDto>> {
    await this.access.require(auth, Permission.MentorRead, []);
    const qb = this.mentorQuery().andWhere('m.district_id = :district', { district: requireDistrict(auth) });
    const [items, total] = await fetchRawPage<MentorDto>(qb, query, MENTOR_LIST);
    return { items, total, offset: query.offset, resource: MENTOR_LIST.resource };
  }

  /** Marks an educator as a mentor, or changes their capacity or standing. */
  async putMentor(auth: AuthContext, educatorId: string, dto: PutMentorDto): Promise<MentorDto> {
    await this.access.require(auth, Permission.MentorManage, [educatorId], 'Educator');
    return this.db.transaction(async (m) => {
      const [e]: { status: string; districtId: string; hasLogin: boolean }[] = await m.query(
        `SELECT e.status::text AS status, e.district_id AS "districtId",
                EXISTS (SELECT 1 FROM users u WHERE u.educator_id = e.id AND u.active) AS "hasLogin"
           FROM educators e WHERE e.id = $1 FOR UPDATE`,
        [educatorId],
      );
      if (!e) throw AppError.notFound('Educator');
      if (dto.active && (e.status !== 'active' || !e.hasLogin)) {
        throw AppError.validation({
          educatorId:
            e.status !== 'active'
              ? 'an inactive educator cannot mentor'
              : 'a mentor answers requests in Emerge: give them a login first',
        });
      }
      const rows: unknown[] = await m.query(
        `INSERT INTO mentors (educator_id, district_id, capacity, active) VALUES ($1, $2, $3, $4)
         ON CONFLICT (educator_id) DO UPDATE SET capacity = EXCLUDED.capacity, active = EXCLUDED.active,
           updated_at = now(), version = mentors.version + 1
         WHERE mentors.taken <= EXCLUDED.capacity
         RETURNING educator_id`,
        [educatorId, e.districtId, dto.capacity, dto.active],
      );
      if (rows.length === 0) {
        throw new AppError(
          ErrorCode.Conflict,
          'The capacity is below the mentees they have now: end a mentorship first, or keep the capacity',
        );
      }
      if (!dto.active) {
        // Requests to a retired mentor would otherwise hold their candidacies' one open place.
        await m.query(
          `WITH closed AS (
             UPDATE mentorships SET status = 'withdrawn', ended_at = now(), ended_by_user_id = $2, updated_at = now(),
                    version = version + 1
              WHERE mentor_educator_id = $1 AND status = 'requested' RETURNING id)
           SELECT id FROM closed`,
          [educatorId, auth.userId],
        );
      }
      return this.mentor(m, educatorId);
    });
  }

  /**
   * Mentors who fit a candidacy: active, with room, not the candidate, not their line manager (who holds a
   * school seat at the candidate's school), at the role's level or the next. Program staff get them ranked by
   * how many of the candidate's gaps their own evidence meets; the candidate a shortlist in name order.
   */
  async suggestions(auth: AuthContext, candidateId: string): Promise<MentorSuggestionsDto> {
    await this.requireCandidate(auth, candidateId);
    const staff = auth.scope.kind === 'district';
    const gaps = await gapsOf(this.db, candidateId);
    const rows = await mentorsWhoFit(this.db, candidateId, gaps);
    const byName = (a: { lastName: string; firstName: string }, b: { lastName: string; firstName: string }) =>
      a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName);
    const mentors = staff
      ? rows
          .sort((a, b) => b.strengths.length - a.strengths.length || b.room - a.room || byName(a, b))
          .slice(0, 20)
          .map((r, i) => ({ ...r, rank: i + 1 }))
      : rows
          .sort(byName)
          .slice(0, 50)
          // Nor a colleague's seat level or room, which would show when they take a mentee.
          .map((r) => ({ ...r, level: null, room: null, strengths: null, rank: null }));
    return { candidateId, gaps: gaps.map((g) => g.title), mentors };
  }

  /** Asks a mentor to take the candidacy on: the candidate for themself, or a coordinator or hr. */
  async request(auth: AuthContext, candidateId: string, dto: RequestMentorshipDto): Promise<MentorshipDto> {
    await this.requireCandidate(auth, candidateId);
    const id = await this.db.transaction(async (m) => {
      const [c]: { districtId: string; stage: string }[] = await m.query(
        `SELECT district_id AS "districtId", stage::text AS stage FROM candidates WHERE id = $1 FOR UPDATE`,
        [candidateId],
      );
      if (!c) throw AppError.notFound('Candidate');
      this.requireStage(c.stage);
      // One answer whatever the reason, so that a request cannot be used to learn about a colleague.
      const fitting = await mentorsWhoFit(m, candidateId, []);
      if (!fitting.some((x) => x.id === dto.mentorEducatorId)) {
        throw AppError.validation({
          mentorEducatorId: 'not one of the mentors who fit this candidacy now: choose one from the suggestions',
        });
      }
      const [row]: { id: string }[] = await m.query(
        `INSERT INTO mentorships (district_id, candidate_id, mentor_educator_id, message, requested_by_user_id)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [c.districtId, candidateId, dto.mentorEducatorId, dto.message ?? '', auth.userId],
      );
      await notifyLater(m, 'mentorship.requested', row!.id);
      return row!.id;
    });
    return this.get(auth, id);
  }

  /** The mentor accepts (taking one of their places, if one is left) or declines. */
  async answer(auth: AuthContext, id: string, dto: AnswerMentorshipDto): Promise<MentorshipDto> {
    await this.access.require(auth, Permission.MentorshipAnswer, [id], 'Mentorship');
    await this.db.transaction(async (m) => {
      await this.lockCandidacyOf(m, id);
      const ms = await this.lockMentorship(m, id, dto.version);
      if (ms.mentorEducatorId !== auth.educatorId) {
        throw new AppError(ErrorCode.Forbidden, 'Only the mentor asked answers this request');
      }
      if (ms.status !== 'requested') {
        throw new AppError(ErrorCode.Conflict, `This request is already ${ms.status}`);
      }
      if (dto.accept) {
        const [c]: { stage: string }[] = await m.query('SELECT stage::text AS stage FROM candidates WHERE id = $1', [
          ms.candidateId,
        ]);
        this.requireStage(c!.stage);
        // Conditional on room, under the row lock the UPDATE takes: two acceptances cannot share the last place.
        // (A SELECT over the CTE: TypeORM answers a bare UPDATE with [rows, count], whatever it matched.)
        const taken: unknown[] = await m.query(
          `WITH took AS (
             UPDATE mentors SET taken = taken + 1, updated_at = now(), version = version + 1
              WHERE educator_id = $1 AND active AND taken < capacity RETURNING educator_id)
           SELECT educator_id FROM took`,
          [ms.mentorEducatorId],
        );
        if (taken.length === 0) {
          throw new AppError(
            ErrorCode.Conflict,
            'You have no room left for another mentee: ask hr to raise your capacity, or decline',
          );
        }
        await m.query(
          `UPDATE candidates SET mentor_educator_id = $2, updated_at = now(), version = version + 1 WHERE id = $1`,
          [ms.candidateId, ms.mentorEducatorId],
        );
      }
      await m.query(
        `UPDATE mentorships SET status = $2, answer = $3, answered_at = now(), updated_at = now(),
           version = version + 1 WHERE id = $1`,
        [id, dto.accept ? 'active' : 'declined', dto.answer || null],
      );
      await notifyLater(m, 'mentorship.answered', id);
    });
    return this.get(auth, id);
  }

  /** Withdraws a request not yet answered, or ends an active mentorship (its place is freed). */
  async end(auth: AuthContext, id: string, dto: EndMentorshipDto): Promise<MentorshipDto> {
    await this.access.require(auth, Permission.MentorshipRequest, [id], 'Mentorship');
    await this.db.transaction(async (m) => {
      await this.lockCandidacyOf(m, id);
      const ms = await this.lockMentorship(m, id, dto.version);
      if (ms.status === 'requested') {
        if (ms.mentorEducatorId === auth.educatorId) {
          throw new AppError(ErrorCode.Conflict, 'A request to you is answered: decline it rather than withdraw it');
        }
        await m.query(
          `UPDATE mentorships SET status = 'withdrawn', ended_at = now(), ended_by_user_id = $2, updated_at = now(),
             version = version + 1 WHERE id = $1`,
          [id, auth.userId],
        );
        return;
      }
      if (ms.status !== 'active') throw new AppError(ErrorCode.Conflict, `This mentorship is already ${ms.status}`);
      await m.query(
        `UPDATE mentorships SET status = 'ended', ended_at = now(), ended_by_user_id = $2, updated_at = now(),
           version = version + 1 WHERE id = $1`,
        [id, auth.userId],
      );
      await m.query(
        'UPDATE mentors SET taken = taken - 1, updated_at = now(), version = version + 1 WHERE educator_id = $1',
        [ms.mentorEducatorId],
      );
      await m.query(
        `UPDATE candidates SET mentor_educator_id = NULL, updated_at = now(), version = version + 1
          WHERE id = $1 AND mentor_educator_id = $2`,
        [ms.candidateId, ms.mentorEducatorId],
      );
    });
    return this.get(auth, id);
  }

  async list(auth: AuthContext, query: ListQuery): Promise<Page<MentorshipDto>> {
    await this.access.require(auth, Permission.MentorshipRead, []);
    const qb = this.inScope(this.mentorshipQuery(), auth);
    const [rows, total] = await fetchRawPage<MentorshipRow>(qb, query, MENTORSHIP_LIST);
    return {
      items: rows.map((r) => this.toMentorship(auth, r)),
      total,
      offset: query.offset,
      resource: MENTORSHIP_LIST.resource,
    };
  }

  async get(auth: AuthContext, id: string): Promise<MentorshipDto> {
    await this.access.require(auth, Permission.MentorshipRead, [id], 'Mentorship');
    const row = await this.mentorshipQuery().where('ms.id = :id', { id }).getRawOne<MentorshipRow>();
    if (!row) throw AppError.notFound('Mentorship');
    return this.toMentorship(auth, row);
  }

  async sessions(auth: AuthContext, id: string): Promise<MentoringSessionDto[]> {
    await this.access.require(auth, Permission.MentorshipRead, [id], 'Mentorship');
    const rows: (Omit<MentoringSessionDto, 'createdAt'> & { createdAt: Date })[] = await this.db.query(
      `SELECT x.id, x.mentorship_id AS "mentorshipId", to_char(x.held_on, 'YYYY-MM-DD') AS "heldOn", x.minutes,
              x.topic, CASE WHEN u.educator_id = ms.mentor_educator_id THEN 'mentor' ELSE 'mentee' END AS "loggedBy",
              x.created_at AS "createdAt"
         FROM mentoring_sessions x JOIN mentorships ms ON ms.id = x.mentorship_id
         LEFT JOIN users u ON u.id = x.logged_by_user_id
        WHERE x.mentorship_id = $1 ORDER BY x.held_on DESC, x.created_at DESC`,
      [id],
    );
    return rows.map((r) => ({ ...r, createdAt: toIso(r.createdAt) }));
  }

  /** A session either side logs, once: the other side sees it and does not log it again. */
  async logSession(auth: AuthContext, id: string, dto: LogSessionDto): Promise<MentoringSessionDto> {
    await this.access.require(auth, Permission.MentorshipLog, [id], 'Mentorship');
    const sessionId = await this.db.transaction(async (m) => {
      const ms = await this.lockMentorship(m, id);
      const [mentee]: { educatorId: string }[] = await m.query(
        'SELECT educator_id AS "educatorId" FROM candidates WHERE id = $1',
        [ms.candidateId],
      );
      if (auth.educatorId !== ms.mentorEducatorId && auth.educatorId !== mentee!.educatorId) {
        throw new AppError(ErrorCode.Forbidden, 'Sessions are logged by the mentor or the mentee');
      }
      if (ms.status !== 'active') {
        throw new AppError(
          ErrorCode.Conflict,
          `Sessions are logged while the mentorship is active; it is ${ms.status}`,
        );
      }
      const [when]: { future: boolean; before: boolean }[] = await m.query(
        `SELECT $1::date > CURRENT_DATE AS future, $1::date < $2::timestamptz::date AS before`,
        [dto.heldOn, ms.answeredAt],
      );
      if (when!.future) throw AppError.validation({ heldOn: 'a session is logged once it has taken place' });
      if (when!.before) throw AppError.validation({ heldOn: 'the mentorship began after this day' });
      const [row]: { id: string }[] = await m.query(
        `INSERT INTO mentoring_sessions (mentorship_id, district_id, held_on, minutes, topic, logged_by_user_id)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [id, ms.districtId, dto.heldOn, dto.minutes, dto.topic ?? '', auth.userId],
      );
      return row!.id;
    });
    const sessions = await this.sessions(auth, id);
    return sessions.find((s) => s.id === sessionId)!;
  }

  private async requireCandidate(auth: AuthContext, candidateId: string): Promise<void> {
    await this.access.require(auth, Permission.MentorshipRequest, []);
    await this.access.require(auth, Permission.CandidateRead, [candidateId], 'Candidate');
  }

  private requireStage(stage: string): void {
    if (!(PLAN_STAGES as readonly string[]).includes(stage)) {
      throw new AppError(
        ErrorCode.Conflict,
        `A mentor is found once the candidate has accepted the nomination and while the candidacy goes on; it is ${stage}`,
      );
    }
  }

  /** The candidacy first, as a stage move locks it before its mentorships: one lock order, no deadlock. */
  private async lockCandidacyOf(m: EntityManager, mentorshipId: string): Promise<void> {
    await m.query(
      'SELECT 1 FROM candidates WHERE id = (SELECT candidate_id FROM mentorships WHERE id = $1) FOR UPDATE',
      [mentorshipId],
    );
  }

  private async lockMentorship(
    m: EntityManager,
    id: string,
    version?: number,
  ): Promise<{
    candidateId: string;
    districtId: string;
    mentorEducatorId: string;
    status: MentorshipStatus;
    answeredAt: Date | null;
  }> {
    const [ms]: {
      candidateId: string;
      districtId: string;
      mentorEducatorId: string;
      status: MentorshipStatus;
      answeredAt: Date | null;
      version: number;
    }[] = await m.query(
      `SELECT candidate_id AS "candidateId", district_id AS "districtId", mentor_educator_id AS "mentorEducatorId",
              status::text AS status, answered_at AS "answeredAt", version
         FROM mentorships WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!ms) throw AppError.notFound('Mentorship');
    if (version !== undefined && version !== ms.version) {
      throw new AppError(
        ErrorCode.StaleVersion,
        `The mentorship changed meanwhile (your version ${version}, current ${ms.version}); reload it and try again`,
      );
    }
    return ms;
  }

  private mentorQuery(): SelectQueryBuilder<object> {
    return this.db
      .createQueryBuilder()
      .from('mentors', 'm')
      .innerJoin('educators', 'e', 'e.id = m.educator_id')
      .leftJoin('schools', 's', 's.id = e.school_id')
      .select(MENTOR_COLUMNS);
  }

  private async mentor(m: EntityManager, educatorId: string): Promise<MentorDto> {
    const row = await this.mentorQuery()
      .setQueryRunner(m.queryRunner!)
      .where('m.educator_id = :educatorId', { educatorId })
      .getRawOne<MentorDto>();
    return row!;
  }

  private mentorshipQuery(): SelectQueryBuilder<object> {
    return this.db
      .createQueryBuilder()
      .from('mentorships', 'ms')
      .innerJoin('candidates', 'c', 'c.id = ms.candidate_id')
      .innerJoin('educators', 'e', 'e.id = c.educator_id')
      .innerJoin('leadership_roles', 'r', 'r.id = c.role_id')
      .innerJoin('educators', 'me', 'me.id = ms.mentor_educator_id')
      .select(MENTORSHIP_COLUMNS);
  }

  /** The mentorships of candidacies in the caller's scope; an educator's also include those they mentor. */
  private inScope(qb: SelectQueryBuilder<object>, auth: AuthContext): SelectQueryBuilder<object> {
    const { scope } = auth;
    if (scope.kind === 'platform') return qb.andWhere('1 = 0');
    qb.andWhere('ms.district_id = :scopeDistrictId', { scopeDistrictId: scope.districtId });
    if (scope.kind === 'schools')
      qb.andWhere('e.school_id = ANY(:scopeSchoolIds)', { scopeSchoolIds: scope.schoolIds });
    if (scope.kind === 'self') {
      qb.andWhere('(c.educator_id = :me OR ms.mentor_educator_id = :me)', { me: scope.educatorId });
    }
    return qb;
  }

  private toMentorship(auth: AuthContext, r: MentorshipRow): MentorshipDto {
    const yourPart =
      auth.educatorId && auth.educatorId === r.mentorEducatorId
        ? 'mentor'
        : auth.educatorId && auth.educatorId === r.menteeEducatorId
          ? 'mentee'
          : 'program';
    return {
      ...r,
      hours: Number(r.hours),
      requestedAt: toIso(r.requestedAt),
      answeredAt: iso(r.answeredAt),
      endedAt: iso(r.endedAt),
      yourPart,
    };
  }
}
