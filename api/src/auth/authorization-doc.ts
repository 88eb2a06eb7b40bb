import { Permission, Role, ROLE_PERMISSIONS, roleHas, ROLES } from './permissions.js';
import type { RouteInfo } from './route-inventory.js';

/**
 * The authorization table: which role reaches which route, on whose records. One source for
 * docs/authorization.md and for the matrix test that checks every cell against the running API.
 */

/** Whose records a permission reaches (the record-level rules of access.service.ts). */
export type ScopeRule =
  /** The caller's own session. */
  | 'session'
  /** Every district of the installation (platform data). */
  | 'installation'
  /** The caller's own district record. */
  | 'ownDistrict'
  /** A district's sign-in configuration: the caller's own district; for platform_admin every district. */
  | 'districtSignIn'
  /** The whole district, whoever the people are (schools, roles, catalogs, frameworks, seats, the log). */
  | 'district'
  /** Logins: the district's accounts; for platform_admin the hr accounts of every district. */
  | 'accounts'
  /** People data: the district, a principal's schools, an educator's own records. */
  | 'people'
  /** The nominations the caller made. */
  | 'nominator'
  /** What was sent to the caller (notifications). */
  | 'recipient'
  /** Talent review sessions: the district's for those who run them (hr, superintendent), else the ones the caller reviews. */
  | 'reviewer';

export const PERMISSION_SCOPE: Record<Permission, ScopeRule> = {
  [Permission.SessionRead]: 'session',
  [Permission.NotificationRead]: 'recipient',
  [Permission.NotificationSettingsManage]: 'session',
  [Permission.EmailOutboxRead]: 'installation',
  [Permission.DistrictRead]: 'installation',
  [Permission.DistrictManage]: 'installation',
  [Permission.DistrictSettingsRead]: 'ownDistrict',
  [Permission.DistrictSettingsManage]: 'ownDistrict',
  [Permission.IdentityProviderRead]: 'districtSignIn',
  [Permission.IdentityProviderManage]: 'districtSignIn',
  [Permission.SchoolRead]: 'district',
  [Permission.SchoolManage]: 'district',
  [Permission.UserRead]: 'accounts',
  [Permission.UserManage]: 'accounts',
  [Permission.EducatorRead]: 'people',
  [Permission.EducatorManage]: 'people',
  [Permission.EducatorImport]: 'people',
  [Permission.EducatorExport]: 'people',
  [Permission.EducatorLoginManage]: 'people',
  [Permission.LeadershipRoleRead]: 'district',
  [Permission.LeadershipRoleManage]: 'district',
  [Permission.NominationRead]: 'people',
  [Permission.NominationCreate]: 'people',
  [Permission.NominationDecide]: 'people',
  [Permission.NominationWithdraw]: 'nominator',
  [Permission.CandidateRead]: 'people',
  [Permission.CandidateUpdate]: 'people',
  [Permission.CandidateMove]: 'people',
  [Permission.CandidateConsent]: 'people',
  [Permission.CompetencyRead]: 'district',
  [Permission.CompetencyManage]: 'district',
  [Permission.EvidenceRead]: 'people',
  [Permission.EvidenceCreate]: 'people',
  [Permission.ReadinessConfirm]: 'people',
  [Permission.ReadinessShare]: 'people',
  [Permission.OpportunityRead]: 'district',
  [Permission.OpportunityManage]: 'district',
  // The record named is the opportunity; the interest is always the caller's own.
  [Permission.OpportunityInterestExpress]: 'district',
  [Permission.OpportunityInterestRead]: 'people',
  [Permission.AssignmentRead]: 'people',
  [Permission.AssignmentManage]: 'people',
  [Permission.AssignmentLog]: 'people',
  [Permission.PositionRead]: 'district',
  [Permission.PositionManage]: 'district',
  [Permission.PositionPlace]: 'district',
  [Permission.SlateRead]: 'district',
  [Permission.SlateManage]: 'district',
  // An educator's own profile; for hr and the superintendent the district's.
  [Permission.CareerProfileRead]: 'people',
  [Permission.CareerProfileManage]: 'people',
  [Permission.CredentialVerify]: 'people',
  [Permission.PlanManage]: 'people',
  [Permission.MentorRead]: 'district',
  [Permission.MentorManage]: 'people',
  // A candidacy's mentorships in the people scope; for an educator also those where they are the mentor.
  [Permission.MentorshipRead]: 'people',
  [Permission.MentorshipRequest]: 'people',
  [Permission.MentorshipAnswer]: 'people',
  [Permission.MentorshipLog]: 'people',
  // The author's own; the program reads those shared with it, the mentor those shared with them.
  [Permission.ReflectionRead]: 'people',
  [Permission.ReflectionWrite]: 'people',
  [Permission.ReviewSessionRead]: 'reviewer',
  [Permission.ReviewSessionManage]: 'reviewer',
  [Permission.AuditRead]: 'district',
  [Permission.DashboardRead]: 'people',
  [Permission.DashboardEquity]: 'people',
  // District-wide counts; each seat's chances only in hr's and the superintendent's answer (docs/forecast.md).
  [Permission.ForecastRead]: 'district',
};

