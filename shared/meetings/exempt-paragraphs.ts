// The seven paragraphs of Part 1 of Schedule 12A to the Local Government Act 1972 (exempt
// information, England), in short, and the resolution a board passes to exclude the press and
// public before an exempt item. The chair picks the paragraph on the agenda item; the minutes
// print the resolution with it.

export const EXEMPT_PARAGRAPHS = [
  { paragraph: 1, summary: 'Information relating to any individual' },
  { paragraph: 2, summary: 'Information which is likely to reveal the identity of an individual' },
  { paragraph: 3, summary: 'Information relating to the financial or business affairs of any particular person (including the authority)' },
  { paragraph: 4, summary: 'Labour relations consultations or negotiations' },
  { paragraph: 5, summary: 'Information in respect of which a claim to legal professional privilege could be maintained' },
  { paragraph: 6, summary: 'Notices, orders or directions the authority proposes to give or make' },
  { paragraph: 7, summary: 'The prevention, investigation or prosecution of crime' },
] as const;

/** The resolution to exclude the press and public, naming the paragraph when one was recorded. */
export function exclusionResolution(paragraph: number | undefined): string {
  const where =
    paragraph === undefined
      ? 'Part 1 of Schedule 12A to the Local Government Act 1972 (the paragraph was not recorded)'
      : `paragraph ${paragraph} of Part 1 of Schedule 12A to the Local Government Act 1972`;
  return `RESOLVED that the press and public be excluded from the meeting for this item on the grounds that it involves the likely disclosure of exempt information as defined in ${where}.`;
}
