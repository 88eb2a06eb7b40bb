import { Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';

/** The district's locale: every date in the console is written one way (issue #15). */
export const LOCALE = 'en-US';

// A calendar day ("2026-11-15") is no instant: read and written in UTC it stays the same day everywhere.
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function parse(value: string | Date): { date: Date; day: boolean } | null {
  const day = typeof value === 'string' && DAY.test(value);
  const date = day ? new Date(`${value}T00:00:00Z`) : new Date(value);
  return Number.isNaN(date.getTime()) ? null : { date, day };
}

function format(value: string | Date, style: 'short' | 'full', showTime: boolean): string {
  const p = parse(value);
  if (!p) return String(value);
  const time = showTime && !p.day;
  return new Intl.DateTimeFormat(LOCALE, {
    dateStyle: style === 'short' ? 'medium' : 'full',
    ...(time && { timeStyle: 'short' }),
    ...(p.day && { timeZone: 'UTC' }),
  }).format(p.date);
}

/** "Nov 15, 2026" (with "7:00 AM" when `showTime` and the value is an instant). */
export const formatDate = (value: string | Date, showTime = false) => format(value, 'short', showTime);

/** "Sunday, November 15, 2026 at 7:00 AM": what the hover says. */
export const formatFullDate = (value: string | Date) => format(value, 'full', true);

/** A date as text, the full date on hover and in the `datetime` machines read. */
export function DateText({ value, showTime = false }: { value: string | Date; showTime?: boolean }) {
  const p = parse(value);
  return (
    <time dateTime={p ? (p.day ? String(value) : p.date.toISOString()) : undefined} title={formatFullDate(value)}>
      {formatDate(value, showTime)}
    </time>
  );
}

interface DayFieldProps {
  source: string;
  /** Read by Datagrid and SimpleShowLayout for the column heading or label. */
  label?: string;
  sortable?: boolean;
  showTime?: boolean;
  emptyText?: string;
}

/** react-admin's DateField in the console's one format (DateField writes the browser's, differently per page). */
export function DayField({ source, showTime, emptyText = '' }: DayFieldProps) {
  const record = useRecordContext<Record<string, unknown>>();
  const value = record?.[source];
  // body2, as DateField: in a show layout a bare <time> would take the page's larger body1 type.
  return (
    <Typography component="span" variant="body2">
      {typeof value === 'string' || value instanceof Date ? <DateText value={value} showTime={showTime} /> : emptyText}
    </Typography>
  );
}
