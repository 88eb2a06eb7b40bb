/** Reading free-form CASE JSON: typed field access that records every problem under a path-like key. */
import type { FieldErrors, ProblemKind } from '../../common/errors/app-error.js';

export const CASE_LIMITS = { items: 10_000, associations: 50_000, depth: 20, errors: 200, rubricLevels: 20 };

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every problem of a package, the first CASE_LIMITS.errors paths listed and all of them counted by kind. */
export class Problems {
  readonly errors: FieldErrors = {};
  private count = 0;
  private readonly kinds = new Map<string, { count: number; paths: string[] }>();
  add(path: string, message: string, kind = 'invalid field'): void {
    this.count++;
    const group = this.kinds.get(kind) ?? { count: 0, paths: [] };
    this.kinds.set(kind, group);
    group.count++;
    if (this.errors[path]) this.errors[path] += `; ${message}`;
    else if (Object.keys(this.errors).length < CASE_LIMITS.errors) {
      this.errors[path] = message;
      group.paths.push(path);
    }
  }
  get any(): boolean {
    return this.count > 0;
  }
  finish(): FieldErrors {
    const listed = Object.values(this.errors).reduce((n, m) => n + m.split('; ').length, 0);
    if (this.count > listed) this.errors['(more)'] = `${this.count - listed} more problem(s) not listed`;
    return this.errors;
  }
  /** Every kind with its count (also beyond those listed) and the listed paths, most common first. */
  kindsFound(): ProblemKind[] {
    return [...this.kinds]
      .map(([kind, g]) => ({ kind, count: g.count, paths: g.paths }))
      .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
  }
}

/** A trimmed string field; reports a missing required one, a wrong type, NUL characters or excess length. */
export function text(
  p: Problems,
  obj: Obj,
  key: string,
  path: string,
  opts: { required?: boolean; max?: number } = {},
) {
  const v = obj[key];
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
    if (opts.required) p.add(`${path}.${key}`, 'is required', 'missing field');
    return undefined;
  }
  if (typeof v !== 'string') {
    p.add(`${path}.${key}`, 'must be a string', 'wrong type');
    return undefined;
  }
  // Reported once for the whole package by readCasePackage's walk.
  if (v.includes('\u0000')) return undefined;
  const s = v.trim();
  if (opts.max && s.length > opts.max) {
    p.add(`${path}.${key}`, `must be at most ${opts.max} characters (it has ${s.length})`, 'too long');
    return undefined;
  }
  return s;
}

export function list(p: Problems, obj: Obj, key: string, required: boolean, max: number): unknown[] {
  const v = obj[key];
  if (v === undefined || v === null) {
    if (required) p.add(key, 'is required (an array)', 'missing field');
    return [];
  }
  if (!Array.isArray(v)) {
    p.add(key, 'must be an array', 'wrong type');
    return [];
  }
  if (v.length > max) {
    p.add(key, `has ${v.length} entries; at most ${max} are accepted in one package`, 'too large');
    return [];
  }
  return v;
}

/** "Harbor Leadership Standards" → "HLS": CASE has no short name; the district may change it afterwards. */
