import { CsvError, parse } from 'csv-parse/sync';
import { AppError } from '../../http/errors.js';
import {
  IMPORT_COLUMNS,
  MAX_IMPORT_VALUES,
  MAX_LISTED_ISSUES,
  REQUIRED_COLUMNS,
  type ImportColumn,
  type ImportFormat,
  type ImportIssue,
} from './import.schemas.js';

/**
 * Reading a bulk import file: UTF-8 text (with or without a byte-order mark), CSV with a header
 * row (comma or semicolon separated) or JSON (an array of records, or `{ "values": [...] }`).
 * Problems with the file as a whole are a 400; problems with a record are listed with the
 * record's number (and its line in a CSV file) and checked with the others.
 */

/** One record as read: key fields as trimmed text, the value as written. */
export interface RawRecord {
  /** 1 = the first record after the header. */
  record: number;
  /** Line of a CSV file where the record starts; null for JSON. */
  line: number | null;
  indicator: string;
  option: string;
  unit: string;
  period: string;
  /** Text as written (CSV, JSON string), a JSON number or boolean, or null (JSON null). */
  value: string | number | boolean | null;
  comment: string;
}

/** Errors or warnings in record order: all counted, the first ones listed. */
export class IssueList {
  count = 0;
  readonly items: ImportIssue[] = [];

  add(item: ImportIssue): void {
    this.count++;
    if (this.items.length < MAX_LISTED_ISSUES) this.items.push(item);
  }

  /** Both lists in record order (issues of the file as a whole first). */
  static merge(a: IssueList, b: IssueList): IssueList {
    const merged = new IssueList();
    merged.count = a.count + b.count;
    const order = (i: ImportIssue) => i.record ?? 0;
    merged.items.push(
      ...[...a.items, ...b.items].sort((x, y) => order(x) - order(y)).slice(0, MAX_LISTED_ISSUES),
    );
    return merged;
  }

  toJSON(): { count: number; items: ImportIssue[] } {
    return { count: this.count, items: this.items };
  }
}

/**
 * A file being read: its records come batch by batch, so that a bulk import writes the first ones
 * while it reads the next. `issues`, `warnings` and `total` are complete once every batch has
 * been read, and `checkTotal()` then makes the checks of the file as a whole.
 */
export interface RecordStream {
  format: ImportFormat;
  /** One pass only. */
  batches: Iterable<RawRecord[]>;
  issues: IssueList;
  warnings: IssueList;
  total: number;
}

