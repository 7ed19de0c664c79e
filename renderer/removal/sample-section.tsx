import { useState } from 'react';
import { useServices } from '../app/context';
import { plural } from '../format';
import { hasSample, removeSample, type SampleHoldings } from './sample';
import { useSample } from './sample-tag';

/** Settings: remove the first-run sample (plan, pack, meeting and board) with one command. */
export function SampleSection() {
  const { db } = useServices();
  const sample = useSample();
  const [isConfirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
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
          {isConfirming ? (
            <div className="confirm" role="group" aria-label="Confirm removing the sample">
              <p>Remove the sample from this laptop? This cannot be undone.</p>
              <div className="button-row">
                <button
                  type="button"
                  className="danger"
                  onClick={() => {
                    setConfirming(false);
                    setError(null);
                    void removeSample(db).then(
                      () => setMessage('The sample was removed.'),
                      (caught: unknown) =>
                        setError(
                          `The sample was not removed, and nothing was changed: ${caught instanceof Error ? caught.message : String(caught)}`,
                        ),
                    );
                  }}
                >
                  Remove the sample
                </button>
                <button type="button" className="secondary" onClick={() => setConfirming(false)}>
                  Keep it
                </button>
              </div>
            </div>
          ) : (
            <div className="button-row">
              <button type="button" className="secondary" onClick={() => setConfirming(true)}>
                Remove the sample…
              </button>
            </div>
          )}
        </>
      ) : null}
      <div aria-live="polite">{message ? <p>{message}</p> : null}</div>
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
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
