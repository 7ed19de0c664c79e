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

/** Dotted space for a signature or a date, as printed minutes leave it. */
export const SIGN_LINE = '……………………………………';

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
  const parts = [`<h3>${escapeHtml(`${entry.number}. ${entry.title}`)}${entry.isExempt ? ' (exempt)' : ''}</h3>`];
  if (entry.presenter.trim()) parts.push(`<p class="presenter">Presented by ${escapeHtml(entry.presenter)}</p>`);
  if (entry.exclusion) parts.push(`<p class="resolution">${escapeHtml(entry.exclusion)}</p>`);
  // Declarations are public even on an exempt item, so they come before anything withheld.
  if (entry.declarations.length > 0) parts.push(`<p class="label">Declarations of interest</p>${list(entry.declarations, '')}`);
  if (entry.isWithheld) {
    parts.push(`<p class="withheld">${escapeHtml(entry.discussion)}</p>`);
    return `<section class="item">${parts.join('')}</section>`;
  }
  for (const approved of entry.minutesApproved) parts.push(`<p class="resolution">${escapeHtml(approved)}</p>`);
  if (entry.discussion) parts.push(paragraphs(entry.discussion));
  for (const decision of entry.decisions) {
    const body = [
      `<p><strong>${escapeHtml(decision.number)}</strong> ${escapeHtml(decision.wording)}</p>`,
      decision.vote ? `<p class="vote">${escapeHtml(decision.vote)}</p>` : '',
    ].join('');
    parts.push(`<div class="decision">${body}</div>`);
  }
  for (const judgement of entry.judgements) {
    parts.push(
      `<div class="judgement"><p><strong>Assurance: ${escapeHtml(judgement.level)}</strong>, on ${escapeHtml(judgement.label)}</p><p>${escapeHtml(judgement.reason)}</p></div>`,
    );
  }
  if (entry.actions.length > 0) {
    parts.push(
      `<p class="label">Actions arising</p><ul>${entry.actions
        .map((action) => `<li>${escapeHtml(action.text)} (${escapeHtml(action.owner)}, by ${escapeHtml(action.due)})</li>`)
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

/** On approved minutes: the line the chair signs, and the head hash that lets anyone check the record. */
function signature(minutes: MinutesDocument): string {
  // The closing time stays on the page the chair signs.
  const times = minutes.timesLine ? `<p class="times">${escapeHtml(minutes.timesLine)}</p>` : '';
  const record = minutes.headHash
    ? `<p class="record">Approved record: ${minutes.recordCount} records; head hash (SHA-256) ${escapeHtml(minutes.headHash)}</p>`
    : '';
  if (!minutes.hasSignatureBlock) return `${times}${record}`;
  return `<div class="signature">${times}<p class="sign">Signed ${SIGN_LINE} Chair</p><p class="sign">Date ${SIGN_LINE}</p>${record}</div>`;
}

/** The minutes as a complete HTML document, ready to print. */
export function minutesHtml(minutes: MinutesDocument): string {
  const marks = [minutes.isConfidential ? 'CONFIDENTIAL' : '', minutes.isDraft ? 'DRAFT' : ''].filter(Boolean).join(' · ');
  const footer = minutes.headHash
    ? `Approved record: ${minutes.recordCount} records, head hash SHA-256 ${minutes.headHash}`
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
              `<li>${escapeHtml(action.text)} (${escapeHtml(action.owner)}, by ${escapeHtml(action.due)}): ${escapeHtml(action.progress)}</li>`,
          )
          .join('')}</ul>`;
  const corrections = minutes.corrections.length === 0 ? '' : `<h2>Corrections after approval</h2>${list(minutes.corrections, '')}`;
  const body = [
    heading,
    `<h2>Present</h2>${list(minutes.present, 'No attendance was recorded.')}`,
    `<h2>Apologies</h2>${list(minutes.apologies, 'None.')}`,
    minutes.inAttendance.length > 0 ? `<h2>In attendance</h2>${list(minutes.inAttendance, '')}` : '',
    minutes.officers.length > 0 ? `<h2>Officers in attendance</h2>${list(minutes.officers, '')}` : '',
    minutes.absent.length > 0 ? `<h2>Absent</h2>${list(minutes.absent, '')}` : '',
    minutes.quorum ? `<p class="quorum">${escapeHtml(minutes.quorum)}</p>` : '',
    `<h2>Declarations of interest</h2>${list(minutes.declarations, 'None were declared.')}`,
    carried,
    `<h2>Items</h2>${minutes.items.map(item).join('')}`,
    `<h2>Actions arising</h2>${actionTable(minutes.actions)}`,
    corrections,
    signature(minutes),
  ].join('');
  // House style: one sans-serif font, black headings, the board's name at the head of every page
  // and "Page N of M" at its foot; red only for the DRAFT and CONFIDENTIAL marks.
  const css = `
@page { size: A4; margin: 22mm 18mm 22mm 18mm;
  @top-left { content: ${cssString(minutes.boardName)}; font: 9pt Arial, Helvetica, "Liberation Sans", sans-serif; color: #000; }
  @top-center { content: ${cssString(marks)}; font: 700 11pt Arial, Helvetica, "Liberation Sans", sans-serif; color: #b3261e; }
  @bottom-left { content: ${cssString(footer)}; font: 7pt Arial, Helvetica, "Liberation Sans", sans-serif; color: #000; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 9pt Arial, Helvetica, "Liberation Sans", sans-serif; color: #000; }
}
body { font: 11pt/1.45 Arial, Helvetica, "Liberation Sans", sans-serif; color: #000; margin: 0; }
h1, h2, h3 { color: #000; font-family: inherit; }
h1 { font-size: 16pt; margin: 0 0 4pt; }
h2 { font-size: 13pt; margin: 16pt 0 6pt; }
h3 { font-size: 11.5pt; margin: 12pt 0 4pt; break-after: avoid; }
.subtitle, .when { margin: 0; }
.approval { font-weight: 700; }
.confidential, .draft-line { font-weight: 700; color: #b3261e; margin: 0 0 6pt; }
.presenter, .withheld { font-style: italic; }
.label { font-weight: 700; margin-bottom: 0; }
.decision, .judgement { margin: 6pt 0 6pt 18pt; break-inside: avoid; }
.decision p, .judgement p { margin: 2pt 0; }
.times { margin-top: 16pt; }
.signature { break-inside: avoid; }
.signature p.sign { margin: 24pt 0 0; }
.record { font-size: 8pt; margin-top: 20pt; word-break: break-all; }
table { border-collapse: collapse; width: 100%; font-size: 10pt; }
th, td { border: 1px solid #000; padding: 3pt 5pt; text-align: left; vertical-align: top; }
thead { display: table-header-group; }
.watermark { position: fixed; top: 40%; left: 0; right: 0; text-align: center; font: 700 80pt Arial, Helvetica, "Liberation Sans", sans-serif; color: rgba(179, 38, 30, 0.12); transform: rotate(-30deg); z-index: -1; }
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
