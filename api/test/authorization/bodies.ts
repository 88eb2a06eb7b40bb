import type { Role } from '../../src/auth/permissions.js';
import type { Actor, MatrixFixture } from './fixture.js';

/** A request body: JSON, or a CSV file. */
export interface Payload {
  body?: unknown;
  csv?: string;
}

/** Reads a record through the API as the given actor (200 or it throws). */
export type Fetch = (actor: Actor, url: string) => Promise<Record<string, unknown> & unknown[]>;

export interface ItemContext {
  role: Role;
  id: string;
  url: string;
  fx: MatrixFixture;
  fetch: Fetch;
}

let n = 0;
const uniq = () => `${Date.now().toString(36)}${++n}`;
const today = () => new Date().toISOString().slice(0, 10);
const RATIONALE = 'Leads the grade-level team with clarity and care.';

const reflection = (competencyId: string) => ({
  competencyIds: [competencyId],
  body: 'Matrix reflection',
  shareMentor: false,
  shareCoordinator: false,
  shareHr: false,
});

/** Whoever may read the record in full: B's hr for B's records, A's hr otherwise. */
const ownerOf = (c: ItemContext): Actor => (c.fx.owner.get(c.id) === 'B' ? 'hrB' : 'hr');
/** The record as its district's hr reads it: a PUT that changes nothing, so the answer is about access. */
const current = async (c: ItemContext): Promise<Payload> => ({ body: await c.fetch(ownerOf(c), c.url) });
const version = async (c: ItemContext) => (await c.fetch(ownerOf(c), `/api/assignments/${c.id}`)).version as number;

/**
 * A valid body for each route that acts on a record: validation runs before the record's scope is
 * checked, so an invalid body would answer 400 where the matrix expects the record's 404.
 */
