// Writing CSV that spreadsheet programs cannot turn into formulas (CSV injection, OWASP), for
// exports and report files alike: a cell that starts with = + - @ tab or carriage return gets a
// leading apostrophe - unless it is a plain number (-3, -2,5), which a spreadsheet reads as a
// value anyway - and every cell with a delimiter, quote, line break or outer space is quoted
// (RFC 4180). Pure.

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+([.,]\d+)?$/;

export function csvCell(value: string, delimiter = ';'): string {
  const safe = FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  if (safe.includes(delimiter) || /["\r\n]/.test(safe) || safe !== safe.trim()) return `"${safe.replace(/"/g, '""')}"`;
  return safe;
}

/** One line: cells joined by the delimiter, ended with CRLF (WBS, GWS4all and Excel run on Windows). */
export function csvLine(cells: string[], delimiter = ';'): string {
  return cells.map((c) => csvCell(c, delimiter)).join(delimiter) + '\r\n';
}
