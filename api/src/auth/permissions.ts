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
  EducatorRead = 'educator.read',
  EducatorManage = 'educator.manage',
  EducatorImport = 'educator.import',
  EducatorExport = 'educator.export',
  EducatorLoginManage = 'educator-login.manage',
  LeadershipRoleRead = 'leadership-role.read',
  LeadershipRoleManage = 'leadership-role.manage',
  NominationRead = 'nomination.read',
  NominationCreate = 'nomination.create',
  NominationDecide = 'nomination.decide',
  NominationWithdraw = 'nomination.withdraw',
  CandidateRead = 'candidate.read',
  CandidateUpdate = 'candidate.update',
  CandidateMove = 'candidate.move',
  CandidateConsent = 'candidate.consent',
  CompetencyRead = 'competency.read',
}

const EVERYONE = [Permission.SessionRead];
// Frameworks are shared vocabulary: every district role reads them.
const FRAMEWORKS = [Permission.CompetencyRead];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  platform_admin: [
    ...EVERYONE,
    Permission.DistrictRead,
    Permission.DistrictManage,
    Permission.UserRead,
    Permission.UserManage,
  ],
  hr: [
    ...EVERYONE,
    ...FRAMEWORKS,
    Permission.SchoolRead,
    Permission.SchoolManage,
    Permission.UserRead,
    Permission.UserManage,
    Permission.EducatorRead,
    Permission.EducatorManage,
    Permission.EducatorImport,
    Permission.EducatorExport,
    Permission.EducatorLoginManage,
    Permission.LeadershipRoleRead,
    Permission.LeadershipRoleManage,
    Permission.NominationRead,
    Permission.NominationCreate,
    Permission.NominationDecide,
    Permission.NominationWithdraw,
    Permission.CandidateRead,
    Permission.CandidateUpdate,
    Permission.CandidateMove,
    Permission.CandidateConsent,
  ],
  superintendent: [
    ...EVERYONE,
    ...FRAMEWORKS,
    Permission.SchoolRead,
    Permission.EducatorRead,
    Permission.EducatorExport,
    Permission.LeadershipRoleRead,
    Permission.NominationRead,
    Permission.CandidateRead,
  ],
  coordinator: [
    ...EVERYONE,
    ...FRAMEWORKS,
    Permission.SchoolRead,
    Permission.EducatorRead,
    Permission.LeadershipRoleRead,
    Permission.CandidateRead,
    Permission.CandidateUpdate,
    Permission.CandidateMove,
  ],
  principal: [
    ...EVERYONE,
    ...FRAMEWORKS,
    Permission.SchoolRead,
    Permission.EducatorRead,
    Permission.EducatorExport,
    Permission.LeadershipRoleRead,
    Permission.NominationRead,
    Permission.NominationCreate,
    Permission.NominationWithdraw,
    Permission.CandidateRead,
  ],
  educator: [
    ...EVERYONE,
    ...FRAMEWORKS,
    Permission.SchoolRead,
    Permission.EducatorRead,
    Permission.LeadershipRoleRead,
    Permission.NominationRead,
    Permission.NominationCreate,
    Permission.NominationWithdraw,
    Permission.CandidateRead,
    Permission.CandidateConsent,
  ],
};

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
