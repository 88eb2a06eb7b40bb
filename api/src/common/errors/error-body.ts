import type { FieldErrors, RowError } from './app-error.js';

/** The single JSON shape of every error response (PRODUCT.md §3). */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: FieldErrors | RowError[];
  correlationId: string;
}
