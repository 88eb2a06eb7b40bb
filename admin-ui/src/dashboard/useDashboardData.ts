import { useSearchParams } from 'react-router-dom';
import { FILTER_KEYS, useAggregate, type DashboardFilters } from './api';
import type { Bench, Equity, Funnel, Heatmap, NominationMetrics, OpportunityMetrics, TimeInStage } from './types';

/** Filters and the equity dimension live in the URL, so a view can be shared, reloaded and printed as is. */
export function useDashboardParams() {
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? ''])) as unknown as DashboardFilters;
  const dimension = params.get('dimension') === 'raceEthnicity' ? 'raceEthnicity' : 'gender';
  const update = (next: DashboardFilters, nextDimension = dimension) => {
    const p = new URLSearchParams();
    for (const k of FILTER_KEYS) if (next[k]) p.set(k, next[k]);
    if (nextDimension !== 'gender') p.set('dimension', nextDimension);
    setParams(p, { replace: true });
  };
  return { filters, dimension, update, search: params.toString() };
}

/** Every aggregate of the dashboard; equity only for those allowed to see it. */
export function useDashboardData(filters: DashboardFilters, dimension: string, canRead: boolean, canEquity: boolean) {
  return {
    funnel: useAggregate<Funnel>('funnel', filters, {}, canRead),
    time: useAggregate<TimeInStage>('time-in-stage', filters, {}, canRead),
    bench: useAggregate<Bench>('bench', filters, {}, canRead),
    heatmap: useAggregate<Heatmap>('competencies', filters, {}, canRead),
    nominations: useAggregate<NominationMetrics>('nominations', filters, {}, canRead),
    opportunities: useAggregate<OpportunityMetrics>('opportunities', filters, {}, canRead),
    equity: useAggregate<Equity>('equity', filters, { dimension }, canRead && canEquity),
  };
}

export type DashboardData = ReturnType<typeof useDashboardData>;
