import { z } from 'zod';

// The messages of the app's "Make a pack" (renderer/papers/make-pack-view.tsx) with main
// (electron/pack/pack-maker.ts): the sources main read, the clerk's edited agenda going back,
// and what was written. The PDFs themselves stay in main; the renderer names them by SHA-256.

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
// The contract's problem shape, repeated here because the contract imports this file.
const problemSchema = z.object({
  path: z.string(),
  message: z.string(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
});
const shortText = (max: number) => z.string().max(max);

export const draftPaperSchema = z.strictObject({
  source: shortText(1000),
  title: shortText(500),
  sha256,
  pageCount: z.number().int().min(1).max(5000),
  supersedes: z.string().min(1).max(64).optional(),
});

export const draftItemSchema = z.strictObject({
  number: shortText(20),
  title: shortText(500),
  presenter: shortText(300),
  decisionRequired: z.boolean(),
  isExempt: z.boolean(),
  exemptParagraph: z.number().int().min(1).max(7).optional(),
  links: z.array(z.strictObject({ kind: z.enum(['area', 'action']), id: z.string().min(1).max(64) })).max(100),
  paper: draftPaperSchema.optional(),
});

/** What main read from the PDFs the clerk chose: the agenda rows, or the problems (each naming its file). */
export const makerSourceSchema = z.object({
  token: z.string(),
  kind: z.enum(['folder', 'combined']),
  sourceName: z.string(),
  items: z.array(draftItemSchema),
  frontSheet: draftPaperSchema.optional(),
  warnings: z.array(problemSchema),
  errors: z.array(problemSchema),
});
export type MakerSource = z.infer<typeof makerSourceSchema>;

export const makerSaveRequestSchema = z.strictObject({
  token: z.string().min(1).max(200),
  draft: z.strictObject({
    meeting: z.strictObject({
      id: z.string().max(64),
      title: z.string().max(300),
      date: z.string().max(10),
      time: z.string().max(5),
      place: z.string().max(300).optional(),
      planId: z.string().max(64).optional(),
    }),
    summary: z.string().max(500).optional(),
    items: z.array(draftItemSchema).max(300),
    frontSheet: draftPaperSchema.optional(),
  }),
});
export type MakerSaveRequest = z.infer<typeof makerSaveRequestSchema>;

export const makerSaveResultSchema = z.object({
  saved: z.boolean(),
  fileName: z.string().optional(),
  papers: z.number().int().optional(),
  pages: z.number().int().optional(),
  warnings: z.array(problemSchema),
  errors: z.array(problemSchema),
});
export type MakerSaveResult = z.infer<typeof makerSaveResultSchema>;
