import type { MeetingVerdict } from '../../shared/meetings/approval';

/** Whether an approved record's hash chain checks out; names the first broken record when it does not. */
export function VerifiedBadge({ verdict }: { verdict: MeetingVerdict | undefined }) {
  if (verdict === undefined) {
    return (
      <p className="verified verified-checking" role="status">
        Checking the record…
      </p>
    );
  }
  if (verdict.status === 'draft') return null;
  if (verdict.status === 'intact') {
    return (
      <p className="verified verified-ok" role="status" data-testid="verified-badge">
        <span aria-hidden="true">✓</span> <strong>Verified:</strong> all {verdict.count} records are as approved.{' '}
        <span className="chain-head">
          Final hash <code>{verdict.head.slice(0, 16)}…</code>
        </span>
      </p>
    );
  }
  return (
    <p className="verified verified-broken" role="alert" data-testid="verified-badge">
      <span aria-hidden="true">✖</span> <strong>Record broken at record {verdict.seq}</strong>, {verdict.label}: {verdict.reason}.
    </p>
  );
}
