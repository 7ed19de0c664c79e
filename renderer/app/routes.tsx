import type { ReactNode } from 'react';
import { ChangesView } from '../views/changes-view';
import { ImportsView } from '../views/imports-view';
import { PlaceholderView } from '../views/placeholder-view';
import { PlanView } from '../views/plan-view';
import { SettingsView } from '../views/settings-view';

// Every view the app can show, by hash path. A feature adds its views here (one line each) and,
// for a new main section, one entry to SECTIONS.

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

/** Renders the view for a path, given the route's query parameters. */
export const ROUTES: Record<string, (params: URLSearchParams) => ReactNode> = {
  '/plan': () => <PlanView />,
  '/plan/changes': (params) => <ChangesView planId={params.get('plan') ?? undefined} importId={params.get('import') ?? undefined} />,
  '/imports': () => <ImportsView />,
  '/settings': () => <SettingsView />,
  '/meetings': () => (
    <PlaceholderView
      title="Meetings"
      text="The chair’s meeting record (attendance, quorum, declarations, decisions, votes and assurance) will appear here."
    />
  ),
  '/papers': () => (
    <PlaceholderView title="Papers" text="Meeting packs and board papers, for reading and annotating offline, will appear here." />
  ),
  '/exports': () => (
    <PlaceholderView title="Exports" text="Minutes, the decision log, members’ questions and return files will be exported from here." />
  ),
};

/** The view for a path, or a plain "not found". */
export function renderRoute(path: string, params: URLSearchParams): ReactNode {
  const render = ROUTES[path];
  return render ? (
    render(params)
  ) : (
    <PlaceholderView title="Page not found" text="There is nothing at this address. Choose a section from the navigation." />
  );
}
