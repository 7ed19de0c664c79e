import { useState } from 'react';
import { ConfirmAction, OutcomeRegion, type Outcome } from '../components/confirm-action';
import { useServices } from '../app/context';
import { plural } from '../format';
import { hasSample, removeSample, type SampleHoldings } from './sample';
import { useSample } from './sample-tag';

/** Settings: remove the first-run sample (plan, pack, meeting and board) with one command. */
export function SampleSection() {
  const { db } = useServices();
  const sample = useSample();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  return (
    <section aria-labelledby="sample-title">
      <h2 id="sample-title">The sample</h2>
      {sample === undefined ? <p>Loading…</p> : null}
      {sample && !hasSample(sample) ? <p>There is no sample on this laptop.</p> : null}
      {sample && hasSample(sample) ? (
        <>
          <p>
            The sample is invented, for trying Oversight: {describe(sample)}. It is labelled “Sample” wherever it shows. Removing it removes
            your notes on it too; your own plans, meetings and papers stay.
          </p>
          <ConfirmAction
            label="Remove the sample…"
            groupLabel="Confirm removing the sample"
            question="Remove the sample from this laptop? This cannot be undone."
            confirmLabel="Remove the sample"
            onConfirm={async () => {
              await removeSample(db);
              return 'The sample was removed.';
            }}
            failure={(reason) => `The sample was not removed, and nothing was changed: ${reason}`}
            onOutcome={setOutcome}
          />
        </>
      ) : null}
      <OutcomeRegion
        message={outcome && 'message' in outcome ? outcome.message : null}
        error={outcome && 'error' in outcome ? outcome.error : null}
      />
    </section>
  );
}

/** The parts of the sample held, in words. */
function describe(sample: SampleHoldings): string {
  const parts = [
    sample.planIds.length === 1 ? 'a plan' : sample.planIds.length > 1 ? plural(sample.planIds.length, 'plan') : '',
    sample.packMeetingIds.length > 0 ? 'a meeting pack with its papers' : '',
    sample.meetingIds.length > 0 ? 'a meeting' : '',
    sample.hasBoard ? 'a board register' : '',
  ].filter((part) => part !== '');
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) ?? ''}` : (parts[0] ?? '');
}
