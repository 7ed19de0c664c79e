// The offline user guide: one page per role, each a list of the tasks that role does, with the
// steps in the words the screens use. Plain data, so a test can check that every page it names
// exists and the guide never points at a section the app does not have.

export type GuideTask = { title: string; steps: readonly string[]; go?: { label: string; path: string } };
export type GuideRole = 'councillor' | 'chair' | 'clerk';
export type GuidePage = { role: GuideRole; title: string; summary: string; tasks: readonly GuideTask[] };

export const GUIDE: readonly GuidePage[] = [
  {
    role: 'councillor',
    title: 'Councillors and board members',
    summary: 'Review the plan and the papers before a meeting, often offline, and take your questions to the meeting.',
    tasks: [
      {
        title: 'See what changed since the last revision',
        steps: [
          'Open Plan and choose the plan.',
          'Choose “What changed” to see actions whose status, RAG rating, due date or milestones changed.',
          'The dashboard shows what is overdue and which measures are going the wrong way.',
        ],
        go: { label: 'Plan', path: '/plan' },
      },
      {
        title: 'Write a note, a question or a concern on an action',
        steps: [
          'Open an action from Plan › Actions.',
          'In “Your notes”, choose the kind (note, question for officers, concern) and type it.',
          'Private notes never leave this laptop. Choose “Shared” for notes the clerk and other members may see.',
        ],
        go: { label: 'Notes', path: '/notes' },
      },
      {
        title: 'Read and annotate the board papers',
        steps: [
          'Open Papers and choose the meeting. Papers you have not opened yet are marked.',
          'Select text in a paper to highlight it or add a note.',
          '“Save a copy with my notes” saves the paper as a PDF with your highlights and notes added.',
        ],
        go: { label: 'Papers', path: '/papers' },
      },
      {
        title: 'Share your notes with the clerk',
        steps: [
          'Open Notes and choose “Export my shared annotations…”, or do the same from Exports.',
          'Choose where to save the file; Oversight says which folder it went to, with “Show in folder”.',
          'Send the file to the clerk. Notes on exempt papers are left out unless you tick the box.',
        ],
        go: { label: 'Notes', path: '/notes' },
      },
    ],
  },
  {
    role: 'chair',
    title: 'The chair',
    summary: 'Run the meeting on the laptop and approve the record afterwards.',
    tasks: [
      {
        title: 'Set up a meeting',
        steps: [
          'Open Meetings and fill in “Set up a meeting”: title, date (dd/mm/yyyy), time and place.',
          'Add the agenda items, marking any exempt (confidential) item.',
        ],
        go: { label: 'Meetings', path: '/meetings' },
      },
      {
        title: 'Record the meeting as it happens',
        steps: [
          'Open the meeting and choose “Start the meeting”.',
          'Record attendance and apologies; the quorum is shown as you go.',
          'For each item: declarations of interest, discussion notes, the decision, the board’s assurance judgement and actions arising. Every change is saved at once.',
          'Alt with a letter or number moves between sections and forms (press ? for the list).',
        ],
        go: { label: 'Meetings', path: '/meetings' },
      },
      {
        title: 'Approve the minutes',
        steps: [
          'Open the meeting’s minutes. Drafts are marked DRAFT until approved at the next meeting.',
          'Choose “Approve the minutes”. Approved decisions are never edited: a later decision amends or rescinds them.',
        ],
        go: { label: 'Meetings', path: '/meetings' },
      },
    ],
  },
  {
    role: 'clerk',
    title: 'The clerk',
    summary: 'Bring the plan and the papers in, and send the board’s record out.',
    tasks: [
      {
        title: 'Import a plan, a tracker or a meeting pack',
        steps: [
          'Choose File › Import…, open Imports, drop the file on the window, or save it into the inbox folder.',
          'Oversight checks every file before storing it and says exactly where a file is wrong.',
          'A spreadsheet tracker asks once which column is which; the mapping is remembered.',
        ],
        go: { label: 'Imports', path: '/imports' },
      },
      {
        title: 'Make a meeting pack from PDFs',
        steps: ['Open Papers › “Make a pack (clerk)…”.', 'Choose the PDFs, edit the agenda, then save the pack and send it to members.'],
        go: { label: 'Papers', path: '/papers' },
      },
      {
        title: 'Export the minutes, logs and reports',
        steps: [
          'Open Exports and choose what to export: minutes, decision log, action log, questions for officers, the tracker or the board’s report.',
          'Exempt items stay out unless you tick “Include exempt items”.',
          'After saving, Oversight says which folder the file is in; “Show in folder” opens it.',
        ],
        go: { label: 'Exports', path: '/exports' },
      },
      {
        title: 'Share through the board folder',
        steps: [
          'In Settings › Board folder, choose the folder the council synchronises and start the board.',
          'Read out your key fingerprint to members and add each member’s joining code to the register.',
        ],
        go: { label: 'Settings', path: '/settings' },
      },
    ],
  },
];

/** The guide page for a role, if there is one. */
export function guidePage(role: string | null | undefined): GuidePage | undefined {
  return GUIDE.find((page) => page.role === role);
}
