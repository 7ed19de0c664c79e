import { formatBytes } from '../format';
import type { SyncProgress } from '../plan/sync-controller';

/** Reading or checking a large file: a real progress bar with the amount, not a spinner. */
export function ProgressBar({ progress }: { progress: SyncProgress }) {
  const label = progress.phase === 'reading' ? `Reading ${progress.fileName}` : `Checking ${progress.fileName}`;
  return (
    <div className="progress" data-testid="sync-progress">
      <label htmlFor="sync-progress-bar">{label}</label>
      <progress id="sync-progress-bar" max={progress.total || 1} value={progress.phase === 'reading' ? progress.loaded : undefined}>
        {formatBytes(progress.loaded)} of {formatBytes(progress.total)}
      </progress>
      <span className="progress-amount">
        {formatBytes(progress.loaded)} of {formatBytes(progress.total)}
      </span>
    </div>
  );
}
