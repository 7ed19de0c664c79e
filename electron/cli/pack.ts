import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../../shared/plan/validate';
import { isIsoDate } from '../../shared/plan/schema';
import { applySupersedes, defaultMeetingId, type PackDraft } from '../../shared/pack/make';
import { readPackSource, writePack } from '../pack/make-pack';
import type { CliIo } from './io';

// `oversight-cli pack SOURCE …`: makes a meeting pack (.zip) from a folder of report PDFs or one
// combined agenda pack PDF, with the same module as the app's "Make a pack" (electron/pack).
// Exit 0 made; 1 a source problem (which file, why) or the pack could not be written; 2 usage.

export const PACK_USAGE = `  oversight-cli pack SOURCE --title TEXT --date YYYY-MM-DD --time HH:MM [--place TEXT]
        [--id ID] [--plan PLAN_ID] [--summary TEXT] [--supersedes PAPER_ID...] [--out FILE.zip]

pack makes a meeting pack from SOURCE: a folder of PDFs, one paper each, numbered and titled
from their names ("03 Highlight report.pdf", "Item 7 - Placements (exempt).pdf"), or one
combined agenda pack PDF, split into papers at its top-level bookmarks. The pack is written
atomically (never over an existing file) and checked exactly as validate checks it.
  --id ID            the meeting's id (default meeting-DATE); give the first pack's id for a supplement
  --summary TEXT     what the pack is ("Supplement: revised dashboard")
  --supersedes ID    the paper(s) of an earlier pack that this pack's paper on the same item reissues
  --out FILE.zip     where to write (default ID.zip here)
Exit status: 0 the pack was made, 1 a source problem (named) or it could not be written, 2 usage error.`;

type PackArguments = {
  source: string;
  title: string;
  date: string;
  time: string;
  place?: string;
  id?: string;
  plan?: string;
  summary?: string;
  supersedes: string[];
  out?: string;
};

const VALUE_OPTIONS = new Set(['--title', '--date', '--time', '--place', '--id', '--plan', '--summary', '--out']);

/** Reads `pack`'s arguments; a usage message when they are wrong. */
export function parsePackArguments(argv: readonly string[]): { ok: true; value: PackArguments } | { ok: false; message: string } {
  const values = new Map<string, string>();
  const supersedes: string[] = [];
  const sources: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] ?? '';
    if (argument === '--supersedes') {
      while (index + 1 < argv.length && !(argv[index + 1] ?? '').startsWith('--')) {
        supersedes.push(argv[index + 1] ?? '');
        index += 1;
      }
      if (supersedes.length === 0) return { ok: false, message: '--supersedes needs the id of at least one paper (such as paper-4).' };
    } else if (VALUE_OPTIONS.has(argument)) {
      const value = argv[index + 1];
      if (value === undefined || value.startsWith('--')) return { ok: false, message: `${argument} needs a value.` };
      if (values.has(argument)) return { ok: false, message: `${argument} is given twice.` };
      values.set(argument, value);
      index += 1;
    } else if (argument.startsWith('--')) return { ok: false, message: `Unknown option "${argument}".` };
    else sources.push(argument);
  }
  if (sources.length !== 1) {
    return {
      ok: false,
      message: sources.length === 0 ? 'Name the folder of PDFs or the combined pack PDF.' : `Name one SOURCE, not ${sources.length}.`,
    };
  }
  const missing = ['--title', '--date', '--time'].filter((option) => !values.get(option)?.trim());
  if (missing.length > 0) return { ok: false, message: `Give ${missing.join(', ')}.` };
  const date = values.get('--date') ?? '';
  if (!isIsoDate(date)) return { ok: false, message: `--date "${date}" is not a date in the form YYYY-MM-DD (such as 2027-01-14).` };
  const time = values.get('--time') ?? '';
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time))
    return { ok: false, message: `--time "${time}" is not a time in the form HH:MM (such as 14:00).` };
  const out = values.get('--out');
  if (out !== undefined && !out.toLowerCase().endsWith('.zip')) return { ok: false, message: `--out "${out}" must end .zip.` };
  const optional = (option: string, key: 'place' | 'id' | 'plan' | 'summary' | 'out') => {
    const value = values.get(option);
    return value !== undefined ? { [key]: value } : {};
  };
  return {
    ok: true,
    value: {
      source: sources[0] ?? '',
      title: values.get('--title') ?? '',
      date,
      time,
      supersedes,
      ...optional('--place', 'place'),
      ...optional('--id', 'id'),
      ...optional('--plan', 'plan'),
      ...optional('--summary', 'summary'),
      ...optional('--out', 'out'),
    },
  };
}

