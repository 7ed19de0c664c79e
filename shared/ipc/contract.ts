import { z } from 'zod';
import type { PlanFile } from '../plan/schema';
import { trackerMappingSchema } from '../tracker/mapping';
import { annotationsFileSchema, type AnnotationsFile } from '../annotations/file';
import type { AnswersWorkbook } from '../answers/workbook';
import { packAgendaItemSchema, packSchema, type PackManifest } from '../pack/schema';
import { exportRequestSchema, exportResultSchema, importedDecisionsFileSchema } from '../exports/schema';
import type { Result } from '../result';
import { makerSaveRequestSchema, makerSaveResultSchema, makerSourceSchema } from '../pack/maker-ipc';
import { folderId, type OpenedBoardFile, type PublishedFile } from '../board/file';
import { MAX_FRAME_BYTES, backupHeaderSchema, backupHoldsSchema, backupReasonSchema } from '../backup/format';

// The one IPC contract between the main process and the renderer. Every channel the renderer
// may invoke is named here with the schema of its single argument and of its reply; main's
// handler table must `satisfies` this table, so a channel without a handler does not compile,
// and main parses every argument against `request` before a handler sees it.

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'must be a lower-case hex SHA-256');

/** A located problem in a file: JSON path (or sheet cell) and, where known, line and column. */
export const problemSchema = z.object({
  path: z.string(),
  message: z.string(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
});
export type Problem = z.infer<typeof problemSchema>;

// 'board': a file the clerk published to the board folder (docs/formats/board-folder-v1.md).
export const importSourceSchema = z.enum(['inbox', 'dialog', 'drop', 'sample', 'board']);
export type ImportSource = z.infer<typeof importSourceSchema>;

const countsSchema = z.object({
  areas: z.number().int(),
  actions: z.number().int(),
  milestones: z.number().int(),
  measures: z.number().int(),
  evidence: z.number().int(),
  risks: z.number().int(),
});

// The plan inside a candidate was produced by main's validator from the full plan schema; the
// renderer trusts main, so re-parsing megabytes here would only cost time.
const validatedPlanSchema = z.custom<PlanFile>((value) => typeof value === 'object' && value !== null);

/** What main made of one file: ready to store, refused with located problems, or waiting for a column mapping. */
export const importOutcomeSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('valid'),
    plan: validatedPlanSchema,
    /** SHA-256 of the normalised plan, so a reformatted file with the same content is recognised. */
    contentHash: sha256Schema,
    warnings: z.array(problemSchema),
    counts: countsSchema,
  }),
  z.object({ status: z.literal('invalid'), errors: z.array(problemSchema), warnings: z.array(problemSchema) }),
  z.object({
    status: z.literal('annotations'),
    /** Another member's shared annotations, validated by main, to merge. */
    file: z.custom<AnnotationsFile>((value) => typeof value === 'object' && value !== null),
    warnings: z.array(problemSchema),
  }),
  z.object({
    status: z.literal('pack'),
    /** A meeting pack's manifest, validated by main; the papers' bytes are fetched one by one with papers:read. */
    pack: z.custom<PackManifest>((value) => typeof value === 'object' && value !== null),
    /** SHA-256 of the manifest: the same pack from a folder or a zip is the same pack. */
    manifestSha256: sha256Schema,
    /** Each paper as main checked it: a PDF with the promised hash and pages. */
    papers: z.array(
      z.object({ id: z.string(), sha256: sha256Schema, size: z.number().int().nonnegative(), pageCount: z.number().int().positive() }),
    ),
    warnings: z.array(problemSchema),
  }),
  z.object({
    status: z.literal('answers'),
    /** An officers' questions-and-answers workbook, read and checked by main; matched to questions by the renderer. */
    workbook: z.custom<AnswersWorkbook>((value) => typeof value === 'object' && value !== null),
    warnings: z.array(problemSchema),
  }),
  z.object({
    status: z.literal('needs-mapping'),
    headings: z.array(z.string()),
    sampleRows: z.array(z.array(z.string())),
    mapping: trackerMappingSchema,
  }),
]);
export type ImportOutcome = z.infer<typeof importOutcomeSchema>;

