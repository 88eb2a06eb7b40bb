import { Box, Button, GlobalStyles, Stack, Typography } from '@mui/material';
import { Title, useCanAccess } from 'react-admin';
import { Link } from 'react-router-dom';
import { formatDate } from '../layout/dates';
import { LEVELS } from '../resources/choices';
import { DashboardFigures } from './DashboardFigures';
import { DataTable } from './DataTable';
import { useFilterOptions } from './FilterBar';
import { kpis } from './KpiCards';
import { useDashboardData, useDashboardParams } from './useDashboardData';

// Paper shows the page only: no app bar, menu or buttons, and every figure as tables.
const PRINT_CSS = {
  '@media print': {
    'header, .RaSidebar-root, .MuiDrawer-root, .no-print': { display: 'none !important' },
    '.RaLayout-appFrame, .RaLayout-content, main': { padding: '0 !important', margin: '0 !important' },
    body: { background: '#fff' },
    '.MuiCard-root': { boxShadow: 'none !important', border: '1px solid #ccc' },
  },
};

/** The dashboard for a board meeting: every figure as tables under the chosen filters, ready to print. */
export function DashboardPrint() {
  const { canAccess: canRead, isPending } = useCanAccess({ resource: 'dashboard', action: 'list' });
  const { canAccess: canEquity } = useCanAccess({ resource: 'dashboard', action: 'equity' });
  const { filters, dimension, search } = useDashboardParams();
  const data = useDashboardData(filters, dimension, !!canRead, !!canEquity);
  const { schools, roles } = useFilterOptions();
  if (isPending) return null;
  const nameOf = (list: { id: string; name: string }[], id: string, all: string) =>
    id ? (list.find((x) => x.id === id)?.name ?? '…') : all;
  const scope = [
    nameOf(LEVELS, filters.level, 'all levels'),
    nameOf(schools, filters.schoolId, 'all schools'),
    nameOf(roles, filters.roleId, 'all leadership roles'),
    filters.schoolYear ? `school year ${filters.schoolYear}` : 'all history',
  ].join(' · ');
  const items = kpis(data.funnel.data, data.bench.data);
  return (
    <Box component="section" aria-labelledby="print-title" sx={{ mt: 2, maxWidth: 1100 }}>
      <GlobalStyles styles={PRINT_CSS} />
      <Title title="Dashboard report" />
      <Stack direction="row" spacing={1} className="no-print" sx={{ mb: 2 }}>
        <Button variant="contained" onClick={() => window.print()}>
          Print
        </Button>
        <Button component={Link} to={`/dashboard${search ? `?${search}` : ''}`} variant="outlined">
          Back to the dashboard
        </Button>
      </Stack>
      <Typography id="print-title" variant="h5" component="h1">
        Leadership pipeline report
      </Typography>
      <Typography sx={{ mt: 0.5 }}>
        Filters: {scope}. Prepared {formatDate(new Date())}.
      </Typography>
      {!canRead ? (
        <Typography sx={{ mt: 2 }}>
          The dashboards are for HR, the superintendent, coordinators and principals.
        </Typography>
      ) : (
        <>
          <DataTable
            table={{
              caption: 'Key figures',
              filename: 'key-figures',
              columns: [{ label: 'Figure' }, { label: 'Value', format: 'text' }, { label: 'Detail' }],
              rows: items.map((k) => [k.label, k.value, k.detail]),
            }}
          />
          <DashboardFigures data={data} filters={filters} dimension={dimension} canEquity={!!canEquity} print />
        </>
      )}
    </Box>
  );
}
