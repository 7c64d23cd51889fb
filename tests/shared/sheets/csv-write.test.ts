import { describe, expect, it } from 'vitest';
import { csvCell, csvText } from '../../../src/shared/sheets/csv-write';
import { textCellStyle, markFormulaText } from '../../../src/shared/sheets/text-cell-style';

describe('the CSV writer', () => {
  it('puts a quote before text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell("+cmd|' /C calc'!A0")).toBe("'+cmd|' /C calc'!A0");
    expect(csvCell('@SUM(1)')).toBe("'@SUM(1)");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('\t=1+1')).toBe("'\t=1+1");
    expect(csvCell('\r=1+1')).toBe(`"'\r=1+1"`);
    expect(csvCell('- a list item')).toBe("'- a list item");
  });

  it('leaves numbers, booleans, figures and ordinary text as they are', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(0.125)).toBe('0.125');
    expect(csvCell(true)).toBe('TRUE');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    // Figures formatted as text read as those numbers in every spreadsheet.
    expect(csvCell('-12.5%')).toBe('-12.5%');
    expect(csvCell('-3.0')).toBe('-3.0');
    expect(csvCell('Zoë = happy')).toBe('Zoë = happy');
    expect(csvCell('zoe@example.com')).toBe('zoe@example.com');
  });

  it('quotes per RFC 4180, and a semicolon for Excel in European locales', () => {
    expect(csvCell('Line\nbreak, comma')).toBe('"Line\nbreak, comma"');
    expect(csvCell('Zoë "Z"')).toBe('"Zoë ""Z"""');
    expect(csvCell('a;b')).toBe('"a;b"');
  });

  it('keeps phone numbers as they are only for files an importer reads', () => {
    expect(csvCell('+44 20 7946 0958')).toBe("'+44 20 7946 0958");
    expect(csvCell('+44 20 7946 0958', { keepPhoneNumbers: true })).toBe('+44 20 7946 0958');
    expect(csvCell('+1 (555) 123-4567', { keepPhoneNumbers: true })).toBe('+1 (555) 123-4567');
    // Not a phone number: anything that could call, refer or start a program keeps its quote.
    expect(csvCell("+cmd|' /C calc'!A0", { keepPhoneNumbers: true })).toBe("'+cmd|' /C calc'!A0");
    expect(csvCell('+1+A1', { keepPhoneNumbers: true })).toBe("'+1+A1");
    expect(csvCell('=1', { keepPhoneNumbers: true })).toBe("'=1");
  });

  it('writes CRLF lines under the headers, pads short rows, refuses a row longer than the headers', () => {
    expect(csvText(['Name', 'Bio'], [['Zoë', '=1+1'], ['Ana']])).toBe("Name,Bio\r\nZoë,'=1+1\r\nAna,\r\n");
    expect(csvText(['Name'], [], { byteOrderMark: true })).toBe('\uFEFFName\r\n');
    expect(() => csvText(['Name'], [['Zoë', 'extra']])).toThrow('CSV row 1 has 2 values for 1 columns');
  });
});

describe('text cells in workbooks', () => {
  it('gives formula-like text the Text format, one shared style per base style, and leaves the rest alone', () => {
    const column = { numFmt: '#,##0', font: { bold: true } };
    expect(textCellStyle('Zoë', column)).toBe(column);
    expect(textCellStyle(-5, column)).toBe(column);
    const marked = textCellStyle('=1+1', column);
    expect(marked).toEqual({ numFmt: '@', font: { bold: true } });
    expect(textCellStyle('@SUM(1)', column)).toBe(marked);
    expect(column.numFmt).toBe('#,##0');
  });

  it('marks the cells of a row by their values', () => {
    const cells = [{ value: '=HYPERLINK("x")' as unknown, style: {} }, { value: 'Zoë' as unknown, style: {} }, { value: { formula: 'SUM(A1)' } as unknown, style: {} }];
    markFormulaText({ eachCell: (callback) => cells.forEach(callback) });
    expect(cells.map((c) => (c.style as { numFmt?: string }).numFmt)).toEqual(['@', undefined, undefined]);
  });
});
