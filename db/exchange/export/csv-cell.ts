// Writing CSV that spreadsheet programs cannot turn into formulas (CSV injection, OWASP):
// a cell that starts with = + - @ tab or carriage return gets a leading apostrophe, and every
// cell with a delimiter, quote or line break is quoted (RFC 4180). Lines end with CRLF because
// the receiving systems (WBS, GWS4all) and Excel run on Windows.

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string, delimiter: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  if (safe.includes(delimiter) || /["\r\n]/.test(safe) || safe !== safe.trim()) return `"${safe.replace(/"/g, '""')}"`;
  return safe;
}

export function csvLine(cells: string[], delimiter: string): string {
  return cells.map((c) => csvCell(c, delimiter)).join(delimiter) + '\r\n';
}
