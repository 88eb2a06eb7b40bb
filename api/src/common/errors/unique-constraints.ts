/** Named unique constraints → the field a form shows the conflict beside. Modules register theirs here. */
export const UNIQUE_CONSTRAINT_FIELDS: Record<string, { field: string; message: string }> = {
  uq_districts_slug: { field: 'slug', message: 'Another district already uses this slug' },
  uq_schools_district_code: { field: 'code', message: 'Another school of this district already has this code' },
  uq_users_email: { field: 'email', message: 'A user with this email already exists' },
};
