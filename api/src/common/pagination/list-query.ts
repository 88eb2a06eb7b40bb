import { AppError } from '../errors/app-error.js';
import { ErrorCode } from '../errors/error-code.js';
import type { SearchSpec } from './search.js';

export const MAX_PAGE = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A date or a date-time in ISO 8601, the form PostgreSQL and the console agree on.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?)?$/;
// PostgreSQL text cannot hold NUL.
const CONTROL = { test: (v: string) => v.includes('\u0000') };

export type FilterType = 'uuid' | 'string' | 'boolean' | 'int' | 'date';

export interface FilterDef {
  /** SQL expression the filter applies to, e.g. `s.district_id`. */
  column: string;
  type: FilterType;
  /** Allowed values for an enum-like string filter. */
  values?: readonly string[];
  /** `eq` (default; an array means any of), `gte`/`lte` for ranges, `contains` for a case-insensitive substring. */
  op?: 'eq' | 'gte' | 'lte' | 'contains';
  /**
   * A condition over related rows instead of a column; receives the parameter name, bound to an array,
   * and the array itself (e.g. to write `EXISTS` rather than compare it to a boolean, which no index serves).
   */
  where?: (param: string, values: unknown[]) => string;
}

/** What a resource allows in its list: sortable fields, filters, free-text columns. */
export interface ListSpec {
  resource: string;
  sort: Record<string, string>;
  defaultSort: [string, 'ASC' | 'DESC'];
  filters: Record<string, FilterDef>;
  /** What `q` searches (`search.ts`). */
  search?: SearchSpec;
  /** Tie-breaker that makes paging stable. */
  idColumn: string;
  /**
   * Count exactly only this many rows past the page's start; beyond, the total is a lower bound (sent as such).
   * For lists whose district holds millions of rows (the audit log, evidence), where an exact total would read
   * them all on every page.
   */
  exactCountUpTo?: number;
}

export interface ListQuery {
  sort: { column: string; field: string; direction: 'ASC' | 'DESC' };
  offset: number;
  limit: number;
  filters: { def: FilterDef; key: string; value: unknown }[];
  q?: string;
  ids?: string[];
}

export interface Page<T> {
  items: T[];
  total: number;
  /** `total` is a lower bound: there are at least that many (`ListSpec.exactCountUpTo`). */
  totalIsLowerBound?: boolean;
  offset: number;
  resource: string;
}

const bad = (message: string, key: string) => new AppError(ErrorCode.InvalidListQuery, message, { [key]: message });

function parseJson(raw: unknown, key: string): unknown {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string') throw bad(`${key} must be given once, as JSON`, key);
  try {
    return JSON.parse(raw);
  } catch {
    throw bad(`${key} is not valid JSON`, key);
  }
}

function coerce(key: string, def: FilterDef, value: unknown): unknown {
  const one = (v: unknown): unknown => {
    switch (def.type) {
      case 'uuid':
        if (typeof v !== 'string' || !UUID.test(v)) throw bad(`filter ${key} must be a UUID`, key);
        return v;
      case 'boolean':
        if (typeof v !== 'boolean') throw bad(`filter ${key} must be true or false`, key);
        return v;
      case 'int':
        if (typeof v !== 'number' || !Number.isInteger(v)) throw bad(`filter ${key} must be a whole number`, key);
        return v;
      case 'date':
        if (typeof v !== 'string' || !ISO_DATE.test(v) || Number.isNaN(Date.parse(v)))
          throw bad(`filter ${key} must be an ISO 8601 date`, key);
        return v;
      case 'string':
        if (typeof v !== 'string' || v.length > 200)
          throw bad(`filter ${key} must be text of at most 200 characters`, key);
        if (def.values && !def.values.includes(v))
          throw bad(`filter ${key} must be one of: ${def.values.join(', ')}`, key);
        return v;
    }
  };
  if (Array.isArray(value)) {
    if ((def.op ?? 'eq') !== 'eq') throw bad(`filter ${key} takes a single value`, key);
    if (value.length > MAX_PAGE) throw bad(`filter ${key} takes at most ${MAX_PAGE} values`, key);
    return value.map(one);
  }
  return one(value);
}

