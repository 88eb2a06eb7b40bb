import { describe, expect, it } from '@jest/globals';
import { AppError } from '../errors/app-error.js';
import { ReadOnly } from '../validation/decorators.js';
import { applyPutRules } from './put-rules.js';

class UpdateThingDto {
  name?: string;
  @ReadOnly('use the transitions route') stage?: string;
  @ReadOnly('set by the server') createdAt?: string;
  version!: number;
}

const current = { id: '1', name: 'Old', stage: 'identified', createdAt: '2026-01-01T00:00:00.000Z', version: 3 };
const dto = (fields: Partial<UpdateThingDto>) => Object.assign(new UpdateThingDto(), fields);

describe('applyPutRules', () => {
  it('returns only the editable fields and ignores unchanged read-only ones', () => {
    expect(
      applyPutRules(
        dto({ name: 'New', stage: 'identified', createdAt: '2026-01-01T00:00:00.000Z', version: 3 }),
        current,
      ),
    ).toEqual({ name: 'New' });
  });

  it('is a 409 for a stale version, before anything else', () => {
    const call = () => applyPutRules(dto({ name: 'New', stage: 'ready', version: 2 }), current);
    expect(call).toThrow(AppError);
    try {
      call();
    } catch (e) {
      expect((e as AppError).status).toBe(409);
    }
  });

  it('is a 400 that says how to change a read-only field', () => {
    try {
      applyPutRules(dto({ stage: 'ready', version: 3 }), current);
      throw new Error('expected a 400');
    } catch (e) {
      expect((e as AppError).status).toBe(400);
      expect((e as AppError).errors).toEqual({ stage: 'stage cannot be changed here: use the transitions route' });
    }
  });
});
