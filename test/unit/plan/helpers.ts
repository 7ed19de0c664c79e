import { expect } from 'vitest';
import type { PlanValidation, Problem } from '../../../shared/plan/validate';
import { validatePlanText } from '../../../shared/plan/validate';

function offsetOf(text: string, needle: string, occurrence: number): number {
  let offset = -1;
  for (let found = 0; found < occurrence; found += 1) {
    offset = text.indexOf(needle, offset + 1);
    if (offset < 0) throw new Error(`${JSON.stringify(needle)} not found ${occurrence} time(s)`);
  }
  return offset;
}

function positionAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/** 1-based line and column where `needle` starts in `text` (the `occurrence`-th match, from 1). */
export function positionOf(text: string, needle: string, occurrence = 1): { line: number; column: number } {
  return positionAt(text, offsetOf(text, needle, occurrence));
}

/** Where the value starts in `"key": value` text: the position of `prefix + value`, moved past `prefix`. */
export function valuePosition(text: string, prefix: string, value: string, occurrence = 1): { line: number; column: number } {
  return positionAt(text, offsetOf(text, prefix + value, occurrence) + prefix.length);
}

/** The plan object as the pretty-printed text a tracker would export. */
export function toText(plan: unknown): string {
  return JSON.stringify(plan, null, 2);
}

/** Validates the text and returns its errors, failing the test if the file was accepted. */
export function errorsOf(text: string): Problem[] {
  const result = validatePlanText(text);
  if (result.ok) throw new Error('expected the plan to be refused, but it was accepted');
  return result.errors;
}

/** Asserts the result holds exactly one error and returns it. */
export function onlyError(result: PlanValidation): Problem {
  if (result.ok) throw new Error('expected the plan to be refused, but it was accepted');
  expect(result.errors).toHaveLength(1);
  const [error] = result.errors;
  if (error === undefined) throw new Error('no error');
  return error;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type Segment = string | number;

function containerAt(root: unknown, segments: readonly Segment[]): unknown {
  let current = root;
  for (const segment of segments) {
    if (Array.isArray(current) && typeof segment === 'number') current = current[segment];
    else if (isRecord(current)) current = current[String(segment)];
    else throw new Error(`no container at ${JSON.stringify(segments)}`);
  }
  return current;
}

/** Sets the value at a path in a plan object (the last segment is created if absent). */
export function setAt(root: unknown, segments: readonly Segment[], value: unknown): void {
  const parent = containerAt(root, segments.slice(0, -1));
  const last = segments[segments.length - 1];
  if (Array.isArray(parent) && typeof last === 'number') parent[last] = value;
  else if (isRecord(parent) && last !== undefined) parent[String(last)] = value;
  else throw new Error(`cannot set ${JSON.stringify(segments)}`);
}

/** Reads the value at a path in a plan object. */
export function getAt(root: unknown, segments: readonly Segment[]): unknown {
  return containerAt(root, segments);
}

/** A deep copy of the object at a path in a plan object. */
export function cloneAt(root: unknown, segments: readonly Segment[]): Record<string, unknown> {
  const found = containerAt(root, segments);
  if (!isRecord(found)) throw new Error(`no object at ${JSON.stringify(segments)}`);
  return structuredClone(found);
}

/** Deletes the field at a path in a plan object. */
export function deleteAt(root: unknown, segments: readonly Segment[]): void {
  const parent = containerAt(root, segments.slice(0, -1));
  const last = segments[segments.length - 1];
  if (!isRecord(parent) || typeof last !== 'string' || !Object.hasOwn(parent, last)) {
    throw new Error(`no field at ${JSON.stringify(segments)}`);
  }
  delete parent[last];
}

function isWellFormedProblem(problem: unknown): boolean {
  if (!isRecord(problem)) return false;
  const { path, message, line, column } = problem;
  const isPosition = (value: unknown): boolean =>
    value === undefined || (typeof value === 'number' && Number.isInteger(value) && value >= 1);
  return (
    typeof path === 'string' &&
    path.startsWith('$') &&
    typeof message === 'string' &&
    message.length > 0 &&
    isPosition(line) &&
    isPosition(column) &&
    (line === undefined) === (column === undefined)
  );
}

function isWellFormedCounts(counts: unknown): boolean {
  if (!isRecord(counts)) return false;
  return ['areas', 'actions', 'milestones', 'measures', 'evidence', 'risks'].every((key) => {
    const count = counts[key];
    return typeof count === 'number' && Number.isInteger(count) && count >= 0;
  });
}

/** True when a validation result has the promised shape, whichever way it went. */
export function isWellFormedResult(result: unknown): boolean {
  if (!isRecord(result)) return false;
  const record = result;
  if (!Array.isArray(record.warnings) || !record.warnings.every(isWellFormedProblem)) return false;
  if (record.ok === true) {
    return typeof record.plan === 'object' && record.plan !== null && isWellFormedCounts(record.counts);
  }
  if (record.ok !== false) return false;
  return (
    Array.isArray(record.errors) &&
    record.errors.length > 0 &&
    record.errors.every(isWellFormedProblem) &&
    (record.counts === undefined || isWellFormedCounts(record.counts))
  );
}
