import { useId, useState, type FormEvent } from 'react';
import { useServices } from '../app/context';
import { addBoard, openBoard } from './boards';
import { describeError } from './save-status';
import { useBoards } from './use-meetings';

/** Which board is open (its meetings, register and numbering), a choice of the others, and adding one. */
export function BoardSwitcher() {
  const { db } = useServices();
  const state = useBoards();
  const formId = useId();
  const [isAdding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onAdd(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get('name') ?? '');
    try {
      await addBoard(db, name);
      setAdding(false);
      setError(null);
    } catch (caught) {
      setError(describeError(caught));
    }
  }

  if (state === undefined) return null;
  return (
    <div className="board-switcher">
      <p>
        {state.boards.length > 0 ? (
          <>
            <label htmlFor={`${formId}-board`}>Board</label>{' '}
            <select
              id={`${formId}-board`}
              value={state.openId}
              onChange={(event) => void openBoard(db, event.target.value).catch((caught: unknown) => setError(describeError(caught)))}
            >
              {state.boards.map((board) => (
                <option key={board.id} value={board.id}>
                  {board.name}
                </option>
              ))}
            </select>{' '}
          </>
        ) : null}
        {isAdding ? null : (
          <button type="button" className="secondary" onClick={() => setAdding(true)}>
            Add a board…
          </button>
        )}
      </p>
      {isAdding ? (
        <form onSubmit={(event) => void onAdd(event)} aria-label="Add a board" noValidate>
          <label htmlFor={`${formId}-name`}>Name of the board to add</label>{' '}
          <input id={`${formId}-name`} name="name" type="text" required aria-describedby={error ? `${formId}-error` : undefined} />{' '}
          <button type="submit">Add the board</button>
          <button type="button" className="secondary" onClick={() => setAdding(false)}>
            Cancel
          </button>
        </form>
      ) : null}
      {error ? (
        <p id={`${formId}-error`} className="error-text" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
