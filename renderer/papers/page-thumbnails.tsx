import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import { useEffect, useRef, useState } from 'react';

// Page thumbnails, drawn only while the list is open and only for the pages scrolled into view,
// so a 300-page paper costs nothing until the member looks.

const THUMBNAIL_WIDTH = 112;

/** A collapsible list of the paper's pages as small pictures, each opening its page. */
export function PageThumbnails({
  document,
  current,
  labelOf,
  onOpen,
}: {
  document: PDFDocumentProxy;
  current: number;
  labelOf: (page: number) => string;
  onOpen: (page: number) => void;
}) {
  const [isOpen, setOpen] = useState(false);
  return (
    <details className="page-thumbnails" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Pages</summary>
      {isOpen ? (
        <nav aria-label="Pages of the paper">
          <ol>
            {Array.from({ length: document.numPages }, (_, index) => (
              <li key={index}>
                <Thumbnail
                  document={document}
                  number={index + 1}
                  label={labelOf(index + 1)}
                  isCurrent={index + 1 === current}
                  onOpen={onOpen}
                />
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
    </details>
  );
}

function Thumbnail({
  document,
  number,
  label,
  isCurrent,
  onOpen,
}: {
  document: PDFDocumentProxy;
  number: number;
  label: string;
  isCurrent: boolean;
  onOpen: (page: number) => void;
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [isVisible, setVisible] = useState(typeof IntersectionObserver === 'undefined');

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        setVisible(true);
        observer.disconnect();
      }
    });
    observer.observe(canvas);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!isVisible || !canvas) return;
    let task: RenderTask | null = null;
    let isCurrent = true;
    void (async () => {
      try {
        const page = await document.getPage(number);
        if (!isCurrent) return;
        const viewport = page.getViewport({ scale: THUMBNAIL_WIDTH / page.getViewport({ scale: 1 }).width });
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        task = page.render({ canvas, viewport });
        await task.promise;
      } catch {
        // A thumbnail that cannot be drawn stays blank; the page itself says why if opened.
      }
    })();
    return () => {
      isCurrent = false;
      task?.cancel();
    };
  }, [document, number, isVisible]);

  return (
    <button type="button" className="thumbnail" aria-current={isCurrent ? 'page' : undefined} onClick={() => onOpen(number)}>
      <canvas ref={canvasRef} width={THUMBNAIL_WIDTH} height={Math.round(THUMBNAIL_WIDTH * 1.414)} aria-hidden="true" />
      <span>Page {label}</span>
    </button>
  );
}
