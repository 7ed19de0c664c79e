import { useRef, useState, type KeyboardEvent } from 'react';
import type { DraftItem } from '../../shared/pack/make';
import type { Problem } from '../../shared/ipc/contract';

// The clerk's agenda table in "Make a pack": one row per agenda item, every cell editable, rows
// reordered with Move up / Move down or Alt+↑ / Alt+↓ from anywhere in the row (the move is
// announced, and focus stays on what the clerk was using).

/** A row of the table: the item and a key that stays with it when rows move. */
export type AgendaRow = { key: string; item: DraftItem };

/** A plan area or action an item can be linked to. */
export type LinkOption = { kind: 'area' | 'action'; id: string; label: string };

/** Schedule 12A to the Local Government Act 1972: the paragraphs that make an item exempt. */
export const SCHEDULE_12A_PARAGRAPHS: ReadonlyArray<{ paragraph: number; text: string }> = [
  { paragraph: 1, text: 'information about an individual' },
  { paragraph: 2, text: 'information likely to reveal who an individual is' },
  { paragraph: 3, text: 'financial or business affairs' },
  { paragraph: 4, text: 'labour relations consultations or negotiations' },
  { paragraph: 5, text: 'legal professional privilege' },
  { paragraph: 6, text: 'a notice, order or direction the council proposes' },
  { paragraph: 7, text: 'prevention, investigation or prosecution of crime' },
];

export type AgendaEditorProps = {
  rows: readonly AgendaRow[];
  onChange: (rows: AgendaRow[]) => void;
  linkOptions: readonly LinkOption[];
  /** Problems located at a row ("$.items[2].number"), shown beside it. */
  problems: readonly Problem[];
  onPreview: (row: AgendaRow) => void;
};

