import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setAttendance } from '../../renderer/meetings/meeting-repository';
import { SAMPLE_MEMBERS } from '../../renderer/meetings/sample-board';
import { MeasureChart } from '../../renderer/plan-review/measure-chart';
import type { Measure } from '../../shared/plan/schema';
import { App } from '../../renderer/app/app';
import { ImportsView } from '../../renderer/views/imports-view';
import { SettingsView } from '../../renderer/views/settings-view';
import { createAnnotation } from '../../renderer/annotations/annotation-repository';
import { NotesView } from '../../renderer/annotations/notes-view';
import { saveProfile } from '../../renderer/annotations/profile-repository';
import { fakeBridge, freshDatabase, renderWithServices } from './helpers';
import { storeTestPack } from './papers-helpers';
import { MEETING_ID, NOW, renderAt, sampleStore } from './meetings-helpers';

// Rough edges found in use (issue 19): each one pinned by the behaviour a member saw.

const SAMPLE_PLAN = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../electron/resources/sample/northmoor-send-plan.r2.plan.json',
);

describe('what the inbox takes, as the Imports and Settings views say it', () => {
  it('Imports names packs and annotation files as well as plans and trackers', () => {
    renderWithServices(<ImportsView />);
    const intro = screen.getByText(/Import plan files/);
    for (const kind of ['.plan.json', '.csv', '.xlsx', '.zip', '.pack.json', '.annotations.json']) expect(intro).toHaveTextContent(kind);
    expect(intro).toHaveTextContent(/meeting packs/);
    expect(intro).toHaveTextContent(/annotation files/);
  });

  it('Settings says packs and annotation files saved to the inbox are imported too', async () => {
    const bridge = fakeBridge({
      'settings:get': () => ({ inboxFolder: '/home/cllr/Documents/Oversight/Inbox' }),
      'app:get-info': () => ({ name: 'Oversight', version: '9.9.9', platform: 'linux', dataFolder: '/data', locale: 'en-GB' }),
    });
    renderWithServices(<SettingsView />, { bridge });
    expect(
      await screen.findByText(/Plan files, trackers, meeting packs and annotation files saved into this folder are imported automatically/),
    ).toBeInTheDocument();
  });
});

describe('the minutes of a meeting not yet held', () => {
  afterEach(() => {
    vi.useRealTimers();
    window.location.hash = '';
  });

  it('says "Not yet held" until the meeting has met or something is recorded, then "Draft"', async () => {
    // Only the clock is faked, so Testing Library's own timers still run.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    const db = await sampleStore();
    const view = renderAt(`#/meetings/minutes?meeting=${MEETING_ID}`, db);
    expect(await screen.findByText('Not yet held: the minutes are drafted at the meeting')).toBeInTheDocument();
    expect(screen.queryByText('Draft: to be approved at the next meeting')).not.toBeInTheDocument();

    // Once anything is recorded the meeting is under way, and its minutes are a draft.
    const [member] = SAMPLE_MEMBERS;
    if (!member) throw new Error('the sample board has members');
    await setAttendance(db, MEETING_ID, member, { status: 'present' });
    expect(await screen.findByText('Draft: to be approved at the next meeting')).toBeInTheDocument();
    expect(screen.queryByText(/Not yet held/)).not.toBeInTheDocument();
    view.unmount();
  });

  it('says "Draft" for a meeting whose day has passed, even with nothing recorded', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    const db = await sampleStore();
    vi.setSystemTime(new Date('2027-02-01T09:00:00Z'));
    renderAt(`#/meetings/minutes?meeting=${MEETING_ID}`, db);
    expect(await screen.findByText('Draft: to be approved at the next meeting')).toBeInTheDocument();
    expect(screen.queryByText(/Not yet held/)).not.toBeInTheDocument();
  });
});

describe('the decision type chosen by its first letter', () => {
  afterEach(() => {
    window.location.hash = '';
  });

  it('`r` on "Resolved" keeps "Resolved"; `r` again moves to "Rescinds"; `n` picks "Noted"', async () => {
    const user = userEvent.setup();
    const db = await sampleStore();
    renderAt(`#/meetings/live?meeting=${MEETING_ID}`, db);
    await user.click(await screen.findByRole('button', { name: 'Mark the 10 not yet marked as present' }));
    await user.click(screen.getByRole('link', { name: /^5 / }));
    await screen.findByRole('heading', { level: 2, name: /^Item 5:/ });
    const type = screen.getByRole('combobox', { name: 'Decision' });
    await waitFor(() => expect(type).toHaveValue('resolved'));
    type.focus();
    await user.keyboard('r');
    expect(type).toHaveValue('resolved');
    await user.keyboard('r');
    await waitFor(() => expect(type).toHaveValue('rescinds'));
    expect(screen.getByRole('textbox', { name: 'Earlier decision number' })).toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await user.keyboard('n');
    await waitFor(() => expect(type).toHaveValue('noted'));
  });
});

