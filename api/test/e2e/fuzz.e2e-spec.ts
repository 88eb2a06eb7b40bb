import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import fc from 'fast-check';
import { Agent } from 'node:http';
import type { Response } from 'supertest';
import request from 'supertest';
import { AUTH_METADATA, AuthMetadata } from '../../src/auth/authenticated.decorator.js';
import { JWT_SECRET } from '../../src/auth/jwt-secret.js';
import { Permission, Role, roleHas, ROLES } from '../../src/auth/permissions.js';
import { MAX_BODY_DEPTH } from '../../src/common/validation/body-depth.js';
import { errorBody } from '../expected-errors.js';
import { createTestApp, TestApp } from '../test-app.js';

/**
 * Property-based fuzzing of every operation in the running app's OpenAPI document (issue 8, item 4):
 * malformed, wrong-type, oversized, deeply nested, unicode-edge and injection-looking values in the path,
 * the query and the body, sent with a token of a role that holds the route's permission and without one.
 * Properties: no 5xx; every error has the error shape and leaks no stack or SQL; a rejected request
 * changes no row count (failed-login audit rows, sign-in rate counts and idempotency keys aside); Object.prototype stays clean.
 * Reproduce a failure with FUZZ_SEED=<seed> (and FUZZ_RUNS); each operation's seed is derived from it.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 8_042_026);
// FUZZ_ONLY=<regex of operation ids> narrows a run; FUZZ_VERBOSE=1 prints statuses per operation, =requests every request.
const VERBOSE = process.env.FUZZ_VERBOSE;
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const JSON_LIMIT = 1024 * 1024;
// Strings the server must never produce on its own; a hit is a leak only when the request did not carry it.
const LEAKS: RegExp[] = [
  /QueryFailedError/,
  /node_modules/,
  /\bat (?:\/|file:|async |new |[\w$.<>]+ \()/,
  /\bSELECT\b/,
  /\bINSERT INTO\b/,
  /\bUPDATE \S+ SET\b/i,
  /syntax error at or near/i,
  /violates (?:foreign key|unique|check|not-null)/i,
  /duplicate key value/i,
  /relation "/,
];
// Raw JSON text (numbers JSON.stringify cannot write, nesting) stands in a value as `RAW<index>`.
const RAW = 'RAW-7f3a9c:';
const RAW_TEXTS: string[] = [];
const raw = (text: string): string => RAW + (RAW_TEXTS.push(text) - 1);

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  nullable?: boolean;
  readOnly?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  description?: string;
};
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  description?: string;
  schema?: Schema;
}
interface Operation {
  method: string;
  path: string;
  operationId: string;
  parameters: Parameter[];
  bodyTypes: string[];
  bodySchema?: Schema;
  responseSchema?: Schema;
  permission?: Permission;
}
interface FuzzRequest {
  role: Role | null;
  path: string;
  query: string;
  body?: { contentType?: string; text: string };
  headers: Record<string, string>;
}

// ---------- value arbitraries ----------

const EDGE_STRINGS = [
  '',
  ' ',
  "' OR 1=1 --",
  '"; DROP TABLE users; --',
  "1'); SELECT pg_sleep(0); --",
  '${7*7}',
  '{{7*7}}',
  '../../../etc/passwd',
  '..\\..\\windows',
  '%00',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  'x\ud83d',
  '\u202eevil\u202c',
  '\u200f\u200e\u061c',
  '\ufeff',
  '😀',
  '👩‍👩‍👧‍👦',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǫ̗',
  '\r\n',
  '\\',
  '%',
  '_',
  '1e308',
  '-0',
  'NaN',
  'Infinity',
  '-1',
  '0x10',
  'null',
  'true',
  '[]',
  '{}',
  '{"a":1}',
  '["id","ASC"]',
  '__proto__',
  'constructor',
  'prototype',
  '<script>alert(1)</script>',
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
  '2024-02-30',
  '0000-01-01',
  '99999-12-31',
  '2024-01-01T25:61:61Z',
  '-infinity',
  'epoch',
  'x@y',
];
const anyUnitString = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) });
const edgeString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...EDGE_STRINGS), weight: 6 },
  { arbitrary: anyUnitString, weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme' }), weight: 1 },
  { arbitrary: fc.integer({ min: 201, max: 20_000 }).map((n) => 'é'.repeat(n)), weight: 1 },
  { arbitrary: fc.constantFrom(4001, 8001, 100_001).map((n) => 'x'.repeat(n)), weight: 1 },
);
// In a URL: long values stay under Node's 16 KiB request-line limit (one oversized URL is sent apart).
const urlString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...EDGE_STRINGS), weight: 6 },
  { arbitrary: anyUnitString, weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme' }), weight: 1 },
  { arbitrary: fc.integer({ min: 101, max: 1000 }).map((n) => 'é'.repeat(n)), weight: 1 },
);
const RAW_NUMBERS = ['1e400', '-1e400', '123456789012345678901234567890', '0.1e-400', '-0.0'].map(raw);
const edgeNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 0.5, 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, 2 ** 63, 1e308, -1e308, 5e-324),
  fc.constantFrom(...RAW_NUMBERS),
  fc.integer(),
  fc.double(),
);
const PROTO_PAYLOADS: string[] = [
  '{"__proto__":{"polluted":"yes","isAdmin":true}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"__proto__":{"role":"platform_admin"},"a":{"__proto__":{"polluted":"yes"}}}',
];
const protoObject = fc.constantFrom(...PROTO_PAYLOADS).map((s) => JSON.parse(s) as unknown);

const leaf: fc.Arbitrary<unknown> = fc.oneof(edgeString, edgeNumber, fc.boolean(), fc.constant(null));
const garbage: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: leaf, weight: 5 },
  { arbitrary: fc.array(leaf, { maxLength: 5 }), weight: 1 },
  { arbitrary: fc.dictionary(fc.oneof(edgeString, fc.string()), leaf, { maxKeys: 4 }), weight: 1 },
  { arbitrary: protoObject, weight: 1 },
  { arbitrary: fc.jsonValue({ maxDepth: 4 }), weight: 1 },
);

/** Defines keys like `__proto__` as own properties, as JSON.parse would. */
function withKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

const RAW_PATTERN = new RegExp(`"${RAW}(\\d+)"`, 'g');
const unraw = (text: string) => text.replace(RAW_PATTERN, (_, i: string) => RAW_TEXTS[Number(i)]!);
const serialize = (value: unknown): string => unraw(JSON.stringify(value));

const nested = (depth: number, kind: 'object' | 'array') =>
  kind === 'object' ? '{"a":'.repeat(depth) + '1' + '}'.repeat(depth) : '['.repeat(depth) + ']'.repeat(depth);
const DEEP = [raw(nested(1000, 'object')), raw(nested(1000, 'array'))];

// ---------- schema-aware arbitraries ----------

