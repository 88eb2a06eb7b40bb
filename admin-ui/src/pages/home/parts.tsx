import {
  Box,
  Card,
  CardContent,
  Chip,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { ReactNode } from 'react';
import { formatDate } from '../../layout/dates';
import { ScrollBox } from '../../layout/ScrollBox';

/** A titled card of the home page; its heading names the section for screen readers. */
export function HomeSection({
  id,
  title,
  action,
  children,
}: {
  id: string;
  title: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card component="section" aria-labelledby={`${id}-title`}>
      <CardContent>
        <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
          <Typography id={`${id}-title`} variant="h6" component="h2">
            {title}
          </Typography>
          {action}
        </Box>
        {children}
      </CardContent>
    </Card>
  );
}

/** A small list as a table (a row header first), for the home pages' queues. */
export function MiniTable({
  label,
  head,
  rows,
}: {
  label: string;
  head: string[];
  rows: { key: string; cells: ReactNode[] }[];
}) {
  return (
    // The card clips what sticks out: on a phone a wide row scrolls in its own box instead of being cut off.
    <ScrollBox label={label} sx={{ mt: 1 }}>
      <Table size="small" aria-label={label}>
        <TableHead>
          <TableRow>
            {head.map((h) => (
              <TableCell key={h}>{h}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.key}>
              {r.cells.map((c, i) =>
                i === 0 ? (
                  <TableCell key={i} component="th" scope="row">
                    {c}
                  </TableCell>
                ) : (
                  <TableCell key={i}>{c}</TableCell>
                ),
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollBox>
  );
}

export const isoDay = (d: Date) => d.toISOString().slice(0, 10);
export const listUrl = (resource: string, filter: Record<string, unknown>) =>
  `/${resource}?${new URLSearchParams({ filter: JSON.stringify(filter) }).toString()}`;

/** A dark orange keeps white text above 4.5:1 (MUI's warning orange does not). */
export function OverdueChip({ due }: { due: string | null }) {
  return (
    <Chip
      size="small"
      label={due ? `Overdue: ${formatDate(due)}` : 'Overdue'}
      sx={{ bgcolor: '#a84f00', color: '#fff' }}
    />
  );
}
