import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ActionView } from '../../renderer/plan-review/action-view';
import { DashboardView } from '../../renderer/plan-review/dashboard-view';
import { MeasureChart } from '../../renderer/plan-review/measure-chart';
import { MeasuresView } from '../../renderer/plan-review/measures-view';
import type { Measure } from '../../shared/plan/schema';
import { fakeBridge, renderWithServices } from './helpers';
import { PLAN_ID, storeWithPlan } from './plan-review-helpers';

const TODAY = '2026-04-10';

afterEach(() => {
  window.location.hash = '';
});

function measure(polarity: Measure['polarity'], values: Array<number | null>): Measure {
  return {
    id: `m-${polarity}`,
    name: polarity === 'higher-is-better' ? 'Annual reviews on time' : 'Average weeks to issue a plan',
    unit: polarity === 'higher-is-better' ? 'percent' : 'weeks',
    polarity,
    frequency: 'monthly',
    source: 'Case management system',
    baseline: { value: 30, asAt: '2025-12-31' },
    targets: [{ value: 60, asAt: '2026-12-31' }],
    benchmarks: [{ label: 'England average', value: 50, period: '2024' }],
    series: values.map((value, index) => ({
      period: `2026-0${index + 1}`,
      value,
      status: index === values.length - 1 ? ('provisional' as const) : ('final' as const),
    })),
  };
}

