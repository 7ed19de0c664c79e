import { describe, expect, it } from 'vitest';
import {
  ACTION_STATUSES,
  APPROVAL_STATES,
  AREA_KINDS,
  COLLECTIONS,
  EVIDENCE_MARKINGS,
  EVIDENCE_TYPES,
  MEASURE_FREQUENCIES,
  MEASURE_POLARITIES,
  MEASURE_UNITS,
  ORGANISATION_KINDS,
  PLAN_KINDS,
  RAG_VALUES,
  SERIES_STATUSES,
  evidencePathProblem,
  isIsoDate,
  isIsoDateTime,
  isMonthPeriod,
  isSeriesPeriod,
  parseRag,
  planFileSchema,
} from '../../../shared/plan/schema';
import { findJsonSyntaxError, locatePaths } from '../../../shared/plan/locate';
import { formatPath, formatSize } from '../../../shared/plan/messages';
import { makeValidPlan } from './fixtures';
import { positionOf, valuePosition } from './helpers';

describe('enumerations', () => {
  it('match the spec', () => {
    expect(RAG_VALUES).toEqual(['blue', 'green', 'amber', 'red', 'grey']);
    expect(APPROVAL_STATES).toEqual(['draft', 'board-agreed', 'dfe-nhse-agreed', 'fit-for-purpose']);
    expect(PLAN_KINDS).toEqual(['written-statement-of-action', 'accelerated-progress-plan', 'priority-action-plan', 'improvement-plan']);
    expect(ORGANISATION_KINDS).toEqual([
      'local-authority',
      'icb',
      'ccg',
      'parent-carer-forum',
      'provider',
      'school',
      'government',
      'other',
    ]);
    expect(AREA_KINDS).toEqual(['area-of-weakness', 'priority-action', 'area-for-improvement']);
    expect(ACTION_STATUSES).toEqual(['not-started', 'in-progress', 'complete', 'embedded', 'withdrawn']);
    expect(MEASURE_UNITS).toEqual(['percent', 'count', 'rate-per-1000', 'weeks', 'days']);
    expect(MEASURE_POLARITIES).toEqual(['higher-is-better', 'lower-is-better']);
    expect(MEASURE_FREQUENCIES).toEqual(['monthly', 'termly', 'annual']);
    expect(SERIES_STATUSES).toEqual(['provisional', 'final']);
    expect(EVIDENCE_TYPES).toEqual(['audit', 'minutes', 'survey', 'policy', 'dataset', 'letter', 'report', 'other']);
    expect(EVIDENCE_MARKINGS).toEqual(['OFFICIAL', 'OFFICIAL-SENSITIVE']);
    expect(COLLECTIONS).toEqual(['organisations', 'owners', 'areas', 'actions', 'milestones', 'measures', 'evidence', 'risks']);
  });

  it('are what the schema accepts', () => {
    for (const status of ACTION_STATUSES) {
      const plan = makeValidPlan();
      const actions = plan.actions;
      if (!Array.isArray(actions)) throw new Error('no actions');
      actions[0] = { ...actions[0], status };
      expect(planFileSchema.safeParse(plan).success).toBe(true);
    }
  });
});

describe('parseRag', () => {
  it.each([
    ['blue', 'blue'],
    ['GREEN', 'green'],
    ['Amber', 'amber'],
    ['rEd', 'red'],
    ['grey', 'grey'],
    ['B', 'blue'],
    ['g', 'green'],
    ['a', 'amber'],
    ['R', 'red'],
  ])('reads %j as %s', (input, rag) => {
    expect(parseRag(input)).toBe(rag);
  });

  it.each(['', 'Y', 'gray', 'green ', 'rag', 'GR'])('does not read %j', (input) => {
    expect(parseRag(input)).toBeUndefined();
  });
});