/** Runs `oversight-cli pack`; returns the exit code. */
export async function runPack(argv: readonly string[], io: CliIo, now: () => Date = () => new Date()): Promise<number> {
  const parsed = parsePackArguments(argv);
  if (!parsed.ok) {
    io.err(`${parsed.message}\n\nUsage:\n${PACK_USAGE}`);
    return 2;
  }
  const options = parsed.value;
  const read = await readPackSource(options.source);
  if (!read.ok) {
    io.err(formatProblems(`✖ ${options.source}: the pack was not made`, read.errors, read.warnings));
    return 1;
  }
  const superseding = applySupersedes(read.items, options.supersedes);
  if (superseding.length > 0) {
    io.err(formatProblems(`✖ ${options.source}: the pack was not made`, superseding, read.warnings));
    return 1;
  }
  const meetingId = options.id ?? defaultMeetingId(options.date);
  const draft: PackDraft = {
    meeting: {
      id: meetingId,
      title: options.title,
      date: options.date,
      time: options.time,
      ...(options.place !== undefined ? { place: options.place } : {}),
      ...(options.plan !== undefined ? { planId: options.plan } : {}),
    },
    ...(options.summary !== undefined ? { summary: options.summary } : {}),
    issuedAt: now()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z'),
    items: read.items,
    ...(read.frontSheet ? { frontSheet: read.frontSheet } : {}),
  };
  const target = options.out ?? (await freeName(path.resolve(`${meetingId.replace(/[^A-Za-z0-9._-]+/g, '-')}.zip`)));
  const written = await writePack(path.resolve(target), draft, read.bytes, { warnings: read.warnings });
  if (!written.ok) {
    io.err(formatProblems(`✖ ${target}: the pack was not made`, written.errors, written.warnings));
    return written.code === 'exists' ? 2 : 1;
  }
  const lines = [
    `✔ ${target}: meeting pack made (${written.papers} ${written.papers === 1 ? 'paper' : 'papers'}, ${plural(written.pages, 'page')})`,
  ];
  for (const item of written.manifest.agenda) {
    const papers = written.manifest.papers.filter((paper) => paper.agendaItem === item.id);
    const pages = papers.reduce((sum, paper) => sum + paper.pageCount, 0);
    lines.push(
      `  ${item.number.padEnd(4)} ${item.title}${item.exempt ? ' (exempt)' : ''}${papers.length > 0 ? `, ${plural(pages, 'page')}` : ', no paper'}`,
    );
  }
  io.out(formatProblems(lines.join('\n'), [], written.warnings));
  return 0;
}

// Without --out, a pack never lands on an earlier one: "id.zip", then "id-2.zip", …
async function freeName(file: string): Promise<string> {
  for (let copy = 1; copy < 100; copy += 1) {
    const candidate = copy === 1 ? file : file.replace(/\.zip$/, `-${copy}.zip`);
    if ((await fs.lstat(candidate).catch(() => null)) === null) return path.relative(process.cwd(), candidate) || candidate;
  }
  return file;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function formatProblems(heading: string, errors: readonly Problem[], warnings: readonly Problem[]): string {
  return [
    heading,
    ...errors.map((problem) => `  error   ${problem.path}  ${problem.message}`),
    ...warnings.map((problem) => `  warning ${problem.path}  ${problem.message}`),
  ].join('\n');
}
