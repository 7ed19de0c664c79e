import * as z from 'zod';
import { PLAN_FORMAT, PLAN_FORMAT_VERSION, planFileSchema } from './schema';
import type { PlanFile } from './schema';
import { findJsonSyntaxError, locatePaths } from './locate';
import { describeIssue, formatCount, formatPath, formatSize, isRecord, showValue, toSegments } from './messages';
import type { RawProblem } from './messages';
import { checkContentLimits, checkPlanRules } from './rules';
import { fastCheckPlan, planKeepsRules } from './fast-path';
import type { FieldAt } from './rules';
import type { Problem } from './problem';

// The one gate every plan file passes before anything of it is stored. It never throws:
// whatever the input, the answer is a result a clerk can read, with each problem's JSON
// path and, for text, its line and column.
//
// Fast path for a valid file: JSON.parse, one hand-written walk (fast-path.ts: the schema
// and the limits, no messages), one rules pass. Only when that walk doubts the file do the
// limits walk, the zod parse and the locating of problems in the text (a second scan) run.

// shared/ sees neither DOM nor Node types, but TextDecoder is in every runtime we target.
declare const TextDecoder: new (
  label?: string,
  options?: { fatal?: boolean; ignoreBOM?: boolean },
) => { decode(input: Uint8Array): string };

export type { Problem } from './problem';

export type PlanCounts = {
  areas: number;
  actions: number;
  milestones: number;
  measures: number;
  evidence: number;
  risks: number;
};

export type PlanValidation =
  | { ok: true; plan: PlanFile; warnings: Problem[]; counts: PlanCounts }
  | { ok: false; errors: Problem[]; warnings: Problem[]; counts?: PlanCounts };

export type ValidateOptions = { maxBytes?: number; maxStringLength?: number; maxArrayLength?: number };

export const PLAN_LIMITS = {
  // docs/formats/plan-file-v1.md states it: a 150 MB plan takes about 900 MB and 12 s to read.
  maxBytes: 160 * 1024 * 1024,
  maxStringLength: 100_000,
  maxArrayLength: 200_000,
} as const satisfies Required<ValidateOptions>;

/** Beyond this many errors (or warnings) the rest are summarised in one closing line. */
export const MAX_REPORTED_PROBLEMS = 1000;

const BOM = '\uFEFF';

let compiledPlanFileSchema: typeof planFileSchema | undefined;

/** The plan file schema with zod's generated fast path, built on first use. */
function planParser(): typeof planFileSchema {
  // z.compile emits a parser specialised to this schema (about twice as fast on a large
  // plan). Input it rejects is handed to zod's runtime parser, so issues are zod's own;
  // where code generation is not allowed (a strict CSP) it returns the schema as it is.
  compiledPlanFileSchema ??= z.compile(planFileSchema);
  return compiledPlanFileSchema;
}

type Limits = { maxBytes: number; maxStringLength: number; maxArrayLength: number };

function resolveLimits(options: ValidateOptions | undefined): Limits {
  const pick = (value: unknown, fallback: number): number =>
    typeof value === 'number' && !Number.isNaN(value) && value >= 0 ? value : fallback;
  return {
    maxBytes: pick(options?.maxBytes, PLAN_LIMITS.maxBytes),
    maxStringLength: pick(options?.maxStringLength, PLAN_LIMITS.maxStringLength),
    maxArrayLength: pick(options?.maxArrayLength, PLAN_LIMITS.maxArrayLength),
  };
}

function fail(message: string, extra?: { line: number; column: number }): PlanValidation {
  return { ok: false, errors: [{ path: '$', message, ...extra }], warnings: [] };
}

function tooLarge(bytes: number, maxBytes: number): PlanValidation {
  let size = formatSize(bytes);
  let limit = formatSize(maxBytes);
  if (size === limit) {
    size = `${formatCount(bytes)} bytes`;
    limit = `${formatCount(maxBytes)} bytes`;
  }
  return fail(`File is ${size}; the largest plan file Oversight accepts is ${limit}`);
}

