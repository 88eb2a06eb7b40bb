import { createDataSource, ProfileLoader, rankSlate, SlateRepository, toSlateCandidate } from '@emerge/api';
import { median, p95, timed } from './stats.js';

export interface SlateFigures {
  districtCandidates: number;
  roleCandidates: number;
  /** The slate's reads run directly (candidates, profiles) and the ranking, in this process. */
  directP50: number;
  apiP50: number;
  apiP95: number;
}

/**
 * A seat's slate in the biggest district, for the role with the most candidates who accepted: through the API
 * against the same reads and ranking run directly (the baseline), side by side.
 */
export async function benchSlate(o: {
  dbUrl: string;
  apiUrl: string;
  token: string;
  districtId: string;
  rounds?: number;
}): Promise<SlateFigures> {
  const rounds = o.rounds ?? 30;
  const ds = createDataSource(o.dbUrl);
  await ds.initialize();
  try {
    const [{ n: districtCandidates }] = (await ds.query(
      'SELECT count(*)::int AS n FROM candidates WHERE district_id = $1',
      [o.districtId],
    )) as [{ n: number }];
    const [seat] = (await ds.query(
      `SELECT p.id, p.role_id AS "roleId", p.school_id AS "schoolId", p.incumbent_educator_id AS "incumbentEducatorId",
              s.grade_band AS band, count(*)::int AS n
         FROM positions p JOIN candidates c ON c.role_id = p.role_id AND c.stage IN ('engaged', 'developing', 'ready')
         LEFT JOIN schools s ON s.id = p.school_id
        WHERE p.district_id = $1 GROUP BY p.id, s.grade_band ORDER BY n DESC, p.id LIMIT 1`,
      [o.districtId],
    )) as {
      id: string;
      roleId: string;
      schoolId: string | null;
      incumbentEducatorId: string | null;
      band: never;
      n: number;
    }[];
    if (!seat) throw new Error('no seat with candidates in the biggest district');
    const slates = new SlateRepository(ds);
    const profiles = new ProfileLoader(ds);
    const direct = async () => {
      const [rows, met] = await Promise.all([
        slates.candidates(o.districtId, seat.roleId, seat.incumbentEducatorId, seat.band),
        profiles.targetsMetOfRole(o.districtId, seat.roleId),
      ]);
      const candidates = rows.map((r) => toSlateCandidate(r, met, null));
      return rankSlate({ schoolId: seat.schoolId, gradeBand: seat.band }, candidates, new Map(), new Date());
    };
    const get = () =>
      fetch(`${o.apiUrl}/api/positions/${seat.id}/slate`, { headers: { authorization: `Bearer ${o.token}` } }).then(
        async (r) => {
          if (r.status !== 200) throw new Error(`slate: ${r.status} ${await r.text()}`);
          return r.arrayBuffer();
        },
      );
    await direct();
    await get();
    const directMs: number[] = [];
    const apiMs: number[] = [];
    for (let i = 0; i < rounds; i++) {
      directMs.push(await timed(direct));
      apiMs.push(await timed(get));
    }
    return {
      districtCandidates,
      roleCandidates: seat.n,
      directP50: median(directMs),
      apiP50: median(apiMs),
      apiP95: p95(apiMs),
    };
  } finally {
    await ds.destroy();
  }
}
