export const ROLE_CHOICES = [
  { id: 'hr', name: 'HR / talent office' },
  { id: 'superintendent', name: 'Superintendent' },
  { id: 'coordinator', name: 'Programme coordinator' },
  { id: 'principal', name: 'Principal' },
  { id: 'educator', name: 'Educator' },
  { id: 'platform_admin', name: 'Platform administrator' },
];

/** Roles an HR office gives from this screen; educator logins come from the roster. */
export const STAFF_ROLE_CHOICES = ROLE_CHOICES.filter((r) =>
  ['hr', 'superintendent', 'coordinator', 'principal'].includes(r.id),
);
