import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, PDFHexString, PDFName, type PDFRef } from 'pdf-lib';
import { readPackSource, writePack } from '../../electron/pack/make-pack';
import { makePaperPdf } from '../sample/paper-pdf';
import type { Figure } from './run';

// Issue 14's target: making a pack from a 500-page combined agenda pack (read, split at its
// bookmarks, hash, zip, write atomically and check as `validate` would) takes at most 1.5× the
// time pdf-lib alone takes to copy the same 500 pages into a new PDF and save it. Both run on
// the same file in the same process, alternately, three times each; the medians are compared.
// Run on its own: npx tsx scripts/bench/pack-make.ts

const PARAGRAPH =
  'The board considered the timeliness of education, health and care plans, the backlog of plans over 52 weeks, annual reviews completed on time and the waits for speech and language therapy, and asked officers for a recovery trajectory by locality.';
const PAPERS = 20;
const PAGES_PER_PAPER = 25;

/** A 500-page combined pack: 20 reports of 25 text pages, one top-level bookmark each. */
export async function makeCombinedPack(): Promise<Uint8Array> {
  const combined = await PDFDocument.create({ updateMetadata: false });
  const starts: Array<{ title: string; page: PDFRef }> = [];
  for (let paper = 1; paper <= PAPERS; paper += 1) {
    const bytes = await makePaperPdf({
      title: `Report ${paper}`,
      sections: Array.from({ length: PAGES_PER_PAPER }, (_, index) => ({
        heading: `Section ${index + 1}`,
        paragraphs: [PARAGRAPH, PARAGRAPH, PARAGRAPH, PARAGRAPH, PARAGRAPH, PARAGRAPH],
        startsOnNewPage: index > 0,
      })),
      minimumPages: PAGES_PER_PAPER,
    });
    const source = await PDFDocument.load(bytes);
    const pages = await combined.copyPages(source, source.getPageIndices().slice(0, PAGES_PER_PAPER));
    pages.forEach((page) => combined.addPage(page));
    const first = pages[0];
    if (first) starts.push({ title: `${paper} Report ${paper}`, page: first.ref });
  }
  const { context } = combined;
  const outlines = context.nextRef();
  const refs = starts.map(() => context.nextRef());
  starts.forEach((start, index) => {
    const item = context.obj({ Title: PDFHexString.fromText(start.title), Parent: outlines, Dest: [start.page, 'XYZ', null, null, null] });
    const next = refs[index + 1];
    if (next) item.set(PDFName.of('Next'), next);
    context.assign(refs[index] as PDFRef, item);
  });
  context.assign(outlines, context.obj({ Type: 'Outlines', First: refs[0] as PDFRef, Last: refs.at(-1) as PDFRef, Count: refs.length }));
  combined.catalog.set(PDFName.of('Outlines'), outlines);
  return combined.save();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** The figures: our pack making, and pdf-lib copying the same pages, on a 500-page combined pack. */
export async function benchPackMaking(): Promise<Figure[]> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'oversight-bench-pack-'));
  try {
    const file = path.join(work, 'Agenda reports pack.pdf');
    const bytes = await makeCombinedPack();
    await fs.writeFile(file, bytes);
    const ours: number[] = [];
    const bare: number[] = [];
    for (let run = 0; run < 3; run += 1) {
      let started = performance.now();
      const source = await PDFDocument.load(await fs.readFile(file), { updateMetadata: false });
      const copy = await PDFDocument.create({ updateMetadata: false });
      for (const page of await copy.copyPages(source, source.getPageIndices())) copy.addPage(page);
      await fs.writeFile(path.join(work, `copy-${run}.pdf`), await copy.save());
      bare.push(performance.now() - started);

      started = performance.now();
      const read = await readPackSource(file);
      if (!read.ok) throw new Error(JSON.stringify(read.errors));
      const written = await writePack(
        path.join(work, `pack-${run}.zip`),
        {
          meeting: { id: 'bench', title: 'Bench board', date: '2027-01-14', time: '14:00' },
          issuedAt: '2027-01-06T09:00:00Z',
          items: read.items,
        },
        read.bytes,
      );
      if (!written.ok || written.pages !== PAPERS * PAGES_PER_PAPER) throw new Error(`pack not made: ${JSON.stringify(written)}`);
      ours.push(performance.now() - started);
    }
    const megabytes = (bytes.length / 2 ** 20).toFixed(1);
    const oursMs = median(ours);
    const bareMs = median(bare);
    return [
      {
        name: `make a pack from a 500-page combined PDF (${megabytes} MB, ${PAPERS} bookmarks)`,
        value: oursMs,
        unit: 'ms',
        baseline: { name: 'pdf-lib alone: copy the same 500 pages into one PDF and save', value: bareMs },
        note: `${(oursMs / bareMs).toFixed(2)}× (target ≤ 1.5×)`,
      },
    ];
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const figures = await benchPackMaking();
  for (const figure of figures) {
    console.log(
      `${figure.name}: ${figure.value.toFixed(0)} ms; ${figure.baseline?.name}: ${figure.baseline?.value.toFixed(0)} ms; ${figure.note ?? ''}`,
    );
  }
}
