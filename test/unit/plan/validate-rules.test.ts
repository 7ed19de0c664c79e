import { describe, expect, it } from 'vitest';
import { PLAN_REFERENCES } from '../../../shared/plan/schema';
import type { Problem } from '../../../shared/plan/validate';
import { validatePlanText, validatePlanValue } from '../../../shared/plan/validate';
import { makeValidPlan } from './fixtures';
import { cloneAt, deleteAt, errorsOf, getAt, positionOf, setAt, toText, valuePosition } from './helpers';

type Plan = Record<string, unknown>;

/** Applies `change` to a fresh valid plan and returns its text and errors. */
function refuse(change: (plan: Plan) => void): { text: string; errors: Problem[] } {
  const plan = makeValidPlan();
  change(plan);
  const text = toText(plan);
  return { text, errors: errorsOf(text) };
}

type Where = string | [prefix: string, value: string];

/**
 * Asserts `errors` is exactly one problem with this path and message, located where
 * `where` starts in the text (a needle, or a `"key": ` prefix and the value after it).
 */
function expectOnly(
  { text, errors }: { text: string; errors: Problem[] },
  path: string,
  message: string,
  where: Where,
  occurrence = 1,
): void {
  const place = typeof where === 'string' ? positionOf(text, where, occurrence) : valuePosition(text, where[0], where[1], occurrence);
  expect(errors).toEqual([{ path, message, ...place }]);
}

describe('a valid plan', () => {
  it('is accepted with its counts and no warnings', () => {
    const result = validatePlanText(toText(makeValidPlan()));
    expect(result).toMatchObject({
      ok: true,
      warnings: [],
      counts: { areas: 2, actions: 4, milestones: 4, measures: 2, evidence: 3, risks: 2 },
    });
  });

  it('keeps optional fields absent rather than inventing them', () => {
    const result = validatePlanValue(makeValidPlan());
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const action = result.plan.actions[3];
    expect(action?.id).toBe('A-2.2');
    expect(action !== undefined && Object.hasOwn(action, 'leadId')).toBe(false);
    expect(action !== undefined && Object.hasOwn(action, 'description')).toBe(false);
    expect(result.plan.milestones[1]?.achievedOn).toBeNull();
    expect(result.plan.measures[0]?.series[1]).toEqual({ period: '2025-12', value: null, status: 'final' });
  });

  it('treats an optional field set to undefined in a built value as absent', () => {
    const input = makeValidPlan();
    setAt(input, ['actions', 3, 'leadId'], undefined);
    setAt(input, ['areas', 1, 'impactRag'], undefined);
    const result = validatePlanValue(input);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.warnings).toEqual([]);
    expect(result.plan.actions[3] !== undefined && Object.hasOwn(result.plan.actions[3], 'leadId')).toBe(false);
    expect(result.plan.areas[1] !== undefined && Object.hasOwn(result.plan.areas[1], 'impactRag')).toBe(false);
    expect(Object.hasOwn(cloneAt(input, ['actions', 3]), 'leadId')).toBe(true);
  });

  it('reports a required field set to undefined in a built value as missing', () => {
    const input = makeValidPlan();
    setAt(input, ['actions', 0, 'title'], undefined);
    const result = validatePlanValue(input);
    expect(result).toMatchObject({ ok: false, errors: [{ path: '$.actions[0].title', message: 'title is missing; it should be text' }] });
  });

  it('returns the same data it was given (apart from normalising)', () => {
    const input = makeValidPlan();
    const result = validatePlanValue(input);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.plan).toEqual(input);
    expect(result.plan).not.toBe(input);
  });
});

