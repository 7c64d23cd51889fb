/**
 * Text a spreadsheet would run as a formula. Excel, LibreOffice and Google
 * Sheets read a cell typed or opened from CSV that starts with =, +, - or @ as
 * a formula, and a leading tab or carriage return can hide one of those from a
 * filter while the app still reads it (OWASP "CSV Injection"). A creator's bio
 * like `=HYPERLINK("http://x","click")` or `+cmd|' /C calc'!A0` must reach the
 * person who opens the file as the text it is.
 */
export function formulaLike(text: string): boolean {
  // By character code, not a regular expression: a 100,000-post workbook asks this of every text cell.
  const c = text.charCodeAt(0);
  return c === 61 /* = */ || c === 43 /* + */ || c === 45 /* - */ || c === 64 /* @ */ || c === 9 /* tab */ || c === 13 /* CR */;
}

/**
 * A figure written as text ("-5", "-12.5%", "+3", "1,234.50"): every
 * spreadsheet reads it as that number, never as a formula, and an importer
 * reads it as itself. The sign may only lead, so "-2+3" is not one.
 */
export function plainFigure(text: string): boolean {
  return /^[+-]?\d+(?:[.,]\d+)*%?$/.test(text);
}

/**
 * A phone number written the international way ("+44 20 7946 0958",
 * "+1 (555) 123-4567"): digits, spaces, brackets, dots and dashes after the
 * plus, so nothing in it names a function, a cell or another program.
 */
export function phoneNumber(text: string): boolean {
  return /^\+\d[\d ().-]*$/.test(text);
}
