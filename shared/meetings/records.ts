import type { AgendaItem, MeetingRecord } from './schema';

// How a meeting's records are put in order for the approved chain, and how one is named to a
// person ("the decision SOB/2026/014, item 5"). Pure: the app, the CLI and the tests share it.

type ItemRecord = Extract<MeetingRecord, { itemId: string }>;

const KIND_ORDER_IN_ITEM: Record<ItemRecord['kind'], number> = { declaration: 0, note: 1, decision: 2, judgement: 3, action: 4 };

function hasItem(record: MeetingRecord): record is ItemRecord {
  return 'itemId' in record;
}

function byTimeThenId(a: MeetingRecord, b: MeetingRecord): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The reading order of a draft's records, which becomes their order in the chain: attendance,
 * then progress on carried-forward actions, then each agenda item in turn (declarations, notes,
 * decisions, judgements, actions arising), then anything on an item no longer on the agenda.
 * Headers and corrections are not part of a draft and are left out.
 */
export function orderRecords(records: readonly MeetingRecord[], agenda: readonly Pick<AgendaItem, 'id'>[]): MeetingRecord[] {
  const itemIndex = new Map(agenda.map((item, index) => [item.id, index]));
  const section = (record: MeetingRecord): number => {
    if (record.kind === 'attendance') return 0;
    if (record.kind === 'action-update') return 1;
    if (hasItem(record)) return 2 + (itemIndex.get(record.itemId) ?? agenda.length);
    return Number.POSITIVE_INFINITY;
  };
  return records
    .filter((record) => record.kind !== 'meeting' && record.kind !== 'correction')
    .sort((a, b) => {
      const bySection = section(a) - section(b);
      if (bySection !== 0) return bySection;
      if (hasItem(a) && hasItem(b)) {
        const byKind = KIND_ORDER_IN_ITEM[a.kind] - KIND_ORDER_IN_ITEM[b.kind];
        if (byKind !== 0) return byKind;
      }
      return byTimeThenId(a, b);
    });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function shorten(value: string, length = 60): string {
  return value.length > length ? `${value.slice(0, length - 1)}…` : value;
}

/** A person's name for a record's content: "the decision SOB/2026/014 (item 5)". Copes with any content. */
export function describeRecord(content: unknown, agenda: readonly Pick<AgendaItem, 'id' | 'number'>[] = []): string {
  if (!isObject(content)) return 'a record whose content is withheld (an exempt item)';
  const itemNumber = agenda.find((item) => item.id === content.itemId)?.number;
  const onItem = itemNumber ? ` (item ${itemNumber})` : '';
  switch (content.kind) {
    case 'meeting':
      return 'the meeting’s details and agenda';
    case 'attendance':
      return `the attendance of ${text(content.name) || 'a member'}`;
    case 'declaration':
      return `the declaration of interest by ${text(content.memberName) || 'a member'}${onItem}`;
    case 'note':
      return `the discussion notes${onItem}`;
    case 'decision':
      return `the decision ${text(content.number) || 'without a number'}${onItem}`;
    case 'judgement':
      return `the assurance judgement on ${shorten(text(isObject(content.target) ? content.target.label : '')) || 'a plan item'}${onItem}`;
    case 'action':
      return `the action arising “${shorten(text(content.text))}”${onItem}`;
    case 'action-update':
      return 'progress on an action carried forward';
    case 'correction':
      return `the correction to record ${typeof content.amendsSeq === 'number' ? content.amendsSeq : '?'}`;
    default:
      return 'a record of an unknown kind';
  }
}
