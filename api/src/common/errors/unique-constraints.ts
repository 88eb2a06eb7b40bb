/** Named unique constraints → the field a form shows the conflict beside. Modules register theirs here. */
export const UNIQUE_CONSTRAINT_FIELDS: Record<string, { field: string; message: string }> = {
  uq_districts_slug: { field: 'slug', message: 'Another district already uses this slug' },
  uq_schools_district_code: { field: 'code', message: 'Another school of this district already has this code' },
  uq_users_email: { field: 'email', message: 'A user with this email already exists' },
  uq_users_educator: { field: 'educatorId', message: 'This educator already has a login' },
  uq_educators_district_employee_number: {
    field: 'employeeNumber',
    message: 'Another educator of this district has this employee number',
  },
  uq_leadership_roles_district_title: { field: 'title', message: 'The district already has a role with this title' },
  uq_nominations_open_educator_role: {
    field: 'educatorId',
    message: 'This educator already has an open nomination for this role',
  },
  uq_candidates_active_educator_role: {
    field: 'educatorId',
    message: 'This educator is already an active candidate for this role',
  },
  uq_competencies_framework_code_manual: {
    field: 'code',
    message: 'Another node of this framework has this code',
  },
  uq_crosswalk_links_from_to: { field: 'toId', message: 'These two nodes are already linked' },
  pk_identity_provider_domains: {
    field: 'emailDomains',
    message: 'Another district’s identity provider already answers for one of these domains',
  },
  ux_mentorships_open: {
    field: 'mentorEducatorId',
    message: 'This candidacy already has a mentor, or a request waiting for an answer: end or withdraw it first',
  },
};
