import { useCallback } from 'react';
import type { Profile } from '../../shared/annotations/types';
import { useServices } from '../app/context';
import { useUndo } from '../components/undo-toast';
import { deleteAnnotationForUndo, restoreAnnotation, type AnnotationError } from './annotation-repository';

/**
 * Deletes one of the member's notes (on the plan or on a paper) and offers "Deleted. Undo" for
 * ten seconds; the undo puts the note back as it was, search included.
 */
export function useDeleteAnnotation(): (
  profile: Profile,
  id: string,
  message: string,
) => Promise<{ ok: true } | { ok: false; error: AnnotationError }> {
  const { db } = useServices();
  const offer = useUndo();
  return useCallback(
    async (profile, id, message) => {
      const result = await deleteAnnotationForUndo(db, profile, id);
      if (!result.ok) return result;
      offer({
        message,
        undo: async () => {
          const restored = await restoreAnnotation(db, profile, result.before);
          if (!restored.ok) throw new Error(restored.error.message);
        },
      });
      return { ok: true };
    },
    [db, offer],
  );
}
