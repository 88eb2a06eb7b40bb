import { useNavigate } from 'react-router-dom';
import { stageName } from '../resources/choices';
import { candidateListUrl, type DashboardFilters, type Loaded } from './api';
import { Figure } from './Figure';
import { BarsChart, COLORS } from './lazyCharts';
import { benchTable, exitName, exitsTable, funnelTable, timeTable } from './tables';
import type { Bench, Funnel, TimeInStage } from './types';

interface Props<T> {
  loaded: Loaded<T>;
  print?: boolean;
}

/** Candidacies per stage now; a bar (or the stage's row in the table) opens those candidates. */
export function FunnelFigure({
  loaded: { data, error },
  filters,
  print,
  title = 'Pipeline funnel',
}: Props<Funnel> & { filters: Partial<DashboardFilters>; title?: string }) {
  const navigate = useNavigate();
  const busiest = data?.stages.slice(0, 6).reduce((a, b) => (b.current > a.current ? b : a));
  return (
    <Figure
      title={title}
      error={error}
      print={print}
      tables={data ? [funnelTable(data, filters)] : null}
      summary={
        data &&
        `${data.activeTotal} candidacies are active${
          busiest && busiest.current > 0 ? `; the most (${busiest.current}) are in ${stageName(busiest.stage)}` : ''
        }.${print ? '' : ' Select a bar, or a stage in the table, to see those candidates.'}`
      }
      chart={
        data && (
          <BarsChart
            data={data.stages.map((s) => ({ id: s.stage, stage: stageName(s.stage), current: s.current }))}
            category="stage"
            series={[{ key: 'current', name: 'Candidacies now', color: COLORS.blue }]}
            onSelect={(row) => navigate(candidateListUrl(String(row.id), filters))}
          />
        )
      }
    />
  );
}

export function ExitsFigure({ loaded: { data, error }, print }: Props<Funnel>) {
  const total = data?.exits.reduce((n, e) => n + e.count, 0) ?? 0;
  return (
    <Figure
      title="Exits by reason"
      error={error}
      print={print}
      tables={data ? [exitsTable(data)] : null}
      summary={
        data && `${total} exits in the period (a candidacy that exited twice for different reasons counts under each).`
      }
      chart={
        data && (
          <BarsChart
            data={data.exits.map((e) => ({ reason: exitName(e.reason), count: e.count }))}
            category="reason"
            series={[{ key: 'count', name: 'Exits', color: COLORS.grey }]}
            height={220}
          />
        )
      }
    />
  );
}

export function TimeInStageFigure({ loaded: { data, error }, print }: Props<TimeInStage>) {
  const stalled = data?.stages.reduce((n, s) => n + (s.open.stalled ?? 0), 0) ?? 0;
  const slowest = data?.stages
    .filter((s) => s.completed.medianDays !== null)
    .reduce<TimeInStage['stages'][number] | null>(
      (a, b) => (!a || b.completed.medianDays! > a.completed.medianDays! ? b : a),
      null,
    );
  return (
    <Figure
      title="Time in stage"
      error={error}
      print={print}
      tables={data ? [timeTable(data)] : null}
      summary={
        data &&
        `${slowest ? `People stay longest in ${stageName(slowest.stage)} (median ${slowest.completed.medianDays} days). ` : ''}${stalled} candidacies are stalled: in their stage longer than 75% of completed stays there.`
      }
      chart={
        data && (
          <BarsChart
            data={data.stages.map((s) => ({
              stage: stageName(s.stage),
              median: s.completed.medianDays,
              p75: s.completed.p75Days,
            }))}
            category="stage"
            series={[
              { key: 'median', name: 'Median days', color: COLORS.blue },
              { key: 'p75', name: '75th percentile days', color: COLORS.orange },
            ]}
          />
        )
      }
    />
  );
}

export function BenchFigure({ loaded: { data, error }, print }: Props<Bench>) {
  const atRisk = data?.roles.filter((r) => r.atRisk).map((r) => r.title) ?? [];
  return (
    <Figure
      title="Bench strength"
      error={error}
      print={print}
      tables={data ? [benchTable(data)] : null}
      summary={
        data &&
        (atRisk.length
          ? `${atRisk.length} role${atRisk.length > 1 ? 's' : ''} at risk (a seat opens within 12 months and nobody is ready now): ${atRisk.join(', ')}.`
          : 'No role is at risk: every role with a seat opening within 12 months has someone ready now.')
      }
      chart={
        data && (
          <BarsChart
            horizontal
            data={data.roles.map((r) => ({
              role: r.title,
              openings: r.vacantNow + r.opening12Months,
              readyNow: r.candidates.readyNow,
            }))}
            category="role"
            series={[
              { key: 'openings', name: 'Vacant or opening within 12 months', color: COLORS.orange },
              { key: 'readyNow', name: 'Ready now', color: COLORS.green },
            ]}
          />
        )
      }
    />
  );
}
