import { describe, expect, it } from 'vitest';
import { PLAN_LIMITS, validatePlanBytes, validatePlanText, validatePlanValue } from '../../../shared/plan/validate';
import { makeValidPlan } from './fixtures';
import { cloneAt, isWellFormedResult, onlyError, positionOf, setAt, toText, valuePosition } from './helpers';

const encoder = new TextEncoder();

/** Length of the longest string (key or value) in JSON text. */
function longestText(text: string): number {
  const tokens = text.match(/"(?:[^"\\]|\\.)*"/g) ?? [];
  return Math.max(...tokens.map((token) => String(JSON.parse(token)).length));
}

function bytesOf(text: string): Uint8Array {
  return encoder.encode(text);
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

describe('encoding', () => {
  it('accepts a leading UTF-8 byte order mark in bytes', () => {
    const result = validatePlanBytes(concat(new Uint8Array([0xef, 0xbb, 0xbf]), bytesOf(toText(makeValidPlan()))));
    expect(result.ok).toBe(true);
  });

  it('accepts a leading byte order mark in text, and still locates problems by the visible text', () => {
    const plan = makeValidPlan();
    setAt(plan, ['risks', 0, 'likelihood'], 8);
    const text = toText(plan);
    const error = onlyError(validatePlanText(`\uFEFF${text}`));
    expect(error).toEqual({
      path: '$.risks[0].likelihood',
      message: 'likelihood 8 is not a whole number from 1 to 5',
      ...valuePosition(text, '"likelihood": ', '8'),
    });
  });

  it('keeps non-ASCII text intact', () => {
    const plan = makeValidPlan();
    setAt(plan, ['actions', 0, 'title'], 'Cydweithio â’r fforwm rhieni – 😀 “quoted”');
    const result = validatePlanBytes(bytesOf(toText(plan)));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.plan.actions[0]?.title).toBe('Cydweithio â’r fforwm rhieni – 😀 “quoted”');
  });

  it('refuses invalid UTF-8 with the line and column where it breaks', () => {
    // A Windows-1252 "£" (0xA3) where UTF-8 was expected, on line 3.
    const bytes = concat(bytesOf('{\n  "format": "oversight-plan",\n  "note": "cost '), new Uint8Array([0xa3]), bytesOf('5"\n}'));
    const error = onlyError(validatePlanBytes(bytes));
    expect(error).toEqual({
      path: '$',
      message: `The file is not valid UTF-8 text: byte ${bytes.indexOf(0xa3) + 1} cannot be read as UTF-8. Save it again as UTF-8 (in Excel, "CSV UTF-8"; in other programs, choose the UTF-8 encoding)`,
      line: 3,
      column: 17,
    });
  });

  it.each([
    ['an overlong encoding', [0xc0, 0xaf]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
    ['a code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a cut-off sequence at the end', [0xe2, 0x80]],
  ])('refuses %s', (_name, sequence) => {
    const bytes = concat(bytesOf('{"x": "'), new Uint8Array(sequence));
    const error = onlyError(validatePlanBytes(bytes));
    expect(error.message).toContain('The file is not valid UTF-8 text: byte 8 cannot be read as UTF-8');
    expect({ line: error.line, column: error.column }).toEqual({ line: 1, column: 8 });
  });

  it('recognises a UTF-16 file and says so', () => {
    const error = onlyError(validatePlanBytes(new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00])));
    expect(error).toEqual({
      path: '$',
      message: 'The file is saved as UTF-16 text; Oversight reads plan files saved as UTF-8. Save it again as UTF-8',
    });
  });
});

