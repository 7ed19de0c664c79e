import { z } from 'zod';
import { findJsonSyntaxError, locateIssues } from '../plan/locate';
import type { Problem } from '../plan/validate';
import { decodeHlc } from './hlc';
import { CONTEXT_LENGTH, MAX_QUOTE_LENGTH } from '../pack/anchor';
import { ANNOTATION_KINDS, BOARD_ROLES, PLAN_TARGET_KINDS } from './types';

// The .annotations.json exchange file, format version 1 (docs/formats/annotations-file-v1.md):
// one member's shared annotations, with tombstones for the ones they deleted. Private
// annotations are never written to a file, and a file carrying one is refused.

export const ANNOTATIONS_FORMAT = 'oversight-annotations';
export const ANNOTATIONS_FORMAT_VERSION = 1;
export const ANNOTATIONS_LIMITS = { maxBytes: 100 * 1024 * 1024, maxAnnotations: 200_000, maxTextLength: 20_000 };

const id = z.string().min(1).max(64);
const dateTime = z.iso.datetime({ offset: true });
const hlc = z.string().refine((value) => decodeHlc(value) !== null, 'is not a clock stamp written by Oversight');

const planTargetSchema = z.strictObject({
  kind: z.enum(PLAN_TARGET_KINDS),
  planId: id,
  id,
  point: z
    .string()
    .regex(/^\d{4}(-\d{2})?$/, 'must be a period like 2026-03 or 2026')
    .optional(),
});

// A passage of a board paper: the quote with its context finds it again in a reissued paper.
const paperTargetSchema = z.strictObject({
  kind: z.literal('paper'),
  meetingId: z.string().min(1).max(128),
  paperId: id,
  anchor: z.strictObject({
    quote: z.strictObject({
      exact: z.string().min(1).max(MAX_QUOTE_LENGTH),
      prefix: z.string().max(CONTEXT_LENGTH),
      suffix: z.string().max(CONTEXT_LENGTH),
    }),
    position: z
      .strictObject({ start: z.number().int().min(0), end: z.number().int().min(1) })
      .refine((position) => position.end > position.start, 'must end after it starts'),
    page: z.number().int().min(1),
  }),
});

const targetSchema = z.discriminatedUnion('kind', [planTargetSchema, paperTargetSchema]);

export const annotationEntrySchema = z
  .strictObject({
    id,
    authorId: id,
    target: targetSchema,
    kind: z.enum(ANNOTATION_KINDS),
    text: z.string().max(ANNOTATIONS_LIMITS.maxTextLength),
    tags: z.array(z.string().min(1).max(60)).max(20),
    visibility: z.literal('shared', { error: 'must be "shared": private annotations never leave a laptop' }),
    answer: z
      .strictObject({
        text: z.string().max(ANNOTATIONS_LIMITS.maxTextLength),
        answeredAt: dateTime,
        answeredBy: z.string().max(200).optional(),
        answeredOn: z.iso.date().optional(),
        via: z.enum(['meeting', 'workbook']).optional(),
        notAccepted: z.strictObject({ at: dateTime, followUp: z.string().min(1).max(ANNOTATIONS_LIMITS.maxTextLength) }).optional(),
      })
      .nullable(),
    assuranceLevel: z.string().trim().min(1).max(60).optional(),
    madeAgainstRevision: z.number().int().min(1),
    createdAt: dateTime,
    hlc,
    deviceId: id,
    deleted: z.boolean(),
  })
  .refine(
    (entry) =>
      !entry.deleted || (entry.text === '' && entry.tags.length === 0 && entry.answer === null && entry.assuranceLevel === undefined),
    {
      message: 'a deleted annotation keeps no text, tags, answer or assurance level',
      path: ['text'],
    },
  );

export const annotationsFileSchema = z.strictObject({
  format: z.literal(ANNOTATIONS_FORMAT),
  formatVersion: z.literal(ANNOTATIONS_FORMAT_VERSION),
  exportedAt: dateTime,
  author: z.strictObject({
    id,
    displayName: z.string().min(1).max(200),
    role: z.enum(BOARD_ROLES),
    organisation: z.string().max(200),
    deviceId: id,
  }),
  annotations: z.array(annotationEntrySchema).max(ANNOTATIONS_LIMITS.maxAnnotations),
});

export type AnnotationsFile = z.infer<typeof annotationsFileSchema>;
export type AnnotationEntry = z.infer<typeof annotationEntrySchema>;

export type AnnotationsValidation =
  { ok: true; file: AnnotationsFile; warnings: Problem[] } | { ok: false; errors: Problem[]; warnings: Problem[] };

/** Validates the bytes of an .annotations.json file; every problem located; never throws. */
export function validateAnnotationsBytes(bytes: Uint8Array): AnnotationsValidation {
  try {
    if (bytes.length > ANNOTATIONS_LIMITS.maxBytes) {
      return failure([
        { path: '$', message: `The file is larger than the ${ANNOTATIONS_LIMITS.maxBytes / 2 ** 20} MB an annotations file may be` },
      ]);
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return failure([{ path: '$', message: 'The file is not UTF-8 text' }]);
    }
    return validateAnnotationsText(text);
  } catch {
    return failure([{ path: '$', message: 'Oversight could not finish checking this file' }]);
  }
}

/** Validates the text of an .annotations.json file. */
export function validateAnnotationsText(text: string): AnnotationsValidation {
  try {
    let value: unknown;
    try {
      value = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      const syntax = findJsonSyntaxError(text);
      return failure([
        {
          path: '$',
          message: syntax?.message ?? 'The file is not valid JSON',
          ...(syntax ? { line: syntax.line, column: syntax.column } : {}),
        },
      ]);
    }
    if (typeof value === 'object' && value !== null && 'format' in value && value.format === ANNOTATIONS_FORMAT) {
      const version = 'formatVersion' in value ? value.formatVersion : undefined;
      if (typeof version === 'number' && version > ANNOTATIONS_FORMAT_VERSION) {
        return failure([
          {
            path: '$.formatVersion',
            message: `This file was made by a newer version of Oversight (annotations format version ${version}); this version reads version ${ANNOTATIONS_FORMAT_VERSION}. Update Oversight to open it.`,
          },
        ]);
      }
    }
    const parsed = annotationsFileSchema.safeParse(value);
    if (parsed.success) return checkAuthorship(parsed.data);
    return failure(locateIssues(text, value, parsed.error.issues, 1000));
  } catch {
    return failure([{ path: '$', message: 'Oversight could not finish checking this file' }]);
  }
}

// A file speaks for one member: every annotation in it must be theirs.
function checkAuthorship(file: AnnotationsFile): AnnotationsValidation {
  const errors: Problem[] = [];
  file.annotations.forEach((entry, index) => {
    if (entry.authorId !== file.author.id) {
      errors.push({
        path: `$.annotations[${index}].authorId`,
        message: `Annotation "${entry.id}" belongs to another member (${entry.authorId}), not to ${file.author.displayName}: a member's file may carry only their own annotations`,
      });
    }
  });
  const seen = new Map<string, number>();
  file.annotations.forEach((entry, index) => {
    const first = seen.get(entry.id);
    if (first !== undefined)
      errors.push({
        path: `$.annotations[${index}].id`,
        message: `Annotation id "${entry.id}" appears twice (also at $.annotations[${first}])`,
      });
    else seen.set(entry.id, index);
  });
  return errors.length > 0 ? failure(errors) : { ok: true, file, warnings: [] };
}

function failure(errors: Problem[]): AnnotationsValidation {
  return { ok: false, errors, warnings: [] };
}
