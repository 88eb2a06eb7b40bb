import { describe, expect, it } from '@jest/globals';
import { NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { AppError } from './app-error.js';
import { ErrorCode } from './error-code.js';
import { shapeError } from './global-exception.filter.js';

const pgError = (code: string, constraint?: string) =>
  new QueryFailedError('SELECT secret FROM t', [], Object.assign(new Error('db says no'), { code, constraint }));

describe('shapeError', () => {
  it('keeps an AppError as it is', () => {
    expect(shapeError(AppError.validation({ name: 'name is required' }))).toEqual({
      statusCode: 400,
      code: 'validation_failed',
      message: 'Validation failed',
      errors: { name: 'name is required' },
      logAsError: false,
    });
  });

  it('maps a named unique constraint to a 409 beside its field', () => {
    expect(shapeError(pgError('23505', 'uq_schools_district_code'))).toEqual(
      expect.objectContaining({
        statusCode: 409,
        code: ErrorCode.UniqueViolation,
        errors: { code: expect.any(String) },
      }),
    );
  });

  it('maps a null sent for a NOT NULL column to a 400 beside its field', () => {
    const error = new QueryFailedError(
      'INSERT INTO t',
      [],
      Object.assign(new Error('null value'), { code: '23502', column: 'small_cell_threshold' }),
    );
    expect(shapeError(error)).toEqual({
      statusCode: 400,
      code: 'validation_failed',
      message: 'A required value is missing',
      errors: { smallCellThreshold: 'smallCellThreshold must have a value' },
      logAsError: false,
    });
  });

  it('maps a lost connection to a 503', () => {
    expect(shapeError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })).statusCode).toBe(503);
    expect(shapeError(pgError('57P01')).statusCode).toBe(503);
  });

  it('hides the detail of anything unexpected, SQL included', () => {
    const shaped = shapeError(new TypeError('cannot read x of undefined'));
    expect(shaped).toEqual({
      statusCode: 500,
      code: 'internal_error',
      message: 'Internal server error',
      logAsError: true,
    });
    expect(JSON.stringify(shapeError(pgError('42601')))).not.toContain('SELECT');
  });

  it('maps Nest HTTP exceptions by status', () => {
    expect(shapeError(new NotFoundException('Cannot GET /x'))).toEqual(
      expect.objectContaining({ statusCode: 404, code: 'not_found' }),
    );
  });
});
