import { Document, Packer, Paragraph, TextRun, type FileChild } from 'docx';
import type { MinutesDocument, MinutesItem } from '../../shared/exports/minutes-model';
import { SIGN_LINE } from '../../shared/exports/minutes-html';
import { CONFIDENTIAL_LINE } from '../../shared/exports/text';
import { bullets, heading, HOUSE_STYLES, markedSection, simpleTable, textParagraph } from './docx-common';

// The minutes as a Word document: the same model as the PDF (shared/exports/minutes-model.ts),
// laid out with Word's heading styles so it can be edited into the council's template.

function itemParagraphs(item: MinutesItem): FileChild[] {
  const out: FileChild[] = [heading(`${item.number}. ${item.title}${item.isExempt ? ' (exempt)' : ''}`, 3)];
  if (item.presenter.trim()) out.push(textParagraph(`Presented by ${item.presenter}`, { italics: true }));
  if (item.exclusion) out.push(textParagraph(item.exclusion));
  // Declarations are public even on an exempt item, so they come before anything withheld.
  if (item.declarations.length > 0) out.push(textParagraph('Declarations of interest', { bold: true }), ...bullets(item.declarations, ''));
  if (item.isWithheld) {
    out.push(textParagraph(item.discussion, { italics: true }));
    return out;
  }
  for (const approved of item.minutesApproved) out.push(textParagraph(approved));
  if (item.discussion) out.push(textParagraph(item.discussion));
  for (const decision of item.decisions) {
    out.push(
      new Paragraph({
        indent: { left: 360 },
        spacing: { before: 120, after: 60 },
        keepNext: decision.vote !== '',
        children: [new TextRun({ text: `${decision.number} `, bold: true }), new TextRun({ text: decision.wording })],
      }),
    );
    if (decision.vote) out.push(textParagraph(decision.vote, { indent: true }));
  }
  for (const judgement of item.judgements) {
    out.push(
      new Paragraph({
        indent: { left: 360 },
        spacing: { before: 120, after: 60 },
        keepNext: true,
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

/** The lines the chair signs on approved minutes, and the head hash anyone can check the record against. */
function signatureParagraphs(minutes: MinutesDocument): FileChild[] {
  const record = minutes.headHash
    ? [
        new Paragraph({
          spacing: { before: 360 },
          children: [
            new TextRun({ text: `Approved record: ${minutes.recordCount} records; head hash (SHA-256) ${minutes.headHash}`, size: 16 }),
          ],
        }),
      ]
    : [];
  if (!minutes.hasSignatureBlock) return record;
  return [
    new Paragraph({ spacing: { before: 480, after: 360 }, keepNext: true, children: [new TextRun(`Signed ${SIGN_LINE} Chair`)] }),
    new Paragraph({ keepNext: record.length > 0, children: [new TextRun(`Date ${SIGN_LINE}`)] }),
    ...record,
  ];
}

/** The minutes as DOCX bytes: a plain function of the model (no Electron), so the CLI can make the same file. */
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
  children.push(heading('Present', 2), ...bullets(minutes.present, 'No attendance was recorded.'));
  children.push(heading('Apologies', 2), ...bullets(minutes.apologies, 'None.'));
  if (minutes.inAttendance.length > 0) children.push(heading('In attendance', 2), ...bullets(minutes.inAttendance, ''));
  if (minutes.officers.length > 0) children.push(heading('Officers in attendance', 2), ...bullets(minutes.officers, ''));
  if (minutes.absent.length > 0) children.push(heading('Absent', 2), ...bullets(minutes.absent, ''));
  if (minutes.quorum) children.push(new Paragraph({ spacing: { before: 160, after: 120 }, children: [new TextRun(minutes.quorum)] }));
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
          [8, 52, 22, 18],
        ),
  );
  if (minutes.corrections.length > 0) children.push(heading('Corrections after approval', 2), ...bullets(minutes.corrections, ''));
  if (minutes.timesLine) {
    // Kept with the signature block, so the closing time is on the page the chair signs.
    children.push(
      new Paragraph({ spacing: { before: 240 }, keepNext: minutes.hasSignatureBlock, children: [new TextRun(minutes.timesLine)] }),
    );
  }
  children.push(...signatureParagraphs(minutes));
  const footerText = minutes.headHash
    ? `Approved record: ${minutes.recordCount} records, head hash SHA-256 ${minutes.headHash}`
    : 'Draft minutes: not yet approved';
  const document = new Document({
    creator: 'Oversight',
    title: `${minutes.boardName}: minutes of ${minutes.dateLine}`,
    styles: HOUSE_STYLES,
    sections: [
      markedSection(children, {
        isDraft: minutes.isDraft,
        isConfidential: minutes.isConfidential,
        footerText,
        headerTitle: minutes.boardName,
      }),
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
