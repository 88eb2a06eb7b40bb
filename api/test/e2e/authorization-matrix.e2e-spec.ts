import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import {
  exceptionFor,
  EXCEPTIONS,
  expectedOutcome,
  PERMISSION_SCOPE,
  SPECIAL_CASES,
} from '../../src/auth/authorization-doc.js';
import { Role, roleHas, ROLES } from '../../src/auth/permissions.js';
import { RouteInfo, routeInventory } from '../../src/auth/route-inventory.js';
import { CREATES, CROSS_REFERENCES, FILTER_RESOURCE, ITEM_BODIES, Payload, QUERIES } from '../authorization/bodies.js';
import { Actor, buildMatrixFixture, MatrixFixture, Slot, throwaway } from '../authorization/fixture.js';
import {
  expectationFor,
  judge,
  kindOf,
  Probe,
  send as sendTo,
  tableDigest,
  Who,
  withQuery,
} from '../authorization/probe.js';
import { createTestApp, TestApp } from '../test-app.js';

/**
 * Every route × every role × {own scope, another person, another school, another district, no token,
 * expired token} against the table of docs/authorization.md (src/auth/authorization-doc.ts), plus the
 * table's exceptions, plus more than a thousand attempts to reach district B from district A.
 */

const SLOTS: Slot[] = ['own', 'otherPerson', 'otherSchool', 'otherDistrict'];
const DISTRICT_ROLES = ROLES.filter((r) => r !== 'platform_admin');
const NEVER_DELETED = new Set(['users', 'educators', 'nominations']);
const THROWAWAY = new Set([
  'schools',
  'leadership-roles',
  'opportunities',
  'positions',
  'crosswalk-links',
  'credentials',
]);

const keyOf = (r: Pick<RouteInfo, 'method' | 'path'>) => `${r.method} ${r.path}`;
const resourceOf = (r: RouteInfo) => r.path.split('/')[2]!;

