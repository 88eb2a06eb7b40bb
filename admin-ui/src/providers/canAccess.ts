import type { Role } from './session';

/**
 * What each role may open in the console: hides menu entries and buttons only; the API stays the
 * authority. Mirrors the API's role → permission table (api/src/auth/permissions.ts).
 */
const RULES: Record<Role, Record<string, readonly string[]>> = {
  platform_admin: { districts: ['list', 'show', 'create', 'edit'], users: ['list', 'show', 'create', 'edit'] },
  hr: { schools: ['list', 'show', 'create', 'edit', 'delete'], users: ['list', 'show', 'create', 'edit'] },
  superintendent: { schools: ['list', 'show'] },
  coordinator: { schools: ['list', 'show'] },
  principal: { schools: ['list', 'show'] },
  educator: { schools: ['list', 'show'] },
};

export function canAccess(role: Role | undefined, params: { resource: string; action: string }): boolean {
  if (!role) return false;
  return RULES[role]?.[params.resource]?.includes(params.action) ?? false;
}
