import { z } from 'zod';
import { isIsoDate, isIsoDateTime } from '../plan/schema';

// The meeting pack, format version 1 (docs/formats/pack-v1.md): a `.pack.json` manifest beside
// the board papers (PDFs), in a folder or a .zip. The manifest names the meeting, its agenda and
// each paper with the SHA-256 of its file, so a paper that was altered or swapped on the way is
// refused before anything is stored.

export const PACK_FORMAT = 'oversight-pack';
export const PACK_FORMAT_VERSION = 1;
export const PACK_MANIFEST_SUFFIX = '.pack.json';

const MIB = 1024 * 1024;

/** What a pack may hold. A board pack is tens of megabytes; these leave room without letting a file exhaust memory. */
export const PACK_LIMITS = {
  maxManifestBytes: 2 * MIB,
  maxAgendaItems: 200,
  maxPapers: 300,
  maxPaperBytes: 200 * MIB,
  /** A .zip file, and everything it expands to. */
  maxPackBytes: 512 * MIB,
  maxPagesPerPaper: 5000,
  maxPathLength: 255,
} as const;

const id = z
  .string()
  .min(1, { error: 'is empty; an id must be 1 to 64 characters' })
  .max(64, { error: 'is too long; an id must be 1 to 64 characters' })
  // Ids become parts of store keys, joined with control characters: they must hold none.
  .refine((value) => ![...value].some((character) => character.charCodeAt(0) < 0x20), { error: 'contains a control character' });
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: 'is empty' })
    .max(max, { error: `is longer than ${max} characters` });
const isoDate = z.string().refine(isIsoDate, { error: 'is not a date in the form YYYY-MM-DD' });
const dateTime = z.string().refine(isIsoDateTime, { error: 'is not a date and time such as 2026-11-05T09:00:00Z' });
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'is not a time in the form HH:MM' });
const sha256 = z
  .string()
  .regex(/^[0-9a-fA-F]{64}$/, { error: 'is not a SHA-256 (64 hexadecimal characters)' })
  .transform((value) => value.toLowerCase());

/** Why a paper's path is unsafe or unusable, or undefined when it is a plain relative path to a PDF. */
export function packPathProblem(path: string): string | undefined {
  if (path.includes('\u0000')) return 'contains a NUL character';
  if (path.startsWith('/') || path.startsWith('\\')) return 'is an absolute path; give the path relative to the .pack.json';
  if (/^[A-Za-z]:/.test(path)) return 'starts with a drive letter; give the path relative to the .pack.json';
  if (path.includes('\\')) return 'uses "\\"; separate folders with "/"';
  const segments = path.split('/');
  if (segments.some((segment) => segment === '..')) return 'contains ".." and would point outside the pack';
  if (segments.some((segment) => segment === '' || segment === '.')) return 'has an empty or "." folder name';
  if (path.length > PACK_LIMITS.maxPathLength) return `is longer than ${PACK_LIMITS.maxPathLength} characters`;
  if (!path.toLowerCase().endsWith('.pdf')) return 'does not name a .pdf file';
  return undefined;
}

const paperPath = z.string().superRefine((value, context) => {
  const problem = packPathProblem(value);
  if (problem !== undefined) context.addIssue({ code: 'custom', message: problem });
});

const planLinkSchema = z.strictObject({ kind: z.enum(['area', 'action']), id });

export const packAgendaItemSchema = z.strictObject({
  id,
  number: text(20),
  title: text(500),
  /** Who presents it: a role, not a name. */
  presenter: z.string().max(300).default(''),
  /** Confidential: every paper on an exempt item is exempt too. */
  exempt: z.boolean().default(false),
  /** The paragraph of Schedule 12A to the Local Government Act 1972 that makes the item exempt. */
  exemptParagraph: z.number().int().min(1).max(7).optional(),
  decisionRequired: z.boolean().default(false),
  /** Areas and actions of the plan the item is about. */
  links: z.array(planLinkSchema).max(100).default([]),
});

export const packPaperSchema = z.strictObject({
  /** Unique within the meeting, across every pack and supplement for it. */
  id,
  title: text(500),
  /** The agenda item the paper belongs to, or null for a paper on no item. */
  agendaItem: id.nullable(),
  /** The PDF's path relative to the .pack.json, with "/" between folders. */
  file: paperPath,
  sha256,
  pageCount: z.number().int().min(1).max(PACK_LIMITS.maxPagesPerPaper),
  /** Confidential: marked on every page, and left out of shared exports unless the member includes it. */
  exempt: z.boolean(),
  /** The id of the paper this one reissues (replaces). */
  supersedes: id.optional(),
});

export const packSchema = z.strictObject({
  format: z.literal(PACK_FORMAT),
  formatVersion: z.literal(PACK_FORMAT_VERSION),
  issuedAt: dateTime,
  /** What this pack is, in a line: "Agenda pack" or "Supplement: revised performance dashboard". */
  summary: z.string().max(500).optional(),
  meeting: z.strictObject({
    id,
    title: text(300),
    date: isoDate,
    time: clockTime,
    place: z.string().max(300).optional(),
    /** The plan the agenda's links refer to. */
    planId: id.optional(),
  }),
  agenda: z.array(packAgendaItemSchema).max(PACK_LIMITS.maxAgendaItems),
  papers: z.array(packPaperSchema).min(1, { error: 'is empty; a pack holds at least one paper' }).max(PACK_LIMITS.maxPapers),
});

export type PackManifest = z.output<typeof packSchema>;
export type PackPaper = PackManifest['papers'][number];
export type PackAgendaItem = PackManifest['agenda'][number];
