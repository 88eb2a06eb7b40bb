import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RecordedQuery } from '../../src/database/query-recorder.js';
import { QueryRecorder } from '../../src/database/query-recorder.js';
import { createTestApp, TestApp } from '../test-app.js';

/** A statement by what it reads: its first table, or the transaction-control and settings it sends. */
const describeStatement = ({ sql }: RecordedQuery): string => {
  const s = sql.trim();
  if (/^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)\b/i.test(s)) return s.split(/\s/)[0]!.toUpperCase();
  if (/^SELECT\s+set_config\(/i.test(s)) return 'set_config';
  if (/^SET\s/i.test(s)) return 'SET';
  return /\bFROM\s+"?(\w+)"?/i.exec(s)?.[1] ?? s.slice(0, 20);
};

/**
 * How many SQL statements a read sends, counted by the QueryRecorder, and that the number does not grow
 * with the rows it returns (no N+1): candidate detail, its competency profile and a page of candidates.
 */
describe('SQL statements per read', () => {
  const recorder = new QueryRecorder();
  let t: TestApp;
  let tokens: { hr: string; principal: string };
  let one: string;
  let ten: string;

  beforeAll(async () => {
    t = await createTestApp({}, { queryLogger: recorder });
    const f = t.factories;
    const districtId = (await f.createDistrict()).id;
    const schoolA = (await f.createSchool({ districtId })).id;
    const schoolB = (await f.createSchool({ districtId })).id;
    const roleId = (await f.createLeadershipRole({ districtId })).id;
    const own = await f.createFramework({ districtId });
    const reference = await f.createFramework({ districtId: null });
    const domain = await f.createCompetency({ frameworkId: own.id, code: 'D' });
    const comp = await f.createCompetency({ frameworkId: own.id, parentId: domain.id, kind: 'competency', code: 'C' });
    const ind = await f.createCompetency({ frameworkId: own.id, parentId: comp.id, kind: 'indicator', code: 'I' });
    const ref = await f.createCompetency({ frameworkId: reference.id, code: 'R' });
    await f.link(comp.id, ref.id, 'exact');
    await t.db.query(
      `INSERT INTO role_targets (role_id, competency_id, target_level) SELECT $1, unnest($2::uuid[]), 3`,
      [roleId, [domain.id, comp.id, ref.id]],
    );
    const hr = await f.createUser({ role: 'hr', districtId });
    const principal = await f.createUser({ role: 'principal', districtId, schoolIds: [schoolA] });
    const mentor = await f.createEducator({ districtId, schoolId: schoolA });
    const candidates: string[] = [];
    for (let i = 0; i < 30; i++) {
      const educator = await f.createEducator({ districtId, schoolId: i % 5 === 4 ? schoolB : schoolA });
      const path = [
        { to: 'engaged' as const, daysAgo: 60 },
        ...(i % 2 ? [{ to: 'developing' as const, daysAgo: 20 }] : []),
      ];
      const c = await f.createCandidate(
        { districtId, educatorId: educator.id, roleId, mentorEducatorId: mentor.id },
        path,
      );
      candidates.push(c.id);
    }
    [one, ten] = [candidates[0]!, candidates[1]!];
    const rate = (candidateId: string, competencyId: string, level: number) =>
      f.createEvidence({ districtId, candidateId, competencyId, recorderUserId: hr.id, level });
    await rate(one, ind.id, 2);
    for (let i = 0; i < 10; i++) await rate(ten, [ind.id, comp.id, ref.id, domain.id][i % 4]!, 1 + (i % 4));
    tokens = { hr: await t.login(hr.email), principal: await t.login(principal.email) };
  });
  afterAll(() => t.close());

  const statements = async (who: keyof typeof tokens, path: string) => {
    recorder.start();
    const res = await t.http().get(path).auth(tokens[who], { type: 'bearer' });
    const recorded = recorder.stop();
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return { body: res.body as unknown, recorded, tables: recorded.map(describeStatement) };
  };

  describe('GET /api/candidates/:id', () => {
    // The caller's identity (users + user_schools), the scope check, then the row with its names.
    it.each(['hr', 'principal'] as const)(
      'reads a candidate in 3 statements (≤ 5) as %s, no transaction',
      async (who) => {
        const { tables } = await statements(who, `/api/candidates/${ten}`);
        expect(tables).toEqual(['users', 'candidates', 'candidates']);
        expect(tables.length).toBeLessThanOrEqual(5);
      },
    );
  });

  describe('GET /api/candidates/:id/competency-profile', () => {
    it('sends the same statements for 1 and for 10 evidence rows', async () => {
      const small = await statements('hr', `/api/candidates/${one}/competency-profile`);
      const large = await statements('hr', `/api/candidates/${ten}/competency-profile`);
      // Identity and scope, then (in parallel, so in any order) the targets of the candidate's role, its
      // ratings, and the district's framework nodes and links.
      const sorted = (tables: string[]) => [...tables.slice(0, 2), ...tables.slice(2).sort()];
      expect(sorted(small.tables)).toEqual([
        'users',
        'candidates',
        'competencies',
        'crosswalk_links',
        'evidence',
        'role_targets',
      ]);
      expect(sorted(large.tables)).toEqual(sorted(small.tables));
      const counts = (body: unknown) => (body as { evidenceCount: number }[]).map((e) => e.evidenceCount);
      expect(Math.max(...counts(large.body))).toBeGreaterThan(Math.max(...counts(small.body)));
    });

    it('sends the same statements as a principal', async () => {
      expect((await statements('principal', `/api/candidates/${ten}/competency-profile`)).tables).toHaveLength(6);
    });
  });

  describe('GET /api/candidates', () => {
    const page = (filter: object, range: [number, number]) =>
      `/api/candidates?${new URLSearchParams({
        filter: JSON.stringify(filter),
        sort: JSON.stringify(['lastName', 'ASC']),
        range: JSON.stringify(range),
      })}`;

    it.each(['hr', 'principal'] as const)(
      'reads a page of 25 with a filter and a sort in 3 statements as %s, the same for 2 rows',
      async (who) => {
        const full = await statements(who, page({ stage: ['engaged', 'developing'] }, [0, 24]));
        const short = await statements(who, page({ stage: ['engaged', 'developing'] }, [0, 1]));
        expect((full.body as unknown[]).length).toBe(who === 'hr' ? 25 : 24);
        expect((short.body as unknown[]).length).toBe(2);
        // Identity, the filtered total, the page.
        expect(full.tables).toEqual(['users', 'candidates', 'candidates']);
        expect(short.tables).toEqual(full.tables);
      },
    );

    it('picks the page ids with only the joins the sort needs, then joins the rest for those rows', async () => {
      const sorted = async (sort: [string, string]) =>
        (await statements('hr', `/api/candidates?sort=${encodeURIComponent(JSON.stringify(sort))}&range=[0,24]`))
          .recorded[2]!.sql;
      // A NOT NULL column sorts without a nulls clause, so its (district, column, id) index serves both ways.
      const byStage = await sorted(['stage', 'DESC']);
      expect(byStage).toMatch(
        /WHERE "c"."id" IN \(SELECT "c"."id" AS "c_id" FROM "candidates" "c" WHERE .* ORDER BY "c"."stage" DESC, \S+ DESC LIMIT 25 OFFSET 0\) ORDER BY "c"."stage" DESC, "c"."id" DESC$/,
      );
      // A nullable column sorts nulls first ascending; the join it needs (the educator's sort key, not the
      // school) is in the ids' query.
      const bySchool = await sorted(['schoolName', 'ASC']);
      expect(bySchool).toMatch(
        /IN \(SELECT .* INNER JOIN "educators" "e" .* ORDER BY "e"."sort_school_name" ASC NULLS FIRST, \S+ ASC LIMIT 25/,
      );
      expect(bySchool).not.toMatch(/IN \(SELECT [^)]*"schools"/);
    });

    it('counts the total on the candidates alone when no filter needs a join', async () => {
      const { recorded } = await statements('hr', page({ stage: 'engaged' }, [0, 24]));
      const count = recorded[1]!.sql;
      expect(count).toMatch(/^SELECT count\(\*\) AS "total" FROM "candidates" "c" WHERE/);
      expect(count).not.toMatch(/JOIN/);
      // A principal's scope (the educator's school) is matched on the candidates' educator column.
      const scoped = (await statements('principal', page({}, [0, 24]))).recorded[1]!.sql;
      expect(scoped).toMatch(
        /^SELECT count\(\*\) AS "total" FROM "candidates" "c" WHERE .*"c"."educator_id" = ANY\(ARRAY\(/,
      );
      expect(scoped).not.toMatch(/JOIN/);
      // A filter on a joined table brings that join (and only it) into the total.
      const bySchool = (await statements('hr', page({ level: 'school' }, [0, 24]))).recorded[1]!.sql;
      expect(bySchool).toMatch(/INNER JOIN "leadership_roles" "r"/);
      expect(bySchool).not.toMatch(/"educators"|"schools"/);
    });
  });
});
