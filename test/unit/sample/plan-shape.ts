// The plan file spec's shape rules, checked by hand and independently of both the generator and
// the app's zod schema, so a mistake in either cannot hide a mistake in the other.

const RAGS = ['blue', 'green', 'amber', 'red', 'grey'];
const STATUSES = ['not-started', 'in-progress', 'complete', 'embedded', 'withdrawn'];
const ORG_KINDS = ['local-authority', 'icb', 'ccg', 'parent-carer-forum', 'provider', 'school', 'government', 'other'];
const AREA_KINDS = ['area-of-weakness', 'priority-action', 'area-for-improvement'];
const UNITS = ['percent', 'count', 'rate-per-1000', 'weeks', 'days'];
const EVIDENCE_TYPES = ['audit', 'minutes', 'survey', 'policy', 'dataset', 'letter', 'report', 'other'];
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

// Titles and common first names: a role such as "Head of SEND" must never read like a person.
const HONORIFICS = /\b(Mr|Mrs|Ms|Miss|Dr|Prof|Cllr|Sir|Dame)\b\.?/;
const FIRST_NAMES = [
  'John',
  'Sarah',
  'David',
  'Emma',
  'James',
  'Mary',
  'Michael',
  'Susan',
  'Paul',
  'Helen',
  'Peter',
  'Karen',
  'Mark',
  'Claire',
  'Andrew',
  'Rachel',
  'Jane',
  'Robert',
  'Lisa',
  'Chris',
  'Ahmed',
  'Mohammed',
  'Priya',
  'Fatima',
  'Tom',
];

/** An object, or throws naming the path. */
export function record(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TypeError(`${path} is not an object`);
  return Object.fromEntries(Object.entries(value));
}

/** An array of objects, or throws naming the path. */
export function records(value: unknown, path: string): Record<string, unknown>[] {
  if (!Array.isArray(value)) throw new TypeError(`${path} is not an array`);
  return value.map((item: unknown, index) => record(item, `${path}[${index}]`));
}

/** A string, or throws naming the path. */
export function text(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new TypeError(`${path} is not a string`);
  return value;
}

