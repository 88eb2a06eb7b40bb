import { createDataSource } from '../database/data-source.js';

/** Migrates a database, then asks TypeORM which SQL would make it match the entities. */
export async function schemaDiff(url: string): Promise<{ up: string[]; down: string[] }> {
  const ds = createDataSource(url);
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    const sql = await ds.driver.createSchemaBuilder().log();
    return {
      up: sql.upQueries.map((q) => q.query),
      down: sql.downQueries.map((q) => q.query).reverse(),
    };
  } finally {
    await ds.destroy();
  }
}
