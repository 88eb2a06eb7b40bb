import { useRecordContext } from 'react-admin';
import { DayField } from '../../layout/dates';

/**
 * The seat's projected opening: "Open now" for a vacant seat, else the date (for those who may not see
 * retirement data, a known departure only: "—" without one).
 */
// label, source and sortBy are read by Datagrid for the column's heading and sort.
export function OpeningField(_: { label?: string; source?: string; sortBy?: string }) {
  const record = useRecordContext<{ status?: string }>();
  return <DayField source="projectedOpeningOn" emptyText={record?.status === 'vacant' ? 'Open now' : '—'} />;
}