function unexpected(error: unknown): PlanValidation {
  let detail: string;
  try {
    detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  } catch {
    detail = 'unknown error';
  }
  return fail(`Oversight could not finish checking this file because of an unexpected problem (${detail.slice(0, 200)})`);
}

/** Validates a plan file's raw bytes: size first, then UTF-8 (a leading BOM is fine), then everything else. */
export function validatePlanBytes(bytes: Uint8Array, options?: ValidateOptions): PlanValidation {
  try {
    const limits = resolveLimits(options);
    if (!(bytes instanceof Uint8Array)) return fail('Oversight was given something other than the bytes of a file');
    if (bytes.length > limits.maxBytes) return tooLarge(bytes.length, limits.maxBytes);
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
      return fail('The file is saved as UTF-16 text; Oversight reads plan files saved as UTF-8. Save it again as UTF-8');
    }
    let text: string;
    try {
      // The default (ignoreBOM false) drops a leading UTF-8 BOM.
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return invalidUtf8(bytes);
    }
    return validateText(text, limits);
  } catch (error) {
    return unexpected(error);
  }
}

/** Validates a plan file's text (a leading BOM is fine). */
export function validatePlanText(text: string, options?: ValidateOptions): PlanValidation {
  try {
    const limits = resolveLimits(options);
    if (typeof text !== 'string') return fail('Oversight was given something other than the text of a file');
    const bytes = utf8Length(text, limits.maxBytes);
    if (bytes > limits.maxBytes) return tooLarge(bytes, limits.maxBytes);
    return validateText(text, limits);
  } catch (error) {
    return unexpected(error);
  }
}

/**
 * Validates an already-parsed plan file value (for example one the spreadsheet tracker
 * importer built). The same rules apply; problems carry paths but no line or column.
 */
export function validatePlanValue(value: unknown, options?: ValidateOptions): PlanValidation {
  try {
    return validateRoot(value, resolveLimits(options), undefined);
  } catch (error) {
    return unexpected(error);
  }
}

/** UTF-8 byte length, counted only as far as needed to tell whether it exceeds `limit`. */
function utf8Length(text: string, limit: number): number {
  // Each UTF-16 unit is 1 to 3 bytes (a surrogate pair 4 bytes for 2 units), so the
  // exact count is needed only between those bounds.
  if (text.length * 3 <= limit) return text.length;
  if (text.length > limit) return text.length;
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        index += 1;
      } else {
        bytes += 3;
      }
    } else bytes += 3;
  }
  return bytes;
}

function invalidUtf8(bytes: Uint8Array): PlanValidation {
  const offset = firstInvalidUtf8Offset(bytes);
  const advice = 'Save it again as UTF-8 (in Excel, "CSV UTF-8"; in other programs, choose the UTF-8 encoding)';
  if (offset === undefined) return fail(`The file is not valid UTF-8 text. ${advice}`);
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset; index += 1) {
    const byte = bytes[index];
    if (byte === 0x0a || (byte === 0x0d && bytes[index + 1] !== 0x0a)) {
      line += 1;
      lineStart = index + 1;
    }
  }
  const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset));
  const column = (line === 1 && before.startsWith(BOM) ? before.length - 1 : before.length) + 1;
  return fail(`The file is not valid UTF-8 text: byte ${formatCount(offset + 1)} cannot be read as UTF-8. ${advice}`, { line, column });
}

/** Offset of the first byte that breaks UTF-8 (WHATWG rules: no overlongs, surrogates or values past U+10FFFF). */
function firstInvalidUtf8Offset(bytes: Uint8Array): number | undefined {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] ?? 0;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    let needed: number;
    let lower = 0x80;
    let upper = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) needed = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      needed = 2;
      if (lead === 0xe0) lower = 0xa0;
      if (lead === 0xed) upper = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      needed = 3;
      if (lead === 0xf0) lower = 0x90;
      if (lead === 0xf4) upper = 0x8f;
    } else return index;
    for (let step = 1; step <= needed; step += 1) {
      const byte = bytes[index + step];
      if (byte === undefined || byte < lower || byte > upper) return index;
      lower = 0x80;
      upper = 0xbf;
    }
    index += needed + 1;
  }
  return undefined;
}