/** Which fixture ids a field or path names, by its name: `hostSchoolId` → schools, `targetRoleId` → roles. */
const POOLS: [RegExp, string][] = [
  [/school/i, 'schools'],
  [/educator|^ids$/i, 'educators'],
  [/candidate/i, 'candidates'],
  [/role/i, 'leadership-roles'],
  [/framework/i, 'competency-frameworks'],
  [/crosswalk/i, 'crosswalk-links'],
  [/competenc|^parent|^from|^to/i, 'competencies'],
  [/opportunit/i, 'opportunities'],
  [/assignment/i, 'assignments'],
  [/district/i, 'districts'],
  [/nomination/i, 'nominations'],
  [/position/i, 'positions'],
  [/evidence/i, 'evidence'],
  [/user/i, 'users'],
];
const VALID_TEXT = [
  "' OR 1=1 --",
  "Robert'); DROP TABLE educators;--",
  '${7*7} {{7*7}}',
  '😀 émoji ünïcödé',
  '\u202eRTL mark',
  'C:\\path\\..\\x',
  '%_\\',
];

class SchemaArbs {
  constructor(
    private readonly components: Record<string, Schema>,
    private readonly pools: Record<string, string[]>,
  ) {}

  resolve(schema: Schema | undefined): Schema {
    let s = schema ?? {};
    for (let i = 0; i < 10; i++) {
      if (s.$ref) s = { ...this.components[s.$ref.split('/').pop()!], ...omit(s, '$ref') };
      else if (s.allOf?.length === 1) s = { ...this.resolve(s.allOf[0]), ...omit(s, 'allOf') };
      else if (s.oneOf?.length || s.anyOf?.length) s = { ...(s.oneOf ?? s.anyOf)![0]!, ...omit(s, 'oneOf', 'anyOf') };
      else break;
    }
    return s;
  }

  /** Ids of the named resource (other districts' included), any fixture id, or a random UUID. */
  uuid(name = ''): fc.Arbitrary<string> {
    const key = POOLS.find(([re]) => re.test(name))?.[1];
    const own = key ? this.pools[key] : undefined;
    return fc.oneof(
      { arbitrary: own?.length ? fc.constantFrom(...own) : fc.uuid(), weight: 4 },
      { arbitrary: fc.constantFrom(...this.pools.all!), weight: 1 },
      { arbitrary: fc.uuid(), weight: 1 },
    );
  }

  /** Values the schema accepts (as far as the document says), so the request reaches the handler. */
  valid(schema: Schema | undefined, name: string, depth = 0): fc.Arbitrary<unknown> {
    const s = this.resolve(schema);
    let arb: fc.Arbitrary<unknown>;
    if (s.enum?.length) arb = fc.constantFrom(...s.enum);
    else if (s.type === 'array') arb = fc.array(this.valid(s.items, name, depth + 1), { maxLength: 3 });
    else if (s.type === 'object' || s.properties) arb = depth > 3 ? fc.constant({}) : this.validObject(s, depth + 1);
    else if (s.type === 'boolean') arb = fc.boolean();
    else if (s.type === 'integer' || s.type === 'number') {
      const min = s.minimum ?? (name === 'version' || name === 'expectedVersion' ? 1 : 0);
      arb = fc.integer({ min, max: Math.max(min, Math.min(s.maximum ?? min + 10, min + 1000)) });
    } else if (s.format === 'uuid' || /Id$/.test(name)) arb = this.uuid(name);
    else if (s.format === 'date' || /On$|Date$/.test(name))
      arb = fc
        .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    else if (s.format === 'email' || /email/i.test(name)) arb = fc.emailAddress();
    else {
      const min = s.minLength ?? 0;
      const max = Math.max(min, Math.min(s.maxLength ?? 40, 40));
      arb = fc.oneof(
        { arbitrary: fc.stringMatching(new RegExp(`^[A-Za-z0-9._-]{${min},${max}}$`)), weight: 3 },
        { arbitrary: fc.string({ minLength: min, maxLength: max }), weight: 1 },
        {
          arbitrary: fc.constantFrom(...VALID_TEXT).map((t) => t.padEnd(min, '.').slice(0, s.maxLength ?? 1000)),
          weight: 1,
        },
      );
    }
    return s.nullable ? fc.option(arb, { nil: null, freq: 6 }) : arb;
  }

  validObject(schema: Schema, depth = 0): fc.Arbitrary<Record<string, unknown>> {
    const writable = Object.entries(schema.properties ?? {}).filter(([, v]) => !this.resolve(v).readOnly);
    const props = Object.fromEntries(writable.map(([k, v]) => [k, this.valid(v, k, depth)]));
    return fc.record(props, { requiredKeys: writable.map(([k]) => k).filter((k) => schema.required?.includes(k)) });
  }

