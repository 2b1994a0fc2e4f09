/** Output formats of the listing commands. */
export const OUTPUT_FORMATS = ['table', 'csv', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export type Cell = string | number | null;

/** UTF-8 byte-order mark: lets spreadsheet programs (Excel) recognise Vietnamese text. */
export const BOM = '\uFEFF';

function csvField(value: Cell): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV: a header row, CRLF line ends, fields quoted when needed; with a UTF-8 BOM. */
export function toCsv(columns: readonly string[], rows: readonly Cell[][]): string {
  const lines = [columns, ...rows].map((row) => row.map(csvField).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** Width of text on a terminal: one column per character, none for combining marks. */
export function displayWidth(text: string): number {
  return [...text.normalize('NFC')].filter((ch) => !/\p{M}/u.test(ch)).length;
}

/** A plain-text table with a header and a rule under it, columns padded to their widest cell. */
export function toTable(columns: readonly string[], rows: readonly Cell[][]): string {
  const cells = rows.map((row) => row.map((v) => (v === null ? '' : String(v))));
  const widths = columns.map((c, i) =>
    Math.max(displayWidth(c), ...cells.map((row) => displayWidth(row[i] ?? ''))),
  );
  const line = (row: readonly string[]) =>
    row
      .map((v, i) => (i === row.length - 1 ? v : v + ' '.repeat(widths[i]! - displayWidth(v))))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(columns), rule, ...cells.map(line)].join('\n') + '\n';
}

export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