/**
 * Whose record a request names: one in the caller's scope, another person's of the caller's school,
 * another school's of the caller's district, another district's; or a request without a valid token.
 */
export const CONDITIONS = ['own', 'otherPerson', 'otherSchool', 'otherDistrict', 'noToken', 'expiredToken'] as const;
export type Condition = (typeof CONDITIONS)[number];

/** Cases that only exceptions speak of. */
export const SPECIAL_CASES = [
  'reference',
  'madeByCaller',
  'pendingNominationOfSelf',
  'staffAccount',
  'activatedHrAccount',
  'unsharedReadiness',
] as const;
export type SpecialCase = (typeof SPECIAL_CASES)[number];

export type Outcome = 'allowed' | 'unauthenticated' | 'forbidden' | 'notFound';

export const OUTCOME_STATUS: Record<Outcome, string> = {
  allowed: '✓ as in own scope',
  unauthenticated: '401',
  forbidden: '403',
  notFound: '404',
};

/** A documented case where the generic rule of the route's scope does not decide the answer. */
export interface AccessException {
  id: string;
  /** `METHOD /api/path`, as in the inventory. */
  routes: string[];
  roles: Role[];
  condition: Condition | SpecialCase;
  outcome: Outcome;
  /** What the case is, in words. */
  case: string;
  why: string;
}

const DISTRICT_READERS: Role[] = ['hr', 'superintendent', 'coordinator', 'principal', 'educator'];

