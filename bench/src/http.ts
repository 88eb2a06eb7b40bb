import autocannon from 'autocannon';
import { median } from './harness.js';

export interface LoadFigures {
  rps: number;
  p50: number;
  p99: number;
}

export interface Comparison {
  name: string;
  path: string;
  api: LoadFigures;
  raw: LoadFigures;
  runs: { api: LoadFigures[]; raw: LoadFigures[] };
  throughputRatio: number;
  p99Ratio: number;
  p50Ratio: number;
}

async function load(url: string, token: string, seconds: number, connections: number): Promise<LoadFigures> {
  const r = await autocannon({
    url,
    connections,
    duration: seconds,
    headers: { authorization: `Bearer ${token}` },
  });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${url}: ${r.non2xx} non-2xx answers and ${r.errors} errors`);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 };
}

/**
 * API vs raw server on the same path: a warm-up each (discarded), then `rounds` alternating runs (API, raw,
 * API, raw, …, so drifting machine load hits both) and the median of each figure.
 */
export async function compare(
  name: string,
  path: string,
  api: { url: string; token: string },
  raw: { url: string; token: string },
  options = { seconds: 10, warmup: 3, rounds: 3, connections: 10 },
): Promise<Comparison> {
  await load(api.url + path, api.token, options.warmup, options.connections);
  await load(raw.url + path, raw.token, options.warmup, options.connections);
  const runs = { api: [] as LoadFigures[], raw: [] as LoadFigures[] };
  for (let i = 0; i < options.rounds; i++) {
    runs.api.push(await load(api.url + path, api.token, options.seconds, options.connections));
    runs.raw.push(await load(raw.url + path, raw.token, options.seconds, options.connections));
  }
  const pick = (xs: LoadFigures[]): LoadFigures => ({
    rps: median(xs.map((x) => x.rps)),
    p50: median(xs.map((x) => x.p50)),
    p99: median(xs.map((x) => x.p99)),
  });
  const a = pick(runs.api);
  const b = pick(runs.raw);
  return {
    name,
    path,
    api: a,
    raw: b,
    runs,
    throughputRatio: a.rps / b.rps,
    p50Ratio: a.p50 / b.p50,
    p99Ratio: a.p99 / b.p99,
  };
}
