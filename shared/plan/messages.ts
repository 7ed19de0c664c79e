import type * as z from 'zod';

// Turns zod issues and our own findings into sentences a clerk can act on, naming the
// field and (where short) the offending value. Paths are kept as segments until the
// end so they can be located in the text and formatted once.

export type PathSegment = string | number;

/** A problem before it is located in the text and its path formatted. */
export type RawProblem = {
  segments: readonly PathSegment[];
  message: string;
  /** Point at the field's name rather than its value (used for unknown fields). */
  isAtKey?: boolean;
};

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const SHOWN_TEXT_LENGTH = 60;

/** The path in `$.actions[3].dueDate` form; odd keys are bracketed and quoted. */
export function formatPath(segments: readonly PathSegment[]): string {
  let path = '$';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) path += `.${segment}`;
    else path += `[${JSON.stringify(shorten(segment))}]`;
  }
  return path;
}

/** The value at a path, following own properties only, or `isFound: false`. */
export function lookup(root: unknown, segments: readonly PathSegment[]): { isFound: boolean; value: unknown } {
  let current = root;
  for (const segment of segments) {
    if (Array.isArray(current)) {
      if (typeof segment !== 'number' || segment < 0 || segment >= current.length) return { isFound: false, value: undefined };
      current = current[segment];
    } else if (isRecord(current)) {
      const key = String(segment);
      if (!Object.hasOwn(current, key)) return { isFound: false, value: undefined };
      current = current[key];
    } else {
      return { isFound: false, value: undefined };
    }
  }
  return { isFound: true, value: current };
}

/** True for a non-null, non-array object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shorten(text: string): string {
  return text.length > SHOWN_TEXT_LENGTH ? `${text.slice(0, SHOWN_TEXT_LENGTH)}…` : text;
}

/** A short rendering of a value to put in a sentence: `"2026-02-30"`, `42`, `null`. */
export function showValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(shorten(value));
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return 'a list';
  return 'an object';
}

/** What a value is, for "should be X, but is ..." sentences. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return value === '' ? 'empty text ("")' : `the text ${showValue(value)}`;
  if (typeof value === 'number') return `the number ${String(value)}`;
  if (typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

function isShown(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean', 'bigint'].includes(typeof value);
}

/** The name a sentence uses for the field at a path: `dueDate`, `successCriteria[2]`, `actions[3]`. */
export function fieldLabel(segments: readonly PathSegment[]): string {
  const last = segments[segments.length - 1];
  if (last === undefined) return 'The file';
  if (typeof last === 'string') return shorten(last);
  const parent = segments[segments.length - 2];
  return `${typeof parent === 'string' ? shorten(parent) : 'entry'}[${last}]`;
}

function suggestion(value: unknown, allowed: readonly unknown[]): string {
  if (typeof value !== 'string') return '';
  const wanted = value
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  const match = allowed.find((option) => typeof option === 'string' && option.toLowerCase() === wanted);
  return typeof match === 'string' ? ` (did you mean "${match}"?)` : '';
}

/** The sentence for one zod issue (other than unknown fields), given the checked value. */
export function describeIssue(issue: z.core.$ZodIssue, segments: readonly PathSegment[], root: unknown): string {
  const field = fieldLabel(segments);
  const { isFound, value } = lookup(root, segments);
  const isMissing = !isFound || value === undefined;
  switch (issue.code) {
    case 'invalid_type':
      return isMissing
        ? `${field} is missing; it should be ${issue.message}`
        : `${field} should be ${issue.message}, but is ${describeValue(value)}`;
    case 'invalid_value': {
      if (issue.values.length > 1) {
        const list = issue.values.map((option) => String(option)).join(', ');
        return isMissing
          ? `${field} is missing; it should be one of: ${list}`
          : `${field} ${showValue(value)} is not recognised; it should be one of: ${list}${suggestion(value, issue.values)}`;
      }
      return isMissing ? `${field} is missing; it ${issue.message}` : `${field} ${showValue(value)} ${issue.message}`;
    }
    default:
      return isShown(value) ? `${field} ${showValue(value)} ${issue.message}` : `${field} ${issue.message}`;
  }
}

/** Converts zod's path (which may in theory hold symbols) to our segments. */
export function toSegments(path: readonly PropertyKey[]): PathSegment[] {
  return path.map((key) => (typeof key === 'number' || typeof key === 'string' ? key : String(key)));
}

/** "250 MB", "1.5 KB", "812 bytes". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${formatCount(bytes)} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const [size, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / (1024 * 1024), 'MB'];
  const [whole = '0', fraction] = size.toFixed(1).split('.');
  return `${formatCount(Number(whole))}${fraction === undefined || fraction === '0' ? '' : '.' + fraction} ${unit}`;
}

/** A whole number with thousands separators: 200,000 (independent of the machine's locale). */
export function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
