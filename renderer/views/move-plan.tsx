import { useId, useState, type FormEvent } from 'react';
import { useServices } from '../app/context';
import { movePlanToBoard } from '../meetings/boards';
import { describeError } from '../meetings/save-status';
import { useBoards } from '../meetings/use-meetings';

/** Files a plan under another board held here (shown only when there is another board). */
export function MovePlanForm({ planId, title }: { planId: string; title: string }) {
  const { db } = useServices();
  const state = useBoards();
  const formId = useId();
  const [error, setError] = useState<string | null>(null);
  const others = state?.boards.filter((board) => board.id !== state.openId) ?? [];
  if (others.length === 0) return null;

  async function onMove(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const boardId = String(new FormData(event.currentTarget).get('board') ?? '');
    try {
      await movePlanToBoard(db, planId, boardId);
    } catch (caught) {
      setError(describeError(caught));
    }
  }

  return (
    <form className="move-plan" aria-label={`Move ${title} to another board`} onSubmit={(event) => void onMove(event)}>
      <label htmlFor={`${formId}-board`}>
        Move to board<span className="visually-hidden">: {title}</span>
      </label>{' '}
      <select id={`${formId}-board`} name="board" defaultValue={others[0]?.id}>
        {others.map((board) => (
          <option key={board.id} value={board.id}>
            {board.name}
          </option>
        ))}
      </select>{' '}
      <button type="submit" className="secondary">
        Move<span className="visually-hidden"> {title}</span>
      </button>
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
