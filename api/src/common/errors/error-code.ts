import { HttpStatus } from '@nestjs/common';

export enum ErrorCode {
  ValidationFailed = 'validation_failed',
  ImportInvalid = 'import_invalid',
  BadRequest = 'bad_request',
  InvalidListQuery = 'invalid_list_query',
  ReadOnlyField = 'read_only_field',
  Unauthenticated = 'unauthenticated',
  InvalidCredentials = 'invalid_credentials',
  /** The right password, but the user's district signs in through its identity provider only. */
  PasswordSignInDisabled = 'password_sign_in_disabled',
  Forbidden = 'forbidden',
  NotFound = 'not_found',
  Conflict = 'conflict',
  StaleVersion = 'stale_version',
  UniqueViolation = 'unique_violation',
  InUse = 'in_use',
  PayloadTooLarge = 'payload_too_large',
  UnsupportedMediaType = 'unsupported_media_type',
  TooManyRequests = 'too_many_requests',
  DatabaseUnavailable = 'database_unavailable',
  /** A district's identity provider did not answer (discovery failed). */
  IdentityProviderUnavailable = 'identity_provider_unavailable',
  Internal = 'internal_error',
}

/** The HTTP status of each code; a code without one does not compile. */
export const ERROR_STATUS: Record<ErrorCode, HttpStatus> = {
  [ErrorCode.ValidationFailed]: HttpStatus.BAD_REQUEST,
  [ErrorCode.ImportInvalid]: HttpStatus.BAD_REQUEST,
  [ErrorCode.BadRequest]: HttpStatus.BAD_REQUEST,
  [ErrorCode.InvalidListQuery]: HttpStatus.BAD_REQUEST,
  [ErrorCode.ReadOnlyField]: HttpStatus.BAD_REQUEST,
  [ErrorCode.Unauthenticated]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.InvalidCredentials]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.PasswordSignInDisabled]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.Forbidden]: HttpStatus.FORBIDDEN,
  [ErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.Conflict]: HttpStatus.CONFLICT,
  [ErrorCode.StaleVersion]: HttpStatus.CONFLICT,
  [ErrorCode.UniqueViolation]: HttpStatus.CONFLICT,
  [ErrorCode.InUse]: HttpStatus.CONFLICT,
  [ErrorCode.PayloadTooLarge]: HttpStatus.PAYLOAD_TOO_LARGE,
  [ErrorCode.UnsupportedMediaType]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [ErrorCode.TooManyRequests]: HttpStatus.TOO_MANY_REQUESTS,
  [ErrorCode.DatabaseUnavailable]: HttpStatus.SERVICE_UNAVAILABLE,
  [ErrorCode.IdentityProviderUnavailable]: HttpStatus.BAD_GATEWAY,
  [ErrorCode.Internal]: HttpStatus.INTERNAL_SERVER_ERROR,
};