export const EXCEPTIONS: AccessException[] = [
  {
    id: 'X1',
    routes: ['GET /api/competency-frameworks/:id', 'GET /api/competencies/:id', 'GET /api/crosswalk-links/:id'],
    roles: DISTRICT_READERS,
    condition: 'reference',
    outcome: 'allowed',
    case: 'a shared reference framework, one of its nodes, or a shipped crosswalk link (no district)',
    why: 'Reference frameworks are shared vocabulary of every district (PRODUCT.md §2).',
  },
  {
    id: 'X2',
    routes: ['PUT /api/competency-frameworks/:id', 'PUT /api/competencies/:id', 'DELETE /api/crosswalk-links/:id'],
    roles: ['hr', 'coordinator'],
    condition: 'reference',
    outcome: 'notFound',
    case: 'a shared reference framework, one of its nodes, or a shipped crosswalk link',
    why: "Only a district's own frameworks and links are editable; the shipped ones are nobody's to change.",
  },
  {
    id: 'X3',
    routes: ['GET /api/educators', 'GET /api/educators/:id', 'POST /api/nominations'],
    roles: ['educator'],
    condition: 'otherPerson',
    outcome: 'allowed',
    case: 'a colleague of the same school',
    why: 'An educator looks colleagues up (id, name, title and school only) and may nominate them (PRODUCT.md §1).',
  },
  {
    id: 'X4',
    routes: ['GET /api/nominations', 'GET /api/nominations/:id', 'DELETE /api/nominations/:id'],
    roles: ['principal', 'educator'],
    condition: 'madeByCaller',
    outcome: 'allowed',
    case: 'a nomination the caller made, of a person outside their scope (a colleague; an educator who moved school)',
    why: 'The nominator follows what they put forward (PRODUCT.md §2); the delete answers 409 as for anyone.',
  },
  {
    id: 'X5',
    routes: ['GET /api/nominations', 'GET /api/nominations/:id', 'DELETE /api/nominations/:id'],
    roles: ['educator'],
    condition: 'pendingNominationOfSelf',
    outcome: 'notFound',
    case: 'a nomination of the educator themself that hr has not approved',
    why: 'The nominee sees a nomination only once approved (PRODUCT.md §2).',
  },
  {
    id: 'X6',
    routes: [
      'GET /api/users',
      'GET /api/users/:id',
      'PUT /api/users/:id',
      'DELETE /api/users/:id',
      'POST /api/users/:id/password-link',
    ],
    roles: ['platform_admin'],
    condition: 'staffAccount',
    outcome: 'notFound',
    case: 'an account other than hr (superintendent, coordinator, principal, educator)',
    why: "The platform administrator sets up a district's hr accounts and sees none of its people.",
  },
  {
    id: 'X7',
    routes: ['PUT /api/users/:id', 'DELETE /api/users/:id', 'POST /api/users/:id/password-link'],
    roles: ['platform_admin'],
    condition: 'activatedHrAccount',
    outcome: 'notFound',
    case: 'an hr account whose owner has chosen a password',
    why: "Once a person has chosen a password the account is theirs and their district's: no take-over.",
  },
  {
    id: 'X8',
    routes: ['GET /api/candidates/:id/readiness'],
    roles: ['educator'],
    condition: 'unsharedReadiness',
    outcome: 'allowed',
    case: 'their own candidacy while hr has not shared readiness',
    why: 'The answer is `{candidateId, shared: false}` only: no band, suggested or confirmed.',
  },
];

const key = (r: Pick<RouteInfo, 'method' | 'path'>) => `${r.method} ${r.path}`;

/** What a route answers a role asking about a record in the given case. */
export function expectedOutcome(
  route: Pick<RouteInfo, 'method' | 'path' | 'permission'>,
  role: Role,
  condition: Condition | SpecialCase,
): Outcome {
  if (route.permission === null) return 'allowed';
  if (condition === 'noToken' || condition === 'expiredToken') return 'unauthenticated';
  if (!roleHas(role, route.permission)) return 'forbidden';
  const exception = exceptionFor(route, role, condition);
  if (exception) return exception.outcome;
  return ruleOutcome(PERMISSION_SCOPE[route.permission], role, condition);
}

export function exceptionFor(
  route: Pick<RouteInfo, 'method' | 'path'>,
  role: Role,
  condition: Condition | SpecialCase,
): AccessException | undefined {
  const k = key(route);
  return EXCEPTIONS.find((e) => e.condition === condition && e.roles.includes(role) && e.routes.includes(k));
}

/** The generic rule: own scope allowed; another district 404 (platform data aside); people data narrower. */
export function ruleOutcome(rule: ScopeRule, role: Role, condition: Condition | SpecialCase): Outcome {
  switch (condition) {
    case 'noToken':
    case 'expiredToken':
      return 'unauthenticated';
    case 'own':
      return 'allowed';
    case 'otherDistrict':
      return rule === 'installation' ||
        ((rule === 'accounts' || rule === 'districtSignIn') && role === 'platform_admin')
        ? 'allowed'
        : 'notFound';
    case 'otherSchool':
      if (rule === 'nominator' || rule === 'recipient') return 'notFound';
      if (rule === 'reviewer') return roleHas(role, Permission.ReviewSessionManage) ? 'allowed' : 'notFound';
      return rule === 'people' && (role === 'principal' || role === 'educator') ? 'notFound' : 'allowed';
    case 'otherPerson':
      if (rule === 'nominator' || rule === 'recipient') return 'notFound';
      if (rule === 'reviewer') return roleHas(role, Permission.ReviewSessionManage) ? 'allowed' : 'notFound';
      return rule === 'people' && role === 'educator' ? 'notFound' : 'allowed';
    default:
      // A special case without an exception for this route and role follows the own-scope answer.
      return 'allowed';
  }
}

