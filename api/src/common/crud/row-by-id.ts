import type { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

const ID = Symbol('id');

/**
 * One row of a list's shape by id, with the statement's text built once. A query builder rewrites aliases
 * and property names over the whole statement on every call: on a candidate detail that was about a tenth
 * of the API's CPU per request. The text does not depend on the id, so it is made on first use and reused.
 */
export class RowById<R> {
  private compiled?: { sql: string; params: unknown[] };

  /** `build` returns the list's select (joins and columns) without a where; `idColumn` is e.g. `c.id`. */
  constructor(
    private readonly build: () => SelectQueryBuilder<ObjectLiteral>,
    private readonly idColumn: string,
  ) {}

  async find(manager: EntityManager | DataSource, id: string): Promise<R | undefined> {
    const { sql, params } = (this.compiled ??= this.compile());
    const rows = (await manager.query(
      sql,
      params.map((p) => (p === ID ? id : p)),
    )) as R[];
    return rows[0];
  }

  private compile(): { sql: string; params: unknown[] } {
    const qb = this.build().andWhere(`${this.idColumn} = :rowId`, { rowId: ID });
    const [sql, params] = qb.getQueryAndParameters();
    if (!params.includes(ID)) throw new Error(`RowById: ${this.idColumn} is not bound in ${sql}`);
    return { sql, params };
  }
}
