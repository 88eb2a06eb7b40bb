import { useEffect, useState } from 'react';
import { API_URL, httpClient } from '../providers/httpClient';

/** The filters every aggregate takes (docs/metrics.md, Filters); empty strings mean "all". */
export interface DashboardFilters {
  level: string;
  schoolId: string;
  roleId: string;
  schoolYear: string;
}

export const NO_FILTERS: DashboardFilters = { level: '', schoolId: '', roleId: '', schoolYear: '' };
export const FILTER_KEYS = Object.keys(NO_FILTERS) as (keyof DashboardFilters)[];

export function queryString(filters: Partial<DashboardFilters>, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, ...extra })) if (v) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}

export interface Loaded<T> {
  data: T | null;
  error: string | null;
}

/** One aggregate for the given filters; reloads when they change and ignores answers that arrive late. */
export function useAggregate<T>(
  path: string,
  filters: Partial<DashboardFilters>,
  extra: Record<string, string> = {},
  enabled = true,
): Loaded<T> {
  const qs = queryString(filters, extra);
  const [state, setState] = useState<Loaded<T> & { key: string }>({ data: null, error: null, key: '' });
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    httpClient(`${API_URL}/dashboard/${path}${qs}`).then(
      ({ json }) => live && setState({ data: json as T, error: null, key: qs }),
      (e: Error) => live && setState({ data: null, error: e.message, key: qs }),
    );
    return () => {
      live = false;
    };
  }, [path, qs, enabled]);
  // While new filters load, show nothing rather than the previous filters' figures.
  return state.key === qs ? state : { data: null, error: null };
}

/** The candidate list for one stage under the dashboard's filters (the school year does not apply to "now"). */
export function candidateListUrl(stage: string, filters: Partial<DashboardFilters>): string {
  const filter: Record<string, string> = { stage };
  const displayed: Record<string, boolean> = {};
  for (const key of ['level', 'schoolId', 'roleId'] as const) {
    const v = filters[key];
    if (v) {
      filter[key] = v;
      displayed[key] = true;
    }
  }
  const params = new URLSearchParams({ filter: JSON.stringify(filter), displayedFilters: JSON.stringify(displayed) });
  return `/candidates?${params.toString()}`;
}

/** School years offered in the filter: the current one (July–June) and the five before it. */
export function recentSchoolYears(today = new Date()): string[] {
  const start = today.getUTCMonth() >= 6 ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
  return Array.from({ length: 6 }, (_, i) => {
    const y = start - i;
    return `${y}-${String((y + 1) % 100).padStart(2, '0')}`;
  });
}