describe('authorization matrix', () => {
  let t: TestApp;
  let fx: MatrixFixture;
  let routes: RouteInfo[];
  const tokens = {} as Record<Who, string>;

  beforeAll(async () => {
    t = await createTestApp();
    fx = await buildMatrixFixture(t);
    routes = routeInventory(t.app);
    for (const actor of Object.keys(fx.users) as Actor[]) tokens[actor] = await t.login(fx.users[actor].email);
    // Signed like a real session, but expired a minute ago.
    const jwt = t.app.get(JwtService, { strict: false });
    for (const role of ROLES) {
      const [{ tv } = { tv: 0 }]: { tv: number }[] = await t.db.query(
        `SELECT token_version AS tv FROM users WHERE id = $1`,
        [fx.users[role].id],
      );
      tokens[`expired:${role}`] = await jwt.signAsync({ sub: fx.users[role].id, tv }, { expiresIn: -60 });
      const fresh = await jwt.signAsync({ sub: fx.users[role].id, tv });
      const me = await send(fresh, 'GET', '/api/auth/me');
      if (me.status !== 200) throw new Error(`a token signed like the expired one should work: ${me.status}`);
    }
  }, 120_000);
  afterAll(() => t.close());

  const send = (token: string | undefined, method: string, url: string, payload?: Payload) =>
    sendTo(t, token, method, url, payload);

  const fetchAs = async (actor: Actor, url: string) => {
    const res = await send(tokens[actor], 'GET', url);
    if (res.status !== 200) throw new Error(`GET ${url} as ${actor}: ${res.status} ${res.text}`);
    return JSON.parse(res.text) as Record<string, unknown> & unknown[];
  };

  /** Ids whose rows a role's answer from this route must never hold. */
  function forbiddenFor(route: RouteInfo, role: Role | null): string[] {
    if (!role) return [];
    const out: string[] = [];
    if (expectedOutcome(route, role, 'otherDistrict') !== 'allowed') out.push(...fx.bIds, ...fx.bMarkers);
    if (kindOf(route) === 'list') {
      const slots = Object.keys({ ...fx.slots[resourceOf(route)], ...fx.recipient[role] }) as Slot[];
      for (const [slot, ids] of slots.map((s) => [s, targets(route, role, s)] as const)) {
        if (slot !== 'otherDistrict' && expectedOutcome(route, role, slot as Slot) === 'notFound') {
          // Their emails too: the roster export is CSV, without ids.
          for (const id of ids) out.push(id, ...(fx.emailOf.has(id) ? [fx.emailOf.get(id)!] : []));
        }
      }
    }
    return out;
  }

  function targets(route: RouteInfo, role: Role, slot: Slot): string[] {
    if (slot === 'madeByCaller') return fx.madeByCaller[role] ?? [];
    const slots = fx.slots[resourceOf(route)] ?? {};
    if (route.permission && PERMISSION_SCOPE[route.permission] === 'nominator')
      return fx.nominator[role]?.[slot] ?? slots[slot] ?? [];
    if (route.permission && PERMISSION_SCOPE[route.permission] === 'recipient') return fx.recipient[role]?.[slot] ?? [];
    return slots[slot] ?? [];
  }

  function specialsOf(route: RouteInfo): Slot[] {
    return SPECIAL_CASES.filter((s) => EXCEPTIONS.some((e) => e.condition === s && e.routes.includes(keyOf(route))));
  }

  it('answers every route × role × case as docs/authorization.md says, and never reaches district B', async () => {
    const started = Date.now();
    const uncovered: string[] = [];
    const matrix: Probe[] = [];
    const extra: Probe[] = [];
    const holds = (route: RouteInfo, role: Role) => route.permission === null || roleHas(role, route.permission);

    const exercised = new Set<string>();
    const probe = (p: Omit<Probe, 'forbidden' | 'holder' | 'crossDistrict'> & Partial<Probe>): Probe => {
      const role = p.who === 'anonymous' ? null : p.who.startsWith('expired:') ? null : (p.who as Role);
      const exception = role ? exceptionFor(p.route, role, p.label as Slot) : undefined;
      if (exception) exercised.add(exception.id);
      return {
        forbidden: forbiddenFor(p.route, role),
        holder: role !== null && holds(p.route, role),
        crossDistrict: false,
        ...p,
      };
    };

    for (const route of routes) {
      const kind = kindOf(route);
      const key = keyOf(route);
      const resource = resourceOf(route);
      const cases: Slot[] = [...SLOTS, ...specialsOf(route)];
      const anonymousOutcome = expectedOutcome(route, 'hr', 'noToken');

      if (kind === 'item') {
        const bodyOf = ITEM_BODIES[key];
        if (route.method !== 'GET' && route.method !== 'DELETE' && !bodyOf) uncovered.push(`${key}: no body`);
        const request = (role: Role, id: string, slot: Slot, allowed: boolean) => {
          const url = route.path.replace(':id', id);
          if (route.method === 'DELETE' && allowed && THROWAWAY.has(resource)) {
            return {
              url,
              prepare: async () => ({ url: route.path.replace(':id', await throwaway(t, fx, resource, slot)) }),
            };
          }
          if (route.method === 'GET' || route.method === 'DELETE' || !bodyOf) return { url };
          return { url, prepare: async () => ({ payload: await bodyOf({ role, id, url, fx, fetch: fetchAs }) }) };
        };
        if (targets(route, 'hr', 'own').length === 0) uncovered.push(`${key}: no record of ${resource}`);
        for (const role of ROLES) {
          for (const slot of cases) {
            for (const id of targets(route, role, slot)) {
              const outcome = expectedOutcome(route, role, slot);
              const p = probe({
                route,
                who: role,
                label: slot,
                method: route.method,
                ...request(role, id, slot, outcome === 'allowed'),
                expect: expectationFor(kind, route.method, outcome),
                crossDistrict: slot === 'otherDistrict' && role !== 'platform_admin',
              });
              if (route.method === 'DELETE' && outcome === 'allowed' && NEVER_DELETED.has(resource)) p.status = 409;
              if (slot === 'unsharedReadiness' && outcome === 'allowed' && role === 'educator')
                p.verify = (json) =>
                  JSON.stringify(json) === JSON.stringify({ candidateId: id, shared: false })
                    ? undefined
                    : `unshared readiness shows more than {candidateId, shared: false}: ${JSON.stringify(json)}`;
              if (key === 'GET /api/educators/:id' && role === 'educator' && slot === 'otherPerson')
                p.verify = (json) => {
                  const keys = Object.keys(json as object)
                    .sort()
                    .join();
                  return keys === 'firstName,id,jobTitle,lastName,schoolId,schoolName'
                    ? undefined
                    : `a colleague's record shows ${keys}`;
                };
              matrix.push(p);
            }
          }
          const [own] = targets(route, role, 'own');
          if (own)
            matrix.push(
              probe({
                route,
                who: `expired:${role}`,
                label: 'expiredToken',
                method: route.method,
                ...request(role, own, 'own', false),
                expect: expectationFor(kind, route.method, expectedOutcome(route, role, 'expiredToken')),
              }),
            );
        }
        const [own] = targets(route, 'hr', 'own');
        if (own)
          matrix.push(
            probe({
              route,
              who: 'anonymous',
              label: 'noToken',
              method: route.method,
              ...request('hr', own, 'own', false),
              expect: expectationFor(kind, route.method, anonymousOutcome),
            }),
          );
      }

      if (kind === 'list') {
        if (!fx.slots[resource]) uncovered.push(`${key}: no record of ${resource}`);
        const csv = key === 'GET /api/educators/export';
        for (const role of ROLES) {
          for (const slot of cases) {
            for (const id of targets(route, role, slot)) {
              const outcome = expectedOutcome(route, role, slot);
              matrix.push(
                probe({
                  route,
                  who: role,
                  label: slot,
                  method: 'GET',
                  url: withQuery(route.path, { filter: { id: [id] } }),
                  target: csv ? fx.emailOf.get(id) : id,
                  expect: expectationFor(kind, 'GET', outcome),
                  crossDistrict: slot === 'otherDistrict' && role !== 'platform_admin',
                }),
              );
            }
          }
          matrix.push(
            probe({
              route,
              who: `expired:${role}`,
              label: 'expiredToken',
              method: 'GET',
              url: route.path,
              expect: 'unauthenticated',
            }),
          );
          // The whole list: none of the rows the role may not see.
          extra.push(
            probe({
              route,
              who: role,
              label: 'unfiltered',
              method: 'GET',
              url: withQuery(route.path, { range: [0, 999] }),
              expect: expectationFor(kind, 'GET', expectedOutcome(route, role, 'own')),
            }),
          );
        }
        matrix.push(
          probe({
            route,
            who: 'anonymous',
            label: 'noToken',
            method: 'GET',
            url: route.path,
            expect: 'unauthenticated',
          }),
        );
        // Out-of-scope ids in every filter that takes an id, one by one and all of B's at once.
        for (const filterKey of route.listIdFilters ?? []) {
          const res = filterKey === 'id' ? resource : FILTER_RESOURCE[filterKey];
          if (!res || !fx.slots[res]) {
            uncovered.push(`${key}: filter ${filterKey} names no known resource`);
            continue;
          }
          for (const role of DISTRICT_ROLES.filter((r) => holds(route, r))) {
            for (const slot of ['otherPerson', 'otherSchool', 'otherDistrict'] as Slot[]) {
              for (const id of fx.slots[res][slot] ?? []) {
                extra.push(
                  probe({
                    route,
                    who: role,
                    label: `filter ${filterKey} (${slot})`,
                    method: 'GET',
                    url: withQuery(route.path, { filter: { [filterKey]: id } }),
                    expect: 'absent',
                    crossDistrict: slot === 'otherDistrict',
                  }),
                );
              }
            }
          }
        }
        for (const role of DISTRICT_ROLES.filter((r) => holds(route, r))) {
          extra.push(
            probe({
              route,
              who: role,
              label: 'filter id: every id of B',
              method: 'GET',
              url: withQuery(route.path, { filter: { id: fx.bIds.slice(0, 1000) } }),
              expect: 'absent',
              crossDistrict: true,
            }),
          );
        }
      }

      if (kind === 'query') {
        const dashboard = route.path.startsWith('/api/dashboard/');
        const base = route.path.endsWith('/equity') ? { dimension: 'gender' } : {};
        const fixed = QUERIES[key];
        const plain = fixed ? withQuery(route.path, fixed.query) : route.path;
        for (const role of ROLES) {
          const scoped = dashboard ? cases.filter((s) => s !== 'otherPerson') : (['own'] as Slot[]);
          for (const slot of scoped) {
            for (const school of dashboard ? (fx.slots.schools![slot] ?? []) : ['']) {
              const outcome = expectedOutcome(route, role, slot);
              matrix.push(
                probe({
                  route,
                  who: role,
                  label: slot,
                  method: 'GET',
                  url: dashboard ? withQuery(route.path, { ...base, schoolId: school }) : plain,
                  status: fixed?.status,
                  expect: expectationFor(kind, 'GET', outcome),
                  crossDistrict: slot === 'otherDistrict' && role !== 'platform_admin',
                }),
              );
            }
          }
          if (dashboard && role !== 'platform_admin')
            extra.push(
              probe({
                route,
                who: role,
                label: 'roleId of B',
                method: 'GET',
                url: withQuery(route.path, { ...base, roleId: fx.ids.roleB }),
                expect: holds(route, role) ? 'refused' : 'forbidden',
                crossDistrict: true,
              }),
            );
          matrix.push(
            probe({
              route,
              who: `expired:${role}`,
              label: 'expiredToken',
              method: 'GET',
              url: plain,
              status: fixed?.status,
              expect: expectationFor(kind, 'GET', expectedOutcome(route, role, 'expiredToken')),
            }),
          );
        }
        matrix.push(
          probe({
            route,
            who: 'anonymous',
            label: 'noToken',
            method: 'GET',
            url: plain,
            status: fixed?.status,
            expect: expectationFor(kind, 'GET', anonymousOutcome),
          }),
        );
      }

      if (kind === 'create') {
        const spec = CREATES[key];
        if (!spec) {
          uncovered.push(`${key}: no body`);
          continue;
        }
        const refOf = (role: Role) => (typeof spec.ref === 'function' ? spec.ref(role) : spec.ref);
        for (const role of ROLES) {
          const ref = refOf(role);
          for (const slot of ref ? SLOTS : (['own'] as Slot[])) {
            for (const id of ref ? (fx.slots[ref]?.[slot] ?? []) : ['']) {
              const outcome = expectedOutcome(route, role, slot);
              matrix.push(
                probe({
                  route,
                  who: role,
                  label: slot,
                  method: route.method,
                  url: route.path,
                  payload: spec.build({ role, fx }, id),
                  expect: expectationFor(kind, route.method, outcome),
                  crossDistrict: slot === 'otherDistrict' && role !== 'platform_admin',
                }),
              );
            }
          }
          const ownRef = ref ? fx.slots[ref]?.own?.[0] : '';
          matrix.push(
            probe({
              route,
              who: `expired:${role}`,
              label: 'expiredToken',
              method: route.method,
              url: route.path,
              payload: spec.build({ role, fx }, ownRef ?? ''),
              expect: expectationFor(kind, route.method, expectedOutcome(route, role, 'expiredToken')),
            }),
          );
        }
        matrix.push(
          probe({
            route,
            who: 'anonymous',
            label: 'noToken',
            method: route.method,
            url: route.path,
            payload: spec.build({ role: 'hr', fx }, refOf('hr') ? fx.slots[refOf('hr')!]!.own![0]! : ''),
            expect: expectationFor(kind, route.method, anonymousOutcome),
          }),
        );
      }

      // B's ids inside the bodies of A's writes.
      const cross = CROSS_REFERENCES[key];
      if (cross) {
        for (const role of DISTRICT_ROLES) {
          const refs = await cross({ role, fx }, fetchAs);
          refs.forEach((ref, i) =>
            extra.push(
              probe({
                route,
                who: role,
                label: ref.what,
                method: ref.method,
                url: ref.url,
                // Built again just before sending, so a version read earlier cannot be stale.
                prepare: async () => ({ payload: (await cross({ role, fx }, fetchAs))[i]!.payload }),
                expect: holds(route, role) ? 'refused' : 'forbidden',
                crossDistrict: true,
              }),
            ),
          );
        }
      }
    }
    for (const key of [...Object.keys(ITEM_BODIES), ...Object.keys(CREATES), ...Object.keys(CROSS_REFERENCES)]) {
      if (!routes.some((r) => keyOf(r) === key)) uncovered.push(`${key}: not a route any more`);
    }
    for (const e of EXCEPTIONS) if (!exercised.has(e.id)) uncovered.push(`exception ${e.id} is never probed`);
    expect(uncovered).toEqual([]);

    // Reads first; then writes that must be refused (nothing written), then allowed writes, deletes last.
    const all = [...matrix, ...extra];
    const phase = (p: Probe) =>
      p.method === 'GET' ? 0 : p.expect !== 'allowedWrite' ? 1 : p.method !== 'DELETE' ? 2 : 3;
    const ordered = [0, 1, 2, 3].flatMap((n) => all.filter((p) => phase(p) === n));

    const mismatches: string[] = [];
    const successes: string[] = [];
    const digest = tableDigest(t);
    let lastDigest: Map<string, string> | undefined;
    const check = async (p: Probe) => {
      let { url, payload } = p;
      if (p.prepare) ({ url = url, payload = payload } = await p.prepare());
      // Writes run one at a time: the digest after one refused write is the one before the next.
      const refusedWrite = p.method !== 'GET' && p.expect !== 'allowedWrite';
      const before = refusedWrite ? (lastDigest ?? (await digest())) : undefined;
      if (!refusedWrite) lastDigest = undefined;
      const res = await send(p.who === 'anonymous' ? undefined : tokens[p.who], p.method, url, payload);
      const after = before ? await digest() : undefined;
      if (after) lastDigest = after;
      const changed = after ? [...after].filter(([name, h]) => before!.get(name) !== h).map(([name]) => name) : [];
      const { problems, leaked } = judge(p, res, changed);
      const shown = `${p.who} [${p.label}] ${p.method} ${decodeURIComponent(url)}`.slice(0, 300);
      if (problems.length) mismatches.push(`${shown} → ${res.status}: ${problems.join('; ')}`);
      // Reaching B: its rows in an answer, a write, or any success where only a refusal is right.
      const ok2xx = res.status >= 200 && res.status < 300;
      if (p.crossDistrict && (leaked.length || changed.length || (ok2xx && p.expect !== 'absent')))
        successes.push(`${shown} → ${res.status}`);
    };
    // Reads run a few at a time (they change nothing); writes one by one, in phase order.
    const reads = ordered.filter((p) => p.method === 'GET');
    let next = 0;
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        while (next < reads.length) await check(reads[next++]!);
      }),
    );
    for (const p of ordered.filter((w) => w.method !== 'GET')) await check(p);
    mismatches.sort();

    const crossDistrict = all.filter((p) => p.crossDistrict);
    const summary = {
      routes: routes.length,
      matrixCells: matrix.length,
      extraProbes: extra.length,
      crossDistrictAttempts: crossDistrict.length,
      crossDistrictAttemptsWithThePermission: crossDistrict.filter((p) => p.holder).length,
      seconds: Math.round((Date.now() - started) / 1000),
    };
    console.info(`authorization matrix: ${JSON.stringify(summary)}`);
    expect({ mismatches, successes }).toEqual({ mismatches: [], successes: [] });
    expect(summary.crossDistrictAttemptsWithThePermission).toBeGreaterThanOrEqual(1000);
  }, 900_000);
});
