import type { MinutesDocument, MinutesItem } from './minutes-model';
import { CONFIDENTIAL_LINE } from './text';

// The minutes as one self-contained HTML page for printing to PDF (Electron's printToPDF in the
// app, Chromium's page.pdf in tests and the benchmark). Every text is escaped; the page loads
// nothing and runs nothing (its own CSP says so, and the printing window has JavaScript off).
// "DRAFT" and the confidential marking sit in the page's margin boxes and in a fixed element,
// so they appear on every printed page; an approved record carries its final hash in the footer.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe to put in HTML content or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

/** Text safe inside a CSS string literal (the page's margin boxes). */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[\r\n]+/g, ' ')}"`;
}

function paragraphs(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

function list(items: readonly string[], empty: string): string {
  return items.length === 0
    ? `<p class="none">${escapeHtml(empty)}</p>`
    : `<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
}

function item(entry: MinutesItem): string {
  const parts = [`<h3>${escapeHtml(`${entry.number}. ${entry.title}`)}${entry.isExempt ? ' <span class="tag">(exempt)</span>' : ''}</h3>`];
  if (entry.presenter.trim()) parts.push(`<p class="presenter">Presented by ${escapeHtml(entry.presenter)}</p>`);
  if (entry.isWithheld) {
    parts.push(`<p class="withheld">${escapeHtml(entry.discussion)}</p>`);
    return `<section class="item">${parts.join('')}</section>`;
  }
  if (entry.declarations.length > 0) parts.push(`<p class="label">Declarations</p>${list(entry.declarations, '')}`);
  parts.push(entry.discussion ? paragraphs(entry.discussion) : '<p class="none">No discussion was minuted.</p>');
  for (const decision of entry.decisions) {
    const body = [
      `<p><strong>${escapeHtml(decision.number)}</strong> ${escapeHtml(decision.typeLabel.toUpperCase())}: ${escapeHtml(decision.text)}</p>`,
      decision.note ? `<p class="vote">${escapeHtml(decision.note)}</p>` : '',
      decision.vote ? `<p class="vote">${escapeHtml(decision.vote)}</p>` : '',
      decision.isWithdrawn ? '<p class="vote">Withdrawn: recorded in error. The number is kept and not reused.</p>' : '',
    ].join('');
    parts.push(`<div class="decision${decision.isWithdrawn ? ' withdrawn' : ''}">${body}</div>`);
  }
  for (const judgement of entry.judgements) {
    parts.push(
      `<div class="judgement"><p><strong>Assurance: ${escapeHtml(judgement.level)}</strong>, on ${escapeHtml(judgement.label)}</p><p>${escapeHtml(judgement.reason)}</p></div>`,
    );
  }
  if (entry.actions.length > 0) {
    parts.push(
      `<p class="label">Actions arising</p><ul>${entry.actions
        .map(
          (action) =>
            `<li>${escapeHtml(action.text)} <span class="owner">(${escapeHtml(action.owner)}, by ${escapeHtml(action.due)})</span></li>`,
        )
        .join('')}</ul>`,
    );
  }
  return `<section class="item">${parts.join('')}</section>`;
}

function actionTable(actions: MinutesDocument['actions']): string {
  if (actions.length === 0) return '<p class="none">No actions arose.</p>';
  const rows = actions
    .map(
      (action) =>
        `<tr><td>${escapeHtml(action.itemNumber)}</td><td>${escapeHtml(action.text)}</td><td>${escapeHtml(action.owner)}</td><td>${escapeHtml(action.due)}</td></tr>`,
    )
    .join('');
  return `<table><thead><tr><th scope="col">Item</th><th scope="col">Action</th><th scope="col">Owner</th><th scope="col">Due</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** The minutes as a complete HTML document, ready to print. */
export function minutesHtml(minutes: MinutesDocument): string {
  const marks = [minutes.isConfidential ? 'CONFIDENTIAL' : '', minutes.isDraft ? 'DRAFT' : ''].filter(Boolean).join(' · ');
  const footer = minutes.chainHead
    ? `Approved record: ${minutes.recordCount} records, final hash SHA-256 ${minutes.chainHead}`
    : 'Draft minutes: not yet approved';
  const heading = [
    minutes.isConfidential ? `<p class="confidential">${escapeHtml(CONFIDENTIAL_LINE)}</p>` : '',
    minutes.isDraft ? '<p class="draft-line">DRAFT: these minutes are not yet approved.</p>' : '',
    `<h1>${escapeHtml(minutes.boardName)}</h1>`,
    `<p class="subtitle">Minutes of the meeting${minutes.title !== minutes.boardName ? `: ${escapeHtml(minutes.title)}` : ''}</p>`,
    `<p class="when">${escapeHtml(minutes.dateLine)} at ${escapeHtml(minutes.time)}${minutes.place ? `, ${escapeHtml(minutes.place)}` : ''}</p>`,
    minutes.approval ? `<p class="approval">${escapeHtml(minutes.approval)}</p>` : '',
  ].join('');
  const carried =
    minutes.carriedActions.length === 0
      ? ''
      : `<h2>Actions from previous meetings</h2><ul>${minutes.carriedActions
          .map(
            (action) =>
              `<li>${escapeHtml(action.text)} <span class="owner">(${escapeHtml(action.owner)}, by ${escapeHtml(action.due)})</span>: ${escapeHtml(action.progress)}</li>`,
          )
          .join('')}</ul>`;
  const corrections = minutes.corrections.length === 0 ? '' : `<h2>Corrections after approval</h2>${list(minutes.corrections, '')}`;
  const body = [
    heading,
    `<h2>Present</h2>${list(minutes.present, 'No attendance was recorded.')}`,
    `<h2>Apologies</h2>${list(minutes.apologies, 'None.')}`,
    `<h2>In attendance</h2>${list(minutes.inAttendance, 'None.')}`,
    minutes.absent.length > 0 ? `<h2>Absent</h2>${list(minutes.absent, '')}` : '',
    `<h2>Declarations of interest</h2>${list(minutes.declarations, 'None were declared.')}`,
    carried,
    `<h2>Items</h2>${minutes.items.map(item).join('')}`,
    `<h2>Actions arising</h2>${actionTable(minutes.actions)}`,
    corrections,
  ].join('');
  const css = `
@page { size: A4; margin: 22mm 18mm 22mm 18mm;
  @top-center { content: ${cssString(marks)}; font: 700 11pt Arial, sans-serif; color: #b3261e; }
  @bottom-left { content: ${cssString(footer)}; font: 7pt Arial, sans-serif; color: #333; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt Arial, sans-serif; }
}
body { font: 11pt/1.45 Arial, Helvetica, sans-serif; color: #0b0c0c; margin: 0; }
h1 { font-size: 18pt; margin: 0 0 4pt; }
h2 { font-size: 13pt; margin: 16pt 0 6pt; border-bottom: 1px solid #777; }
h3 { font-size: 11.5pt; margin: 12pt 0 4pt; break-after: avoid; }
.subtitle, .when { margin: 0; }
.approval { font-weight: 700; }
.confidential, .draft-line { font-weight: 700; color: #b3261e; margin: 0 0 6pt; }
.tag, .presenter, .owner, .none, .vote { color: #333; }
.label { font-weight: 700; margin-bottom: 0; }
.decision { border-left: 3pt solid #1d3f6e; padding-left: 8pt; margin: 6pt 0; break-inside: avoid; }
.decision.withdrawn { border-left-color: #777; text-decoration: line-through; }
.judgement { border-left: 3pt solid #00703c; padding-left: 8pt; margin: 6pt 0; break-inside: avoid; }
.withheld { font-style: italic; }
.decision p, .judgement p { margin: 2pt 0; }
table { border-collapse: collapse; width: 100%; font-size: 10pt; }
th, td { border: 1px solid #999; padding: 3pt 5pt; text-align: left; vertical-align: top; }
.watermark { position: fixed; top: 40%; left: 0; right: 0; text-align: center; font: 700 80pt Arial, sans-serif; color: rgba(179, 38, 30, 0.12); transform: rotate(-30deg); z-index: -1; }
`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en-GB"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(`${minutes.boardName}: minutes of ${minutes.dateLine}`)}</title>`,
    `<style>${css}</style></head><body>`,
    minutes.isDraft ? '<div class="watermark" aria-hidden="true">DRAFT</div>' : '',
    `<main>${body}</main>`,
    '</body></html>',
  ].join('');
}
