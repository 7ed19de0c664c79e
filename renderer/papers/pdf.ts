/// <reference types="vite/client" />
import type * as PdfJsModule from 'pdfjs-dist';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import type { TextContent, TextItem } from 'pdfjs-dist/types/src/display/api';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

// pdf.js, set up for the app's strict Content-Security-Policy and for offline use: its worker is
// bundled with the app (served from 'self'), nothing is fetched from a network, eval is never
// used (isEvalSupported: false) and neither is WebAssembly (the CSP forbids compiling it). The
// library is loaded on first use, so the app starts without it.

type PdfJs = typeof PdfJsModule;
let library: Promise<PdfJs> | null = null;

/** pdf.js, loaded once, with its bundled worker. */
export function loadPdfJs(): Promise<PdfJs> {
  library ??= import('pdfjs-dist').then((pdfjs) => {
    pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
    return pdfjs;
  });
  return library;
}

/**
 * What a PDF is opened for: the paper a member is reading, or work in the background (text
 * extraction, the annotated copy). Each keeps one pdf.js worker for the life of the window:
 * left to itself pdf.js starts a worker per document (fetching and compiling its megabyte of
 * script each time a paper is opened) and ends it with the document. Two, so that extracting a
 * 500-page pack never queues the page a member is waiting for behind it.
 */
export type PdfPurpose = 'view' | 'background';

const workers = new Map<PdfPurpose, InstanceType<PdfJs['PDFWorker']>>();

function workerFor(pdfjs: PdfJs, purpose: PdfPurpose): InstanceType<PdfJs['PDFWorker']> {
  const current = workers.get(purpose);
  // A worker that failed or was ended is replaced; a document never ends a worker it was given.
  if (current && !current.destroyed) return current;
  const worker = new pdfjs.PDFWorker();
  workers.set(purpose, worker);
  return worker;
}

/**
 * Loads pdf.js and starts the viewer's worker ahead of need (when a list of papers is shown),
 * so opening the first paper waits for neither: together they were most of a cold open.
 */
export function warmPdfViewer(): void {
  // jsdom (component tests) has no Worker; pdf.js would fall back to running in the window.
  if (typeof Worker === 'undefined') return;
  void loadPdfJs()
    .then((pdfjs) => workerFor(pdfjs, 'view'))
    .catch((error: unknown) => console.warn('Preparing the paper viewer failed', error));
}

/** Opens a PDF from its bytes (which pdf.js takes over: pass a copy you no longer need). */
export async function openPdf(data: Uint8Array, purpose: PdfPurpose = 'view'): Promise<PDFDocumentProxy> {
  const pdfjs = await loadPdfJs();
  return pdfjs.getDocument({
    data,
    worker: workerFor(pdfjs, purpose),
    isEvalSupported: false,
    useWasm: false,
    enableXfa: false,
    // Fonts the paper does not embed are drawn with the laptop's own fonts: nothing to fetch.
    useSystemFonts: true,
    stopAtErrors: false,
  }).promise;
}

/** A page's text as the app indexes and anchors it, and where each text item starts in it. */
export type PageText = { text: string; itemStarts: number[] };

function isTextItem(item: TextContent['items'][number]): item is TextItem {
  return 'str' in item;
}

/**
 * A page's text: its text items in order, a line break after each that ends a line. The same
 * function serves extraction (stored, searched, anchored) and the viewer's text layer (whose
 * spans are these items, in this order), so offsets agree between the two.
 */
export function pageTextOf(content: Pick<TextContent, 'items'>): PageText {
  let text = '';
  const itemStarts: number[] = [];
  for (const item of content.items) {
    if (!isTextItem(item)) continue;
    itemStarts.push(text.length);
    text += item.str;
    if (item.hasEOL) text += '\n';
  }
  return { text, itemStarts };
}

/** Every page's text and the paper's page labels; yields to the window between pages. */
export async function extractText(
  pdf: PDFDocumentProxy,
  onPage?: (done: number, total: number) => void,
): Promise<{ pages: string[]; pageLabels: string[] | null }> {
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const page: PDFPageProxy = await pdf.getPage(number);
    pages.push(pageTextOf(await page.getTextContent()).text);
    page.cleanup();
    onPage?.(number, pdf.numPages);
    // The parsing happens in pdf.js's worker; this keeps the little work left here in short turns.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { pages, pageLabels: await pdf.getPageLabels() };
}