/** Parses the ra-data-simple-rest dialect (`sort`, `range`, `filter`) against a resource's allow-lists. */
export function parseListQuery(query: Record<string, unknown>, spec: ListSpec): ListQuery {
  for (const key of Object.keys(query)) {
    if (!['sort', 'range', 'filter'].includes(key)) throw bad(`unknown query parameter ${key}`, key);
  }
  const sortRaw = parseJson(query.sort, 'sort') ?? spec.defaultSort;
  if (
    !Array.isArray(sortRaw) ||
    sortRaw.length !== 2 ||
    typeof sortRaw[0] !== 'string' ||
    typeof sortRaw[1] !== 'string'
  ) {
    throw bad('sort must be ["field","ASC"|"DESC"]', 'sort');
  }
  const [field, dirRaw] = sortRaw as [string, string];
  // `id` is always sortable: react-admin asks for it (e.g. its <Count> and reference inputs).
  const column = field === 'id' ? spec.idColumn : Object.hasOwn(spec.sort, field) ? spec.sort[field] : undefined;
  if (!column)
    throw bad(`cannot sort ${spec.resource} by ${field}; sortable: ${Object.keys(spec.sort).join(', ')}`, 'sort');
  const direction = dirRaw.toUpperCase();
  if (direction !== 'ASC' && direction !== 'DESC') throw bad('sort direction must be ASC or DESC', 'sort');

  const rangeRaw = parseJson(query.range, 'range');
  let offset = 0;
  let limit = MAX_PAGE;
  if (rangeRaw !== undefined) {
    const ok =
      Array.isArray(rangeRaw) && rangeRaw.length === 2 && rangeRaw.every((n) => Number.isSafeInteger(n) && n >= 0);
    if (!ok || rangeRaw[1] < rangeRaw[0]) throw bad('range must be [start,end] with 0 <= start <= end', 'range');
    offset = rangeRaw[0];
    limit = Math.min(rangeRaw[1] - rangeRaw[0] + 1, MAX_PAGE);
  }

  const filterRaw = parseJson(query.filter, 'filter') ?? {};
  if (typeof filterRaw !== 'object' || filterRaw === null || Array.isArray(filterRaw)) {
    throw bad('filter must be a JSON object', 'filter');
  }
  const result: ListQuery = { sort: { column, field, direction }, offset, limit, filters: [] };
  for (const [key, value] of Object.entries(filterRaw)) {
    if (value === undefined || value === null || value === '') continue;
    if (key === 'q') {
      if (!spec.search?.terms.length) throw bad(`${spec.resource} has no free-text search`, 'q');
      if (typeof value !== 'string' || value.length > 200 || CONTROL.test(value))
        throw bad('q must be text of at most 200 characters', 'q');
      const q = value.trim();
      if (q) result.q = q;
    } else if (key === 'id') {
      const ids = Array.isArray(value) ? value : [value];
      if (ids.length > MAX_PAGE) throw bad(`filter id takes at most ${MAX_PAGE} ids`, 'id');
      if (!ids.every((v) => typeof v === 'string' && UUID.test(v))) throw bad('filter id must hold UUIDs', 'id');
      result.ids = ids as string[];
    } else {
      const def = Object.hasOwn(spec.filters, key) ? spec.filters[key] : undefined;
      if (!def) {
        const known = ['q', 'id', ...Object.keys(spec.filters)].filter((k) => k !== 'q' || spec.search?.terms.length);
        throw bad(`unknown filter ${key} for ${spec.resource}; filters: ${known.join(', ')}`, key);
      }
      result.filters.push({ def, key, value: coerce(key, def, value) });
    }
  }
  return result;
}

// `Content-Range: schools 0-24/319`, or `schools */0` for an empty page.
export function contentRange(page: Page<unknown>): string {
  if (page.items.length === 0) return `${page.resource} */${page.total}`;
  return `${page.resource} ${page.offset}-${page.offset + page.items.length - 1}/${page.total}`;
}
