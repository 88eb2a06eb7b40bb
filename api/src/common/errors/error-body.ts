import type { FieldErrors, ProblemKind, RowError } from './app-error.js';

/** The single JSON shape of every error response (PRODUCT.md §3). */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: FieldErrors | RowError[];
  /** A refused CASE package: its problems by kind, most common first. */
  problemKinds?: ProblemKind[];
  correlationId: string;
}
