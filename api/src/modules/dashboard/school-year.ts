/** A school year runs July 1 – June 30 and is written `2025-26`. */
export interface Period {
  schoolYear: string;
  /** First day, YYYY-MM-DD. */
  firstDay: string;
  /** Last day, YYYY-MM-DD. */
  lastDay: string;
  /** [from, to) in UTC, for timestamps. */
  from: Date;
  to: Date;
}

/** The period of `2025-26`, or null when the text is not a school year (the second year must follow the first). */
export function parseSchoolYear(text: string): Period | null {
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  if (!m) return null;
  const start = Number(m[1]);
  if (start < 1900 || start > 2999 || Number(m[2]) !== (start + 1) % 100) return null;
  return {
    schoolYear: text,
    firstDay: `${start}-07-01`,
    lastDay: `${start + 1}-06-30`,
    from: new Date(Date.UTC(start, 6, 1)),
    to: new Date(Date.UTC(start + 1, 6, 1)),
  };
}