/** One file main has read for import. `token` lets the renderer refer back to it (e.g. to apply a mapping). */
export const importCandidateSchema = z.object({
  token: z.string(),
  fileName: z.string(),
  source: importSourceSchema,
  /** '' when the file could not be read at all. */
  sha256: z.union([sha256Schema, z.literal('')]),
  size: z.number().int().nonnegative(),
  modifiedAt: z.string(),
  outcome: importOutcomeSchema,
});
export type ImportCandidate = z.infer<typeof importCandidateSchema>;

// A valid plan read by the file reader reaches main as the UTF-8 bytes of its JSON, which main
// passes on to the renderer without parsing: deserialising a 150 MB plan's objects in main held
// its event loop (every IPC message of the window) for most of a second (docs/benchmarks.md).
// The renderer parses the bytes (renderer/plan/receive-candidate.ts).
export const sentPlanOutcomeSchema = z.object({
  status: z.literal('valid'),
  planJson: z.custom<Uint8Array>((value) => value instanceof Uint8Array),
  contentHash: sha256Schema,
  warnings: z.array(problemSchema),
  counts: countsSchema,
});
export type SentPlanOutcome = z.infer<typeof sentPlanOutcomeSchema>;

/** A candidate as main sends it: an ImportCandidate, or one whose valid plan is still its JSON's bytes. */
export const candidateReplySchema = z.union([importCandidateSchema, importCandidateSchema.extend({ outcome: sentPlanOutcomeSchema })]);
export type CandidateReply = z.infer<typeof candidateReplySchema>;

const knownFilesSchema = z.object({
  /** Hashes of files already in the import log: main skips them without parsing. */
  knownSha256: z.array(sha256Schema).max(100_000),
});

export const settingsSchema = z.object({ inboxFolder: z.string() });
export type Settings = z.infer<typeof settingsSchema>;

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  dataFolder: z.string(),
  locale: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

const noArgument = z.undefined();
/** Which board's folder a board channel is about (its id on this laptop); no argument: the first board's. */
const boardChoice = z.strictObject({ board: folderId }).optional();

/** What main says after saving a file the user placed with the save dialog. */
export const savedFileSchema = z.object({
  saved: z.boolean(),
  fileName: z.string().optional(),
  /** The folder it went into, for "Saved to …". */
  folder: z.string().optional(),
  /** For `shell:show-saved`. */
  savedId: z.string().optional(),
});
export type SavedFile = z.infer<typeof savedFileSchema>;

// Backups (docs/formats/backup-v1.md): the renderer streams the store as frames; main encrypts
// and writes them, and reads a chosen backup back one decrypted frame at a time.
const frameSchema = z.custom<Uint8Array>((value) => value instanceof Uint8Array && value.length > 0 && value.length <= MAX_FRAME_BYTES);
const backupStatusSchema = z.object({
  hasPassphrase: z.boolean(),
  folder: z.string(),
  isDefaultFolder: z.boolean(),
  /** No backup yet today (UTC). */
  isDailyDue: z.boolean(),
  backups: z.array(
    z.object({ fileName: z.string(), createdAt: z.string(), reason: backupReasonSchema, size: z.number().int().nonnegative() }),
  ),
});
export type BackupStatus = z.infer<typeof backupStatusSchema>;
const openedBackupSchema = z.object({ token: z.string(), fileName: z.string(), header: backupHeaderSchema });
export type OpenedBackupSummary = z.infer<typeof openedBackupSchema>;
const backupTokenSchema = z.string().min(1).max(100);

