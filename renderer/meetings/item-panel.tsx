import { quorumFor } from './meeting-model';
import { ActionsArising } from './actions-arising-panel';
import { Decisions } from './decisions-panel';
import { Declarations } from './declarations-panel';
import type { ItemProps } from './item-parts';
import { Judgements } from './judgements-panel';
import { Notes } from './notes-panel';
import { StatusTag } from '../components/status-tag';

// One agenda item, live. Each kind of record has its panel in a file of its own
// (declarations-panel.tsx, notes-panel.tsx, decisions-panel.tsx, judgements-panel.tsx,
// actions-arising-panel.tsx), built from the parts in item-parts.tsx.

/** One agenda item, live: declarations, notes, decisions and votes, assurance judgements, actions arising. */
export function ItemPanel(props: ItemProps) {
  const { meeting, item, records, terms, targets } = props;
  const quorum = quorumFor(terms, meeting, records, item.id);
  const hasAttendance = records.some((record) => record.kind === 'attendance');
  const linkLabel = (kind: string, id: string) =>
    targets.find((target) => target.kind === kind && target.id === id)?.label ?? `${kind === 'area' ? 'Area' : 'Action'} ${id}`;
  return (
    <section aria-labelledby="item-title" className={item.isExempt ? 'item-panel is-exempt' : 'item-panel'}>
      <h2 id="item-title" tabIndex={-1}>
        Item {item.number}: <span dir="auto">{item.title}</span>
      </h2>
      <p className="item-tags">
        {item.isExempt ? <span className="exempt-tag">Exempt: confidential, kept out of published exports</span> : null}
        {item.isDecisionRequired ? <StatusTag tone="draft">Decision required</StatusTag> : null}
        {item.presenter ? <span className="muted">Presented by the {item.presenter}</span> : null}
      </p>
      {item.links.length > 0 ? <p className="muted">Plan: {item.links.map((link) => linkLabel(link.kind, link.id)).join('; ')}</p> : null}
      {hasAttendance && !quorum.isQuorate ? (
        <p className="warning" role="alert">
          The meeting is not quorate for this item: a vote cannot be taken, and decisions may need to be deferred.
        </p>
      ) : null}
      <Declarations {...props} />
      <Notes {...props} />
      <Decisions {...props} quorum={quorum} />
      <Judgements {...props} />
      <ActionsArising {...props} />
    </section>
  );
}