describe('a note on a paper, as the Notes view lists it', () => {
  it('says which paper it is about, by title, beside the quoted passage', async () => {
    const db = freshDatabase();
    const profile = await saveProfile(db, { displayName: 'Cllr Amina Shah', role: 'member', organisation: 'Labour group' });
    await storeTestPack(db, [{ id: 'p4', title: 'Performance dashboard, October', item: 'item-4' }]);
    const anchor = {
      quote: { exact: 'Waits for speech and language therapy', prefix: '', suffix: '' },
      position: { start: 0, end: 37 },
      page: 1,
    };
    await createAnnotation(
      db,
      profile,
      { kind: 'paper', meetingId: 'board-1', paperId: 'p4', anchor },
      { kind: 'concern', text: 'Worsening', tags: [], visibility: 'private' },
    );
    renderWithServices(<NotesView />, { db });
    expect(
      await screen.findByRole('link', { name: 'Paper “Performance dashboard, October”: “Waits for speech and language therapy”' }),
    ).toHaveAttribute('href', expect.stringContaining('paper=p4'));
  });
});

describe('a measure chart’s line labels', () => {
  it('never overprint each other: England 46.4 and statistical neighbours 44.1 on action 1.1’s measure', () => {
    const plan = JSON.parse(readFileSync(SAMPLE_PLAN, 'utf8')) as { measures: Measure[] };
    const measure = plan.measures.find((candidate) => candidate.id === 'kpi-ehc-20wk-incl');
    if (!measure) throw new Error('the sample plan has the 20-week measure');
    renderWithServices(<MeasureChart measure={measure} />);
    // Each label's text box, from its anchor and the em shift recharts gives its line (12 px type).
    const boxes = [...document.querySelectorAll('svg text.recharts-label')].map((label) => {
      const shift = Number.parseFloat(label.querySelector('tspan')?.getAttribute('dy') ?? '0') * 12;
      const bottom = Number(label.getAttribute('y')) + shift;
      return { text: label.textContent ?? '', x: label.getAttribute('x'), top: bottom - 12, bottom };
    });
    expect(boxes.map((box) => box.text)).toEqual(
      expect.arrayContaining(['England average 46.4', 'Statistical neighbours average 44.1', 'Baseline 26']),
    );
    for (const [index, box] of boxes.entries()) {
      for (const other of boxes.slice(index + 1)) {
        if (other.x !== box.x) continue;
        const overlaps = box.top < other.bottom && other.top < box.bottom;
        expect(overlaps, `${box.text} over ${other.text}`).toBe(false);
      }
    }
  });
});

describe('search landmarks', () => {
  afterEach(() => {
    window.location.hash = '';
  });

  // axe's landmark-unique: two search landmarks on one page need names that tell them apart.
  async function searchLandmarkNames(hash: string, ready: () => Promise<unknown>) {
    const db = freshDatabase();
    await storeTestPack(db, [{ id: 'p4', title: 'Performance dashboard', item: 'item-4' }]);
    window.location.hash = hash;
    renderWithServices(<App />, { db });
    await ready();
    const landmarks = screen.getAllByRole('search');
    // Each landmark is found by exactly one name, and no two share one.
    const names = ['Quick search', 'Search everything', 'Search inside these papers'];
    return names.filter((name) => screen.queryAllByRole('search', { name }).length === 1 && landmarks.length === 2);
  }

  it('on Search and on a meeting’s Papers, each search landmark has its own name', async () => {
    const onSearch = await searchLandmarkNames('#/search', () => screen.findByRole('heading', { level: 1, name: 'Search' }));
    expect(onSearch).toEqual(['Quick search', 'Search everything']);
    cleanup();
    const onPapers = await searchLandmarkNames('#/papers?meeting=board-1', () =>
      screen.findByRole('searchbox', { name: 'Search inside these papers' }),
    );
    expect(onPapers).toEqual(['Quick search', 'Search inside these papers']);
  });
});
