import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError, FieldErrors } from '../errors/app-error.js';
import { ErrorCode } from '../errors/error-code.js';
import { ignoredOnCreate } from './decorators.js';

function collect(errors: ValidationError[], prefix: string, out: FieldErrors): void {
  for (const e of errors) {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const constraints = e.constraints ?? {};
    if (constraints.whitelistValidation) {
      out[path] = `${path} is not a field of this resource`;
    } else {
      const first = Object.values(constraints)[0];
      if (first) out[path] = first;
    }
    if (e.children?.length) collect(e.children, path, out);
  }
}

/**
 * A create body copied from a record (react-admin's Clone) loses the fields its DTO ignores (AcceptsCloneOf).
 * A CSV upload reaches handlers as a stream (see the content-type parser in app.factory): sent to a JSON
 * route, class-transformer would walk the socket behind it and abort the whole process. Refuse it first.
 */
class BodyValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && typeof (value as { pipe?: unknown } | null)?.pipe === 'function') {
      (value as { resume(): void }).resume();
      throw new AppError(
        ErrorCode.UnsupportedMediaType,
        'This route takes a JSON body (Content-Type: application/json)',
      );
    }
    const ignored = metadata.type === 'body' ? ignoredOnCreate(metadata.metatype) : undefined;
    if (ignored?.size && value && typeof value === 'object' && !Array.isArray(value)) {
      value = Object.fromEntries(Object.entries(value).filter(([key]) => !ignored.has(key)));
    }
    return super.transform(value, metadata) as unknown;
  }
}

/** Whitelist, reject unknown fields, transform, and report every failure as `errors: {field: message}`. */
export function createValidationPipe(): ValidationPipe {
  return new BodyValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const out: FieldErrors = {};
      collect(errors, '', out);
      if (Object.keys(out).length === 0)
        return AppError.validation({}, 'The request body must be a JSON object with the documented fields');
      return AppError.validation(out);
    },
  });
}
