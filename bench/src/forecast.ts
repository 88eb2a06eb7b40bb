import { createDataSource, eligibleYears, forecastOf, ForecastRepository } from '@emerge/api';
import pg from 'pg';
import { median, p95, timed } from './stats.js';

export interface ForecastFigures {
  seats: number;
  tenures: number;
  /** Reading the inputs alone (SQL), then the model alone (JavaScript), in this process. */
  inputsP50: number;
  modelP50: number;
  /** Through the API: after a change to an input (recomputed), and with nothing changed (reused). */
  coldP50: number;
  coldMax: number;
  warmP50: number;
  warmP95: number;
}

/**
 * The vacancy forecast of a district: the API when an input changed (the district row touched, so the
 * fingerprint differs) and when nothing did, against its two parts run directly.
 */
export async function benchForecast(o: {
  dbUrl: string;
  apiUrl: string;
  token: string;
  districtId: string;
  rounds?: number;
}): Promise<ForecastFigures> {
  const rounds = o.rounds ?? 5;
  const ds = createDataSource(o.dbUrl);
  await ds.initialize();
  const client = new pg.Client({ connectionString: o.dbUrl });
  await client.connect();
  try {
    const repository = new ForecastRepository(ds);
    const asOf = new Date().toISOString().slice(0, 10);
    const inputs = await repository.inputs(o.districtId);
    const eligible = eligibleYears(inputs);
    const inputsMs: number[] = [];
    const modelMs: number[] = [];
    for (let i = 0; i < rounds; i++) {
      inputsMs.push(await timed(() => repository.inputs(o.districtId)));
      modelMs.push(await timed(async () => forecastOf(inputs, asOf, eligible)));
    }
    const get = () =>
      fetch(`${o.apiUrl}/api/forecast`, { headers: { authorization: `Bearer ${o.token}` } }).then(async (r) => {
        if (r.status !== 200) throw new Error(`forecast: ${r.status} ${await r.text()}`);
        return r.arrayBuffer();
      });
    await get(); // the process's first request
    const cold: number[] = [];
    for (let i = 0; i < rounds; i++) {
      await client.query(`UPDATE districts SET updated_at = now() WHERE id = $1`, [o.districtId]);
      cold.push(await timed(get));
    }
    const warm: number[] = [];
    for (let i = 0; i < 20; i++) warm.push(await timed(get));
    return {
      seats: inputs.positions.length,
      tenures: inputs.tenures.length,
      inputsP50: median(inputsMs),
      modelP50: median(modelMs),
      coldP50: median(cold),
      coldMax: Math.max(...cold),
      warmP50: median(warm),
      warmP95: p95(warm),
    };
  } finally {
    await client.end();
    await ds.destroy();
  }
}
