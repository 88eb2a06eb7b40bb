import { EDUCATOR_DOCUMENT, USER_DOCUMENT } from '@emerge/migrations';

const aliased = (expression: string, alias: string, columns: string[]) =>
  expression.replace(new RegExp(`\\b(${columns.join('|')})\\b`, 'g'), `${alias}.$1`);

/** The text of the trigram index on educators (`ix_educators_search`), over alias `a`. */
export const educatorDocument = (a: string) =>
  aliased(EDUCATOR_DOCUMENT, a, ['first_name', 'last_name', 'employee_number', 'email']);
/** The text of the trigram index on users (`ix_users_search`). */
export const userDocument = (a: string) => aliased(USER_DOCUMENT, a, ['name', 'email']);

/** What a colleague sees of an educator: the name only. */
export const educatorName = (a: string) => `(${a}.first_name || ' ' || ${a}.last_name)`;
export const educatorNameAndNumber = (a: string) =>
  `(${a}.first_name || ' ' || ${a}.last_name || ' ' || ${a}.employee_number)`;

/**
 * What `q` searches.
 * - `text`: an expression over the list's aliases; on a big table it must be (or lie inside) an indexed
 *   document, named by `indexed`, so the index finds the rows and `text` is the recheck that keeps the search
 *   to what the caller may see.
 * - `educator`: the educators a key column points to, found by their index in the caller's district, matched
 *   on `text(x)`; `alias` is the list's join to them, which ranks the matches.
 */
export type SearchTerm =
  { text: string; indexed?: string } | { educator: string; alias: string; text: (alias: string) => string };

export interface SearchSpec {
  terms: SearchTerm[];
  /** Order matches by how closely they match (typing a name), before the requested sort. */
  ranked?: boolean;
}

/** A literal for ILIKE: `%`, `_` and the escape character itself match only themselves. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export const SEARCH_PARAMETERS = (q: string) => {
  const escaped = escapeLike(q);
  return { lq: `%${escaped}%`, lqw: q, lqp: `${escaped}%`, lqs: `% ${escaped}%` };
};

// Words of a name: letters, spaces, apostrophes, hyphens. Anything else (an email, a number) is an identifier.
const NAME_LIKE = /^[\p{L}\p{M}\s'’-]+$/u;

/**
 * A match: the text contains the query; or, in a ranked search (people), for a name of three characters or
 * more, one of the text's words is within a typo of it (`<%`: word similarity at or above the connection's
 * threshold, `data-source.ts`). Unranked searches (schools, roles, frameworks…) match as typed: near matches
 * in name order would bury the one asked for.
 * An identifier (an email, an employee number) must match as typed: `riverbend.example` is in every email.
 * A query of one or two characters has no trigram of its own: it matches the start of a word, which the
 * index still serves.
 */
export function matches(text: string, q: string, fuzzy: boolean): string {
  if (q.length < 3) return `(${text} ILIKE :lqp OR ${text} ILIKE :lqs)`;
  return fuzzy && NAME_LIKE.test(q) ? `(${text} ILIKE :lq OR :lqw <% ${text})` : `${text} ILIKE :lq`;
}

/** The condition on a list's rows; `scoped` when the query has the caller's district as `:scopeDistrictId`. */
export function searchCondition(search: SearchSpec, q: string, scoped: boolean): string {
  const match = (text: string) => matches(text, q, search.ranked === true);
  const parts = search.terms.map((term) => {
    if ('educator' in term) {
      const text = term.text('sx');
      const document = educatorDocument('sx');
      const recheck = text === document ? '' : ` AND ${match(text)}`;
      const district = scoped ? 'sx.district_id = :scopeDistrictId AND ' : '';
      return `${term.educator} IN (SELECT sx.id FROM educators sx WHERE ${district}${match(document)}${recheck})`;
    }
    return term.indexed && term.indexed !== term.text
      ? `(${match(term.indexed)} AND ${match(term.text)})`
      : match(term.text);
  });
  return `(${parts.join(' OR ')})`;
}

/** How closely a row matches, for ordering: the best word similarity over its terms. */
export function searchRank(search: SearchSpec): string {
  const texts = search.terms.map((term) => ('educator' in term ? term.text(term.alias) : term.text));
  const ranks = texts.map((t) => `word_similarity(:lqw, coalesce(${t}, ''))`);
  return ranks.length === 1 ? ranks[0]! : `greatest(${ranks.join(', ')})`;
}

/** A search of plain columns or expressions, on tables small enough to read per district. */
export const plainSearch = (...texts: string[]): SearchSpec => ({ terms: texts.map((text) => ({ text })) });
