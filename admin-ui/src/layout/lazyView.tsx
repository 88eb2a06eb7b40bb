import { lazy, Suspense, type ComponentType, type ReactElement } from 'react';
import { PageLoading } from './PageLoading';

/**
 * A screen whose code is fetched the first time it is shown, so the sign-in screen loads only the shell:
 * `list: lazyView(() => import('./CandidateList').then((m) => m.CandidateList))`.
 */
export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>): (props: P) => ReactElement {
  const Lazy = lazy(() => load().then((component) => ({ default: component })));
  function LazyView(props: P) {
    return (
      <Suspense fallback={<PageLoading />}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return LazyView;
}
