import { useEffect, useState } from 'react';
import { useCanAccess } from 'react-admin';
import { Link } from 'react-router-dom';
import { Figure } from '../dashboard/Figure';
import { BarsChart, COLORS } from '../dashboard/lazyCharts';
import type { FigureTable } from '../dashboard/tables';
import { API_URL, httpClient } from '../providers/httpClient';
import type { Forecast, ForecastGroup } from './forecastTypes';

/** The candidates of a role confirmed ready now: where a coverage row leads. */
export const readyListUrl = (roleId: string) =>
  `/candidates?${new URLSearchParams({
    filter: JSON.stringify({ roleId, readiness: 'ready_now' }),
    displayedFilters: JSON.stringify({ roleId: true, readiness: true }),
  }).toString()}`;

export function coverageTable(groups: ForecastGroup[], withRisk: boolean): FigureTable {
  const shown = groups.filter((g) => g.coverage && g.years);
  const [first, second] = [shown[0]?.coverage?.years[0]?.schoolYear, shown[0]?.coverage?.years[1]?.schoolYear];
  return {
    caption: 'Ready candidates against the openings forecast, per role',
    filename: 'forecast-coverage',
    columns: [
      { label: 'Role' },
      { label: 'Ready now', format: 'int' },
      { label: 'Ready in 1–2 years', format: 'int' },
      { label: `Openings by the end of ${first ?? 'this year'} (incl. vacant now)`, format: 'dec' },
      { label: `Coverage, ${first ?? ''}`, format: 'pct' },
      { label: `Openings by the end of ${second ?? 'next year'}`, format: 'dec' },
      { label: `Coverage, ${second ?? ''}`, format: 'pct' },
      ...(withRisk ? [{ label: 'Seats at risk', format: 'int' as const }] : []),
    ],
    rows: shown.map((g) => {
      const c = g.coverage!;
      return [
        g.title,
        c.readyNow,
        c.readyIn1To2Years,
        c.years[0]?.openingsThrough ?? null,
        c.years[0]?.coverage ?? null,
        c.years[1]?.openingsThrough ?? null,
        c.years[1]?.coverage ?? null,
        ...(withRisk ? [c.seatsAtRisk ?? 0] : []),
      ];
    }),
    links: shown.map((g) => (g.roleId ? readyListUrl(g.roleId) : null)),
    note: 'Coverage: ready people ÷ openings (vacant seats now plus the openings expected). The second year counts those ready in 1–2 years too. Each role links to its candidates confirmed ready now.',
  };
}

/** The coverage figure of a loaded forecast: chart per role and its table. */
export function CoverageFigure({
  forecast,
  error,
  print,
}: {
  forecast: Forecast | null;
  error?: string | null;
  print?: boolean;
}) {
  const withRisk = !!forecast?.seats;
  const groups = forecast?.groups.filter((g) => g.coverage && g.years) ?? [];
  const short = groups.filter((g) => (g.coverage!.years[1]?.coverage ?? 1) < 1);
  return (
    <Figure
      title="Bench against the forecast"
      print={print}
      error={error}
      summary={
        forecast && (
          <>
            {groups.length === 0
              ? 'No role has seats and a forecast yet.'
              : short.length === 0
                ? 'Every role has as many people ready as the seats expected to open within two school years.'
                : `${short.length} of ${groups.length} roles have fewer people ready than the seats expected to open within two school years: ${short.map((g) => g.title).join(', ')}.`}{' '}
            Whole district, whatever the filters. <Link to="/forecast">The vacancy forecast</Link>
          </>
        )
      }
      tables={forecast ? [coverageTable(forecast.groups, withRisk)] : null}
      chart={
        groups.length > 0 && (
          <BarsChart
            horizontal
            data={groups.map((g) => ({
              role: g.title,
              openings: g.coverage!.years[1]?.openingsThrough ?? 0,
              ready: g.coverage!.readyNow + g.coverage!.readyIn1To2Years,
            }))}
            category="role"
            series={[
              { key: 'openings', name: 'Openings within 2 years', color: COLORS.orange },
              { key: 'ready', name: 'Ready now or in 1–2 years', color: COLORS.blue },
            ]}
          />
        )
      }
    />
  );
}

/** The figure on the dashboard: loads the forecast itself (it is not filtered like the dashboard's figures). */
export function DashboardCoverage({ print }: { print?: boolean }) {
  const { canAccess } = useCanAccess({ resource: 'forecast', action: 'list' });
  const [forecast, setForecast] = useState<Forecast | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!canAccess) return;
    httpClient(`${API_URL}/forecast`).then(
      ({ json }) => setForecast(json as Forecast),
      (e: Error) => setError(e.message),
    );
  }, [canAccess]);
  if (!canAccess || (forecast && !forecast.groups.some((g) => g.coverage))) return null;
  return <CoverageFigure forecast={forecast} error={error} print={print} />;
}
