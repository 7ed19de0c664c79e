import { createScanner } from 'jsonc-parser';
import type * as z from 'zod';
import { describeIssue, formatPath, toSegments, type PathSegment } from './messages';
import type { Problem } from './problem';

// Finds where paths sit in JSON text (1-based line and column), and where and why text
// is not JSON. One iterative pass over jsonc-parser's scanner: no tree is built and no
// recursion is used, so a 200 MB file or one nested a million deep cannot exhaust the
// stack. It only runs once something is wrong, which keeps the valid path fast.

export type TextLocation = { line: number; column: number };

/** A path to locate; `isAtKey` points at the field's name instead of its value. */
export type LocateTarget = { segments: readonly PathSegment[]; isAtKey?: boolean };

export type JsonSyntaxError = TextLocation & { message: string };

// jsonc-parser's SyntaxKind and ScanError are ambient const enums, which isolated
// modules cannot read, so their values are repeated here.
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const COMMA = 5;
const COLON = 6;
const NULL_KEYWORD = 7;
const TRUE_KEYWORD = 8;
const FALSE_KEYWORD = 9;
const STRING = 10;
const NUMBER = 11;
const LINE_COMMENT = 12;
const BLOCK_COMMENT = 13;
const LINE_BREAK = 14;
const TRIVIA = 15;
const EOF = 17;

const SCAN_OK = 0;
const END_OF_COMMENT = 1;
const END_OF_STRING = 2;
const END_OF_NUMBER = 3;
const INVALID_UNICODE = 4;
const INVALID_ESCAPE = 5;
const INVALID_CHARACTER = 6;

type TrieNode = {
  children: Map<PathSegment, TrieNode> | undefined;
  valueAt: TextLocation | undefined;
  keyAt: TextLocation | undefined;
};

type Frame = { isArray: boolean; node: TrieNode | undefined; index: number; key: string };

type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'after-value' | 'end';

const NOT_JSON = 'The file is not valid JSON: ';
const TRUNCATED = 'The file ends before the JSON is complete: it may have been cut short while it was being saved or copied';

function newNode(): TrieNode {
  return { children: undefined, valueAt: undefined, keyAt: undefined };
}

function childOf(node: TrieNode | undefined, segment: PathSegment): TrieNode | undefined {
  return node?.children?.get(segment);
}

/**
 * Walks the JSON text once. With a trie, records where each wanted path's value (and
 * key) starts. Returns the first syntax error, or undefined if the text is JSON.
 */
function walk(text: string, root: TrieNode | undefined): JsonSyntaxError | undefined {
  const scanner = createScanner(text, false);
  const stack: Frame[] = [];
  let expect: Expect = 'value';
  let pending: TrieNode | undefined = root;

  const here = (): TextLocation => ({
    line: scanner.getTokenStartLine() + 1,
    column: scanner.getTokenStartCharacter() + 1,
  });
  const fail = (message: string): JsonSyntaxError => ({ ...here(), message });
  const tokenText = (): string => {
    const raw = text.slice(scanner.getTokenOffset(), scanner.getTokenOffset() + Math.min(scanner.getTokenLength(), 24));
    return JSON.stringify(scanner.getTokenLength() > 24 ? `${raw}…` : raw);
  };

  for (;;) {
    const token = scanner.scan();
    if (token === TRIVIA || token === LINE_BREAK) continue;
    if (token === LINE_COMMENT || token === BLOCK_COMMENT) {
      if (scanner.getTokenError() === END_OF_COMMENT) return fail(TRUNCATED);
      return fail(`${NOT_JSON}comments (// or /* */) are not allowed in JSON`);
    }
    if (token === EOF) {
      if (expect === 'end') return undefined;
      if (stack.length === 0 && expect === 'value' && text.trim() === '') {
        return fail('The file is empty: a plan file holds a JSON object');
      }
      return fail(TRUNCATED);
    }
    const scanError = scanner.getTokenError();
    if (scanError !== SCAN_OK) {
      if (scanner.getPosition() >= text.length && (scanError === END_OF_STRING || scanError === END_OF_NUMBER)) {
        return fail(TRUNCATED);
      }
      switch (scanError) {
        case END_OF_STRING:
          return fail(`${NOT_JSON}a text value is not closed: a double quote (") is missing before the end of the line`);
        case END_OF_NUMBER:
          return fail(`${NOT_JSON}the number ${tokenText()} is incomplete`);
        case INVALID_UNICODE:
          return fail(`${NOT_JSON}a text value has a \\u escape without four hexadecimal digits after it`);
        case INVALID_ESCAPE:
          return fail(
            `${NOT_JSON}a text value has a backslash (\\) that is not followed by ", \\, /, b, f, n, r, t or u; write a backslash as \\\\`,
          );
        case INVALID_CHARACTER:
          return fail(`${NOT_JSON}a text value contains a tab or other control character; write it as an escape such as \\t`);
        default:
          return fail(`${NOT_JSON}unexpected ${tokenText()}`);
      }
    }

    switch (expect) {
      case 'end':
        return fail(`${NOT_JSON}there is more after the end of the JSON, starting with ${tokenText()}`);
      case 'value':
      case 'value-or-close': {
        if (token === CLOSE_BRACKET && expect === 'value-or-close') {
          stack.pop();
          expect = afterValue(stack);
          break;
        }
        if (token === OPEN_BRACE || token === OPEN_BRACKET || isScalar(token)) {
          if (pending !== undefined) pending.valueAt = here();
          if (token === OPEN_BRACE) {
            stack.push({ isArray: false, node: pending, index: 0, key: '' });
            expect = 'key-or-close';
          } else if (token === OPEN_BRACKET) {
            stack.push({ isArray: true, node: pending, index: 0, key: '' });
            pending = childOf(pending, 0);
            expect = 'value-or-close';
          } else {
            expect = afterValue(stack);
          }
          break;
        }
        if ((token === CLOSE_BRACKET || token === CLOSE_BRACE) && stack.length > 0) {
          return fail(`${NOT_JSON}there is a comma before ${tokenText()} with nothing after it (JSON does not allow this)`);
        }
        return fail(`${NOT_JSON}a value was expected but found ${tokenText()}${unknownTokenHint(token, scanner.getTokenValue())}`);
      }
      case 'key':
      case 'key-or-close': {
        const frame = stack[stack.length - 1];
        if (frame === undefined) return fail(`${NOT_JSON}unexpected ${tokenText()}`);
        if (token === CLOSE_BRACE && expect === 'key-or-close') {
          stack.pop();
          expect = afterValue(stack);
          break;
        }
        if (token === STRING) {
          frame.key = scanner.getTokenValue();
          const child = childOf(frame.node, frame.key);
          if (child !== undefined) child.keyAt = here();
          expect = 'colon';
          break;
        }
        if (token === CLOSE_BRACE) {
          return fail(`${NOT_JSON}there is a comma before "}" with nothing after it (JSON does not allow this)`);
        }
        return fail(`${NOT_JSON}a field name in double quotes was expected but found ${tokenText()}`);
      }
      case 'colon': {
        const frame = stack[stack.length - 1];
        if (token !== COLON || frame === undefined) {
          return fail(`${NOT_JSON}a colon (:) was expected after the field name but found ${tokenText()}`);
        }
        pending = childOf(frame.node, frame.key);
        expect = 'value';
        break;
      }
      case 'after-value': {
        const frame = stack[stack.length - 1];
        if (frame === undefined) return fail(`${NOT_JSON}unexpected ${tokenText()}`);
        const close = frame.isArray ? CLOSE_BRACKET : CLOSE_BRACE;
        if (token === COMMA) {
          if (frame.isArray) {
            frame.index += 1;
            pending = childOf(frame.node, frame.index);
            expect = 'value';
          } else {
            expect = 'key';
          }
          break;
        }
        if (token === close) {
          stack.pop();
          expect = afterValue(stack);
          break;
        }
        const closer = frame.isArray ? '"]"' : '"}"';
        return fail(`${NOT_JSON}a comma or ${closer} was expected but found ${tokenText()} (is a comma missing?)`);
      }
    }
  }
}

