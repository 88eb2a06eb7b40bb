import PrintIcon from '@mui/icons-material/Print';
import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import { Title, useCanAccess, useGetIdentity } from 'react-admin';
import { Link } from 'react-router-dom';
import { session } from '../providers/session';
import { DashboardFigures } from './DashboardFigures';
import { FilterBar } from './FilterBar';
import { KpiCards, kpis } from './KpiCards';
import { useDashboardData, useDashboardParams } from './useDashboardData';

const SCOPE: Record<string, string> = {
  superintendent:
    'Your district’s leadership pipeline at a glance. Filters narrow every figure; each has its data table and a CSV download.',
  hr: 'The district’s leadership pipeline at a glance.',
  coordinator: 'The district’s leadership pipeline. Equity figures are shown to HR and the superintendent only.',
  principal: 'The leadership pipeline of your school’s people: candidates, nominations and seats at your schools.',
};

/**
 * The dashboard: filters, key figures and every aggregate as a chart with its table. The superintendent's
 * home page (`home`), and /dashboard for hr, coordinators and principals.
 */
export function Dashboard({ home }: { home?: boolean }) {
  const { identity } = useGetIdentity();
  const { canAccess: canRead, isPending } = useCanAccess({ resource: 'dashboard', action: 'list' });
  const { canAccess: canEquity } = useCanAccess({ resource: 'dashboard', action: 'equity' });
  const { filters, dimension, update, search } = useDashboardParams();
  const data = useDashboardData(filters, dimension, !!canRead, !!canEquity);
  if (isPending) return null;
  const role = session.user()?.role ?? '';
  return (
    <Box component="section" aria-labelledby="dashboard-title" sx={{ mt: 2 }}>
      <Title title={home ? 'Home' : 'Dashboard'} />
      <Stack
        direction="row"
        spacing={2}
        useFlexGap
        sx={{ alignItems: 'flex-start', justifyContent: 'space-between', flexWrap: 'wrap' }}
      >
        <Box>
          <Typography id="dashboard-title" variant="h5" component="h1">
            {home ? `Welcome, ${identity?.fullName ?? ''}` : 'Dashboard'}
          </Typography>
          <Typography sx={{ mt: 0.5 }}>{SCOPE[role] ?? ''}</Typography>
        </Box>
        {canRead && (
          <Stack direction="row" spacing={1}>
            <Button component={Link} to="/pipeline" variant="outlined">
              Pipeline board
            </Button>
            <Button
              component={Link}
              to={`/dashboard/print${search ? `?${search}` : ''}`}
              variant="outlined"
              startIcon={<PrintIcon />}
            >
              Print view
            </Button>
          </Stack>
        )}
      </Stack>
      {!canRead ? (
        <Alert severity="info" sx={{ mt: 2 }}>
          The dashboards are for HR, the superintendent, coordinators and principals.
        </Alert>
      ) : (
        <>
          <FilterBar filters={filters} onChange={(f) => update(f)} />
          <KpiCards items={kpis(data.funnel.data, data.bench.data)} />
          <DashboardFigures
            data={data}
            filters={filters}
            dimension={dimension}
            onDimension={(d) => update(filters, d)}
            canEquity={!!canEquity}
          />
        </>
      )}
    </Box>
  );
}
