import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useServices } from '../app/context';
import { plural } from '../format';
import {
  applyPapersRetention,
  getPapersRetention,
  meetingsWithExpiredPapers,
  RETENTION_MONTHS,
  setPapersRetention,
} from './papers-retention';
import { ConfirmBox } from '../components/confirm-action';

/** Settings: remove the papers of meetings older than a number of months (off by default). */
export function PapersRetentionSection() {
  const { db } = useServices();
  const retention = useLiveQuery(() => getPapersRetention(db), [db]);
  // A shorter period that would remove papers now waits for the member to confirm.
  const [pending, setPending] = useState<{ months: number; meetings: number } | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  async function apply(months: number) {
    await setPapersRetention(db, { months });
    const removed = await applyPapersRetention(db);
    setMessage(removed.meetings > 0 ? `Removed the papers of ${plural(removed.meetings, 'meeting')}.` : 'Saved.');
  }

  async function choose(value: string) {
    setMessage(null);
    setPending(null);
    if (value === '') {
      await setPapersRetention(db, { months: null });
      setMessage('Saved. Papers are kept until you remove them.');
      return;
    }
    const months = Number(value);
    const due = await meetingsWithExpiredPapers(db, months, new Date());
    if (due.length > 0) setPending({ months, meetings: due.length });
    else await apply(months);
  }

  return (
    <section aria-labelledby="papers-retention-title">
      <h2 id="papers-retention-title">Old board papers</h2>
      <p>
        Papers can hold information about children and families. Some boards keep them for six months. Removing a meeting’s papers removes
        its packs and your highlights on them; its agenda and minutes stay.
      </p>
      <p>
        <label htmlFor="papers-retention">Remove the papers of meetings held more than</label>{' '}
        <select
          id="papers-retention"
          value={pending ? String(pending.months) : String(retention?.months ?? '')}
          disabled={retention === undefined}
          onChange={(event) => void choose(event.target.value)}
        >
          <option value="">never (keep them)</option>
          {RETENTION_MONTHS.map((months) => (
            <option key={months} value={String(months)}>
              {months} months ago
            </option>
          ))}
        </select>
      </p>
      {pending ? (
        <ConfirmBox
          label="Confirm removing old papers"
          question={`This removes the papers of ${plural(pending.meetings, 'meeting')} held more than ${pending.months} months ago from this laptop now. This cannot be undone.`}
          confirmLabel="Remove them"
          keepLabel="Cancel"
          onConfirm={() => {
            const { months } = pending;
            setPending(null);
            void apply(months);
          }}
          onKeep={() => setPending(null)}
        />
      ) : null}
      <div aria-live="polite">{message ? <p>{message}</p> : null}</div>
    </section>
  );
}
