import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendRecord, sealMeeting } from '../../../shared/meetings/approval';
import { buildDecisionsFile, verifyDecisionsFile, type DecisionsFile } from '../../../shared/meetings/decisions-file';
import { chainContents, contentHashOf, GENESIS_HASH, linkHashOf, verifyChain, type ChainEntry } from '../../../shared/meetings/hash-chain';
import { recordContent, type CorrectionRecord, type MeetingRecord } from '../../../shared/meetings/schema';
import { draftRecords, meeting, TERMS } from './fixtures';

// The chain against a determined editor: known answers for the link hash (so a link hash that
// ignores any of its inputs fails), the "change a record and fix up the next link" attack, and
// a property: changing any field of any record kind breaks the chain at that record.

const nodeSha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('link hash known answers (computed with node:crypto over hand-written canonical JSON)', () => {
  const c0 = '6cd2ca8f82c9ba3a94e30e79462eaab2f0bba5711b0fe73988687bd6302e2cb1';
  const l0 = '6ad7e503041550ddf59acdebe42ad8ef1d153a6be26a481b859eb2c90a80c587';
  const c1 = 'ce23c46e49cb6876cadab0080d2d99c81a9e6d4c3e5fb47871e594ad7d583144';
  const l1 = '42fb4e037839a145f334d94fba8b45a92eb13e0c3efd958d9cbf9301ce0fff81';
  const l1Exempt = 'e9235e8ea7bef0718439c7f99e469571d582862feb96f09f7bb12f6fcdccee80';

  it('the vectors are what SHA-256 of the documented text gives', () => {
    expect(nodeSha256('{"kind":"meeting","title":"SEND Oversight Board"}')).toBe(c0);
    expect(nodeSha256(`{"contentHash":"${c0}","prevHash":"${GENESIS_HASH}","seq":0}`)).toBe(l0);
    expect(nodeSha256('{"kind":"note","text":"Café — £"}')).toBe(c1);
    expect(nodeSha256(`{"contentHash":"${c1}","prevHash":"${l0}","seq":1}`)).toBe(l1);
    expect(nodeSha256(`{"contentHash":"${c1}","exempt":true,"prevHash":"${l0}","seq":1}`)).toBe(l1Exempt);
  });

  it('content and link hashes match them', async () => {
    expect(await contentHashOf({ title: 'SEND Oversight Board', kind: 'meeting' })).toBe(c0);
    expect(await contentHashOf({ text: 'Café — £', kind: 'note' })).toBe(c1);
    expect(await linkHashOf(0, c0, GENESIS_HASH)).toBe(l0);
    expect(await linkHashOf(1, c1, l0)).toBe(l1);
    expect(await linkHashOf(1, c1, l0, true)).toBe(l1Exempt);
  });

  it('every input of the link hash counts: seq, contentHash, prevHash and the exempt seal', async () => {
    const other = 'f'.repeat(64);
    expect(await linkHashOf(2, c1, l0)).not.toBe(l1);
    expect(await linkHashOf(1, other, l0)).not.toBe(l1);
    expect(await linkHashOf(1, c1, other)).not.toBe(l1);
    expect(await linkHashOf(1, c1, l0, false)).toBe(l1);
  });

  it('chainContents chains them so', async () => {
    const links = await chainContents(
      [
        { kind: 'meeting', title: 'SEND Oversight Board' },
        { kind: 'note', text: 'Café — £' },
      ],
      undefined,
      [false, true],
    );
    expect(links).toEqual([
      { seq: 0, contentHash: c0, prevHash: GENESIS_HASH, hash: l0 },
      { seq: 1, contentHash: c1, prevHash: l0, hash: l1Exempt, exempt: true },
    ]);
  });
});