/** The scope a role's ✓ stands for on a route. */
export function scopeLabel(rule: ScopeRule, role: Role): string {
  switch (rule) {
    case 'session':
      return 'self';
    case 'installation':
      return 'all districts';
    case 'ownDistrict':
      return 'own district';
    case 'districtSignIn':
      return role === 'platform_admin' ? 'all districts' : 'own district';
    case 'district':
      return 'district';
    case 'accounts':
      return role === 'platform_admin' ? 'hr accounts' : 'district';
    case 'nominator':
      return 'own nominations';
    case 'recipient':
      return 'own notifications';
    case 'people':
      return role === 'principal' ? 'their schools' : role === 'educator' ? 'self' : 'district';
    case 'reviewer':
      return roleHas(role, Permission.ReviewSessionManage) ? 'district' : 'sessions they review (their scope’s people)';
  }
}

/** Routes whose allowed answer is not a plain success. */
export const ROUTE_NOTES: Record<string, string> = {
  'DELETE /api/users/:id': 'always 409: users are deactivated, never deleted',
  'DELETE /api/educators/:id': 'always 409: educators become inactive, never deleted',
  'DELETE /api/nominations/:id': 'always 409 for a reader: nominations are history (withdraw instead)',
  'POST /api/candidates/:id/consent': 'an educator answers for their own candidacy; hr records it with a reason',
  'POST /api/nominations': 'the nominee must be in scope (an educator: themself or a colleague of their school)',
  'POST /api/evidence': 'on a candidate in scope; an educator adds self_reflection on themself only',
  'PUT /api/assignments/:id': 'an educator logs hours and a reflection on their own assignments',
  'POST /api/opportunities/:id/interest':
    'the caller’s own interest; repeating it is harmless; 409 once the opportunity closed',
  'DELETE /api/opportunities/:id/interest': 'the caller’s own interest; harmless when there is none',
  'GET /api/district-settings/:id': 'the id is the caller’s district',
  'PUT /api/districts/:id/identity-provider': 'the client secret is write-only: never in an answer, log or audit entry',
  'GET /api/auth/discover': 'answers by the email’s domain only',
  'GET /api/auth/sso/callback':
    'the provider’s way back: always a 303 to the console (a one-time ticket or the refusal)',
  'PUT /api/district-settings/:id': 'the id is the caller’s district',
  'POST /api/notifications/read-all': 'marks the caller’s own notifications read; nobody else’s',
  'PUT /api/me/notification-settings': 'the caller’s own choices; nobody else’s',
  'GET /api/email/unsubscribe': 'the signed link names one person and one kind: a page that asks to confirm',
  'POST /api/email/unsubscribe': 'RFC 8058 one-click: turns off the kind the signed link names, for its person only',
};

function cell(route: RouteInfo, role: Role): string {
  if (route.permission === null) return 'public';
  if (!roleHas(role, route.permission)) return '✗ 403';
  const ids = EXCEPTIONS.filter((e) => e.roles.includes(role) && e.routes.includes(key(route))).map((e) => e.id);
  const label = `✓ ${scopeLabel(PERMISSION_SCOPE[route.permission], role)}`;
  return ids.length ? `${label} (${ids.join(', ')})` : label;
}

/** Refuses exceptions and notes that name no route of the inventory or a role without the permission. */
export function checkExceptions(routes: RouteInfo[]): void {
  const byKey = new Map(routes.map((r) => [key(r), r]));
  for (const e of EXCEPTIONS) {
    for (const k of e.routes) {
      const route = byKey.get(k);
      if (!route) throw new Error(`Exception ${e.id} names ${k}, which is not a route`);
      for (const role of e.roles) {
        if (!route.permission || !roleHas(role, route.permission))
          throw new Error(`Exception ${e.id}: ${role} lacks the permission of ${k}`);
      }
    }
  }
  for (const k of Object.keys(ROUTE_NOTES)) {
    if (!byKey.has(k)) throw new Error(`A note names ${k}, which is not a route`);
  }
}

const row = (cells: string[]) => `| ${cells.join(' | ')} |`;

