import { Alert, Box, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import { Suspense, useId, useState, type ReactNode } from 'react';
import { downloadCsv, toCsv } from './csv';
import { DataTable } from './DataTable';
import { csvRows, type FigureTable } from './tables';

interface FigureProps {
  title: string;
  /** One sentence that answers the figure's question, shown above the chart. */
  summary?: ReactNode;
  error?: string | null;
  /** Null while loading. */
  tables: FigureTable[] | null;
  /** The visual (a lazy recharts chart or a colored table); hidden in print, where the tables stand in. */
  chart?: ReactNode;
  /** Controls of this figure only (e.g. the equity dimension). */
  controls?: ReactNode;
  print?: boolean;
}

/** One dashboard figure: its chart, a "Show table" data-table alternative and a CSV download of the same data. */
export function Figure({ title, summary, error, tables, chart, controls, print }: FigureProps) {
  const id = useId();
  const [showTable, setShowTable] = useState(false);
  const tablesId = `${id}-tables`;
  const open = print || showTable || !chart;
  return (
    <Card component="section" aria-labelledby={`${id}-title`} sx={{ breakInside: 'avoid-page' }}>
      <CardContent>
        <Typography id={`${id}-title`} variant="h6" component="h2">
          {title}
        </Typography>
        {controls}
        {error && (
          <Alert severity="error" sx={{ mt: 1 }}>
            This figure could not be loaded: {error}
          </Alert>
        )}
        {!error && !tables && <Typography sx={{ mt: 1 }}>Loading…</Typography>}
        {tables && (
          <>
            {summary && (
              <Typography variant="body2" sx={{ mt: 0.5 }}>
                {summary}
              </Typography>
            )}
            {chart && !print && (
              <Suspense fallback={<Box sx={{ height: 240 }} />}>
                <Box sx={{ mt: 1 }}>{chart}</Box>
              </Suspense>
            )}
            {!print && (
              <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap' }} useFlexGap>
                {chart && (
                  <Button
                    size="small"
                    variant="outlined"
                    aria-expanded={showTable}
                    aria-controls={tablesId}
                    onClick={() => setShowTable(!showTable)}
                  >
                    {showTable ? 'Hide table' : 'Show table'}
                  </Button>
                )}
                {tables.map((t) => (
                  <Button
                    key={t.filename}
                    size="small"
                    onClick={() => downloadCsv(`emerge-${t.filename}.csv`, toCsv(csvRows(t)))}
                  >
                    {tables.length > 1 ? `Download CSV: ${t.label ?? t.filename}` : 'Download CSV'}
                  </Button>
                ))}
              </Stack>
            )}
            <div id={tablesId} hidden={!open}>
              {open && tables.map((t) => <DataTable key={t.filename} table={t} />)}
            </div>
          </>
        )}
      </CardContent>
    </Card>
  );
}