describe('top level', () => {
  it('refuses a file whose format is not "oversight-plan", with that one message', () => {
    expectOnly(
      refuse((plan) => setAt(plan, ['format'], 'tracker-export')),
      '$.format',
      'This is not an Oversight plan file: its format is "tracker-export", where a plan file has "format": "oversight-plan"',
      '"tracker-export"',
    );
  });

  it('refuses a file with no format field and reports nothing else', () => {
    const result = validatePlanValue({ formatVersion: 1, areas: [] });
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          path: '$',
          message: 'This is not an Oversight plan file: it has no "format" field, where a plan file has "format": "oversight-plan"',
        },
      ],
      warnings: [],
    });
  });

  it('refuses a newer format version with one message and no others', () => {
    const { text, errors } = refuse((plan) => {
      setAt(plan, ['formatVersion'], 2);
      setAt(plan, ['areas'], []);
      setAt(plan, ['newThing'], true);
    });
    expect(errors).toEqual([
      {
        path: '$.formatVersion',
        message:
          'This file was made by a newer version of Oversight (format version 2); this version reads format version 1. Update Oversight to open it.',
        ...valuePosition(text, '"formatVersion": ', '2'),
      },
    ]);
    const result = validatePlanText(text);
    expect(result.warnings).toEqual([]);
  });

  it.each([
    [0, '0'],
    [1.5, '1.5'],
    ['1', '"1"'],
    [-3, '-3'],
  ])('refuses formatVersion %j', (version, shown) => {
    expectOnly(
      refuse((plan) => setAt(plan, ['formatVersion'], version)),
      '$.formatVersion',
      `formatVersion ${shown} must be the number 1 (this version of Oversight reads format version 1)`,
      ['"formatVersion": ', JSON.stringify(version)],
    );
  });

  it('refuses a missing collection, pointing at the top-level object', () => {
    expectOnly(
      refuse((plan) => deleteAt(plan, ['owners'])),
      '$.owners',
      'owners is missing; it should be a list of owners (in square brackets)',
      '{',
    );
  });

  it('refuses a collection that is not a list', () => {
    expectOnly(
      refuse((plan) => setAt(plan, ['risks'], { id: 'R-1' })),
      '$.risks',
      'risks should be a list of risks (in square brackets), but is an object',
      ['"risks": ', '{'],
    );
  });

  it('refuses a plan with no areas', () => {
    const { text, errors } = refuse((plan) => {
      setAt(plan, ['areas'], []);
      setAt(plan, ['actions'], []);
      setAt(plan, ['milestones'], []);
    });
    expect(errors).toEqual([{ path: '$.areas', message: 'areas is empty; a plan must have at least one area', ...positionOf(text, '[]') }]);
  });

  it.each([
    ['a list', [], 'it holds a list'],
    ['a number', 42, 'it holds 42'],
    ['null', null, 'it holds null'],
    ['text', 'oversight-plan', 'it holds "oversight-plan"'],
  ])('refuses a file holding %s instead of an object', (_name, value, holds) => {
    expect(validatePlanText(JSON.stringify(value))).toEqual({
      ok: false,
      errors: [
        {
          path: '$',
          message: `This is not an Oversight plan file: ${holds}, not a JSON object with "format": "oversight-plan"`,
          line: 1,
          column: 1,
        },
      ],
      warnings: [],
    });
  });
});

describe('unknown fields', () => {
  it('are warnings, located at the field name, and removed from the plan', () => {
    const plan = makeValidPlan();
    setAt(plan, ['exportNotes'], 'made by hand');
    setAt(plan, ['actions', 1, 'commentary'], { by: 'Head of SEND' });
    setAt(plan, ['measures', 0, 'series', 2, 'note'], 'validated late');
    setAt(plan, ['plan', 'inspection', 'inspectors'], ['Ofsted', 'CQC']);
    const text = toText(plan);
    const result = validatePlanText(text);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.warnings).toEqual([
      { path: '$.plan.inspection.inspectors', message: 'Unknown field "inspectors" is ignored', ...positionOf(text, '"inspectors"') },
      { path: '$.actions[1].commentary', message: 'Unknown field "commentary" is ignored', ...positionOf(text, '"commentary"') },
      { path: '$.measures[0].series[2].note', message: 'Unknown field "note" is ignored', ...positionOf(text, '"note"') },
      { path: '$.exportNotes', message: 'Unknown field "exportNotes" is ignored', ...positionOf(text, '"exportNotes"') },
    ]);
    expect(Object.hasOwn(result.plan, 'exportNotes')).toBe(false);
    expect(result.plan.actions[1] !== undefined && Object.hasOwn(result.plan.actions[1], 'commentary')).toBe(false);
    expect(result.plan.measures[0]?.series[2]).toEqual({ period: '2026-01', value: 42.7, status: 'provisional' });
    expect(result.plan.plan.inspection).toEqual(getAt(makeValidPlan(), ['plan', 'inspection']));
  });

  it('do not change the value passed to validatePlanValue', () => {
    const plan = makeValidPlan();
    setAt(plan, ['actions', 0, 'notes'], 'keep me');
    const result = validatePlanValue(plan);
    expect(result.ok).toBe(true);
    expect(getAt(plan, ['actions', 0, 'notes'])).toBe('keep me');
  });

  it('name odd keys in bracket form', () => {
    const result = validatePlanValue({ ...makeValidPlan(), 'Due date (revised)': '2026-05-01' });
    expect(result.warnings).toEqual([{ path: '$["Due date (revised)"]', message: 'Unknown field "Due date (revised)" is ignored' }]);
  });

  it('are still reported alongside errors', () => {
    const plan = makeValidPlan();
    setAt(plan, ['actions', 0, 'owner'], 'Head of SEND');
    setAt(plan, ['actions', 0, 'status'], 'done');
    const result = validatePlanValue(plan);
    expect(result).toMatchObject({
      ok: false,
      errors: [{ path: '$.actions[0].status' }],
      warnings: [{ path: '$.actions[0].owner', message: 'Unknown field "owner" is ignored' }],
    });
  });
});

