import { describe, expect, it } from 'vitest';
import {
  applySupersedes,
  checkDraft,
  compareAgendaNumbers,
  makeManifest,
  paperFileFor,
  parsePaperName,
  type DraftItem,
  type PackDraft,
} from '../../../shared/pack/make';
import { validatePackText } from '../../../shared/pack/validate';

const SHA = 'a'.repeat(64);

function item(number: string, title: string, extra: Partial<DraftItem> = {}): DraftItem {
  return {
    number,
    title,
    presenter: '',
    decisionRequired: false,
    isExempt: false,
    links: [],
    paper: { source: `${number} ${title}.pdf`, title, sha256: `${number.charCodeAt(0).toString(16)}`.padEnd(64, 'b'), pageCount: 2 },
    ...extra,
  };
}

function draft(items: DraftItem[], extra: Partial<PackDraft> = {}): PackDraft {
  return {
    meeting: { id: 'sob-2027-01-14', title: 'Northmoor SEND Oversight Board', date: '2027-01-14', time: '14:00' },
    issuedAt: '2027-01-06T09:00:00Z',
    items,
    ...extra,
  };
}

describe('parsePaperName', () => {
  it.each([
    ['03 Highlight report.pdf', '3', 'Highlight report', false, undefined],
    ['Item 7 - Independent placements (exempt).pdf', '7', 'Independent placements', true, undefined],
    ['7a. Supplement.pdf', '7a', 'Supplement', false, undefined],
    ['12 Budget monitoring EXEMPT.PDF', '12', 'Budget monitoring', true, undefined],
    ['Agenda item 4: Local Offer review.pdf', '4', 'Local Offer review', false, undefined],
    ['09_Transport_review_(exempt 3).pdf', '9', 'Transport review', true, 3],
    ['EXEMPT para 1 - 10 Staffing.pdf', '10', 'Staffing', true, 1],
    ['4 Local Offer review', '4', 'Local Offer review', false, undefined],
    ['05.pdf', '5', 'Item 5', false, undefined],
  ])('reads %s', (name, number, title, isExempt, paragraph) => {
    expect(parsePaperName(name)).toEqual({ number, title, isExempt, exemptParagraph: paragraph });
  });

  it('finds no number in a name without one, and keeps the words as the title', () => {
    expect(parsePaperName('Highlight report.pdf')).toEqual({
      number: undefined,
      title: 'Highlight report',
      isExempt: false,
      exemptParagraph: undefined,
    });
  });

  it('does not take a year or a long number for an agenda number, nor "exempted" for exempt', () => {
    expect(parsePaperName('2026 annual report.pdf').number).toBeUndefined();
    expect(parsePaperName('Pupils exempted from tests.pdf').isExempt).toBe(false);
  });
});

describe('compareAgendaNumbers', () => {
  it('orders as a clerk does: 2 before 10, 7 before 7a before 7b', () => {
    expect(['10', '7b', '2', '7', '7a', '1'].sort(compareAgendaNumbers)).toEqual(['1', '2', '7', '7a', '7b', '10']);
  });
});

describe('checkDraft', () => {
  it('names both files that share an agenda number', () => {
    const problems = checkDraft(draft([item('3', 'Highlight report'), item('3', 'Dashboard')]));
    expect(problems).toEqual([
      {
        path: '$.items[1].number',
        message: '"3 Dashboard.pdf" and "3 Highlight report.pdf" both have agenda number 3; give one another number (such as 3a).',
      },
    ]);
  });

  it('refuses an empty number or title, a bad Schedule 12A paragraph and a pack with no papers', () => {
    const { paper: _unused, ...noPaper } = item('1', 'Apologies');
    const problems = checkDraft(
      draft([
        { ...noPaper, number: ' ' },
        { ...noPaper, number: '2', title: '' },
        { ...noPaper, number: '3', isExempt: true, exemptParagraph: 9 },
      ]),
    );
    expect(problems.map((problem) => problem.path)).toEqual([
      '$.items[0].number',
      '$.items[1].title',
      '$.items[2].exemptParagraph',
      '$.items',
    ]);
  });
});

describe('makeManifest', () => {
  it('makes a manifest that validates, with item and paper ids from the numbers and the front sheet on no item', () => {
    const { manifest, placed } = makeManifest(
      draft(
        [
          item('3', 'Highlight report'),
          item('7', 'Independent placements', { isExempt: true, exemptParagraph: 3, decisionRequired: true }),
        ],
        {
          frontSheet: { source: 'pages 1–2 of pack.pdf', title: 'Agenda front sheet', sha256: SHA, pageCount: 2 },
          summary: 'Agenda pack',
        },
      ),
    );
    expect(manifest.agenda.map((entry) => [entry.id, entry.number, entry.exempt, entry.exemptParagraph])).toEqual([
      ['item-3', '3', false, undefined],
      ['item-7', '7', true, 3],
    ]);
    expect(manifest.papers.map((paper) => [paper.id, paper.agendaItem, paper.file, paper.exempt])).toEqual([
      ['paper-front-sheet', null, 'papers/00-agenda-front-sheet.pdf', false],
      ['paper-3', 'item-3', 'papers/03-highlight-report.pdf', false],
      ['paper-7', 'item-7', 'papers/07-independent-placements.pdf', true],
    ]);
    expect(placed).toHaveLength(3);
    const validation = validatePackText(JSON.stringify(manifest));
    expect(validation.ok).toBe(true);
  });

  it('gives a reissued paper a new id from its content, naming the paper it replaces', () => {
    const items = [item('4', 'Dashboard (revised)')];
    expect(applySupersedes(items, ['paper-4'])).toEqual([]);
    const { manifest } = makeManifest(draft(items, { summary: 'Supplement: revised dashboard' }));
    const [paper] = manifest.papers;
    expect(paper?.supersedes).toBe('paper-4');
    expect(paper?.id).toMatch(/^paper-4-[0-9a-f]{8}$/);
    expect(validatePackText(JSON.stringify(manifest)).ok).toBe(true);
  });

  it('says which --supersedes has no paper to replace it', () => {
    const items = [item('4', 'Dashboard'), item('5', 'Highlight')];
    const problems = applySupersedes(items, ['paper-9']);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain('--supersedes paper-9: this pack has no paper on item 9');
    expect(items.every((entry) => entry.paper?.supersedes === undefined)).toBe(true);
  });

  it('keeps file names unique and safe whatever the titles hold', () => {
    expect(paperFileFor('7a', '../../etc/passwd')).toBe('papers/07a-etc-passwd.pdf');
    const { manifest } = makeManifest(draft([item('1', 'Same'), item('1a', 'Same'), item('01', 'Report')]));
    const files = manifest.papers.map((paper) => paper.file);
    expect(new Set(files).size).toBe(files.length);
  });

  it('writes exemptParagraph, which the manifest accepts only from 1 to 7', () => {
    const { manifest } = makeManifest(draft([item('7', 'Placements', { isExempt: true, exemptParagraph: 7 })]));
    expect(validatePackText(JSON.stringify(manifest)).ok).toBe(true);
    const text = JSON.stringify({ ...manifest, agenda: [{ ...manifest.agenda[0], exemptParagraph: 8 }] }, null, 2);
    const validation = validatePackText(text);
    expect(validation.ok).toBe(false);
    expect(!validation.ok && validation.errors.map((error) => error.path)).toEqual(['$.agenda[0].exemptParagraph']);
  });
});
