import { useState, type ReactNode } from 'react';
import type { SavedFile } from '../../shared/ipc/contract';
import { useServices } from '../app/context';
import { plural } from '../format';
import { SavedLine, savedSentence } from '../components/saved-notice';
import { buildAnnotationsFile } from './annotation-repository';
import { useMyAnnotations, useProfile } from './use-annotations';

type Outcome = { text: string; saved?: SavedFile };

/**
 * Saving the member's shared annotations to a file for the clerk or other members: in Notes and
 * in Exports. Private notes never go into it; notes on exempt papers only when ticked.
 */
export function ShareAnnotations({ children }: { children?: ReactNode }) {
  const { db, api } = useServices();
  const profile = useProfile();
  const mine = useMyAnnotations(profile?.id);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [includeExempt, setIncludeExempt] = useState(false);

  async function exportShared() {
    if (!profile) return;
    const file = await buildAnnotationsFile(db, profile, new Date(), { includeExempt });
    const date = new Date().toISOString().slice(0, 10);
    const reply = await api.call('annotations:export', {
      file,
      suggestedName: `${profile.displayName} annotations ${date}.annotations.json`,
    });
    if (!reply.ok) setOutcome({ text: reply.error.message });
    else if (reply.value.saved) {
      const live = file.annotations.filter((entry) => !entry.deleted).length;
      setOutcome({
        text: `${savedSentence(reply.value)} It holds ${plural(live, 'shared annotation')}; private notes were not included.`,
        saved: reply.value,
      });
    } else setOutcome({ text: 'Nothing was saved.' });
  }

  if (!profile) return <p className="empty-state">Set up your profile in Settings to write and share notes.</p>;
  const sharedCount = (mine ?? []).filter((record) => record.visibility === 'shared').length;
  return (
    <>
      <p>
        Export your {plural(sharedCount, 'shared annotation')} to a file for the clerk or other members. Private notes never leave this
        laptop.
      </p>
      <p>
        <label>
          <input type="checkbox" checked={includeExempt} onChange={(event) => setIncludeExempt(event.target.checked)} /> Include my notes on
          exempt papers (left out unless you tick this)
        </label>
      </p>
      <div className="button-row">
        <button type="button" onClick={() => void exportShared()}>
          Export my shared annotations…
        </button>
        {children}
      </div>
      <div aria-live="polite">{outcome ? <SavedLine text={outcome.text} saved={outcome.saved} /> : null}</div>
    </>
  );
}
