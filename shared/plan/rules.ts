import { COLLECTIONS, ID_MAX_LENGTH, KIND_OF_COLLECTION, PLAN_REFERENCES } from './schema';
import type { CollectionName, PlanReference } from './schema';
import { fieldLabel, formatCount, formatPath, isRecord, showValue } from './messages';
import type { PathSegment, RawProblem } from './messages';

// The rules zod's per-field schemas cannot state: unique ids, references between
// collections, a revised due date needing its approver, percentages within 0–100.
// They run on the raw parsed value, whatever else is wrong with it, so one pass reports
// every problem; anything of the wrong shape is skipped here because the schema
// already reports it. Each loop follows the fixed depth of the format, never the data's.

const ENTITY_NAMES: Record<CollectionName, string> = KIND_OF_COLLECTION;

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function isUsableId(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= ID_MAX_LENGTH;
}

/** `Action "A-2.4"`, or `The action at $.actions[4]` when it has no usable id. */
function entityLabel(collection: CollectionName, index: number, element: Record<string, unknown>, isSentenceStart = true): string {
  const name = ENTITY_NAMES[collection];
  const label = isUsableId(element.id) ? `${name} ${showValue(element.id)}` : `the ${name} at ${formatPath([collection, index])}`;
  return isSentenceStart ? capitalise(label) : label;
}

type IdIndex = Map<string, number>;

function indexIds(collection: CollectionName, elements: readonly unknown[], problems: RawProblem[]): IdIndex {
  const ids: IdIndex = new Map();
  for (let index = 0; index < elements.length; index += 1) {
    const element = elements[index];
    if (!isRecord(element) || !isUsableId(element.id)) continue;
    const first = ids.get(element.id);
    if (first === undefined) {
      ids.set(element.id, index);
    } else {
      problems.push({
        segments: [collection, index, 'id'],
        message: `Duplicate id ${showValue(element.id)}: ${formatPath([collection, first])} and ${formatPath([collection, index])} both use it; each ${ENTITY_NAMES[collection]} needs its own id`,
      });
    }
  }
  return ids;
}

function danglingReference(
  reference: PlanReference,
  index: number,
  element: Record<string, unknown>,
  id: string,
  segments: PathSegment[],
): RawProblem {
  return {
    segments,
    message: `${entityLabel(reference.from, index, element)} refers to ${ENTITY_NAMES[reference.to]} ${showValue(id)}, which is not in ${formatPath([reference.to])}`,
  };
}

function checkReferences(root: Record<string, unknown>, indexes: ReadonlyMap<CollectionName, IdIndex>, problems: RawProblem[]): void {
  // Plain loops without closures: this runs over every element of a large plan.
  for (const reference of PLAN_REFERENCES) {
    const elements = root[reference.from];
    const targets = indexes.get(reference.to);
    // Without a usable target list every reference would dangle; the schema reports the list itself.
    if (!Array.isArray(elements) || targets === undefined) continue;
    const { field } = reference;
    for (let index = 0; index < elements.length; index += 1) {
      const element: unknown = elements[index];
      if (!isRecord(element)) continue;
      const value = element[field];
      if (!reference.isList) {
        if (isUsableId(value) && !targets.has(value) && Object.hasOwn(element, field)) {
          problems.push(danglingReference(reference, index, element, value, [reference.from, index, field]));
        }
      } else if (Array.isArray(value)) {
        for (let position = 0; position < value.length; position += 1) {
          const id: unknown = value[position];
          if (isUsableId(id) && !targets.has(id)) {
            problems.push(danglingReference(reference, index, element, id, [reference.from, index, field, position]));
          }
        }
      }
    }
  }
}

function checkRevisedDueDates(actions: readonly unknown[], problems: RawProblem[]): void {
  for (let index = 0; index < actions.length; index += 1) {
    const action = actions[index];
    if (!isRecord(action) || action.revisedDueDate === undefined) continue;
    const approver = action.revisionApprovedBy;
    if (approver === undefined) {
      problems.push({
        segments: ['actions', index, 'revisionApprovedBy'],
        message: `${entityLabel('actions', index, action)} has a revised due date (revisedDueDate ${showValue(action.revisedDueDate)}) but revisionApprovedBy is missing; a revised due date must say who approved it`,
      });
    } else if (typeof approver === 'string' && approver.trim() === '') {
      problems.push({
        segments: ['actions', index, 'revisionApprovedBy'],
        message: `${entityLabel('actions', index, action)} has a revised due date but revisionApprovedBy is blank; a revised due date must say who approved it`,
      });
    }
  }
}

function checkPercentages(measures: readonly unknown[], problems: RawProblem[]): void {
  for (let index = 0; index < measures.length; index += 1) {
    const measure = measures[index];
    if (!isRecord(measure) || measure.unit !== 'percent') continue;
    const check = (value: unknown, segments: PathSegment[]): void => {
      if (typeof value !== 'number' || !Number.isFinite(value) || (value >= 0 && value <= 100)) return;
      problems.push({
        segments,
        message: `value ${String(value)} is outside 0–100, but ${entityLabel('measures', index, measure, false)} is a percentage`,
      });
    };
    if (isRecord(measure.baseline)) check(measure.baseline.value, ['measures', index, 'baseline', 'value']);
    for (const list of ['targets', 'benchmarks', 'series'] as const) {
      const entries = measure[list];
      if (!Array.isArray(entries)) continue;
      for (let position = 0; position < entries.length; position += 1) {
        const entry: unknown = entries[position];
        if (isRecord(entry)) check(entry.value, ['measures', index, list, position, 'value']);
      }
    }
  }
}

