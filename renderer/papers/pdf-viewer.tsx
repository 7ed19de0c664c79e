import type { PDFDocumentProxy, PDFPageProxy, RenderTask } from 'pdfjs-dist';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { loadPdfJs, openPdf, pageTextOf, type PageText } from './pdf';
import { findInPages, type FindMatch } from './find';
import { PageThumbnails } from './page-thumbnails';
import { pageBoxWords } from './page-words';

// The paper viewer: one page at a time (the first page shows as soon as it is drawn, whatever
// the length of the paper), drawn by pdf.js on a canvas with its text layer over it for
// selecting. Highlights and find matches are painted with the CSS Custom Highlight API, which
// styles ranges of the text layer without changing it, so offsets always mean the same text.

/** A passage on one page, by character offsets in that page's text. */
export type PageRange = { page: number; start: number; end: number };

/** A highlight to paint: `id` is the annotation's. */
export type PageHighlight = PageRange & { id: string };

type OutlineEntry = { title: string; page: number | null; items: OutlineEntry[] };

const ZOOM_STEPS = [0.5, 0.67, 0.8, 1, 1.25, 1.5, 2, 3];
const HIGHLIGHT_NAME = 'paper-annotation';
const FIND_NAME = 'paper-find';

export type PdfViewerProps = {
  /** The paper's PDF. */
  pdf: Blob;
  title: string;
  isExempt: boolean;
  page: number;
  onPageChange: (page: number) => void;
  /** The paper's text per page (from extraction), for find; null while it is being prepared. */
  pageTexts: readonly string[] | null;
  highlights: readonly PageHighlight[];
  /** Told the passage the member selected (or the find match they chose), or null when none. */
  onPassage: (range: PageRange | null) => void;
};

