/**
 * CSV files of the office's tables (Team, Overview, funnel): cells a spreadsheet cannot run as
 * formulas, CRLF between lines, and a byte-order mark so spreadsheets read the accents.
 */

/**
 * One CSV cell: a cell a spreadsheet would run as a formula (= + - @, or a tab or carriage
 * return first) gets a leading apostrophe; a cell with a comma, quote or line break is quoted,
 * its quotes doubled.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A whole file from its lines of cells (the header row first). */
export function csvFile(lines: readonly (readonly string[])[]): string {
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
