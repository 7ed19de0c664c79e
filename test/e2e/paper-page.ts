import type { Page } from 'playwright-core';

/** Selects words on a paper's drawn page, as a member dragging over them would, and lets go. */
export async function selectWords(page: Page, words: string): Promise<void> {
  await page.waitForFunction(
    (text) => [...document.querySelectorAll('.textLayer span')].some((span) => span.textContent?.includes(text)),
    words.slice(0, 20),
  );
  await page.evaluate((text) => {
    const spans = [...document.querySelectorAll('.textLayer span')];
    const first = spans.find((span) => span.textContent?.includes(text.slice(0, 20)));
    const node = first?.firstChild;
    if (!first || !node) throw new Error('words not on the page');
    const start = (node.textContent ?? '').indexOf(text.slice(0, 20));
    // The sentence may run over lines: end in the span where its last words are.
    const tail = text.slice(-12);
    const last = spans.slice(spans.indexOf(first)).find((span) => span.textContent?.includes(tail)) ?? first;
    const lastNode = last.firstChild ?? node;
    const end = (lastNode.textContent ?? '').indexOf(tail) + tail.length;
    window.getSelection()?.setBaseAndExtent(node, start, lastNode, end);
    document.querySelector('.page-frame')?.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  }, words);
}
