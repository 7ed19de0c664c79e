import type { Problem } from '../plan/validate';
import { PACK_FORMAT, PACK_FORMAT_VERSION, PACK_LIMITS, type PackAgendaItem, type PackManifest, type PackPaper } from './schema';

// Making a pack from the PDFs a clerk already has: the pure half (names, numbers, ids and the
// manifest). Reading and splitting the PDFs and writing the zip is electron/pack/make-pack.ts.
// The CLI (`oversight-cli pack`) and the app's "Make a pack" both come through here, so a pack
// made either way is the same pack.

/** What a file name (or a bookmark's title) says about its agenda item. */
export type ParsedName = {
  /** The agenda number as clerks write it, without leading zeros: "3", "7a"; undefined when the name has none. */
  number: string | undefined;
  title: string;
  isExempt: boolean;
  /** The Schedule 12A paragraph named with "(exempt 3)" or "EXEMPT para 3", when given. */
  exemptParagraph: number | undefined;
};

// "03 Highlight report", "Item 7 - Independent placements", "7a. Supplement", "Agenda item 4: …".
const NUMBERED = /^\s*(?:(?:agenda\s+)?item\s*)?0*(\d{1,3})([a-z]?)(?=[\s._:)\-–—]|$)[\s._:)\-–—]*(.*)$/i;
// "(exempt)", "[EXEMPT]", "EXEMPT", "(exempt 3)", "(exempt, paragraph 3)", "EXEMPT para 3".
const EXEMPT = /[([]?\s*\bexempt\b(?:[\s,]*(?:(?:schedule\s*12a\s*)?para(?:graph)?\.?\s*)?([1-7])\b)?\s*[)\]]?/i;

/** Reads an agenda number, title and exempt mark from a paper's file name or a bookmark's title. */
export function parsePaperName(name: string): ParsedName {
  const withoutExtension = name.replace(/\.pdf$/i, '');
  // Underscores stand for spaces in names made by systems that avoid spaces.
  let rest = withoutExtension.replaceAll('_', ' ').trim();
  let isExempt = false;
  let exemptParagraph: number | undefined;
  const exempt = EXEMPT.exec(rest);
  if (exempt) {
    isExempt = true;
    exemptParagraph = exempt[1] ? Number(exempt[1]) : undefined;
    rest = `${rest.slice(0, exempt.index)} ${rest.slice(exempt.index + exempt[0].length)}`;
  }
  // Separators left where an exempt mark was cut out ("EXEMPT - 10 Staffing") go too.
  rest = rest
    .replace(/\s+/g, ' ')
    .replace(/^[\s\-–—:.]+/, '')
    .trim();
  const numbered = NUMBERED.exec(rest);
  let number: string | undefined;
  let title = rest;
  if (numbered) {
    number = `${Number(numbered[1])}${(numbered[2] ?? '').toLowerCase()}`;
    title = (numbered[3] ?? '').trim();
  }
  title = title.replace(/^[\s\-–—:.]+|[\s\-–—:]+$/g, '').trim();
  if (title === '') title = number !== undefined ? `Item ${number}` : withoutExtension.trim() || 'Untitled paper';
  return { number, title, isExempt, exemptParagraph };
}

/** Orders agenda numbers as a clerk does: 2 before 10, 7 before 7a before 7b. */
export function compareAgendaNumbers(a: string, b: string): number {
  const left = /^(\d+)(.*)$/.exec(a);
  const right = /^(\d+)(.*)$/.exec(b);
  if (left && right) {
    const difference = Number(left[1]) - Number(right[1]);
    if (difference !== 0) return difference;
    return (left[2] ?? '').localeCompare(right[2] ?? '', 'en-GB');
  }
  if (left) return -1;
  if (right) return 1;
  return a.localeCompare(b, 'en-GB', { numeric: true });
}

/** An id made from an agenda number: letters, digits and "-" only. */
export function idPart(number: string): string {
  return (
    number
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'x'
  );
}

