import { useCallback } from 'react';
import type { AgendaItem, DecisionRecord, MeetingRecord } from '../../shared/meetings/schema';
import { useServices } from '../app/context';
import { useUndo } from '../components/undo-toast';
import { deleteRecord, restoreAgendaItem, restoreRecord, updateMeeting, withdrawDecision } from './meeting-repository';
import { useSave } from './save-status';

// The chair's removals during a meeting, each saved through the screen's save status and then
// offered for undo ("Deleted. Undo") for ten seconds. Kept apart from the panels so any panel
// can call one hook.

/** Removes a declaration, judgement or action arising from a draft, offering to put it back exactly. */
export function useRemoveRecord(meetingId: string): (recordId: string, message: string) => Promise<boolean> {
  const { db } = useServices();
  const save = useSave();
  const offer = useUndo();
  return useCallback(
    async (recordId, message) => {
      let removed: MeetingRecord | undefined;
      const isSaved = await save(async () => {
        removed = await deleteRecord(db, meetingId, recordId);
      });
      const record = removed;
      if (isSaved && record) offer({ message, undo: () => restoreRecord(db, record) });
      return isSaved;
    },
    [db, meetingId, save, offer],
  );
}

/** Withdraws (or restores) a decision; a withdrawal is offered for undo. */
export function useWithdrawDecision(meetingId: string): (decision: DecisionRecord) => Promise<boolean> {
  const { db } = useServices();
  const save = useSave();
  const offer = useUndo();
  return useCallback(
    async (decision) => {
      const isWithdrawn = !decision.isWithdrawn;
      const isSaved = await save(() => withdrawDecision(db, meetingId, decision.id, { isWithdrawn }));
      if (isSaved && isWithdrawn) {
        offer({
          message: `Withdrawn: decision ${decision.number}.`,
          undo: () => withdrawDecision(db, meetingId, decision.id, { isWithdrawn: false }),
        });
      }
      return isSaved;
    },
    [db, meetingId, save, offer],
  );
}

/** Takes an item off a draft agenda, offering to put it back at its place. */
export function useRemoveAgendaItem(meetingId: string): (agenda: readonly AgendaItem[], itemId: string) => Promise<boolean> {
  const { db } = useServices();
  const save = useSave();
  const offer = useUndo();
  return useCallback(
    async (agenda, itemId) => {
      const index = agenda.findIndex((item) => item.id === itemId);
      const item = agenda[index];
      if (!item) return false;
      const isSaved = await save(() => updateMeeting(db, meetingId, { agenda: agenda.filter((other) => other.id !== itemId) }));
      if (isSaved) {
        offer({
          message: `Deleted: item ${item.number}${item.title ? `, ${item.title}` : ''}.`,
          undo: async () => {
            await restoreAgendaItem(db, meetingId, item, index);
          },
        });
      }
      return isSaved;
    },
    [db, meetingId, save, offer],
  );
}