export const ITEM_BODIES: Record<string, (c: ItemContext) => Payload | Promise<Payload>> = {
  'PUT /api/districts/:id': async (c) => ({ body: await c.fetch('platform_admin', c.url) }),
  'PUT /api/district-settings/:id': current,
  // A valid configuration (validation comes before scope): the district's own domain, its current version.
  'PUT /api/districts/:id/identity-provider': async (c) => {
    const owner: Actor = c.fx.owner.get(c.id) === 'B' ? 'hrB' : 'hr';
    const { version } = await c.fetch(owner, c.url);
    return {
      body: {
        enabled: true,
        displayName: 'Matrix provider',
        issuerUrl: 'https://idp.matrix.example',
        clientId: 'matrix',
        clientSecret: 'matrix-secret',
        emailDomains: [`${c.id}.matrix.example`],
        passwordSignInAllowed: true,
        version,
      },
    };
  },
  'PUT /api/schools/:id': current,
  'PUT /api/users/:id': current,
  'POST /api/users/:id/password-link': () => ({}),
  'POST /api/users/:id/sign-in-links/removal': () => ({}),
  'PUT /api/educators/:id': current,
  'POST /api/educators/:id/login': () => ({}),
  'POST /api/notifications/:id/read': () => ({}),
  'PUT /api/leadership-roles/:id': current,
  'PUT /api/leadership-roles/:id/targets': async (c) => {
    const targets = (await c.fetch(ownerOf(c), c.url)) as unknown as { competencyId: string; targetLevel: number }[];
    return { body: { targets: targets.map((t) => ({ competencyId: t.competencyId, targetLevel: t.targetLevel })) } };
  },
  'POST /api/nominations/:id/decision': () => ({ body: { decision: 'approve' } }),
  'POST /api/nominations/:id/withdrawal': () => ({}),
  'PUT /api/candidates/:id': current,
  // The fixture's candidates are developing: an honest move that the stage rules then judge (409).
  'POST /api/candidates/:id/transitions': () => ({ body: { to: 'engaged', expectedStage: 'identified' } }),
  'POST /api/candidates/:id/consent': () => ({ body: { accepted: true, reason: 'Said yes in person' } }),
  'POST /api/candidates/:id/readiness': () => ({ body: { band: 'ready_1_2_years', rationale: 'Matrix check' } }),
  // Keeps readiness unshared (exception X8 reads it so).
  'POST /api/candidates/:id/readiness/sharing': () => ({ body: { shared: false } }),
  'PUT /api/competency-frameworks/:id': current,
  'PUT /api/competencies/:id': current,
  'PUT /api/opportunities/:id': current,
  'POST /api/opportunities/:id/interest': () => ({}),
  'PUT /api/assignments/:id': current,
  'POST /api/assignments/:id/start': async (c) => ({ body: { version: await version(c) } }),
  'POST /api/assignments/:id/completion': async (c) => ({ body: { version: await version(c), levels: [] } }),
  'POST /api/assignments/:id/withdrawal': async (c) => ({
    body: { version: await version(c), reason: 'Matrix check' },
  }),
  'PUT /api/positions/:id': current,
  'POST /api/positions/:id/placement': (c) => ({ body: { candidateId: c.fx.ids.candE } }),
  // Takes back a decision that may not exist, and unfreezes: allowed answers whatever ran before.
  'POST /api/positions/:id/slate/decisions': (c) => ({ body: { candidateId: c.fx.ids.candE, decision: 'none' } }),
  'PUT /api/positions/:id/slate/freeze': () => ({ body: { frozen: false } }),
  'PUT /api/educators/:id/career-profile': () => ({
    body: { openToNomination: false, moveWillingness: null, moveGradeBands: [], moveSchoolIds: [] },
  }),
  // A draft (a revision of the agreed plan) for the first allowed caller, then 409: one draft at a time.
  'POST /api/candidates/:id/development-plan': () => ({}),
  'PUT /api/development-plans/:id': () => ({ body: { actions: [], version: 9999 } }),
  'POST /api/development-plans/:id/agreement': () => ({ body: { version: 9999 } }),
  'POST /api/plan-actions/:id/completion': () => ({ body: { done: false } }),
  'POST /api/educators/:id/credentials': () => ({ body: { kind: 'certification', title: 'Matrix certificate' } }),
  // Stale versions: allowed callers get 409 and nothing changes.
  'PUT /api/credentials/:id': () => ({ body: { kind: 'licence', title: 'Matrix licence', version: 9999 } }),
  'POST /api/credentials/:id/verification': () => ({ body: { version: 9999 } }),
  // C and F have no login: 400 for them; E's room stays above the mentee E has.
  'PUT /api/educators/:id/mentor': () => ({ body: { capacity: 3, active: true } }),
  // A request of N (a mentor who fits E) for the first allowed caller, then 409: one open request at a time.
  'POST /api/candidates/:id/mentorships': (c) => ({ body: { mentorEducatorId: c.fx.ids.N } }),
  'PUT /api/reflections/:id': () => ({
    body: { ...reflection('00000000-0000-4000-8000-000000000000'), version: 9999 },
  }),
  'POST /api/reflections/:id/evidence': (c) => ({
    body: { candidateId: c.fx.ids.candE, competencyId: c.fx.ids.faC1, level: 2, version: 9999 },
  }),
  // Stale versions: allowed callers get 409 and nothing changes.
  'POST /api/mentorships/:id/answer': () => ({ body: { accept: false, version: 9999 } }),
  'POST /api/mentorships/:id/end': () => ({ body: { version: 9999 } }),
  'POST /api/mentorships/:id/sessions': () => ({ body: { heldOn: today(), minutes: 30 } }),
  // A stale version: allowed callers get 409 and nothing changes.
  'PUT /api/review-sessions/:id': (c) => ({
    body: { title: 'Matrix review', roleId: c.fx.ids.roleA, schoolIds: [], reviewerUserIds: [], version: 9999 },
  }),
  // E works at A1, outside the sessions (A2's people): 409 for those who may decide.
  'POST /api/review-sessions/:id/decisions': (c) => ({
    body: { candidateId: c.fx.ids.candE, rationale: 'Matrix check' },
  }),
  'POST /api/review-sessions/:id/close': () => ({ body: { version: 9999 } }),
};

export interface CreateContext {
  role: Role;
  fx: MatrixFixture;
}