describe('dates and periods', () => {
  it.each(['2026-01-31', '2024-02-29', '2000-02-29', '1999-12-01', '2026-04-30'])('%s is a date', (text) => {
    expect(isIsoDate(text)).toBe(true);
  });

  it.each([
    '2026-02-29',
    '1900-02-29',
    '2026-04-31',
    '2026-00-10',
    '2026-13-01',
    '2026-01-00',
    '2026-1-01',
    '26-01-01',
    '2026-01-01 ',
    '2026/01/01',
    '2026-01-0a',
  ])('%j is not a date', (text) => {
    expect(isIsoDate(text)).toBe(false);
  });

  it.each(['2026-03-01T09:30:00Z', '2026-03-01T09:30Z', '2026-03-01T23:59:59.999999+14:00', '2026-03-01T00:00:00-05:30'])(
    '%s is a date-time',
    (text) => {
      expect(isIsoDateTime(text)).toBe(true);
    },
  );

  it.each([
    '2026-03-01T09:30:00',
    '2026-03-01',
    '2026-03-01 09:30:00Z',
    '2026-03-01T24:00:00Z',
    '2026-02-30T09:30:00Z',
    '2026-03-01T09:30:00+0100',
  ])('%j is not a date-time', (text) => {
    expect(isIsoDateTime(text)).toBe(false);
  });

  it('knows month and series periods', () => {
    expect(isMonthPeriod('2026-01')).toBe(true);
    expect(isMonthPeriod('2026')).toBe(false);
    expect(isMonthPeriod('2026-13')).toBe(false);
    expect(isSeriesPeriod('2026')).toBe(true);
    expect(isSeriesPeriod('2026-12')).toBe(true);
    expect(isSeriesPeriod('2026-1')).toBe(false);
  });
});

describe('evidencePathProblem', () => {
  it.each(['a.pdf', 'evidence/a.pdf', 'evidence\\a.pdf', 'a..b/c.pdf', './a.pdf', '.hidden'])('allows %j', (path) => {
    expect(evidencePathProblem(path)).toBeUndefined();
  });

  it.each([
    '../a.pdf',
    'x/../../a.pdf',
    'x\\..\\a.pdf',
    '/a.pdf',
    '\\a.pdf',
    'C:a.pdf',
    'z:\\a.pdf',
    '\\\\srv\\a.pdf',
    '//srv/a.pdf',
    'a\0.pdf',
    '',
  ])('refuses %j', (path) => {
    expect(evidencePathProblem(path)).toEqual(expect.any(String));
  });
});

describe('locatePaths', () => {
  const text = '{\n  "a": {\n    "b": [10, {"c": "x"}],\n    "b2": null\n  },\n  "d": true\n}';

  it('finds values, keys and elements', () => {
    expect(
      locatePaths(text, [
        { segments: [] },
        { segments: ['a', 'b', 0] },
        { segments: ['a', 'b', 1, 'c'] },
        { segments: ['a', 'b2'], isAtKey: true },
        { segments: ['d'] },
      ]),
    ).toEqual([
      { line: 1, column: 1 },
      valuePosition(text, '[', '10'),
      valuePosition(text, '"c": ', '"x"'),
      positionOf(text, '"b2"'),
      valuePosition(text, '"d": ', 'true'),
    ]);
  });

  it('places a missing path at its nearest ancestor in the text', () => {
    expect(
      locatePaths(text, [{ segments: ['a', 'b', 1, 'missing'] }, { segments: ['a', 'b', 5] }, { segments: ['nope', 'deeper'] }]),
    ).toEqual([valuePosition(text, '10, ', '{'), valuePosition(text, '"b": ', '['), { line: 1, column: 1 }]);
  });

  it('uses the last of two equal keys, as JSON.parse does', () => {
    const duplicated = '{"k": 1,\n "k": 2}';
    expect(locatePaths(duplicated, [{ segments: ['k'] }])).toEqual([{ line: 2, column: 7 }]);
  });
});

describe('findJsonSyntaxError', () => {
  it('finds nothing wrong with JSON', () => {
    expect(findJsonSyntaxError(JSON.stringify(makeValidPlan(), null, 2))).toBeUndefined();
    expect(findJsonSyntaxError(' [1, -2.5e3, "x\\u00e9", true, false, null, {}] ')).toBeUndefined();
  });

  it('agrees with JSON.parse about what is JSON', () => {
    for (const text of ['01', '1.', '-', '.5', '+1', '1e', '"\\x"', '[1,]', '{"a":1,}', 'tru', '"a', '[', '{"a" 1}', '1 2', 'nul']) {
      expect(() => JSON.parse(text)).toThrow();
      expect(findJsonSyntaxError(text)).toBeDefined();
    }
  });
});

describe('formatting', () => {
  it('writes paths in $.a[0].b form and brackets odd keys', () => {
    expect(formatPath([])).toBe('$');
    expect(formatPath(['actions', 3, 'dueDate'])).toBe('$.actions[3].dueDate');
    expect(formatPath(['a b', 'c"d', '1x'])).toBe('$["a b"]["c\\"d"]["1x"]');
  });

  it('writes sizes a clerk can read', () => {
    expect(formatSize(1)).toBe('1 byte');
    expect(formatSize(1000)).toBe('1,000 bytes');
    expect(formatSize(1536)).toBe('1.5 KB');
    expect(formatSize(250 * 1024 * 1024)).toBe('250 MB');
    expect(formatSize(2048 * 1024 * 1024)).toBe('2,048 MB');
  });
});
