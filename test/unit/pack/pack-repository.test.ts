import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { annotationsOn, buildAnnotationsFile, createAnnotation } from '../../../renderer/annotations/annotation-repository';
import { OversightDatabase } from '../../../renderer/db/database';
import { currentPapers, packFileHashes, papersOfMeeting, removeEarlierVersions, storePack } from '../../../renderer/papers/pack-repository';
import type { ImportCandidate } from '../../../shared/ipc/contract';
import type { Profile } from '../../../shared/annotations/types';
import { validatePackText } from '../../../shared/pack/validate';

// Storing packs and supplements: papers added and reissued, nothing of the old lost until the
// member says so, and a pack that would overwrite a paper refused with nothing changed.

const profile: Profile = {
  id: 'member-1',
  displayName: 'Cllr Shah',
  role: 'member',
  organisation: 'Conservative group',
  deviceId: 'laptop-1',
};

function freshDb(): OversightDatabase {
  return new OversightDatabase(`packs-${Math.random().toString(36).slice(2)}`);
}

type PaperInput = { id: string; sha: string; supersedes?: string; agendaItem?: string };

function candidate(papers: PaperInput[], options: { issuedAt?: string; fileSha?: string } = {}): ImportCandidate {
  const text = JSON.stringify({
    format: 'oversight-pack',
    formatVersion: 1,
    issuedAt: options.issuedAt ?? '2026-11-05T09:00:00Z',
    meeting: { id: 'board-1', title: 'Board', date: '2026-11-12', time: '14:00' },
    agenda: [
      { id: 'item-4', number: '4', title: 'Dashboard' },
      { id: 'item-7', number: '7', title: 'Placements', exempt: true },
    ],
    papers: papers.map((paper) => ({
      id: paper.id,
      title: `Paper ${paper.id}`,
      agendaItem: paper.agendaItem ?? 'item-4',
      file: `${paper.id}.pdf`,
      sha256: paper.sha.repeat(64),
      pageCount: 1,
      exempt: false,
      ...(paper.supersedes ? { supersedes: paper.supersedes } : {}),
    })),
  });
  const validation = validatePackText(text);
  if (!validation.ok) throw new Error(JSON.stringify(validation.errors));
  return {
    token: 'token',
    fileName: 'board.zip',
    source: 'dialog',
    sha256: (options.fileSha ?? papers.map((paper) => paper.sha).join('')).padEnd(64, '0').slice(0, 64),
    size: 1,
    modifiedAt: '2026-11-05T09:00:00Z',
    outcome: {
      status: 'pack',
      pack: validation.pack,
      manifestSha256: papers
        .map((paper) => paper.id + paper.sha)
        .join('-')
        .padEnd(64, 'x')
        .slice(0, 64)
        .replace(/[^0-9a-f]/g, 'c'),
      papers: validation.pack.papers.map((paper) => ({ id: paper.id, sha256: paper.sha256, size: 8, pageCount: 1 })),
      warnings: [],
    },
  };
}

const fetchPaper = async (paperId: string) => new TextEncoder().encode(`%PDF-1.7 ${paperId}`);