/** Every broken cross-field or cross-collection rule in a parsed plan file object. */
export function checkPlanRules(root: Record<string, unknown>): RawProblem[] {
  const problems: RawProblem[] = [];
  const indexes = new Map<CollectionName, IdIndex>();
  for (const collection of COLLECTIONS) {
    const elements = root[collection];
    if (Array.isArray(elements)) indexes.set(collection, indexIds(collection, elements, problems));
  }
  checkReferences(root, indexes, problems);
  if (Array.isArray(root.actions)) checkRevisedDueDates(root.actions, problems);
  if (Array.isArray(root.measures)) checkPercentages(root.measures, problems);
  return problems;
}

/** A field of the object at `segments`. */
export type FieldAt = { segments: PathSegment[]; key: string };

/** What checkContentLimits found; `undefinedFields` can only occur in a value built in memory. */
export type ContentCheck = { problems: RawProblem[]; hasLongList: boolean; undefinedFields: FieldAt[] };

/** Limits on what one file may hold, so a hostile or broken file cannot swamp the app. */
export type ContentLimits = { maxStringLength: number; maxArrayLength: number };

/**
 * Every text longer than the limit and every list longer than the limit, anywhere in
 * the value (unknown fields included), and every field set to undefined. Iterative, breadth first over parallel arrays
 * (no object per node: this walks every container of a large plan). With
 * `mayHaveCycles`, containers seen before are skipped so a value built in memory with a
 * cycle cannot loop forever.
 */
export function checkContentLimits(root: unknown, limits: ContentLimits, mayHaveCycles: boolean, maxProblems: number): ContentCheck {
  const problems: RawProblem[] = [];
  const undefinedFields: FieldAt[] = [];
  let hasLongList = false;
  if (!isContainer(root)) return { problems, hasLongList, undefinedFields };
  const { maxStringLength, maxArrayLength } = limits;
  const seen = mayHaveCycles ? new WeakSet<Container>() : undefined;
  const containers: Container[] = [root];
  const parents: number[] = [-1];
  const segments: PathSegment[] = [''];
  const pathOf = (at: number, last?: PathSegment): PathSegment[] => {
    const path: PathSegment[] = last === undefined ? [] : [last];
    for (let node = at; node > 0; node = parents[node] ?? 0) path.push(segments[node] ?? '');
    return path.reverse();
  };
  const tooLong = (at: number, segment: PathSegment, length: number): void => {
    const path = pathOf(at, segment);
    problems.push({
      segments: path,
      message: `${fieldLabel(path)} is ${formatCount(length)} characters long; the longest text Oversight accepts in one field is ${formatCount(maxStringLength)} characters`,
    });
  };
  for (let at = 0; at < containers.length && problems.length < maxProblems; at += 1) {
    const value = containers[at];
    if (Array.isArray(value)) {
      if (value.length > maxArrayLength) {
        hasLongList = true;
        const path = pathOf(at);
        problems.push({
          segments: path,
          message: `${fieldLabel(path)} has ${formatCount(value.length)} entries; the most Oversight accepts in one list is ${formatCount(maxArrayLength)}`,
        });
        continue;
      }
      for (let index = 0; index < value.length; index += 1) {
        const child: unknown = value[index];
        if (typeof child === 'string') {
          if (child.length > maxStringLength) tooLong(at, index, child.length);
        } else if (isContainer(child) && (seen === undefined || !seen.has(child))) {
          seen?.add(child);
          containers.push(child);
          parents.push(at);
          segments.push(index);
        }
      }
    } else if (value !== undefined) {
      // isContainer admits only plain objects, whose keys for...in lists without allocating.
      for (const key in value) {
        if (key.length > maxStringLength) {
          const path = pathOf(at);
          problems.push({
            segments: path,
            message: `A field name in ${path.length === 0 ? 'the file' : fieldLabel(path)} is ${formatCount(key.length)} characters long; the longest Oversight accepts is ${formatCount(maxStringLength)} characters`,
          });
          continue;
        }
        const child = value[key];
        if (child === undefined && Object.hasOwn(value, key)) undefinedFields.push({ segments: pathOf(at), key });
        if (typeof child === 'string') {
          if (child.length > maxStringLength) tooLong(at, key, child.length);
        } else if (isContainer(child) && (seen === undefined || !seen.has(child))) {
          seen?.add(child);
          containers.push(child);
          parents.push(at);
          segments.push(key);
        }
      }
    }
  }
  return { problems, hasLongList, undefinedFields };
}

type Container = Record<string, unknown> | unknown[];

function isContainer(value: unknown): value is Container {
  if (Array.isArray(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  // Only plain objects: a typed array or class instance in a built value is not JSON and
  // walking its keys could be enormous.
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