describe('dashboard', () => {
  it('shows delivery and impact RAG counts per area apart, in words, and links every figure to its list', async () => {
    const db = await storeWithPlan();
    renderWithServices(<DashboardView planId={PLAN_ID} today={TODAY} />, { db });
    const area = await screen.findByRole('region', { name: 'Area 1: Timeliness and quality of EHC needs assessments and plans' });
    const delivery = within(area).getByRole('heading', { name: 'Delivery RAG of its 2 actions' }).parentElement;
    const impact = within(area).getByRole('heading', { name: 'Impact RAG of its 2 linked measures' }).parentElement;
    if (!delivery || !impact) throw new Error('no rating groups');
    expect(
      within(delivery)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Red 1', 'Amber 1']);
    expect(
      within(impact)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Red 1', 'Not rated 1']);
    expect(within(delivery).getByRole('link', { name: 'Red 1' })).toHaveAttribute(
      'href',
      `#/plan/actions?plan=${PLAN_ID}&area=AREA-1&rag=red`,
    );
    expect(within(impact).getByRole('link', { name: 'Red 1' })).toHaveAttribute(
      'href',
      `#/plan/measures?plan=${PLAN_ID}&area=AREA-1&impact=red`,
    );
    // On 10 April 1.1 (due 31 March) is overdue; 1.2's revised date, 30 April, is due soon.
    expect(within(area).getByRole('link', { name: '1 overdue' })).toHaveAttribute(
      'href',
      `#/plan/actions?plan=${PLAN_ID}&area=AREA-1&overdue=1&sort=due`,
    );
    expect(within(area).getByRole('link', { name: '1 due in the next 30 days' })).toBeInTheDocument();
    expect(within(area).getByRole('link', { name: '1 with a revised due date' })).toHaveAttribute(
      'href',
      `#/plan/actions?plan=${PLAN_ID}&area=AREA-1&revised=1`,
    );
    expect(within(area).getByRole('link', { name: /measures? moving the wrong way/ })).toHaveAttribute(
      'href',
      `#/plan/measures?plan=${PLAN_ID}&area=AREA-1&show=worsening`,
    );
    expect(screen.getByText(/4 actions in 2 areas/)).toBeInTheDocument();
  });

  it('says so when the plan is not on this laptop', async () => {
    renderWithServices(<DashboardView planId="missing" today={TODAY} />);
    expect(await screen.findByText(/That plan is not on this laptop/)).toBeInTheDocument();
  });
});

describe('measure charts', () => {
  it('reads the trend by polarity: rising is improving when higher is better, worsening when lower is better', () => {
    renderWithServices(
      <>
        <MeasureChart measure={measure('higher-is-better', [40, 45])} />
        <MeasureChart measure={measure('lower-is-better', [40, 45])} />
      </>,
    );
    const [higher, lower] = screen.getAllByRole('figure');
    expect(within(higher as HTMLElement).getByText('Improving')).toBeInTheDocument();
    expect(within(lower as HTMLElement).getByText('Worsening')).toBeInTheDocument();
    expect(lower).toHaveTextContent('Latest 45 weeks (February 2026), was 40 weeks (January 2026); lower is better.');
  });

  it('draws the chart and gives the same figures as a table: provisional marked, suppressed shown as such', () => {
    renderWithServices(<MeasureChart measure={measure('higher-is-better', [40, null, 45])} />);
    expect(screen.getByTestId('measure-chart').querySelector('svg')).not.toBeNull();
    expect(screen.getByTestId('measure-chart')).toHaveAttribute('aria-hidden', 'true');
    const table = screen.getByRole('table', { name: 'Figures: Annual reviews on time' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.textContent);
    expect(rows).toEqual(['January 202640%Final', 'February 2026SuppressedSuppressed (small number)', 'March 202645%Provisional']);
    expect(screen.getByText('Target')).toBeInTheDocument();
    expect(screen.getByText('England average')).toBeInTheDocument();
  });

  it('the measures view filters to measures moving the wrong way', async () => {
    const db = await storeWithPlan((plan) => {
      const measures = plan.measures as Array<{ series: Array<{ value: number | null }> }>;
      const series = measures[0]?.series;
      if (series?.[2]) series[2].value = 25;
    });
    renderWithServices(<MeasuresView params={new URLSearchParams(`plan=${PLAN_ID}&show=worsening`)} />, { db });
    expect(await screen.findByText('1 of 2 measures')).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { level: 2, name: 'New EHC plans issued within 20 weeks (excluding exceptions)' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Worsening')).toBeInTheDocument();
  });
});

describe('action page', () => {
  it('shows every field, milestones, the update timeline with RAG at the time, measures, evidence and risks', async () => {
    const db = await storeWithPlan();
    renderWithServices(<ActionView params={new URLSearchParams(`plan=${PLAN_ID}&id=A-1.1`)} today={TODAY} />, { db });
    expect(await screen.findByRole('heading', { level: 1, name: /^1\.1 / })).toBeInTheDocument();
    expect(screen.getByText('Head of SEND')).toBeInTheDocument();
    expect(screen.getByText('Overdue')).toBeInTheDocument();
    const milestones = screen.getByRole('table', { name: 'Milestones of this action' });
    expect(within(milestones).getByText('Posts advertised').closest('tr')).toHaveTextContent('10 October 2025');
    expect(within(milestones).getByText('All posts filled').closest('tr')).toHaveTextContent('Not achieved, overdue');
    const timeline = screen.getByRole('region', { name: 'Progress updates' });
    expect(
      within(timeline)
        .getAllByRole('heading', { level: 3 })
        .map((heading) => heading.textContent),
    ).toEqual(['February 2026 Amber', 'January 2026 Amber']);
    expect(screen.getByRole('region', { name: 'Linked measures' })).toHaveTextContent('New EHC plans issued within 20 weeks');
    expect(screen.getByRole('region', { name: 'What changed in revision 7' })).toHaveTextContent('This action is new in revision 7.');
    await waitFor(() => expect(screen.getByRole('region', { name: 'Notes and questions' })).toHaveTextContent('No notes yet.'));
  });

  it('opens an evidence file through main, and says "No file attached" where there is none', async () => {
    const user = userEvent.setup();
    const db = await storeWithPlan((plan) => {
      plan.actions[0] = { ...plan.actions[0], evidenceIds: ['EV-1', 'EV-3'] };
    });
    const bridge = fakeBridge({ 'evidence:open': () => ({ opened: true, fileName: 'recruitment-report.pdf' }) });
    renderWithServices(<ActionView params={new URLSearchParams(`plan=${PLAN_ID}&id=A-1.1`)} today={TODAY} />, { db, bridge });
    const evidence = await screen.findByRole('region', { name: 'Evidence' });
    expect(within(evidence).getByText('Local Offer launch minutes').closest('li')).toHaveTextContent('No file attached');
    await user.click(within(evidence).getByRole('button', { name: 'Open file EHC coordinator recruitment report' }));
    // The file's name is shown first; nothing is opened until the member confirms.
    const confirm = within(evidence).getByRole('group', { name: 'Open recruitment-report.pdf?' });
    expect(confirm).toHaveTextContent('Open recruitment-report.pdf with the program your computer uses for it?');
    expect(bridge.calls.filter((call) => call.channel === 'evidence:open')).toEqual([]);
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(bridge.calls.filter((call) => call.channel === 'evidence:open')).toEqual([]);
    await user.click(within(evidence).getByRole('button', { name: 'Open file EHC coordinator recruitment report' }));
    await user.click(within(evidence).getByRole('button', { name: 'Open recruitment-report.pdf' }));
    // Only the record's id goes to main: the renderer never names a path.
    expect(bridge.calls).toContainEqual({ channel: 'evidence:open', argument: { planId: PLAN_ID, evidenceId: 'EV-1' } });
    await waitFor(() => expect(within(evidence).getByRole('status')).toHaveTextContent('Opened recruitment-report.pdf.'));
  });

  it('says so when the action does not exist', async () => {
    const db = await storeWithPlan();
    renderWithServices(<ActionView params={new URLSearchParams(`plan=${PLAN_ID}&id=nope`)} today={TODAY} />, { db });
    expect(await screen.findByRole('heading', { level: 1, name: 'Action not found' })).toBeInTheDocument();
  });
});

describe('annotations on the action page', () => {
  it('lists the live annotations on the action in its notes panel, and leaves deleted ones and other actions’ out', async () => {
    const { annotationRecord } = await import('../unit/plan-review/annotation-record');
    const db = await storeWithPlan();
    await db.annotations.bulkPut([
      annotationRecord({
        planId: PLAN_ID,
        actionId: 'A-1.1',
        kind: 'concern',
        text: 'Agency cover is expensive',
        visibility: 'shared',
        authorId: 'other',
      }),
      annotationRecord({ planId: PLAN_ID, actionId: 'A-1.1', text: 'Withdrawn question', deleted: true, visibility: 'shared' }),
      annotationRecord({ planId: PLAN_ID, actionId: 'A-1.2', text: 'On another action', visibility: 'shared' }),
    ]);
    renderWithServices(<ActionView params={new URLSearchParams(`plan=${PLAN_ID}&id=A-1.1`)} today={TODAY} />, { db });
    const panel = await screen.findByRole('region', { name: 'Notes and questions' });
    const item = await within(panel).findByText('Agency cover is expensive', { selector: 'p' });
    expect(item.closest('li')).toHaveTextContent('Concern');
    expect(within(panel).queryByText(/Withdrawn question|On another action/)).toBeNull();
  });
});