/** Views one board paper: page navigation, zoom, fit to width, find, contents and thumbnails, keyboard. Give it a key per paper. */
export function PdfViewer({ pdf: blob, title, isExempt, page, onPageChange, pageTexts, highlights, onPassage }: PdfViewerProps) {
  const [document, setDocument] = useState<PDFDocumentProxy | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [labels, setLabels] = useState<string[] | null>(null);
  const [outline, setOutline] = useState<OutlineEntry[]>([]);
  const [zoom, setZoom] = useState<number | 'fit'>('fit');
  // Null until the frame is measured: drawing at a guessed scale and again at the fitted one
  // made the first page of a paper wait for two draws.
  const [fitScale, setFitScale] = useState<number | null>(null);
  const [pageText, setPageText] = useState<PageText | null>(null);
  const [renderedPage, setRenderedPage] = useState(0);
  const [query, setQuery] = useState('');
  const [matchIndex, setMatchIndex] = useState(0);
  // The first Enter after typing goes to the first match; later ones step to the next.
  const [isAtMatch, setAtMatch] = useState(false);
  const [pageInput, setPageInput] = useState(String(page));
  const [status, setStatus] = useState('');
  const frameRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const textLayerRef = useRef<HTMLDivElement>(null);
  const textDivsRef = useRef<HTMLElement[]>([]);
  const id = useId();
  const pageCount = document?.numPages ?? 0;
  const drawScale = zoom === 'fit' ? fitScale : zoom;
  const scale = drawScale ?? 1;

  // Open the PDF from its Blob: nothing but the stored copy is read.
  useEffect(() => {
    let isCurrent = true;
    let opened: PDFDocumentProxy | null = null;
    void (async () => {
      try {
        opened = await openPdf(new Uint8Array(await blob.arrayBuffer()));
        if (!isCurrent) return;
        setDocument(opened);
      } catch (caught) {
        console.warn('Opening the paper failed', caught);
        if (isCurrent) setError('This paper could not be opened: the PDF may be damaged. Ask the clerk for it again.');
      }
    })();
    return () => {
      isCurrent = false;
      void opened?.destroy();
    };
  }, [blob]);

  // Page labels and the contents only once the first page is drawn: on a long paper with an
  // outline, resolving every entry's page is hundreds of requests to pdf.js's worker, which
  // would otherwise be queued ahead of the page the member is waiting for.
  const hasDrawn = renderedPage > 0;
  useEffect(() => {
    if (!document || !hasDrawn) return;
    let isCurrent = true;
    void (async () => {
      try {
        const pageLabels = await document.getPageLabels();
        if (!isCurrent) return;
        setLabels(pageLabels);
        const entries = await readOutline(document);
        if (isCurrent) setOutline(entries);
      } catch (caught) {
        // Without labels the pages are numbered, and without an outline there are no contents.
        console.warn('Reading the paper’s page labels or contents failed', caught);
      }
    })();
    return () => {
      isCurrent = false;
    };
  }, [document, hasDrawn]);

  // Fit to width: the page's width at scale 1 against the frame's width, kept up to date.
  useEffect(() => {
    const frame = frameRef.current;
    if (!document || !frame) return;
    let isCurrent = true;
    const measure = async () => {
      const first = await document.getPage(Math.min(Math.max(page, 1), document.numPages));
      const width = first.getViewport({ scale: 1 }).width;
      const available = frame.clientWidth - 32;
      if (!isCurrent) return;
      // A frame with no width yet (hidden) draws at 100% rather than never.
      if (available > 0) setFitScale(Math.max(0.3, Math.min(4, available / width)));
      else setFitScale((current) => current ?? 1);
    };
    void measure();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => void measure());
    observer?.observe(frame);
    return () => {
      isCurrent = false;
      observer?.disconnect();
    };
  }, [document, page]);

  // Draw the page and its text layer; a newer page or zoom cancels a draw still under way.
  useEffect(() => {
    const canvas = canvasRef.current;
    const textLayer = textLayerRef.current;
    if (!document || !canvas || !textLayer || drawScale === null || page < 1 || page > document.numPages) return;
    let isCurrent = true;
    let task: RenderTask | null = null;
    let textLayerTask: { cancel(): void } | null = null;
    void (async () => {
      try {
        const pdfPage: PDFPageProxy = await document.getPage(page);
        if (!isCurrent) return;
        const viewport = pdfPage.getViewport({ scale: drawScale });
        const ratio = window.devicePixelRatio || 1;
        canvas.width = Math.floor(viewport.width * ratio);
        canvas.height = Math.floor(viewport.height * ratio);
        canvas.style.width = `${Math.floor(viewport.width)}px`;
        canvas.style.height = `${Math.floor(viewport.height)}px`;
        task = pdfPage.render({ canvas, viewport, ...(ratio === 1 ? {} : { transform: [ratio, 0, 0, ratio, 0, 0] }) });
        await task.promise;
        if (!isCurrent) return;
        setRenderedPage(page);
        const content = await pdfPage.getTextContent();
        if (!isCurrent) return;
        const pdfjs = await loadPdfJs();
        textLayer.replaceChildren();
        textLayer.style.setProperty('--total-scale-factor', String(drawScale));
        const layer = new pdfjs.TextLayer({ textContentSource: content, container: textLayer, viewport });
        textLayerTask = layer;
        await layer.render();
        if (!isCurrent) return;
        textDivsRef.current = layer.textDivs;
        setPageText(pageTextOf(content));
      } catch (caught) {
        if (isCurrent && !(caught instanceof Error && caught.name === 'RenderingCancelledException')) {
          console.warn('Drawing the page failed', caught);
          setError(`Page ${page} could not be drawn.`);
        }
      }
    })();
    return () => {
      isCurrent = false;
      task?.cancel();
      textLayerTask?.cancel();
      setPageText(null);
    };
  }, [document, page, drawScale]);

  const matches = useMemo(() => (pageTexts && query.trim().length >= 2 ? findInPages(pageTexts, query) : []), [pageTexts, query]);
  const currentMatch: FindMatch | undefined = matches[Math.min(matchIndex, matches.length - 1)];

  // Paint highlights and the current find match on the drawn page's text layer.
  useEffect(() => {
    if (!pageText || typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    const ranges = highlights
      .filter((highlight) => highlight.page === page)
      .map((highlight) => rangeFor(textDivsRef.current, pageText, highlight.start, highlight.end))
      .filter((range): range is Range => range !== null);
    CSS.highlights.set(HIGHLIGHT_NAME, new Highlight(...ranges));
    const findRange =
      currentMatch && currentMatch.page === page ? rangeFor(textDivsRef.current, pageText, currentMatch.start, currentMatch.end) : null;
    CSS.highlights.set(FIND_NAME, new Highlight(...(findRange ? [findRange] : [])));
    return () => {
      CSS.highlights.delete(HIGHLIGHT_NAME);
      CSS.highlights.delete(FIND_NAME);
    };
  }, [pageText, highlights, currentMatch, page]);

  const goTo = useCallback(
    (target: number) => {
      if (pageCount === 0) return;
      const next = Math.min(Math.max(1, target), pageCount);
      if (next !== page) onPageChange(next);
    },
    [onPageChange, page, pageCount],
  );

  const labelOf = (number: number) => labels?.[number - 1] ?? String(number);
  const pageWords = (number: number) => {
    const label = labelOf(number);
    return label === String(number) ? `Page ${number} of ${pageCount}` : `Page ${label} (${number} of ${pageCount})`;
  };

  // The page box follows the page shown (set while rendering, not in an effect).
  const shownKey = `${page}|${labels?.length ?? 0}`;
  const [inputFor, setInputFor] = useState(shownKey);
  if (inputFor !== shownKey) {
    setInputFor(shownKey);
    setPageInput(labelOf(page));
  }

  function zoomBy(direction: 1 | -1) {
    const current = scale;
    const steps =
      direction > 0 ? ZOOM_STEPS.filter((step) => step > current + 0.01) : ZOOM_STEPS.filter((step) => step < current - 0.01).reverse();
    const next = steps[0];
    if (next !== undefined) setZoom(next);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.target instanceof HTMLInputElement || event.altKey || event.ctrlKey || event.metaKey) return;
    const keys: Record<string, () => void> = {
      ArrowRight: () => goTo(page + 1),
      PageDown: () => goTo(page + 1),
      ArrowLeft: () => goTo(page - 1),
      PageUp: () => goTo(page - 1),
      Home: () => goTo(1),
      End: () => goTo(pageCount),
      '+': () => zoomBy(1),
      '=': () => zoomBy(1),
      '-': () => zoomBy(-1),
      w: () => setZoom('fit'),
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  }

  function goToMatch(index: number) {
    if (matches.length === 0) return;
    const wrapped = (index + matches.length) % matches.length;
    setMatchIndex(wrapped);
    setAtMatch(true);
    const match = matches[wrapped];
    if (match) {
      goTo(match.page);
      setStatus(`Match ${wrapped + 1} of ${matches.length}, on ${pageWords(match.page).toLowerCase()}`);
    }
  }

  function reportSelection() {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0 || !pageText || !textLayerRef.current) return;
    const range = selection.getRangeAt(0);
    if (!textLayerRef.current.contains(range.commonAncestorContainer)) return;
    const start = offsetOf(textDivsRef.current, pageText, range.startContainer, range.startOffset);
    const end = offsetOf(textDivsRef.current, pageText, range.endContainer, range.endOffset);
    if (start !== null && end !== null && end > start) onPassage({ page, start, end });
  }

  if (error) return <p className="entry entry-error">{error}</p>;

  return (
    <section className="paper-viewer" aria-label={`${title}: paper viewer`}>
      <div className="viewer-toolbar" role="toolbar" aria-label="Pages and zoom">
        <button type="button" className="secondary" onClick={() => goTo(page - 1)} disabled={page <= 1}>
          Previous page
        </button>
        <form
          className="page-jump"
          onSubmit={(event) => {
            event.preventDefault();
            const wanted = pageInput.trim();
            const byLabel = labels?.findIndex((label) => label.toLowerCase() === wanted.toLowerCase()) ?? -1;
            if (byLabel >= 0) goTo(byLabel + 1);
            else if (/^\d+$/.test(wanted)) goTo(Number(wanted));
            else setStatus(`There is no page “${wanted}” in this paper.`);
          }}
        >
          <label htmlFor={`${id}-page`}>Page</label>
          <input id={`${id}-page`} value={pageInput} size={4} onChange={(event) => setPageInput(event.target.value)} />
          <span className="muted">{pageBoxWords(labelOf(page), page, pageCount)}</span>
          <button type="submit" className="secondary">
            Go
          </button>
        </form>
        <button type="button" className="secondary" onClick={() => goTo(page + 1)} disabled={pageCount === 0 || page >= pageCount}>
          Next page
        </button>
        <span className="toolbar-gap" />
        <button type="button" className="secondary" onClick={() => zoomBy(-1)} aria-label="Zoom out">
          −
        </button>
        <span className="zoom-level" aria-live="polite">
          {Math.round(scale * 100)}%
        </span>
        <button type="button" className="secondary" onClick={() => zoomBy(1)} aria-label="Zoom in">
          +
        </button>
        <button type="button" className="secondary" aria-pressed={zoom === 'fit'} onClick={() => setZoom('fit')}>
          Fit to width
        </button>
      </div>
      <div className="viewer-toolbar" role="search" aria-label="Find in this paper">
        <form
          className="find-form"
          onSubmit={(event) => {
            event.preventDefault();
            goToMatch(isAtMatch ? matchIndex + 1 : matchIndex);
          }}
        >
          <label htmlFor={`${id}-find`}>Find in paper</label>
          <input
            id={`${id}-find`}
            type="search"
            value={query}
            disabled={pageTexts === null}
            aria-describedby={`${id}-find-status`}
            onChange={(event) => {
              setQuery(event.target.value);
              setMatchIndex(0);
              setAtMatch(false);
            }}
          />
          <button type="submit" className="secondary" disabled={matches.length === 0}>
            Next match
          </button>
          <button type="button" className="secondary" disabled={matches.length === 0} onClick={() => goToMatch(matchIndex - 1)}>
            Previous match
          </button>
          <span id={`${id}-find-status`} className="muted">
            {pageTexts === null
              ? 'Find is ready once the paper’s text has been prepared.'
              : query.trim().length < 2
                ? ''
                : matches.length === 0
                  ? 'No matches'
                  : `${matches.length} match${matches.length === 1 ? '' : 'es'}`}
          </span>
          {currentMatch ? (
            <button type="button" onClick={() => onPassage({ page: currentMatch.page, start: currentMatch.start, end: currentMatch.end })}>
              Highlight this match
            </button>
          ) : null}
        </form>
      </div>
      <div className="viewer-body">
        <div className="viewer-side">
          {outline.length > 0 ? (
            <nav aria-label="Contents of the paper" className="paper-outline">
              <h2>Contents</h2>
              <OutlineList entries={outline} onOpen={goTo} />
            </nav>
          ) : null}
          {document ? <PageThumbnails document={document} current={page} labelOf={labelOf} onOpen={goTo} /> : null}
        </div>
        <div
          ref={frameRef}
          className="page-frame"
          tabIndex={0}
          role="group"
          aria-roledescription="page"
          aria-label={
            pageCount > 0 ? `${pageWords(page)}. Arrow keys turn pages; plus and minus zoom; W fits to width.` : 'Opening the paper'
          }
          onKeyDown={onKeyDown}
          onMouseUp={reportSelection}
          onKeyUp={(event) => {
            if (event.shiftKey) reportSelection();
          }}
          data-rendered-page={renderedPage}
          data-text-page={pageText ? page : undefined}
          data-exempt={isExempt ? 'true' : undefined}
        >
          {isExempt ? (
            <p className="exempt-mark" role="note">
              <strong>EXEMPT</strong>: not for publication. This paper stays out of shared exports unless you include it.
            </p>
          ) : null}
          {document === null ? <p className="muted">Opening the paper…</p> : null}
          <div className="pdf-page">
            <canvas ref={canvasRef} aria-hidden="true" />
            <div ref={textLayerRef} className="textLayer" />
            {isExempt ? (
              <span className="exempt-watermark" aria-hidden="true">
                EXEMPT
              </span>
            ) : null}
          </div>
          <p className="page-footer muted" aria-hidden="true">
            {pageCount > 0 ? pageWords(page) : ''}
          </p>
        </div>
      </div>
      <p className="visually-hidden" role="status">
        {status}
      </p>
    </section>
  );
}

