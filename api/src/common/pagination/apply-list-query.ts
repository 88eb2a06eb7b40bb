import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { ListQuery } from './list-query.js';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

type SpecLike = { search?: string[]; idColumn: string };

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
    if (def.where) qb.andWhere(def.where(p), { [p]: Array.isArray(value) ? value : [value] });
    else if (Array.isArray(value)) qb.andWhere(`${def.column} = ANY(:${p})`, { [p]: value });
    else if (op === 'gte') qb.andWhere(`${def.column} >= :${p}`, { [p]: value });
    else if (op === 'lte') qb.andWhere(`${def.column} <= :${p}`, { [p]: value });
    else if (op === 'contains') qb.andWhere(`${def.column} ILIKE :${p}`, { [p]: `%${escapeLike(String(value))}%` });
    else qb.andWhere(`${def.column} = :${p}`, { [p]: value });
  });
  if (query.q && spec.search?.length) {
    qb.andWhere(`(${spec.search.map((c) => `${c} ILIKE :lq`).join(' OR ')})`, { lq: `%${escapeLike(query.q)}%` });
  }
  if (query.ids) qb.andWhere(`${spec.idColumn} = ANY(:lids)`, { lids: query.ids });
  return qb;
}

/** The sort (with the id as tie-breaker, so pages are stable) and the page. */
export function applyListPage<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  query: ListQuery,
  spec: SpecLike,
): SelectQueryBuilder<T> {
  return qb
    .orderBy(query.sort.column, query.sort.direction, query.sort.direction === 'ASC' ? 'NULLS FIRST' : 'NULLS LAST')
    .addOrderBy(spec.idColumn, 'ASC')
    .offset(query.offset)
    .limit(query.limit);
}

/** A page of raw rows (explicit selects, no entity hydration) and the filtered total, in two statements. */
export async function fetchRawPage<R, T extends ObjectLiteral = ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  query: ListQuery,
  spec: SpecLike,
): Promise<[R[], number]> {
  applyListFilters(qb, query, spec);
  const total = qb.clone().getCount();
  const rows = applyListPage(qb, query, spec).getRawMany<R>();
  return [await rows, await total];
}
