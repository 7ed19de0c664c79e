import { useState } from 'react';
import type { SearchKind } from '../../shared/plan-review/search-documents';
import { hrefFor } from '../app/router';
import { formatNumber, formatPeriod, plural } from '../format';
import { usePlans } from '../hooks/use-plan-data';
import { BoardSwitcher } from '../meetings/board-switcher';
import { Highlight } from './highlight';
import type { SearchHit } from './search-index';
import { useSearchResults } from './use-search';
import '../plan-review/plan-review.css';
import '../papers/papers.css';
import { ViewTitle } from '../components/view-title';

const GROUP_TITLES: Record<SearchKind, string> = {
  action: 'Actions',
  update: 'Progress updates',
  measure: 'Measures',
  area: 'Areas',
  risk: 'Risks',
  annotation: 'Annotations',
  paper: 'Board papers',
};

/** Where a search result leads. */
export function hitHref(hit: SearchHit): string {
  const plan = hit.planId;
  switch (hit.targetKind) {
    case 'action':
      return hrefFor('/plan/action', { plan, id: hit.targetId, update: hit.kind === 'update' ? hit.period : undefined });
    case 'measure':
      return hrefFor('/plan/measures', { plan, measure: hit.targetId });
    case 'area':
      return hrefFor('/plan/actions', { plan, area: hit.targetId });
    case 'risk':
      return hrefFor('/plan/actions', { plan, risk: hit.targetId });
    case 'paper':
      // A paper's document sits under its meeting: `planId` is the meeting's id.
      return hrefFor('/papers/paper', { meeting: hit.planId, paper: hit.targetId, page: hit.page });
    default:
      return hrefFor('/plan/dashboard', { plan });
  }
}

/** Search over the open board's plans' actions, updates, measures, areas, risks and annotations, and board papers, as you type. */
export function SearchView({ params }: { params: URLSearchParams }) {
  const routeQuery = params.get('q') ?? '';
  const [query, setQuery] = useState(routeQuery);
  const [lastRouteQuery, setLastRouteQuery] = useState(routeQuery);
  // A new search from the shell's box arrives as a new address: take its words.
  if (routeQuery !== lastRouteQuery) {
    setLastRouteQuery(routeQuery);
    setQuery(routeQuery);
  }
  const results = useSearchResults(query);
  const plans = usePlans();
  const planTitles = new Map((plans ?? []).map((plan) => [plan.id, plan.header.title]));
  const isManyPlans = planTitles.size > 1;

  return (
    <>
      <ViewTitle>Search</ViewTitle>
      <BoardSwitcher />
      <form role="search" aria-label="Search everything" className="search-page-form" onSubmit={(event) => event.preventDefault()}>
        <label htmlFor="search-page-input">Search actions, progress updates, measures, areas, risks, annotations and board papers</label>
        <input
          id="search-page-input"
          type="search"
          value={query}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => {
            setQuery(event.target.value);
            // The words typed go in the address (without a history entry per key), so Back returns
            // to these results. Written here, not after rendering: a view still showing an older
            // address would write it back over a newer one (a link followed as the app opened).
            window.history.replaceState(null, '', hrefFor('/search', { q: event.target.value || undefined }));
          }}
        />
      </form>
      <p role="status" className="result-count" data-testid="search-status">
        {results === null
          ? 'Getting the search index ready…'
          : results.query.length < 2
            ? 'Type at least two letters. Misspellings and the start of a word are found too.'
            : results.total === 0
              ? `Nothing found for “${results.query}”.`
              : `${plural(results.total, 'result')} for “${results.query}”.`}
        {results && !results.isComplete ? ' Still loading annotations and papers: more results may appear.' : ''}
      </p>
      {results?.groups.map((group) => (
        <section key={group.kind} className="search-group" aria-labelledby={`search-group-${group.kind}`}>
          <h2 id={`search-group-${group.kind}`}>
            {GROUP_TITLES[group.kind]} ({formatNumber(group.total)})
          </h2>
          <ol className="search-hits">
            {group.hits.map((hit) => (
              <li key={hit.id} className="search-hit">
                <a href={hitHref(hit)}>{hit.context ? hit.context : <Highlight text={hit.label} terms={hit.terms} />}</a>
                {hit.kind === 'update' && hit.period ? <span className="muted"> · update for {formatPeriod(hit.period)}</span> : null}
                {hit.kind === 'paper' && hit.isExempt ? <span className="exempt-badge">Exempt</span> : null}
                {isManyPlans && hit.kind !== 'paper' ? (
                  <span className="muted">
                    {' '}
                    · <span dir="auto">{planTitles.get(hit.planId) ?? hit.planId}</span>
                  </span>
                ) : null}
                {hit.snippet ? (
                  <p className="search-snippet">
                    <Highlight text={hit.snippet} terms={hit.terms} />
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
          {group.total > group.hits.length ? (
            <p className="muted">
              Showing the best {group.hits.length} of {formatNumber(group.total)}: add a word to narrow the search.
            </p>
          ) : null}
        </section>
      ))}
    </>
  );
}