export const channels = {
  'app:get-info': { request: noArgument, response: appInfoSchema },
  'settings:get': { request: noArgument, response: settingsSchema },
  'settings:choose-inbox-folder': { request: noArgument, response: settingsSchema },
  'settings:reset-inbox-folder': { request: noArgument, response: settingsSchema },
  'sync:scan-inbox': { request: knownFilesSchema, response: z.array(candidateReplySchema) },
  'sync:open-dialog': { request: knownFilesSchema, response: z.array(candidateReplySchema) },
  'sync:read-dropped': {
    request: knownFilesSchema.extend({ paths: z.array(z.string().min(1).max(4096)).min(1).max(100) }),
    response: z.array(candidateReplySchema),
  },
  'sync:load-sample': { request: noArgument, response: z.array(candidateReplySchema) },
  // A meeting pack folder, chosen in a folder dialog (the file dialog cannot choose folders on Windows).
  'sync:open-pack-folder': { request: knownFilesSchema, response: z.array(candidateReplySchema) },
  // One paper of a pack handed out as a candidate, by the candidate's token: read again and
  // re-checked against its SHA-256 by main. PDFs can be large, so they never ride in the candidate.
  'papers:read': {
    request: z.object({ token: z.string().min(1).max(200), paperId: z.string().min(1).max(64) }),
    response: z.object({ bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array) }),
  },
  'sync:apply-mapping': {
    request: z.object({ token: z.string().min(1).max(200), mapping: trackerMappingSchema, remember: z.boolean() }),
    response: candidateReplySchema,
  },
  'annotations:export': {
    // The renderer builds the file; main checks it against the format (private annotations
    // cannot pass: the schema admits only "shared") before the user chooses where it goes.
    request: z.object({ file: annotationsFileSchema, suggestedName: z.string().min(1).max(200) }),
    response: savedFileSchema,
  },
  'shell:open-external': { request: z.object({ url: z.string().max(2048) }), response: z.object({ opened: z.boolean() }) },
  // "Show in folder" after a save: the renderer names a file main saved this session by the id
  // main gave it; main reveals the path it wrote itself, never one the renderer supplies.
  'shell:show-saved': {
    request: z.strictObject({ savedId: z.uuid() }),
    response: z.object({ shown: z.literal(true) }),
  },
  // Main builds every export from this validated payload (exempt items left out unless included),
  // asks where to save it and writes it atomically; it never replaces a file it did not ask about.
  'exports:save': { request: exportRequestSchema, response: exportResultSchema },
  // Opens the Import dialog for .decisions.json files; main checks each chain before replying.
  'exports:import-decisions': { request: noArgument, response: z.object({ files: z.array(importedDecisionsFileSchema) }) },
  // Each board on this laptop has its own board folder: `board` is the board's id here (absent: the first board's).
  'board:get-folder': { request: boardChoice, response: z.object({ folder: z.string().nullable() }) },
  'board:choose-folder': { request: boardChoice, response: z.object({ folder: z.string().nullable() }) },
  'board:scan': {
    request: boardChoice,
    response: z.object({
      opened: z.array(
        z.object({ path: z.string(), file: z.custom<OpenedBoardFile>((value) => typeof value === 'object' && value !== null) }),
      ),
      refused: z.array(z.object({ path: z.string(), problems: z.array(problemSchema) })),
      newerVersion: z.array(z.object({ path: z.string(), message: z.string() })),
      incomplete: z.array(z.object({ path: z.string(), reason: z.string(), stalled: z.boolean() })),
    }),
  },
  'board:write': {
    request: z.object({
      path: z
        .string()
        .regex(
          /^((register|members)(\/[a-z0-9][a-z0-9-]{0,63}){0,2}\/(snapshot-|draft-)?|published(\/[a-z0-9][a-z0-9-]{0,63}){2}\/)\d{6,16}\.json$/,
        ),
      bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array && value.length <= 20 * 1024 * 1024),
      board: folderId.optional(),
    }),
    response: z.object({ written: z.literal(true) }),
  },
  'board:compact': {
    request: z.object({
      snapshotPath: z.string().regex(/^members\/[a-z0-9][a-z0-9-]{0,63}\/[a-z0-9][a-z0-9-]{0,63}\/snapshot-\d{6,16}\.json$/),
      segmentPaths: z.array(z.string().regex(/^members\/[a-z0-9][a-z0-9-]{0,63}\/[a-z0-9][a-z0-9-]{0,63}\/\d{6,16}\.json$/)).max(100_000),
      board: folderId.optional(),
    }),
    response: z.object({ removed: z.number().int() }),
  },
  // The clerk publishes to everyone: main opens the file dialog, reads each chosen file with its
  // importer (refusing one that would not load, or carries exempt material unless includeExempt),
  // and streams them into this device's area of the folder. The renderer then signs and writes
  // the manifest (board:write). null: the dialog was cancelled.
  'board:publish': {
    request: z.strictObject({ includeExempt: z.boolean(), memberId: folderId, deviceId: folderId, board: folderId.optional() }),
    response: z.object({
      publication: z
        .object({ sequence: z.number().int().positive(), files: z.custom<PublishedFile[]>((value) => Array.isArray(value)) })
        .nullable(),
    }),
  },
  // A publication the renderer admitted (its register's clerk signed it), by its manifest's path
  // and body hash: main checks every file against the manifest and hands each to its importer.
  'board:read-publication': {
    request: z.strictObject({
      path: z.string().regex(/^published(\/[a-z0-9][a-z0-9-]{0,63}){2}\/[^/\\:]{1,200}\.json$/),
      bodySha256: sha256Schema,
      knownSha256: z.array(sha256Schema).max(100_000),
      board: folderId.optional(),
    }),
    response: z.discriminatedUnion('status', [
      z.object({
        status: z.literal('ready'),
        candidates: z.array(candidateReplySchema),
        decisions: z.array(importedDecisionsFileSchema),
      }),
      z.object({ status: z.literal('incomplete'), reason: z.string() }),
    ]),
  },
  // Opens a plan's evidence file with the OS. The renderer names the evidence record, not a
  // path: main opens the file the plan it read gives for that record, only inside the plan's
  // folder, only document types, and only if the plan's SHA-256 (where given) matches.
  'evidence:open': {
    request: z.object({
      planId: z.string().min(1).max(64),
      evidenceId: z.string().min(1).max(64),
    }),
    response: z.object({ opened: z.literal(true), fileName: z.string() }),
  },
  // "Make a pack" (clerk): main opens a dialog for PDFs, a folder or a combined pack, reads them
  // (make-pack.ts) and keeps their bytes behind a token; the renderer edits the agenda, previews
  // a paper by its hash, and asks main to save the zip where the clerk chooses. null: cancelled.
  'pack-maker:choose': {
    request: z.strictObject({ kind: z.enum(['pdfs', 'folder', 'combined']) }),
    response: makerSourceSchema.nullable(),
  },
  'pack-maker:preview': {
    request: z.strictObject({ token: z.string().min(1).max(200), sha256: sha256Schema }),
    response: z.object({ bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array) }),
  },
  'pack-maker:save': { request: makerSaveRequestSchema, response: makerSaveResultSchema },
  // A lone PDF dropped on a meeting (or chosen in a dialog when no paths are given) becomes a
  // supplement made on the spot: main reads only .pdf files, writes a checked pack zip to a temp
  // folder and hands it out as candidates, exactly as if the clerk had sent it. The agenda is
  // repeated so that the meeting's agenda (the latest pack's) does not shrink.
  'pack-maker:supplement': {
    request: z.strictObject({
      paths: z.array(z.string().min(1).max(4096)).min(1).max(20).optional(),
      meeting: packSchema.shape.meeting,
      agenda: z.array(packAgendaItemSchema).max(200),
    }),
    response: z.array(candidateReplySchema),
  },
  // "Save a copy with my notes": the renderer builds the PDF (it holds the member's notes); main
  // checks it is a PDF of sane size, asks where it goes and writes it atomically.
  'papers:save-copy': {
    request: z.strictObject({
      bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array && value.length > 0 && value.length <= 400 * 1024 * 1024),
      suggestedName: z.string().min(1).max(200),
    }),
    response: savedFileSchema,
  },
  'backup:status': { request: noArgument, response: backupStatusSchema },
  // The passphrase crosses once; main keeps only the key derived from it.
  'backup:set-passphrase': { request: z.object({ passphrase: z.string().min(10).max(1024) }), response: backupStatusSchema },
  'backup:choose-folder': { request: noArgument, response: backupStatusSchema },
  'backup:reset-folder': { request: noArgument, response: backupStatusSchema },
  'backup:begin': {
    request: z.object({ reason: backupReasonSchema, schemaVersion: z.number().int().positive().max(10_000) }),
    response: z.object({ session: z.string() }),
  },
  'backup:append': {
    request: z.object({ session: backupTokenSchema, frame: frameSchema }),
    response: z.object({ appended: z.literal(true) }),
  },
  'backup:finish': {
    request: z.object({ session: backupTokenSchema, frame: frameSchema, holds: backupHoldsSchema }),
    response: z.object({ fileName: z.string(), removed: z.array(z.string()) }),
  },
  'backup:abort': { request: z.object({ session: backupTokenSchema }), response: z.object({ aborted: z.literal(true) }) },
  // A backup chosen in the Open dialog, or one listed in the backup folder by name: checked
  // (structure and hash) but not decrypted; the renderer never names a path.
  'backup:open': { request: z.strictObject({ fileName: z.string().min(1).max(255).optional() }), response: openedBackupSchema.nullable() },
  'backup:unlock': {
    request: z.object({ token: backupTokenSchema, passphrase: z.string().min(1).max(1024) }),
    response: z.object({ unlocked: z.literal(true), adopted: z.boolean() }),
  },
  'backup:read': {
    request: z.object({ token: backupTokenSchema, index: z.number().int().nonnegative() }),
    response: z.object({ frame: z.custom<Uint8Array>((value) => value instanceof Uint8Array), isLast: z.boolean() }),
  },
  // "Wipe this laptop": main forgets the backup key and folder (backups already made stay where they are).
  'backup:forget': { request: noArgument, response: z.object({ forgotten: z.literal(true) }) },
  'backup:close': { request: z.object({ token: backupTokenSchema }), response: z.object({ closed: z.literal(true) }) },
} as const;

