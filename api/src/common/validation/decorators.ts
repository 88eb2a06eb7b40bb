import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  Allow,
  ArrayMaxSize,
  getMetadataStorage,
  IsBoolean,
  isEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidateIf,
} from 'class-validator';
import 'reflect-metadata';

/** PostgreSQL text cannot hold NUL: refuse it at the edge instead of failing in the database. */
const NoNul = () =>
  ValidateBy({
    name: 'noNul',
    validator: {
      validate: (v: unknown) => typeof v !== 'string' || !v.includes('\u0000'),
      defaultMessage: () => '$property must not contain NUL characters',
    },
  });

interface Common {
  optional?: boolean;
  nullable?: boolean;
  description?: string;
}

/** Optional means "may be absent"; nullable additionally accepts an explicit null. */
function presence({ optional, nullable }: Common): PropertyDecorator[] {
  if (nullable) return [ValidateIf((_, v) => v !== null && v !== undefined)];
  if (optional) return [IsOptional()];
  return [];
}

function doc(opts: Common, schema: Record<string, unknown>): PropertyDecorator {
  const meta = { ...schema, description: opts.description, nullable: opts.nullable || undefined };
  return opts.optional || opts.nullable ? ApiPropertyOptional(meta) : ApiProperty(meta);
}

export function ValidateUUID(opts: Common & { each?: boolean; maxItems?: number } = {}): PropertyDecorator {
  const each = opts.each ?? false;
  return applyDecorators(
    ...presence(opts),
    IsUUID('all', { each, message: each ? '$property must contain only UUIDs' : '$property must be a UUID' }),
    ...(each ? [ArrayMaxSize(opts.maxItems ?? 1000)] : []),
    doc(opts, each ? { type: [String], format: 'uuid' } : { type: String, format: 'uuid' }),
  );
}

export function ValidateString(
  opts: Common & { minLength?: number; maxLength: number; pattern?: RegExp; patternMessage?: string; example?: string },
): PropertyDecorator {
  return applyDecorators(
    ...presence(opts),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value)),
    IsString(),
    MinLength(opts.minLength ?? (opts.optional || opts.nullable ? 0 : 1), {
      message: opts.minLength ? `$property must be at least ${opts.minLength} characters` : '$property is required',
    }),
    MaxLength(opts.maxLength),
    NoNul(),
    ...(opts.pattern ? [Matches(opts.pattern, { message: opts.patternMessage })] : []),
    doc(opts, { type: String, minLength: opts.minLength, maxLength: opts.maxLength, example: opts.example }),
  );
}

/**
 * class-validator's isEmail throws (a 500) on a string with a lone UTF-16 surrogate (validator's byte-length
 * check calls encodeURI): such a string is simply not an email address.
 */
const IsEmailSafely = (message: string) =>
  ValidateBy({
    name: 'isEmail',
    validator: {
      validate: (v: unknown) => {
        try {
          return typeof v === 'string' && isEmail(v);
        } catch {
          return false;
        }
      },
      defaultMessage: () => message,
    },
  });

export function ValidateEmail(opts: Common = {}): PropertyDecorator {
  return applyDecorators(
    ...presence(opts),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value)),
    IsEmailSafely('$property must be an email address'),
    MaxLength(254),
    doc(opts, { type: String, format: 'email' }),
  );
}

export function ValidateEnum<T extends string>(
  values: readonly T[],
  enumName: string,
  opts: Common & { each?: boolean } = {},
): PropertyDecorator {
  return applyDecorators(
    ...presence(opts),
    IsIn(values as unknown as unknown[], {
      each: opts.each,
      message: `$property must be one of: ${values.join(', ')}`,
    }),
    doc(opts, { enum: values, enumName, isArray: opts.each }),
  );
}

export function ValidateInt(opts: Common & { min?: number; max?: number } = {}): PropertyDecorator {
  return applyDecorators(
    ...presence(opts),
    IsInt({ message: '$property must be a whole number' }),
    ...(opts.min !== undefined ? [Min(opts.min)] : []),
    ...(opts.max !== undefined ? [Max(opts.max)] : []),
    doc(opts, { type: 'integer', minimum: opts.min, maximum: opts.max }),
  );
}

