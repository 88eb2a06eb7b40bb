/** Raw query rows carry Date objects or timestamp strings; responses carry ISO 8601 strings. */
export function toIso(d: Date | string): string {
  return (d instanceof Date ? d : new Date(d)).toISOString();
}