/** A problem with the whole file: 400, with a stable reason. */
export function fileError(reason: string, message: string, line: number | null = null): AppError {
  return new AppError('VALIDATION_ERROR', message, { reason, ...(line ? { line } : {}) });
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The file's text: UTF-8 only, so that a file saved in another code page is refused, not garbled. */
export function decodeText(content: Uint8Array): string {
  let text: string;
  try {
    text = decoder.decode(content);
  } catch {
    throw fileError(
      'NOT_UTF8',
      'Tệp không phải văn bản UTF-8. Trong Excel, chọn Lưu thành "CSV UTF-8 (phân tách bằng dấu phẩy)".',
    );
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The format from the file's name, else from its first character (`[` or `{`: JSON). */
export function detectFormat(content: Uint8Array, fileName: string | null): ImportFormat {
  const extension = fileName?.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  if (extension === 'json') return 'json';
  if (extension === 'csv' || extension === 'txt') return 'csv';
  for (let i = 0; i < content.length && i < 4096; i++) {
    const b = content[i]!;
    // Byte-order mark and white space.
    if (
      b === 0xef ||
      b === 0xbb ||
      b === 0xbf ||
      b === 0x20 ||
      b === 0x09 ||
      b === 0x0a ||
      b === 0x0d
    )
      continue;
    return b === 0x5b || b === 0x7b ? 'json' : 'csv';
  }
  return 'csv';
}

/**
 * Opens a file: problems of the file as a whole found at once (encoding, syntax of a JSON file,
 * header of a CSV file) are thrown here, those found while reading (syntax of a later CSV line,
 * no record, too many) by the batches or `checkTotal()`.
 */
export function readImportFile(content: Uint8Array, format: ImportFormat): RecordStream {
  const text = decodeText(content);
  if (text.trim() === '') throw fileError('EMPTY_FILE', 'Tệp không có dữ liệu.');
  return format === 'csv' ? readCsv(text) : readJson(text);
}

/** Once every batch has been read: a file without records, or with too many, is refused. */
export function checkTotal(parsed: RecordStream): void {
  const format = parsed.format;
  if (parsed.total === 0) {
    throw fileError(
      'EMPTY_FILE',
      format === 'csv'
        ? 'Tệp chỉ có dòng tiêu đề, không có giá trị nào.'
        : 'Tệp không có bản ghi nào.',
    );
  }
  if (parsed.total > MAX_IMPORT_VALUES) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `Tệp có ${parsed.total.toLocaleString('vi-VN')} giá trị, vượt quá ${MAX_IMPORT_VALUES.toLocaleString('vi-VN')} giá trị mỗi lần nhập. Hãy chia tệp, ví dụ theo năm.`,
      { reason: 'TOO_MANY_VALUES' },
    );
  }
}

const COLUMN_LIST = IMPORT_COLUMNS.join(', ');

function issue(
  record: number | null,
  line: number | null,
  field: ImportColumn | null,
  code: string,
  message: string,
): ImportIssue {
  return { record, line, field, code, message };
}

/* ───── CSV ───── */

const count = (text: string, ch: string) => text.split(ch).length - 1;

/** Line ends inside a field (a quoted field may span lines). */
const lineBreaks = (field: string) =>
  field.includes('\n') || field.includes('\r') ? (field.match(/\r\n|\n|\r/g) ?? []).length : 0;

function csvMessage(error: CsvError): string {
  const line = (error as CsvError & { lines?: number }).lines;
  const at = line ? ` ở dòng ${line}` : '';
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return `Tệp CSV có dấu ngoặc kép mở mà không đóng${at}.`;
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
    case 'INVALID_OPENING_QUOTE':
      return `Tệp CSV có dấu ngoặc kép đặt sai chỗ${at}: một ô có dấu ngoặc kép phải được bao trong ngoặc kép, mỗi dấu ngoặc kép bên trong ghi thành "".`;
    default:
      return `Tệp CSV sai cú pháp${at} (${error.code}).`;
  }
}

/** Characters of a CSV file parsed at a time. */
const CSV_SLICE = 32 * 1024;

/**
 * Where the slice of `text` that starts at `from` should end: at the first line end at or after
 * `target` that is outside quotes (an even number of quotes since `from`, as RFC 4180 doubles a
 * quote inside a quoted field), so that no record is cut in two.
 */
function sliceEnd(text: string, from: number, target: number): number {
  if (target >= text.length) return text.length;
  let quotes = 0;
  const countQuotes = (a: number, b: number) => {
    for (let q = text.indexOf('"', a); q !== -1 && q < b; q = text.indexOf('"', q + 1)) quotes++;
  };
  countQuotes(from, target);
  for (let at = target; at < text.length;) {
    const end = text.indexOf('\n', at);
    if (end === -1) return text.length;
    countQuotes(at, end);
    if (quotes % 2 === 0) return end + 1;
    at = end + 1;
  }
  return text.length;
}

/** The rows of one slice; `firstLine` is the file's line where the slice starts. */
function parseSlice(slice: string, delimiter: string, firstLine: number): string[][] {
  try {
    return parse(slice, { delimiter, relax_column_count: true }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) {
      const lines = (error as { lines?: number }).lines;
      const line = lines ? firstLine + lines - 1 : null;
      if (line) (error as { lines?: number }).lines = line;
      throw fileError('BAD_CSV', csvMessage(error), line);
    }
    throw error;
  }
}

