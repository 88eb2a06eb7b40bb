import type { Outcome } from '../../src/auth/authorization-doc.js';
import type { Role } from '../../src/auth/permissions.js';
import type { RouteInfo } from '../../src/auth/route-inventory.js';
import type { TestApp } from '../test-app.js';
import type { Payload } from './bodies.js';
import type { Actor } from './fixture.js';

/** What an answer must be: the table's outcome, as the kind of route expresses it. */
export type Expectation = 'ok' | 'absent' | 'allowedWrite' | 'refused' | 'unauthenticated' | 'forbidden' | 'notFound';
export type Who = Actor | 'anonymous' | `expired:${Role}`;
/** A route acting on one record, a list, another read (dashboards, session), or a write without an id. */
export type Kind = 'item' | 'list' | 'query' | 'create';

export interface Probe {
  route: RouteInfo;
  who: Who;
  label: string;
  method: RouteInfo['method'];
  url: string;
  payload?: Payload;
  /** Resolves the url and body just before sending (a fresh record to delete, a current version). */
  prepare?: () => Promise<{ url?: string; payload?: Payload }>;
  expect: Expectation;
  /**
   * Exact status for an allowed answer that is never a plain success (records that are never deleted; a read
   * that answers a redirect).
   */
  status?: number;
  /** A list's row that must be in (ok) or out of (absent) the answer. */
  target?: string;
  /** Ids and markers a 2xx answer must not contain. */
  forbidden: string[];
  crossDistrict: boolean;
  /** The role holds the route's permission. */
  holder: boolean;
  verify?: (json: unknown) => string | undefined;
}

export interface Answer {
  status: number;
  text: string;
  type: string;
}

export const kindOf = (r: RouteInfo): Kind =>
  r.path.includes(':id') ? 'item' : r.method !== 'GET' ? 'create' : r.listIdFilters ? 'list' : 'query';

export function expectationFor(kind: Kind, method: string, outcome: Outcome): Expectation {
  if (outcome === 'unauthenticated' || outcome === 'forbidden') return outcome;
  if (outcome === 'allowed') return method === 'GET' ? 'ok' : 'allowedWrite';
  return kind === 'item' ? 'notFound' : kind === 'list' ? 'absent' : 'refused';
}

export const withQuery = (path: string, query: Record<string, unknown>) =>
  `${path}?${Object.entries(query)
    .map(([k, v]) => `${k}=${encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v))}`)
    .join('&')}`;

/** Sends a request as the app's HTTP server receives it; the body comes back as text whatever its type. */
export async function send(t: TestApp, token: string | undefined, method: string, url: string, payload?: Payload) {
  const verb = method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  let req = t.http()[verb](url);
  if (token) req = req.set('Authorization', `Bearer ${token}`);
  if (payload?.csv !== undefined) req = req.set('Content-Type', 'text/csv').send(payload.csv);
  else if (payload?.body !== undefined) req = req.send(payload.body as object);
  const res = await req.buffer(true).parse((r, done) => {
    let text = '';
    r.setEncoding('utf8');
    r.on('data', (chunk: string) => (text += chunk));
    r.on('end', () => done(null, text));
  });
  return { status: res.status, text: res.body as string, type: String(res.headers['content-type'] ?? '') };
}

/** Per table: row count and a hash of every row, to tell whether a request wrote anything. */
export function tableDigest(t: TestApp): () => Promise<Map<string, string>> {
  let sql = '';
  return async () => {
    if (!sql) {
      const tables: { name: string }[] = await t.db.query(
        `SELECT table_name AS name FROM information_schema.tables
          WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations' ORDER BY 1`,
      );
      sql = tables
        .map(
          ({ name }) =>
            `SELECT '${name}' AS name, count(*) || ':' || coalesce(sum(hashtextextended(x::text, 0)), 0) AS h FROM "${name}" x`,
        )
        .join(' UNION ALL ');
    }
    const rows: { name: string; h: string }[] = await t.db.query(sql);
    return new Map(rows.map((r) => [r.name, r.h]));
  };
}

/** What is wrong with an answer, if anything; `changed` names the tables a refused write touched. */
export function judge(p: Probe, res: Answer, changed: string[]): { problems: string[]; leaked: string[] } {
  const problems: string[] = [];
  const ok2xx = res.status >= 200 && res.status < 300;
  let json: unknown;
  try {
    json = res.type.includes('json') ? JSON.parse(res.text) : undefined;
  } catch {
    json = undefined;
  }
  const present =
    p.target !== undefined &&
    ok2xx &&
    (res.type.includes('csv')
      ? res.text.includes(p.target)
      : Array.isArray(json) && json.some((row) => (row as { id?: string }).id === p.target));
  switch (p.expect) {
    case 'ok':
      if (res.status !== (p.status ?? 200)) problems.push(`expected ${p.status ?? 200}`);
      else if (p.target !== undefined && !present) problems.push('expected the record in the list');
      break;
    case 'absent':
      if (res.status !== 400 && res.status !== 200) problems.push('expected 200 without the record, or 400');
      else if (present) problems.push('expected the record not to be listed');
      break;
    case 'allowedWrite':
      if (p.status !== undefined) {
        if (res.status !== p.status) problems.push(`expected ${p.status}`);
      } else if ([401, 403, 404].includes(res.status) || res.status >= 500) {
        problems.push('expected an answer past authorization (not 401/403/404/5xx)');
      }
      break;
    case 'refused':
      if (res.status !== 400 && res.status !== 404) problems.push('expected 400 or 404');
      break;
    case 'unauthenticated':
      if (res.status !== 401) problems.push('expected 401');
      break;
    case 'forbidden':
      if (res.status !== 403) problems.push('expected 403');
      break;
    case 'notFound':
      if (res.status !== 404) problems.push('expected 404');
      break;
  }
  const leaked = ok2xx ? p.forbidden.filter((id) => res.text.includes(id)) : [];
  if (leaked.length) problems.push(`answer holds out-of-scope ${leaked.slice(0, 3).join(', ')}`);
  if (changed.length) problems.push(`wrote to ${changed.join(', ')}`);
  const problem = p.verify && ok2xx ? p.verify(json) : undefined;
  if (problem) problems.push(problem);
  if (problems.length && res.status >= 400 && json && typeof json === 'object' && 'code' in json)
    problems.unshift(`(${String((json as { code: unknown }).code)})`);
  return { problems, leaked };
}
