import { Document, Packer, type FileChild } from 'docx';
import type { QuestionGroup } from '../../shared/exports/tables';
import { CONFIDENTIAL_LINE, dateText } from '../../shared/exports/text';
import { bullets, heading, HOUSE_STYLES, markedSection, textParagraph } from './docx-common';

// Members' questions for officers as a Word document, by agenda item: for the clerk to send to
// officers before the meeting. Only shared questions ever reach here (the request schema).

/** The questions as DOCX bytes. */
export async function questionsDocx(input: {
  boardName: string;
  meetingTitle: string;
  meetingDate: string;
  memberName: string | null;
  groups: readonly QuestionGroup[];
  isConfidential: boolean;
}): Promise<Uint8Array> {
  const children: FileChild[] = [];
  if (input.isConfidential) children.push(textParagraph(CONFIDENTIAL_LINE, { bold: true }));
  children.push(
    heading(`Questions for officers: ${input.meetingTitle}`, 1),
    textParagraph(`${input.boardName}, meeting of ${dateText(input.meetingDate)}`),
    textParagraph(input.memberName ? `Questions from ${input.memberName}.` : 'Questions from every member, merged.'),
  );
  if (input.groups.length === 0) children.push(textParagraph('There are no shared questions to send.', { italics: true }));
  for (const group of input.groups) {
    children.push(heading(group.heading, 2));
    for (const question of group.questions) {
      children.push(textParagraph(question.text), ...bullets([`From ${question.authorName}, about ${question.targetLabel}`], ''));
      if (question.answer) children.push(textParagraph(`Answer given: ${question.answer}`, { indent: true, italics: true }));
    }
  }
  const document = new Document({
    creator: 'Oversight',
    title: `Questions for officers: ${input.meetingTitle}`,
    styles: HOUSE_STYLES,
    sections: [
      markedSection(children, {
        isDraft: false,
        isConfidential: input.isConfidential,
        footerText: `${input.boardName}: questions for officers`,
      }),
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