describe('JSON syntax', () => {
  it('says a truncated file ends too soon, at the end of the text', () => {
    const full = toText(makeValidPlan());
    const text = full.slice(0, Math.floor(full.length / 2));
    const lines = text.split('\n');
    expect(onlyError(validatePlanText(text))).toEqual({
      path: '$',
      message: 'The file ends before the JSON is complete: it may have been cut short while it was being saved or copied',
      line: lines.length,
      column: (lines[lines.length - 1] ?? '').length + 1,
    });
  });

  it('says a file cut inside a text value ends too soon', () => {
    const error = onlyError(validatePlanText('{\n  "format": "oversight-pl'));
    expect(error.message).toBe('The file ends before the JSON is complete: it may have been cut short while it was being saved or copied');
  });

  it.each([
    [
      'a trailing comma',
      '{\n  "format": "oversight-plan",\n}',
      'The file is not valid JSON: there is a comma before "}" with nothing after it (JSON does not allow this)',
      { line: 3, column: 1 },
    ],
    [
      'a trailing comma in a list',
      '{"areas": [1, 2, ]}',
      'The file is not valid JSON: there is a comma before "]" with nothing after it (JSON does not allow this)',
      { line: 1, column: 18 },
    ],
    [
      'a missing comma',
      '{\n  "format": "oversight-plan"\n  "formatVersion": 1\n}',
      'The file is not valid JSON: a comma or "}" was expected but found "\\"formatVersion\\"" (is a comma missing?)',
      { line: 3, column: 3 },
    ],
    [
      'a comment',
      '{\n  // exported by hand\n  "format": "oversight-plan"\n}',
      'The file is not valid JSON: comments (// or /* */) are not allowed in JSON',
      { line: 2, column: 3 },
    ],
    [
      'single quotes',
      "{'format': 'oversight-plan'}",
      'The file is not valid JSON: a field name in double quotes was expected but found "\'format\'"',
      { line: 1, column: 2 },
    ],
    [
      'NaN',
      '{"value": NaN}',
      'The file is not valid JSON: a value was expected but found "NaN" (JSON has no such value)',
      { line: 1, column: 11 },
    ],
    [
      'a bad escape',
      '{"file": "C:\\evidence"}',
      'The file is not valid JSON: a text value has a backslash (\\) that is not followed by ", \\, /, b, f, n, r, t or u; write a backslash as \\\\',
      { line: 1, column: 10 },
    ],
    [
      'a raw tab inside text',
      '{"title": "a\tb"}',
      'The file is not valid JSON: a text value contains a tab or other control character; write it as an escape such as \\t',
      { line: 1, column: 11 },
    ],
    [
      'a line break inside text',
      '{"title": "a\nb"}',
      'The file is not valid JSON: a text value is not closed: a double quote (") is missing before the end of the line',
      { line: 1, column: 11 },
    ],
    [
      'two values',
      '{"format": "oversight-plan"}\n{"format": "oversight-plan"}',
      'The file is not valid JSON: there is more after the end of the JSON, starting with "{"',
      { line: 2, column: 1 },
    ],
    [
      'a missing colon',
      '{"format" "oversight-plan"}',
      'The file is not valid JSON: a colon (:) was expected after the field name but found "\\"oversight-plan\\""',
      { line: 1, column: 11 },
    ],
  ])('locates %s', (_name, text, message, place) => {
    expect(onlyError(validatePlanText(text))).toEqual({ path: '$', message, ...place });
  });

  it.each(['', '   \n  '])('says an empty file (%j) is empty', (text) => {
    expect(onlyError(validatePlanText(text)).message).toBe('The file is empty: a plan file holds a JSON object');
  });

  it('counts columns in UTF-16 units after non-ASCII text', () => {
    const text = '{"title": "Café – 😀", "x": }';
    expect(onlyError(validatePlanText(text))).toMatchObject({ line: 1, column: text.indexOf('}') + 1 });
  });

  it('counts a lone carriage return as a line break', () => {
    expect(onlyError(validatePlanText('{\r"a": 1,\r}'))).toMatchObject({ line: 3, column: 1 });
  });
});