function OutlineList({ entries, onOpen }: { entries: readonly OutlineEntry[]; onOpen: (page: number) => void }) {
  return (
    <ul>
      {entries.map((entry, index) => (
        <li key={`${entry.title}-${index}`}>
          {entry.page === null ? (
            <span>{entry.title}</span>
          ) : (
            <button type="button" className="link-button" onClick={() => onOpen(entry.page ?? 1)}>
              {entry.title}
            </button>
          )}
          {entry.items.length > 0 ? <OutlineList entries={entry.items} onOpen={onOpen} /> : null}
        </li>
      ))}
    </ul>
  );
}

async function readOutline(document: PDFDocumentProxy): Promise<OutlineEntry[]> {
  const outline = await document.getOutline().catch(() => null);
  if (!outline) return [];
  type Item = (typeof outline)[number];
  const convert = async (items: readonly Item[]): Promise<OutlineEntry[]> =>
    Promise.all(
      items.map(async (item) => ({
        title: item.title,
        page: await destinationPage(document, item.dest),
        items: await convert(item.items),
      })),
    );
  return convert(outline);
}

async function destinationPage(document: PDFDocumentProxy, dest: string | unknown[] | null): Promise<number | null> {
  try {
    const explicit = typeof dest === 'string' ? await document.getDestination(dest) : dest;
    const target = explicit?.[0];
    if (typeof target === 'number') return target + 1;
    if (typeof target === 'object' && target !== null && 'num' in target && 'gen' in target) {
      return (await document.getPageIndex({ num: Number(target.num), gen: Number(target.gen) })) + 1;
    }
  } catch {
    // An outline entry pointing nowhere is shown without a link.
  }
  return null;
}

