import { useDeferredValue, useEffect, useMemo, useSyncExternalStore } from 'react';
import { useServices } from '../app/context';
import {
  isSearchIndexComplete,
  isSearchIndexReady,
  loadSearchIndex,
  searchIndexVersion,
  searchLoadedIndex,
  subscribeToSearchIndex,
  type SearchResults,
} from './search-index';

/** Loads the persisted search index (once per app) and tells whether it is ready. */
export function useSearchIndexReady(): boolean {
  const { db } = useServices();
  useEffect(() => {
    void loadSearchIndex(db);
  }, [db]);
  return useSyncExternalStore(
    (listener) => subscribeToSearchIndex(db, listener),
    () => isSearchIndexReady(db),
  );
}

/** Results for a query (as typed: the search runs on a deferred copy so typing never waits), re-run as the index changes. */
export function useSearchResults(query: string, planId?: string): (SearchResults & { indexVersion: number; isComplete: boolean }) | null {
  const { db } = useServices();
  const isReady = useSearchIndexReady();
  const version = useSyncExternalStore(
    (listener) => subscribeToSearchIndex(db, listener),
    () => searchIndexVersion(db),
  );
  const deferred = useDeferredValue(query);
  // A new index version (committed imports and annotations) re-runs the search.
  return useMemo(
    () =>
      isReady
        ? {
            ...searchLoadedIndex(db, deferred, planId === undefined ? {} : { planId }),
            indexVersion: version,
            // Annotations' and papers' shards load after the plans': more results may come.
            isComplete: isSearchIndexComplete(db),
          }
        : null,
    [db, isReady, version, deferred, planId],
  );
}