describe('export block', () => {
  it('refuses an exportedAt with no time zone', () => {
    expectOnly(
      refuse((plan) => setAt(plan, ['export', 'exportedAt'], '2026-03-02T09:15:00')),
      '$.export.exportedAt',
      'exportedAt "2026-03-02T09:15:00" is not a date and time in ISO 8601 form with a time zone (for example 2026-03-01T09:30:00Z or 2026-03-01T09:30:00+01:00)',
      '"2026-03-02T09:15:00"',
    );
  });

  it('refuses an exportedAt on a day that does not exist', () => {
    expectOnly(
      refuse((plan) => setAt(plan, ['export', 'exportedAt'], '2026-02-29T09:15:00+01:00')),
      '$.export.exportedAt',
      'exportedAt "2026-02-29T09:15:00+01:00" is not a real date and time (2026-02-29 does not exist)',
      '"2026-02-29T',
    );
  });

  it.each(['2026-03-02T09:15:00+01:00', '2026-03-02T09:15Z', '2026-03-02T09:15:00.123-05:00', '2024-02-29T23:59:59Z'])(
    'accepts exportedAt %s',
    (exportedAt) => {
      const plan = makeValidPlan();
      setAt(plan, ['export', 'exportedAt'], exportedAt);
      expect(validatePlanValue(plan).ok).toBe(true);
    },
  );

  it.each([
    [0, '0'],
    [2.5, '2.5'],
    ['7', '"7"'],
  ])('refuses revision %j', (revision, shown) => {
    const { errors } = refuse((plan) => setAt(plan, ['export', 'revision'], revision));
    expect(errors.map(({ path, message }) => ({ path, message }))).toEqual([
      {
        path: '$.export.revision',
        message:
          typeof revision === 'string'
            ? `revision should be a whole number, 1 or more, but is the text ${shown}`
            : `revision ${shown} is not a whole number, 1 or more`,
      },
    ]);
  });

  it('refuses an unknown approval state', () => {
    expectOnly(
      refuse((plan) => setAt(plan, ['export', 'approvalState'], 'approved')),
      '$.export.approvalState',
      'approvalState "approved" is not recognised; it should be one of: draft, board-agreed, dfe-nhse-agreed, fit-for-purpose',
      '"approved"',
    );
  });

  it('refuses a missing sourceSystem, pointing at the export object', () => {
    expectOnly(
      refuse((plan) => deleteAt(plan, ['export', 'sourceSystem'])),
      '$.export.sourceSystem',
      'sourceSystem is missing; it should be text',
      '{',
      2,
    );
  });

  it('accepts an export without its optional fields', () => {
    const plan = makeValidPlan();
    deleteAt(plan, ['export', 'versionLabel']);
    deleteAt(plan, ['export', 'approvalState']);
    expect(validatePlanValue(plan).ok).toBe(true);
  });
});

describe('plan block', () => {
  it('refuses an unknown plan kind', () => {
    expectOnly(
      refuse((plan) => setAt(plan, ['plan', 'kind'], 'Written Statement of Action')),
      '$.plan.kind',
      'kind "Written Statement of Action" is not recognised; it should be one of: written-statement-of-action, accelerated-progress-plan, priority-action-plan, improvement-plan (did you mean "written-statement-of-action"?)',
      '"Written Statement of Action"',
    );
  });

  it('refuses an inspection report date that does not exist', () => {
    expectOnly(
      refuse((plan) => setAt(plan, ['plan', 'inspection', 'reportPublished'], '2025-06-31')),
      '$.plan.inspection.reportPublished',
      'reportPublished "2025-06-31" is not a real date (expected YYYY-MM-DD)',
      '"2025-06-31"',
    );
  });

  it('accepts a plan with no inspection block', () => {
    const plan = makeValidPlan();
    deleteAt(plan, ['plan', 'inspection']);
    expect(validatePlanValue(plan).ok).toBe(true);
  });
});

