import { describe, expect, it } from '@jest/globals';
import { EXCEPTIONS, expectedOutcome, renderAuthorizationDoc } from './authorization-doc.js';
import { Permission } from './permissions.js';
import type { RouteInfo } from './route-inventory.js';

const route = (method: RouteInfo['method'], path: string, permission: Permission | null): RouteInfo => ({
  method,
  path,
  handler: 'Test.handler',
  permission,
});

const getCandidate = route('GET', '/api/candidates/:id', Permission.CandidateRead);
const getSchool = route('GET', '/api/schools/:id', Permission.SchoolRead);
const withdraw = route('POST', '/api/nominations/:id/withdrawal', Permission.NominationWithdraw);
const getDistrict = route('GET', '/api/districts/:id', Permission.DistrictRead);

describe('expectedOutcome', () => {
  it('answers people data by the scope of each role', () => {
    expect(expectedOutcome(getCandidate, 'hr', 'otherSchool')).toBe('allowed');
    expect(expectedOutcome(getCandidate, 'principal', 'otherPerson')).toBe('allowed');
    expect(expectedOutcome(getCandidate, 'principal', 'otherSchool')).toBe('notFound');
    expect(expectedOutcome(getCandidate, 'educator', 'own')).toBe('allowed');
    expect(expectedOutcome(getCandidate, 'educator', 'otherPerson')).toBe('notFound');
    expect(expectedOutcome(getCandidate, 'coordinator', 'otherDistrict')).toBe('notFound');
    expect(expectedOutcome(getCandidate, 'platform_admin', 'own')).toBe('forbidden');
  });

  it('puts the token before the permission and the permission before the record', () => {
    expect(expectedOutcome(getCandidate, 'platform_admin', 'expiredToken')).toBe('unauthenticated');
    expect(expectedOutcome(getCandidate, 'hr', 'noToken')).toBe('unauthenticated');
    expect(expectedOutcome(withdraw, 'coordinator', 'otherDistrict')).toBe('forbidden');
  });

  it('lets a district read all its schools, and the platform every district', () => {
    expect(expectedOutcome(getSchool, 'educator', 'otherSchool')).toBe('allowed');
    expect(expectedOutcome(getSchool, 'educator', 'otherDistrict')).toBe('notFound');
    expect(expectedOutcome(getDistrict, 'platform_admin', 'otherDistrict')).toBe('allowed');
    expect(expectedOutcome(getDistrict, 'hr', 'own')).toBe('forbidden');
  });

  it('lets only the nominator withdraw, hr included', () => {
    expect(expectedOutcome(withdraw, 'hr', 'own')).toBe('allowed');
    expect(expectedOutcome(withdraw, 'hr', 'otherPerson')).toBe('notFound');
    expect(expectedOutcome(withdraw, 'principal', 'otherSchool')).toBe('notFound');
  });

  it('applies the documented exceptions', () => {
    const colleague = route('GET', '/api/educators/:id', Permission.EducatorRead);
    expect(expectedOutcome(colleague, 'educator', 'otherPerson')).toBe('allowed');
    expect(expectedOutcome(colleague, 'educator', 'otherSchool')).toBe('notFound');
    const editReference = route('PUT', '/api/competency-frameworks/:id', Permission.CompetencyManage);
    expect(expectedOutcome(editReference, 'coordinator', 'reference')).toBe('notFound');
    expect(expectedOutcome(route('GET', '/api/users/:id', Permission.UserRead), 'platform_admin', 'staffAccount')).toBe(
      'notFound',
    );
  });

  it('answers public routes to anyone', () => {
    expect(expectedOutcome(route('POST', '/api/auth/login', null), 'educator', 'noToken')).toBe('allowed');
  });
});

