import { formatBytes, formatNumber } from '../format';
import type { SyncProgress } from '../plan/sync-controller';

/**
 * Reading, checking or storing a large file: a real progress bar with the amount, not a spinner.
 * While a plan is being stored it can be cancelled (nothing from it is then kept).
 */
export function ProgressBar({ progress, onCancel }: { progress: SyncProgress; onCancel?: () => void }) {
  const isStoring = progress.phase === 'storing';
  const label = isStoring
    ? `Storing ${progress.fileName}`
    : progress.phase === 'reading'
      ? `Reading ${progress.fileName}`
      : `Checking ${progress.fileName}`;
  const amount = isStoring
    ? `${formatNumber(progress.loaded)} of ${formatNumber(progress.total)} records`
    : `${formatBytes(progress.loaded)} of ${formatBytes(progress.total)}`;
  return (
    <div className="progress" data-testid="sync-progress">
      <label htmlFor="sync-progress-bar">{label}</label>
      <progress
        id="sync-progress-bar"
        max={progress.total || 1}
        value={progress.phase === 'reading' || isStoring ? progress.loaded : undefined}
      >
        {amount}
      </progress>
      <span className="progress-amount">{amount}</span>
      {isStoring && onCancel ? (
        <button type="button" className="secondary small" onClick={onCancel}>
          Cancel import
        </button>
      ) : null}
    </div>
  );
}
