import { Document, ImageRun, Packer, Paragraph, type FileChild } from 'docx';
import { CHART_SIZE, moreMeasuresLine, type BoardReport, type ReportArea, type ReportMeasure } from '../../shared/exports/report-model';
import { CONFIDENTIAL_LINE } from '../../shared/exports/text';
import { bullets, heading, HOUSE_STYLES, markedSection, simpleTable, textParagraph } from './docx-common';

// The board's report as a Word document, from the same model as the PDF. Word shows an SVG only
// with a PNG fallback and main has no canvas, so each chart's PNG is drawn by an injected
// renderer (a hidden Chromium window in the app); the table of figures always follows it, as the
// accessible equivalent and as the whole of the chart when no renderer is given (unit tests, CLI).

/** SVG to PNG bytes at the given pixel size (ExportServices.renderSvgToPng). */
export type SvgToPng = (svg: string, width: number, height: number) => Promise<Uint8Array>;

type ChartImages = ReadonlyMap<ReportMeasure, Uint8Array>;

function chartImage(measure: ReportMeasure, png: Uint8Array): Paragraph {
  const description =
    measure.points.length === 0
      ? 'No figures yet.'
      : `Line chart of ${measure.points.length} figures from ${measure.points[0]?.period ?? ''} to ${
          measure.points[measure.points.length - 1]?.period ?? ''
        }${measure.targetValue === null ? '' : `, with the target (${measure.target}) as a dashed line`}. The figures are in the table below.`;
  return new Paragraph({
    children: [
      new ImageRun({
        type: 'png',
        data: png,
        transformation: { width: CHART_SIZE.width, height: CHART_SIZE.height },
        altText: { name: `Chart: ${measure.name}`, title: `Chart: ${measure.name}`, description },
      }),
    ],
  });
}

function areaParagraphs(area: ReportArea, charts: ChartImages): FileChild[] {
  const out: FileChild[] = [
    heading(`Area ${area.ref}: ${area.title}`, 2),
    textParagraph(`Delivery now: ${area.deliveryNow}. Impact now: ${area.impactNow}.`),
    heading('Ratings at each board meeting', 3),
    area.trend.length === 0
      ? textParagraph('No board meetings in the period.', { italics: true })
      : simpleTable(
          ['Meeting', 'Delivery', 'Impact', 'Board’s assurance'],
          area.trend.map((point) => [point.meetingDate, point.delivery, point.impact, point.assurance]),
          [22, 24, 26, 28],
        ),
    heading('Key measures against target', 3),
  ];
  if (area.measures.length === 0) out.push(textParagraph('No measures are linked to this area’s actions.', { italics: true }));
  for (const measure of area.measures) {
    out.push(
      textParagraph(measure.name, { bold: true }),
      textParagraph(
        `Baseline ${measure.baseline}; target ${measure.target}; latest ${measure.latest}: ${measure.status}. ${measure.polarity}. Source: ${measure.source}.`,
      ),
    );
    const png = charts.get(measure);
    if (png) out.push(chartImage(measure, png));
    if (measure.points.length > 0) {
      out.push(
        simpleTable(
          ['Period', 'Figure', 'Target'],
          measure.points.map((point) => [
            point.period,
            point.value === null ? 'Suppressed' : String(point.value),
            measure.targetValue === null ? '' : String(measure.targetValue),
          ]),
          [34, 33, 33],
        ),
      );
    }
  }
  if (area.moreMeasures > 0) out.push(textParagraph(moreMeasuresLine(area.moreMeasures), { italics: true }));
  out.push(
    heading('The board’s assurance judgements', 3),
    area.judgements.length === 0
      ? textParagraph('No judgements in the period.', { italics: true })
      : simpleTable(
          ['Meeting', 'On', 'Assurance', 'Reason'],
          area.judgements.map((judgement) => [judgement.meetingDate, judgement.target, judgement.level, judgement.reason]),
          [18, 27, 15, 40],
        ),
    heading('Overdue actions', 3),
    ...bullets(area.overdue, 'None.'),
    heading('Actions with revised dates', 3),
    ...bullets(area.revised, 'None.'),
    heading('Families’ voice', 3),
    ...bullets(area.voice, 'Nothing recorded in the period.'),
    heading('Risks', 3),
    ...bullets(area.risks, 'No risks are linked to this area’s actions.'),
  );
  return out;
}

/** The report as DOCX bytes: a plain function of the model, so tests and the benchmark make the same file. */
export async function reportDocx(report: BoardReport, renderSvgToPng?: SvgToPng): Promise<Uint8Array> {
  const charts = new Map<ReportMeasure, Uint8Array>();
  if (renderSvgToPng) {
    // One at a time: each render opens a window of its own.
    for (const measure of report.areas.flatMap((area) => area.measures)) {
      if (measure.points.length > 0) charts.set(measure, await renderSvgToPng(measure.svg, CHART_SIZE.width, CHART_SIZE.height));
    }
  }
  const children: FileChild[] = [];
  if (report.isConfidential) children.push(textParagraph(CONFIDENTIAL_LINE, { bold: true }));
  children.push(
    heading(report.boardName, 1),
    textParagraph(`Report to full council on the ${report.planTitle}: ${report.periodLine}`),
    heading('Board meetings in the period', 2),
    ...bullets(
      report.meetings.map((meeting) => `${meeting.date}: ${meeting.title} (${meeting.status})`),
      'The board did not meet in the period.',
    ),
    ...report.areas.flatMap((area) => areaParagraphs(area, charts)),
    heading('Escalations', 2),
    report.escalations.length === 0
      ? textParagraph('The board escalated nothing in the period.', { italics: true })
      : simpleTable(
          ['Meeting', 'Decision', 'Escalated to', 'What'],
          report.escalations.map((entry) => [entry.meetingDate, entry.number, entry.to, entry.text]),
          [18, 12, 20, 50],
        ),
    heading('Questions to officers and their answers', 2),
    report.questions.length === 0
      ? textParagraph('No questions were shared in the period.', { italics: true })
      : simpleTable(
          ['Meeting', 'Asked by', 'About', 'Question', 'Answer'],
          report.questions.map((entry) => [entry.meetingDate, entry.asker, entry.about, entry.question, entry.answer]),
          [14, 14, 20, 26, 26],
        ),
  );
  const document = new Document({
    creator: 'Oversight',
    title: `${report.boardName}: report to council, ${report.periodLine}`,
    styles: HOUSE_STYLES,
    sections: [
      markedSection(children, {
        isDraft: false,
        isConfidential: report.isConfidential,
        footerText: `Report to council: ${report.periodLine}`,
        headerTitle: report.boardName,
      }),
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