/** Whether a `YYYY-MM-DD` string is a real calendar date (checked through Date.UTC, not the generator's calendar). */
export function isRealDate(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Whether a role reads like a person's name rather than a job title. */
export function looksLikePersonalName(role: string): boolean {
  return HONORIFICS.test(role) || FIRST_NAMES.some((name) => new RegExp(`\\b${name}\\b`).test(role));
}

/** Every breach of the spec's shape rules in a plan value; empty when it complies. */
export function shapeProblems(value: unknown): string[] {
  const problems: string[] = [];
  const expect = (isOk: boolean, message: string): void => {
    if (!isOk) problems.push(message);
  };
  const plan = record(value, '$');
  expect(plan['format'] === 'oversight-plan', 'format');
  expect(plan['formatVersion'] === 1, 'formatVersion');
  const exportInfo = record(plan['export'], 'export');
  expect(typeof exportInfo['sourceSystem'] === 'string', 'export.sourceSystem');
  expect(DATE_TIME.test(text(exportInfo['exportedAt'], 'export.exportedAt')), 'export.exportedAt');
  expect(Number.isInteger(exportInfo['revision']) && Number(exportInfo['revision']) >= 1, 'export.revision');
  const planInfo = record(plan['plan'], 'plan');
  for (const key of ['id', 'title', 'localArea']) expect(text(planInfo[key], `plan.${key}`).length > 0, `plan.${key}`);
  const inspection = record(planInfo['inspection'], 'plan.inspection');
  expect(isRealDate(inspection['reportPublished']), 'plan.inspection.reportPublished');

  const ids = (name: string): Set<string> => {
    const items = records(plan[name], name);
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const id = text(item['id'], `${name}[${index}].id`);
      expect(id.length >= 1 && id.length <= 64, `${name}[${index}].id length`);
      expect(!seen.has(id), `${name}[${index}].id ${id} is not unique`);
      seen.add(id);
    });
    return seen;
  };
  const orgIds = ids('organisations');
  const ownerIds = ids('owners');
  const areaIds = ids('areas');
  const actionIds = ids('actions');
  ids('milestones');
  const measureIds = ids('measures');
  const evidenceIds = ids('evidence');
  const riskIds = ids('risks');
  expect(areaIds.size >= 1, 'areas must not be empty');
  const refTo = (set: Set<string>, ref: unknown, path: string): void =>
    expect(typeof ref === 'string' && set.has(ref), `${path} → ${String(ref)} does not resolve`);

  records(plan['organisations'], 'organisations').forEach((o, i) =>
    expect(ORG_KINDS.includes(String(o['kind'])), `organisations[${i}].kind`),
  );
  records(plan['owners'], 'owners').forEach((o, i) => {
    refTo(orgIds, o['organisationId'], `owners[${i}].organisationId`);
    expect(!looksLikePersonalName(text(o['role'], `owners[${i}].role`)), `owners[${i}].role looks like a name`);
  });
  records(plan['areas'], 'areas').forEach((a, i) => {
    expect(AREA_KINDS.includes(String(a['kind'])), `areas[${i}].kind`);
    if (a['sroId'] !== undefined) refTo(ownerIds, a['sroId'], `areas[${i}].sroId`);
    for (const key of ['deliveryRag', 'impactRag']) if (a[key] !== undefined) expect(RAGS.includes(String(a[key])), `areas[${i}].${key}`);
  });
  records(plan['actions'], 'actions').forEach((a, i) => {
    const at = `actions[${i}]`;
    refTo(areaIds, a['areaId'], `${at}.areaId`);
    for (const key of ['leadId', 'sroId']) if (a[key] !== undefined) refTo(ownerIds, a[key], `${at}.${key}`);
    for (const key of ['startDate', 'dueDate']) expect(isRealDate(a[key]), `${at}.${key}`);
    if (a['revisedDueDate'] !== undefined) {
      expect(isRealDate(a['revisedDueDate']), `${at}.revisedDueDate`);
      expect(typeof a['revisionApprovedBy'] === 'string' && a['revisionApprovedBy'].length > 0, `${at}.revisionApprovedBy`);
    }
    expect(STATUSES.includes(String(a['status'])), `${at}.status`);
    expect(RAGS.includes(String(a['deliveryRag'])), `${at}.deliveryRag`);
    const list = (key: string): unknown[] => (Array.isArray(a[key]) ? a[key] : []);
    for (const key of ['partnerOrgIds', 'successCriteria', 'measureIds', 'evidenceIds', 'riskIds', 'updates'])
      expect(Array.isArray(a[key]), `${at}.${key}`);
    list('partnerOrgIds').forEach((ref, j) => refTo(orgIds, ref, `${at}.partnerOrgIds[${j}]`));
    list('measureIds').forEach((ref, j) => refTo(measureIds, ref, `${at}.measureIds[${j}]`));
    list('evidenceIds').forEach((ref, j) => refTo(evidenceIds, ref, `${at}.evidenceIds[${j}]`));
    list('riskIds').forEach((ref, j) => refTo(riskIds, ref, `${at}.riskIds[${j}]`));
    let previousPeriod = '';
    records(list('updates'), `${at}.updates`).forEach((u, j) => {
      const period = text(u['period'], `${at}.updates[${j}].period`);
      expect(/^\d{4}-(0[1-9]|1[0-2])$/.test(period), `${at}.updates[${j}].period`);
      expect(period > previousPeriod, `${at}.updates[${j}] is not oldest first`);
      previousPeriod = period;
      expect(text(u['narrative'], `${at}.updates[${j}].narrative`).length > 0, `${at}.updates[${j}].narrative`);
      expect(RAGS.includes(String(u['deliveryRag'])), `${at}.updates[${j}].deliveryRag`);
      expect(DATE_TIME.test(text(u['submittedAt'], `${at}.updates[${j}].submittedAt`)), `${at}.updates[${j}].submittedAt`);
    });
  });
  records(plan['milestones'], 'milestones').forEach((m, i) => {
    refTo(actionIds, m['actionId'], `milestones[${i}].actionId`);
    expect(isRealDate(m['dueDate']), `milestones[${i}].dueDate`);
    expect(m['achievedOn'] === null || isRealDate(m['achievedOn']), `milestones[${i}].achievedOn`);
  });
  records(plan['measures'], 'measures').forEach((m, i) => {
    const at = `measures[${i}]`;
    expect(UNITS.includes(String(m['unit'])), `${at}.unit`);
    expect(['higher-is-better', 'lower-is-better'].includes(String(m['polarity'])), `${at}.polarity`);
    expect(['monthly', 'termly', 'annual'].includes(String(m['frequency'])), `${at}.frequency`);
    const isPercent = m['unit'] === 'percent';
    const inRange = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v) && (!isPercent || (v >= 0 && v <= 100));
    const baseline = record(m['baseline'], `${at}.baseline`);
    expect(inRange(baseline['value']) && isRealDate(baseline['asAt']), `${at}.baseline`);
    records(m['targets'], `${at}.targets`).forEach((t, j) => expect(inRange(t['value']) && isRealDate(t['asAt']), `${at}.targets[${j}]`));
    records(m['benchmarks'], `${at}.benchmarks`).forEach((b, j) =>
      expect(typeof b['label'] === 'string' && inRange(b['value']), `${at}.benchmarks[${j}]`),
    );
    records(m['series'], `${at}.series`).forEach((p, j) => {
      expect(/^\d{4}(-(0[1-9]|1[0-2]))?$/.test(String(p['period'])), `${at}.series[${j}].period`);
      expect(p['value'] === null || inRange(p['value']), `${at}.series[${j}].value ${String(p['value'])}`);
      expect(p['status'] === 'provisional' || p['status'] === 'final', `${at}.series[${j}].status`);
    });
  });
  records(plan['evidence'], 'evidence').forEach((e, i) => {
    expect(EVIDENCE_TYPES.includes(String(e['type'])), `evidence[${i}].type`);
    expect(isRealDate(e['date']), `evidence[${i}].date`);
    expect(e['marking'] === 'OFFICIAL' || e['marking'] === 'OFFICIAL-SENSITIVE', `evidence[${i}].marking`);
    if (e['file'] !== undefined) {
      const file = String(e['file']);
      expect(!file.split(/[\\/]/).includes('..') && !/^([/\\]|[A-Za-z]:)/.test(file), `evidence[${i}].file is not a safe relative path`);
    }
  });
  records(plan['risks'], 'risks').forEach((r, i) => {
    for (const key of ['likelihood', 'impact']) {
      const score = r[key];
      expect(Number.isInteger(score) && Number(score) >= 1 && Number(score) <= 5, `risks[${i}].${key}`);
    }
    refTo(ownerIds, r['ownerId'], `risks[${i}].ownerId`);
  });
  return problems;
}
