import { migrations } from '@emerge/migrations';
import { DataSource, DataSourceOptions } from 'typeorm';
import { AuditSubscriber } from '../audit/audit.subscriber.js';
import { entities } from './entities.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

/**
 * Settings of every connection. Word similarity 0.4: a name with one letter wrong or missing (Jonson, Jahnson
 * for Johnson: 0.45–0.5) is still found by search; the default 0.6 finds neither.
 */
export const CONNECTION_OPTIONS = '-c pg_trgm.word_similarity_threshold=0.4';

/** The one DataSource definition: the app, the tests, the seeds and the TypeORM CLI all use it. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    subscribers: [AuditSubscriber],
    migrations,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    extra: { max: 10, connectionTimeoutMillis: 5000, options: CONNECTION_OPTIONS },
  };
}

export function createDataSource(url: string): DataSource {
  return new DataSource(dataSourceOptions(url));
}
