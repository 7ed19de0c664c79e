import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AnnotationEditor, type EditorValue } from '../../renderer/annotations/annotation-editor';

// A save can take a while (two windows saving at once, a busy laptop). What the member types
// while it is in flight is the next note: emptying the form after the save must not wipe it.

describe('the note form during a slow save', () => {
  it('keeps what was typed while the save was in flight, and empties a form left untouched', async () => {
    const user = userEvent.setup();
    const saved: EditorValue[] = [];
    let finishSave = () => {};
    render(
      <AnnotationEditor
        submitLabel="Add"
        onSubmit={(value) =>
          new Promise<void>((resolve) => {
            saved.push(value);
            finishSave = resolve;
          })
        }
      />,
    );
    const box = screen.getByRole('textbox', { name: 'Your note' });
    await user.type(box, 'First note');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(saved.map((value) => value.text)).toEqual(['First note']));
    await user.clear(box);
    await user.type(box, 'Second, typed during the save');
    finishSave();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Add' })).toBeEnabled());
    // Let the save's ending run, then the form still holds the second note.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(box).toHaveValue('Second, typed during the save');

    await user.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(saved.map((value) => value.text)).toEqual(['First note', 'Second, typed during the save']));
    finishSave();
    await waitFor(() => expect(box).toHaveValue(''));
  });
});