/** A route that creates (no id in the path): the body, naming a record of `ref`'s resource when it takes one. */
export interface CreateSpec {
  /** The resource of the reference the slots vary (undefined: only the caller's own scope applies). */
  ref?: string | ((role: Role) => string);
  build: (c: CreateContext, ref: string) => Payload;
}

/** Reads without an id whose answer needs a query, and the status an allowed answer has (default 200). */
export const QUERIES: Record<string, { query: Record<string, string>; status?: number }> = {
  'GET /api/auth/discover': { query: { email: 'someone@nowhere.example' } },
  // The provider's way back: always a redirect to the console (here: the refusal of an unknown state).
  'GET /api/auth/sso/callback': { query: { state: 'not-a-state', code: 'not-a-code' }, status: 303 },
  // An unsubscribe link Emerge did not sign: the page that says so.
  'GET /api/email/unsubscribe': { query: { token: 'not-a-token' }, status: 400 },
};

export const CREATES: Record<string, CreateSpec> = {
  'POST /api/auth/login': { build: () => ({ body: {} }) },
  'POST /api/auth/set-password': { build: () => ({ body: {} }) },
  'POST /api/auth/sso/start': { build: () => ({ body: { email: 'someone@nowhere.example' } }) },
  'POST /api/auth/sso/exchange': { build: () => ({ body: { ticket: 'not-a-ticket' } }) },
  'POST /api/notifications/read-all': { build: () => ({ body: {} }) },
  'PUT /api/me/notification-settings': {
    build: () => ({ body: { settings: [{ kind: 'assignment.created', email: 'daily' }] } }),
  },
  'POST /api/email/unsubscribe': { build: () => ({ body: { 'List-Unsubscribe': 'One-Click' } }) },
  'POST /api/districts': { build: () => ({ body: { name: 'Matrix district', slug: `matrix-${uniq()}` } }) },
  'POST /api/schools': { build: () => ({ body: { name: 'Matrix school', code: `M${uniq()}`, gradeBand: 'high' } }) },
  'POST /api/users': {
    ref: (role) => (role === 'platform_admin' ? 'districts' : 'schools'),
    build: (c, ref) => {
      const base = { email: `matrix.${uniq()}@test.example`, name: 'Matrix Person' };
      return c.role === 'platform_admin'
        ? { body: { ...base, role: 'hr', districtId: ref } }
        : { body: { ...base, role: 'principal', schoolIds: [ref] } };
    },
  },
  'POST /api/educators': {
    ref: 'schools',
    build: (_c, ref) => ({
      body: {
        employeeNumber: `M${uniq()}`,
        firstName: 'Matrix',
        lastName: 'Person',
        jobTitle: 'Teacher',
        schoolId: ref,
      },
    }),
  },
  'POST /api/educators/import': { build: () => ({ csv: '' }) },
  'POST /api/educators/logins': { ref: 'educators', build: (_c, ref) => ({ body: { ids: [ref] } }) },
  'POST /api/leadership-roles': { build: () => ({ body: { title: `Matrix role ${uniq()}`, level: 'school' } }) },
  // The author's own, always: only the caller's scope applies.
  'POST /api/reflections': { build: (c) => ({ body: reflection(c.fx.ids.refC1) }) },
  'POST /api/nominations': {
    ref: 'educators',
    build: (c, ref) => ({ body: { educatorId: ref, targetRoleId: c.fx.ids.roleA, rationale: RATIONALE } }),
  },
  'POST /api/evidence': {
    ref: 'candidates',
    build: (c, ref) => ({ body: evidence(c.role, ref, c.fx.ids.faC1) }),
  },
  'POST /api/opportunities': {
    ref: 'schools',
    build: (c, ref) => ({ body: opportunity(ref, [c.fx.ids.faC1]) }),
  },
  'POST /api/assignments': {
    ref: 'candidates',
    build: (c, ref) => ({ body: { opportunityId: c.fx.ids.oppA1, candidateId: ref } }),
  },
  'POST /api/positions': { ref: 'schools', build: (c, ref) => ({ body: { roleId: c.fx.ids.roleA, schoolId: ref } }) },
  'POST /api/review-sessions': {
    ref: 'schools',
    build: (c, ref) => ({
      body: { title: `Matrix review ${uniq()}`, roleId: c.fx.ids.roleA, schoolIds: [ref], reviewerUserIds: [] },
    }),
  },
  'POST /api/competency-frameworks': {
    build: () => ({ body: { title: `Matrix framework ${uniq()}`, shortName: `MF${uniq()}` } }),
  },
  'POST /api/competency-frameworks/import': { build: () => ({ body: {} }) },
  // Refused before any fetch (not a web address): the matrix reaches the handler without leaving the machine.
  'POST /api/competency-frameworks/import-url': { build: () => ({ body: { url: 'not-an-address' } }) },
  'POST /api/competencies': {
    ref: 'competency-frameworks',
    build: (_c, ref) => ({ body: { frameworkId: ref, kind: 'domain', code: `M${uniq()}`, title: 'Matrix node' } }),
  },
  'POST /api/crosswalk-links': {
    ref: 'competencies',
    build: (c, ref) => ({ body: { fromId: ref, toId: c.fx.ids.refC2, kind: 'related' } }),
  },
};