/** One paper of the pack being made, as the clerk's table (or the CLI) holds it. */
export type DraftPaper = {
  /** Where it came from, for messages: "03 Highlight report.pdf" or "pages 5–12 of Agenda pack.pdf". */
  source: string;
  title: string;
  sha256: string;
  pageCount: number;
  /** The id of the paper (in a pack issued earlier for the meeting) this one reissues. */
  supersedes?: string;
};

/** One row of the agenda table: an item and the paper(s) on it. */
export type DraftItem = {
  number: string;
  title: string;
  presenter: string;
  decisionRequired: boolean;
  isExempt: boolean;
  exemptParagraph?: number;
  links: PackAgendaItem['links'];
  /** The paper on the item, or none (an item such as apologies has no paper). */
  paper?: DraftPaper;
};

export type DraftMeeting = {
  id: string;
  title: string;
  date: string;
  time: string;
  place?: string;
  planId?: string;
};

export type PackDraft = {
  meeting: DraftMeeting;
  summary?: string;
  issuedAt: string;
  items: DraftItem[];
  /** Pages before the first bookmark of a combined pack: the agenda front sheet, on no item. */
  frontSheet?: DraftPaper;
};

/** A paper's id: `paper-7a`; a reissue adds the first characters of its SHA-256 so it never clashes with the paper it replaces. */
export function paperIdFor(number: string, paper: Pick<DraftPaper, 'sha256' | 'supersedes'>): string {
  const base = `paper-${idPart(number)}`;
  return paper.supersedes !== undefined ? `${base}-${paper.sha256.slice(0, 8)}` : base;
}

/** The file name a paper gets inside the pack: `papers/07a-independent-placements.pdf`. */
export function paperFileFor(number: string, title: string): string {
  const padded = /^\d$/.test(number.replace(/[a-z]$/i, '')) ? `0${number}` : number;
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `papers/${idPart(padded)}${slug ? `-${slug}` : ''}.pdf`;
}

/** Problems with the draft that would make a bad pack: located at the row ("$.items[2].number"). */
/** The warning for an exempt item with no Schedule 12A paragraph, worded once for the CLI and the app. */
export function missingParagraphMessage(number: string): string {
  return `Item ${number} is exempt, but no Schedule 12A paragraph is given; add it in the agenda table, or write "(exempt 3)" in the name.`;
}

/**
 * Warnings that follow the agenda as the clerk edits it (so a warning goes once it is put right):
 * today, each exempt item still without its Schedule 12A paragraph.
 */
export function draftWarnings(items: readonly DraftItem[]): Problem[] {
  return items.flatMap((item, index) =>
    item.isExempt && item.exemptParagraph === undefined
      ? [
          {
            path: item.paper?.source ?? `$.items[${index}].exemptParagraph`,
            message: missingParagraphMessage(item.number.trim() || String(index + 1)),
          },
        ]
      : [],
  );
}

