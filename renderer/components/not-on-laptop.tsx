import { hrefFor } from '../app/router';
import { ViewTitle } from './view-title';

// A link can name a plan, action or meeting this laptop does not hold (a link from another
// member's export, or one removed since): every view says so the same way, with a way back.

const WAY_BACK = {
  plan: { path: '/plan', label: 'plans' },
  action: { path: '/plan', label: 'plans' },
  meeting: { path: '/meetings', label: 'meetings' },
} as const;

/** "That plan is not on this laptop", with a link back to the list; under the view's title when one is given. */
export function NotOnThisLaptop({ thing, title }: { thing: keyof typeof WAY_BACK; title?: string }) {
  const back = WAY_BACK[thing];
  const note = (
    <p className="empty-state">
      That {thing} is not on this laptop. Go back to the <a href={hrefFor(back.path)}>{back.label}</a>.
    </p>
  );
  if (title === undefined) return note;
  return (
    <>
      <ViewTitle>{title}</ViewTitle>
      {note}
    </>
  );
}
