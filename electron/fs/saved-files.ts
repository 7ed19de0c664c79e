import { randomUUID } from 'node:crypto';
import path from 'node:path';

/**
 * The files main itself saved this session (exports, annotation files, copies of papers), each
 * under a random id. "Show in folder" names a file by this id, so the renderer never hands main a
 * path to reveal: a compromised page could otherwise probe the disk or point the file manager
 * anywhere.
 */
export type SavedFiles = {
  /** Records a path main has just written; returns its id and the folder to show the user. */
  remember(filePath: string): { savedId: string; folder: string };
  /** The path saved under an id, if main saved it (and has not forgotten it since). */
  find(savedId: string): string | undefined;
};

/** A small in-memory register; the oldest ids are forgotten beyond `limit`. */
export function createSavedFiles(limit = 200): SavedFiles {
  const paths = new Map<string, string>();
  return {
    remember(filePath) {
      const savedId = randomUUID();
      paths.set(savedId, filePath);
      while (paths.size > limit) {
        const oldest = paths.keys().next().value;
        if (oldest === undefined) break;
        paths.delete(oldest);
      }
      return { savedId, folder: path.dirname(filePath) };
    },
    find: (savedId) => paths.get(savedId),
  };
}
