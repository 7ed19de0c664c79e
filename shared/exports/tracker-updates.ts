import type { Action } from '../plan/schema';
import { columnKeys, normaliseHeading, type TrackerMapping } from '../tracker/mapping';
import { isWithheld, readingOrder, withheldItemIds } from './minutes-model';
import type { MeetingBundle } from './schema';
import { dateText } from './text';

// The board's updates to a spreadsheet tracker: per plan action, the assurance judged at the
// meeting (with its reason, which is the board's comment) and the actions arising linked to it.
// They are written back as added columns on a copy of the council's own sheet, so the sheet
// keeps its columns and order and the programme office can read the board's view beside its own.

export const ADDED_HEADINGS = ['Board assurance', 'Board comments', 'Board meeting', 'Board actions arising'] as const;

export type TrackerUpdate = { assurance: string; comments: string; meeting: string; actionsArising: string };

/** Per plan action id, what the meeting recorded about it (exempt items left out unless included). */
export function trackerUpdates(bundle: MeetingBundle, planId: string, includeExempt: boolean): Map<string, TrackerUpdate> {
  const { meeting } = bundle;
  const withheld = withheldItemIds(meeting.agenda, includeExempt);
  const meetingWords = `${meeting.title}, ${dateText(meeting.date)}`;
  const updates = new Map<string, TrackerUpdate>();
  const entry = (actionId: string): TrackerUpdate => {
    const existing = updates.get(actionId);
    if (existing) return existing;
    const fresh: TrackerUpdate = { assurance: '', comments: '', meeting: meetingWords, actionsArising: '' };
    updates.set(actionId, fresh);
    return fresh;
  };
  for (const record of readingOrder(meeting, bundle.records)) {
    if (isWithheld(record, withheld)) continue;
    if (record.kind === 'judgement' && record.target.kind === 'action' && record.target.planId === planId) {
      // The last judgement made on an action stands.
      const update = entry(record.target.id);
      update.assurance = record.level;
      update.comments = record.reason;
    }
    if (record.kind === 'action') {
      for (const link of record.links) {
        if (link.kind !== 'action' || link.planId !== planId) continue;
        const update = entry(link.id);
        const line = `${record.text} (${record.owner}, by ${dateText(record.dueDate) || 'no date set'})`;
        update.actionsArising = update.actionsArising ? `${update.actionsArising}\n${line}` : line;
      }
    }
  }
  return updates;
}

function key(text: string): string {
  return normaliseHeading(text);
}

/**
 * For each row of the tracker below its heading row, the plan action it became (by its ref and
 * title, as the import made them), or undefined for rows that are not actions (area headings,
 * blank rows).
 */
export function actionIdsByRow(
  rows: readonly (readonly string[])[],
  mapping: TrackerMapping,
  actions: readonly Pick<Action, 'id' | 'ref' | 'title'>[],
): Array<string | undefined> {
  const keys = columnKeys(rows[mapping.headerRow] ?? []);
  const columnOf = (field: string) => keys.findIndex((heading) => mapping.columns[heading] === field);
  const refColumn = columnOf('ref');
  const titleColumn = columnOf('title');
  const byTitle = new Map<string, Array<Pick<Action, 'id' | 'ref' | 'title'>>>();
  for (const action of actions) byTitle.set(key(action.title), [...(byTitle.get(key(action.title)) ?? []), action]);
  const used = new Set<string>();
  return rows.map((row, index) => {
    if (index <= mapping.headerRow) return undefined;
    const title = titleColumn >= 0 ? key(row[titleColumn] ?? '') : '';
    const ref = refColumn >= 0 ? (row[refColumn] ?? '').trim() : '';
    if (title === '' && ref === '') return undefined;
    const candidates = (title ? byTitle.get(title) : actions.filter((action) => action.ref === ref)) ?? [];
    // A ref may have been prefixed with its area's number on import ("3" became "2.3").
    const match =
      candidates.find((action) => !used.has(action.id) && (ref === '' || action.ref === ref || action.ref.endsWith(`.${ref}`))) ??
      candidates.find((action) => !used.has(action.id));
    if (!match) return undefined;
    used.add(match.id);
    return match.id;
  });
}
