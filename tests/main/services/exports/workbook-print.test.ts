import { describe, expect, it } from 'vitest';
import { printSetup, withFullCalc } from '../../../../src/main/services/exports/workbook-print';

describe('workbook print setup', () => {
  it('fits to one page wide, repeats the header rows and names the report in the footer', () => {
    const { pageSetup, headerFooter } = printSetup('Q3 & Q4 — report', { landscape: true, titleRows: '1:1' });
    expect(pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
    expect(headerFooter.oddFooter).toBe('&LQ3 && Q4 — report&C&A&RPage &P of &N');
    expect(printSetup('x'.repeat(300), { landscape: false }).headerFooter.oddFooter!.length).toBeLessThan(255);
  });

  it('asks for full recalculation on load, once', () => {
    expect(withFullCalc('<workbook><calcPr calcId="171027"/></workbook>')).toBe('<workbook><calcPr calcId="171027" fullCalcOnLoad="1"/></workbook>');
    expect(withFullCalc('<workbook><calcPr fullCalcOnLoad="1"/></workbook>')).toBe('<workbook><calcPr fullCalcOnLoad="1"/></workbook>');
    expect(withFullCalc('<workbook><sheets/></workbook>')).toBe('<workbook><sheets/><calcPr fullCalcOnLoad="1"/></workbook>');
    expect(() => withFullCalc('<workbook')).toThrow(/recalculate/);
  });
});
