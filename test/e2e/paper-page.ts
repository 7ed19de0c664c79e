import type { Page } from 'playwright-core';

/** Selects words on a paper's drawn page, as a member dragging over them would, and lets go. */
export async function selectWords(page: Page, words: string): Promise<void> {
  // One step in the page, so nothing can come between the check and the selection: the page's
  // text layer is drawn and the viewer has its text (data-text-page, set in the same render as
  // the handler that reads the selection), and the words are on it. Selecting while the layer
  // is still being drawn, or before the viewer holds its text, would be ignored, as it would be
  // for a member who selected that early.
  await page.waitForFunction((text) => {
    const frame = document.querySelector<HTMLElement>('.page-frame');
    if (!frame?.dataset.textPage) return false;
    const spans = [...frame.querySelectorAll('.textLayer span')];
    const first = spans.find((span) => span.textContent?.includes(text.slice(0, 20)));
    const node = first?.firstChild;
    if (!first || !node) return false;
    const start = (node.textContent ?? '').indexOf(text.slice(0, 20));
    // The sentence may run over lines: end in the span where its last words are.
    const tail = text.slice(-12);
    const last = spans.slice(spans.indexOf(first)).find((span) => span.textContent?.includes(tail)) ?? first;
    const lastNode = last.firstChild ?? node;
    const end = (lastNode.textContent ?? '').indexOf(tail) + tail.length;
    window.getSelection()?.setBaseAndExtent(node, start, lastNode, end);
    frame.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    return true;
  }, words);
}
