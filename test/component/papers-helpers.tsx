import type { ImportCandidate } from '../../shared/ipc/contract';
import { validatePackText } from '../../shared/pack/validate';
import type { OversightDatabase } from '../../renderer/db/database';
import { storePack } from '../../renderer/papers/pack-repository';

// A meeting pack stored as the sync controller would, for the papers components' tests.

export type PaperInput = { id: string; title: string; item: string | null; supersedes?: string; exempt?: boolean; sha?: string };

/** Stores a pack for meeting `board-1` with the given papers (their PDFs are a few stand-in bytes). */
export async function storeTestPack(db: OversightDatabase, papers: PaperInput[], options: { issuedAt?: string; summary?: string } = {}) {
  const candidate = testPackCandidate(papers, options);
  const outcome = await storePack(db, candidate, async (paperId) => new TextEncoder().encode(`%PDF-1.7 ${paperId}`));
  if (outcome.status !== 'pack-stored') throw new Error(outcome.message);
  return outcome;
}

/** The import candidate main would hand out for such a pack. */
export function testPackCandidate(papers: PaperInput[], options: { issuedAt?: string; summary?: string } = {}): ImportCandidate {
  const text = JSON.stringify({
    format: 'oversight-pack',
    formatVersion: 1,
    issuedAt: options.issuedAt ?? '2026-11-05T09:00:00Z',
    summary: options.summary ?? 'Agenda pack',
    meeting: { id: 'board-1', title: 'Northmoor SEND Oversight Board', date: '2026-11-12', time: '14:00', place: 'Committee Room 1' },
    agenda: [
      { id: 'item-1', number: '1', title: 'Welcome and apologies' },
      { id: 'item-4', number: '4', title: 'Performance dashboard', presenter: 'Head of Performance' },
      { id: 'item-7', number: '7', title: 'Independent placements', exempt: true, decisionRequired: true },
    ],
    papers: papers.map((paper, index) => ({
      id: paper.id,
      title: paper.title,
      agendaItem: paper.item,
      file: `papers/${paper.id}.pdf`,
      sha256: (paper.sha ?? String(index + 1)).repeat(64).slice(0, 64),
      pageCount: 2,
      exempt: paper.exempt ?? false,
      ...(paper.supersedes ? { supersedes: paper.supersedes } : {}),
    })),
  });
  const validation = validatePackText(text);
  if (!validation.ok) throw new Error(JSON.stringify(validation.errors));
  const candidate: ImportCandidate = {
    token: 'token',
    fileName: 'board-pack.zip',
    source: 'dialog',
    sha256: papers
      .map((paper) => paper.sha ?? '0')
      .join('')
      .padEnd(64, '0')
      .slice(0, 64),
    size: 100,
    modifiedAt: '2026-11-05T09:00:00Z',
    outcome: {
      status: 'pack',
      pack: validation.pack,
      manifestSha256: `${papers.map((paper) => paper.id.length).join('')}`.padEnd(64, 'a').slice(0, 64),
      papers: validation.pack.papers.map((paper) => ({ id: paper.id, sha256: paper.sha256, size: 10, pageCount: 2 })),
      warnings: [],
    },
  };
  return candidate;
}
