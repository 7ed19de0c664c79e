import { useState } from 'react';
import { useServices } from '../app/context';
import { hrefFor } from '../app/router';
import { MappingDialog } from '../components/mapping-dialog';
import { ProblemList } from '../components/problem-list';
import { ProgressBar } from '../components/progress-bar';
import { formatBytes, formatDate, formatDateTime, plural } from '../format';
import { useImports, useSyncState } from '../hooks/use-plan-data';
import type { SyncEntry } from '../plan/sync-controller';
import { DataTable } from '../components/data-table';
import { ViewTitle } from '../components/view-title';

const SOURCE_LABELS = {
  inbox: 'Inbox folder',
  dialog: 'Import dialog',
  drop: 'Dropped file',
  sample: 'Sample plan',
  board: 'Board folder',
} as const;

/** Importing plan files: the dialog, the inbox, drops, progress, this session's outcomes and the import log. */
export function ImportsView() {
  const { sync } = useServices();
  const state = useSyncState();
  const imports = useImports();
  const [mappingEntry, setMappingEntry] = useState<SyncEntry | null>(null);

  return (
    <section aria-labelledby="view-title">
      <ViewTitle>Imports</ViewTitle>
      <p>
        Import plan files (<code>.plan.json</code>), spreadsheet trackers (<code>.csv</code>, <code>.xlsx</code>), meeting packs (
        <code>.zip</code>, <code>.pack.json</code> or a pack folder) and members’ annotation files (<code>.annotations.json</code>). Files
        saved into the inbox folder are imported automatically; you can also drop files anywhere on this window.
      </p>
      <div className="button-row">
        <button type="button" onClick={() => void sync.openDialog()} disabled={state.isBusy}>
          Import files…
        </button>
        <button type="button" className="secondary" onClick={() => void sync.scanInbox()} disabled={state.isBusy}>
          Check the inbox now
        </button>
      </div>
      <div aria-live="polite">{state.progress ? <ProgressBar progress={state.progress} onCancel={() => sync.cancelImport()} /> : null}</div>

      {state.entries.length > 0 ? (
        <>
          <h2>This session</h2>
          <ul className="sync-entries" aria-label="Files handled this session">
            {state.entries.map((entry) => (
              <SessionEntry
                key={entry.id}
                entry={entry}
                onConfirmColumns={() => setMappingEntry(entry)}
                onDismiss={() => sync.dismiss(entry.id)}
              />
            ))}
          </ul>
        </>
      ) : null}

      <h2>Import log</h2>
      <DataTable
        caption="Every plan file imported on this laptop, newest first"
        isCaptionHidden
        columns={['Imported', 'File', 'From', 'Plan', 'Revision', 'Changes']}
        rows={imports}
        empty="Nothing has been imported yet."
      >
        {(record) => (
          <tr key={record.id}>
            <td>{formatDateTime(record.at)}</td>
            <td>
              <span className="file-name">{record.fileName}</span>
              <span className="muted"> ({formatBytes(record.size)})</span>
            </td>
            <td>{SOURCE_LABELS[record.source]}</td>
            <td>{record.planTitle}</td>
            <td>{record.previousRevision === null ? `${record.revision} (first)` : `${record.previousRevision} → ${record.revision}`}</td>
            <td>
              <a href={hrefFor('/plan/changes', { plan: record.planId, import: record.id })}>
                {summaryText(record.summary, record.previousRevision === null)}
              </a>
              {record.warnings.length > 0 ? <span className="muted"> · {plural(record.warnings.length, 'warning')}</span> : null}
            </td>
          </tr>
        )}
      </DataTable>

      {mappingEntry?.candidate && mappingEntry.candidate.outcome.status === 'needs-mapping' ? (
        <MappingDialog
          fileName={mappingEntry.candidate.fileName}
          outcome={mappingEntry.candidate.outcome}
          onCancel={() => setMappingEntry(null)}
          onConfirm={(mapping, remember) => {
            const token = mappingEntry.candidate?.token;
            setMappingEntry(null);
            if (token) void sync.applyMapping(token, mapping, remember);
          }}
        />
      ) : null}
    </section>
  );
}