// The text node (or span) of each text item, and where the item starts in the page's text.
function rangeFor(textDivs: readonly HTMLElement[], pageText: PageText, start: number, end: number): Range | null {
  const from = pointAt(textDivs, pageText, start, false);
  const to = pointAt(textDivs, pageText, end, true);
  if (!from || !to) return null;
  const range = new Range();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

function pointAt(
  textDivs: readonly HTMLElement[],
  pageText: PageText,
  offset: number,
  isEnd: boolean,
): { node: Node; offset: number } | null {
  for (let index = pageText.itemStarts.length - 1; index >= 0; index -= 1) {
    const itemStart = pageText.itemStarts[index] ?? 0;
    if (itemStart > offset || (isEnd && itemStart === offset && index > 0)) continue;
    const node = textDivs[index]?.firstChild;
    if (!node) continue;
    return { node, offset: Math.min(offset - itemStart, node.textContent?.length ?? 0) };
  }
  return null;
}

function offsetOf(textDivs: readonly HTMLElement[], pageText: PageText, node: Node, offset: number): number | null {
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : node instanceof HTMLElement ? node : null;
  const index = element ? textDivs.indexOf(element) : -1;
  if (index >= 0) {
    const itemStart = pageText.itemStarts[index] ?? 0;
    return node.nodeType === Node.TEXT_NODE ? itemStart + offset : itemStart + (offset > 0 ? (element?.textContent?.length ?? 0) : 0);
  }
  // A selection that starts or ends between spans (on the text layer itself): the nearest span.
  if (element && element.classList.contains('textLayer')) {
    const child = element.childNodes[Math.min(offset, element.childNodes.length - 1)];
    const spanIndex = child instanceof HTMLElement ? textDivs.indexOf(child) : -1;
    return spanIndex >= 0 ? (pageText.itemStarts[spanIndex] ?? 0) : null;
  }
  return null;
}