/** A calendar day, YYYY-MM-DD, that exists (2027-02-30 does not). */
export function ValidateDate(opts: Common = {}): PropertyDecorator {
  const message = '$property must be a date like 2027-06-30';
  return applyDecorators(
    ...presence(opts),
    IsString({ message }),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message }),
    ValidateBy({
      name: 'calendarDay',
      validator: {
        validate: (v: unknown) =>
          typeof v === 'string' &&
          !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
          new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
        defaultMessage: () => message,
      },
    }),
    doc(opts, { type: String, format: 'date', example: '2027-06-30' }),
  );
}

export function ValidateBoolean(opts: Common = {}): PropertyDecorator {
  return applyDecorators(...presence(opts), IsBoolean(), doc(opts, { type: Boolean }));
}

export function ValidateVersion(): PropertyDecorator {
  return applyDecorators(
    Type(() => Number),
    IsInt({ message: 'version is required: send the version you read, to detect concurrent edits' }),
    Min(1),
    ApiProperty({ type: 'integer', description: 'The version you read; a stale one is a 409.' }),
  );
}

const READ_ONLY = Symbol('readOnlyFields');
export const COMPUTED = '\u0000computed';

/**
 * A field the resource returns but does not let PUT edit. It is accepted and ignored when unchanged;
 * a changed value is a 400 whose message is `hint` (how to change it instead).
 */
export function ReadOnly(hint = 'is read-only', options: { computed?: boolean } = {}): PropertyDecorator {
  return (target, key) => {
    const map: Record<string, string> = { ...(Reflect.getMetadata(READ_ONLY, target) ?? {}) };
    // A computed field (it depends on the viewer or the clock) is ignored whatever its value.
    map[String(key)] = options.computed ? COMPUTED : hint;
    Reflect.defineMetadata(READ_ONLY, map, target);
    Allow()(target, key);
    ApiPropertyOptional({ readOnly: true, description: `Read-only: ${hint}` })(target, key);
  };
}

export function readOnlyFields(dto: object): Record<string, string> {
  return (Reflect.getMetadata(READ_ONLY, Object.getPrototypeOf(dto)) as Record<string, string> | undefined) ?? {};
}

const CLONE_OF = Symbol('cloneOf');
const IGNORED_ON_CREATE = Symbol('ignoredOnCreate');

/** The properties a DTO class declares (its own and inherited), as class-validator knows them. */
function declaredFields(dto: new () => object): Set<string> {
  return new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(dto, '', true, false)
      .map((m) => m.propertyName),
  );
}

/**
 * On a create DTO: the body may be a copy of a record read from the API (react-admin's Clone button sends
 * the whole record, as `PUT` does). The fields of `update()` that this DTO does not declare (ids,
 * `version`, timestamps, denormalized names, fields only an edit changes) are accepted and dropped before
 * validation. `update` is a thunk because the update DTO is declared after the create one.
 */
export function AcceptsCloneOf(update: () => new () => object): ClassDecorator {
  return (target) => Reflect.defineMetadata(CLONE_OF, update, target);
}

/** The fields a create DTO ignores (see AcceptsCloneOf); empty for any other class. */
export function ignoredOnCreate(dto: unknown): ReadonlySet<string> {
  if (typeof dto !== 'function') return new Set();
  const cached = Reflect.getOwnMetadata(IGNORED_ON_CREATE, dto) as Set<string> | undefined;
  if (cached) return cached;
  const update = Reflect.getOwnMetadata(CLONE_OF, dto) as (() => new () => object) | undefined;
  let ignored = new Set<string>();
  if (update) {
    const own = declaredFields(dto as new () => object);
    const fields = new Set([
      ...declaredFields(update()),
      ...Object.keys(readOnlyFields(Object.create(update().prototype) as object)),
    ]);
    ignored = new Set([...fields].filter((f) => !own.has(f)));
  }
  Reflect.defineMetadata(IGNORED_ON_CREATE, ignored, dto);
  return ignored;
}