describe('ids', () => {
  it('refuses an empty id', () => {
    expectOnly(
      refuse((plan) => setAt(plan, ['milestones', 1, 'id'], '')),
      '$.milestones[1].id',
      'id "" is empty; an id must be 1 to 64 characters',
      '""',
    );
  });

  it('refuses an id of 65 characters and accepts one of 64', () => {
    const long = 'X'.repeat(65);
    expectOnly(
      refuse((plan) => setAt(plan, ['milestones', 2, 'id'], long)),
      '$.milestones[2].id',
      `id "${'X'.repeat(60)}…" is too long (65 characters); an id must be 1 to 64 characters`,
      `"${long}"`,
    );
    const plan = makeValidPlan();
    setAt(plan, ['milestones', 2, 'id'], 'X'.repeat(64));
    expect(validatePlanValue(plan).ok).toBe(true);
  });

  it('refuses a numeric id', () => {
    expectOnly(
      refuse((plan) => setAt(plan, ['milestones', 0, 'id'], 7)),
      '$.milestones[0].id',
      'id should be an id (text of 1 to 64 characters), but is the number 7',
      ['"id": ', '7'],
    );
  });

  it('refuses a duplicate id, naming both places', () => {
    expectOnly(
      refuse((plan) => setAt(plan, ['milestones', 3, 'id'], 'MS-2')),
      '$.milestones[3].id',
      'Duplicate id "MS-2": $.milestones[1] and $.milestones[3] both use it; each milestone needs its own id',
      '"MS-2"',
      2,
    );
  });

  it('allows the same id in two different collections', () => {
    const plan = makeValidPlan();
    setAt(plan, ['risks', 0, 'id'], 'R-SHARED');
    setAt(plan, ['evidence', 0, 'id'], 'R-SHARED');
    setAt(plan, ['actions', 0, 'riskIds'], ['R-SHARED']);
    setAt(plan, ['actions', 0, 'evidenceIds'], ['R-SHARED']);
    expect(validatePlanValue(plan).ok).toBe(true);
  });
});

describe('references', () => {
  const cases = PLAN_REFERENCES.map((reference) => {
    const owner = {
      organisations: 'Organisation',
      owners: 'Owner',
      areas: 'Area',
      actions: 'Action',
      milestones: 'Milestone',
      measures: 'Measure',
      evidence: 'Evidence',
      risks: 'Risk',
    }[reference.from];
    const target = {
      organisations: 'organisation',
      owners: 'owner',
      areas: 'area',
      actions: 'action',
      milestones: 'milestone',
      measures: 'measure',
      evidence: 'evidence',
      risks: 'risk',
    }[reference.to];
    return { ...reference, owner, target, name: `${reference.from}.${reference.field}` };
  });

  it('covers every reference the spec lists', () => {
    expect(cases.map(({ from, field, to }) => `${from}.${field}->${to}`).sort()).toEqual(
      [
        'owners.organisationId->organisations',
        'areas.sroId->owners',
        'actions.areaId->areas',
        'actions.leadId->owners',
        'actions.sroId->owners',
        'actions.partnerOrgIds->organisations',
        'actions.measureIds->measures',
        'actions.evidenceIds->evidence',
        'actions.riskIds->risks',
        'milestones.actionId->actions',
        'risks.ownerId->owners',
      ].sort(),
    );
  });

  it.each(cases)('refuses a dangling $name', ({ from, field, to, isList, owner, target }) => {
    const plan = makeValidPlan();
    const elementId = getAt(plan, [from, 0, 'id']);
    const dangling = 'NOWHERE-9';
    const path = isList ? [from, 0, field, 0] : [from, 0, field];
    setAt(plan, [from, 0, field], isList ? [dangling] : dangling);
    const text = toText(plan);
    expect(errorsOf(text)).toEqual([
      {
        path: `$.${from}[0].${field}${isList ? '[0]' : ''}`,
        message: `${owner} ${JSON.stringify(elementId)} refers to ${target} "${dangling}", which is not in $.${to}`,
        ...positionOf(text, `"${dangling}"`),
      },
    ]);
    expect(path.length).toBeGreaterThan(2);
  });

  it('gives the example message from the brief', () => {
    expectOnly(
      refuse((plan) => {
        setAt(plan, ['actions', 4], { ...cloneAt(plan, ['actions', 3]), id: 'A-2.4', ref: '2.4', areaId: 'AREA-9' });
      }),
      '$.actions[4].areaId',
      'Action "A-2.4" refers to area "AREA-9", which is not in $.areas',
      '"AREA-9"',
    );
  });

  it('reports every dangling entry of a list', () => {
    const { text, errors } = refuse((plan) => setAt(plan, ['actions', 1, 'partnerOrgIds'], ['ORG-ICB', 'ORG-X', 'ORG-Y']));
    expect(errors).toEqual([
      {
        path: '$.actions[1].partnerOrgIds[1]',
        message: 'Action "A-1.2" refers to organisation "ORG-X", which is not in $.organisations',
        ...positionOf(text, '"ORG-X"'),
      },
      {
        path: '$.actions[1].partnerOrgIds[2]',
        message: 'Action "A-1.2" refers to organisation "ORG-Y", which is not in $.organisations',
        ...positionOf(text, '"ORG-Y"'),
      },
    ]);
  });

  it('names an element without a usable id by its place', () => {
    const { errors } = refuse((plan) => {
      setAt(plan, ['risks', 1, 'id'], 5);
      setAt(plan, ['risks', 1, 'ownerId'], 'OWN-GONE');
      setAt(plan, ['actions', 3, 'riskIds'], []);
    });
    expect(errors.map((error) => error.message)).toContain('The risk at $.risks[1] refers to owner "OWN-GONE", which is not in $.owners');
  });
});

