import { formulaLike } from './formula-like';

/**
 * Workbooks keep text as text: exceljs stores a string as a string, never a
 * formula, and the cell holds exactly what the person typed. But a cell
 * reading "=HYPERLINK(…)" becomes a live formula the moment someone edits it
 * and presses Enter. Such a cell gets the Text number format ('@'), under
 * which Excel, LibreOffice and Sheets keep whatever is typed there as text.
 * (Excel's own mark for this, the quotePrefix cell style, is one exceljs
 * 4.4 cannot write; '@' does the same for editing and changes nothing shown.)
 */
const textStyles = new WeakMap<object, object>();

/**
 * The style for a cell holding `value`: `style` itself, or for formula-like
 * text a copy with the Text format. The copy is made once per style object,
 * so cells sharing a column style still share one style (exceljs recognises
 * a style it has seen by identity).
 */
export function textCellStyle<S extends object>(value: unknown, style: S): S {
  if (typeof value !== 'string' || !formulaLike(value)) return style;
  let text = textStyles.get(style);
  if (!text) {
    text = { ...style, numFmt: '@' };
    textStyles.set(style, text);
  }
  return text as S;
}

interface CellLike { value: unknown; style: object }
interface RowLike { eachCell(callback: (cell: CellLike) => void): void }

/** Gives every formula-like text cell of a row the Text format; for rows built cell by cell (titles, notes, a whole sheet). */
export function markFormulaText(row: RowLike): void {
  row.eachCell((cell) => {
    cell.style = textCellStyle(cell.value, cell.style);
  });
}
