import { LATEST_RATINGS_SELECT } from '@emerge/migrations';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { QueryRunner } from 'typeorm';
import { createTestApp, TestApp } from '../test-app.js';

/**
 * latest_ratings is kept by triggers on evidence; the scale generator instead rebuilds it from its set-based
 * definition. Both must give the same rows, whatever order and grouping the evidence arrives in.
 */
describe('latest ratings summary', () => {
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
  const difference = async (q: QueryRunner) =>
    (await q.query(
      `SELECT 'extra' AS side, * FROM (TABLE latest_ratings EXCEPT (${LATEST_RATINGS_SELECT})) a
       UNION ALL
       SELECT 'missing', * FROM ((${LATEST_RATINGS_SELECT}) EXCEPT TABLE latest_ratings) b`,
    )) as unknown[];

  const ours = (q: QueryRunner) =>
    q.query(
      `SELECT candidate_id, competency_id, observed_on::text AS observed_on, level FROM latest_ratings
              WHERE district_id = $1 ORDER BY candidate_id, competency_id`,
      [districtId],
    ) as Promise<{ candidate_id: string; competency_id: string; observed_on: string; level: number }[]>;

  it('equals its definition after inserts, ties, back-dated ratings, updates and deletes', async () => {
    const q = t.db.createQueryRunner();
    await q.connect();
    await q.startTransaction();
    try {
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
    } finally {
      await q.rollbackTransaction();
      await q.release();
    }
  });
});