function validateText(rawText: string, limits: Limits): PlanValidation {
  const text = rawText.startsWith(BOM) ? rawText.slice(1) : rawText;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return syntaxFailure(text, error);
  }
  return validateRoot(value, limits, text);
}

function syntaxFailure(text: string, error: unknown): PlanValidation {
  let found;
  try {
    found = findJsonSyntaxError(text);
  } catch {
    found = undefined;
  }
  if (found !== undefined) return fail(found.message, { line: found.line, column: found.column });
  // JSON.parse and our scanner disagreed; fall back to the engine's own words.
  const detail = error instanceof Error ? error.message : String(error);
  return fail(`The file is not valid JSON (${detail.slice(0, 200)})`);
}

function countsOf(root: Record<string, unknown>): PlanCounts {
  const count = (key: string): number => {
    const list = root[key];
    return Array.isArray(list) ? list.length : 0;
  };
  return {
    areas: count('areas'),
    actions: count('actions'),
    milestones: count('milestones'),
    measures: count('measures'),
    evidence: count('evidence'),
    risks: count('risks'),
  };
}

/** The checks that stop everything else: not an object, not our format, a newer format. */
function checkIdentity(root: unknown): RawProblem | undefined {
  if (!isRecord(root)) {
    const found = Array.isArray(root) ? 'a list' : `${showValue(root)}`;
    return {
      segments: [],
      message: `This is not an Oversight plan file: it holds ${found}, not a JSON object with "format": "${PLAN_FORMAT}"`,
    };
  }
  if (root.format !== PLAN_FORMAT) {
    const found = Object.hasOwn(root, 'format') ? `its format is ${showValue(root.format)}` : 'it has no "format" field';
    return {
      segments: Object.hasOwn(root, 'format') ? ['format'] : [],
      message: `This is not an Oversight plan file: ${found}, where a plan file has "format": "${PLAN_FORMAT}"`,
    };
  }
  const version = root.formatVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > PLAN_FORMAT_VERSION) {
    return {
      segments: ['formatVersion'],
      message: `This file was made by a newer version of Oversight (format version ${version}); this version reads format version ${PLAN_FORMAT_VERSION}. Update Oversight to open it.`,
    };
  }
  return undefined;
}

function validateRoot(root: unknown, limits: Limits, text: string | undefined): PlanValidation {
  const identity = checkIdentity(root);
  if (identity !== undefined || !isRecord(root)) {
    return { ok: false, errors: finish(identity === undefined ? [] : [identity], text), warnings: [] };
  }
  const counts = countsOf(root);

  // A value fresh from our own JSON.parse: the fast check answers for a valid file in one
  // walk; anything it doubts goes through the full checks below, which word every problem.
  if (text !== undefined) {
    const fast = fastCheckPlan(root, limits);
    if (fast.isValid && planKeepsRules(root as PlanFile)) return { ok: true, plan: fast.commit(), warnings: [], counts };
  }

  const contentLimits = checkContentLimits(root, limits, text === undefined, MAX_REPORTED_PROBLEMS + 1);
  // A field set to undefined (possible only in a value built in memory) counts as absent,
  // so an optional field left undefined is missing from the plan, as it would be in JSON.
  const input = contentLimits.undefinedFields.length > 0 ? withoutKeys(root, contentLimits.undefinedFields) : root;
  // A list past the limit would make every later check (and its report) enormous.
  if (contentLimits.hasLongList) {
    return { ok: false, errors: finish(contentLimits.problems, text), warnings: [], counts };
  }

  const errors: RawProblem[] = [...contentLimits.problems];
  const warnings: RawProblem[] = [];
  const unknownKeys: FieldAt[] = [];
  const parsed = planParser().safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const segments = toSegments(issue.path);
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          unknownKeys.push({ segments, key });
          warnings.push({ segments: [...segments, key], message: `Unknown field ${showValue(key)} is ignored`, isAtKey: true });
        }
      } else {
        errors.push({ segments, message: describeIssue(issue, segments, input) });
      }
    }
  }
  errors.push(...checkPlanRules(input));

  if (errors.length > 0) {
    const located = finishAll(errors, warnings, text);
    return { ok: false, errors: located.errors, warnings: located.warnings, counts };
  }
  let plan = parsed.success ? parsed.data : undefined;
  if (plan === undefined) {
    // Only unknown fields were wrong: parse again without them to get the cleaned plan.
    const reparsed = planParser().safeParse(withoutKeys(input, unknownKeys));
    if (!reparsed.success) {
      const fallback = reparsed.error.issues.map((issue) => {
        const segments = toSegments(issue.path);
        return { segments, message: describeIssue(issue, segments, input) };
      });
      const located = finishAll(fallback, warnings, text);
      return { ok: false, errors: located.errors, warnings: located.warnings, counts };
    }
    plan = reparsed.data;
  }
  return { ok: true, plan, warnings: finish(warnings, text), counts: countsOf(plan) };
}

