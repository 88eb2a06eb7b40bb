import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { WhereClauseCondition } from 'typeorm/query-builder/WhereClause.js';
import type { ListQuery } from './list-query.js';
import { escapeLike, SEARCH_PARAMETERS, searchCondition, searchRank, type SearchSpec } from './search.js';

type SpecLike = { search?: SearchSpec; idColumn: string; exactCountUpTo?: number };

/** The ordering by match quality, when the list ranks its search and the query has one. */
const rankOf = (query: ListQuery, spec: SpecLike) =>
  query.q && spec.search?.ranked && spec.search.terms.length ? searchRank(spec.search) : undefined;

/** Adds a parsed list query's filters, search, sort and page to a (scoped) query builder. */
export function applyListQuery<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  query: ListQuery,
  spec: SpecLike,
): SelectQueryBuilder<T> {
  return applyListPage(applyListFilters(qb, query, spec), query, spec);
}

/** The filters, ids and free-text search of a list query. */
export function applyListFilters<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  query: ListQuery,
  spec: SpecLike,
): SelectQueryBuilder<T> {
  query.filters.forEach(({ def, value }, i) => {
    const p = `lf${i}`;
    const op = def.op ?? 'eq';
    if (def.where) {
      const values = Array.isArray(value) ? value : [value];
      qb.andWhere(def.where(p, values), { [p]: values });
    } else if (Array.isArray(value)) qb.andWhere(`${def.column} = ANY(:${p})`, { [p]: value });
    else if (op === 'gte') qb.andWhere(`${def.column} >= :${p}`, { [p]: value });
    else if (op === 'lte') qb.andWhere(`${def.column} <= :${p}`, { [p]: value });
    else if (op === 'contains') qb.andWhere(`${def.column} ILIKE :${p}`, { [p]: `%${escapeLike(String(value))}%` });
    else qb.andWhere(`${def.column} = :${p}`, { [p]: value });
  });
  if (query.q && spec.search?.terms.length) {
    const scoped = qb.getParameters()['scopeDistrictId'] !== undefined;
    qb.andWhere(searchCondition(spec.search, query.q, scoped), SEARCH_PARAMETERS(query.q));
  }
  if (query.ids) qb.andWhere(`${spec.idColumn} = ANY(:lids)`, { lids: query.ids });
  return qb;
}

/**
 * Whether a sort column can hold NULL: a nullable column, a column of an outer-joined table, or an
 * expression. Only then does the sort say where nulls go: `ASC NULLS FIRST` cannot use a plain index, so a
 * NOT NULL column is sorted without it (same order) and its (scope, column) index serves the page.
 */
function mayBeNull<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, column: string): boolean {
  const ref = /^(\w+)\.(\w+)$/.exec(column);
  if (!ref) return true;
  const [, alias, name] = ref as unknown as [string, string, string];
  const map = qb.expressionMap;
  if (map.joinAttributes.some((j) => j.alias.name === alias && j.direction === 'LEFT')) return true;
  const target = map.aliases.find((a) => a.name === alias);
  const col = target?.hasMetadata ? target.metadata.findColumnWithDatabaseName(name) : undefined;
  return !col || col.isNullable;
}

/**
 * The sort and the page. Nulls sort as the smallest values. The id breaks ties in the same direction, so
 * pages are stable and one (scope, column, id) index serves a sort both ways (e.g. on a stage or a status).
 */
export function applyListPage<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  query: ListQuery,
  spec: SpecLike,
): SelectQueryBuilder<T> {
  return applyListSort(qb, query, spec).offset(query.offset).limit(query.limit);
}

function applyListSort<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  query: ListQuery,
  spec: SpecLike,
): SelectQueryBuilder<T> {
  const { column, direction } = query.sort;
  const nulls = mayBeNull(qb, column) ? (direction === 'ASC' ? 'NULLS FIRST' : 'NULLS LAST') : undefined;
  const rank = rankOf(query, spec);
  if (rank) qb.orderBy(rank, 'DESC').addOrderBy(column, direction, nulls);
  else qb.orderBy(column, direction, nulls);
  return qb.addOrderBy(spec.idColumn, direction);
}