function readCsv(text: string): RecordStream {
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  const delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
  const headerEnd = sliceEnd(text, 0, 0);
  const headerRow = parseSlice(text.slice(0, headerEnd), delimiter, 1)[0] ?? [''];
  const header = headerRow.map((h) => h.trim().toLowerCase());
  const index = new Map<string, number>();
  for (const [i, name] of header.entries()) {
    if (name === '') continue;
    if (index.has(name)) {
      throw fileError('DUPLICATE_COLUMN', `Cột "${name}" xuất hiện hai lần trong dòng tiêu đề.`, 1);
    }
    index.set(name, i);
  }
  const missing = REQUIRED_COLUMNS.filter((c) => !index.has(c));
  if (missing.length > 0) {
    throw fileError(
      'MISSING_COLUMNS',
      `Dòng tiêu đề thiếu cột ${missing.join(', ')}. Dòng đầu tiên của tệp phải là tên các cột: ${COLUMN_LIST} (phân cách bằng dấu phẩy hoặc dấu chấm phẩy).`,
      1,
    );
  }
  const warnings = new IssueList();
  const extra = header.filter(
    (h) => h !== '' && !(IMPORT_COLUMNS as readonly string[]).includes(h),
  );
  if (extra.length > 0) {
    warnings.add(
      issue(
        null,
        1,
        null,
        'EXTRA_COLUMNS',
        `Đã bỏ qua các cột không dùng đến: ${extra.join(', ')}.`,
      ),
    );
  }
  const at = (name: ImportColumn) => index.get(name) ?? -1;
  const [iIndicator, iOption, iUnit, iPeriod, iValue, iComment] = IMPORT_COLUMNS.map(at) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const multiLine = text.includes('"');
  const stream: RecordStream = {
    format: 'csv',
    batches: csvBatches(),
    issues: new IssueList(),
    warnings,
    total: 0,
  };
  return stream;

  function* csvBatches(): Generator<RawRecord[]> {
    const { issues } = stream;
    let line = 1 + (multiLine ? headerRow.reduce((n, f) => n + lineBreaks(f), 0) : 0) + 1;
    let blank = 0;
    for (let from = headerEnd; from < text.length;) {
      const to = sliceEnd(text, from, from + CSV_SLICE);
      const rows = parseSlice(text.slice(from, to), delimiter, line);
      from = to;
      const records: RawRecord[] = [];
      for (const row of rows) {
        const start = line;
        line += 1 + (multiLine ? row.reduce((n, f) => n + lineBreaks(f), 0) : 0);
        if (row.every((f) => f.trim() === '')) {
          blank++;
          continue;
        }
        const total = ++stream.total;
        if (row.length !== header.length) {
          issues.add(
            issue(
              total,
              start,
              null,
              'FIELD_COUNT',
              row.length > header.length
                ? `Dòng có ${row.length} ô, nhiều hơn ${header.length} cột của dòng tiêu đề. Số thập phân viết bằng dấu phẩy phải đặt trong ngoặc kép ("1,5"), hoặc dùng tệp phân cách bằng dấu chấm phẩy.`
                : `Dòng có ${row.length} ô, ít hơn ${header.length} cột của dòng tiêu đề.`,
            ),
          );
          continue;
        }
        records.push({
          record: total,
          line: start,
          indicator: row[iIndicator]!.trim(),
          option: iOption < 0 ? '' : row[iOption]!.trim(),
          unit: row[iUnit]!.trim(),
          period: row[iPeriod]!.trim(),
          value: row[iValue]!,
          comment: iComment < 0 ? '' : row[iComment]!.trim(),
        });
      }
      yield records;
    }
    if (blank > 0) {
      warnings.add(issue(null, null, null, 'BLANK_RECORDS', `Đã bỏ qua ${blank} dòng trống.`));
    }
  }
}

