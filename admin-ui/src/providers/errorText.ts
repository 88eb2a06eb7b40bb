/**
 * The one place where the console turns an API error into words a person reads (issue #15): every dialog,
 * notification and inline field message goes through here, by way of httpClient. The API speaks to developers
 * ("rationale must be longer than or equal to 20 characters", "Your role (principal) may not do this
 * (candidate.update)"); a person reads "The rationale must be at least 20 characters long."
 */

export interface ApiErrorBody {
  statusCode?: number;
  code?: string;
  message?: string;
  errors?: Record<string, string> | unknown[];
  correlationId?: string;
}

/** Field names as a person says them; any other camelCase name is split into words ("employeeNumber"). */
const FIELD_WORDS: Record<string, string> = {
  q: 'search',
  to: 'stage',
  toId: 'linked competency',
  fromId: 'competency',
  dueOn: 'due date',
  startsOn: 'start date',
  endsOn: 'end date',
  occurredOn: 'date',
  educatorId: 'educator',
  mentorEducatorId: 'mentor',
  targetRoleId: 'target role',
  candidateId: 'candidate',
  opportunityId: 'opportunity',
  competencyId: 'competency',
  competencyIds: 'competencies',
  hostSchoolId: 'host school',
  schoolId: 'school',
  schoolIds: 'schools',
  parentId: 'parent',
  frameworkId: 'framework',
  roleId: 'role',
  smallCellThreshold: 'small-group threshold',
  hoursLogged: 'hours',
  readinessShared: 'shared readiness',
  retirementEligibleYear: 'retirement-eligible year',
  yearsInEducation: 'years in education',
  raceEthnicity: 'race or ethnicity',
};

/** "mentorEducatorId" → "mentor"; "targets.0.level" → "level"; "employeeNumber" → "employee number". */
export function fieldWords(path: string): string {
  const name =
    path
      .split('.')
      .filter((p) => !/^\d+$/.test(p))
      .pop() ?? path;
  if (FIELD_WORDS[name]) return FIELD_WORDS[name];
  return name
    .replace(/Ids?$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
}

/** A capital first letter and a full stop. */
export function sentence(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  if (!t) return t;
  const first = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?…]$/.test(first) ? first : `${first}.`;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** class-validator's default messages (and a few of the API's own shapes), as a person would say them. */
const REWRITES: [RegExp, (f: string, ...m: string[]) => string][] = [
  [/^must be longer than or equal to (\d+) characters?$/, (f, n) => `${f} must be at least ${n} characters long`],
  [/^must be shorter than or equal to (\d+) characters?$/, (f, n) => `${f} must be at most ${n} characters long`],
  [/^(should not be empty|must have a value|is required|must be defined)$/, (f) => `${f} is required`],
  [/^must be an email$/, (f) => `${f} must be an email address`],
  [/^must be an? UUID$/i, (f) => `choose ${f} from the list`],
  [/^must be a valid ISO 8601 date string$|^must be a Date instance$/, (f) => `${f} must be a date`],
  [/^must not be less than (-?[\d.]+)$/, (f, n) => `${f} must be ${n} or more`],
  [/^must not be greater than (-?[\d.]+)$/, (f, n) => `${f} must be ${n} or less`],
  [/^must be an integer number$/, (f) => `${f} must be a whole number`],
  [/^must be a number conforming to the specified constraints$/, (f) => `${f} must be a number`],
  [/^must be one of the following values: .*$/, (f) => `choose one of the offered values for ${f}`],
  [/^must be a (string|boolean|array|object)$/, (f) => `${f} is not filled in the way the form expects`],
  [/^is not a field of this resource$/, (f) => `${f} cannot be changed here`],
];

/**
 * One field's message as a sentence. The API starts many with the field's own name ("dueOn cannot be before
 * the opportunity starts"): that name becomes words ("The due date cannot be before the opportunity starts.").
 */
export function fieldMessage(path: string, message: string): string {
  const words = fieldWords(path);
  const the = `the ${words}`;
  const last = path.split('.').pop() ?? path;
  let rest = message.trim();
  let named = false;
  for (const name of new Set([path, last].filter(Boolean))) {
    const m = new RegExp(`^${escape(name)}\\b\\s*`).exec(rest);
    if (m) {
      rest = rest.slice(m[0].length);
      named = true;
      break;
    }
  }
  for (const [pattern, say] of REWRITES) {
    const m = pattern.exec(rest);
    if (m) return sentence(say(the, ...m.slice(1)));
  }
  // Any other camelCase field name left in the text (e.g. "schoolId must be one of…" inside a longer message).
  const text = named ? `${the} ${rest}` : rest;
  return sentence(text.replace(/\b[a-z]+(?:[A-Z][a-z]*)+Ids?\b|\b[a-z]+(?:[A-Z][a-z]*)+\b/g, (w) => fieldWords(w)));
}

/** Every field message of an error body as sentences, keyed as before so forms still show them inline. */
export function plainFieldErrors(errors: ApiErrorBody['errors']): Record<string, string> | undefined {
  if (!errors || Array.isArray(errors)) return undefined;
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, fieldMessage(k, String(v))]));
}

export const NETWORK_TEXT = 'The server could not be reached. Check your connection and try again.';

/**
 * What to tell a person about a failed request. `fields: false` when the page lists the field problems itself
 * (the imports' tables), so the summary does not repeat them.
 */
export function apiErrorText(status: number, body: ApiErrorBody = {}, { fields = true } = {}): string {
  const message = (body.message ?? '').trim();
  const reference = body.correlationId ? ` (reference ${body.correlationId})` : '';
  if (status === 0) return NETWORK_TEXT;
  if (status === 401)
    return body.code === 'invalid_credentials' && message
      ? sentence(message)
      : 'Your session has ended. Sign in again to go on.';
  // The API names the role and the permission ("Your role (principal) may not do this (candidate.update)").
  if (status === 403) return 'Your role cannot do this. If you need to, ask your district’s HR office.';
  if (status === 404) return 'This record does not exist, or is not yours to see. Go back to the list.';
  if (status === 503) return 'Emerge cannot reach its database just now. Wait a minute and try again.';
  if (status >= 500)
    return `Something went wrong on the server. Try again; if it happens again, tell your district’s Emerge administrator${reference}.`;
  if (status === 409 && body.code === 'in_use')
    return 'Other records depend on this one, so it cannot be changed this way.';
  if (status === 409 && /concurrent change|please retry/i.test(message))
    return 'Someone else changed this at the same moment. Reload the page and try again.';
  const fieldTexts = fields ? Object.values(plainFieldErrors(body.errors) ?? {}) : [];
  if (fieldTexts.length > 0) return [...new Set(fieldTexts)].join(' ');
  if (status === 400 && /^(validation failed|bad request)$/i.test(message))
    return 'Something in the form is not valid. Check it and try again.';
  return message ? sentence(fieldMessage('', message)) : 'The request was refused. Check the form and try again.';
}