const conditionText = (c: WhereClauseCondition): string =>
  typeof c === 'string' ? c : Array.isArray(c) ? c.map((w) => conditionText(w.condition)).join(' ') : JSON.stringify(c);

const mentions = (text: string, alias: string) => new RegExp(`(^|[^\\w."])"?${alias}"?\\.`).test(text);

/**
 * A copy of a list's query with only the joins its filters and scope (and `also`, e.g. the sort column)
 * refer to, and the joins those hang on. A list's other joins are to-one and always match (NOT NULL
 * foreign keys, or LEFT JOINs on a unique key): leaving them out changes neither which rows match nor
 * how many.
 */
function withNeededJoins<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, also = ''): SelectQueryBuilder<T> {
  const copy = qb.clone();
  const map = copy.expressionMap;
  const text = [...map.wheres.map((w) => conditionText(w.condition)), also].join(' ');
  const needed = new Set(map.joinAttributes.filter((j) => mentions(text, j.alias.name)).map((j) => j.alias.name));
  for (let grew = true; grew;) {
    grew = false;
    for (const j of map.joinAttributes) {
      if (!needed.has(j.alias.name)) continue;
      for (const other of map.joinAttributes) {
        if (!needed.has(other.alias.name) && mentions(j.condition ?? '', other.alias.name)) {
          needed.add(other.alias.name);
          grew = true;
        }
      }
    }
  }
  map.joinAttributes = map.joinAttributes.filter((j) => needed.has(j.alias.name));
  return copy;
}

/**
 * A page of raw rows (explicit selects, no entity hydration) and the filtered total, in two statements.
 * The total is `count(*)` over the base table and the joins the filters need, so an index on the base
 * table alone can answer it. The page picks its ids the same way (plus what the sort needs), then joins
 * the rest for those rows only: a sort that cannot use an index sorts the scope's ids, not its joined rows.
 */
export async function fetchRawPage<R, T extends ObjectLiteral = ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  query: ListQuery,
  spec: SpecLike,
): Promise<[R[], number]> {
  const { rows, total } = await fetchCountedPage<R, T>(qb, query, spec);
  return [rows, total];
}

/** `fetchRawPage`, saying whether the total is a lower bound (`ListSpec.exactCountUpTo`). */
export async function fetchCountedPage<R, T extends ObjectLiteral = ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  query: ListQuery,
  spec: SpecLike,
): Promise<{ rows: R[]; total: number; lowerBound: boolean }> {
  applyListFilters(qb, query, spec);
  const also = `${query.sort.column} ${rankOf(query, spec) ?? ''}`;
  const counted = spec.exactCountUpTo
    ? countUpTo(withNeededJoins(qb, also).select(spec.idColumn), query, spec, query.offset + spec.exactCountUpTo + 1)
    : withNeededJoins(qb)
        .select('count(*)', 'total')
        .getRawOne<{ total: string }>()
        .then((r) => Number(r?.total ?? 0));
  const ids = applyListPage(withNeededJoins(qb, also).select(spec.idColumn), query, spec);
  // The scope and the filters are in the page's ids: the row query needs nothing else.
  const rows = applyListSort(qb.where(`${spec.idColumn} IN (${ids.getQuery()})`), query, spec).getRawMany<R>();
  const total = await counted;
  const lowerBound = spec.exactCountUpTo !== undefined && total > query.offset + spec.exactCountUpTo;
  return { rows: await rows, total, lowerBound };
}

/**
 * The matching rows counted up to `limit`, walked in the page's order, so the index that serves the page
 * serves the count and it stops at the limit.
 */
async function countUpTo<T extends ObjectLiteral>(
  ids: SelectQueryBuilder<T>,
  query: ListQuery,
  spec: SpecLike,
  limit: number,
): Promise<number> {
  const walked = applyListSort(ids, query, spec).limit(limit);
  const row = await ids
    .createQueryBuilder()
    .select('count(*)::int', 'total')
    .from(`(${walked.getQuery()})`, 'counted')
    .setParameters(walked.getParameters())
    .getRawOne<{ total: number }>();
  return row?.total ?? 0;
}