/** The editable agenda table. */
export function AgendaEditor({ rows, onChange, linkOptions, problems, onPreview }: AgendaEditorProps) {
  const [announcement, setAnnouncement] = useState('');
  const tableRef = useRef<HTMLTableElement>(null);

  const update = (index: number, change: Partial<DraftItem>) => {
    onChange(rows.map((row, at) => (at === index ? { ...row, item: { ...row.item, ...change } } : row)));
  };

  const move = (index: number, by: -1 | 1, focusSelector: string | null) => {
    const to = index + by;
    const row = rows[index];
    if (!row || to < 0 || to >= rows.length) return;
    const next = [...rows];
    next.splice(index, 1);
    next.splice(to, 0, row);
    onChange(next);
    setAnnouncement(`Item ${row.item.number || row.item.title} moved to position ${to + 1} of ${rows.length}.`);
    // Moving a row re-inserts its element, which loses focus in some browsers: focus it again.
    if (focusSelector) {
      requestAnimationFrame(() => {
        const target = tableRef.current?.querySelector<HTMLElement>(`tr[data-row="${row.key}"] ${focusSelector}`);
        target?.focus();
      });
    }
  };

  const onRowKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, index: number) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    const field = (event.target as HTMLElement).dataset.field;
    move(index, event.key === 'ArrowUp' ? -1 : 1, field ? `[data-field="${field}"]` : null);
  };

  const problemsAt = (index: number) => problems.filter((problem) => problem.path.startsWith(`$.items[${index}]`));

  return (
    <>
      <table className="data-table agenda-editor" ref={tableRef}>
        <caption>Agenda: edit any cell; move a row with its buttons or Alt+↑ and Alt+↓</caption>
        <thead>
          <tr>
            <th scope="col">No.</th>
            <th scope="col">Title</th>
            <th scope="col">Presenter (role)</th>
            <th scope="col">Decision required</th>
            <th scope="col">Exempt</th>
            <th scope="col">Plan links</th>
            <th scope="col">Paper</th>
            <th scope="col">Order</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const { item } = row;
            const name = item.number ? `item ${item.number}` : `row ${index + 1}`;
            const rowProblems = problemsAt(index);
            const problemId = `agenda-row-${row.key}-problems`;
            return (
              <tr key={row.key} data-row={row.key} onKeyDown={(event) => onRowKeyDown(event, index)}>
                <td>
                  <input
                    type="text"
                    data-field="number"
                    aria-label={`Agenda number, row ${index + 1}`}
                    value={item.number}
                    size={4}
                    maxLength={20}
                    aria-invalid={rowProblems.some((problem) => problem.path.endsWith('.number')) || undefined}
                    aria-describedby={rowProblems.length > 0 ? problemId : undefined}
                    onChange={(event) => update(index, { number: event.target.value })}
                  />
                </td>
                <td>
                  <input
                    type="text"
                    data-field="title"
                    aria-label={`Title, ${name}`}
                    value={item.title}
                    maxLength={500}
                    onChange={(event) => update(index, { title: event.target.value })}
                  />
                  {rowProblems.length > 0 ? (
                    <ul className="problems problems-error" id={problemId}>
                      {rowProblems.map((problem) => (
                        <li key={problem.path + problem.message}>{problem.message}</li>
                      ))}
                    </ul>
                  ) : null}
                </td>
                <td>
                  <input
                    type="text"
                    data-field="presenter"
                    aria-label={`Presenter, ${name}`}
                    value={item.presenter}
                    maxLength={300}
                    onChange={(event) => update(index, { presenter: event.target.value })}
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    data-field="decision"
                    aria-label={`Decision required, ${name}`}
                    checked={item.decisionRequired}
                    onChange={(event) => update(index, { decisionRequired: event.target.checked })}
                  />
                </td>
                <td>
                  <label className="inline-check">
                    <input
                      type="checkbox"
                      data-field="exempt"
                      checked={item.isExempt}
                      onChange={(event) => {
                        const { exemptParagraph: _dropped, ...rest } = item;
                        onChange(
                          rows.map((other, at) =>
                            at === index
                              ? { ...other, item: event.target.checked ? { ...item, isExempt: true } : { ...rest, isExempt: false } }
                              : other,
                          ),
                        );
                      }}
                    />
                    <span className="visually-hidden">{`Exempt, ${name}`}</span>
                  </label>
                  <select
                    data-field="paragraph"
                    aria-label={`Schedule 12A paragraph, ${name}`}
                    disabled={!item.isExempt}
                    value={item.exemptParagraph ?? ''}
                    onChange={(event) => {
                      const { exemptParagraph: _dropped, ...rest } = item;
                      const value = Number(event.target.value);
                      onChange(
                        rows.map((other, at) =>
                          at === index ? { ...other, item: value ? { ...rest, exemptParagraph: value } : rest } : other,
                        ),
                      );
                    }}
                  >
                    <option value="">Paragraph not given</option>
                    {SCHEDULE_12A_PARAGRAPHS.map((entry) => (
                      <option key={entry.paragraph} value={entry.paragraph}>
                        {`Paragraph ${entry.paragraph}: ${entry.text}`}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {linkOptions.length === 0 ? (
                    <span className="muted">Choose a plan to link</span>
                  ) : (
                    <select
                      multiple
                      data-field="links"
                      aria-label={`Plan links, ${name}`}
                      size={Math.min(4, linkOptions.length)}
                      value={item.links.map((link) => `${link.kind}:${link.id}`)}
                      onChange={(event) =>
                        update(index, {
                          links: [...event.target.selectedOptions].flatMap((option) => {
                            const found = linkOptions.find((entry) => `${entry.kind}:${entry.id}` === option.value);
                            return found ? [{ kind: found.kind, id: found.id }] : [];
                          }),
                        })
                      }
                    >
                      {linkOptions.map((option) => (
                        <option key={`${option.kind}:${option.id}`} value={`${option.kind}:${option.id}`}>
                          {option.label}
                        </option>
                      ))}
                    </select>
                  )}
                </td>
                <td>
                  {item.paper ? (
                    <>
                      <span className="paper-source">
                        {item.paper.source}, {item.paper.pageCount} {item.paper.pageCount === 1 ? 'page' : 'pages'}
                      </span>{' '}
                      <button
                        type="button"
                        className="secondary"
                        data-field="preview"
                        aria-label={`Preview, ${name}`}
                        onClick={() => onPreview(row)}
                      >
                        Preview
                      </button>
                    </>
                  ) : (
                    <span className="muted">No paper</span>
                  )}
                </td>
                <td>
                  <button
                    type="button"
                    className="secondary"
                    data-field="up"
                    aria-label={`Move up, ${name}`}
                    disabled={index === 0}
                    onClick={() => move(index, -1, '[data-field="up"]')}
                  >
                    Move up
                  </button>{' '}
                  <button
                    type="button"
                    className="secondary"
                    data-field="down"
                    aria-label={`Move down, ${name}`}
                    disabled={index === rows.length - 1}
                    onClick={() => move(index, 1, '[data-field="down"]')}
                  >
                    Move down
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}