describe('actions', () => {
  it('requires revisionApprovedBy when revisedDueDate is set, pointing at the action', () => {
    expectOnly(
      refuse((plan) => deleteAt(plan, ['actions', 1, 'revisionApprovedBy'])),
      '$.actions[1].revisionApprovedBy',
      'Action "A-1.2" has a revised due date (revisedDueDate "2026-04-30") but revisionApprovedBy is missing; a revised due date must say who approved it',
      '{',
      // The second action's object: root, export, plan, inspection, 4 organisations, 4 owners, 2 areas, first action, its 2 updates.
      4 + 4 + 4 + 2 + 1 + 2 + 1,
    );
  });

  it('refuses a blank revisionApprovedBy', () => {
    expectOnly(
      refuse((plan) => setAt(plan, ['actions', 1, 'revisionApprovedBy'], '  ')),
      '$.actions[1].revisionApprovedBy',
      'Action "A-1.2" has a revised due date but revisionApprovedBy is blank; a revised due date must say who approved it',
      '"  "',
    );
  });

  it('accepts revisionApprovedBy without a revised date', () => {
    const plan = makeValidPlan();
    deleteAt(plan, ['actions', 1, 'revisedDueDate']);
    expect(validatePlanValue(plan).ok).toBe(true);
  });

  it('refuses a due date that does not exist', () => {
    expectOnly(
      refuse((plan) => setAt(plan, ['actions', 3, 'dueDate'], '2026-02-30')),
      '$.actions[3].dueDate',
      'dueDate "2026-02-30" is not a real date (expected YYYY-MM-DD)',
      '"2026-02-30"',
    );
  });

  it.each(['2026-2-3', '03/02/2026', '2026-02-03T00:00:00Z', ' 2026-02-03', '２０２６-02-03'])(
    'refuses a start date written as %j',
    (startDate) => {
      expectOnly(
        refuse((plan) => setAt(plan, ['actions', 0, 'startDate'], startDate)),
        '$.actions[0].startDate',
        `startDate ${JSON.stringify(startDate)} is not a date in the form YYYY-MM-DD`,
        JSON.stringify(startDate),
      );
    },
  );

  it('accepts 29 February in a leap year only', () => {
    const plan = makeValidPlan();
    setAt(plan, ['actions', 0, 'dueDate'], '2028-02-29');
    setAt(plan, ['actions', 1, 'dueDate'], '2000-02-29');
    expect(validatePlanValue(plan).ok).toBe(true);
    const refused = refuse((changed) => setAt(changed, ['actions', 0, 'dueDate'], '2100-02-29'));
    expect(refused.errors.map((error) => error.message)).toEqual(['dueDate "2100-02-29" is not a real date (expected YYYY-MM-DD)']);
  });

  it('refuses an unknown status and suggests the likely one', () => {
    expectOnly(
      refuse((plan) => setAt(plan, ['actions', 0, 'status'], 'In Progress')),
      '$.actions[0].status',
      'status "In Progress" is not recognised; it should be one of: not-started, in-progress, complete, embedded, withdrawn (did you mean "in-progress"?)',
      '"In Progress"',
    );
  });

  it('refuses a missing status, pointing at the action', () => {
    expectOnly(
      refuse((plan) => deleteAt(plan, ['actions', 3, 'status'])),
      '$.actions[3].status',
      'status is missing; it should be one of: not-started, in-progress, complete, embedded, withdrawn',
      '{\n      "id": "A-2.2"',
    );
  });

  it('refuses successCriteria that are not all text', () => {
    expectOnly(
      refuse((plan) => setAt(plan, ['actions', 2, 'successCriteria'], ['Website launched', 3])),
      '$.actions[2].successCriteria[1]',
      'successCriteria[1] should be text, but is the number 3',
      ['"Website launched",\n        ', '3'],
    );
  });

  it('refuses a null optional field, saying it can be left out', () => {
    expectOnly(
      refuse((plan) => setAt(plan, ['actions', 0, 'description'], null)),
      '$.actions[0].description',
      'description should be text (or left out), but is null',
      'null',
    );
  });
});

