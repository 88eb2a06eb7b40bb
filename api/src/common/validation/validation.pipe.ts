import { ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError, FieldErrors } from '../errors/app-error.js';

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

/** Whitelist, reject unknown fields, transform, and report every failure as `errors: {field: message}`. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
