import { hrefFor } from '../app/router';
import { PageTabs } from '../components/page-tabs';
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
    <PageTabs
      className="review-nav"
      label="This plan"
      before={[{ key: 'all', href: '#/plan', label: 'All plans' }]}
      tabs={pages.map((entry) => ({
        key: entry.page,
        href: hrefFor(entry.path, { plan: planId }),
        label: entry.label,
        isCurrent: entry.page === current,
      }))}
    >
      {isSample ? (
        <p className="sample-note">
          <SampleTag /> This plan is invented: the sample bundled with Oversight to try it out.
        </p>
      ) : null}
    </PageTabs>
  );
}