  /** Values of the schema's type at its edges: boundaries, odd text, dates that do not exist. */
  plausible(schema: Schema | undefined, name: string, depth = 0): fc.Arbitrary<unknown> {
    const s = this.resolve(schema);
    let arb: fc.Arbitrary<unknown>;
    if (s.enum?.length)
      arb = fc.oneof(
        fc.constantFrom(...s.enum),
        fc.constantFrom(...s.enum).map((e) => `${e} `),
      );
    else if (s.type === 'array') {
      const item = this.plausible(s.items, name, depth + 1);
      arb = fc.oneof(
        { arbitrary: fc.array(item, { maxLength: 4 }), weight: 6 },
        {
          arbitrary: fc
            .tuple(fc.integer({ min: 1001, max: 20_000 }), fc.oneof(this.uuid(name), fc.constantFrom(1, 'x', null)))
            .map(([n, v]) => Array(n).fill(v)),
          weight: 1,
        },
      );
    } else if (s.type === 'object' || s.properties) arb = depth > 3 ? fc.constant({}) : this.object(s, depth + 1);
    else if (s.type === 'boolean') arb = fc.oneof(fc.boolean(), fc.constantFrom('true', 0, 1));
    else if (s.type === 'integer' || s.type === 'number') {
      const edges = [s.minimum, s.maximum]
        .filter((n): n is number => n !== undefined)
        .flatMap((n) => [n - 1, n, n + 1]);
      arb = fc.oneof(fc.integer({ min: -3, max: 10 }), fc.constantFrom(0, 1, 2, 3, ...edges), edgeNumber);
    } else if (s.format === 'uuid' || /Id$/.test(name))
      arb = fc.oneof(
        this.uuid(name),
        this.uuid(name).map((u) => u.toUpperCase()),
        fc.constantFrom(...EDGE_STRINGS),
      );
    else if (s.format === 'date' || s.format === 'date-time' || /On$|At$|Date$/.test(name))
      arb = fc.oneof(
        fc.constantFrom('2025-01-15', '2024-02-29', '2024-02-30', '1900-01-01', '0001-01-01', '2025-13-01'),
        fc.constantFrom('2025-01-15T10:00:00Z', '2025-01-15T10:00:00+14:00', '275760-09-13', '+002025-01-15'),
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      );
    else if (s.format === 'email' || /email/i.test(name))
      arb = fc.oneof(
        fc.emailAddress(),
        fc.constantFrom('a@b.example', 'UPPER@CASE.EXAMPLE', "o'brien@x.example", 'ü@ü.example', 'a@b', '@b.example'),
      );
    else {
      const max = s.maxLength;
      arb = fc.oneof(
        { arbitrary: fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(max ?? 40, 40) }), weight: 3 },
        { arbitrary: edgeString, weight: 2 },
        ...(max !== undefined
          ? [{ arbitrary: fc.constantFrom(max, max + 1).map((n) => 'ñ'.repeat(n)), weight: 1 }]
          : []),
      );
    }
    return s.nullable ? fc.option(arb, { nil: null, freq: 8 }) : arb;
  }

  /** A value for a field: mostly plausible, sometimes of the wrong type or shape. */
  field(schema: Schema | undefined, name: string, depth = 0): fc.Arbitrary<unknown> {
    return fc.oneof(
      { arbitrary: this.plausible(schema, name, depth), weight: 4 },
      { arbitrary: garbage, weight: 1 },
      { arbitrary: fc.constantFrom(...DEEP), weight: 1 },
    );
  }

  /**
   * Objects of the schema's fields: all writable fields plausible (reaching the handlers), all but one
   * plausible, or any subset of mixed values; sometimes with extra keys such as `__proto__`.
   */
  object(schema: Schema, depth = 0): fc.Arbitrary<Record<string, unknown>> {
    const all = Object.entries(schema.properties ?? {});
    const writable = all.filter(([, v]) => !this.resolve(v).readOnly);
    const valid = Object.fromEntries(writable.map(([k, v]) => [k, this.valid(v, k, depth)]));
    const plausible = Object.fromEntries(writable.map(([k, v]) => [k, this.plausible(v, k, depth)]));
    const mixed = Object.fromEntries(all.map(([k, v]) => [k, this.field(v, k, depth)]));
    const bad = fc.oneof(
      { arbitrary: this.plausible({}, ''), weight: 2 },
      { arbitrary: garbage, weight: 2 },
      { arbitrary: fc.constantFrom(...DEEP), weight: 1 },
    );
    const extraKey = fc.oneof(
      fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'id', '', ' '),
      edgeString.filter((k) => k.length < 100),
    );
    const allKeys = Object.keys(valid);
    const bases: { arbitrary: fc.Arbitrary<Record<string, unknown>>; weight: number }[] = [
      { arbitrary: fc.record(valid, { requiredKeys: allKeys }), weight: 4 },
      { arbitrary: fc.record(plausible, { requiredKeys: allKeys }), weight: 2 },
      { arbitrary: fc.record(mixed, { requiredKeys: [] }), weight: 2 },
    ];
    if (writable.length)
      bases.push({
        // All valid but one field: each field's own checks are reached one at a time.
        arbitrary: fc
          .constantFrom(...allKeys)
          .chain((k) =>
            fc
              .tuple(fc.record(valid, { requiredKeys: allKeys }), fc.oneof(plausible[k]!, bad))
              .map(([o, v]) => withKey({ ...o }, k, v)),
          ),
        weight: 4,
      });
    return fc
      .tuple(fc.oneof(...bases), fc.array(fc.tuple(extraKey, garbage), { maxLength: 2 }), fc.nat(9))
      .map(([base, extras, dice]) => {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(base)) withKey(out, k, v);
        if (dice === 0) for (const [k, v] of extras) withKey(out, k, v);
        return out;
      });
  }
}

function omit<T extends object>(o: T, ...keys: string[]): Partial<T> {
  const out = { ...o } as Record<string, unknown>;
  for (const k of keys) delete out[k];
  return out as Partial<T>;
}

// ---------- encoding ----------

/** Percent-encodes like encodeURIComponent, but writes lone surrogates as their (invalid) WTF-8 bytes. */
function encode(value: string): string {
  let out = '';
  for (const ch of value) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xd800 && cp <= 0xdfff)
      out += [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)]
        .map((b) => '%' + b.toString(16).toUpperCase())
        .join('');
    else out += encodeURIComponent(ch);
  }
  return out;
}
const BROKEN_ESCAPES = ['%', '%zz', '%FF%FE', '%C0%AF', '%E0%80', '%2e%2e%2f', '%00'];
/** A generated value as a query-string value: text as is, anything else as its JSON. */
const asText = (v: unknown): string => {
  if (typeof v === 'string') return v.startsWith(RAW) ? RAW_TEXTS[Number(v.slice(RAW.length))]! : v;
  return typeof v === 'object' ? serialize(v) : String(v);
};
const HEADER_SAFE = /^[\t\x20-\x7e]*$/;
const unescapeLoosely = (s: string) =>
  s.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

// ---------- the suite ----------

