import { describe, expect, it } from 'vitest';
import { ANNOTATIONS_LIMITS, validateAnnotationsBytes, validateAnnotationsText } from '../../../shared/annotations/file';
import { makeAnnotationsFile } from './fixtures';

const text = (value: unknown) => JSON.stringify(value, null, 2);

describe('.annotations.json validation', () => {
  it('accepts a member’s file with a tombstone', () => {
    const result = validateAnnotationsText(text(makeAnnotationsFile()));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.file.annotations.map((entry) => entry.deleted)).toEqual([false, true]);
  });

  it('accepts a UTF-8 BOM and refuses bytes that are not UTF-8', () => {
    const bytes = new TextEncoder().encode(`\uFEFF${text(makeAnnotationsFile())}`);
    expect(validateAnnotationsBytes(bytes).ok).toBe(true);
    expect(validateAnnotationsBytes(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))).toMatchObject({
      ok: false,
      errors: [{ message: 'The file is not UTF-8 text' }],
    });
  });

  it('locates a truncated file', () => {
    const whole = text(makeAnnotationsFile());
    const result = validateAnnotationsText(whole.slice(0, Math.floor(whole.length / 2)));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]?.path).toBe('$');
      expect(result.errors[0]?.line).toBeGreaterThan(1);
    }
  });

  it('refuses a file from a newer version with a clear message', () => {
    const result = validateAnnotationsText(text({ ...makeAnnotationsFile(), formatVersion: 3 }));
    expect(result).toMatchObject({
      ok: false,
      errors: [{ path: '$.formatVersion', message: expect.stringMatching(/made by a newer version of Oversight/) }],
    });
  });

  it('refuses something that is not an annotations file', () => {
    const result = validateAnnotationsText(text({ format: 'oversight-plan', formatVersion: 1 }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((error) => error.path)).toContain('$.format');
  });

  it('refuses a private annotation in a file, with its location', () => {
    const file = makeAnnotationsFile();
    const first = file.annotations[0];
    if (!first) throw new Error('fixture');
    const result = validateAnnotationsText(text({ ...file, annotations: [{ ...first, visibility: 'private' }] }));
    expect(result).toMatchObject({
      ok: false,
      errors: [
        {
          path: '$.annotations[0].visibility',
          message: expect.stringMatching(/private annotations never leave a laptop/),
          line: expect.any(Number),
        },
      ],
    });
  });

  it('refuses annotations of another member than the file’s author, and duplicate ids', () => {
    const file = makeAnnotationsFile();
    const [first, second] = file.annotations;
    if (!first || !second) throw new Error('fixture');
    const result = validateAnnotationsText(
      text({
        ...file,
        annotations: [
          { ...first, authorId: 'member-b' },
          { ...second, id: first.id },
        ],
      }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((error) => error.path)).toEqual(['$.annotations[0].authorId', '$.annotations[1].id']);
      expect(result.errors[0]?.message).toMatch(/belongs to another member/);
    }
  });

  it('refuses a tombstone that still carries text', () => {
    const file = makeAnnotationsFile();
    const tombstone = file.annotations[1];
    if (!tombstone) throw new Error('fixture');
    const result = validateAnnotationsText(text({ ...file, annotations: [{ ...tombstone, text: 'still here' }] }));
    expect(result).toMatchObject({ ok: false, errors: [{ path: '$.annotations[0].text' }] });
  });

  it('keeps hostile text as plain text: markup and formula-like content are data', () => {
    const file = makeAnnotationsFile();
    const first = file.annotations[0];
    if (!first) throw new Error('fixture');
    const hostile = '<script>alert(1)</script> =HYPERLINK("http://evil","x") @SUM(A1)';
    const result = validateAnnotationsText(text({ ...file, annotations: [{ ...first, text: hostile }] }));
    expect(result.ok && result.file.annotations[0]?.text).toBe(hostile);
  });

  it('refuses oversized files and over-long text before trusting them', () => {
    expect(validateAnnotationsBytes(new Uint8Array(ANNOTATIONS_LIMITS.maxBytes + 1))).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringMatching(/larger than/) }],
    });
    const file = makeAnnotationsFile();
    const first = file.annotations[0];
    if (!first) throw new Error('fixture');
    const result = validateAnnotationsText(
      text({ ...file, annotations: [{ ...first, text: 'x'.repeat(ANNOTATIONS_LIMITS.maxTextLength + 1) }] }),
    );
    expect(result).toMatchObject({ ok: false, errors: [{ path: '$.annotations[0].text' }] });
  });

  it('refuses unknown fields and forged clock stamps', () => {
    const file = makeAnnotationsFile();
    const first = file.annotations[0];
    if (!first) throw new Error('fixture');
    const result = validateAnnotationsText(text({ ...file, annotations: [{ ...first, hlc: 'tomorrow', extra: 1 }] }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((error) => error.path).sort()).toEqual(['$.annotations[0]', '$.annotations[0].hlc']);
  });

  it('never throws on random input', () => {
    for (const sample of ['', 'null', '[]', '{"format":"oversight-annotations"}', '{"a":'.repeat(10_000), '\u0000\u0001']) {
      expect(() => validateAnnotationsText(sample)).not.toThrow();
      expect(validateAnnotationsText(sample).ok).toBe(false);
    }
  });
});