function summaryText(summary: { added: number; changed: number; archived: number; restored: number }, isFirst: boolean): string {
  if (isFirst) return `${plural(summary.added, 'item')} added`;
  const parts = [
    summary.changed > 0 ? `${formatCount(summary.changed)} changed` : '',
    summary.added > 0 ? `${formatCount(summary.added)} added` : '',
    summary.archived > 0 ? `${formatCount(summary.archived)} removed` : '',
    summary.restored > 0 ? `${formatCount(summary.restored)} restored` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'No changes';
}

function formatCount(count: number): string {
  return count.toLocaleString('en-GB');
}

function SessionEntry({ entry, onConfirmColumns, onDismiss }: { entry: SyncEntry; onConfirmColumns: () => void; onDismiss: () => void }) {
  const { outcome } = entry;
  const name = entry.fileName || 'Import';
  switch (outcome.status) {
    case 'imported':
      return (
        <li className="entry entry-ok">
          <strong>{name}</strong>: imported {outcome.planTitle}, revision {outcome.revision}.{' '}
          <a href={hrefFor('/plan/changes', { plan: outcome.planId, import: outcome.importId })}>See what changed</a>
        </li>
      );
    case 'up-to-date':
      return (
        <li className="entry entry-info">
          <strong>{name}</strong>: {outcome.message}
        </li>
      );
    case 'refused':
      return (
        <li className="entry entry-error">
          <strong>{name}</strong>: {outcome.message}
        </li>
      );
    case 'invalid':
      return (
        <li className="entry entry-error">
          <strong>{name}</strong> was not imported: {plural(outcome.errors.length, 'problem')} must be fixed in the file. Nothing was
          changed.
          <ProblemList problems={outcome.errors} kind="error" />
          {outcome.warnings.length > 0 ? (
            <details>
              <summary>{plural(outcome.warnings.length, 'warning')}</summary>
              <ProblemList problems={outcome.warnings} kind="warning" />
            </details>
          ) : null}
        </li>
      );
    case 'needs-mapping':
      return (
        <li className="entry entry-info">
          <strong>{name}</strong> is a spreadsheet tracker. Confirm which column holds what, once, and Oversight will remember it for this
          tracker.
          <div className="button-row">
            <button type="button" onClick={onConfirmColumns}>
              Confirm columns…
            </button>
            <button type="button" className="secondary" onClick={onDismiss}>
              Not now
            </button>
          </div>
        </li>
      );
    case 'merged':
      return (
        <li className={`entry ${outcome.rejected.length > 0 ? 'entry-error' : 'entry-ok'}`}>
          <strong>{name}</strong>: {outcome.authorName}’s shared annotations merged: {plural(outcome.inserted, 'new annotation')},{' '}
          {plural(outcome.updated, 'update')}
          {outcome.skipped > 0 ? `, ${plural(outcome.skipped, 'already up to date', 'already up to date')}` : ''}.
          {outcome.rejected.length > 0 ? (
            <ProblemList
              kind="error"
              problems={outcome.rejected.map((rejection) => ({ path: rejection.id, message: `Not merged: ${rejection.reason}.` }))}
            />
          ) : null}
        </li>
      );
    case 'pack-stored':
      return (
        <li className="entry entry-ok">
          <strong>{name}</strong>: papers for {outcome.meetingTitle} on {formatDate(outcome.meetingDate)}:{' '}
          {plural(outcome.added, 'new paper')}
          {outcome.reissued > 0 ? `, ${plural(outcome.reissued, 'reissued paper')}` : ''}
          {outcome.alreadyHeld > 0 ? `, ${plural(outcome.alreadyHeld, 'paper')} already here` : ''}.{' '}
          <a href={hrefFor('/papers', { meeting: outcome.meetingId })}>Read the papers</a>
          {outcome.warnings.length > 0 ? <ProblemList problems={outcome.warnings} kind="warning" /> : null}
        </li>
      );
    case 'answers-recorded':
      return (
        <li className={`entry ${outcome.problems.length > 0 ? 'entry-error' : 'entry-ok'}`}>
          <strong>{name}</strong>: officers’ answers: {plural(outcome.recorded, 'answer')} recorded
          {outcome.replaced > 0 ? ` (${plural(outcome.replaced, 'earlier answer')} replaced)` : ''}
          {outcome.unchanged > 0 ? `, ${plural(outcome.unchanged, 'answer')} already recorded` : ''}
          {outcome.unanswered > 0 ? `, ${plural(outcome.unanswered, 'question')} not yet answered` : ''}.
          {outcome.problems.length > 0 ? (
            <>
              {' '}
              {plural(outcome.problems.length, 'row')} could not be matched to a question and{' '}
              {outcome.problems.length === 1 ? 'was' : 'were'} not recorded:
              <ProblemList problems={outcome.problems} kind="error" />
            </>
          ) : null}
          {outcome.warnings.length > 0 ? <ProblemList problems={outcome.warnings} kind="warning" /> : null}
        </li>
      );
    case 'pack-refused':
      return (
        <li className="entry entry-error">
          <strong>{name}</strong>: {outcome.message}
        </li>
      );
    case 'error':
      return (
        <li className="entry entry-error">
          {/* The alert inside the item: role="alert" on the <li> itself would take it out of the list. */}
          <span role="alert">
            {entry.fileName ? <strong>{entry.fileName}: </strong> : null}
            {outcome.message}
          </span>
        </li>
      );
  }
}