describe('fuzzing every operation of the OpenAPI document', () => {
  let t: TestApp;
  let operations: Operation[];
  const tokens = new Map<Role, string>();
  /** Fixture ids by resource (path segment); none is a signed-in user or their roster record. */
  const pools: Record<string, string[]> = {};
  let countSql: string;
  let baseUrl: string;
  let schoolCode: string;
  const keepAlive = new Agent({ keepAlive: true });
  let protoKeys: string[];

  let lastSnapshot = '';
  let lastCounts: Record<string, number> = {};
  /**
   * Row counts of every public table. The full count is skipped when PostgreSQL's transaction snapshot
   * (next xid and in-progress xids) is unchanged: no write can have committed since the last count.
   */
  const counts = async (): Promise<Record<string, number>> => {
    const [row]: { snapshot: string }[] = await t.db.query(`SELECT pg_current_snapshot()::text AS snapshot`);
    const snapshot = row!.snapshot;
    if (snapshot !== lastSnapshot) {
      const rows: { t: string; n: number }[] = await t.db.query(countSql);
      lastCounts = Object.fromEntries(rows.map((r) => [r.t, r.n]));
      lastSnapshot = snapshot;
    }
    return lastCounts;
  };

  beforeAll(async () => {
    protoKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    t = await createTestApp();
    // One listening socket and kept-alive connections: twice as fast as a new server per request.
    await t.app.listen(0, '127.0.0.1');
    baseUrl = await t.app.getUrl();
    const f = t.factories;
    const districtId = (await f.createDistrict()).id;
    const [s1, s2] = [await f.createSchool({ districtId }), await f.createSchool({ districtId })];
    schoolCode = s1.code;
    const users = {
      hr: await f.createUser({ role: 'hr', districtId }),
      superintendent: await f.createUser({ role: 'superintendent', districtId }),
      coordinator: await f.createUser({ role: 'coordinator', districtId }),
      principal: await f.createUser({ role: 'principal', districtId, schoolIds: [s1.id] }),
      educator: (await f.createEducatorUser({ districtId, schoolId: s1.id })).user,
      platform_admin: await f.createUser({ role: 'platform_admin' }),
    } satisfies Record<Role, unknown>;
    // Records the fuzzer may name: none of them is a signed-in user or their roster record.
    const spareHr = await f.createUser({ role: 'hr', districtId });
    const sparePrincipal = await f.createUser({ role: 'principal', districtId, schoolIds: [s2.id] });
    const [e1, e2, e3, e4] = [
      await f.createEducator({ districtId, schoolId: s1.id }),
      await f.createEducator({ districtId, schoolId: s1.id }),
      await f.createEducator({ districtId, schoolId: s2.id }),
      await f.createEducator({ districtId, schoolId: s2.id }),
    ];
    const role = await f.createLeadershipRole({ districtId });
    const role2 = await f.createLeadershipRole({ districtId, level: 'district' });
    const nomination = await f.createNomination({
      districtId,
      educatorId: e1!.id,
      targetRoleId: role.id,
      nominatorUserId: users.hr.id,
    });
    const candidate = await f.createCandidate({ districtId, educatorId: e2!.id, roleId: role.id }, [
      { to: 'engaged', daysAgo: 20 },
      { to: 'developing', daysAgo: 10 },
    ]);
    const candidate2 = await f.createCandidate({ districtId, educatorId: e3!.id, roleId: role2.id });
    const framework = await f.createFramework({ districtId });
    const domain = await f.createCompetency({ frameworkId: framework.id });
    const competency = await f.createCompetency({ frameworkId: framework.id, kind: 'competency', parentId: domain.id });
    const evidence = await f.createEvidence({
      districtId,
      candidateId: candidate.id,
      competencyId: competency.id,
      recorderUserId: users.hr.id,
    });
    const opportunity = await f.createOpportunity({ districtId }, [competency.id]);
    const assignment = await f.createAssignment({
      districtId,
      opportunityId: opportunity.id,
      candidateId: candidate.id,
      assignedByUserId: users.hr.id,
    });
    const position = await f.createPosition({ districtId, roleId: role.id, schoolId: s1.id });
    const filled = await f.createPosition({ districtId, roleId: role2.id, incumbentEducatorId: e4!.id });
    await f.createReadinessAssessment({
      districtId,
      candidateId: candidate.id,
      confirmedByUserId: users.hr.id,
      band: 'ready_1_2_years',
    });
    // Another district's records: cross-district references must be refused too.
    const otherDistrictId = (await f.createDistrict()).id;
    const otherSchool = await f.createSchool({ districtId: otherDistrictId });
    const otherEducator = await f.createEducator({ districtId: otherDistrictId, schoolId: otherSchool.id });
    const otherRole = await f.createLeadershipRole({ districtId: otherDistrictId });
    const otherCandidate = await f.createCandidate({
      districtId: otherDistrictId,
      educatorId: otherEducator.id,
      roleId: otherRole.id,
    });
    const crosswalk = await f.createCompetency({
      frameworkId: framework.id,
      kind: 'indicator',
      parentId: competency.id,
    });
    await f.link(competency.id, crosswalk.id, 'related', districtId);
    const [link]: { id: string }[] = await t.db.query(`SELECT id FROM crosswalk_links WHERE from_id = $1`, [
      competency.id,
    ]);
    Object.assign(pools, {
      districts: [districtId, otherDistrictId],
      schools: [s1.id, s2.id, otherSchool.id],
      users: [spareHr.id, sparePrincipal.id],
      educators: [e1!.id, e2!.id, e3!.id, e4!.id, otherEducator.id],
      'leadership-roles': [role.id, role2.id, otherRole.id],
      nominations: [nomination.id],
      candidates: [candidate.id, candidate2.id, otherCandidate.id],
      'competency-frameworks': [framework.id],
      competencies: [domain.id, competency.id, crosswalk.id],
      'crosswalk-links': [link!.id],
      evidence: [evidence.id],
      opportunities: [opportunity.id],
      assignments: [assignment.id],
      positions: [position.id, filled.id],
    });
    pools.all = Object.values(pools).flat();
    for (const r of ROLES) tokens.set(r, await t.login(users[r].email));

    const tables: { table_name: string }[] = await t.db.query(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
          -- Bookkeeping every attempt writes, refused or not: the per-address sign-in counts (each sign-in
          -- route, e.g. the single sign-on ones, opens its own window row) and idempotency keys.
          AND table_name NOT IN ('idempotency_keys', 'login_rate_limits')
        ORDER BY table_name`,
    );
    countSql = tables
      .map(({ table_name: name }) =>
        name === 'audit_log'
          ? `SELECT 'audit_log' AS t, (count(*) FILTER (WHERE action <> 'login_failed'))::int AS n FROM audit_log`
          : `SELECT '${name}' AS t, count(*)::int AS n FROM "${name}"`,
      )
      .join(' UNION ALL ');

    // The route → permission table, from the same metadata the auth guard reads.
    const reflector = t.app.get(Reflector);
    const permissionOf = new Map<string, AuthMetadata>();
    for (const mod of t.app.get(ModulesContainer).values()) {
      for (const wrapper of mod.controllers.values()) {
        const proto = (wrapper.metatype as { prototype: Record<string, unknown> }).prototype;
        for (const name of Object.getOwnPropertyNames(proto)) {
          const handler = proto[name];
          if (name === 'constructor' || typeof handler !== 'function') continue;
          const meta = reflector.getAllAndOverride<AuthMetadata | undefined>(AUTH_METADATA, [
            handler as () => void,
            wrapper.metatype as () => void,
          ]);
          if (meta) permissionOf.set(name, meta);
        }
      }
    }
    const doc = (await t.http().get('/api/docs-json')).body as {
      paths: Record<
        string,
        Record<
          string,
          Omit<Operation, 'method' | 'path'> & {
            requestBody?: unknown;
            responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
          }
        >
      >;
      components: { schemas: Record<string, Schema> };
    };
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => {
        const content = (op.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)?.content;
        const meta = permissionOf.get(op.operationId);
        if (!meta) throw new Error(`operation ${op.operationId} has no auth metadata`);
        return {
          method,
          path,
          operationId: op.operationId,
          parameters: op.parameters ?? [],
          bodyTypes: Object.keys(content ?? {}),
          bodySchema: content?.['application/json']?.schema,
          responseSchema: op.responses?.['200']?.content?.['application/json']?.schema,
          permission: meta.public ? undefined : meta.permission,
        };
      }),
    );
    schemas = new SchemaArbs(doc.components.schemas, pools);
  }, 60_000);
  let schemas: SchemaArbs;

  afterAll(async () => {
    keepAlive.destroy();
    await t?.close();
  });

  // ---------- request arbitraries per operation ----------

  const pathArb = (op: Operation): fc.Arbitrary<string> => {
    const names = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    if (names.length === 0) return fc.constant(op.path);
    // Destructive methods never get a real id: they would legitimately delete it.
    const destructive = op.method === 'delete';
    const resource = op.path.split('/')[2]!.replace('district-settings', 'districts');
    const segment = fc.oneof(
      { arbitrary: destructive ? fc.uuid() : schemas.uuid(resource), weight: 4 },
      { arbitrary: fc.uuid().map((u) => u.toUpperCase()), weight: 1 },
      { arbitrary: urlString.map(encode), weight: 3 },
      { arbitrary: fc.constantFrom(...BROKEN_ESCAPES, '..', '.', '%2F..%2F..', "'%20OR%201=1--"), weight: 1 },
    );
    return fc
      .array(segment, { minLength: names.length, maxLength: names.length })
      .map((values) => names.reduce((p, n, i) => p.replace(`{${n}}`, values[i] || '%20'), op.path));
  };

  const listKeys = (op: Operation, name: 'sort' | 'filter'): string[] => {
    const d = op.parameters.find((p) => p.name === name)?.description ?? '';
    const m = name === 'sort' ? /fields: ([^;]*)/.exec(d) : /keys: ([^;]*)/.exec(d);
    return m?.[1]?.split(', ').filter(Boolean) ?? ['id'];
  };

  /** A plausible value for a list filter: typed from the same field of the resource the list returns. */
  const filterValueArb = (op: Operation, key: string): fc.Arbitrary<unknown> => {
    const item = schemas.resolve(schemas.resolve(op.responseSchema).items);
    const field = item.properties?.[key];
    if (key === 'q') return fc.oneof(fc.string({ maxLength: 20 }), urlString);
    if (field)
      return fc.oneof(
        { arbitrary: schemas.valid(field, key), weight: 3 },
        { arbitrary: fc.array(schemas.valid(field, key), { maxLength: 3 }), weight: 1 },
        { arbitrary: schemas.plausible(field, key), weight: 1 },
      );
    if (/Id$/.test(key)) return fc.oneof(schemas.uuid(key), fc.array(schemas.uuid(key), { maxLength: 3 }));
    return fc.constantFrom(true, false, 3, '2025-01-01', '2025-01-01T00:00:00Z', 'ready', 'school', 'active');
  };

  const queryArb = (op: Operation): fc.Arbitrary<[string, string][]> => {
    const params = op.parameters.filter((p) => p.in === 'query');
    const isList = params.some((p) => p.name === 'filter');
    const entries: fc.Arbitrary<[string, string]>[] = [];
    const shortGarbage = garbage.map(asText).map((v) => v.slice(0, 1500));
    if (isList) {
      const sortFields = listKeys(op, 'sort');
      const filterKeys = listKeys(op, 'filter');
      const direction = fc.oneof(
        { arbitrary: fc.constantFrom('ASC', 'DESC', 'asc', 'desc'), weight: 4 },
        { arbitrary: urlString, weight: 1 },
      );
      const sort = fc.oneof(
        { arbitrary: fc.tuple(fc.constantFrom(...sortFields, 'id'), direction).map(serialize), weight: 4 },
        {
          arbitrary: fc
            .tuple(fc.oneof(urlString, fc.constantFrom('__proto__', 'constructor', 'toString')), direction)
            .map(serialize),
          weight: 1,
        },
        { arbitrary: shortGarbage, weight: 1 },
        {
          arbitrary: fc.constantFrom(
            '["id"]',
            '["id","ASC","x"]',
            '[1,2]',
            '{}',
            '"id"',
            '["id",',
            'id,ASC',
            '[null,null]',
          ),
          weight: 1,
        },
      );
      const range = fc.oneof(
        {
          arbitrary: fc.tuple(fc.nat(50), fc.nat(1500)).map(([a, b]) => serialize([a, a + b])),
          weight: 4,
        },
        {
          arbitrary: fc.tuple(fc.oneof(fc.nat(30), edgeNumber), fc.oneof(fc.nat(30), edgeNumber)).map(serialize),
          weight: 1,
        },
        { arbitrary: shortGarbage, weight: 1 },
        {
          arbitrary: fc.constantFrom(
            '[0]',
            '[5,1]',
            '[-1,5]',
            '[0,1e308]',
            '[0.5,2]',
            '["0","9"]',
            '[0,99999999]',
            '[0,',
          ),
          weight: 1,
        },
      );
      const validPair = fc
        .constantFrom(...filterKeys)
        .chain((k) => filterValueArb(op, k).map((v) => [k, v] as [string, unknown]));
      const oddPair = fc.tuple(
        fc.oneof(
          fc.constantFrom(...filterKeys),
          fc.constantFrom('__proto__', 'constructor', 'hasOwnProperty', 'districtId'),
          urlString,
        ),
        fc.oneof(
          garbage,
          // As many ids as fit in a URL (Node refuses request lines over 16 KiB).
          fc.integer({ min: 100, max: 300 }).chain((n) => fc.uuid().map((u) => Array(n).fill(u) as string[])),
        ),
      );
      const filter = fc.oneof(
        { arbitrary: fc.array(validPair, { maxLength: 3 }), weight: 4 },
        { arbitrary: fc.array(fc.oneof(validPair, oddPair), { minLength: 1, maxLength: 3 }), weight: 2 },
        { arbitrary: fc.constant(null), weight: 1 },
      );
      entries.push(
        sort.map((v) => ['sort', v] as [string, string]),
        range.map((v) => ['range', v] as [string, string]),
        fc
          .tuple(filter, shortGarbage)
          .map(([pairs, g]) => [
            'filter',
            pairs ? serialize(pairs.reduce((o, [k, v]) => withKey(o, k, v), {} as Record<string, unknown>)) : g,
          ]),
      );
    }
    for (const p of params.filter((q) => !['sort', 'range', 'filter'].includes(q.name))) {
      entries.push(
        fc
          .oneof(
            { arbitrary: schemas.valid(p.schema, p.name), weight: 3 },
            { arbitrary: schemas.plausible(p.schema, p.name), weight: 1 },
            { arbitrary: schemas.field(p.schema, p.name), weight: 1 },
            { arbitrary: fc.constantFrom('true', 'false', '1', 'yes'), weight: 1 },
          )
          .map((v) => [p.name, asText(v).slice(0, 1500)] as [string, string]),
      );
    }
    const unknown = fc
      .tuple(fc.oneof(fc.constantFrom('__proto__', 'constructor', 'filter[a]', 'q', 'page', 'sort[]'), urlString), leaf)
      .map(([k, v]) => [k, asText(v).slice(0, 1500)] as [string, string]);
    return fc
      .tuple(
        fc.subarray(entries.map((_, i) => i)),
        entries.length ? fc.tuple(...entries) : fc.constant([] as [string, string][]),
        fc.array(unknown, { minLength: 1, maxLength: 2 }),
        fc.nat(29),
      )
      .map(([chosen, values, extras, dice]) => {
        const out = chosen.map((i) => values[i]!);
        if (dice < 2 && out[0]) out.push(out[0]); // the same key twice
        if (dice >= 2 && dice < 7) out.push(...extras);
        if (dice === 7) out.push(['pad', 'x'.repeat(17_000)]); // over Node's request-line limit
        return out;
      });
  };

  const bodyArb = (op: Operation): fc.Arbitrary<FuzzRequest['body'] | undefined> => {
    if (op.method === 'get') return fc.constant(undefined);
    const json = (text: string): FuzzRequest['body'] => ({ contentType: 'application/json', text });
    const schemaBody = op.bodySchema
      ? schemas.object(schemas.resolve(op.bodySchema)).map(serialize)
      : garbage.map(serialize);
    const arbs: { arbitrary: fc.Arbitrary<FuzzRequest['body'] | undefined>; weight: number }[] = [
      { arbitrary: schemaBody.map(json), weight: op.bodyTypes.includes('application/json') ? 10 : 1 },
      { arbitrary: fc.oneof(garbage, fc.jsonValue()).map((v) => json(serialize(v))), weight: 2 },
      {
        arbitrary: fc
          .constantFrom(
            '{"a":',
            '{"a":1,}',
            "{'a':1}",
            '\ufeff{}',
            '',
            '[',
            'null',
            '1e400',
            '"text"',
            '{"a":"\u0000"}',
            '{"a":1}{"b":2}',
            '{"a":"\\ud800"}',
            '\u0000',
            ...PROTO_PAYLOADS,
          )
          .map(json),
        weight: 2,
      },
      {
        arbitrary: fc
          .tuple(fc.constantFrom<'object' | 'array'>('object', 'array'), fc.integer({ min: 900, max: 10_000 }))
          .map(([kind, depth]) => json(nested(depth, kind))),
        weight: 1,
      },
      {
        arbitrary: fc
          .integer({ min: 1, max: 4096 })
          .map((extra) => json(`{"x":"${'a'.repeat(JSON_LIMIT + extra - 8)}"}`)),
        weight: 1,
      },
      {
        arbitrary: fc
          .tuple(
            schemaBody,
            fc.constantFrom(
              undefined,
              'text/plain',
              'application/x-www-form-urlencoded',
              'multipart/form-data; boundary=x',
              'application/json; charset=latin1',
              'application/xml',
              'text/csv',
              'application/json, text/csv',
            ),
          )
          .map(([text, contentType]) => ({ contentType, text })),
        weight: 1,
      },
    ];
    if (!op.bodyTypes.length) arbs.push({ arbitrary: fc.constant(undefined), weight: 8 });
    return fc.oneof(...arbs);
  };

  const headerArb = (op: Operation): fc.Arbitrary<Record<string, string>> => {
    if (!op.parameters.some((p) => p.name === 'Idempotency-Key')) return fc.constant({});
    return fc.oneof(
      fc.constant({}),
      fc.uuid().map((k) => ({ 'Idempotency-Key': k })),
      fc
        .oneof(edgeString, fc.constantFrom('x'.repeat(201), ' ', 'a b'))
        .filter((k) => HEADER_SAFE.test(k))
        .map((k) => ({ 'Idempotency-Key': k })),
    );
  };

  const requestArb = (op: Operation): fc.Arbitrary<FuzzRequest> => {
    const roles = op.permission ? ROLES.filter((r) => roleHas(r, op.permission!)) : [];
    return fc
      .record({
        role: roles.length ? fc.constantFrom(...roles) : fc.constant(null),
        path: pathArb(op),
        query: queryArb(op),
        body: bodyArb(op),
        headers: headerArb(op),
        // Now and then the whole query is one malformed percent-escape.
        broken: fc.oneof(
          { arbitrary: fc.constant(null), weight: 12 },
          { arbitrary: fc.constantFrom(...BROKEN_ESCAPES), weight: 1 },
        ),
      })
      .map(({ broken, query, ...r }) => {
        let qs = query.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
        if (broken) qs = `filter=${broken}`;
        return { ...r, query: qs };
      });
  };

  // ---------- sending and checking ----------

  const send = async (op: Operation, req: FuzzRequest, authorization?: string): Promise<Response> => {
    try {
      return await sendOnce(op, req, authorization, keepAlive);
    } catch (error) {
      // The server may close a kept-alive connection (e.g. after a 413) just as the next request goes out.
      if ((error as { code?: string }).code !== 'ECONNRESET') throw error;
      return await sendOnce(op, req, authorization, undefined);
    }
  };
  const sendOnce = (op: Operation, req: FuzzRequest, authorization: string | undefined, agent?: Agent) => {
    const url = req.path + (req.query ? `?${req.query}` : '');
    let r = request(baseUrl)[op.method as 'get'](url);
    if (agent) r = r.agent(agent);
    for (const [k, v] of Object.entries(req.headers)) r = r.set(k, v);
    if (authorization) r = r.set('Authorization', authorization);
    if (req.body) {
      if (req.body.contentType) r = r.set('Content-Type', req.body.contentType);
      r = r.send(req.body.text);
    }
    return r;
  };

  const describeRequest = (op: Operation, req: FuzzRequest, res?: Response) =>
    JSON.stringify({
      op: `${op.method.toUpperCase()} ${op.path}`,
      role: req.role,
      url: (req.path + (req.query ? `?${req.query}` : '')).slice(0, 400),
      contentType: req.body?.contentType,
      body: req.body?.text.slice(0, 400),
      bodyLength: req.body?.text.length,
      headers: req.headers,
      status: res?.status,
      response: res ? (res.text ?? '').slice(0, 400) : undefined,
    });

  /** The properties every answer keeps; returns a problem or undefined. */
  const problemWith = (res: Response, sent: string): string | undefined => {
    if (res.status >= 500) return `a ${res.status}`;
    if (res.status < 400) return undefined;
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(res.text) as Record<string, unknown>;
    } catch {
      return 'an error body that is not JSON';
    }
    if (
      body.statusCode !== res.status ||
      typeof body.code !== 'string' ||
      typeof body.message !== 'string' ||
      typeof body.correlationId !== 'string'
    )
      return 'an error body without the error shape';
    const leak = LEAKS.find((re) => re.test(res.text) && !re.test(sent));
    if (leak) return `an error body that leaks ${leak}`;
    return undefined;
  };

  const diff = (a: Record<string, number>, b: Record<string, number>): string | undefined => {
    const changed = Object.keys({ ...a, ...b }).filter((k) => a[k] !== b[k]);
    return changed.length ? changed.map((k) => `${k} ${a[k]} → ${b[k]}`).join(', ') : undefined;
  };

  const seedOf = (op: Operation) =>
    [...op.operationId].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, SEED) >>> 0;

  // Generous: a run with FUZZ_RUNS=50 on a busy machine takes a few minutes.
  it('answers every operation without a 5xx, in the error shape, and writes nothing when it refuses', async () => {
    const started = Date.now();
    expect(operations.length).toBeGreaterThan(80);
    const failures: string[] = [];
    const badTokens = unauthenticatedHeaders();
    const only = process.env.FUZZ_ONLY ? new RegExp(process.env.FUZZ_ONLY) : undefined;
    let [total, reached] = [0, 0];
    for (const op of operations.filter((o) => !only || only.test(o.operationId))) {
      let before = await counts();
      const property = fc.asyncProperty(requestArb(op), fc.constantFrom(...badTokens), async (req, badToken) => {
        // What the request carried, escapes undone, so an echo of it is not taken for a leak.
        const sent = JSON.stringify(req) + unescapeLoosely(req.path + '?' + req.query);
        const res = await send(op, req, req.role ? `Bearer ${tokens.get(req.role)}` : undefined);
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        if (VERBOSE === 'requests') process.stdout.write(describeRequest(op, req, res) + '\n');
        const problem = problemWith(res, sent);
        if (problem) throw new Error(`${problem}: ${describeRequest(op, req, res)}`);
        // A valid, unrevoked token of a role holding the permission is never refused as unauthenticated.
        if (req.role && res.status === 401)
          throw new Error(`a 401 for a valid token: ${describeRequest(op, req, res)}`);
        // Counted once after both requests when the first was refused; a success moves the baseline.
        if (res.status < 400) before = await counts();
        if (op.permission) {
          const anon = await send(op, req, badToken);
          const anonProblem = problemWith(anon, sent + badToken);
          if (anonProblem) throw new Error(`${anonProblem} without a valid token: ${describeRequest(op, req, anon)}`);
          if (anon.status < 400)
            throw new Error(`a ${anon.status} without a valid token: ${describeRequest(op, req, anon)}`);
        }
        const changed = diff(before, await counts());
        if (changed)
          throw new Error(
            `a refused request changed ${changed}: ${describeRequest(op, req, res)} (then without a token)`,
          );
      });
      const statuses: Record<number, number> = {};
      const details = await fc.check(property, { seed: seedOf(op), numRuns: RUNS, endOnFailure: true });
      if (VERBOSE) process.stdout.write(`[fuzz] ${op.operationId} statuses ${JSON.stringify(statuses)}\n`);
      for (const [status, n] of Object.entries(statuses)) {
        total += n;
        // A success, a scope miss or a conflict: the request got past parsing and validation.
        if (/^2|^404$|^409$/.test(status)) reached += n;
      }
      if (details.failed) {
        const error =
          details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
        failures.push(
          `${op.operationId} (FUZZ_SEED=${SEED}, operation seed ${details.seed}, path ${details.counterexamplePath}): ${error.slice(0, 1500)}`,
        );
      }
    }
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoKeys);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    process.stdout.write(
      `[fuzz] ${operations.length} operations × ${RUNS} runs, seed ${SEED}, ${Date.now() - started} ms; ` +
        `${reached} of ${total} requests with a token reached a handler\n`,
    );
    expect(failures).toEqual([]);
    // Not only the parsers are fuzzed: a good share of requests get past validation.
    if (!only) expect(reached / total).toBeGreaterThan(0.2);
  }, 600_000);

  it('refuses every malformed roster file with a 4xx in the error shape, writing nothing', async () => {
    const header = 'employee_number,first_name,last_name,job_title,school_code\n';
    const utf8 = (text: string) => Buffer.from(text, 'utf8');
    const refused: [string, Buffer][] = [
      ['empty', Buffer.alloc(0)],
      ['only a BOM', utf8('\ufeff')],
      ['a BOM inside a row', utf8(`${header}F2,A\ufeffnn,"Lee,Teacher,${schoolCode}\n`)],
      ['NUL bytes only', Buffer.alloc(64)],
      ['a NUL in the header', utf8(`employee_number\u0000,first_name,last_name,job_title\nF3,Ann,Lee,Teacher\n`)],
      ['a NUL in a field', utf8(`${header}F4,A\u0000nn,Lee,Teacher,${schoolCode}\n`)],
      ['an opening quote never closed', utf8(`${header}F6,"Ann,Lee,Teacher,${schoolCode}\n`)],
      ['a quote inside an unquoted field', utf8(`${header}F7,An"n,Lee,Teacher,${schoolCode}\n`)],
      ['a quoted header never closed', utf8(`"employee_number,first_name\n`)],
      ['text after a closing quote', utf8(`${header}"F8"x,Ann,Lee,Teacher,${schoolCode}\n`)],
      ['a huge single line', utf8('a'.repeat(8 * 1024 * 1024))],
      ['a huge quoted field', utf8(`${header}F9,"${'b'.repeat(2 * 1024 * 1024)}",Lee,Teacher,${schoolCode}\n`)],
      ['10,000 columns', utf8(`${Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(',')}\n1,2\n`)],
      ['prototype keys as columns', utf8(`__proto__,constructor,employee_number,first_name\nx,y,F10,Ann\n`)],
      ['5,000 bad rows', utf8(header + 'x y,,,,NOPE\n'.repeat(5000))],
      [
        'injection-looking values',
        utf8(`${header}"'; DROP TABLE educators; --",\${7*7},../../etc,=cmd|' /C calc'!A0,NOPE\n`),
      ],
      ['carriage returns only', utf8(header.replace('\n', '\r') + `F13,Ann,Lee,Teacher,NOPE\r`)],
      ['a PNG', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')],
      ...fc
        .sample(fc.uint8Array({ minLength: 1, maxLength: 4096 }), { seed: SEED, numRuns: 12 })
        .map((bytes, i): [string, Buffer] => [`random bytes #${i}`, Buffer.from(bytes)]),
    ];
    const upload = (body: Buffer, query = '') =>
      request(baseUrl)
        .post(`/api/educators/import${query}`)
        .set('Authorization', `Bearer ${tokens.get('hr')}`)
        .set('Content-Type', 'text/csv')
        .send(body);

    const failures: string[] = [];
    const before = await counts();
    for (const [name, body] of refused) {
      for (const query of ['', '?dryRun=true']) {
        const res = await upload(body, query);
        const problem = res.status < 400 ? `a ${res.status}` : problemWith(res, body.toString('latin1'));
        if (problem) failures.push(`${name}${query}: ${problem}: ${res.text.slice(0, 300)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await counts()).toEqual(before);

    // Well-formed files are still taken: a header alone (behind one or two BOMs) changes nothing,
    // UTF-16 with its BOM and UTF-8 with a BOM are imported.
    for (const bom of ['\ufeff', '\ufeff\ufeff']) {
      const res = await upload(utf8(bom + header));
      expect(res.status).toBe(200);
      expect(res.body).toEqual(expect.objectContaining({ rows: 0, created: 0, updated: 0 }));
    }
    expect(await counts()).toEqual(before);
    const utf16 = await upload(Buffer.from(`\ufeff${header}F1,Zoë,Lee,Teacher,${schoolCode}\n`, 'utf16le'));
    expect(utf16.body).toEqual(expect.objectContaining({ rows: 1, created: 1 }));
    const withBom = await upload(utf8(`\ufeff${header}F100,Ann,Lee,Teacher,${schoolCode}\n`));
    expect(withBom.body).toEqual(expect.objectContaining({ rows: 1, created: 1 }));
    const names: { first_name: string }[] = await t.db.query(
      `SELECT first_name FROM educators WHERE employee_number IN ('F1', 'F100') ORDER BY employee_number`,
    );
    expect(names).toEqual([{ first_name: 'Zoë' }, { first_name: 'Ann' }]);

    // Accepted as they stand (reported, not asserted): bytes that are not UTF-8 become U+FFFD, and a
    // repeated column is read from its first occurrence. Neither may be a 5xx.
    for (const body of [
      Buffer.concat([utf8(`${header}F5,`), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), utf8(`,Lee,T,${schoolCode}\n`)]),
      utf8(`employee_number,employee_number,first_name,last_name,job_title\nF11,F12,A,B,C\n`),
    ]) {
      const res = await upload(body, '?dryRun=true');
      expect(problemWith(res, '')).toBeUndefined();
    }
  });

  describe('regressions found by the fuzzer', () => {
    const hrAuth = () => `Bearer ${tokens.get('hr')}`;

    it('refuses a CSV body on a JSON route with a 415 (class-transformer walked the socket and aborted the process)', async () => {
      const school = await request(baseUrl)
        .post('/api/schools')
        .set('Authorization', hrAuth())
        .set('Content-Type', 'text/csv')
        .send('name,code\nA,B\n');
      expect(school.status).toBe(415);
      expect(school.body).toEqual(errorBody(415, 'unsupported_media_type'));
      // Without a token too: the sign-in route's DTO took the same path.
      const login = await request(baseUrl)
        .post('/api/auth/login')
        .set('Content-Type', 'application/csv')
        .send('email,password\n');
      expect(login.status).toBe(415);
      expect((await request(baseUrl).get('/api/health')).status).toBe(200);
    });

    it(`refuses a body nested deeper than ${MAX_BODY_DEPTH} levels with a 400 (was a 500 from a stack overflow)`, async () => {
      const deep = await request(baseUrl)
        .post('/api/schools')
        .set('Authorization', hrAuth())
        .set('Content-Type', 'application/json')
        .send(nested(3000, 'object'));
      expect(deep.status).toBe(400);
      expect(deep.body).toEqual(errorBody(400, 'bad_request', { message: expect.stringContaining('nests more') }));
      // The idempotency interceptor hashed the body before any pipe ran.
      const idempotent = await request(baseUrl)
        .post('/api/nominations')
        .set('Authorization', hrAuth())
        .set('Idempotency-Key', 'fuzz-deep-1')
        .set('Content-Type', 'application/json')
        .send(nested(10_000, 'array'));
      expect(idempotent.status).toBe(400);
      expect(idempotent.body).toEqual(errorBody(400, 'bad_request'));
      // As deep as allowed: the usual validation answers.
      const allowed = await request(baseUrl)
        .post('/api/schools')
        .set('Authorization', hrAuth())
        .set('Content-Type', 'application/json')
        .send(`{"name":${'['.repeat(MAX_BODY_DEPTH - 1)}${']'.repeat(MAX_BODY_DEPTH - 1)}}`);
      expect(allowed.status).toBe(400);
      expect(allowed.body).toEqual(errorBody(400, 'validation_failed', { errors: expect.any(Object) }));
    });

    it('refuses a roster line over 64 KiB at once (an 8 MB line kept the CSV parser busy ~25 s)', async () => {
      const started = Date.now();
      const res = await request(baseUrl)
        .post('/api/educators/import?dryRun=true')
        .set('Authorization', hrAuth())
        .set('Content-Type', 'text/csv')
        .send(Buffer.alloc(8 * 1024 * 1024, 'a'));
      expect(res.status).toBe(400);
      expect(res.body).toEqual(
        errorBody(400, 'import_invalid', {
          message: expect.stringContaining('not valid CSV'),
          errors: expect.any(Array),
        }),
      );
      expect(res.body.errors[0].message).toMatch(/maximum number of tolerated bytes of 65536/);
      process.stdout.write(`[fuzz] an 8 MB CSV line refused in ${Date.now() - started} ms\n`);
    });

    it('refuses hours in exponent notation with a 400 (class-validator threw on 1e-7: a 500)', async () => {
      const put = (hoursLogged: string) =>
        request(baseUrl)
          .put(`/api/assignments/${pools.assignments![0]}`)
          .set('Authorization', `Bearer ${tokens.get('coordinator')}`)
          .set('Content-Type', 'application/json')
          .send(`{"hoursLogged":${hoursLogged},"version":999}`);
      for (const tiny of ['1e-7', '5e-324']) {
        const res = await put(tiny);
        expect(res.status).toBe(400);
        expect(res.body).toEqual(
          expect.objectContaining({ errors: { hoursLogged: 'hoursLogged must be a number with at most one decimal' } }),
        );
      }
      expect((await put('6.55')).status).toBe(400);
      // One decimal still passes validation and reaches the version check.
      for (const fine of ['0.3', '6.5', '12']) expect((await put(fine)).body).toEqual(errorBody(409, 'stale_version'));
    });

    it('refuses null for an optional field whose column takes none with a 400 (PostgreSQL 23502 was a 500)', async () => {
      const role = await request(baseUrl)
        .post('/api/leadership-roles')
        .set('Authorization', hrAuth())
        .send({ title: 'Fuzz null description', level: 'district', description: null });
      expect(role.status).toBe(400);
      expect(role.body).toEqual(
        errorBody(400, 'validation_failed', { errors: { description: 'description must have a value' } }),
      );
      const district = await request(baseUrl)
        .post('/api/districts')
        .set('Authorization', `Bearer ${tokens.get('platform_admin')}`)
        .send({ name: 'Fuzz district', slug: 'fuzz-null-threshold', smallCellThreshold: null });
      expect(district.status).toBe(400);
      expect(district.body.errors).toEqual({ smallCellThreshold: 'smallCellThreshold must have a value' });
    });

    it('answers errors raised before routing (bad escapes, long parameters, huge URLs) in the error shape', async () => {
      const escape = await request(baseUrl).get('/api/schools/%E0%80').set('Authorization', hrAuth());
      expect(escape.status).toBe(400);
      expect(escape.body).toEqual(
        errorBody(400, 'bad_request', { message: expect.stringContaining('percent-escape') }),
      );
      const long = await request(baseUrl)
        .get(`/api/schools/${'x'.repeat(200)}`)
        .set('Authorization', hrAuth());
      expect(long.status).toBe(414);
      expect(long.body).toEqual(errorBody(414, 'bad_request', { message: 'A path parameter is too long' }));
      const huge = await request(baseUrl).get(`/api/schools?filter=${'x'.repeat(17_000)}`);
      expect(huge.status).toBe(431);
      expect(huge.body).toEqual(errorBody(431, 'bad_request'));
    });
  });

  /** Authorization headers that must all be refused: none, garbage, forged, tampered, odd subjects. */
  function unauthenticatedHeaders(): (string | undefined)[] {
    const hrToken = tokens.get('hr')!;
    const [header, payload, signature] = hrToken.split('.') as [string, string, string];
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const real = new JwtService({ secret: t.app.get<string>(JWT_SECRET) });
    const forged = new JwtService({ secret: 'not-the-secret' });
    return [
      undefined,
      'Bearer',
      'Bearer ',
      "Bearer ' OR 1=1 --",
      'Bearer a.b.c',
      `Basic ${Buffer.from('hr:emerge-demo-pass').toString('base64')}`,
      `bearer${hrToken}`,
      `Bearer ${forged.sign({ sub: claims.sub, tv: claims.tv })}`,
      `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`,
      `Bearer ${header}.${b64({ ...claims, sub: 'x' })}.${signature}`,
      `Bearer ${real.sign({ sub: "' OR 1=1 --", tv: 0 })}`,
      `Bearer ${real.sign({ sub: 'not-a-uuid', tv: 0 })}`,
      `Bearer ${real.sign({ sub: 42, tv: 0 })}`,
      `Bearer ${real.sign({ sub: claims.sub, tv: 'x' })}`,
      `Bearer ${real.sign({ sub: claims.sub, tv: Number(claims.tv) + 1 })}`,
      `Bearer ${real.sign({ sub: claims.sub, tv: claims.tv }, { expiresIn: -10 })}`,
      `Bearer ${real.sign({ sub: '00000000-0000-0000-0000-000000000000', tv: 0 })}`,
      `Bearer ${'x'.repeat(8000)}`,
    ];
  }
});
