import { useEffect, useState } from 'react';
import { useServices } from '../app/context';
import type { OversightDatabase } from '../db/database';
import { formatDateTime } from '../format';
import { takeRestoreOutcome } from './backup-store';

// Said once at start after a restore: that it finished (the page reloads onto the restored
// store, or the app was stopped just after it committed), or that it was cut short and nothing
// of it was stored.

type Outcome = Awaited<ReturnType<typeof takeRestoreOutcome>>;

// Read once per page: the marks are deleted as they are read.
let taken: Promise<Outcome> | null = null;
function outcomeOnce(db: OversightDatabase): Promise<Outcome> {
  taken ??= takeRestoreOutcome(db).catch(() => null);
  return taken;
}

export function RestoreOutcomeNotice() {
  const { db } = useServices();
  const [outcome, setOutcome] = useState<Outcome>(null);

  useEffect(() => {
    let isCurrent = true;
    void outcomeOnce(db).then((value) => {
      if (isCurrent) setOutcome(value);
    });
    return () => {
      isCurrent = false;
    };
  }, [db]);

  if (!outcome) return null;
  const made = formatDateTime(outcome.backup.createdAt);
  return (
    <section className="start-notices" aria-label="Restore">
      <div className="notice" role="status" data-testid="restore-outcome" data-outcome={outcome.outcome}>
        <p>
          {outcome.outcome === 'restored'
            ? `The backup made ${made} (${outcome.backup.fileName}) was restored in full: this laptop now holds what it held then.`
            : `Oversight stopped while it was restoring the backup made ${made} (${outcome.backup.fileName}). Nothing of it was restored: this laptop’s data is as it was before. Restore it again from Settings → Backups.`}
        </p>
        <button type="button" className="secondary small" onClick={() => setOutcome(null)}>
          Dismiss
        </button>
      </div>
    </section>
  );
}
