import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { ProfileDialog } from '../annotations/profile-dialog';
import { BoardRunner } from '../board/board-runner';
import { useProfile } from '../annotations/use-annotations';
import { NewPapersNotice } from '../papers/new-papers-notice';
import { SearchBox } from '../search/search-box';
import { backUpDailyIfDue } from '../backup/auto-backup';
import { RestoreOutcomeNotice } from '../backup/restore-outcome-notice';
import { useServices } from './context';
import { renderRoute, SECTIONS } from './routes';
import { StartNotices } from './start-notices';
import { useRoute } from './router';
import { useMenuCommands } from './menu-commands';
import { ShortcutsDialog } from '../help/shortcuts-dialog';
import { isShortcutSheetKey } from '../help/shortcuts';

export { SECTIONS };

/** The application shell: banner, main navigation, the current view, and a window-wide drop target. */
export function App() {
  const { sync, db, api } = useServices();
  const route = useRoute();
  const mainRef = useRef<HTMLElement>(null);
  const profile = useProfile();
  const [isProfileDeferred, setProfileDeferred] = useState(false);
  const [isShowingShortcuts, setShowingShortcuts] = useState(false);

  // The application menu's commands (File, View › Theme, Go, Help) and `?` for the shortcut sheet.
  useMenuCommands(useCallback(() => setShowingShortcuts(true), []));
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isShortcutSheetKey(event)) return;
      event.preventDefault();
      setShowingShortcuts(true);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  // The daily backup, once per start when none was made today (and a passphrase is set).
  useEffect(() => {
    void backUpDailyIfDue(db, api).then((result) => {
      if (result && !result.ok) console.warn('The daily backup failed', result.error.message);
    });
  }, [db, api]);

  // Tells tests and tools whether the first-run profile question is showing.
  useEffect(() => {
    document.documentElement.dataset.profile = profile === undefined ? 'loading' : profile ? 'ready' : 'missing';
  }, [profile]);
  const section = SECTIONS.find(
    (candidate) =>
      route.path === candidate.path ||
      route.path.startsWith(`${candidate.path}/`) ||
      (candidate.also ?? []).some((path) => route.path === path || route.path.startsWith(`${path}/`)),
  );

  // After a navigation, move focus to the new view so keyboard and screen-reader users start there.
  const isFirstRender = useRef(true);
  useEffect(() => {
    if (isFirstRender.current) {
      isFirstRender.current = false;
      return;
    }
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [route.path]);

  function onDragOver(event: DragEvent) {
    if (event.dataTransfer.types.includes('Files')) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    }
  }

  function onDrop(event: DragEvent) {
    if (event.dataTransfer.files.length === 0) return;
    event.preventDefault();
    void sync.importDropped([...event.dataTransfer.files]);
    window.location.hash = '#/imports';
  }

  return (
    <div className="shell" onDragOver={onDragOver} onDrop={onDrop}>
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          mainRef.current?.focus();
        }}
      >
        Skip to content
      </a>
      <header className="banner">
        <span className="brand">Oversight</span>
        <span className="marking" title="Handle this laptop's data as OFFICIAL-SENSITIVE">
          OFFICIAL-SENSITIVE
        </span>
      </header>
      <nav className="main-nav" aria-label="Main">
        <ul>
          {SECTIONS.map((item) => (
            <li key={item.path}>
              <a href={`#${item.path}`} aria-current={item.path === section?.path ? 'page' : undefined}>
                {item.label}
              </a>
            </li>
          ))}
        </ul>
        <SearchBox />
      </nav>
      <StartNotices />
      <RestoreOutcomeNotice />
      <main id="main" ref={mainRef} tabIndex={-1}>
        <NewPapersNotice />
        {renderRoute(route.path, route.params)}
      </main>
      <BoardRunner />
      {profile === null && !isProfileDeferred ? <ProfileDialog onClose={() => setProfileDeferred(true)} /> : null}
      {isShowingShortcuts ? <ShortcutsDialog onClose={() => setShowingShortcuts(false)} /> : null}
    </div>
  );
}
