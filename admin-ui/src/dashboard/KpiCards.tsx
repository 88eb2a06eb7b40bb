import { Box, Card, CardContent, Typography } from '@mui/material';
import type { Bench, Funnel } from './types';

export interface Kpi {
  id: string;
  label: string;
  value: string;
  detail: string;
}

/** The five headline figures, from the funnel and bench aggregates (docs/metrics.md). */
export function kpis(funnel: Funnel | null, bench: Bench | null): Kpi[] {
  const t = bench?.totals;
  const openings = t ? t.vacantNow + t.opening12Months : null;
  const v = (n: number | null | undefined) => (n === null || n === undefined ? '…' : n.toLocaleString('en-US'));
  return [
    {
      id: 'active',
      label: 'Active candidates',
      value: v(funnel?.activeTotal),
      detail: 'candidacies from Identified to Supported',
    },
    {
      id: 'ready',
      label: 'Ready now',
      value: v(t?.candidates.readyNow),
      detail: 'bench candidates confirmed ready now',
    },
    {
      id: 'openings',
      label: 'Openings within 12 months',
      value: v(openings),
      detail: t ? `${t.vacantNow} vacant now, ${t.opening12Months} projected to open` : 'vacant and projected seats',
    },
    {
      id: 'coverage',
      label: 'Coverage',
      value: !t ? '…' : t.coverage === null ? '—' : `${Math.round(t.coverage * 100)}%`,
      detail: !t
        ? ''
        : t.coverage === null
          ? 'no seat opens within 12 months'
          : 'ready now ÷ openings within 12 months',
    },
    {
      id: 'at-risk',
      label: 'Roles at risk',
      value: v(bench?.rolesAtRisk.length),
      detail: bench
        ? bench.roles
            .filter((r) => r.atRisk)
            .map((r) => r.title)
            .join(', ') || 'every opening has someone ready'
        : '',
    },
  ];
}

export function KpiCards({ items }: { items: Kpi[] }) {
  return (
    <Box
      component="ul"
      aria-label="Key figures"
      sx={{
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fit, minmax(170px, 1fr))',
        gap: 2,
        p: 0,
        m: 0,
        listStyle: 'none',
      }}
    >
      {items.map((k) => (
        <Card component="li" key={k.id} data-testid={`kpi-${k.id}`}>
          <CardContent>
            <Typography variant="body2" color="text.secondary">
              {k.label}
            </Typography>
            <Typography variant="h4" component="p" data-testid="kpi-value">
              {k.value}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {k.detail}
            </Typography>
          </CardContent>
        </Card>
      ))}
    </Box>
  );
}
