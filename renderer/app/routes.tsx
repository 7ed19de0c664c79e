import type { ReactNode } from 'react';
import { NotesView } from '../annotations/notes-view';
import { QuestionsView } from '../annotations/questions-view';
import { ActionView } from '../plan-review/action-view';
import { ActionsView } from '../plan-review/actions-view';
import { DashboardView } from '../plan-review/dashboard-view';
import { MeasuresView } from '../plan-review/measures-view';
import { AssuranceView } from '../plan-review/assurance-view';
import { PartnersView } from '../plan-review/partners-view';
import { SearchView } from '../search/search-view';
import { AgendaView } from '../meetings/agenda-view';
import { BoardView } from '../meetings/board-view';
import { LiveView } from '../meetings/live-view';
import { MeetingsView } from '../meetings/meetings-view';
import { MinutesView } from '../meetings/minutes-view';
import { ExportsView } from '../exports/exports-view';
import { PapersView } from '../papers/papers-view';
import { PaperView } from '../papers/paper-view';
import { MakePackView } from '../papers/make-pack-view';
import { ChangesView } from '../views/changes-view';
import { ImportsView } from '../views/imports-view';
import { VoiceView } from '../voice/voice-view';
import { PlaceholderView } from '../views/placeholder-view';
import { PlanView } from '../views/plan-view';
import { SettingsView } from '../views/settings-view';
import { StartView } from '../start/start-view';
import { AboutView, HelpView } from '../help/help-view';

// Every view the app can show, by hash path. A feature adds its views here (one line each) and,
// for a new main section, one entry to SECTIONS.

/** A main section; `also` lists other paths that belong to it (for the navigation's current page). */
type Section = { path: string; label: string; also?: readonly string[] };

/** The main sections, in the order the navigation shows them. */
export const SECTIONS: readonly Section[] = [
  { path: '/start', label: 'Start' },
  { path: '/plan', label: 'Plan' },
  { path: '/notes', label: 'Notes', also: ['/questions'] },
  { path: '/meetings', label: 'Meetings' },
  { path: '/papers', label: 'Papers' },
  { path: '/exports', label: 'Exports' },
  { path: '/imports', label: 'Imports' },
  { path: '/settings', label: 'Settings' },
  { path: '/help', label: 'Help' },
];

/** Renders the view for a path, given the route's query parameters. */
export const ROUTES: Record<string, (params: URLSearchParams) => ReactNode> = {
  '/start': () => <StartView />,
  '/plan': () => <PlanView />,
  '/plan/dashboard': (params) => <DashboardView planId={params.get('plan') ?? undefined} />,
  '/plan/actions': (params) => <ActionsView params={params} />,
  '/plan/action': (params) => <ActionView params={params} />,
  '/plan/measures': (params) => <MeasuresView params={params} />,
  '/plan/partners': (params) => <PartnersView params={params} />,
  '/plan/voice': (params) => <VoiceView params={params} />,
  '/plan/assurance': (params) => <AssuranceView params={params} />,
  '/search': (params) => <SearchView params={params} />,
  '/plan/changes': (params) => <ChangesView planId={params.get('plan') ?? undefined} importId={params.get('import') ?? undefined} />,
  '/imports': () => <ImportsView />,
  '/notes': () => <NotesView />,
  '/questions': () => <QuestionsView />,
  '/settings': () => <SettingsView />,
  '/meetings': () => <MeetingsView />,
  '/meetings/board': () => <BoardView />,
  '/meetings/agenda': (params) => <AgendaView meetingId={params.get('meeting') ?? undefined} />,
  '/meetings/live': (params) => (
    <LiveView
      meetingId={params.get('meeting') ?? undefined}
      section={params.get('section') ?? undefined}
      at={params.get('at') ?? undefined}
    />
  ),
  '/meetings/minutes': (params) => <MinutesView meetingId={params.get('meeting') ?? undefined} at={params.get('at') ?? undefined} />,
  '/papers': (params) => <PapersView params={params} />,
  '/papers/paper': (params) => <PaperView params={params} />,
  '/papers/make': () => <MakePackView />,
  '/exports': () => <ExportsView />,
  '/help': (params) => <HelpView role={params.get('role') ?? undefined} />,
  '/help/about': () => <AboutView />,
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
