import type { Role } from './session';

const READ = ['list', 'show'] as const;
const ALL = ['list', 'show', 'create', 'edit', 'delete'] as const;

/**
 * What each role may open in the console: hides menu entries and buttons only; the API stays the
 * authority. Mirrors the API's role → permission table (api/src/auth/permissions.ts).
 */
const RULES: Record<Role, Record<string, readonly string[]>> = {
  platform_admin: {
    districts: ['list', 'show', 'create', 'edit'],
    users: ['list', 'show', 'create', 'edit'],
    'identity-provider': ['show', 'edit'],
    'email-outbox': READ,
  },
  hr: {
    schools: ALL,
    users: ['list', 'show', 'create', 'edit'],
    educators: ['list', 'show', 'create', 'edit', 'import', 'export', 'login', 'open-to-nomination'],
    'leadership-roles': ALL,
    nominations: ['list', 'show', 'create', 'decide'],
    candidates: ['list', 'show', 'edit', 'move'],
    evidence: ['create'],
    opportunities: ALL,
    assignments: ['list', 'show', 'create', 'edit', 'complete'],
    positions: [...ALL, 'place'],
    slates: ['show', 'edit'],
    'career-profile': ['show', 'edit', 'verify'],
    'review-sessions': ['list', 'show', 'create'],
    mentors: ['list', 'edit'],
    mentorships: ['show', 'create'],
    dashboard: ['list', 'equity'],
    forecast: ['list', 'seats'],
    'district-settings': ['show', 'edit'],
    'identity-provider': ['show', 'edit'],
    'competency-frameworks': ['list', 'show', 'create', 'edit', 'import'],
    competencies: ['create', 'edit'],
    'crosswalk-links': ['create', 'delete'],
  },
  superintendent: {
    slates: ['show'],
    'career-profile': ['show'],
    'review-sessions': ['list', 'show', 'create'],
    mentors: ['list'],
    mentorships: ['show'],
    dashboard: ['list', 'equity'],
    forecast: ['list', 'seats'],
    'district-settings': ['show'],
    schools: READ,
    educators: [...READ, 'export', 'open-to-nomination'],
    'leadership-roles': READ,
    nominations: READ,
    candidates: READ,
    opportunities: READ,
    assignments: READ,
    positions: READ,
    'competency-frameworks': READ,
  },
  coordinator: {
    'review-sessions': READ,
    mentors: ['list'],
    mentorships: ['show', 'create'],
    dashboard: ['list'],
    forecast: ['list'],
    schools: READ,
    educators: READ,
    'leadership-roles': READ,
    candidates: ['list', 'show', 'edit', 'move'],
    evidence: ['create'],
    opportunities: ALL,
    assignments: ['list', 'show', 'create', 'edit', 'complete'],
    positions: READ,
    'competency-frameworks': ['list', 'show', 'create', 'edit', 'import'],
    competencies: ['create', 'edit'],
    'crosswalk-links': ['create', 'delete'],
  },
  principal: {
    'review-sessions': READ,
    mentorships: ['show'],
    dashboard: ['list'],
    forecast: ['list'],
    schools: READ,
    educators: [...READ, 'export', 'open-to-nomination'],
    'leadership-roles': READ,
    nominations: ['list', 'show', 'create'],
    candidates: READ,
    evidence: ['create'],
    opportunities: READ,
    assignments: READ,
    'competency-frameworks': READ,
  },
  educator: {
    // Their own only (the home page); the API enforces it.
    'career-profile': ['show', 'edit'],
    // As mentee or mentor.
    mentorships: ['show', 'create'],
    schools: READ,
    nominations: ['list', 'show', 'create'],
    candidates: ['show'],
    evidence: ['create'],
    opportunities: READ,
    assignments: ['list', 'show', 'edit'],
    'competency-frameworks': READ,
  },
};

export function canAccess(role: Role | undefined, params: { resource: string; action: string }): boolean {
  if (!role) return false;
  return RULES[role]?.[params.resource]?.includes(params.action) ?? false;
}
