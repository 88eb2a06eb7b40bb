import { describe, expect, it } from '@jest/globals';
import { scopeFor } from './auth-context.js';
import { passwordProblem } from './password.js';
import { Permission, ROLE_PERMISSIONS, ROLES } from './permissions.js';

describe('ROLE_PERMISSIONS', () => {
  it('gives platform_admin no access to people data of a district', () => {
    expect(ROLE_PERMISSIONS.platform_admin).not.toContain(Permission.SchoolRead);
  });

  it('gives only hr the management of schools and users within a district', () => {
    const managers = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes(Permission.SchoolManage));
    expect(managers).toEqual(['hr']);
  });

  it('lists every permission at least once', () => {
    const granted = new Set(Object.values(ROLE_PERMISSIONS).flat());
    expect(Object.values(Permission).filter((p) => !granted.has(p))).toEqual([]);
  });
});

describe('scopeFor', () => {
  const user = { id: 'u1', districtId: 'd1', educatorId: 'e1' };
  it('scopes each role', () => {
    expect(scopeFor('hr', user, [])).toEqual({ kind: 'district', districtId: 'd1' });
    expect(scopeFor('principal', user, ['s1'])).toEqual({ kind: 'schools', districtId: 'd1', schoolIds: ['s1'] });
    expect(scopeFor('educator', user, [])).toEqual({ kind: 'self', districtId: 'd1', userId: 'u1', educatorId: 'e1' });
    expect(scopeFor('platform_admin', { ...user, districtId: null }, [])).toEqual({ kind: 'platform' });
  });
});

describe('passwordProblem', () => {
  it('enforces length and refuses the email', () => {
    expect(passwordProblem('short', 'a@b.example')).toMatch(/12/);
    expect(passwordProblem('A@B.example.org', 'a@b.example.org')).toMatch(/email/);
    expect(passwordProblem('a fine long passphrase', 'a@b.example')).toBeNull();
  });
});
