import { useDeferredValue, useEffect, useMemo, useSyncExternalStore } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../app/context';
import { readBoardScope } from '../meetings/boards';
import { isHitOfBoard } from './board-filter';
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

/**
 * Results for a query (as typed: the search runs on a deferred copy so typing never waits), re-run
 * as the index changes; only the open board's plans, notes on them and papers (re-run on switching).
 */
export function useSearchResults(query: string, planId?: string): (SearchResults & { indexVersion: number; isComplete: boolean }) | null {
  const { db } = useServices();
  const isIndexReady = useSearchIndexReady();
  const scope = useLiveQuery(() => readBoardScope(db), [db]);
  const version = useSyncExternalStore(
    (listener) => subscribeToSearchIndex(db, listener),
    () => searchIndexVersion(db),
  );
  const deferred = useDeferredValue(query);
  // A new index version (committed imports and annotations) re-runs the search.
  return useMemo(
    () =>
      isIndexReady && scope
        ? {
            // Only the board's hits are counted and ranked, so another board's stronger hits never
            // hide this board's behind the limit per kind.
            ...searchLoadedIndex(db, deferred, {
              ...(planId === undefined ? {} : { planId }),
              accept: (hit) => isHitOfBoard(hit, scope),
            }),
            indexVersion: version,
            // Annotations' and papers' shards load after the plans': more results may come.
            isComplete: isSearchIndexComplete(db),
          }
        : null,
    [db, isIndexReady, version, deferred, planId, scope],
  );
}
