export const ROLES = ['platform_admin', 'hr', 'superintendent', 'coordinator', 'principal', 'educator'] as const;
export type Role = (typeof ROLES)[number];

/** `resource.action`. A route declares exactly one; the table below says which roles hold it. */
export enum Permission {
  SessionRead = 'session.read',
  DistrictRead = 'district.read',
  DistrictManage = 'district.manage',
  SchoolRead = 'school.read',
  SchoolManage = 'school.manage',
  UserRead = 'user.read',
  UserManage = 'user.manage',
}

const EVERYONE = [Permission.SessionRead];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  platform_admin: [
    ...EVERYONE,
    Permission.DistrictRead,
    Permission.DistrictManage,
    Permission.UserRead,
    Permission.UserManage,
  ],
  hr: [...EVERYONE, Permission.SchoolRead, Permission.SchoolManage, Permission.UserRead, Permission.UserManage],
  superintendent: [...EVERYONE, Permission.SchoolRead],
  coordinator: [...EVERYONE, Permission.SchoolRead],
  principal: [...EVERYONE, Permission.SchoolRead],
  educator: [...EVERYONE, Permission.SchoolRead],
};

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
