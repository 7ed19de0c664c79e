import { toCsv } from '../../shared/exports/csv';
import { exportFileName, extensionOf, filterOf } from '../../shared/exports/file-names';
import { buildMinutes } from '../../shared/exports/minutes-model';
import { minutesHtml } from '../../shared/exports/minutes-html';
import { buildBoardReport } from '../../shared/exports/report-model';
import { reportHtml } from '../../shared/exports/report-html';
import type { ExportRequest } from '../../shared/exports/schema';
import { actionLog, decisionLog, groupQuestionsByItem, questionsTable, WITHDRAWN_STATUS, type Table } from '../../shared/exports/tables';
import { CONFIDENTIAL_LINE, dateText } from '../../shared/exports/text';
import { buildDecisionsFile, verifyDecisionsFile } from '../../shared/meetings/decisions-file';
import { fail, ok, type Result } from '../../shared/result';
import { answersXlsx } from './answers-xlsx';
import { minutesDocx } from './minutes-docx';
import { questionsDocx } from './questions-docx';
import { reportDocx } from './report-docx';
import type { TrackerCopies } from './tracker-copies';
import { trackerWithUpdates } from './tracker-export';
import { describeLeftOut } from '../../shared/exports/tracker-formulas';
import { tableXlsx } from './xlsx';

// Turns a validated export request into the file's bytes and the name it is offered under. A
// pure function of the request and a few injected services, so every format is unit-tested by
// reading its output back, and the handler only asks where to save and writes atomically.

export type ExportServices = {
  /** HTML to PDF: Electron's printToPDF in the app, Chromium's page.pdf in tests. */
  printHtmlToPdf(html: string): Promise<Uint8Array>;
  /**
   * SVG to PNG of the given size in pixels, for the report's charts in the DOCX: an offscreen
   * window's capturePage in the app, a Chromium screenshot in tests. Without it (unit tests, the
   * CLI) the DOCX gives each chart's figures as a table only.
   */
  renderSvgToPng?(svg: string, width: number, height: number): Promise<Uint8Array>;
  trackerCopies: Pick<TrackerCopies, 'find'>;
  now(): Date;
};

export type BuiltExport = {
  data: Uint8Array | string;
  suggestedName: string;
  extension: string;
  filter: { name: string; extensions: string[] };
  isConfidential: boolean;
  summary: string;
};

function plural(count: number, word: string): string {
  return `${count} ${count === 1 ? word : `${word}s`}`;
}

function csvOf(table: Table, isConfidential: boolean): string {
  return toCsv([...(isConfidential ? [[CONFIDENTIAL_LINE]] : []), table.headings, ...table.rows]);
}