function evidence(role: Role, candidateId: string, competencyId: string) {
  const source = role === 'educator' ? 'self_reflection' : 'observation';
  return { candidateId, competencyId, level: 2, source, observedOn: today() };
}

function opportunity(hostSchoolId: string, competencyIds: string[]) {
  return {
    title: `Matrix opportunity ${uniq()}`,
    type: 'project',
    level: 'school',
    seats: 3,
    competencyIds,
    hostSchoolId,
  };
}

/** A request naming district B's records inside a body (or a body on an A record), by an A role. */
export interface CrossReference {
  method: 'POST' | 'PUT';
  url: string;
  payload: Payload;
  what: string;
}

/**
 * References to district B's records in the bodies of A's writes: each must be refused (400 naming the
 * field, or 404) with nothing written, whatever the role.
 */
export const CROSS_REFERENCES: Record<string, (c: CreateContext, fetch: Fetch) => Promise<CrossReference[]>> = {
  'POST /api/users': async ({ fx }) => [
    {
      method: 'POST',
      url: '/api/users',
      payload: {
        body: { email: `x.${uniq()}@test.example`, name: 'X', role: 'coordinator', districtId: fx.districtB },
      },
      what: 'districtId of B',
    },
  ],
  'PUT /api/users/:id': async ({ fx }, fetch) => {
    const url = `/api/users/${fx.ids.principalA2}`;
    return [
      {
        method: 'PUT',
        url,
        payload: { body: { ...(await fetch('hr', url)), schoolIds: [fx.ids.B1] } },
        what: 'schoolIds of B',
      },
    ];
  },
  'PUT /api/educators/:id': async ({ fx }, fetch) => {
    const url = `/api/educators/${fx.ids.E}`;
    return [
      {
        method: 'PUT',
        url,
        payload: { body: { ...(await fetch('hr', url)), schoolId: fx.ids.B1 } },
        what: 'schoolId of B',
      },
    ];
  },
  'POST /api/educators/logins': async ({ fx }) => [
    {
      method: 'POST',
      url: '/api/educators/logins',
      payload: { body: { ids: [fx.ids.E, fx.ids.G] } },
      what: 'ids mixing A and B',
    },
  ],
  'POST /api/nominations': async ({ fx }) => [
    {
      method: 'POST',
      url: '/api/nominations',
      payload: { body: { educatorId: fx.ids.E, targetRoleId: fx.ids.roleB, rationale: RATIONALE } },
      what: 'targetRoleId of B',
    },
    {
      method: 'POST',
      url: '/api/nominations',
      payload: {
        body: { educatorId: fx.ids.E, targetRoleId: fx.ids.roleA, rationale: RATIONALE, competencyIds: [fx.ids.fbC1] },
      },
      what: 'competencyIds of B',
    },
  ],
  'POST /api/reflections': async ({ fx }) => [
    {
      method: 'POST',
      url: '/api/reflections',
      payload: { body: reflection(fx.ids.fbC1) },
      what: 'competencyIds of B',
    },
  ],
  'POST /api/evidence': async ({ fx, role }) => [
    {
      method: 'POST',
      url: '/api/evidence',
      payload: { body: evidence(role, fx.ids.candE, fx.ids.fbC1) },
      what: 'competencyId of B',
    },
  ],
  'POST /api/opportunities': async ({ fx }) => [
    {
      method: 'POST',
      url: '/api/opportunities',
      payload: { body: opportunity(fx.ids.A1, [fx.ids.fbC1]) },
      what: 'competencyIds of B',
    },
  ],
  'PUT /api/opportunities/:id': async ({ fx }, fetch) => {
    const url = `/api/opportunities/${fx.ids.oppA1}`;
    const body = await fetch('hr', url);
    return [
      { method: 'PUT', url, payload: { body: { ...body, hostSchoolId: fx.ids.B1 } }, what: 'hostSchoolId of B' },
      { method: 'PUT', url, payload: { body: { ...body, competencyIds: [fx.ids.fbC1] } }, what: 'competencyIds of B' },
    ];
  },
  'POST /api/assignments': async ({ fx }) => [
    {
      method: 'POST',
      url: '/api/assignments',
      payload: { body: { opportunityId: fx.ids.oppB, candidateId: fx.ids.candE } },
      what: 'opportunityId of B',
    },
  ],
  'POST /api/assignments/:id/completion': async ({ fx }, fetch) => {
    const url = `/api/assignments/${fx.ids.asgProbe}`;
    const { version } = await fetch('hr', url);
    return [
      {
        method: 'POST',
        url: `${url}/completion`,
        payload: { body: { version, levels: [{ competencyId: fx.ids.fbC1, level: 2 }] } },
        what: 'levels[].competencyId of B',
      },
    ];
  },
  'POST /api/positions': async ({ fx }) => [
    { method: 'POST', url: '/api/positions', payload: { body: { roleId: fx.ids.roleB } }, what: 'roleId of B' },
    {
      method: 'POST',
      url: '/api/positions',
      payload: { body: { roleId: fx.ids.roleA, incumbentEducatorId: fx.ids.G } },
      what: 'incumbentEducatorId of B',
    },
  ],
  'PUT /api/positions/:id': async ({ fx }, fetch) => {
    const url = `/api/positions/${fx.ids.posA1}`;
    const body = await fetch('hr', url);
    return [
      { method: 'PUT', url, payload: { body: { ...body, roleId: fx.ids.roleB } }, what: 'roleId of B' },
      { method: 'PUT', url, payload: { body: { ...body, schoolId: fx.ids.B1 } }, what: 'schoolId of B' },
      {
        method: 'PUT',
        url,
        payload: { body: { ...body, incumbentEducatorId: fx.ids.G, status: 'filled' } },
        what: 'incumbentEducatorId of B',
      },
    ];
  },
  'POST /api/positions/:id/placement': async ({ fx }) => [
    {
      method: 'POST',
      url: `/api/positions/${fx.ids.posA1}/placement`,
      payload: { body: { candidateId: fx.ids.candG } },
      what: 'candidateId of B',
    },
  ],
  'POST /api/positions/:id/slate/decisions': async ({ fx }) => [
    {
      method: 'POST',
      url: `/api/positions/${fx.ids.posA1}/slate/decisions`,
      payload: { body: { candidateId: fx.ids.candG, decision: 'pinned' } },
      what: 'candidateId of B',
    },
  ],
  'POST /api/review-sessions': async ({ fx }) => [
    {
      method: 'POST',
      url: '/api/review-sessions',
      payload: { body: { title: 'Matrix review', roleId: fx.ids.roleB, schoolIds: [], reviewerUserIds: [] } },
      what: 'roleId of B',
    },
    {
      method: 'POST',
      url: '/api/review-sessions',
      payload: {
        body: { title: 'Matrix review', roleId: fx.ids.roleA, schoolIds: [], reviewerUserIds: [fx.users.hrB.id] },
      },
      what: 'reviewerUserIds of B',
    },
  ],
  'POST /api/review-sessions/:id/decisions': async ({ fx }) => [
    {
      method: 'POST',
      url: `/api/review-sessions/${fx.ids.reviewOwn}/decisions`,
      payload: { body: { candidateId: fx.ids.candG, readiness: 'ready_now', rationale: 'Matrix check' } },
      what: 'candidateId of B',
    },
    {
      method: 'POST',
      url: `/api/review-sessions/${fx.ids.reviewOwn}/decisions`,
      payload: { body: { candidateId: fx.ids.candE, opportunityId: fx.ids.oppB, rationale: 'Matrix check' } },
      what: 'opportunityId of B',
    },
  ],
  'PUT /api/educators/:id/career-profile': async ({ fx }) => [
    {
      method: 'PUT',
      // E's: the educator's own profile, which hr may edit too.
      url: `/api/educators/${fx.ids.E}/career-profile`,
      payload: {
        body: { openToNomination: true, moveWillingness: 'listed', moveGradeBands: [], moveSchoolIds: [fx.ids.B1] },
      },
      what: 'moveSchoolIds of B',
    },
    {
      method: 'PUT',
      url: `/api/educators/${fx.ids.E}/career-profile`,
      payload: {
        body: {
          openToNomination: true,
          moveWillingness: 'anywhere',
          moveGradeBands: [],
          moveSchoolIds: [],
          interestRoleIds: [fx.ids.roleB],
        },
      },
      what: 'interestRoleIds of B',
    },
  ],
  'POST /api/candidates/:id/mentorships': async ({ fx }) => [
    {
      method: 'POST',
      url: `/api/candidates/${fx.ids.candE}/mentorships`,
      payload: { body: { mentorEducatorId: fx.ids.G } },
      what: 'mentorEducatorId of B',
    },
  ],
  'POST /api/competencies': async ({ fx }) => [
    {
      method: 'POST',
      url: '/api/competencies',
      payload: {
        body: { frameworkId: fx.ids.FA, parentId: fx.ids.fbC1, kind: 'competency', code: `X${uniq()}`, title: 'X' },
      },
      what: 'parentId of B',
    },
  ],
  'PUT /api/competencies/:id': async ({ fx }, fetch) => {
    const url = `/api/competencies/${fx.ids.faC2}`;
    return [
      {
        method: 'PUT',
        url,
        payload: { body: { ...(await fetch('hr', url)), parentId: fx.ids.fbC1, kind: 'competency' } },
        what: 'parentId of B',
      },
    ];
  },
  'POST /api/crosswalk-links': async ({ fx }) => [
    {
      method: 'POST',
      url: '/api/crosswalk-links',
      payload: { body: { fromId: fx.ids.faC2, toId: fx.ids.fbC1, kind: 'exact' } },
      what: 'toId of B',
    },
  ],
  'PUT /api/leadership-roles/:id/targets': async ({ fx }) => [
    {
      method: 'PUT',
      url: `/api/leadership-roles/${fx.ids.roleA}/targets`,
      payload: { body: { targets: [{ competencyId: fx.ids.fbC1, targetLevel: 2 }] } },
      what: 'targets[].competencyId of B',
    },
  ],
};

/** List filters that take a record id, by the resource whose ids they take. */
export const FILTER_RESOURCE: Record<string, string> = {
  districtId: 'districts',
  schoolId: 'schools',
  hostSchoolId: 'schools',
  educatorId: 'educators',
  incumbentEducatorId: 'educators',
  mentorEducatorId: 'educators',
  candidateId: 'candidates',
  opportunityId: 'opportunities',
  assignmentId: 'assignments',
  roleId: 'leadership-roles',
  targetRoleId: 'leadership-roles',
  competencyId: 'competencies',
  fromId: 'competencies',
  toId: 'competencies',
  nodeId: 'competencies',
  parentId: 'competencies',
  frameworkId: 'competency-frameworks',
  nominatorUserId: 'users',
  recorderUserId: 'users',
  actorUserId: 'users',
};