describe('RAG ratings', () => {
  it.each([
    ['G', 'green'],
    ['b', 'blue'],
    ['A', 'amber'],
    ['r', 'red'],
    ['AMBER', 'amber'],
    ['Grey', 'grey'],
    ['Red', 'red'],
  ])('reads %j as %s', (input, stored) => {
    const plan = makeValidPlan();
    setAt(plan, ['actions', 0, 'deliveryRag'], input);
    setAt(plan, ['actions', 0, 'updates', 1, 'deliveryRag'], input);
    setAt(plan, ['areas', 0, 'impactRag'], input);
    setAt(plan, ['measures', 0, 'impactRag'], input);
    const result = validatePlanValue(plan);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.plan.actions[0]?.deliveryRag).toBe(stored);
    expect(result.plan.actions[0]?.updates[1]?.deliveryRag).toBe(stored);
    expect(result.plan.areas[0]?.impactRag).toBe(stored);
    expect(result.plan.measures[0]?.impactRag).toBe(stored);
  });

  it.each(['Gr', 'purple', '', 'y', 'green '])('refuses %j', (input) => {
    expectOnly(
      refuse((plan) => setAt(plan, ['areas', 1, 'deliveryRag'], input)),
      '$.areas[1].deliveryRag',
      `deliveryRag ${JSON.stringify(input)} is not a recognised RAG rating (expected blue, green, amber, red or grey, or the letters B, G, A or R)`,
      ['"deliveryRag": ', JSON.stringify(input)],
    );
  });

  it('refuses a RAG rating given as a number', () => {
    expectOnly(
      refuse((plan) => setAt(plan, ['actions', 0, 'deliveryRag'], 2)),
      '$.actions[0].deliveryRag',
      'deliveryRag should be a RAG rating: blue, green, amber, red or grey, but is the number 2',
      ['"deliveryRag": ', '2'],
    );
  });
});

describe('progress updates', () => {
  it.each(['2026-1', '2026-13', '2026-01-28', 'Jan 2026'])('refuses period %j', (period) => {
    expectOnly(
      refuse((plan) => setAt(plan, ['actions', 0, 'updates', 0, 'period'], period)),
      '$.actions[0].updates[0].period',
      `period ${JSON.stringify(period)} is not a month in the form YYYY-MM`,
      JSON.stringify(period),
    );
  });

  it('refuses a submittedAt that is neither a date nor a date-time', () => {
    expectOnly(
      refuse((plan) => setAt(plan, ['actions', 2, 'updates', 0, 'submittedAt'], '18/12/2025')),
      '$.actions[2].updates[0].submittedAt',
      'submittedAt "18/12/2025" is not a date (YYYY-MM-DD) or a date and time in ISO 8601 form with a time zone',
      '"18/12/2025"',
    );
  });
});

describe('milestones', () => {
  it('accepts achievedOn null and refuses it missing', () => {
    expectOnly(
      refuse((plan) => deleteAt(plan, ['milestones', 1, 'achievedOn'])),
      '$.milestones[1].achievedOn',
      'achievedOn is missing; it should be a date in the form YYYY-MM-DD, or null if not yet achieved',
      '{\n      "id": "MS-2"',
    );
  });

  it('refuses an achievedOn that is not a date', () => {
    expectOnly(
      refuse((plan) => setAt(plan, ['milestones', 0, 'achievedOn'], 'yes')),
      '$.milestones[0].achievedOn',
      'achievedOn "yes" is not a date in the form YYYY-MM-DD',
      '"yes"',
    );
  });
});

describe('measures', () => {
  it.each([
    [['measures', 0, 'baseline', 'value'], -1, '$.measures[0].baseline.value'],
    [['measures', 0, 'targets', 1, 'value'], 100.5, '$.measures[0].targets[1].value'],
    [['measures', 0, 'benchmarks', 0, 'value'], 146.4, '$.measures[0].benchmarks[0].value'],
    [['measures', 0, 'series', 2, 'value'], 427, '$.measures[0].series[2].value'],
  ])('refuses a percentage outside 0–100 at %j', (path, value, shownPath) => {
    expectOnly(
      refuse((plan) => setAt(plan, path, value)),
      shownPath,
      `value ${String(value)} is outside 0–100, but measure "M-EHC20" is a percentage`,
      ['"value": ', String(value)],
    );
  });

  it('accepts 0 and 100 for a percentage and any size for a count', () => {
    const plan = makeValidPlan();
    setAt(plan, ['measures', 0, 'baseline', 'value'], 0);
    setAt(plan, ['measures', 0, 'targets', 1, 'value'], 100);
    setAt(plan, ['measures', 1, 'baseline', 'value'], 4120);
    expect(validatePlanValue(plan).ok).toBe(true);
  });

  it('refuses an unknown unit', () => {
    expectOnly(
      refuse((plan) => setAt(plan, ['measures', 1, 'unit'], '%')),
      '$.measures[1].unit',
      'unit "%" is not recognised; it should be one of: percent, count, rate-per-1000, weeks, days',
      '"%"',
    );
  });

  it.each(['2026', '2026-01'])('accepts series period %s', (period) => {
    const plan = makeValidPlan();
    setAt(plan, ['measures', 1, 'series', 0, 'period'], period);
    expect(validatePlanValue(plan).ok).toBe(true);
  });

  it.each(['2026-00', '26', '2025/26', '2026-Q1'])('refuses series period %j', (period) => {
    expectOnly(
      refuse((plan) => setAt(plan, ['measures', 1, 'series', 0, 'period'], period)),
      '$.measures[1].series[0].period',
      `period ${JSON.stringify(period)} is not a period in the form YYYY-MM or YYYY`,
      JSON.stringify(period),
    );
  });

  it('refuses a series value given as text, and an unknown status', () => {
    const { text, errors } = refuse((plan) => {
      setAt(plan, ['measures', 1, 'series', 1, 'value'], '118');
      setAt(plan, ['measures', 1, 'series', 1, 'status'], 'draft');
    });
    expect(errors).toEqual([
      {
        path: '$.measures[1].series[1].value',
        message: 'value should be a number, or null where the figure is suppressed, but is the text "118"',
        ...positionOf(text, '"118"'),
      },
      {
        path: '$.measures[1].series[1].status',
        message: 'status "draft" is not recognised; it should be one of: provisional, final',
        ...positionOf(text, '"draft"'),
      },
    ]);
  });
});

