import { describe, expect, it } from 'vitest';
import { formulaHazard } from '../../../shared/exports/tracker-formulas';

const where = { sheet: 'Tracker', trackerSheet: 'Tracker', added: { first: 8, last: 11 } }; // H to K

describe('formulaHazard', () => {
  it('passes the council’s ordinary formulas', () => {
    for (const formula of [
      '=LEN(B3)',
      '=SUM(A2:G2)',
      '=LOG10(F2)',
      '=IF(E2="Red","[1] late","ok")',
      '=-2+3',
      '=Summary!K2',
      '=COUNTA(A:G)',
    ])
      expect(formulaHazard(formula, where), formula).toBeUndefined();
  });

  it('names what reaches outside, reads another workbook, or reads the board’s columns', () => {
    const cases: Array<[string, RegExp]> = [
      ['=WEBSERVICE("http://x.example")', /WEBSERVICE/],
      ['=importxml("http://x", "//a")', /IMPORTXML/],
      ['=HYPERLINK("http://x","click")', /HYPERLINK/],
      ["=cmd|' /C calc'!A0", /DDE/],
      ['=[1]Sheet1!A1', /another workbook/],
      ["='C:\\x\\[Book.xlsx]S'!A1", /another workbook/],
      ['=H2', /added columns/],
      ['=$K$9', /added columns/],
      ['=SUM(A2:Z2)', /added columns/],
      ['=SUM(I:I)', /added columns/],
      ['=SUM(2:2)', /whole rows/],
      ["='Tracker'!J4", /added columns/],
      ['=INDIRECT("H"&ROW())', /INDIRECT/],
      ['=OFFSET(A1,0,9)', /OFFSET/],
    ];
    for (const [formula, reason] of cases) expect(formulaHazard(formula, where), formula).toMatch(reason);
    // On another sheet, an unqualified reference is that sheet's own cell.
    expect(formulaHazard('=H2', { ...where, sheet: 'Summary' })).toBeUndefined();
    expect(formulaHazard('=Tracker!H2', { ...where, sheet: 'Summary' })).toMatch(/added columns/);
  });
});
