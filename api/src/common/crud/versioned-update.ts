import { EntityManager, EntityTarget, FindOptionsWhere } from 'typeorm';
import { BaseRecordEntity } from '../../database/base-record.entity.js';
import { AppError } from '../errors/app-error.js';
import { applyPutRules } from './put-rules.js';

/**
 * The shared PUT: locks the row, applies the PUT rules against its current response, merges the
 * editable fields and saves (the version column increments when something changed). Call it inside a
 * transaction, after the access check.
 */
export async function updateVersioned<E extends BaseRecordEntity, D extends { version: number }>(
  manager: EntityManager,
  target: EntityTarget<E>,
  id: string,
  dto: D,
  toResponse: (row: E) => object,
  validate?: (row: E, changes: Partial<Omit<D, 'version'>>) => void | Promise<void>,
): Promise<E> {
  const row = await manager.findOne(target, {
    where: { id } as FindOptionsWhere<E>,
    lock: { mode: 'pessimistic_write' },
  });
  if (!row) throw AppError.notFound();
  const changes = applyPutRules(dto, { ...toResponse(row), version: row.version } as Record<string, unknown> & {
    version: number;
  });
  if (validate) await validate(row, changes);
  Object.assign(row, changes);
  return manager.save(row);
}
