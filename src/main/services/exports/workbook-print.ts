import type ExcelJS from 'exceljs';

/**
 * What every sheet Fanfare writes carries for printing, and the flag that
 * makes Excel recalculate on open. Shared by the report and the plan
 * workbooks so a CFO's printout looks the same from either.
 */

/** `&` starts a code in a header or footer; a literal one is doubled. Excel allows 255 characters in all. */
function footerText(text: string): string {
  const safe = text.replace(/[\r\n]+/g, ' ').replace(/&/g, '&&');
  return safe.length > 120 ? `${safe.slice(0, 119)}…` : safe;
}

export interface PrintOptions {
  /** Wide sheets print across the page. */
  landscape: boolean;
  /** Rows repeated at the top of every printed page, e.g. '1:1'. */
  titleRows?: string;
}

/** Page setup for a sheet: fitted to one page wide (as many pages tall as it needs), header rows repeated, a footer naming the report, the sheet and the page. */
export function printSetup(reportName: string, options: PrintOptions): { pageSetup: Partial<ExcelJS.PageSetup>; headerFooter: Partial<ExcelJS.HeaderFooter> } {
  return {
    pageSetup: {
      orientation: options.landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: false,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
      ...(options.titleRows ? { printTitlesRow: options.titleRows } : {}),
    },
    headerFooter: { oddFooter: `&L${footerText(reportName)}&C&A&RPage &P of &N` },
  };
}

/**
 * exceljs' streaming writer always writes `<calcPr calcId="…"/>` without
 * `fullCalcOnLoad`, so Excel would trust the cached results forever even
 * after an input changed elsewhere. The flag is added to workbook.xml as it
 * goes into the zip; if exceljs ever stops writing a calcPr element, the
 * writer refuses rather than shipping a file that never recalculates.
 */
export function askFullRecalculation(workbook: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const zip = (workbook as unknown as { zip?: { append(data: unknown, options: { name: string }): unknown } }).zip;
  if (!zip) throw new Error('This version of exceljs has no zip to write into: cannot ask Excel to recalculate on open');
  const append = zip.append.bind(zip);
  zip.append = (data, options) => {
    if (options?.name?.endsWith('xl/workbook.xml') && typeof data === 'string') return append(withFullCalc(data), options);
    return append(data, options);
  };
}

export function withFullCalc(xml: string): string {
  if (/<calcPr\b[^>]*fullCalcOnLoad="(1|true)"/.test(xml)) return xml;
  const out = xml.replace(/<calcPr\b([^>]*?)\s*\/>/, (_m, attrs: string) => `<calcPr${attrs} fullCalcOnLoad="1"/>`);
  if (out !== xml) return out;
  if (xml.includes('</workbook>')) return xml.replace('</workbook>', '<calcPr fullCalcOnLoad="1"/></workbook>');
  throw new Error('The workbook part has no end: cannot ask Excel to recalculate on open');
}
