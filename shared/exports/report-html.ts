import { escapeHtml } from './minutes-html';
import { moreMeasuresLine, type BoardReport, type ReportArea } from './report-model';
import { CONFIDENTIAL_LINE } from './text';

// The board's report as one self-contained HTML page for printing to PDF, laid out from the same
// model as the DOCX. Every text is escaped; each measure's chart is the SVG the model drew
// (plain shapes and escaped text), inline, so the page still loads nothing and runs nothing.

const FONT = 'Arial, Helvetica, "Liberation Sans", sans-serif';

function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[\r\n]+/g, ' ')}"`;
}

function list(items: readonly string[], empty: string): string {
  return items.length === 0
    ? `<p class="none">${escapeHtml(empty)}</p>`
    : `<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
}

function table(headings: readonly string[], rows: readonly (readonly string[])[]): string {
  const head = `<tr>${headings.map((text) => `<th scope="col">${escapeHtml(text)}</th>`).join('')}</tr>`;
  const body = rows.map((row) => `<tr>${row.map((text) => `<td>${escapeHtml(text)}</td>`).join('')}</tr>`).join('');
  return `<table><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

function area(entry: ReportArea): string {
  const parts = [
    `<h2>Area ${escapeHtml(entry.ref)}: ${escapeHtml(entry.title)}</h2>`,
    `<p><strong>Delivery now:</strong> ${escapeHtml(entry.deliveryNow)}. <strong>Impact now:</strong> ${escapeHtml(entry.impactNow)}.</p>`,
    '<h3>Ratings at each board meeting</h3>',
    entry.trend.length === 0
      ? '<p class="none">No board meetings in the period.</p>'
      : table(
          ['Meeting', 'Delivery', 'Impact', 'Board’s assurance'],
          entry.trend.map((point) => [point.meetingDate, point.delivery, point.impact, point.assurance]),
        ),
    '<h3>Key measures against target</h3>',
  ];
  if (entry.measures.length === 0) parts.push('<p class="none">No measures are linked to this area’s actions.</p>');
  for (const measure of entry.measures) {
    parts.push(
      `<div class="measure"><h4>${escapeHtml(measure.name)}</h4>`,
      `<p>Baseline ${escapeHtml(measure.baseline)}; target ${escapeHtml(measure.target)}; latest ${escapeHtml(measure.latest)}: <strong>${escapeHtml(
        measure.status,
      )}</strong>. ${escapeHtml(measure.polarity)}. Source: ${escapeHtml(measure.source)}.</p>`,
      `<figure>${measure.svg}</figure></div>`,
    );
  }
  if (entry.moreMeasures > 0) parts.push(`<p class="none">${escapeHtml(moreMeasuresLine(entry.moreMeasures))}</p>`);
  parts.push(
    '<h3>The board’s assurance judgements</h3>',
    entry.judgements.length === 0
      ? '<p class="none">No judgements in the period.</p>'
      : table(
          ['Meeting', 'On', 'Assurance', 'Reason'],
          entry.judgements.map((judgement) => [judgement.meetingDate, judgement.target, judgement.level, judgement.reason]),
        ),
    '<h3>Overdue actions</h3>',
    list(entry.overdue, 'None.'),
    '<h3>Actions with revised dates</h3>',
    list(entry.revised, 'None.'),
    '<h3>Families’ voice</h3>',
    list(entry.voice, 'Nothing recorded in the period.'),
    '<h3>Risks</h3>',
    list(entry.risks, 'No risks are linked to this area’s actions.'),
  );
  return parts.join('');
}

/** The report as printable HTML: board name at the head of every page, page numbers at the foot, CONFIDENTIAL when exempt items are in. */
export function reportHtml(report: BoardReport): string {
  const marks = report.isConfidential ? 'CONFIDENTIAL' : '';
  const css = `
@page { size: A4; margin: 22mm 18mm 22mm 18mm;
  @top-left { content: ${cssString(report.boardName)}; font: 9pt ${FONT}; color: #000; }
  @top-center { content: ${cssString(marks)}; font: 700 11pt ${FONT}; color: #b3261e; }
  @bottom-left { content: ${cssString(`Report to council: ${report.periodLine}`)}; font: 7pt ${FONT}; color: #000; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 9pt ${FONT}; color: #000; }
}
body { font: 11pt/1.45 ${FONT}; color: #000; margin: 0; }
h1, h2, h3, h4 { color: #000; font-family: inherit; break-after: avoid; }
h1 { font-size: 16pt; margin: 0 0 4pt; }
h2 { font-size: 13pt; margin: 18pt 0 6pt; }
h3 { font-size: 11.5pt; margin: 12pt 0 4pt; }
h4 { font-size: 11pt; margin: 8pt 0 2pt; }
.confidential { font-weight: 700; color: #b3261e; }
.none { font-style: italic; }
.measure { break-inside: avoid; }
figure { margin: 4pt 0 8pt; }
table { border-collapse: collapse; width: 100%; font-size: 10pt; }
th, td { border: 1px solid #999; padding: 3pt 5pt; text-align: left; vertical-align: top; }
thead { display: table-header-group; }
`;
  const body = [
    report.isConfidential ? `<p class="confidential">${escapeHtml(CONFIDENTIAL_LINE)}</p>` : '',
    `<h1>${escapeHtml(report.boardName)}</h1>`,
    `<p>Report to full council on the ${escapeHtml(report.planTitle)}: ${escapeHtml(report.periodLine)}</p>`,
    '<h2>Board meetings in the period</h2>',
    list(
      report.meetings.map((meeting) => `${meeting.date}: ${meeting.title} (${meeting.status})`),
      'The board did not meet in the period.',
    ),
    ...report.areas.map(area),
    '<h2>Escalations</h2>',
    report.escalations.length === 0
      ? '<p class="none">The board escalated nothing in the period.</p>'
      : table(
          ['Meeting', 'Decision', 'Escalated to', 'What'],
          report.escalations.map((entry) => [entry.meetingDate, entry.number, entry.to, entry.text]),
        ),
    '<h2>Questions to officers and their answers</h2>',
    report.questions.length === 0
      ? '<p class="none">No questions were shared in the period.</p>'
      : table(
          ['Meeting', 'Asked by', 'About', 'Question', 'Answer'],
          report.questions.map((entry) => [entry.meetingDate, entry.asker, entry.about, entry.question, entry.answer]),
        ),
  ];
  return [
    '<!doctype html><html lang="en-GB"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(`${report.boardName}: report to council, ${report.periodLine}`)}</title>`,
    `<style>${css}</style></head><body>`,
    ...body,
    '</body></html>',
  ].join('');
}
