import { hrefFor } from '../app/router';
import { SampleTag } from '../components/sample-tag';
import { useSamplePlanIds } from '../hooks/use-sample';

type Page = 'dashboard' | 'actions' | 'partners' | 'measures' | 'voice' | 'assurance' | 'changes';

/** Links between a plan's review pages, with the current one marked. */
export function PlanReviewNav({ planId, current }: { planId: string; current: Page | null }) {
  const pages: Array<{ page: Page; path: string; label: string }> = [
    { page: 'dashboard', path: '/plan/dashboard', label: 'Dashboard' },
    { page: 'actions', path: '/plan/actions', label: 'Actions' },
    { page: 'partners', path: '/plan/partners', label: 'By partner' },
    { page: 'measures', path: '/plan/measures', label: 'Measures' },
    { page: 'voice', path: '/plan/voice', label: 'Families’ voice' },
    { page: 'assurance', path: '/plan/assurance', label: 'Assurance views' },
    { page: 'changes', path: '/plan/changes', label: 'What changed' },
  ];
  const isSample = useSamplePlanIds()?.has(planId) === true;
  return (
    <nav className="review-nav" aria-label="This plan">
      <ul>
        <li>
          <a href="#/plan">All plans</a>
        </li>
        {pages.map((entry) => (
          <li key={entry.page}>
            <a href={hrefFor(entry.path, { plan: planId })} aria-current={entry.page === current ? 'page' : undefined}>
              {entry.label}
            </a>
          </li>
        ))}
      </ul>
      {isSample ? (
        <p className="sample-note">
          <SampleTag /> This plan is invented: the sample bundled with Oversight to try it out.
        </p>
      ) : null}
    </nav>
  );
}
