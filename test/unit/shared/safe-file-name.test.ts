import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../../shared/files/safe-file-name';

describe('safeFileName', () => {
  it('keeps a readable name and removes what Windows, macOS or Linux forbid', () => {
    expect(safeFileName('SEND Oversight Board 12/03/2026: minutes?.docx')).toBe('SEND Oversight Board 12-03-2026- minutes-.docx');
    expect(safeFileName('a\u0000b\u001fc\\d|e*f"g<h>i.csv')).toBe('abc-d-e-f-g-h-i.csv');
    expect(safeFileName('  ..hidden name. ')).toBe('hidden name');
  });

  it('never returns a path, an empty name or a reserved device name', () => {
    expect(safeFileName('../../etc/passwd')).toBe('etc-passwd');
    expect(safeFileName('')).toBe('Oversight export');
    expect(safeFileName('...')).toBe('Oversight export');
    expect(safeFileName('CON')).toBe('Oversight export CON');
    expect(safeFileName('lpt1.txt')).toBe('Oversight export lpt1.txt');
  });

  it('shortens long names but keeps the extension', () => {
    const name = safeFileName(`${'Minutes '.repeat(40)}.annotations.json`);
    expect(name.length).toBeLessThanOrEqual(150);
    expect(name.endsWith('.json')).toBe(true);
  });
});