describe('renderAuthorizationDoc', () => {
  const all = [
    ...new Set(EXCEPTIONS.flatMap((e) => e.routes)),
    'GET /api/candidates/:id',
    'DELETE /api/users/:id',
    'DELETE /api/educators/:id',
    'POST /api/candidates/:id/consent',
    'POST /api/evidence',
    'PUT /api/assignments/:id',
    'GET /api/district-settings/:id',
    'PUT /api/district-settings/:id',
    'DELETE /api/nominations/:id',
    'POST /api/opportunities/:id/interest',
    'DELETE /api/opportunities/:id/interest',
    'PUT /api/districts/:id/identity-provider',
    'GET /api/auth/discover',
    'GET /api/auth/sso/callback',
    'POST /api/notifications/read-all',
    'PUT /api/me/notification-settings',
    'GET /api/email/unsubscribe',
    'POST /api/email/unsubscribe',
  ];
  // Permissions as the real routes declare them (the exceptions name roles that must hold them).
  const permissionOf: Record<string, Permission> = {
    'GET /api/competency-frameworks/:id': Permission.CompetencyRead,
    'GET /api/competencies/:id': Permission.CompetencyRead,
    'GET /api/crosswalk-links/:id': Permission.CompetencyRead,
    'PUT /api/competency-frameworks/:id': Permission.CompetencyManage,
    'PUT /api/competencies/:id': Permission.CompetencyManage,
    'DELETE /api/crosswalk-links/:id': Permission.CompetencyManage,
    'GET /api/educators': Permission.EducatorRead,
    'GET /api/educators/:id': Permission.EducatorRead,
    'POST /api/nominations': Permission.NominationCreate,
    'GET /api/nominations': Permission.NominationRead,
    'GET /api/nominations/:id': Permission.NominationRead,
    'DELETE /api/nominations/:id': Permission.NominationRead,
    'GET /api/users': Permission.UserRead,
    'GET /api/users/:id': Permission.UserRead,
    'PUT /api/users/:id': Permission.UserManage,
    'DELETE /api/users/:id': Permission.UserManage,
    'POST /api/users/:id/password-link': Permission.UserManage,
    'GET /api/candidates/:id/readiness': Permission.CandidateRead,
    'GET /api/candidates/:id': Permission.CandidateRead,
    'DELETE /api/educators/:id': Permission.EducatorManage,
    'POST /api/candidates/:id/consent': Permission.CandidateConsent,
    'POST /api/evidence': Permission.EvidenceCreate,
    'PUT /api/assignments/:id': Permission.AssignmentLog,
    'GET /api/district-settings/:id': Permission.DistrictSettingsRead,
    'PUT /api/district-settings/:id': Permission.DistrictSettingsManage,
    'POST /api/opportunities/:id/interest': Permission.OpportunityInterestExpress,
    'DELETE /api/opportunities/:id/interest': Permission.OpportunityInterestExpress,
    'PUT /api/districts/:id/identity-provider': Permission.IdentityProviderManage,
    'POST /api/notifications/read-all': Permission.NotificationRead,
    'PUT /api/me/notification-settings': Permission.NotificationSettingsManage,
  };
  const routes = all.map((k) => {
    const [method, path] = k.split(' ') as [RouteInfo['method'], string];
    // The sign-in routes and the unsubscribe link are public.
    const open = k.startsWith('GET /api/auth/') || k.includes('/api/email/unsubscribe');
    return route(method, path, open ? null : permissionOf[k]!);
  });

  it('writes one row per route with a cell per role', () => {
    const doc = renderAuthorizationDoc(routes);
    expect(doc).toContain(
      '| GET | `/api/candidates/:id` | `candidate.read` | ✗ 403 | ✓ district | ✓ district | ✓ district | ✓ their schools | ✓ self |  |',
    );
    expect(doc).toContain(
      '| GET | `/api/educators/:id` | `educator.read` | ✗ 403 | ✓ district | ✓ district | ✓ district | ✓ their schools | ✓ self (X3) |  |',
    );
    expect(doc.match(/^\| X\d+ \|/gm)).toHaveLength(EXCEPTIONS.length);
  });

  it('refuses an exception that names a route the app does not have', () => {
    expect(() => renderAuthorizationDoc(routes.filter((r) => r.path !== '/api/educators/:id'))).toThrow(
      /Exception X3 names GET \/api\/educators\/:id/,
    );
  });
});
