import { useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';

const PAGE = 1000;

/** Every record of a filtered list, fetched page by page (a framework tree can exceed one page). */
export function useAllRecords<T>(
  resource: string,
  filter: Record<string, unknown> | null,
  sortField: string,
  version = 0,
) {
  const dataProvider = useDataProvider();
  const [state, setState] = useState<{ key?: string; data?: T[]; error?: string }>({});
  const key = JSON.stringify(filter);
  useEffect(() => {
    if (key === 'null') return;
    let live = true;
    (async () => {
      const all: T[] = [];
      for (let page = 1; ; page++) {
        const { data, total } = await dataProvider.getList(resource, {
          filter: JSON.parse(key) as Record<string, unknown>,
          pagination: { page, perPage: PAGE },
          sort: { field: sortField, order: 'ASC' },
        });
        all.push(...(data as T[]));
        if (data.length < PAGE || all.length >= (total ?? 0)) break;
      }
      return all;
    })().then(
      (data) => live && setState({ key, data }),
      (e: Error) => live && setState({ key, error: e.message }),
    );
    return () => {
      live = false;
    };
  }, [dataProvider, resource, key, sortField, version]);
  // Data of another filter (the previous framework) is not shown while the new one loads.
  return state.key === key ? state : {};
}
