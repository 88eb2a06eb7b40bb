import { AUDIT_LIST } from '../audit/audit.dto.js';
import type { ListSpec } from '../common/pagination/list-query.js';
import { CANDIDATE_LIST, STAGE_TRANSITION_LIST } from '../modules/candidates/candidate.dto.js';
import { EDUCATOR_LIST } from '../modules/educators/educator.dto.js';
import { EVIDENCE_LIST } from '../modules/evidence/evidence.dto.js';
import { NOMINATION_LIST } from '../modules/nominations/nomination.dto.js';
import { POSITION_LIST } from '../modules/positions/position.dto.js';
import type { StatementKind } from './explain-gate.js';

/** The records a catalog request names; the test fixture or the bench's generated data supplies them. */
export const CATALOG_ID_NAMES = [
  'candidateId',
  'educatorId',
  'schoolId',
  'roleId',
  'userId',
  'competencyId',
  'assignmentId',
  'schoolYear',
] as const;

export type CatalogIds = Record<(typeof CATALOG_ID_NAMES)[number], string>;

/** Who sends it: hr sees the district, a principal (scope: their schools) must include `schoolId`. */
export type CatalogRole = 'hr' | 'principal';

export interface CatalogRequest {
  /** e.g. `candidates filter stage`. */
  name: string;
  role: CatalogRole;
  kind: StatementKind;
  /** The route, with `:name` parameters from CatalogIds, e.g. `/api/candidates/:candidateId`. */
  path: string;
  /**
   * Query parameters; a string value `:name` (also inside a list filter) is replaced from CatalogIds, and
   * non-string values are sent as JSON (the ra-data-simple-rest dialect).
   */
  query?: Record<string, unknown>;
}

const PAGE: [number, number] = [0, 24];

/** Which record a uuid filter of a list names. */
const UUID_FILTER_IDS: Record<string, (typeof CATALOG_ID_NAMES)[number]> = {
  candidateId: 'candidateId',
  educatorId: 'educatorId',
  mentorEducatorId: 'educatorId',
  incumbentEducatorId: 'educatorId',
  schoolId: 'schoolId',
  roleId: 'roleId',
  targetRoleId: 'roleId',
  nominatorUserId: 'userId',
  recorderUserId: 'userId',
  actorUserId: 'userId',
  competencyId: 'competencyId',
  assignmentId: 'assignmentId',
};

/** Values of free-text filters (no allow-list) that real callers send. */
const TEXT_FILTER_VALUES: Record<string, string> = {
  jobTitle: 'Teacher',
  entity: 'candidates',
  entityId: ':candidateId',
  correlationId: 'req-1',
};

function sampleValue(spec: ListSpec, key: string): unknown {
  const def = spec.filters[key]!;
  if (def.values) return def.values[0];
  switch (def.type) {
    case 'uuid': {
      const id = UUID_FILTER_IDS[key];
      if (!id) throw new Error(`request catalog: no sample record for ${spec.resource} filter ${key}`);
      return `:${id}`;
    }
    case 'boolean':
      return true;
    case 'int':
      return 12;
    case 'date':
      return def.op === 'lte' ? '2100-01-01' : '2000-01-01';
    case 'string': {
      const value = TEXT_FILTER_VALUES[key];
      if (value === undefined) throw new Error(`request catalog: no sample text for ${spec.resource} filter ${key}`);
      return value;
    }
  }
}

/**
 * A list's default page, then a page per documented filter and per documented sort (and the free-text
 * search), for each role: every index the list's allow-lists promise is exercised.
 */
