import { Dialog } from '../components/dialog';
import { SHORTCUT_GROUPS } from './shortcuts';

/** The shortcut sheet's tables, one per group. */
export function ShortcutSheet({ headingLevel = 3 }: { headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="shortcut-sheet">
      {SHORTCUT_GROUPS.map((group) => (
        <section key={group.title}>
          <Heading>{group.title}</Heading>
          <table>
            <caption className="visually-hidden">{group.title}</caption>
            <thead>
              <tr>
                <th scope="col">Keys</th>
                <th scope="col">Does</th>
              </tr>
            </thead>
            <tbody>
              {group.shortcuts.map((shortcut) => (
                <tr key={shortcut.keys}>
                  <td>
                    <kbd>{shortcut.keys}</kbd>
                  </td>
                  <td>{shortcut.does}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}

/** The keyboard shortcut sheet as a modal dialog (press ?, or Help › Keyboard shortcuts); Escape closes it. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog className="shortcuts-dialog" title="Keyboard shortcuts" onCancel={onClose}>
      <p className="muted">Ctrl means Cmd on a Mac; Alt means Option.</p>
      <ShortcutSheet headingLevel={3} />
      <div className="button-row">
        <button type="button" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </Dialog>
  );
}