/** docs/authorization.md, from the route inventory and ROLE_PERMISSIONS. */
export function renderAuthorizationDoc(routes: RouteInfo[]): string {
  checkExceptions(routes);
  const lines: string[] = [
    '# Authorization',
    '',
    '<!-- Generated by `npm run authz:doc` from the route inventory and ROLE_PERMISSIONS; do not edit. -->',
    '',
    'Who may call which route, on whose records. Generated from the running API’s route inventory',
    '(`@Authenticated({permission})` / `@Public()` on every handler) and `ROLE_PERMISSIONS`',
    '(`api/src/auth/permissions.ts`); the record scope rules are those of `api/src/auth/access/access.service.ts`',
    'and `PRODUCT.md` §1. CI fails when this file is stale (`npm run authz:check`), and',
    '`api/test/e2e/authorization-matrix.e2e-spec.ts` checks every cell against the API: every route × every role ×',
    '{own scope, another person, another school, another district, no token, expired token}, plus the exceptions below.',
    '',
    '## Legend',
    '',
    '- **✓ scope**: the role holds the route’s permission and reaches records in that scope: **district** (its whole',
    '  district), **their schools** (a principal: people whose school is one of theirs), **self** (an educator: their own',
    '  records), **own nominations** (those the caller made), **own district** (the caller’s district record), **hr',
    '  accounts** / **all districts** (the platform administrator). A `GET` answers 200, a write 2xx or a 400/409',
    '  about the request itself.',
    '- **✗ 403**: the role lacks the permission, whatever the record.',
    '- **401**: every route except the public ones, without a token or with an expired, revoked or malformed one.',
    '- **404**: a record outside the caller’s scope: another district’s (always, except platform data), another',
    '  school’s for a principal and another person’s for an educator on people data. The answer is the same as for a',
    '  record that does not exist, so ids cannot be probed.',
    '- Lists and exports never return a row outside the scope: filters naming out-of-scope ids (`filter={"id":[…]}`,',
    '  `schoolId`, `candidateId`, …) match nothing. A dashboard filter naming another district’s (for a principal:',
    '  another school’s) school or role is a 400 naming it.',
    '- A reference in a body to a record outside the scope (`schoolId`, `educatorId`, `candidateId`, `opportunityId`,',
    '  `roleId`, `competencyId`, …) is a 400 naming the field, or a 404 for the record acted on; nothing is written.',
    '',
    '## Routes',
    '',
    row(['Method', 'Path', 'Permission', ...ROLES, 'Note']),
    row(['---', '---', '---', ...ROLES.map(() => '---'), '---']),
  ];
  for (const route of routes) {
    lines.push(
      row([
        route.method,
        `\`${route.path}\``,
        route.permission ? `\`${route.permission}\`` : 'public',
        ...ROLES.map((role) => cell(route, role)),
        ROUTE_NOTES[key(route)] ?? '',
      ]),
    );
  }
  lines.push(
    '',
    '## Exceptions',
    '',
    'Cases where the generic rule of the route’s scope does not decide the answer. The matrix test checks each one.',
    '',
    row(['Id', 'Routes', 'Roles', 'Case', 'Answer', 'Why']),
    row(['---', '---', '---', '---', '---', '---']),
  );
  for (const e of EXCEPTIONS) {
    lines.push(
      row([
        e.id,
        e.routes.map((r) => `\`${r}\``).join(', '),
        e.roles.join(', '),
        e.case,
        OUTCOME_STATUS[e.outcome],
        e.why,
      ]),
    );
  }
  lines.push(
    '',
    '## Roles and permissions',
    '',
    'From `ROLE_PERMISSIONS`; the scope column is the record rule each permission applies.',
    '',
    row(['Permission', 'Scope rule', ...ROLES]),
    row(['---', '---', ...ROLES.map(() => '---')]),
  );
  for (const permission of Object.values(Permission)) {
    lines.push(
      row([
        `\`${permission}\``,
        PERMISSION_SCOPE[permission],
        ...ROLES.map((role) => (ROLE_PERMISSIONS[role].includes(permission) ? '✓' : '')),
      ]),
    );
  }
  lines.push('');
  return lines.join('\n');
}
