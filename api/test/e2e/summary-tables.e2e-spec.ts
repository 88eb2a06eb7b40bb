import {
  EQUITY_COUNTS_SELECT,
  EQUITY_FACTS_SELECT,
  FUNNEL_COUNTS_SELECT,
  LATEST_RATINGS_SELECT,
  migrations,
  NOMINATION_COUNTS_SELECT,
  NOMINATION_FACTS_SELECT,
  OPEN_STAYS_SELECT,
  STAGE_STAYS_SELECT,
  STAY_DURATIONS_SELECT,
  TARGET_LEVELS_SELECT,
} from '@emerge/migrations';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { createTestApp, rolledBack, TestApp } from '../test-app.js';

/**
 * latest_ratings and stage_stays are kept by triggers on the history tables; the scale generator instead
 * rebuilds them from their set-based definitions. Both must give the same rows, whatever order and grouping
 * the history arrives in.
 */
describe('summary tables', () => {
  let t: TestApp;
  let districtId: string;
  let recorder: string;
  let cands: string[];
  let nodes: string[];

  beforeAll(async () => {
    t = await createTestApp();
    const f = t.factories;
    districtId = (await f.createDistrict()).id;
    recorder = (await f.createUser({ role: 'hr', districtId })).id;
    const roleId = (await f.createLeadershipRole({ districtId })).id;
    cands = [];
    for (let i = 0; i < 3; i++) {
      const educatorId = (await f.createEducator({ districtId })).id;
      cands.push((await f.createCandidate({ districtId, educatorId, roleId })).id);
    }
    const frameworkId = (await f.createFramework({ districtId })).id;
    nodes = [];
    for (let i = 0; i < 3; i++) nodes.push((await f.createCompetency({ frameworkId })).id);
  });
  afterAll(() => t.close());

  /** Rows of the table missing from the definition and rows of the definition missing from the table. */
  const differenceOf = (table: string, definition: string) => async (q: QueryRunner) =>
    (await q.query(
      `SELECT 'extra' AS side, * FROM (TABLE ${table} EXCEPT (${definition})) a
       UNION ALL
       SELECT 'missing', * FROM ((${definition}) EXCEPT TABLE ${table}) b`,
    )) as unknown[];
  const difference = differenceOf('latest_ratings', LATEST_RATINGS_SELECT);
  const stayDifference = async (q: QueryRunner) => [
    ...(await differenceOf('stage_stays', STAGE_STAYS_SELECT)(q)),
    // The time-in-stage counts kept from the stays (migration AddStayDurations).
    ...(await differenceOf('stay_durations', STAY_DURATIONS_SELECT)(q)),
    ...(await differenceOf('open_stays', OPEN_STAYS_SELECT)(q)),
    // The funnel's entries and exits (migration AddFunnelCounts).
    ...(await differenceOf('funnel_counts', FUNNEL_COUNTS_SELECT)(q)),
  ];

  const ours = (q: QueryRunner) =>
    q.query(
      `SELECT candidate_id, competency_id, observed_on::text AS observed_on, level FROM latest_ratings
              WHERE district_id = $1 ORDER BY candidate_id, competency_id`,
      [districtId],
    ) as Promise<{ candidate_id: string; competency_id: string; observed_on: string; level: number }[]>;

  it('equals its definition after inserts, ties, back-dated ratings, updates and deletes', async () => {
    await rolledBack(t.db, async (q) => {
      const insert = (rows: [number, number, string, number][]) =>
        q.query(
          `INSERT INTO evidence (district_id, candidate_id, competency_id, level, source, observed_on, recorder_user_id)
         SELECT $1, c, n, l, 'observation', d::date, $2
           FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::int[]) AS x(c, n, d, l)`,
          [
            districtId,
            recorder,
            rows.map((r) => cands[r[0]]),
            rows.map((r) => nodes[r[1]]),
            rows.map((r) => r[2]),
            rows.map((r) => r[3]),
          ],
        );
      // One statement with several ratings of one pair (a tie on the latest date: the higher wins).
      await insert([
        [0, 0, '2026-01-10', 2],
        [0, 0, '2026-03-01', 3],
        [0, 0, '2026-03-01', 4],
        [1, 0, '2025-09-01', 1],
        [1, 1, '2026-02-02', 5],
      ]);
      expect(await difference(q)).toEqual([]);
      expect((await ours(q)).find((r) => r.candidate_id === cands[0] && r.competency_id === nodes[0])).toMatchObject({
        observed_on: '2026-03-01',
        level: 4,
      });
      // Later statements: a back-dated rating changes nothing, a lower level on the same date neither, a later
      // one replaces it.
      await insert([[0, 0, '2025-12-01', 5]]);
      await insert([[0, 0, '2026-03-01', 1]]);
      await insert([[1, 0, '2026-04-01', 2]]);
      await insert([[2, 2, '2026-01-01', 3]]);
      expect(await difference(q)).toEqual([]);
      expect(await ours(q)).toHaveLength(4);

      // Lowering the latest rating, moving a rating to another node, and deleting: recounted from the rest.
      await q.query(`UPDATE evidence SET level = 1 WHERE candidate_id = $1 AND competency_id = $2 AND level = 4`, [
        cands[0],
        nodes[0],
      ]);
      expect(await difference(q)).toEqual([]);
      await q.query(`UPDATE evidence SET competency_id = $3 WHERE candidate_id = $1 AND competency_id = $2`, [
        cands[2],
        nodes[2],
        nodes[1],
      ]);
      expect(await difference(q)).toEqual([]);
      await q.query(`DELETE FROM evidence WHERE candidate_id = $1 AND observed_on >= '2026-03-01'`, [cands[0]]);
      expect(await difference(q)).toEqual([]);
      expect((await ours(q)).find((r) => r.candidate_id === cands[0])).toMatchObject({
        observed_on: '2026-01-10',
        level: 2,
      });
      await q.query(`DELETE FROM evidence WHERE candidate_id = $1`, [cands[1]]);
      expect(await difference(q)).toEqual([]);
      expect((await ours(q)).filter((r) => r.candidate_id === cands[1])).toEqual([]);
    });
  });

  /** Evidence rows [candidate index, competency id, observed on, level] in one statement. */
  const rate = (q: QueryRunner | DataSource, rows: [number, string, string, number][]) =>
    q.query(
      `INSERT INTO evidence (district_id, candidate_id, competency_id, level, source, observed_on, recorder_user_id)
       SELECT $1, c, n, l, 'observation', d::date, $2 FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::int[]) AS x(c, n, d, l)`,
      [
        districtId,
        recorder,
        rows.map((r) => cands[r[0]]),
        rows.map((r) => r[1]),
        rows.map((r) => r[2]),
        rows.map((r) => r[3]),
      ],
    );
  const levelDifference = differenceOf('target_levels', TARGET_LEVELS_SELECT);
  const levels = async (q: QueryRunner | DataSource, cand: number) =>
    Object.fromEntries(
      (
        (await q.query('SELECT competency_id, level FROM target_levels WHERE candidate_id = $1', [cands[cand]])) as {
          competency_id: string;
          level: number;
        }[]
      ).map((r) => [r.competency_id, r.level]),
    );

  it('target levels equal their definition after ratings, tree moves, crosswalks, rubrics, targets and role changes', async () => {
    const [n0, n1, n2] = nodes as [string, string, string];
    await rolledBack(t.db, async (q) => {
      const [{ role_id: roleId }] = await q.query('SELECT role_id FROM candidates WHERE id = $1', [cands[0]]);
      // The role targets n0 (4 levels); a shared framework of 5 levels has m0 with a child m1.
      const [{ id: shared }] = await q.query(
        `INSERT INTO competency_frameworks (district_id, key, title, short_name, rubric)
         VALUES (NULL, 'tl-' || gen_random_uuid(), 'Five levels', 'F5', $1) RETURNING id`,
        [JSON.stringify([1, 2, 3, 4, 5].map((level) => ({ level, label: `L${level}` })))],
      );
      const [{ id: m0 }] = await q.query(
        `INSERT INTO competencies (framework_id, kind, code, title) VALUES ($1, 'domain', 'M0', 'M0') RETURNING id`,
        [shared],
      );
      const [{ id: m1 }] = await q.query(
        `INSERT INTO competencies (framework_id, parent_id, kind, code, title) VALUES ($1, $2, 'domain', 'M1', 'M1') RETURNING id`,
        [shared, m0],
      );
      await q.query('INSERT INTO role_targets (role_id, competency_id, target_level) VALUES ($1, $2, 3)', [roleId, n0]);
      expect(await levelDifference(q)).toEqual([]);
      // A rating on the target itself.
      await rate(q, [[0, n0, '2026-01-10', 2]]);
      expect(await levels(q, 0)).toEqual({ [n0]: 2 });
      // A later rating on n1, which rolls up once n1 sits under n0.
      await rate(q, [[0, n1, '2026-02-01', 4]]);
      expect(await levels(q, 0)).toEqual({ [n0]: 2 });
      await q.query('UPDATE competencies SET parent_id = $1 WHERE id = $2', [n0, n1]);
      expect(await levels(q, 0)).toEqual({ [n0]: 4 });
      expect(await levelDifference(q)).toEqual([]);
      // Across an exact link to the 5-level framework, rescaled: m1's 5 of 5 is 4 of 4; a related link carries nothing.
      await rate(q, [
        [0, m1, '2026-03-01', 3],
        [1, m1, '2026-03-01', 5],
      ]);
      await q.query(`INSERT INTO crosswalk_links (from_id, to_id, kind) VALUES ($1, $2, 'related')`, [m0, n0]);
      expect(await levels(q, 1)).toEqual({});
      await q.query(`UPDATE crosswalk_links SET kind = 'exact' WHERE from_id = $1`, [m0]);
      expect(await levels(q, 0)).toEqual({ [n0]: 2 });
      expect(await levels(q, 1)).toEqual({ [n0]: 4 });
      expect(await levelDifference(q)).toEqual([]);
      // The shared rubric shrinks to 3 levels: 3 of 3 is 4 of 4.
      await q.query(`UPDATE competency_frameworks SET rubric = rubric - 4 - 3 WHERE id = $1`, [shared]);
      expect(await levels(q, 0)).toEqual({ [n0]: 4 });
      expect(await levelDifference(q)).toEqual([]);
      // Lowering, deleting, unlinking.
      await q.query('UPDATE evidence SET level = 1 WHERE candidate_id = $1 AND competency_id = $2', [cands[0], m1]);
      expect(await levels(q, 0)).toEqual({ [n0]: 1 });
      await q.query('DELETE FROM evidence WHERE candidate_id = $1 AND competency_id = $2', [cands[0], m1]);
      expect(await levels(q, 0)).toEqual({ [n0]: 4 });
      await q.query('DELETE FROM crosswalk_links WHERE from_id = $1', [m0]);
      expect(await levels(q, 1)).toEqual({});
      expect(await levelDifference(q)).toEqual([]);
      // A second target, then a candidacy moved to a role without targets, and the target dropped.
      await q.query('INSERT INTO role_targets (role_id, competency_id, target_level) VALUES ($1, $2, 2)', [roleId, n2]);
      await rate(q, [[2, n2, '2026-01-01', 3]]);
      expect(await levels(q, 2)).toEqual({ [n2]: 3 });
      const [{ id: otherRole }] = await q.query(
        `INSERT INTO leadership_roles (district_id, title, level) SELECT district_id, 'Other role ' || gen_random_uuid(), level
           FROM leadership_roles WHERE id = $1 RETURNING id`,
        [roleId],
      );
      await q.query('UPDATE candidates SET role_id = $1 WHERE id = $2', [otherRole, cands[2]]);
      expect(await levels(q, 2)).toEqual({});
      await q.query('DELETE FROM role_targets WHERE role_id = $1 AND competency_id = $2', [roleId, n0]);
      expect(await levels(q, 0)).toEqual({});
      expect(await levelDifference(q)).toEqual([]);
    });
  });

  it('target levels stay equal their definition when two transactions rate one candidacy at once', async () => {
    const [n0, n1] = nodes as [string, string];
    // Committed: n1 under n0, the role's target. Both ratings below count for that one target.
    const [{ role_id: roleId }] = await t.db.query('SELECT role_id FROM candidates WHERE id = $1', [cands[1]]);
    await t.db.query('UPDATE competencies SET parent_id = $1 WHERE id = $2', [n0, n1]);
    await t.db.query(
      'INSERT INTO role_targets (role_id, competency_id, target_level) VALUES ($1, $2, 3) ON CONFLICT DO NOTHING',
      [roleId, n0],
    );
    const a = t.db.createQueryRunner();
    const b = t.db.createQueryRunner();
    try {
      await a.startTransaction();
      await b.startTransaction();
      await rate(a, [[1, n1, '2027-02-01', 3]]);
      // b's recount of the same candidacy and target waits for a's (without the lock it would fail on the key
      // a wrote), then reads a's later rating too.
      const second = rate(b, [[1, n0, '2027-01-01', 2]]);
      await new Promise((r) => setTimeout(r, 300));
      await a.commitTransaction();
      await second;
      await b.commitTransaction();
    } finally {
      await a.release();
      await b.release();
    }
    const check = t.db.createQueryRunner();
    try {
      expect(await levelDifference(check)).toEqual([]);
    } finally {
      await check.release();
    }
    expect(await levels(t.db, 1)).toEqual({ [n0]: 3 });
  });

  it('target levels follow a role target added while another transaction moves a candidacy into that role', async () => {
    const [, , n2] = nodes as [string, string, string];
    const [{ role_id: home }] = await t.db.query('SELECT role_id FROM candidates WHERE id = $1', [cands[2]]);
    const [{ id: newRole }] = await t.db.query(
      `INSERT INTO leadership_roles (district_id, title, level) SELECT district_id, 'Empty role ' || gen_random_uuid(), level
         FROM leadership_roles WHERE id = $1 RETURNING id`,
      [home],
    );
    await rate(t.db, [[2, n2, '2027-03-01', 3]]);
    const a = t.db.createQueryRunner();
    const b = t.db.createQueryRunner();
    try {
      await a.startTransaction();
      await b.startTransaction();
      // a moves the candidacy into a role that has no candidacy yet; b, meanwhile, gives that role a target.
      await a.query('UPDATE candidates SET role_id = $1 WHERE id = $2', [newRole, cands[2]]);
      const target = b.query('INSERT INTO role_targets (role_id, competency_id, target_level) VALUES ($1, $2, 2)', [
        newRole,
        n2,
      ]);
      await new Promise((r) => setTimeout(r, 300));
      await a.commitTransaction();
      await target;
      await b.commitTransaction();
    } finally {
      await a.release();
      await b.release();
    }
    expect(await levels(t.db, 2)).toEqual({ [n2]: 3 });
    const check = t.db.createQueryRunner();
    try {
      expect(await levelDifference(check)).toEqual([]);
    } finally {
      await check.release();
    }
    await t.db.query('UPDATE candidates SET role_id = $1 WHERE id = $2', [home, cands[2]]);
  });

  it('stays equal the transition history read with lead(), and their counts the stays, after inserts, ties, back-dated rows, updates and deletes', async () => {
    await rolledBack(t.db, async (q) => {
      const move = (cand: number, to: string, at: string[]) =>
        q.query(
          `INSERT INTO stage_transitions (district_id, candidate_id, to_stage, created_at)
         SELECT $1, $2, $3::candidate_stage, a::timestamptz FROM unnest($4::text[]) a`,
          [districtId, cands[cand], to, at],
        );
      const stays = (cand: number) =>
        q.query(
          `SELECT stage::text, entered_at, left_at FROM stage_stays WHERE candidate_id = $1 ORDER BY entered_at, transition_id`,
          [cands[cand]],
        ) as Promise<{ stage: string; entered_at: Date; left_at: Date | null }[]>;
      const before = (await stays(0)).length;
      expect(await stayDifference(q)).toEqual([]);
      // Several rows of one candidacy in one statement, two at the same instant (the id orders them).
      await move(0, 'engaged', ['2030-01-01T00:00:00Z', '2030-02-01T00:00:00Z', '2030-02-01T00:00:00Z']);
      expect(await stayDifference(q)).toEqual([]);
      await move(0, 'developing', ['2030-03-01T00:00:00Z']);
      const after = await stays(0);
      expect(after).toHaveLength(before + 4);
      expect(after.at(-1)).toMatchObject({ stage: 'developing', left_at: null });
      expect(after.at(-2)!.left_at).toEqual(new Date('2030-03-01T00:00:00Z'));
      // A back-dated row lands between two others: both neighbours' stays change.
      await move(0, 'paused', ['2030-01-15T00:00:00Z']);
      expect(await stayDifference(q)).toEqual([]);
      await move(1, 'engaged', ['2030-01-01T00:00:00Z']);
      // Stays ending either side of a school year's first moment, and an exit (not a stay in the pipeline).
      await move(1, 'developing', ['2030-06-30T23:59:59Z']);
      await move(2, 'engaged', ['2030-02-01T00:00:00Z']);
      await move(2, 'exited', ['2030-07-01T00:00:00Z']);
      expect(await stayDifference(q)).toEqual([]);
      // Twice exited for a reason in one school year counts once there, and once in all history.
      await q.query(
        `INSERT INTO stage_transitions (district_id, candidate_id, to_stage, exit_reason, created_at)
         VALUES ($1, $2, 'exited', 'withdrew', '2031-01-01T00:00:00Z'), ($1, $2, 'exited', 'withdrew', '2031-02-01T00:00:00Z')`,
        [districtId, cands[1]],
      );
      expect(await stayDifference(q)).toEqual([]);
      expect(
        await q.query(
          `SELECT school_year, n FROM funnel_counts WHERE district_id = $1 AND kind = 'exit' AND key = 'withdrew' ORDER BY 1`,
          [districtId],
        ),
      ).toEqual([
        { school_year: 0, n: 1 },
        { school_year: 2030, n: 1 },
      ]);
      const counted: { school_year: number; days: number; n: number }[] = await q.query(
        `SELECT school_year, days, n FROM stay_durations WHERE district_id = $1 AND stage = 'engaged' ORDER BY 1, 2`,
        [districtId],
      );
      expect(counted).toEqual(
        expect.arrayContaining([
          { school_year: 2029, days: 180, n: 1 },
          { school_year: 2030, days: 150, n: 1 },
        ]),
      );
      await q.query(
        `UPDATE stage_transitions SET created_at = '2030-04-01T00:00:00Z' WHERE candidate_id = $1 AND to_stage = 'paused'`,
        [cands[0]],
      );
      expect(await stayDifference(q)).toEqual([]);
      expect((await stays(0)).at(-1)).toMatchObject({ stage: 'paused', left_at: null });
      await q.query(`DELETE FROM stage_transitions WHERE candidate_id = $1 AND created_at >= '2030-03-01'`, [cands[0]]);
      expect(await stayDifference(q)).toEqual([]);
      expect((await stays(0)).at(-1)).toMatchObject({ stage: 'engaged', left_at: null });
    });
  });

  it('has dashboard-count migrations whose down undoes their up (the stays kept as before, the counts rebuilt)', async () => {
    const named = (name: string) => new (migrations.find((m) => m.name === name)!)() as MigrationInterface;
    const [stays, funnel, equity, nominations] = [
      named('AddStayDurations1796900000000'),
      named('AddFunnelCounts1796900000001'),
      named('AddEquityCounts1796900000002'),
      named('AddNominationCounts1797000000000'),
    ];
    await rolledBack(t.db, async (q) => {
      const recount = `SELECT prosrc FROM pg_proc WHERE proname = 'stage_stays_recount'`;
      const [now] = (await q.query(recount)) as { prosrc: string }[];
      await nominations.down(q);
      await equity.down(q);
      await funnel.down(q);
      await stays.down(q);
      expect(
        await q.query(
          `SELECT to_regclass('stay_durations') AS a, to_regclass('open_stays') AS b, to_regclass('funnel_counts') AS c,
                  to_regclass('equity_counts') AS d, to_regclass('nomination_facts') AS e`,
        ),
      ).toEqual([{ a: null, b: null, c: null, d: null, e: null }]);
      // The stays themselves are still kept, by the earlier recount.
      await q.query(
        `INSERT INTO stage_transitions (district_id, candidate_id, to_stage, created_at) VALUES ($1, $2, 'engaged', now())`,
        [districtId, cands[2]],
      );
      expect(await differenceOf('stage_stays', STAGE_STAYS_SELECT)(q)).toEqual([]);
      await stays.up(q);
      await funnel.up(q);
      await equity.up(q);
      await nominations.up(q);
      expect(await differenceOf('equity_counts', EQUITY_COUNTS_SELECT)(q)).toEqual([]);
      expect(await differenceOf('nomination_counts', NOMINATION_COUNTS_SELECT)(q)).toEqual([]);
      expect((await q.query(recount))[0]).toEqual(now);
      expect(await stayDifference(q)).toEqual([]);
      expect(
        await q.query(`SELECT count(*)::int AS n FROM funnel_counts WHERE district_id = $1`, [districtId]),
      ).not.toEqual([{ n: 0 }]);
    });
  });

  it('equity cells and counts equal their sources after each kind of change to them', async () => {
    const equityDifference = async (q: QueryRunner) => [
      ...(await differenceOf('equity_facts', EQUITY_FACTS_SELECT)(q)),
      ...(await differenceOf('equity_counts', EQUITY_COUNTS_SELECT)(q)),
    ];
    const f = t.factories;
    const schoolRole = (await f.createLeadershipRole({ districtId })).id;
    await rolledBack(t.db, async (q) => {
      expect(await equityDifference(q)).toEqual([]);
      // Educators arrive (with their keys), become eligible, change group, leave the roster.
      const [a, b] = (await q.query(
        `INSERT INTO educators (district_id, employee_number, first_name, last_name, job_title, years_in_education, gender)
         VALUES ($1, 'EQ-1', 'Ada', 'One', 'Teacher', 2, 'female'), ($1, 'EQ-2', 'Bo', 'Two', 'Teacher', 9, NULL)
         RETURNING id`,
        [districtId],
      )) as { id: string }[];
      expect(await equityDifference(q)).toEqual([]);
      await q.query(`UPDATE educators SET years_in_education = 3 WHERE id = $1`, [a!.id]);
      await q.query(`UPDATE educators SET first_name = 'Bea' WHERE id = $1`, [b!.id]); // no cell changes
      expect(await equityDifference(q)).toEqual([]);
      // Nominated twice in one school year, once in another; a candidacy moves through stages and back.
      const nominator = (await q.query(`SELECT id FROM users WHERE district_id = $1 LIMIT 1`, [districtId]))[0].id;
      await q.query(
        `INSERT INTO nominations (district_id, educator_id, target_role_id, nominator_user_id, nominator_kind, rationale, created_at, status)
         VALUES ($1, $2, $3, $4, 'hr', 'r', '2029-09-01', 'declined'), ($1, $2, $3, $4, 'hr', 'r', '2029-10-01', 'declined'),
                ($1, $2, $3, $4, 'hr', 'r', '2030-09-01', 'submitted')`,
        [districtId, a!.id, schoolRole, nominator],
      );
      const [cand] = (await q.query(
        `INSERT INTO candidates (district_id, educator_id, role_id, stage) VALUES ($1, $2, $3, 'engaged') RETURNING id`,
        [districtId, b!.id, schoolRole],
      )) as { id: string }[];
      await q.query(
        `INSERT INTO stage_transitions (district_id, candidate_id, to_stage, created_at)
         VALUES ($1, $2, 'identified', '2029-08-01'), ($1, $2, 'engaged', '2029-08-02'), ($1, $2, 'exited', '2030-01-01')`,
        [districtId, cand!.id],
      );
      expect(await equityDifference(q)).toEqual([]);
      const cell = (dimension: string, year: number, col: string) =>
        q.query(
          `SELECT grp, n FROM equity_counts WHERE district_id = $1 AND dimension = $2 AND school_year = $3 AND col = $4 AND grp IN ('female', 'not_recorded') ORDER BY grp`,
          [districtId, dimension, year, col],
        );
      expect(await cell('gender', 2029, 'nominated')).toEqual([{ grp: 'female', n: 1 }]);
      expect(await cell('gender', 0, 'nominated')).toEqual([{ grp: 'female', n: 1 }]);
      expect(await cell('gender', 2029, 'entered:engaged')).toEqual([{ grp: 'not_recorded', n: 1 }]);
      // A change of group moves every cell of the person; a new key changes the sums; a stage move and a
      // deleted history row recount; deletes take the person out.
      await q.query(`UPDATE educators SET gender = 'male', race_ethnicity = 'asian' WHERE id = $1`, [b!.id]);
      await q.query(`UPDATE disclosure_keys SET key = key + 7 WHERE educator_id = $1`, [a!.id]);
      await q.query(`UPDATE candidates SET stage = 'developing' WHERE id = $1`, [cand!.id]);
      await q.query(
        `UPDATE nominations SET created_at = '2031-01-01' WHERE educator_id = $1 AND created_at = '2029-09-01'`,
        [a!.id],
      );
      expect(await equityDifference(q)).toEqual([]);
      await q.query(`DELETE FROM stage_transitions WHERE candidate_id = $1 AND to_stage = 'engaged'`, [cand!.id]);
      expect(await equityDifference(q)).toEqual([]);
      await q.query(`DELETE FROM stage_transitions WHERE candidate_id = $1`, [cand!.id]);
      await q.query(`DELETE FROM candidates WHERE id = $1`, [cand!.id]);
      await q.query(`DELETE FROM nominations WHERE educator_id = $1`, [a!.id]);
      await q.query(`UPDATE educators SET status = 'inactive' WHERE id = $1`, [a!.id]);
      expect(await equityDifference(q)).toEqual([]);
      // Off the roster and never nominated: no cell; still on it, with the candidacy gone: eligible only.
      expect(
        await q.query(`SELECT educator_id = $1 AS a, col FROM equity_facts WHERE educator_id IN ($1, $2)`, [
          a!.id,
          b!.id,
        ]),
      ).toEqual([{ a: false, col: 'eligible' }]);
    });
  });
  it('nomination cells and counts equal their sources after each kind of change to them', async () => {
    const nominationDifference = async (q: QueryRunner) => [
      ...(await differenceOf('nomination_facts', NOMINATION_FACTS_SELECT)(q)),
      ...(await differenceOf('nomination_counts', NOMINATION_COUNTS_SELECT)(q)),
    ];
    const f = t.factories;
    const role = (await f.createLeadershipRole({ districtId })).id;
    const [north, south] = [(await f.createSchool({ districtId })).id, (await f.createSchool({ districtId })).id];
    await rolledBack(t.db, async (q) => {
      expect(await nominationDifference(q)).toEqual([]);
      const [a, b] = (await q.query(
        `INSERT INTO educators (district_id, school_id, employee_number, first_name, last_name, job_title, years_in_education)
         VALUES ($1, $2, 'NC-1', 'Ada', 'One', 'Teacher', 2), ($1, NULL, 'NC-2', 'Bo', 'Two', 'Teacher', 9)
         RETURNING id`,
        [districtId, north],
      )) as { id: string }[];
      await q.query(`UPDATE educators SET years_in_education = 4 WHERE id = $1`, [a!.id]);
      expect(await nominationDifference(q)).toEqual([]);
      const cell = (school: string | null, year: number, col: string) =>
        q
          .query(
            `SELECT n, last_at FROM nomination_counts WHERE district_id = $1 AND school_key = COALESCE($2::uuid, '00000000-0000-0000-0000-000000000000') AND school_year = $3 AND col = $4`,
            [districtId, school, year, col],
          )
          .then((rows: { n: number; last_at: Date | null }[]) => rows[0] ?? null);
      expect(await cell(north, 0, 'never')).toMatchObject({ n: 1, last_at: null });
      // Nominated in two school years by two kinds; the later one is the school's latest.
      const nominator = (await q.query(`SELECT id FROM users WHERE district_id = $1 LIMIT 1`, [districtId]))[0].id;
      await q.query(
        `INSERT INTO nominations (district_id, educator_id, target_role_id, nominator_user_id, nominator_kind, rationale, created_at, status)
         VALUES ($1, $2, $3, $4, 'hr', 'r', '2029-09-01', 'declined'), ($1, $2, $3, $4, 'hr', 'r', '2029-10-01', 'declined'),
                ($1, $2, $3, $4, 'peer', 'r', '2030-09-01', 'submitted')`,
        [districtId, a!.id, role, nominator],
      );
      expect(await nominationDifference(q)).toEqual([]);
      expect(await cell(north, 0, 'never')).toBeNull();
      expect(await cell(north, 0, 'eligible')).toMatchObject({ n: 1 });
      expect(await cell(north, 2029, 'nom:hr:declined')).toMatchObject({ n: 2 });
      // The latest of a cell that keeps other nominations falls back when its latest goes.
      await q.query(`DELETE FROM nominations WHERE educator_id = $1 AND created_at = '2029-10-01'`, [a!.id]);
      expect(await nominationDifference(q)).toEqual([]);
      const fallen = (await cell(north, 0, 'nom:hr:declined'))!;
      expect([fallen.n, fallen.last_at?.toISOString()]).toEqual([1, '2029-09-01T00:00:00.000Z']);
      const latest = (await cell(north, 0, 'nom:peer:submitted'))!.last_at;
      expect(latest?.toISOString()).toBe('2030-09-01T00:00:00.000Z');
      // A status change moves the count between cells; the latest time of a cell left empty goes with it.
      await q.query(`UPDATE nominations SET status = 'approved' WHERE educator_id = $1 AND nominator_kind = 'peer'`, [
        a!.id,
      ]);
      expect(await cell(north, 0, 'nom:peer:submitted')).toBeNull();
      expect(await nominationDifference(q)).toEqual([]);
      // Moving school takes the educator's nominations along; the old school's latest time falls back.
      await q.query(`UPDATE educators SET school_id = $2 WHERE id = $1`, [a!.id, south]);
      expect(await nominationDifference(q)).toEqual([]);
      expect(await cell(north, 0, 'nom:peer:approved')).toBeNull();
      expect(await cell(south, 2030, 'nom:peer:approved')).toMatchObject({ n: 1 });
      // A candidacy without a nomination is not "never nominated"; district-office staff count as the office.
      const office = async () => (await cell(null, 0, 'never'))?.n ?? 0;
      const officeBefore = await office();
      const [cand] = (await q.query(
        `INSERT INTO candidates (district_id, educator_id, role_id, stage) VALUES ($1, $2, $3, 'identified') RETURNING id`,
        [districtId, b!.id, role],
      )) as { id: string }[];
      expect(await nominationDifference(q)).toEqual([]);
      expect(await office()).toBe(officeBefore - 1);
      await q.query(`DELETE FROM candidates WHERE id = $1`, [cand!.id]);
      expect(await office()).toBe(officeBefore);
      // Deletes and leaving the roster take the educator out.
      await q.query(`DELETE FROM nominations WHERE educator_id = $1 AND nominator_kind = 'hr'`, [a!.id]);
      expect(await nominationDifference(q)).toEqual([]);
      await q.query(`DELETE FROM nominations WHERE educator_id = $1`, [a!.id]);
      await q.query(`UPDATE educators SET status = 'inactive' WHERE id = $1`, [b!.id]);
      expect(await nominationDifference(q)).toEqual([]);
      expect(
        await q.query(`SELECT educator_id = $1 AS a, col FROM nomination_facts WHERE educator_id IN ($1, $2)`, [
          a!.id,
          b!.id,
        ]),
      ).toEqual(
        expect.arrayContaining([
          { a: true, col: 'eligible' },
          { a: true, col: 'never' },
        ]),
      );
      expect(await q.query(`SELECT 1 FROM nomination_facts WHERE educator_id = $1`, [b!.id])).toEqual([]);
    });
  });
});
