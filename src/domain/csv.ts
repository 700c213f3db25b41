import Papa from 'papaparse';
import type { ExportTable } from './export-rows';

/**
 * RFC 4180 CSV that spreadsheets open cleanly: UTF-8 with a byte-order mark (so Excel reads
 * accents), CRLF line ends, quotes where a cell needs them, and cells that start with = + - @
 * tab or CR prefixed with ' so a spreadsheet never runs an attendee's text as a formula.
 * Papa Parse does the quoting; we only choose its options.
 */
/**
 * What a spreadsheet may read as a formula: the first character alone. Papa Parse's own pattern
 * for `escapeFormulae: true` (/^[=+\-@\t\r].*$/) misses a cell with a line break after the formula.
 */
const formulaStart = /^[=+\-@\t\r]/;

export function toCsv({ columns, rows }: ExportTable): string {
  const body = Papa.unparse(
    { fields: [...columns], data: rows.map((row) => columns.map((c) => row[c] ?? '')) },
    { newline: '\r\n', escapeFormulae: formulaStart, quotes: false },
  );
  return `\uFEFF${body.replace(/\r\n$/, '')}\r\n`;
}