/** An approved meeting holding every kind of record, a carried action (one exempt) and a correction. */
async function everyKind(): Promise<{ records: MeetingRecord[]; head: string; count: number }> {
  const draft = meeting({
    carriedActions: [
      { sourceId: 'old-1', fromMeetingId: 'm0', fromMeetingDate: '2026-12-10', text: 'Circulate the audit', owner: 'Clerk', dueDate: null },
      {
        sourceId: 'old-2',
        fromMeetingId: 'm0',
        fromMeetingDate: '2026-12-10',
        text: 'Renegotiate',
        owner: 'Director',
        dueDate: '2027-01-10',
        isExempt: true,
      },
    ],
  });
  const updateAt = '2027-01-14T10:00:05.000Z';
  const records: MeetingRecord[] = [
    ...draftRecords(),
    {
      id: 'upd-1',
      meetingId: 'm1',
      kind: 'action-update',
      createdAt: updateAt,
      updatedAt: updateAt,
      chain: null,
      sourceId: 'old-1',
      status: 'ongoing',
      note: 'Half done',
    },
  ];
  const sealed = await sealMeeting({
    meeting: draft,
    records,
    boardName: 'Northmoor SEND Oversight Board',
    terms: TERMS,
    approvedAt: '2027-02-11T11:00:00.000Z',
    approvedAtMeeting: 'the meeting of 11 February 2027',
    approvedAtMeetingId: null,
  });
  const correction: CorrectionRecord = {
    id: 'corr-1',
    meetingId: 'm1',
    kind: 'correction',
    createdAt: '2027-03-01T09:00:00.000Z',
    updatedAt: '2027-03-01T09:00:00.000Z',
    chain: null,
    amendsSeq: 4,
    text: 'Cllr B’s name was misspelt.',
  };
  const appended = await appendRecord(sealed.meeting, correction, '2027-03-01T09:00:00.000Z');
  const all = [...sealed.records, appended.record].sort((a, b) => (a.chain?.seq ?? 0) - (b.chain?.seq ?? 0));
  const approval = appended.meeting.approval;
  if (!approval) throw new Error('not approved');
  return { records: all, head: approval.chainHead, count: approval.recordCount };
}

function entriesOf(records: readonly MeetingRecord[]): ChainEntry[] {
  return records.map((record) => {
    if (!record.chain) throw new Error('unchained');
    return { ...record.chain, content: recordContent(record) };
  });
}

type Leaf = { path: (string | number)[]; value: unknown };

/** Every leaf (string, number, boolean or null) of a value, with its path. */
function leavesOf(value: unknown, path: (string | number)[] = []): Leaf[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => leavesOf(item, [...path, index]));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, item]) => leavesOf(item, [...path, key]));
  return [{ path, value }];
}

function withLeaf(value: unknown, path: readonly (string | number)[], leaf: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return leaf;
  if (Array.isArray(value)) return value.map((item, index) => (index === head ? withLeaf(item, rest, leaf) : item));
  if (typeof value === 'object' && value !== null) return { ...value, [head]: withLeaf(Reflect.get(value, head), rest, leaf) };
  return value;
}

/** Any JSON leaf that differs from `value` (a flipped boolean always among them). */
function otherLeaf(value: unknown): fc.Arbitrary<unknown> {
  const any = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.double({ noNaN: true, noDefaultInfinity: true }));
  const near =
    typeof value === 'boolean'
      ? fc.constant(!value)
      : typeof value === 'number'
        ? fc.integer({ min: 1, max: 5 }).map((step) => value + step)
        : typeof value === 'string'
          ? fc.string({ minLength: 1, maxLength: 3 }).map((extra) => `${value}${extra}`)
          : fc.constant('not null');
  return fc.oneof(near, any).filter((other) => !Object.is(other, value) && JSON.stringify(other) !== JSON.stringify(value));
}