/** A copy of `root` without the given keys, copying only the containers on their paths. */
function withoutKeys(root: Record<string, unknown>, removals: readonly FieldAt[]): Record<string, unknown> {
  const copies = new Map<unknown, Record<string, unknown> | unknown[]>();
  const copyOf = (value: unknown): Record<string, unknown> | unknown[] | undefined => {
    const known = copies.get(value);
    if (known !== undefined) return known;
    let copy: Record<string, unknown> | unknown[];
    if (Array.isArray(value)) copy = value.slice();
    else if (isRecord(value)) copy = { ...value };
    else return undefined;
    copies.set(value, copy);
    copies.set(copy, copy);
    return copy;
  };
  const rootCopy = { ...root };
  copies.set(root, rootCopy);
  copies.set(rootCopy, rootCopy);
  for (const { segments, key } of removals) {
    let current: Record<string, unknown> | unknown[] | undefined = rootCopy;
    for (const segment of segments) {
      if (current === undefined) break;
      const child = copyOf(Array.isArray(current) ? current[Number(segment)] : current[String(segment)]);
      if (child === undefined) {
        current = undefined;
        break;
      }
      if (Array.isArray(current)) current[Number(segment)] = child;
      else current[String(segment)] = child;
      current = child;
    }
    if (current !== undefined && !Array.isArray(current)) delete current[key];
  }
  return rootCopy;
}

function finish(problems: readonly RawProblem[], text: string | undefined): Problem[] {
  return finishAll(problems, [], text).errors;
}

/** Locates (when there is text), orders by position in the file, caps, and formats paths. */
function finishAll(
  errors: readonly RawProblem[],
  warnings: readonly RawProblem[],
  text: string | undefined,
): { errors: Problem[]; warnings: Problem[] } {
  const toProblem = (raw: RawProblem): Problem => ({ path: formatPath(raw.segments), message: raw.message });
  const outErrors = errors.map(toProblem);
  const outWarnings = warnings.map(toProblem);
  if (text !== undefined && (errors.length > 0 || warnings.length > 0)) {
    const all = [...errors, ...warnings];
    let places: ReturnType<typeof locatePaths> = [];
    try {
      places = locatePaths(text, all);
    } catch {
      // Locating is a courtesy; the problems still stand without line numbers.
      places = [];
    }
    [...outErrors, ...outWarnings].forEach((problem, index) => {
      const place = places[index];
      if (place !== undefined) {
        problem.line = place.line;
        problem.column = place.column;
      }
    });
  }
  return { errors: capped(byPosition(outErrors)), warnings: capped(byPosition(outWarnings)) };
}

function byPosition(problems: Problem[]): Problem[] {
  const last = Number.MAX_SAFE_INTEGER;
  // Array.prototype.sort is stable, so problems at the same place keep their order.
  return problems.sort((a, b) => (a.line ?? last) - (b.line ?? last) || (a.column ?? last) - (b.column ?? last));
}

function capped(problems: Problem[]): Problem[] {
  if (problems.length <= MAX_REPORTED_PROBLEMS) return problems;
  const rest = problems.length - MAX_REPORTED_PROBLEMS;
  return [
    ...problems.slice(0, MAX_REPORTED_PROBLEMS),
    { path: '$', message: `…and ${formatCount(rest)} more like these, not listed. Fix the ones above and check the file again` },
  ];
}