describe('evidence', () => {
  it.each([
    ['../secrets.pdf', 'contains ".." and would reach outside the plan file\'s folder'],
    ['evidence/../../secrets.pdf', 'contains ".." and would reach outside the plan file\'s folder'],
    ['evidence\\..\\..\\secrets.pdf', 'contains ".." and would reach outside the plan file\'s folder'],
    ['..', 'contains ".." and would reach outside the plan file\'s folder'],
    ['/etc/passwd', "is an absolute path; give a path relative to the plan file's folder"],
    ['\\Windows\\win.ini', "is an absolute path; give a path relative to the plan file's folder"],
    ['C:\\Users\\clerk\\audit.xlsx', "starts with a drive letter; give a path relative to the plan file's folder"],
    ['c:audit.xlsx', "starts with a drive letter; give a path relative to the plan file's folder"],
    ['D:/evidence/audit.xlsx', "starts with a drive letter; give a path relative to the plan file's folder"],
    ['\\\\fileserver\\send\\audit.xlsx', "is a network (UNC) path; give a path relative to the plan file's folder"],
    ['//fileserver/send/audit.xlsx', "is a network (UNC) path; give a path relative to the plan file's folder"],
    ['', 'is empty; leave the field out when there is no file'],
  ])('refuses file %j', (file, problem) => {
    expectOnly(
      refuse((plan) => setAt(plan, ['evidence', 0, 'file'], file)),
      '$.evidence[0].file',
      `file ${JSON.stringify(file)} ${problem}`,
      ['"file": ', JSON.stringify(file)],
    );
  });

  it.each(['evidence/audit.pdf', 'evidence\\audit.pdf', 'audit..final.pdf', './audit.pdf', 'a/b/c/d.docx'])('accepts file %j', (file) => {
    const plan = makeValidPlan();
    setAt(plan, ['evidence', 0, 'file'], file);
    expect(validatePlanValue(plan).ok).toBe(true);
  });

  it('refuses an unknown marking, suggesting the right case', () => {
    expectOnly(
      refuse((plan) => setAt(plan, ['evidence', 1, 'marking'], 'official-sensitive')),
      '$.evidence[1].marking',
      'marking "official-sensitive" is not recognised; it should be one of: OFFICIAL, OFFICIAL-SENSITIVE (did you mean "OFFICIAL-SENSITIVE"?)',
      '"official-sensitive"',
    );
  });

  it('refuses a sha256 that is not 64 hexadecimal characters', () => {
    expectOnly(
      refuse((plan) => setAt(plan, ['evidence', 0, 'sha256'], 'abc123')),
      '$.evidence[0].sha256',
      'sha256 "abc123" is not a SHA-256 hash (64 hexadecimal characters)',
      '"abc123"',
    );
  });

  it('refuses an unknown evidence type', () => {
    expectOnly(
      refuse((plan) => setAt(plan, ['evidence', 2, 'type'], 'photo')),
      '$.evidence[2].type',
      'type "photo" is not recognised; it should be one of: audit, minutes, survey, policy, dataset, letter, report, other',
      '"photo"',
    );
  });
});

describe('risks', () => {
  it.each([
    [0, '0'],
    [6, '6'],
    [2.5, '2.5'],
  ])('refuses likelihood %j', (likelihood, shown) => {
    expectOnly(
      refuse((plan) => setAt(plan, ['risks', 1, 'likelihood'], likelihood)),
      '$.risks[1].likelihood',
      `likelihood ${shown} is not a whole number from 1 to 5`,
      ['"likelihood": ', shown],
    );
  });

  it('refuses an impact given as text', () => {
    expectOnly(
      refuse((plan) => setAt(plan, ['risks', 0, 'impact'], 'high')),
      '$.risks[0].impact',
      'impact should be a whole number from 1 to 5, but is the text "high"',
      '"high"',
    );
  });
});