export function checkDraft(draft: PackDraft): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  draft.items.forEach((item, index) => {
    const where = `$.items[${index}]`;
    const number = item.number.trim();
    if (number === '') problems.push({ path: `${where}.number`, message: `Row ${index + 1} (${item.title}) has no agenda number.` });
    else if (number.length > 20)
      problems.push({ path: `${where}.number`, message: `Row ${index + 1}: the agenda number is longer than 20 characters.` });
    else {
      const earlier = seen.get(number.toLowerCase());
      if (earlier !== undefined) {
        const first = draft.items[earlier];
        problems.push({
          path: `${where}.number`,
          message: `${describe(item)} and ${first ? describe(first) : `row ${earlier + 1}`} both have agenda number ${number}; give one another number (such as ${number}a).`,
        });
      } else seen.set(number.toLowerCase(), index);
    }
    if (item.title.trim() === '') problems.push({ path: `${where}.title`, message: `Row ${index + 1} (item ${number}) has no title.` });
    if (item.isExempt && item.exemptParagraph !== undefined && !(item.exemptParagraph >= 1 && item.exemptParagraph <= 7)) {
      problems.push({ path: `${where}.exemptParagraph`, message: `Item ${number}: the Schedule 12A paragraph must be 1 to 7.` });
    }
  });
  const papers = draft.items.filter((item) => item.paper).length + (draft.frontSheet ? 1 : 0);
  if (papers === 0) problems.push({ path: '$.items', message: 'The pack has no papers: add at least one PDF.' });
  if (papers > PACK_LIMITS.maxPapers) {
    problems.push({ path: '$.items', message: `The pack has ${papers} papers; a pack holds at most ${PACK_LIMITS.maxPapers}.` });
  }
  if (draft.items.length > PACK_LIMITS.maxAgendaItems) {
    problems.push({
      path: '$.items',
      message: `The agenda has ${draft.items.length} items; a pack holds at most ${PACK_LIMITS.maxAgendaItems}.`,
    });
  }
  return problems;
}

function describe(item: DraftItem): string {
  return item.paper ? `"${item.paper.source}"` : `"${item.title}"`;
}

/** A paper with the file name it is stored under inside the pack. */
export type PlacedPaper = { paper: PackPaper; draft: DraftPaper };

/**
 * The manifest for a checked draft, and where each paper goes in the pack. Item ids are
 * `item-<number>` so that a supplement's items line up with the first pack's.
 */
export function makeManifest(draft: PackDraft): { manifest: PackManifest; placed: PlacedPaper[] } {
  const placed: PlacedPaper[] = [];
  const files = new Set<string>();
  const place = (file: string): string => {
    let candidate = file;
    for (let copy = 2; files.has(candidate.toLowerCase()); copy += 1) candidate = file.replace(/\.pdf$/, `-${copy}.pdf`);
    files.add(candidate.toLowerCase());
    return candidate;
  };
  if (draft.frontSheet) {
    placed.push({
      draft: draft.frontSheet,
      paper: {
        id: 'paper-front-sheet',
        title: draft.frontSheet.title,
        agendaItem: null,
        file: place('papers/00-agenda-front-sheet.pdf'),
        sha256: draft.frontSheet.sha256,
        pageCount: draft.frontSheet.pageCount,
        exempt: false,
      },
    });
  }
  const agenda: PackAgendaItem[] = draft.items.map((item) => {
    const number = item.number.trim();
    const id = `item-${idPart(number)}`;
    if (item.paper) {
      placed.push({
        draft: item.paper,
        paper: {
          id: paperIdFor(number, item.paper),
          title: item.paper.title.trim() || item.title.trim(),
          agendaItem: id,
          file: place(paperFileFor(number, item.title)),
          sha256: item.paper.sha256,
          pageCount: item.paper.pageCount,
          exempt: item.isExempt,
          ...(item.paper.supersedes !== undefined ? { supersedes: item.paper.supersedes } : {}),
        },
      });
    }
    return {
      id,
      number,
      title: item.title.trim(),
      presenter: item.presenter.trim(),
      exempt: item.isExempt,
      ...(item.isExempt && item.exemptParagraph !== undefined ? { exemptParagraph: item.exemptParagraph } : {}),
      decisionRequired: item.decisionRequired,
      links: item.links,
    };
  });
  const { meeting } = draft;
  const manifest: PackManifest = {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    issuedAt: draft.issuedAt,
    ...(draft.summary?.trim() ? { summary: draft.summary.trim() } : {}),
    meeting: {
      id: meeting.id,
      title: meeting.title,
      date: meeting.date,
      time: meeting.time,
      ...(meeting.place?.trim() ? { place: meeting.place.trim() } : {}),
      ...(meeting.planId?.trim() ? { planId: meeting.planId.trim() } : {}),
    },
    agenda,
    papers: placed.map((entry) => entry.paper),
  };
  return { manifest, placed };
}

