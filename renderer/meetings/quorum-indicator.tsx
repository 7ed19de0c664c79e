import { describeQuorum, type QuorumState } from '../../shared/meetings/quorum';

/** The meeting's quorum in words and colour, with a sign so colour is never the only signal. */
export function QuorumIndicator({ state, itemLabel }: { state: QuorumState; itemLabel: string }) {
  return (
    <p className={`quorum ${state.isQuorate ? 'quorum-ok' : 'quorum-not'}`} data-testid="quorum" role="status">
      <span className="quorum-sign" aria-hidden="true">
        {state.isQuorate ? '✓' : '!'}
      </span>
      <span>
        <strong>{describeQuorum(state)}</strong> <span className="quorum-where">for {itemLabel}</span>
        {state.leftForInterest.length > 0 ? (
          <span className="quorum-where">; left for an interest: {state.leftForInterest.join(', ')}</span>
        ) : null}
      </span>
    </p>
  );
}
