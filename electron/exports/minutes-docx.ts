import { Document, Packer, Paragraph, TextRun, type FileChild } from 'docx';
import type { MinutesDocument, MinutesItem } from '../../shared/exports/minutes-model';
import { CONFIDENTIAL_LINE } from '../../shared/exports/text';
import { bullets, heading, markedSection, simpleTable, textParagraph } from './docx-common';

// The minutes as a Word document: the same model as the PDF (shared/exports/minutes-model.ts),
// laid out with Word's heading styles so it can be edited into the council's template.

function itemParagraphs(item: MinutesItem): FileChild[] {
  const out: FileChild[] = [heading(`${item.number}. ${item.title}${item.isExempt ? ' (exempt)' : ''}`, 3)];
  if (item.presenter.trim()) out.push(textParagraph(`Presented by ${item.presenter}`, { italics: true }));
  if (item.isWithheld) {
    out.push(textParagraph(item.discussion, { italics: true }));
    return out;
  }
  if (item.declarations.length > 0) out.push(textParagraph('Declarations', { bold: true }), ...bullets(item.declarations, ''));
  out.push(item.discussion ? textParagraph(item.discussion) : textParagraph('No discussion was minuted.', { italics: true }));
  for (const decision of item.decisions) {
    out.push(
      new Paragraph({
        indent: { left: 360 },
        spacing: { before: 120, after: 60 },
        children: [
          new TextRun({ text: `${decision.number} `, bold: true, strike: decision.isWithdrawn }),
          new TextRun({ text: `${decision.typeLabel.toUpperCase()}: `, bold: true, strike: decision.isWithdrawn }),
          new TextRun({ text: decision.text, strike: decision.isWithdrawn }),
        ],
      }),
    );
    if (decision.note) out.push(textParagraph(decision.note, { indent: true, italics: true }));
    if (decision.vote) out.push(textParagraph(decision.vote, { indent: true, italics: true }));
    if (decision.isWithdrawn)
      out.push(textParagraph('Withdrawn: recorded in error. The number is kept and not reused.', { indent: true, italics: true }));
  }
  for (const judgement of item.judgements) {
    out.push(
      new Paragraph({
        indent: { left: 360 },
        spacing: { before: 120, after: 60 },
        children: [new TextRun({ text: `Assurance: ${judgement.level}`, bold: true }), new TextRun({ text: `, on ${judgement.label}` })],
      }),
      textParagraph(judgement.reason, { indent: true }),
    );
  }
  if (item.actions.length > 0) {
    out.push(
      textParagraph('Actions arising', { bold: true }),
      ...bullets(
        item.actions.map((action) => `${action.text} (${action.owner}, by ${action.due})`),
        '',
      ),
    );
  }
  return out;
}

/** The minutes as DOCX bytes. */
export async function minutesDocx(minutes: MinutesDocument): Promise<Uint8Array> {
  const children: FileChild[] = [];
  if (minutes.isConfidential) children.push(textParagraph(CONFIDENTIAL_LINE, { bold: true }));
  if (minutes.isDraft) children.push(textParagraph('DRAFT: these minutes are not yet approved.', { bold: true }));
  children.push(
    heading(minutes.boardName, 1),
    textParagraph(`Minutes of the meeting${minutes.title !== minutes.boardName ? `: ${minutes.title}` : ''}`),
    textParagraph(`${minutes.dateLine} at ${minutes.time}${minutes.place ? `, ${minutes.place}` : ''}`),
  );
  if (minutes.approval) children.push(textParagraph(minutes.approval, { bold: true }));
  children.push(
    heading('Present', 2),
    ...bullets(minutes.present, 'No attendance was recorded.'),
    heading('Apologies', 2),
    ...bullets(minutes.apologies, 'None.'),
    heading('In attendance', 2),
    ...bullets(minutes.inAttendance, 'None.'),
  );
  if (minutes.absent.length > 0) children.push(heading('Absent', 2), ...bullets(minutes.absent, ''));
  children.push(heading('Declarations of interest', 2), ...bullets(minutes.declarations, 'None were declared.'));
  if (minutes.carriedActions.length > 0) {
    children.push(
      heading('Actions from previous meetings', 2),
      ...bullets(
        minutes.carriedActions.map((action) => `${action.text} (${action.owner}, by ${action.due}): ${action.progress}`),
        '',
      ),
    );
  }
  children.push(heading('Items', 2), ...minutes.items.flatMap(itemParagraphs), heading('Actions arising', 2));
  children.push(
    minutes.actions.length === 0
      ? textParagraph('No actions arose.', { italics: true })
      : simpleTable(
          ['Item', 'Action', 'Owner', 'Due'],
          minutes.actions.map((action) => [action.itemNumber, action.text, action.owner, action.due]),
        ),
  );
  if (minutes.corrections.length > 0) children.push(heading('Corrections after approval', 2), ...bullets(minutes.corrections, ''));
  const footerText = minutes.chainHead
    ? `Approved record: ${minutes.recordCount} records, final hash SHA-256 ${minutes.chainHead}`
    : 'Draft minutes: not yet approved';
  const document = new Document({
    creator: 'Oversight',
    title: `${minutes.boardName}: minutes of ${minutes.dateLine}`,
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    sections: [markedSection(children, { isDraft: minutes.isDraft, isConfidential: minutes.isConfidential, footerText })],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