/** A meeting id from its date when the clerk gives none: `meeting-2026-01-14`. */
export function defaultMeetingId(date: string): string {
  return `meeting-${date}`;
}

/**
 * Applies `--supersedes OLD_ID…`: each old paper is replaced by the paper in this pack on the same
 * agenda number (`paper-7` by item 7), or by the only paper when the pack has one.
 */
export function applySupersedes(items: DraftItem[], supersedes: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  const withPapers = items.filter((item) => item.paper);
  supersedes.forEach((oldId, index) => {
    const number = /^paper-(.+?)(?:-[0-9a-f]{8})?$/.exec(oldId)?.[1];
    const target =
      withPapers.length === 1 ? withPapers[0] : withPapers.find((item) => number !== undefined && idPart(item.number) === number);
    if (!target?.paper) {
      problems.push({
        path: `--supersedes[${index}]`,
        message: `--supersedes ${oldId}: this pack has no paper on item ${number ?? '?'} to replace it. Name the old paper's id (such as paper-7) and include the new paper with the same agenda number.`,
      });
      return;
    }
    if (target.paper.supersedes !== undefined) {
      problems.push({
        path: `--supersedes[${index}]`,
        message: `--supersedes ${oldId}: item ${target.number}'s paper already replaces ${target.paper.supersedes}.`,
      });
      return;
    }
    target.paper.supersedes = oldId;
  });
  return problems;
}

/**
 * A supplement made on the spot from PDFs dropped on a meeting: the meeting's agenda repeated
 * (the latest pack's agenda is the one shown, so it must not shrink), and each PDF a paper on the
 * item its name numbers, or on no item. Ids carry the PDF's hash, so they never clash with a
 * paper the meeting already has.
 */
export function makeSupplementManifest(input: {
  meeting: PackManifest['meeting'];
  agenda: readonly PackAgendaItem[];
  papers: ReadonlyArray<DraftPaper & { number: string | undefined }>;
  issuedAt: string;
}): { manifest: PackManifest; placed: PlacedPaper[]; warnings: Problem[] } {
  const warnings: Problem[] = [];
  const files = new Set<string>();
  const placed: PlacedPaper[] = input.papers.map((draft) => {
    const item =
      draft.number !== undefined ? input.agenda.find((entry) => entry.number.toLowerCase() === draft.number?.toLowerCase()) : undefined;
    if (!item) {
      warnings.push({
        path: draft.source,
        message:
          draft.number === undefined
            ? `"${draft.source}" has no agenda number in its name; it was added as a paper on no agenda item.`
            : `The agenda has no item ${draft.number}; "${draft.source}" was added as a paper on no agenda item.`,
      });
    }
    let file = paperFileFor(draft.number ?? 'supplement', draft.title).replace(/\.pdf$/, `-${draft.sha256.slice(0, 8)}.pdf`);
    for (let copy = 2; files.has(file.toLowerCase()); copy += 1) file = file.replace(/\.pdf$/, `-${copy}.pdf`);
    files.add(file.toLowerCase());
    return {
      draft,
      paper: {
        id: `paper-${idPart(draft.number ?? 'supplement')}-${draft.sha256.slice(0, 8)}`,
        title: draft.title,
        agendaItem: item?.id ?? null,
        file,
        sha256: draft.sha256,
        pageCount: draft.pageCount,
        exempt: item?.exempt ?? false,
      },
    };
  });
  const titles = input.papers.map((paper) => paper.title).join(', ');
  const manifest: PackManifest = {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    issuedAt: input.issuedAt,
    summary: `Supplement: ${titles}`.slice(0, 500),
    meeting: { ...input.meeting },
    agenda: input.agenda.map((item) => ({ ...item, links: item.links.map((link) => ({ ...link })) })),
    papers: placed.map((entry) => entry.paper),
  };
  return { manifest, placed, warnings };
}
