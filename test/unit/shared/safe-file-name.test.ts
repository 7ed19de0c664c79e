import { describe, expect, it } from 'vitest';
import { isReservedWindowsName, safeFileName } from '../../../shared/files/safe-file-name';

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

  it('refuses every Windows device name, however it is dressed', () => {
    const devices = ['CON', 'PRN', 'AUX', 'NUL', 'CONIN$', 'CONOUT$', 'CLOCK$'];
    for (let digit = 0; digit <= 9; digit += 1) devices.push(`COM${digit}`, `LPT${digit}`);
    devices.push('COM¹', 'COM²', 'COM³', 'LPT¹', 'LPT²', 'LPT³');
    for (const device of devices) {
      for (const name of [
        device,
        device.toLowerCase(),
        `${device}.docx`,
        `${device} .docx`,
        `${device}.tar.gz`,
        `${device}. .`,
        `${device}  `,
      ]) {
        const safe = safeFileName(name);
        expect(safe.startsWith('Oversight export '), name).toBe(true);
        expect(isReservedWindowsName(safe), name).toBe(false);
      }
    }
    // Names that only begin like a device are ordinary names.
    expect(safeFileName('Console notes.docx')).toBe('Console notes.docx');
    expect(safeFileName('COM10.docx')).toBe('COM10.docx');
    expect(safeFileName('nullity.csv')).toBe('nullity.csv');
  });

  it('strips bidi overrides and other invisible format characters', () => {
    expect(safeFileName('a\u202Excod.exe')).toBe('axcod.exe');
    expect(safeFileName('minutes\u2066\u2067\u2068\u2069\u202A\u202B\u202C\u202D\u200E\u200F\u061C.docx')).toBe('minutes.docx');
    expect(safeFileName('zero\u200Bwidth\u200C\u200D\uFEFF\u00ADname.pdf')).toBe('zerowidthname.pdf');
    expect(safeFileName('lone \uD800 half.csv')).toBe('lone half.csv');
    for (const name of [safeFileName('\u202Eabc'), safeFileName('\u2028line\u2029break')])
      expect(name).not.toMatch(/[\p{Cf}\u2028\u2029]/u);
  });

  it('shortens long names but keeps the extension', () => {
    const name = safeFileName(`${'Minutes '.repeat(40)}.annotations.json`);
    expect(name.length).toBeLessThanOrEqual(150);
    expect(name.endsWith('.json')).toBe(true);
    const emoji = safeFileName(`${'😀'.repeat(100)}.csv`);
    expect(emoji.length).toBeLessThanOrEqual(150);
    expect(emoji).not.toMatch(/\p{Cs}/u);
  });
});
