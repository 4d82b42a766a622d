import { stringify } from 'csv-stringify/sync';

/**
 * A table as CSV for Excel, one way for every export: UTF-8 with a BOM (or Excel guesses GBK),
 * CRLF, the header row first, and cells that a spreadsheet would run as a formula (`=`, `+`, `-`,
 * `@`, and the full-width `＝＋－＠` Chinese input methods type) prefixed with `'`.
 */
export function excelCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return stringify([[...header], ...rows.map((r) => [...r])], {
    bom: true,
    escape_formulas: true,
    // Every text cell in quotes: a spreadsheet then never reads a line break in one as a new row.
    quoted_string: true,
    record_delimiter: 'windows',
  });
}