function afterValue(stack: readonly Frame[]): Expect {
  return stack.length === 0 ? 'end' : 'after-value';
}

function isScalar(token: number): boolean {
  return token === STRING || token === NUMBER || token === TRUE_KEYWORD || token === FALSE_KEYWORD || token === NULL_KEYWORD;
}

function unknownTokenHint(token: number, value: string): string {
  if (token !== 16) return '';
  if (value.startsWith("'")) return ' (text must be in double quotes, not single quotes)';
  if (['NaN', 'Infinity', 'undefined'].includes(value)) return ' (JSON has no such value)';
  if (/^[A-Za-z]/.test(value)) return ' (text must be in double quotes)';
  return '';
}

/** The first reason the text is not JSON, with where it is, or undefined if it is JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  return walk(text, undefined);
}

/**
 * Where each target sits in the JSON text (1-based). A path that is not in the text
 * (a missing field) is placed at its nearest ancestor that is, so the reader is taken
 * to the object that lacks it. The text must be JSON; an undefined entry means unknown.
 */
export function locatePaths(text: string, targets: readonly LocateTarget[]): (TextLocation | undefined)[] {
  const root = newNode();
  for (const target of targets) {
    let node = root;
    for (const segment of target.segments) {
      node.children ??= new Map();
      let child = node.children.get(segment);
      if (child === undefined) {
        child = newNode();
        node.children.set(segment, child);
      }
      node = child;
    }
  }
  walk(text, root);
  return targets.map((target) => {
    let node: TrieNode | undefined = root;
    let found = root.valueAt;
    for (const segment of target.segments) {
      node = childOf(node, segment);
      if (node === undefined) break;
      found = node.valueAt ?? node.keyAt ?? found;
    }
    if (node !== undefined && target.isAtKey === true && node.keyAt !== undefined) return node.keyAt;
    return found;
  });
}

/** Problems found by path, given their line and column in the text they came from. */
export function locateProblems(text: string, problems: ReadonlyArray<{ segments: readonly PathSegment[]; message: string }>): Problem[] {
  const locations = locatePaths(
    text,
    problems.map((problem) => ({ segments: problem.segments })),
  );
  return problems.map((problem, index) => {
    const location = locations[index];
    return {
      path: formatPath(problem.segments),
      message: problem.message,
      ...(location ? { line: location.line, column: location.column } : {}),
    };
  });
}

/** A schema's complaints about a parsed file (at most `limit`), worded and located in its text. */
export function locateIssues(text: string, value: unknown, issues: readonly z.core.$ZodIssue[], limit: number): Problem[] {
  return locateProblems(
    text,
    issues.slice(0, limit).map((issue) => {
      const segments = toSegments(issue.path);
      return { segments, message: describeIssue(issue, segments, value) };
    }),
  );
}