describe('organisations and owners', () => {
  it('refuses an unknown organisation kind', () => {
    expectOnly(
      refuse((plan) => setAt(plan, ['organisations', 1, 'kind'], 'ICB')),
      '$.organisations[1].kind',
      'kind "ICB" is not recognised; it should be one of: local-authority, icb, ccg, parent-carer-forum, provider, school, government, other (did you mean "icb"?)',
      '"ICB"',
    );
  });

  it('refuses an owner that is not an object', () => {
    const { text, errors } = refuse((plan) => {
      setAt(plan, ['owners', 3], 'Local Offer Manager');
      setAt(plan, ['actions', 2, 'leadId'], 'OWN-HSEND');
      setAt(plan, ['risks', 1, 'ownerId'], 'OWN-HSEND');
    });
    expect(errors).toEqual([
      {
        path: '$.owners[3]',
        message: 'owners[3] should be an object describing one owner (in curly brackets), but is the text "Local Offer Manager"',
        ...positionOf(text, '"Local Offer Manager"'),
      },
    ]);
  });
});

describe('hostile text', () => {
  it('accepts a <script> in a title verbatim, as text', () => {
    const title = '<script>alert("pwned")</script><img src=x onerror=alert(1)>';
    const plan = makeValidPlan();
    setAt(plan, ['actions', 0, 'title'], title);
    const result = validatePlanText(toText(plan));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.plan.actions[0]?.title).toBe(title);
  });

  it('accepts spreadsheet-formula-like text verbatim, as text', () => {
    const narrative = '=HYPERLINK("http://evil.example/x","Click for update")';
    const plan = makeValidPlan();
    setAt(plan, ['actions', 0, 'updates', 0, 'narrative'], narrative);
    setAt(plan, ['risks', 0, 'mitigation'], "+cmd|' /C calc'!A0");
    const result = validatePlanValue(plan);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.plan.actions[0]?.updates[0]?.narrative).toBe(narrative);
    expect(result.plan.risks[0]?.mitigation).toBe("+cmd|' /C calc'!A0");
  });

  it('accepts a __proto__ key as an unknown field without touching prototypes', () => {
    const text = toText(makeValidPlan()).replace('"format"', '"__proto__": { "polluted": true },\n  "format"');
    const result = validatePlanText(text);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.warnings.map((warning) => warning.path)).toEqual(['$.__proto__']);
    expect(Object.getPrototypeOf(result.plan)).toBe(Object.prototype);
    expect(Reflect.get({}, 'polluted')).toBeUndefined();
  });
});

describe('reporting', () => {
  it('reports every problem, in the order they appear in the file', () => {
    const { text, errors } = refuse((plan) => {
      setAt(plan, ['export', 'revision'], 0);
      setAt(plan, ['actions', 0, 'dueDate'], '2026-13-01');
      setAt(plan, ['actions', 2, 'areaId'], 'AREA-9');
      setAt(plan, ['milestones', 2, 'id'], 'MS-1');
      setAt(plan, ['measures', 0, 'series', 0, 'value'], 131.2);
      setAt(plan, ['risks', 1, 'impact'], 9);
    });
    expect(errors.map((error) => error.path)).toEqual([
      '$.export.revision',
      '$.actions[0].dueDate',
      '$.actions[2].areaId',
      '$.milestones[2].id',
      '$.measures[0].series[0].value',
      '$.risks[1].impact',
    ]);
    expect(errors.every((error) => error.line !== undefined && error.column !== undefined)).toBe(true);
    const lines = errors.map((error) => error.line ?? 0);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(errors[1]).toEqual({
      path: '$.actions[0].dueDate',
      message: 'dueDate "2026-13-01" is not a real date (expected YYYY-MM-DD)',
      ...positionOf(text, '"2026-13-01"'),
    });
  });

  it('gives counts with a refused plan', () => {
    const plan = makeValidPlan();
    setAt(plan, ['risks', 0, 'likelihood'], 9);
    expect(validatePlanValue(plan)).toMatchObject({
      ok: false,
      counts: { areas: 2, actions: 4, milestones: 4, measures: 2, evidence: 3, risks: 2 },
    });
  });

  it('caps a flood of problems with a closing summary', () => {
    const plan = makeValidPlan();
    const template = cloneAt(plan, ['risks', 0]);
    setAt(
      plan,
      ['risks'],
      Array.from({ length: 1500 }, (_, index) => ({ ...template, id: `R-${index}`, impact: 0 })),
    );
    const result = validatePlanValue(plan);
    if (result.ok) throw new Error('accepted');
    expect(result.errors).toHaveLength(1001);
    expect(result.errors[1000]).toEqual({
      path: '$',
      message: '…and 500 more like these, not listed. Fix the ones above and check the file again',
    });
  });
});
