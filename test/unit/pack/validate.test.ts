import { describe, expect, it } from 'vitest';
import { packPathProblem } from '../../../shared/pack/schema';
import { isPaperExempt, validatePackText } from '../../../shared/pack/validate';

// The .pack.json manifest on its own: fields, paths and cross-references, every problem located.

const sha = 'a'.repeat(64);

type Entry = Record<string, unknown>;
type Draft = { formatVersion: number; meeting: Entry; agenda: Entry[]; papers: [Entry, Entry, ...Entry[]] } & Entry;

function manifest(change: (value: Draft) => void = () => undefined): string {
  const value: Draft = {
    format: 'oversight-pack',
    formatVersion: 1,
    issuedAt: '2026-11-05T09:00:00Z',
    meeting: { id: 'board-2026-11-12', title: 'Northmoor SEND Oversight Board', date: '2026-11-12', time: '14:00' },
    agenda: [
      { id: 'item-4', number: '4', title: 'Performance dashboard' },
      { id: 'item-7', number: '7', title: 'Placements', exempt: true },
    ],
    papers: [
      { id: 'p4', title: 'Dashboard', agendaItem: 'item-4', file: 'papers/p4.pdf', sha256: sha, pageCount: 3, exempt: false },
      { id: 'p7', title: 'Placements', agendaItem: 'item-7', file: 'papers/p7.pdf', sha256: 'B'.repeat(64), pageCount: 1, exempt: true },
    ],
  };
  change(value);
  return JSON.stringify(value, null, 2);
}

function errorsOf(text: string): string[] {
  const result = validatePackText(text);
  return result.ok ? [] : result.errors.map((problem) => `${problem.path}: ${problem.message}`);
}

describe('pack manifest', () => {
  it('accepts a well-formed manifest, with defaults filled and hashes lower-cased', () => {
    const result = validatePackText(manifest());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pack.agenda[0]).toMatchObject({ presenter: '', exempt: false, decisionRequired: false, links: [] });
    expect(result.pack.papers[1]?.sha256).toBe('b'.repeat(64));
    expect(result.warnings).toEqual([]);
  });

  it('locates a field problem with its path, line and column', () => {
    const result = validatePackText(manifest((value) => (value.papers[0].pageCount = 0)));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({ path: '$.papers[0].pageCount', line: expect.any(Number), column: expect.any(Number) });
  });

  it('reports broken JSON where it breaks', () => {
    const result = validatePackText('{\n  "format": "oversight-pack",\n  "papers": [\n}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.line).toBe(4);
  });

  it('asks for a newer Oversight for a newer format version', () => {
    expect(errorsOf(manifest((value) => (value.formatVersion = 2)))[0]).toContain('newer version of Oversight');
  });

  it.each([
    ['../outside.pdf', 'outside the pack'],
    ['papers/../../outside.pdf', 'outside the pack'],
    ['/etc/board.pdf', 'absolute path'],
    ['\\\\server\\share\\board.pdf', 'absolute path'],
    ['C:/Users/clerk/board.pdf', 'drive letter'],
    ['papers\\board.pdf', 'separate folders with "/"'],
    ['papers//board.pdf', 'empty or "." folder'],
    ['papers/board.docx', 'not name a .pdf'],
  ])('refuses the paper path %s', (file, words) => {
    expect(packPathProblem(file)).toContain(words);
    expect(errorsOf(manifest((value) => (value.papers[0].file = file))).join('\n')).toContain(words);
  });

  it('refuses duplicate ids and files, unknown agenda items, and papers replacing themselves or replaced twice', () => {
    const errors = errorsOf(
      manifest((value) => {
        value.agenda.push({ id: 'item-4', number: '4a', title: 'Again' });
        value.papers.push({ ...value.papers[0], title: 'Same id' });
        value.papers.push({ ...value.papers[0], id: 'p9', file: 'PAPERS/P4.pdf' });
        value.papers.push({
          id: 'p10',
          title: 'Lost',
          agendaItem: 'item-99',
          file: 'p10.pdf',
          sha256: sha,
          pageCount: 1,
          exempt: false,
          supersedes: 'p10',
        });
        value.papers.push({
          id: 'p11',
          title: 'A',
          agendaItem: null,
          file: 'p11.pdf',
          sha256: sha,
          pageCount: 1,
          exempt: false,
          supersedes: 'p4',
        });
        value.papers.push({
          id: 'p12',
          title: 'B',
          agendaItem: null,
          file: 'p12.pdf',
          sha256: sha,
          pageCount: 1,
          exempt: false,
          supersedes: 'p4',
        });
      }),
    ).join('\n');
    expect(errors).toContain('Agenda item id "item-4" appears twice');
    expect(errors).toContain('Paper id "p4" appears twice');
    expect(errors).toContain('is already the file of $.papers[0]');
    expect(errors).toContain("not on this pack's agenda");
    expect(errors).toContain('replaces itself');
    expect(errors).toContain('replaced twice');
  });

  it('treats a paper on an exempt item as exempt, and says so', () => {
    const text = manifest((value) => (value.papers[1].exempt = false));
    const result = validatePackText(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings[0]?.message).toContain('treated as exempt');
    expect(isPaperExempt(result.pack, result.pack.papers[1] ?? { exempt: false, agendaItem: null })).toBe(true);
    expect(isPaperExempt(result.pack, result.pack.papers[0] ?? { exempt: true, agendaItem: null })).toBe(false);
  });

  it('refuses a pack with no papers, a bad hash, a bad date or an id with a control character', () => {
    expect(errorsOf(manifest((value) => (value.papers.length = 0))).join()).toContain('at least one paper');
    expect(errorsOf(manifest((value) => (value.papers[0].sha256 = 'abc'))).join()).toContain('SHA-256');
    expect(errorsOf(manifest((value) => (value.meeting.date = '2026-02-30'))).join()).toContain('YYYY-MM-DD');
    expect(errorsOf(manifest((value) => (value.papers[0].id = 'p\u00014'))).join()).toContain('control character');
  });
});
