import { useEffect, useRef, type DragEvent, type ReactNode } from 'react';
import { ChangesView } from '../views/changes-view';
import { ImportsView } from '../views/imports-view';
import { PlaceholderView } from '../views/placeholder-view';
import { PlanView } from '../views/plan-view';
import { SettingsView } from '../views/settings-view';
import { useServices } from './context';
import { useRoute } from './router';

type Section = { path: string; label: string };

/** The main sections, in the order the navigation shows them. */
export const SECTIONS: readonly Section[] = [
  { path: '/plan', label: 'Plan' },
  { path: '/meetings', label: 'Meetings' },
  { path: '/papers', label: 'Papers' },
  { path: '/exports', label: 'Exports' },
  { path: '/imports', label: 'Imports' },
  { path: '/settings', label: 'Settings' },
];

/** The application shell: banner, main navigation, the current view, and a window-wide drop target. */
export function App() {
  const { sync } = useServices();
  const route = useRoute();
  const mainRef = useRef<HTMLElement>(null);
  const section = SECTIONS.find((candidate) => route.path === candidate.path || route.path.startsWith(`${candidate.path}/`)) ?? SECTIONS[0];

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
      </nav>
      <main id="main" ref={mainRef} tabIndex={-1}>
        <View path={route.path} params={route.params} />
      </main>
    </div>
  );
}

function View({ path, params }: { path: string; params: URLSearchParams }): ReactNode {
  switch (path) {
    case '/plan':
      return <PlanView />;
    case '/plan/changes':
      return <ChangesView planId={params.get('plan') ?? undefined} importId={params.get('import') ?? undefined} />;
    case '/imports':
      return <ImportsView />;
    case '/settings':
      return <SettingsView />;
    case '/meetings':
      return (
        <PlaceholderView
          title="Meetings"
          text="The chair’s meeting record (attendance, quorum, declarations, decisions, votes and assurance) will appear here."
        />
      );
    case '/papers':
      return (
        <PlaceholderView title="Papers" text="Meeting packs and board papers, for reading and annotating offline, will appear here." />
      );
    case '/exports':
      return (
        <PlaceholderView
          title="Exports"
          text="Minutes, the decision log, members’ questions and return files will be exported from here."
        />
      );
    default:
      return <PlaceholderView title="Page not found" text="There is nothing at this address. Choose a section from the navigation." />;
  }
}
