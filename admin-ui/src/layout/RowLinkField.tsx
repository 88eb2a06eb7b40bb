import type { MouseEvent, ReactNode } from 'react';
import { Link, type RaRecord, useCreatePath, useRecordContext, useResourceContext } from 'react-admin';

export interface RowLinkFieldProps<R extends object = RaRecord> {
  /** The record field to show; or use `render`. Also the sort key and the column header, as for react-admin fields. */
  source?: string;
  render?: (record: R) => ReactNode;
  /** Read by the Datagrid header. */
  label?: string;
  sortBy?: string;
  sortable?: boolean;
  emptyText?: string;
  /** The page the link opens; the show page unless told. */
  link?: 'show' | 'edit';
}

/**
 * The primary column of a list (name, title) as a real link to the record's page: Tab reaches it, Enter opens it,
 * and screen readers announce it. A Datagrid's `rowClick` only works with a mouse (WCAG 2.1.1).
 */
export function RowLinkField<R extends object = RaRecord>({
  source,
  render,
  emptyText = '',
  link = 'show',
}: RowLinkFieldProps<R>) {
  const record = useRecordContext<RaRecord>();
  const resource = useResourceContext();
  const createPath = useCreatePath();
  if (!record || !resource) return null;
  const value = render ? render(record as unknown as R) : source ? (record[source] as ReactNode) : null;
  return (
    <Link
      to={createPath({ resource, id: record.id, type: link })}
      // The row also opens the record on a click; one navigation is enough.
      onClick={(e: MouseEvent) => e.stopPropagation()}
      underline="hover"
      sx={{ fontWeight: 500 }}
    >
      {value == null || value === '' ? emptyText : value}
    </Link>
  );
}