describe('a determined editor', () => {
  it('holds every kind of record', async () => {
    const { records } = await everyKind();
    expect(new Set(records.map((record) => record.kind))).toEqual(
      new Set(['meeting', 'attendance', 'declaration', 'note', 'decision', 'judgement', 'action', 'action-update', 'correction']),
    );
    expect(await verifyChain(entriesOf(records))).toMatchObject({ status: 'intact' });
  });

  it('changing any field of any record breaks the chain at that record (every field, random new values)', async () => {
    const { records, head, count } = await everyKind();
    const entries = entriesOf(records);
    let checked = 0;
    for (const entry of entries) {
      for (const leaf of leavesOf(entry.content)) {
        await fc.assert(
          fc.asyncProperty(otherLeaf(leaf.value), async (replacement) => {
            const changed = entries.map((other) =>
              other.seq === entry.seq ? { ...other, content: withLeaf(other.content, leaf.path, replacement) } : other,
            );
            const verdict = await verifyChain(changed, { count, head });
            expect(verdict, `${String(Reflect.get(entry.content as object, 'kind'))}.${leaf.path.join('.')}`).toMatchObject({
              status: 'broken',
              seq: entry.seq,
              fault: 'content',
            });
          }),
          { numRuns: 3 },
        );
        checked += 1;
      }
    }
    // Among them the fields a lazy hash might skip.
    const paths = entries.flatMap((entry) =>
      leavesOf(entry.content).map((leaf) => `${String(Reflect.get(entry.content as object, 'kind'))}.${leaf.path.join('.')}`),
    );
    expect(paths).toEqual(
      expect.arrayContaining(['declaration.hasLeft', 'decision.isWithdrawn', 'decision.vote.for', 'meeting.carriedActions.1.text']),
    );
    expect(checked).toBeGreaterThan(100);
  });

  it('changing any field of any link breaks the chain at that record', async () => {
    const { records, head, count } = await everyKind();
    const entries = entriesOf(records);
    for (const entry of entries) {
      for (const field of ['seq', 'contentHash', 'prevHash', 'hash', 'exempt'] as const) {
        const changed = entries.map((other) => {
          if (other.seq !== entry.seq) return other;
          if (field === 'seq') return { ...other, seq: other.seq + 1 };
          if (field === 'exempt') return other.exempt ? { ...other, exempt: undefined } : { ...other, exempt: true as const };
          return { ...other, [field]: `${other[field].slice(0, -1)}${other[field].endsWith('0') ? '1' : '0'}` };
        });
        const verdict = await verifyChain(changed, { count, head });
        expect(verdict, `${entry.seq}.${field}`).toMatchObject({ status: 'broken', seq: entry.seq });
      }
    }
  });

  it('changing a record and fixing up its own hashes and the next link is caught at the next record', async () => {
    const { records, head, count } = await everyKind();
    const entries = entriesOf(records);
    const target = entries.findIndex((entry) => entry.content !== null && Reflect.get(entry.content as object, 'kind') === 'decision');
    const original = entries[target];
    const next = entries[target + 1];
    if (!original || !next) throw new Error('fixture');
    const content = { ...(original.content as object), text: 'The board resolved to close the service.' };
    const contentHash = await contentHashOf(content);
    const hash = await linkHashOf(original.seq, contentHash, original.prevHash);
    const attacked = entries.map((entry) =>
      entry.seq === original.seq ? { ...entry, content, contentHash, hash } : entry.seq === next.seq ? { ...entry, prevHash: hash } : entry,
    );
    expect(await verifyChain(attacked, { count, head })).toMatchObject({ status: 'broken', seq: next.seq, fault: 'hash' });
  });

  it('rewriting the whole chain after an edit checks on its own, but not against the head the minutes print', async () => {
    const { records, head } = await everyKind();
    const contents = records.map((record) =>
      record.kind === 'decision' ? { ...recordContent(record), text: 'The board resolved to close the service.' } : recordContent(record),
    );
    const relinked = await chainContents(
      contents,
      undefined,
      records.map((record) => record.chain?.exempt === true),
    );
    const rewritten: ChainEntry[] = relinked.map((link, index) => ({ ...link, content: contents[index] }));
    const newHead = relinked.at(-1)?.hash ?? '';
    expect(await verifyChain(rewritten, { count: rewritten.length, head: newHead })).toMatchObject({ status: 'intact' });
    expect(await verifyChain(rewritten, { head })).toMatchObject({ status: 'broken', fault: 'head' });

    const sealedMeeting = meeting({ status: 'approved' });
    const file: DecisionsFile = {
      format: 'oversight-decisions',
      formatVersion: 2,
      exportedAt: '2027-03-02T09:00:00.000Z',
      chain: { algorithm: 'SHA-256', count: rewritten.length, head: newHead },
      meeting: { createdAt: sealedMeeting.createdAt, planId: null, previousMeetingId: null, approvedAtMeetingId: null },
      records: rewritten.map(({ content, ...link }) => ({ ...link, content: content as Record<string, unknown> })),
    };
    expect(await verifyDecisionsFile(file)).toMatchObject({ status: 'intact' });
    const verdict = await verifyDecisionsFile(file, { expectedHead: head });
    expect(verdict).toMatchObject({ status: 'broken', fault: 'head' });
    expect(verdict.status === 'broken' && verdict.reason).toContain(newHead);
    expect(verdict.status === 'broken' && verdict.reason).toContain(head);
    expect(await verifyDecisionsFile(file, { expectedHead: newHead.toUpperCase() })).toMatchObject({ status: 'intact' });
  });

  it('a published file seals and withholds exempt content everywhere it lives, and still checks', async () => {
    const { records } = await everyKind();
    const exemptItem = 'item-2';
    // A correction to the exempt note, sealed as the app seals it (it amends a sealed record).
    const note = records.find((record) => record.kind === 'note' && record.itemId === exemptItem);
    expect(note?.chain?.exempt).toBe(true);
    const last = records.at(-1)?.chain;
    if (!note?.chain || !last) throw new Error('fixture');
    const approved = meeting({
      status: 'approved',
      approval: {
        approvedAt: '2027-02-11T11:00:00.000Z',
        approvedAtMeeting: 'the meeting of 11 February 2027',
        approvedAtMeetingId: null,
        chainHead: last.hash,
        recordCount: last.seq + 1,
      },
    });
    const correction: CorrectionRecord = {
      id: 'corr-2',
      meetingId: 'm1',
      kind: 'correction',
      createdAt: '2027-03-02T09:00:00.000Z',
      updatedAt: '2027-03-02T09:00:00.000Z',
      chain: null,
      amendsSeq: note.chain.seq,
      text: 'The provider’s deficit was £2m, not £1m.',
    };
    const appended = await appendRecord(approved, correction, correction.createdAt, { exempt: true });
    const all = [...records, appended.record];
    const built = await buildDecisionsFile(appended.meeting, all, { exportedAt: '2027-03-03T09:00:00.000Z' });
    if (!built.ok) throw new Error(built.error.message);
    const text = JSON.stringify(built.value);
    for (const secret of ['provider’s finances', 'Renegotiate', '£2m']) expect(text).not.toContain(secret);
    expect(text).toContain('Circulate the audit');
    const header = built.value.records[0]?.content;
    expect(header?.carriedActions).toEqual([
      expect.objectContaining({ sourceId: 'old-1' }),
      { withheldHash: expect.stringMatching(/^[0-9a-f]{64}$/) },
    ]);
    expect(built.value.records.filter((record) => record.content === null).map((record) => record.exempt)).toEqual([true, true]);
    expect(await verifyDecisionsFile(JSON.parse(text))).toMatchObject({ status: 'intact', withheld: 2 });

    // A public carried action shown only by a stub, or its stub taken off an exempt one: broken at record 0.
    const stubbedPublic = structuredClone(built.value);
    const carried = stubbedPublic.records[0]?.content?.carriedActions;
    if (!Array.isArray(carried)) throw new Error('fixture');
    carried[0] = { withheldHash: createHash('sha256').update('x').digest('hex') };
    expect(await verifyDecisionsFile(stubbedPublic)).toMatchObject({ status: 'broken', seq: 0, fault: 'content' });
  });

  it('a public record withheld in the file as if exempt is broken (exit 1 material), in version 1 and 2 files alike', async () => {
    const { records, head, count } = await everyKind();
    const approved = meeting({
      status: 'approved',
      approval: {
        approvedAt: '2027-02-11T11:00:00.000Z',
        approvedAtMeeting: 'x',
        approvedAtMeetingId: null,
        chainHead: head,
        recordCount: count,
      },
    });
    const built = await buildDecisionsFile(approved, records, { exportedAt: '2027-03-03T09:00:00.000Z' });
    if (!built.ok) throw new Error(built.error.message);
    const decision = built.value.records.find((record) => record.content?.kind === 'decision');
    if (!decision) throw new Error('fixture');
    for (const formatVersion of [1, 2] as const) {
      const hidden = {
        ...built.value,
        formatVersion,
        records: built.value.records.map((record) => (record.seq === decision.seq ? { ...record, content: null } : record)),
      };
      expect(await verifyDecisionsFile(hidden)).toMatchObject({ status: 'broken', seq: decision.seq, fault: 'unsealed' });
    }
  });

  it('refuses to publish minutes approved before seals when they hold exempt content, rather than leak it', async () => {
    const { records, head, count } = await everyKind();
    // As stored before seals existed: no record carries `exempt`, no carried action `isExempt`.
    const legacy = records.map((record): MeetingRecord => {
      if (!record.chain) return record;
      const { exempt: _exempt, ...chain } = record.chain;
      return { ...record, chain } as MeetingRecord;
    });
    const approved = meeting({
      status: 'approved',
      approval: {
        approvedAt: '2027-02-11T11:00:00.000Z',
        approvedAtMeeting: 'x',
        approvedAtMeetingId: null,
        chainHead: head,
        recordCount: count,
      },
    });
    const built = await buildDecisionsFile(approved, legacy, { exportedAt: '2027-03-03T09:00:00.000Z' });
    expect(built).toMatchObject({
      ok: false,
      error: { code: 'unsealed-exempt', message: expect.stringContaining('with exempt items included') },
    });
    const confidential = await buildDecisionsFile(approved, records, { exportedAt: '2027-03-03T09:00:00.000Z', includeExempt: true });
    expect(confidential.ok && JSON.stringify(confidential.value)).toContain('provider’s finances');
  });
});
