import { expect } from '@jest/globals';

/** Whole expected error bodies (PRODUCT.md §3), with the correlation id matched by type. */
export const errorBody = (statusCode: number, code: string, extra: Record<string, unknown> = {}) => ({
  statusCode,
  code,
  message: expect.any(String),
  correlationId: expect.any(String),
  ...extra,
});

export const expected = {
  unauthenticated: errorBody(401, 'unauthenticated'),
  invalidCredentials: errorBody(401, 'invalid_credentials', { message: 'Email or password is incorrect' }),
  forbidden: errorBody(403, 'forbidden'),
  notFound: errorBody(404, 'not_found'),
  validation: (errors: Record<string, unknown>) => errorBody(400, 'validation_failed', { errors }),
  listQuery: (errors: Record<string, unknown>) => errorBody(400, 'invalid_list_query', { errors }),
  readOnly: (errors: Record<string, unknown>) => errorBody(400, 'read_only_field', { errors }),
  staleVersion: errorBody(409, 'stale_version'),
  unique: (errors: Record<string, unknown>) => errorBody(409, 'unique_violation', { errors }),
  inUse: errorBody(409, 'in_use'),
};
