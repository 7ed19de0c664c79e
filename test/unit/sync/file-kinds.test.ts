import { describe, expect, it } from 'vitest';
import { classifyFileName, isIgnoredName } from '../../../shared/files/file-kinds';

describe('classifyFileName', () => {
  it.each([
    ['send-wsoa.plan.json', 'plan'],
    ['SEND-WSOA.PLAN.JSON', 'plan'],
    ['tracker.csv', 'tracker-csv'],
    ['Tracker March.CSV', 'tracker-csv'],
    ['tracker.xlsx', 'tracker-xlsx'],
    ['Tracker.XLSX', 'tracker-xlsx'],
    ['board.annotations.json', 'annotations'],
    ['meeting.pack.json', 'pack'],
    ['meeting pack.ZIP', 'pack'],
  ] as const)('classifies %s as %s', (name, kind) => {
    expect(classifyFileName(name)).toBe(kind);
  });

  it.each(['notes.txt', 'plan.json', 'data.json', 'tracker.xls', 'tracker.xlsm', 'report.pdf', 'plan.json.bak', '', '.csv', '.plan.json'])(
    'does not classify %j',
    (name) => {
      expect(classifyFileName(name)).toBeNull();
    },
  );

  it('classifies by the last path segment whichever separator is used', () => {
    expect(classifyFileName('C:\\Users\\clerk\\Documents\\a.plan.json')).toBe('plan');
    expect(classifyFileName('/home/clerk/folder.csv/notes.txt')).toBeNull();
  });
});

describe('isIgnoredName', () => {
  it.each([
    '~$Tracker.xlsx',
    'plan.json.tmp',
    'x.TMP',
    'x.temp',
    'download.plan.json.part',
    'tracker.xlsx.crdownload',
    'tracker.xlsx.download',
    'x.partial',
    '.plan.json.swp',
    'x.swp',
    '.DS_Store',
    '.~lock.Tracker.xlsx#',
    '.hidden.plan.json',
    'Thumbs.db',
    'thumbs.DB',
    'desktop.ini',
    'Desktop.ini',
    '',
  ])('ignores %j', (name) => {
    expect(isIgnoredName(name)).toBe(true);
  });

  it.each(['send.plan.json', 'Tracker.xlsx', 'tracker.csv', 'pack.zip', 'a~$b.xlsx', 'temp.plan.json', 'tmp-tracker.csv'])(
    'keeps %j',
    (name) => {
      expect(isIgnoredName(name)).toBe(false);
    },
  );
});
