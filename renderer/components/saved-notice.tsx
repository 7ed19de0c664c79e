import { useState } from 'react';
import type { SavedFile } from '../../shared/ipc/contract';
import { useServices } from '../app/context';

/** Where a save went, in words: "Saved minutes.docx to C:\Users\…\Documents." */
export function savedSentence(saved: SavedFile): string {
  const name = saved.fileName ?? 'the file';
  return saved.folder ? `Saved ${name} to ${saved.folder}.` : `Saved ${name}.`;
}

/**
 * "Show in folder" for a file main has just saved: main is asked by the id it gave the file, and
 * reveals the path it wrote itself (the renderer never sends a path).
 */
export function ShowInFolder({ savedId, fileName }: { savedId: string; fileName?: string }) {
  const { api } = useServices();
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="secondary"
        onClick={() => {
          void api.call('shell:show-saved', { savedId }).then((reply) => setProblem(reply.ok ? null : reply.error.message));
        }}
      >
        {/* The visible words start the name (WCAG 2.5.3); the file's name tells two such buttons apart. */}
        Show in folder{fileName ? <span className="visually-hidden">: {fileName}</span> : null}
      </button>
      {problem ? (
        <span role="alert" className="error-text">
          {' '}
          {problem}
        </span>
      ) : null}
    </>
  );
}

/** What a save step said: its words, and the file main saved (if it saved one). */
export type SaveOutcome = { text: string; saved?: SavedFile };

/**
 * A save's outcome in one line: the words, then "Show in folder" when main saved a file. An error
 * is an alert; the caller keeps the line inside its own polite live region.
 */
export function SavedLine({ text, saved, tone = 'info' }: SaveOutcome & { tone?: 'ok' | 'info' | 'error' }) {
  return (
    <p className={`entry entry-${tone}`} role={tone === 'error' ? 'alert' : undefined}>
      {text} {saved?.savedId ? <ShowInFolder savedId={saved.savedId} fileName={saved.fileName} /> : null}
    </p>
  );
}
