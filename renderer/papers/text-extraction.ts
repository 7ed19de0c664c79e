import type { OversightDatabase } from '../db/database';
import { papersWithoutText, savePaperText } from './pack-repository';
import { extractText, openPdf } from './pdf';

// Each paper's text is extracted once, in the background after its pack is stored, for search,
// find-in-paper and anchoring highlights. pdf.js parses in its worker; the window stays usable.
// One run at a time per store; a request during a run makes it look again when it ends.

type Run = { running: Promise<void>; again: boolean };
const runs = new WeakMap<OversightDatabase, Run>();

/** Extracts the text of every paper that has none yet; resolves when none is left. */
export function startTextExtraction(db: OversightDatabase, options: { now?: () => Date } = {}): Promise<void> {
  const current = runs.get(db);
  if (current) {
    current.again = true;
    return current.running;
  }
  const run: Run = { running: Promise.resolve(), again: false };
  run.running = (async () => {
    try {
      do {
        run.again = false;
        for (const id of await papersWithoutText(db)) await extractOne(db, id, options.now ?? (() => new Date()));
      } while (run.again);
    } finally {
      runs.delete(db);
    }
  })();
  runs.set(db, run);
  return run.running;
}

async function extractOne(db: OversightDatabase, id: string, now: () => Date): Promise<void> {
  const paper = await db.papers.get(id);
  if (!paper) return;
  try {
    const pdf = await openPdf(new Uint8Array(await paper.pdf.arrayBuffer()), 'background');
    try {
      const { pages, pageLabels } = await extractText(pdf);
      // The paper may have been removed while its text was read.
      if (await db.papers.get(id)) await savePaperText(db, { id, status: 'ready', pages, pageLabels, extractedAt: now().toISOString() });
    } finally {
      await pdf.destroy();
    }
  } catch (error) {
    console.warn('Text extraction failed', error);
    await savePaperText(db, {
      id,
      status: 'failed',
      pages: [],
      pageLabels: null,
      extractedAt: now().toISOString(),
      message: 'The text of this paper could not be read, so it cannot be searched or highlighted. It can still be read.',
    });
  }
}
