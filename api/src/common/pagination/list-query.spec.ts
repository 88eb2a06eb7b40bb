import { describe, expect, it } from '@jest/globals';
import { AppError } from '../errors/app-error.js';
import { contentRange, ListSpec, parseListQuery } from './list-query.js';
import { plainSearch } from './search.js';

const spec: ListSpec = {
  resource: 'things',
  idColumn: 't.id',
  sort: { name: 't.name', createdAt: 't.created_at' },
  defaultSort: ['name', 'ASC'],
  filters: {
    status: { column: 't.status', type: 'string', values: ['active', 'inactive'] },
    schoolId: { column: 't.school_id', type: 'uuid' },
    since: { column: 't.created_at', type: 'date', op: 'gte' },
    flagged: { column: 't.flagged', type: 'boolean' },
  },
  search: plainSearch('t.name'),
};
const uuid = '3f2b1c4d-0a1b-4c2d-8e3f-123456789abc';

const errorOf = (query: Record<string, unknown>) => {
  try {
    parseListQuery(query, spec);
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected a 400');
};

describe('parseListQuery', () => {
  it('defaults to the default sort and the first 1,000 rows', () => {
    expect(parseListQuery({}, spec)).toEqual({
      sort: { column: 't.name', field: 'name', direction: 'ASC' },
      offset: 0,
      limit: 1000,
      filters: [],
    });
  });

  it('reads sort, range and filters of the ra-data-simple-rest dialect', () => {
    const q = parseListQuery(
      {
        sort: '["createdAt","desc"]',
        range: '[50,74]',
        filter: JSON.stringify({ status: ['active'], schoolId: uuid, q: ' lee ', flagged: false }),
      },
      spec,
    );
    expect(q.sort).toEqual({ column: 't.created_at', field: 'createdAt', direction: 'DESC' });
    expect([q.offset, q.limit]).toEqual([50, 25]);
    expect(q.q).toBe('lee');
    expect(q.filters.map((f) => [f.key, f.value])).toEqual([
      ['status', ['active']],
      ['schoolId', uuid],
      ['flagged', false],
    ]);
  });

  it('always sorts by id on request', () => {
    expect(parseListQuery({ sort: '["id","DESC"]' }, spec).sort).toEqual({
      column: 't.id',
      field: 'id',
      direction: 'DESC',
    });
  });

  it('clamps a range to 1,000 rows', () => {
    expect(parseListQuery({ range: '[10,99999]' }, spec).limit).toBe(1000);
  });

  it('treats empty filter values as absent', () => {
    expect(parseListQuery({ filter: '{"status":"","q":null}' }, spec).filters).toEqual([]);
  });

  it('takes a list of ids', () => {
    expect(parseListQuery({ filter: JSON.stringify({ id: [uuid] }) }, spec).ids).toEqual([uuid]);
  });

  it.each([
    [{ sort: '["nope","ASC"]' }, 'sort'],
    [{ sort: '["name"]' }, 'sort'],
    [{ sort: '{"name":1}' }, 'sort'],
    [{ range: '[5,1]' }, 'range'],
    [{ range: '[0.5,3]' }, 'range'],
    [{ range: 'x' }, 'range'],
    [{ range: ['[0,1]', '[0,2]'] }, 'range'],
    [{ filter: '"x"' }, 'filter'],
    [{ filter: '{"nope":1}' }, 'nope'],
    [{ filter: '{"status":"gone"}' }, 'status'],
    [{ filter: '{"schoolId":"123"}' }, 'schoolId'],
    [{ filter: '{"since":"yesterday"}' }, 'since'],
    [{ filter: '{"since":["2024-01-01"]}' }, 'since'],
    [{ filter: '{"flagged":"yes"}' }, 'flagged'],
    [{ filter: '{"q":42}' }, 'q'],
    [{ filter: JSON.stringify({ id: Array(1001).fill(uuid) }) }, 'id'],
    [{ other: '1' }, 'other'],
  ])('rejects %j naming %s', (query, key) => {
    const e = errorOf(query);
    expect(e).toBeInstanceOf(AppError);
    expect(e.status).toBe(400);
    expect(Object.keys(e.errors ?? {})).toEqual([key]);
  });
});

describe('contentRange', () => {
  it('describes the returned slice and the total', () => {
    expect(contentRange({ resource: 'things', items: [1, 2, 3], offset: 10, total: 42 })).toBe('things 10-12/42');
    expect(contentRange({ resource: 'things', items: [], offset: 0, total: 0 })).toBe('things */0');
  });
});