/** Builds the file a request asks for, or says plainly why it cannot be made. */
export async function buildExport(request: ExportRequest, services: ExportServices): Promise<Result<BuiltExport>> {
  const isConfidential = request.includeExempt;
  const named = (title: string, date: string | undefined, detail?: string, trackerExtension?: '.xlsx' | '.csv') => ({
    suggestedName: exportFileName(request.kind, {
      title,
      isConfidential,
      ...(date ? { date } : {}),
      ...(detail ? { detail } : {}),
      ...(trackerExtension ? { trackerExtension } : {}),
    }),
    extension: extensionOf(request.kind, trackerExtension),
    filter: filterOf(request.kind, trackerExtension),
    isConfidential,
  });

  switch (request.kind) {
    case 'minutes-docx':
    case 'minutes-pdf': {
      const minutes = buildMinutes(request.bundle, {
        boardName: request.boardName,
        includeExempt: request.includeExempt,
        terms: request.terms,
      });
      const data = request.kind === 'minutes-docx' ? await minutesDocx(minutes) : await services.printHtmlToPdf(minutesHtml(minutes));
      const decisions = minutes.items.reduce((count, item) => count + item.decisions.length, 0);
      return ok({
        data,
        ...named(request.bundle.meeting.title, request.bundle.meeting.date),
        summary: `${minutes.isDraft ? 'Draft minutes' : 'Approved minutes'}: ${plural(minutes.items.length, 'item')}, ${plural(decisions, 'decision')}${
          minutes.withheldItems > 0 ? `; ${plural(minutes.withheldItems, 'exempt item')} left out` : ''
        }.`,
      });
    }
    case 'decision-log-csv':
    case 'decision-log-xlsx':
    case 'action-log-csv':
    case 'action-log-xlsx': {
      const isDecisions = request.kind.startsWith('decision');
      const table = isDecisions ? decisionLog(request.bundles, request.includeExempt) : actionLog(request.bundles, request.includeExempt);
      const data = request.kind.endsWith('csv') ? csvOf(table, isConfidential) : await tableXlsx(table, { isConfidential });
      const latest = [...request.bundles].sort((a, b) => b.meeting.date.localeCompare(a.meeting.date))[0]?.meeting.date;
      // A decision withdrawn as recorded in error keeps its row (its number is never reused) but is not counted as a decision.
      const withdrawn = isDecisions ? table.rows.filter((row) => row.at(-1) === WITHDRAWN_STATUS).length : 0;
      return ok({
        data,
        ...named(request.boardName, latest),
        summary: `${plural(table.rows.length - withdrawn, isDecisions ? 'decision' : 'action')} from ${plural(request.bundles.length, 'meeting')}${
          withdrawn > 0 ? `; ${withdrawn} withdrawn (listed, not counted)` : ''
        }.`,
      });
    }
    case 'questions-docx':
    case 'questions-csv': {
      const groups = groupQuestionsByItem(request.meeting.agenda, request.questions, request.includeExempt);
      const count = groups.reduce((total, group) => total + group.questions.length, 0);
      const data =
        request.kind === 'questions-csv'
          ? csvOf(questionsTable(groups), isConfidential)
          : await questionsDocx({
              boardName: request.boardName,
              meetingTitle: request.meeting.title,
              meetingDate: request.meeting.date,
              memberName: request.memberName,
              groups,
              isConfidential,
            });
      return ok({
        data,
        ...named(request.meeting.title, request.meeting.date, request.memberName ?? 'all members'),
        summary: `${plural(count, 'question')}${questionSource(request.memberName, groups)}.`,
      });
    }
    case 'questions-xlsx': {
      // Only questions still awaiting an answer go out: unanswered, or answered but not accepted.
      const awaiting = request.questions.filter((question) => question.answer === null || question.followUp !== undefined);
      const groups = groupQuestionsByItem(request.meeting.agenda, awaiting, request.includeExempt);
      const count = groups.reduce((total, group) => total + group.questions.length, 0);
      const data = await answersXlsx({
        boardName: request.boardName,
        scope: `questions for officers, meeting of ${dateText(request.meeting.date)}${request.memberName ? `, from ${request.memberName}` : ''}`,
        groups,
        isConfidential,
        now: services.now(),
      });
      const answered = request.questions.length - awaiting.length;
      return ok({
        data,
        ...named(request.meeting.title, request.meeting.date, request.memberName ?? 'all members'),
        summary: `${plural(count, 'question')} awaiting an answer${answered > 0 ? `; ${plural(answered, 'answered question')} left out` : ''}.`,
      });
    }
    case 'decisions-json': {
      const { meeting, records, exemptSourceIds } = request.bundle;
      const built = await buildDecisionsFile(meeting, records, {
        exportedAt: services.now().toISOString(),
        includeExempt: request.includeExempt,
        exemptSourceIds,
      });
      if (!built.ok) return built;
      // The file must check before it leaves: a broken chain is reported, never exported.
      const verdict = await verifyDecisionsFile(built.value);
      if (verdict.status !== 'intact') {
        return fail(
          'broken-chain',
          `These minutes fail their check (${verdict.status === 'broken' ? `${verdict.label}: ${verdict.reason}` : verdict.message}), so no decision file was made.`,
        );
      }
      return ok({
        data: `${JSON.stringify(built.value, null, 2)}\n`,
        ...named(meeting.title, meeting.date),
        summary: `${plural(verdict.count, 'record')} with their hash chain${verdict.withheld > 0 ? `; ${plural(verdict.withheld, 'exempt record')} withheld (hashes kept)` : ''}.`,
      });
    }
    case 'board-report-docx':
    case 'board-report-pdf': {
      const report = buildBoardReport({
        boardName: request.boardName,
        includeExempt: request.includeExempt,
        from: request.from,
        to: request.to,
        plan: request.plan,
        bundles: request.bundles,
        voice: request.voice,
        questions: request.questions,
      });
      const data =
        request.kind === 'board-report-docx'
          ? await reportDocx(report, services.renderSvgToPng)
          : await services.printHtmlToPdf(reportHtml(report));
      return ok({
        data,
        ...named(request.boardName, request.to, `${request.from} to ${request.to}`),
        summary: `Report on ${plural(report.areas.length, 'area')} over ${plural(report.meetings.length, 'meeting')}${
          report.withheld > 0 ? `; ${plural(report.withheld, 'exempt item')} left out` : ''
        }.`,
      });
    }
    case 'tracker': {
      const copy = await services.trackerCopies.find(request.planId, request.revision);
      if (!copy) {
        return fail(
          'no-tracker',
          `Revision ${request.revision} of this plan did not come from a spreadsheet on this laptop, so there is no tracker to write back to. Import the tracker (.xlsx or .csv) first.`,
        );
      }
      const written = await trackerWithUpdates(copy, request.bundle, { planId: request.planId, includeExempt: request.includeExempt });
      if (!written.ok) return written;
      const stem = copy.meta.fileName.replace(/\.(xlsx|csv)$/i, '');
      return ok({
        data: written.value.data,
        ...named(stem, request.bundle.meeting.date, undefined, copy.meta.extension),
        summary: `${plural(written.value.updatedRows, 'action row')} updated in a copy of ${copy.meta.fileName}, with ${plural(4, 'added column')}.${describeLeftOut(written.value.leftOut)}`,
      });
    }
  }
}

// "1 question from every member" claimed more than the file holds: name the members counted.
function questionSource(memberName: string | null, groups: ReadonlyArray<{ questions: ReadonlyArray<{ authorName: string }> }>): string {
  if (memberName) return ` from ${memberName}`;
  const authors = new Set(groups.flatMap((group) => group.questions.map((question) => question.authorName)));
  return authors.size === 0 ? '' : ` from ${plural(authors.size, 'member')}`;
}
