import { ERROR_STATUS, ErrorCode } from './error-code.js';

export type FieldErrors = Record<string, string>;

/** One problem in an uploaded file. */
export interface RowError {
  line: number;
  column: string;
  message: string;
}

/** Problems of one kind in a refused file: how many, and the paths of those listed in `errors`. */
export interface ProblemKind {
  kind: string;
  count: number;
  paths: string[];
}

/** A domain error: services throw it, the global filter turns it into the one error body. */
export class AppError extends Error {
  /** Sent as Retry-After (seconds) with a 429 or 503. */
  retryAfterSeconds?: number;
  /** For a refused file: its problems grouped by kind (sent as `problemKinds`). */
  problemKinds?: ProblemKind[];

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors?: FieldErrors | RowError[],
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  static notFound(what = 'Record'): AppError {
    return new AppError(ErrorCode.NotFound, `${what} not found`);
  }

  static tooManyRequests(message: string, retryAfterSeconds: number): AppError {
    const error = new AppError(ErrorCode.TooManyRequests, message);
    error.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
    return error;
  }

  static validation(errors: FieldErrors, message = 'Validation failed'): AppError {
    return new AppError(ErrorCode.ValidationFailed, message, errors);
  }
}
