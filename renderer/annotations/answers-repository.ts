import { matchAnswers, type AnswersSummary, type StoredQuestion } from '../../shared/answers/match';
import type { AnswersWorkbook } from '../../shared/answers/workbook';
import type { AnnotationRecord, Profile } from '../../shared/annotations/types';
import type { OversightDatabase } from '../db/database';
import { getMeta, setMeta } from '../db/meta-repository';
import { nextStamp } from './annotation-repository';

// Officers' written answers, from a questions-and-answers workbook, recorded on the questions
// they answer (matched by id, never guessed): every answer of one workbook in one transaction.

const ANSWER_FILES = 'importedAnswerFiles';

export type AnswersOutcome = { status: 'answers-recorded'; warnings: AnswersSummary['problems'] } & AnswersSummary;

/**
 * Records a workbook's answers. Rows naming an unknown question or a reworded one are reported
 * in `problems` and change nothing; the rest are written together or not at all.
 */
export async function recordAnswers(
  db: OversightDatabase,
  workbook: AnswersWorkbook,
  options: { sha256?: string; profile?: Profile | null; now?: Date; warnings?: AnswersSummary['problems'] } = {},
): Promise<AnswersOutcome> {
  const now = options.now ?? new Date();
  return db.transaction('rw', [db.meta, db.annotations], async () => {
    const ids = workbook.rows.map((row) => row.questionId);
    const found = await db.annotations.bulkGet(ids);
    const stored = new Map<string, AnnotationRecord>(found.flatMap((record) => (record ? [[record.id, record] as const] : [])));
    const { matches, summary } = matchAnswers(workbook.rows, stored as ReadonlyMap<string, StoredQuestion>, now);
    const writes: AnnotationRecord[] = [];
    for (const match of matches) {
      if (match.status !== 'recorded') continue;
      const record = stored.get(match.questionId);
      if (!record) continue;
      // The member's own question changes like any of their edits (a new clock stamp, so their
      // next annotations file carries the answer); another member's keeps its author's stamp,
      // since only its author may version it.
      const isOwn = options.profile !== undefined && options.profile !== null && record.authorId === options.profile.id;
      writes.push({
        ...record,
        answer: match.answer,
        ...(isOwn && options.profile
          ? { hlc: await nextStamp(db, options.profile, now.getTime()), deviceId: options.profile.deviceId }
          : {}),
      });
    }
    if (writes.length > 0) await db.annotations.bulkPut(writes);
    // A workbook with rows it could not match is not remembered: once the missing questions
    // arrive (another member's annotations file), the same workbook can be imported again.
    if (options.sha256 && summary.problems.length === 0) {
      const known = (await getMeta<string[]>(db, ANSWER_FILES)) ?? [];
      if (!known.includes(options.sha256)) await setMeta(db, ANSWER_FILES, [...known.slice(-999), options.sha256]);
    }
    return { status: 'answers-recorded' as const, ...summary, warnings: options.warnings ?? [] };
  });
}

/** Hashes of answers workbooks already recorded, so main skips them without reading them again. */
export async function importedAnswerFileHashes(db: OversightDatabase): Promise<string[]> {
  return (await getMeta<string[]>(db, ANSWER_FILES)) ?? [];
}
