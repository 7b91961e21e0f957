/**
 * CSV as spreadsheet programs read it safely: UTF-8 with a byte-order mark (so Excel picks
 * UTF-8), CRLF line ends and every field quoted (RFC 4180). A field starting with `=`, `+`,
 * `-`, `@`, a tab or a carriage return gets a leading `'`, as OWASP advises against formula
 * injection: caller text stays text.
 */
export const CSV_BOM = '\uFEFF';
export const CSV_EOL = '\r\n';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function csvLine(cells: readonly string[]): string {
  return cells.map(csvField).join(',') + CSV_EOL;
}
