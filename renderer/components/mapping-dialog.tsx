import { useId, useState, type FormEvent } from 'react';
import type { ImportOutcome } from '../../shared/ipc/contract';
import { Dialog } from './dialog';
import { TRACKER_FIELDS, TRACKER_FIELD_LABELS, type TrackerField, type TrackerMapping } from '../../shared/tracker/mapping';

type NeedsMapping = Extract<ImportOutcome, { status: 'needs-mapping' }>;

/**
 * Confirms, once per tracker, which column holds what. Shows the sheet's first rows beside the
 * suggested mapping; a native modal dialog keeps focus inside and closes with Escape.
 */
export function MappingDialog({
  fileName,
  outcome,
  onConfirm,
  onCancel,
}: {
  fileName: string;
  outcome: NeedsMapping;
  onConfirm: (mapping: TrackerMapping, remember: boolean) => void;
  onCancel: () => void;
}) {
  const titleId = useId();
  const [mapping, setMapping] = useState<TrackerMapping>(outcome.mapping);
  const [remember, setRemember] = useState(true);

  const mappedFields = new Set(Object.values(mapping.columns));
  const isMissingEssentials = !mappedFields.has('ref') || !mappedFields.has('title');

  function setColumn(heading: string, field: TrackerField) {
    setMapping((current) => ({ ...current, columns: { ...current.columns, [heading]: field } }));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (isMissingEssentials) return;
    onConfirm(mapping, remember);
  }

  return (
    <Dialog className="mapping-dialog" title={`Confirm the columns of ${fileName}`} titleId={titleId} onCancel={onCancel}>
      <form onSubmit={submit}>
        <p>Oversight has guessed what each column holds from its heading. Check the guesses against the first rows, then import.</p>
        <div className="form-grid">
          <label htmlFor={`${titleId}-title`}>Plan title</label>
          <input
            id={`${titleId}-title`}
            value={mapping.planTitle}
            required
            maxLength={300}
            onChange={(event) => setMapping({ ...mapping, planTitle: event.target.value })}
          />
          <label htmlFor={`${titleId}-area`}>Local area</label>
          <input
            id={`${titleId}-area`}
            value={mapping.localArea}
            required
            maxLength={200}
            onChange={(event) => setMapping({ ...mapping, localArea: event.target.value })}
          />
        </div>
        <div className="table-scroll">
          <table className="data-table mapping-table">
            <caption>Columns and the first rows of the sheet</caption>
            <thead>
              <tr>
                <th scope="col">Column heading</th>
                <th scope="col">Holds</th>
                <th scope="col">First rows</th>
              </tr>
            </thead>
            <tbody>
              {outcome.headings.map((heading, column) => {
                const selectId = `${titleId}-column-${column}`;
                return (
                  <tr key={`${heading}-${column}`}>
                    <th scope="row">
                      <label htmlFor={selectId}>{heading || `(column ${column + 1}, no heading)`}</label>
                    </th>
                    <td>
                      <select
                        id={selectId}
                        value={mapping.columns[heading] ?? 'ignore'}
                        onChange={(event) => setColumn(heading, event.target.value as TrackerField)}
                      >
                        {TRACKER_FIELDS.map((field) => (
                          <option key={field} value={field}>
                            {TRACKER_FIELD_LABELS[field]}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td className="sample-cells">
                      {outcome.sampleRows
                        .map((row) => row[column] ?? '')
                        .filter((cell) => cell !== '')
                        .slice(0, 3)
                        .map((cell, index) => (
                          <span key={index} className="sample-cell">
                            {cell.length > 80 ? `${cell.slice(0, 80)}…` : cell}
                          </span>
                        ))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {isMissingEssentials ? (
          <p className="error-text" role="alert">
            Choose the column that holds the action reference and the one that holds the action title.
          </p>
        ) : null}
        <p>
          <input id={`${titleId}-remember`} type="checkbox" checked={remember} onChange={(event) => setRemember(event.target.checked)} />{' '}
          <label htmlFor={`${titleId}-remember`}>Remember these columns for trackers with the same headings</label>
        </p>
        <div className="button-row">
          <button type="submit" disabled={isMissingEssentials}>
            Import
          </button>
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