describe('limits', () => {
  it('has the documented defaults', () => {
    expect(PLAN_LIMITS).toEqual({ maxBytes: 160 * 1024 * 1024, maxStringLength: 100_000, maxArrayLength: 200_000 });
  });

  it('refuses bytes over maxBytes before decoding them', () => {
    const bytes = concat(bytesOf('{"x": "'), new Uint8Array(2000).fill(0xff));
    expect(onlyError(validatePlanBytes(bytes, { maxBytes: 1024 }))).toEqual({
      path: '$',
      message: 'File is 2 KB; the largest plan file Oversight accepts is 1 KB',
    });
  });

  it('measures text in UTF-8 bytes', () => {
    const text = `"${'é'.repeat(600)}"`; // 1,202 bytes in UTF-8, 602 characters
    expect(onlyError(validatePlanText(text, { maxBytes: 1000 }))).toEqual({
      path: '$',
      message: 'File is 1.2 KB; the largest plan file Oversight accepts is 1,000 bytes',
    });
    expect(onlyError(validatePlanText(text, { maxBytes: 1202 })).message).not.toMatch(/^File is/);
  });

  it('names exact byte counts when the rounded sizes would read the same', () => {
    const text = toText(makeValidPlan());
    const size = bytesOf(text).length;
    const message = onlyError(validatePlanText(text, { maxBytes: size - 1 })).message;
    expect(message).toMatch(/^File is [\d,]+ bytes; the largest plan file Oversight accepts is [\d,]+ bytes$/);
  });

  it('reports a megabyte-sized file in MB', () => {
    const bytes = new Uint8Array(3 * 1024 * 1024 + 200 * 1024);
    expect(onlyError(validatePlanBytes(bytes, { maxBytes: 2 * 1024 * 1024 })).message).toBe(
      'File is 3.2 MB; the largest plan file Oversight accepts is 2 MB',
    );
  });

  it('refuses an over-long text with its path and place', () => {
    const plan = makeValidPlan();
    const long = 'x'.repeat(301);
    setAt(plan, ['actions', 2, 'description'], long);
    const text = toText(plan);
    expect(onlyError(validatePlanText(text, { maxStringLength: 300 }))).toEqual({
      path: '$.actions[2].description',
      message: 'description is 301 characters long; the longest text Oversight accepts in one field is 300 characters',
      ...positionOf(text, `"${long}"`),
    });
  });

  it('applies the text limit inside unknown fields too', () => {
    const limit = longestText(toText(makeValidPlan()));
    const result = validatePlanValue({ ...makeValidPlan(), notes: { history: ['y'.repeat(limit + 1)] } }, { maxStringLength: limit });
    expect(result).toMatchObject({
      ok: false,
      errors: [
        {
          path: '$.notes.history[0]',
          message: `history[0] is ${limit + 1} characters long; the longest text Oversight accepts in one field is ${limit} characters`,
        },
      ],
    });
  });

  it('refuses an over-long list and stops there', () => {
    const plan = makeValidPlan();
    setAt(plan, ['actions', 4], { ...cloneAt(plan, ['actions', 3]), id: 'A-2.3', ref: '2.3' });
    setAt(plan, ['risks', 0, 'likelihood'], 99);
    const text = toText(plan);
    expect(onlyError(validatePlanText(text, { maxArrayLength: 4 }))).toEqual({
      path: '$.actions',
      message: 'actions has 5 entries; the most Oversight accepts in one list is 4',
      ...valuePosition(text, '"actions": ', '['),
    });
  });

  it('accepts a plan right at the limits', () => {
    const text = toText(makeValidPlan());
    const limits = { maxBytes: bytesOf(text).length, maxArrayLength: 4, maxStringLength: longestText(text) };
    expect(validatePlanText(text, limits).ok).toBe(true);
  });
});

describe('never throws', () => {
  it('handles JSON nested far deeper than any plan', () => {
    const depth = 200_000;
    const deep = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const inPlan = toText(makeValidPlan()).replace('"format"', `"deep": ${deep},\n  "format"`);
    const result = validatePlanText(inPlan);
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([{ path: '$.deep', message: 'Unknown field "deep" is ignored', line: 2, column: 3 }]);
    const broken = validatePlanText(`{"format": "oversight-plan", "formatVersion": 1, "areas": ${'['.repeat(depth)}`);
    expect(onlyError(broken).message).toMatch(/^The file ends before the JSON is complete/);
    expect(isWellFormedResult(validatePlanText('['.repeat(depth)))).toBe(true);
  });

  it('handles a value with a cycle in an unknown field', () => {
    const plan = makeValidPlan();
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    plan.loop = loop;
    const result = validatePlanValue(plan);
    expect(result.ok).toBe(true);
    expect(result.warnings.map((warning) => warning.path)).toEqual(['$.loop']);
  });

  it('handles a value whose getter throws', () => {
    const plan = makeValidPlan();
    Object.defineProperty(plan, 'actions', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const result = validatePlanValue(plan);
    expect(isWellFormedResult(result)).toBe(true);
    expect(result.ok).toBe(false);
  });

  it('handles values JSON cannot hold', () => {
    const plan = makeValidPlan();
    setAt(plan, ['risks', 0, 'impact'], Number.POSITIVE_INFINITY);
    setAt(plan, ['risks', 1, 'impact'], 10n);
    setAt(plan, ['measures', 0, 'baseline', 'asAt'], new Date('2025-06-30'));
    setAt(plan, ['extra'], new Uint8Array(10));
    const result = validatePlanValue(plan);
    expect(isWellFormedResult(result)).toBe(true);
    if (result.ok) throw new Error('accepted');
    expect(result.errors.map((error) => error.message)).toEqual([
      'asAt should be a date in the form YYYY-MM-DD, but is an object',
      'impact should be a whole number from 1 to 5, but is the number Infinity',
      'impact should be a whole number from 1 to 5, but is a bigint',
    ]);
  });

  it.each([undefined, null, 42, 'text', [], {}])('answers validatePlanValue(%j) with a result', (value) => {
    const result = validatePlanValue(value);
    expect(isWellFormedResult(result)).toBe(true);
    expect(result.ok).toBe(false);
  });

  it('answers non-string and non-byte arguments with a result', () => {
    expect(isWellFormedResult(validatePlanText(42 as unknown as string))).toBe(true);
    expect(isWellFormedResult(validatePlanBytes('{}' as unknown as Uint8Array))).toBe(true);
  });
});