/**
 * What the application menu (electron/menu.ts) asks the renderer to do. Main sends only a name
 * from this list; the renderer decides what it means, so the menu never carries a path or data.
 */
export const MENU_COMMANDS = [
  'import',
  'export',
  'print',
  'go-plan',
  'go-notes',
  'go-meetings',
  'go-papers',
  'go-exports',
  'theme-system',
  'theme-light',
  'theme-dark',
  'help-guide',
  'help-shortcuts',
  'help-about',
] as const;
export const menuCommandSchema = z.enum(MENU_COMMANDS);
export type MenuCommand = z.infer<typeof menuCommandSchema>;

/** Events main pushes to the renderer, with their payloads. */
export const events = {
  /** A command chosen in the application menu (or its accelerator). */
  'menu:command': z.object({ command: menuCommandSchema }),
  /** The board folder has files this laptop has not read: the renderer should scan it. */
  'board:changed': z.object({ folder: z.string() }),
  /** A new or changed file became stable in the inbox folder: the renderer should scan. */
  'sync:inbox-changed': z.object({ folder: z.string() }),
  /** Reading or validating a large file: drives a progress bar. */
  'sync:progress': z.object({
    fileName: z.string(),
    phase: z.enum(['reading', 'validating', 'done']),
    loaded: z.number().nonnegative(),
    total: z.number().nonnegative(),
  }),
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ChannelRequest<K extends ChannelName> = z.input<Channels[K]['request']>;
export type ChannelResponse<K extends ChannelName> = z.output<Channels[K]['response']>;
export type EventName = keyof typeof events;
export type EventPayload<K extends EventName> = z.output<(typeof events)[K]>;

export const CHANNEL_NAMES = Object.keys(channels) as ChannelName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

/** Type guard for a channel name arriving from the untyped bridge. */
export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && Object.hasOwn(channels, value);
}

/** Type guard for an event name. */
export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(events, value);
}

/**
 * The small API object the preload exposes as `window.oversight` (and the end-to-end harness
 * recreates in Chromium). It is deliberately untyped at the bridge: the renderer's client wraps
 * it with the contract's types, and main re-checks everything that crosses.
 */
export type OversightBridge = {
  invoke(channel: string, argument: unknown): Promise<Result<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
  /** The local path of a file dropped on the window ('' where there is none). */
  pathForFile(file: unknown): string;
};