/* ───── JSON ───── */

function jsonSyntaxError(text: string, error: SyntaxError): AppError {
  const position = Number(error.message.match(/position (\d+)/)?.[1]);
  if (!Number.isFinite(position)) {
    return fileError('BAD_JSON', 'Tệp JSON sai cú pháp.');
  }
  const line = count(text.slice(0, position), '\n') + 1;
  return fileError(
    'BAD_JSON',
    `Tệp JSON sai cú pháp ở dòng ${line} (ký tự thứ ${position + 1}).`,
    line,
  );
}

const KEY_FIELDS = ['indicator', 'option', 'unit', 'period', 'comment'] as const;
/** Records per batch of a JSON file (parsed at once: JSON has no line to cut at). */
const JSON_BATCH = 1_000;

function readJson(text: string): RecordStream {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    if (error instanceof SyntaxError) throw jsonSyntaxError(text, error);
    throw error;
  }
  const list = Array.isArray(data)
    ? data
    : typeof data === 'object' &&
        data !== null &&
        Array.isArray((data as { values?: unknown }).values)
      ? (data as { values: unknown[] }).values
      : null;
  if (!list) {
    throw fileError(
      'BAD_JSON_SHAPE',
      `Tệp JSON phải là một mảng bản ghi, hoặc một đối tượng {"values": [...]}; mỗi bản ghi có các trường ${COLUMN_LIST}.`,
    );
  }
  const records: RawRecord[] = [];
  const issues = new IssueList();
  const unknownFields = new Set<string>();
  for (const [i, item] of list.entries()) {
    const n = i + 1;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      issues.add(issue(n, null, null, 'BAD_FIELD', 'Bản ghi phải là một đối tượng JSON.'));
      continue;
    }
    const o = item as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      if (!(IMPORT_COLUMNS as readonly string[]).includes(k)) unknownFields.add(k);
    }
    const fields: Partial<Record<(typeof KEY_FIELDS)[number], string>> = {};
    let readable = true;
    for (const f of KEY_FIELDS) {
      const v = o[f];
      if (v === undefined || v === null) fields[f] = '';
      else if (typeof v === 'string') fields[f] = v.trim();
      else if (typeof v === 'number' && f !== 'comment') fields[f] = String(v);
      else {
        issues.add(issue(n, null, f, 'BAD_FIELD', `Trường ${f} phải là một chuỗi.`));
        readable = false;
      }
    }
    const value = o.value;
    if (value === undefined) {
      issues.add(
        issue(n, null, 'value', 'MISSING_FIELD', 'Thiếu trường value (ghi null nếu ô để trống).'),
      );
      readable = false;
    } else if (
      value !== null &&
      typeof value !== 'string' &&
      typeof value !== 'number' &&
      typeof value !== 'boolean'
    ) {
      issues.add(
        issue(
          n,
          null,
          'value',
          'BAD_FIELD',
          'Trường value phải là số, chuỗi, true/false hoặc null.',
        ),
      );
      readable = false;
    }
    if (!readable) continue;
    records.push({
      record: n,
      line: null,
      indicator: fields.indicator!,
      option: fields.option!,
      unit: fields.unit!,
      period: fields.period!,
      value: value as RawRecord['value'],
      comment: fields.comment!,
    });
  }
  const warnings = new IssueList();
  if (unknownFields.size > 0) {
    warnings.add(
      issue(
        null,
        null,
        null,
        'EXTRA_COLUMNS',
        `Đã bỏ qua các trường không dùng đến: ${[...unknownFields].slice(0, 20).join(', ')}.`,
      ),
    );
  }
  const batches = function* () {
    for (let i = 0; i < records.length; i += JSON_BATCH) yield records.slice(i, i + JSON_BATCH);
  };
  return {
    format: 'json',
    batches: batches(),
    issues,
    warnings,
    total: list.length,
  };
}
