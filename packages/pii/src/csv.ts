import { parse } from 'csv-parse/sync';
import { PiiError, type PiiErrorLocation } from './errors.js';

export interface CsvCell {
  readonly text: string;
  /** True when the field was enclosed in double quotes. */
  readonly quoted: boolean;
}

/**
 * Parses CSV text (RFC 4180, through `csv-parse`): comma-separated fields, optional double quotes,
 * LF or CRLF line ends, optional UTF-8 byte-order mark; blank lines skipped; unquoted fields
 * trimmed. Returns the rows of cells, header included; malformed text is a `CSV_SYNTAX` error
 * with its line.
 */
export function parseCsv(text: string): CsvCell[][] {
  try {
    const rows: unknown = parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      cast: (value, context): CsvCell =>
        context.quoting ? { text: value, quoted: true } : { text: value.trim(), quoted: false },
    });
    return rows as CsvCell[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new PiiError(
      'CSV_SYNTAX',
      `CSV${line === undefined ? '' : ` line ${line}`}: ${(error as Error).message}`,
      line === undefined ? {} : { row: line },
    );
  }
}

/** `NA` (unquoted) and empty fields are missing; everything else is kept as text. */
export function cellValue(cell: CsvCell | undefined): string | null {
  if (cell === undefined) return null;
  if (cell.text === '') return null;
  if (!cell.quoted && cell.text === 'NA') return null;
  return cell.text;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Parses a decimal number (no hexadecimal, no `Infinity`); `undefined` when not a number. */
export function parseNumber(text: string): number | undefined {
  const t = text.trim();
  return NUMBER.test(t) ? Number(t) : undefined;
}

/** The number in a cell; NON_NUMERIC_VALUE naming `place` (e.g. `iMeta row 3, column Weight`). */
export function cellNumberAt(text: string, place: string, location: PiiErrorLocation): number {
  const x = parseNumber(text);
  if (x === undefined) {
    throw new PiiError('NON_NUMERIC_VALUE', `${place}: '${text}' is not a number`, location);
  }
  return x;
}
