// Sentences for monthly progress updates, in the voice of the officers who write them.
// Placeholders: {next} (next milestone's title), {nextDue} (its due date), {month} (a month name
// and year), {board} (a board meeting date), {revisedDue} (a revised due date).

/** Sentences for an update whose delivery RAG is green. */
export const GREEN_SENTENCES: readonly string[] = [
  'Work is on track and there are no issues to escalate this month.',
  'The task and finish group met twice this month and all its actions from the previous meeting are complete.',
  'Parent carer forum representatives reviewed the draft and their comments have been incorporated.',
  'Progress was reported to the SEND Improvement Programme Board, which agreed no further support is needed.',
  'Partners confirmed their contributions at the SEND Partnership Board and resources are in place.',
  'Early feedback from families and practitioners is positive; the programme office will collect more before the next update.',
  'Data for the month shows the expected movement and has been checked with the performance team.',
  'The project plan has been refreshed with partners and the remaining steps are resourced.',
];

/** Sentences for an update whose delivery RAG is amber. */
export const AMBER_SENTENCES: readonly string[] = [
  'Two vacancies in the team have slowed progress; interim cover is agreed from {month}.',
  'Data from the new system is not yet reliable enough to report, so manual counts have been used this month.',
  'Progress depends on work by another partner that is running late; the SRO is monitoring it weekly.',
  'Partners have not yet confirmed their contributions; the SRO has written to ask for confirmation by {month}.',
  'The timetable has slipped by three weeks while partners agreed the detail; the SRO has agreed a revised plan.',
  'Meetings planned for this month were postponed; new dates are set for {month}.',
  'The recovery plan agreed with the SRO is being followed and the position will be reviewed at the next board.',
  'Officer time was diverted to the six-monthly stocktake this month; the work is being re-planned.',
];

/** Sentences for an update whose delivery RAG is red. */
export const RED_SENTENCES: readonly string[] = [
  'This action is off track. A recovery plan will be presented to the SEND Oversight Board.',
  'Escalated to the SRO: without additional capacity the action cannot be delivered to the agreed date.',
  'Funding for this work has not been confirmed and the action is paused pending a decision by the partners.',
  'The provider has reported that it cannot meet the agreed timescale; contract management meetings are now weekly.',
  'Key posts remain vacant after a second recruitment round; agency cover is being sought.',
  'Dependencies on other actions in the plan have not been met, so this action cannot progress as planned.',
];

/** Sentences for a milestone met since the last update; {title} is the milestone's title. */
export const MILESTONE_MET_SENTENCES: readonly string[] = [
  'Milestone met: "{title}".',
  'The milestone "{title}" was achieved this month.',
  '"{title}" is complete.',
];

/** Sentences about the next milestone, by delivery RAG, and for one already past its date. */
export const NEXT_MILESTONE_SENTENCES = {
  green: [
    'The next milestone, "{next}", is due {nextDue} and on track.',
    'Work is now focused on the next milestone, "{next}" (due {nextDue}).',
  ],
  amber: ['The next milestone, "{next}" (due {nextDue}), is at risk.', 'There is a risk that "{next}" will not be met by {nextDue}.'],
  red: ['The milestone "{next}", due {nextDue}, will not be met.', '"{next}" (due {nextDue}) cannot be delivered on time.'],
  overdue: ['"{next}" was due {nextDue} and has not been achieved.', 'The milestone "{next}" is overdue (due {nextDue}).'],
} as const;

/** Closing update for a completed action. */
export const COMPLETION_SENTENCES: readonly string[] = [
  'Action complete. Evidence has been submitted to the programme office and impact will be monitored through the linked measures.',
  'All milestones have been met and the action is complete. The SRO has confirmed the evidence of completion.',
  'Complete. The new arrangements are now part of business as usual and will be checked through the quality assurance framework.',
];

/** The first update of an action started in the month. */
export const STARTED_SENTENCES: readonly string[] = [
  'Work has started. The lead officer has agreed the project plan with partners.',
  'Action launched: scope, resources and reporting arrangements agreed with the SRO.',
  'Mobilisation is under way and the first task and finish group has met.',
];

/** The narrative recorded when the board approves a revised due date. */
export const REVISION_SENTENCE = 'A revised due date of {revisedDue} was approved by the SEND Oversight Board on {board}.';

/** Reasons an action is withdrawn. */
export const WITHDRAWAL_REASONS: readonly string[] = [
  'the work has been merged into another action in the same area',
  'it is superseded by the joint commissioning strategy',
  'the work is now led through the SEND Partnership Board as business as usual',
];

/** Localities used to tell repeated actions, measures and evidence apart in large plans. */
export const LOCALITIES: readonly string[] = ['North', 'South', 'East', 'West', 'Central'];