function listRequests(path: string, spec: ListSpec, roles: CatalogRole[]): CatalogRequest[] {
  const out: CatalogRequest[] = [];
  for (const role of roles) {
    const add = (name: string, query: Record<string, unknown>) =>
      out.push({ name: `${spec.resource} ${name}`, role, kind: 'list', path, query: { range: PAGE, ...query } });
    add('default', {});
    for (const key of Object.keys(spec.filters)) add(`filter ${key}`, { filter: { [key]: sampleValue(spec, key) } });
    for (const field of Object.keys(spec.sort)) {
      // Retirement data orders only hr's and the superintendent's lists (refuseRetirementSort).
      if (field === 'retirementEligibleYear' && role !== 'hr') continue;
      const direction = field === spec.defaultSort[0] && spec.defaultSort[1] === 'ASC' ? 'DESC' : 'ASC';
      add(`sort ${field} ${direction}`, { sort: [field, direction] });
    }
    if (spec.search?.terms.length) add('search', { filter: { q: 'ann' } });
  }
  return out;
}

const DASHBOARDS = ['funnel', 'time-in-stage', 'bench', 'competencies', 'nominations', 'opportunities'];

function dashboardRequests(): CatalogRequest[] {
  const out: CatalogRequest[] = [];
  const variants: [string, CatalogRole, Record<string, unknown>][] = [
    ['', 'hr', {}],
    [' filtered', 'hr', { schoolYear: ':schoolYear', schoolId: ':schoolId', roleId: ':roleId', level: 'school' }],
    ['', 'principal', {}],
  ];
  for (const [suffix, role, query] of variants) {
    for (const name of DASHBOARDS)
      out.push({ name: `dashboard ${name}${suffix}`, role, kind: 'dashboard', path: `/api/dashboard/${name}`, query });
    // Equity is for hr and the superintendent only.
    if (role === 'hr') {
      out.push({
        name: `dashboard equity${suffix}`,
        role,
        kind: 'dashboard',
        path: '/api/dashboard/equity',
        query: { ...query, dimension: 'gender' },
      });
    }
  }
  return out;
}

/**
 * The reads whose SQL must stay served by indexes at state scale: the lists (each documented filter and
 * sort), the candidate detail and its competency profile, and every dashboard aggregate. The small EXPLAIN
 * gate in the e2e tests runs it on the test fixture; the bench runs it on generated data.
 */
export const REQUEST_CATALOG: CatalogRequest[] = [
  ...listRequests('/api/candidates', CANDIDATE_LIST, ['hr', 'principal']),
  ...(['hr', 'principal'] as const).flatMap((role): CatalogRequest[] => [
    { name: 'candidate detail', role, kind: 'detail', path: '/api/candidates/:candidateId' },
    {
      name: 'candidate competency profile',
      role,
      kind: 'detail',
      path: '/api/candidates/:candidateId/competency-profile',
    },
  ]),
  ...listRequests('/api/educators', EDUCATOR_LIST, ['hr', 'principal']),
  ...listRequests('/api/nominations', NOMINATION_LIST, ['hr', 'principal']),
  ...listRequests('/api/evidence', EVIDENCE_LIST, ['hr', 'principal']),
  ...listRequests('/api/stage-transitions', STAGE_TRANSITION_LIST, ['hr', 'principal']),
  ...listRequests('/api/positions', POSITION_LIST, ['hr']),
  ...listRequests('/api/audit-log', AUDIT_LIST, ['hr']),
  ...dashboardRequests(),
];

function substitute(value: unknown, ids: CatalogIds): unknown {
  if (typeof value === 'string' && value.startsWith(':')) {
    const id = ids[value.slice(1) as keyof CatalogIds];
    if (id === undefined) throw new Error(`request catalog: no value for ${value}`);
    return id;
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, ids));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, ids)]));
  return value;
}

/** The request's URL (path and query string) with the records filled in. */
export function catalogUrl(request: CatalogRequest, ids: CatalogIds): string {
  const path = request.path.replace(/:([A-Za-z]+)/g, (_, name: string) => String(substitute(`:${name}`, ids)));
  const params = new URLSearchParams();
  for (const [key, raw] of Object.entries(request.query ?? {})) {
    const value = substitute(raw, ids);
    params.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return params.size ? `${path}?${params.toString()}` : path;
}
