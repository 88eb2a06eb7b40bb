import { AppError, FieldErrors } from '../errors/app-error.js';
import { ErrorCode } from '../errors/error-code.js';
import { COMPUTED, readOnlyFields } from '../validation/decorators.js';

const norm = (v: unknown): string => JSON.stringify(v instanceof Date ? v.toISOString() : (v ?? null));

/**
 * The PUT rules of PRODUCT.md §3, in one place: a stale `version` is a 409; read-only fields are ignored
 * when unchanged and a 400 naming the alternative when changed. Returns only the editable fields sent.
 */
export function applyPutRules<D extends { version: number }>(
  dto: D,
  current: Record<string, unknown> & { version: number },
): Partial<Omit<D, 'version'>> {
  // First: a stale copy differs in its timestamps too, and the useful answer is "reload".
  if (dto.version !== current.version) {
    throw new AppError(
      ErrorCode.StaleVersion,
      `This record was changed by someone else (your version ${dto.version}, current ${current.version}); reload it and try again`,
    );
  }
  const readOnly = readOnlyFields(dto);
  const errors: FieldErrors = {};
  const editable: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(dto)) {
    if (key === 'version' || value === undefined) continue;
    const hint = readOnly[key];
    if (hint === COMPUTED) continue;
    if (hint === undefined) editable[key] = value;
    else if (norm(value) !== norm(current[key])) errors[key] = `${key} cannot be changed here: ${hint}`;
  }
  if (Object.keys(errors).length > 0) {
    throw new AppError(ErrorCode.ReadOnlyField, 'Read-only fields were changed', errors);
  }
  return editable as Partial<Omit<D, 'version'>>;
}