describe('storing meeting packs', () => {
  it('stores a pack and its papers, each PDF as a Blob, exempt by its item', async () => {
    const db = freshDb();
    const outcome = await storePack(
      db,
      candidate([
        { id: 'p4', sha: 'a' },
        { id: 'p7', sha: 'b', agendaItem: 'item-7' },
      ]),
      fetchPaper,
    );
    expect(outcome).toMatchObject({ status: 'pack-stored', added: 2, reissued: 0, alreadyHeld: 0 });
    const papers = await papersOfMeeting(db, 'board-1');
    expect(papers.map((paper) => [paper.paperId, paper.isExempt])).toEqual([
      ['p4', false],
      ['p7', true],
    ]);
    expect(new TextDecoder().decode(await papers[0]?.pdf.arrayBuffer())).toBe('%PDF-1.7 p4');
    expect(await packFileHashes(db)).toHaveLength(1);
  });

  it('adds and reissues papers from a supplement, keeping the earlier version until removed', async () => {
    const db = freshDb();
    await storePack(
      db,
      candidate([
        { id: 'p4', sha: 'a' },
        { id: 'p5', sha: 'b' },
      ]),
      fetchPaper,
    );
    const supplement = candidate(
      [
        { id: 'p4b', sha: 'c', supersedes: 'p4' },
        { id: 'p6', sha: 'd' },
        { id: 'p5', sha: 'b' },
      ],
      { issuedAt: '2026-11-09T09:00:00Z' },
    );
    expect(await storePack(db, supplement, fetchPaper)).toMatchObject({ status: 'pack-stored', added: 1, reissued: 1, alreadyHeld: 1 });
    const papers = await papersOfMeeting(db, 'board-1');
    expect(papers.map((paper) => paper.paperId).sort()).toEqual(['p4', 'p4b', 'p5', 'p6']);
    expect(
      currentPapers(papers)
        .map((paper) => paper.paperId)
        .sort(),
    ).toEqual(['p4b', 'p5', 'p6']);
    expect(papers.find((paper) => paper.paperId === 'p4b')?.lineage).toEqual(['p4']);

    // A highlight on the first version stays the member's, wherever the old PDF goes.
    await createAnnotation(
      db,
      profile,
      {
        kind: 'paper',
        meetingId: 'board-1',
        paperId: 'p4',
        anchor: { quote: { exact: 'Timeliness rose', prefix: '', suffix: '' }, position: { start: 0, end: 15 }, page: 1 },
      },
      { kind: 'note', text: 'Good news', tags: [], visibility: 'private' },
    );
    expect(await removeEarlierVersions(db, 'board-1')).toBe(1);
    expect((await papersOfMeeting(db, 'board-1')).map((paper) => paper.paperId).sort()).toEqual(['p4b', 'p5', 'p6']);
    expect(await annotationsOn(db, { kind: 'paper', meetingId: 'board-1', paperId: 'p4' }, profile.id)).toHaveLength(1);
  });

  it('chains reissues: a third version knows every one before it', async () => {
    const db = freshDb();
    await storePack(db, candidate([{ id: 'p4', sha: 'a' }]), fetchPaper);
    await storePack(db, candidate([{ id: 'p4b', sha: 'b', supersedes: 'p4' }]), fetchPaper);
    await storePack(db, candidate([{ id: 'p4c', sha: 'c', supersedes: 'p4b' }]), fetchPaper);
    const papers = await papersOfMeeting(db, 'board-1');
    expect(papers.find((paper) => paper.paperId === 'p4c')?.lineage).toEqual(['p4b', 'p4']);
    expect(currentPapers(papers).map((paper) => paper.paperId)).toEqual(['p4c']);
  });

  it('refuses a pack that reuses a paper id for other content, and changes nothing', async () => {
    const db = freshDb();
    await storePack(db, candidate([{ id: 'p4', sha: 'a' }]), fetchPaper);
    const before = await papersOfMeeting(db, 'board-1');
    const outcome = await storePack(
      db,
      candidate([
        { id: 'p4', sha: 'e' },
        { id: 'p9', sha: 'f' },
      ]),
      fetchPaper,
    );
    expect(outcome).toMatchObject({ status: 'pack-refused', message: expect.stringContaining('needs a new id and "supersedes"') });
    expect(await papersOfMeeting(db, 'board-1')).toEqual(before);
    expect(await db.packs.count()).toBe(1);
  });

  it('refuses, changing nothing, when a paper cannot be fetched from main', async () => {
    const db = freshDb();
    const outcome = await storePack(db, candidate([{ id: 'p4', sha: 'a' }]), async () => {
      throw new Error('the file changed since the pack was checked');
    });
    expect(outcome).toMatchObject({ status: 'pack-refused', message: expect.stringContaining('could not be read from the pack') });
    expect(await db.papers.count()).toBe(0);
    expect(await db.packs.count()).toBe(0);
  });

  it('warns when a reissue replaces a paper this laptop never had', async () => {
    const db = freshDb();
    const outcome = await storePack(db, candidate([{ id: 'p4b', sha: 'a', supersedes: 'p4' }]), fetchPaper);
    expect(outcome.status === 'pack-stored' && outcome.warnings[0]?.message).toContain('which this laptop does not have');
  });

  it('leaves shared notes on exempt papers out of the member’s annotations file unless they include them', async () => {
    const db = freshDb();
    await storePack(
      db,
      candidate([
        { id: 'p4', sha: 'a' },
        { id: 'p7', sha: 'b', agendaItem: 'item-7' },
      ]),
      fetchPaper,
    );
    const anchor = { quote: { exact: 'Options', prefix: '', suffix: '' }, position: { start: 0, end: 7 }, page: 1 };
    for (const paperId of ['p4', 'p7']) {
      await createAnnotation(
        db,
        profile,
        { kind: 'paper', meetingId: 'board-1', paperId, anchor },
        { kind: 'question', text: `On ${paperId}`, tags: [], visibility: 'shared' },
      );
    }
    const left = await buildAnnotationsFile(db, profile);
    expect(left.annotations.map((entry) => entry.text)).toEqual(['On p4']);
    const included = await buildAnnotationsFile(db, profile, new Date(), { includeExempt: true });
    expect(included.annotations.map((entry) => entry.text).sort()).toEqual(['On p4', 'On p7']);
  });
});
