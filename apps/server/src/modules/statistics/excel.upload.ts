import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { formatDateVi } from '@caunoi/shared';
import { AppError } from '../../http/errors.js';
import {
  COL,
  COMMENT_LETTER,
  GROUP_MARK,
  HEADER_ROW,
  INSTRUCTIONS_SHEET,
  META_SHEET,
  SHEET_KEY_LABELS,
  SHEET_KEYS,
  TEMPLATE_MARK,
  TEMPLATE_VERSION,
  VALUE_LETTER,
} from './excel.template.js';

/**
 * Reading an uploaded template back, without the database: what the workbook says it is, and
 * every row of every data sheet with its codes, its value and its comment as Excel holds them.
 * What a value means for an indicator (a number, a percentage, yes/no) is decided by the service,
 * which knows the indicator's type.
 */

/** A problem or a remark tied to a sheet and, when it has one, a cell. */
export interface Issue {
  sheet: string;
  cell: string | null;
  code: string;
  message: string;
}

/** What a cell holds, as Excel saved it. */
export type CellRead =
  | { kind: 'blank' }
  | {
      kind: 'value';
      value: string | number | boolean | Date;
      /** The cell's number format shows a percentage: Excel stores 40,43% as 0.4043. */
      percent: boolean;
      /** The value is a formula's cached result. */
      formula: boolean;
    }
  | { kind: 'error'; code: 'FORMULA_NOT_CALCULATED' | 'CELL_ERROR'; message: string };

export interface SheetRow {
  row: number;
  indicatorCode: string;
  optionCode: string;
  value: CellRead;
  comment: CellRead;
}

export interface DataSheet {
  name: string;
  unitId: string;
  formId: string;
  periodCode: string;
  /**
   * When the newest value the sheet was filled with had been written: null when there was none,
   * undefined when the sheet does not say.
   */
  valuesAsOf: Date | null | undefined;
  rows: SheetRow[];
}

export interface TemplateMeta {
  version: number;
  formId: string;
  formCode: string;
  periodCode: string;
  generatedAt: Date | null;
}

export interface ReadTemplate {
  meta: TemplateMeta;
  sheets: DataSheet[];
  warnings: Issue[];
}

/** Unpacked size refused before parsing (a 63-province workbook is a few megabytes). */
export const MAX_UNPACKED_BYTES = 150 * 1024 * 1024;

const UNREADABLE =
  'Không đọc được tệp: cần một tệp Excel .xlsx (Excel 2007 trở lên). Nếu tệp ở dạng .xls hoặc .csv, hãy mở bằng Excel và lưu lại dạng .xlsx.';

/**
 * The total unpacked size declared by a zip file's central directory, or null when the buffer
 * is not a zip file. Checked before parsing so that a small file cannot unpack into gigabytes.
 */
export function zipUnpackedSize(buffer: Buffer): number | null {
  const EOCD = 0x06054b50;
  const CENTRAL = 0x02014b50;
  if (buffer.length < 22) return null;
  let eocd = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 22 - 0xffff); i--) {
    if (buffer.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== CENTRAL) return null;
    const size = buffer.readUInt32LE(offset + 24);
    // Zip64 sizes (0xFFFFFFFF) are more than any template needs.
    total += size === 0xffffffff ? Number.POSITIVE_INFINITY : size;
    offset +=
      46 +
      buffer.readUInt16LE(offset + 28) +
      buffer.readUInt16LE(offset + 30) +
      buffer.readUInt16LE(offset + 32);
  }
  return total;
}

/** Parses an .xlsx file; 400 WORKBOOK_UNREADABLE for anything else. */
export async function loadWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const unpacked = zipUnpackedSize(buffer);
  if (unpacked === null) throw new AppError('WORKBOOK_UNREADABLE', UNREADABLE);
  if (unpacked > MAX_UNPACKED_BYTES) {
    throw new AppError(
      'WORKBOOK_UNREADABLE',
      'Tệp quá lớn khi giải nén: mẫu nhập liệu chỉ cần vài megabyte. Hãy tải mẫu mới từ hệ thống và điền lại.',
    );
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new AppError('WORKBOOK_UNREADABLE', UNREADABLE);
  }
  return wb;
}

/** Text of a code or label cell ('' when blank). */
function textOf(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return formatDateVi(value.toISOString());
  if ('richText' in value)
    return value.richText
      .map((t) => t.text)
      .join('')
      .trim();
  if ('hyperlink' in value) return textOf(value.text as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return result === undefined || (typeof result === 'object' && 'error' in result!)
      ? ''
      : textOf(result as ExcelJS.CellValue);
  }
  return '';
}

/** Whether a number format shows a percentage (a `%` outside quoted text and escapes). */
export function isPercentFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  return numFmt
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .includes('%');
}

function plainValue(value: ExcelJS.CellValue, percent: boolean, formula: boolean): CellRead {
  if (value === null || value === undefined) return { kind: 'blank' };
  if (typeof value === 'string') {
    return value.trim() === '' ? { kind: 'blank' } : { kind: 'value', value, percent, formula };
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) {
    return { kind: 'value', value, percent, formula };
  }
  if ('error' in value) {
    return {
      kind: 'error',
      code: 'CELL_ERROR',
      message: `Ô có lỗi ${value.error}: sửa công thức hoặc nhập giá trị trực tiếp.`,
    };
  }
  if ('richText' in value || 'hyperlink' in value) {
    return plainValue(textOf(value), percent, formula);
  }
  return { kind: 'blank' };
}

/**
 * What a cell holds: a formula counts by its cached result (a formula never calculated is an
 * error: the workbook has to be saved by a spreadsheet program first); a merged cell by its
 * master's value.
 */
export function readCell(cell: ExcelJS.Cell): CellRead {
  const source = cell.isMerged && cell.master !== cell ? cell.master : cell;
  const value = source.value;
  const percent = isPercentFormat(source.numFmt);
  if (
    value !== null &&
    typeof value === 'object' &&
    ('formula' in value || 'sharedFormula' in value)
  ) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null) {
      return {
        kind: 'error',
        code: 'FORMULA_NOT_CALCULATED',
        message:
          'Ô có công thức nhưng tệp chưa lưu kết quả: mở tệp bằng Excel, tính lại (F9), lưu rồi tải lên lại.',
      };
    }
    return plainValue(result as ExcelJS.CellValue, percent, true);
  }
  return plainValue(value, percent, false);
}

/** Whether a cell is a formula (whatever its result). */
export function isFormula(cell: ExcelJS.Cell): boolean {
  const v = cell.value;
  return v !== null && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v);
}

const notTemplate = (message: string, details?: unknown) =>
  new AppError('WORKBOOK_NOT_TEMPLATE', message, details);

function readMeta(wb: ExcelJS.Workbook): { meta: TemplateMeta; instructions: string } {
  const sheet = wb.getWorksheet(META_SHEET);
  if (!sheet || textOf(sheet.getCell(1, 1).value) !== TEMPLATE_MARK) {
    throw notTemplate(
      'Tệp không phải mẫu nhập liệu tải từ hệ thống (không có thông tin biểu mẫu). Hãy tải mẫu Excel của biểu và kỳ báo cáo, điền số liệu vào đó rồi tải lên.',
    );
  }
  const version = Number(textOf(sheet.getCell(1, 2).value));
  if (!Number.isInteger(version) || version < 1 || version > TEMPLATE_VERSION) {
    throw notTemplate(
      `Mẫu phiên bản ${textOf(sheet.getCell(1, 2).value) || '?'} không được hệ thống hỗ trợ. Hãy tải mẫu mới.`,
    );
  }
  const fields = new Map<string, string>();
  sheet.eachRow((row) => {
    const key = textOf(row.getCell(1).value);
    if (key && key !== 'sheet') fields.set(key, textOf(row.getCell(2).value));
  });
  const formId = fields.get('formId') ?? '';
  const formCode = fields.get('formCode') ?? '';
  const periodCode = fields.get('periodCode') ?? '';
  if (!formId || !periodCode) {
    throw notTemplate('Thông tin ẩn của mẫu đã bị sửa hoặc xóa. Hãy tải mẫu mới.');
  }
  const generated = new Date(fields.get('generatedAt') ?? '');
  return {
    meta: {
      version,
      formId,
      formCode,
      periodCode,
      generatedAt: Number.isNaN(generated.getTime()) ? null : generated,
    },
    instructions: fields.get('instructions') ?? INSTRUCTIONS_SHEET,
  };
}

/** The unit, form and period a data sheet says it holds, or null for a sheet of another kind. */
function sheetKeys(sheet: ExcelJS.Worksheet) {
  const key = (k: keyof typeof SHEET_KEYS) =>
    textOf(sheet.getCell(SHEET_KEYS[k], COL.code).value) === SHEET_KEY_LABELS[k]
      ? textOf(sheet.getCell(SHEET_KEYS[k], COL.optionCode).value)
      : '';
  const unitId = key('unit');
  if (!unitId) return null;
  const hasAsOf =
    textOf(sheet.getCell(SHEET_KEYS.valuesAsOf, COL.code).value) === SHEET_KEY_LABELS.valuesAsOf;
  const asOf = hasAsOf ? key('valuesAsOf') : '';
  const date = asOf ? new Date(asOf) : null;
  return {
    unitId,
    formId: key('form'),
    periodCode: key('period'),
    valuesAsOf: !hasAsOf || (date && Number.isNaN(date.getTime())) ? undefined : date,
  };
}

function rowHasContent(row: ExcelJS.Row): string | null {
  let found: string | null = null;
  row.eachCell((cell) => {
    if (found === null && textOf(cell.value) !== '') found = cell.address;
  });
  return found;
}

/**
 * The template's metadata and data sheets, with a warning for each extra sheet and each row
 * without codes; 400 WORKBOOK_NOT_TEMPLATE when the workbook is not one of our templates.
 */
export function readTemplate(wb: ExcelJS.Workbook): ReadTemplate {
  const { meta, instructions } = readMeta(wb);
  const sheets: DataSheet[] = [];
  const warnings: Issue[] = [];
  for (const sheet of wb.worksheets) {
    if (sheet.name === META_SHEET || sheet.name === instructions) continue;
    const keys = sheetKeys(sheet);
    if (!keys) {
      warnings.push({
        sheet: sheet.name,
        cell: null,
        code: 'EXTRA_SHEET',
        message: `Trang tính "${sheet.name}" không thuộc mẫu nhập liệu: bị bỏ qua.`,
      });
      continue;
    }
    const rows: SheetRow[] = [];
    // Only the rows the file holds: a stray cell far below costs nothing.
    sheet.eachRow((row, r) => {
      if (r <= HEADER_ROW) return;
      const indicatorCode = textOf(row.getCell(COL.code).value);
      if (indicatorCode === GROUP_MARK) return;
      if (indicatorCode === '') {
        const at = rowHasContent(row);
        if (at) {
          warnings.push({
            sheet: sheet.name,
            cell: at,
            code: 'EXTRA_ROW',
            message: `Dòng ${r} không có mã chỉ tiêu (dòng thêm vào ngoài bảng): bị bỏ qua.`,
          });
        }
        return;
      }
      const valueCell = row.getCell(COL.value);
      const commentCell = row.getCell(COL.comment);
      const value = readCell(valueCell);
      // A comment cell merged into the value cell beside it is part of that cell, not a comment.
      const comment =
        commentCell.isMerged &&
        commentCell.master !== commentCell &&
        Number(commentCell.master.row) === r
          ? ({ kind: 'blank' } as const)
          : readCell(commentCell);
      if (valueCell.isMerged && valueCell.master !== valueCell && value.kind === 'value') {
        warnings.push({
          sheet: sheet.name,
          cell: `${VALUE_LETTER}${r}`,
          code: 'MERGED_CELL',
          message: `Ô ${VALUE_LETTER}${r} nằm trong vùng gộp ô: lấy giá trị của ô ${valueCell.master.address}.`,
        });
      }
      rows.push({
        row: r,
        indicatorCode,
        optionCode: textOf(row.getCell(COL.optionCode).value),
        value,
        comment,
      });
    });
    sheets.push({ name: sheet.name, ...keys, rows });
  }
  if (sheets.length === 0) {
    throw notTemplate(
      'Tệp không còn trang số liệu nào của mẫu (các trang đã bị xóa hoặc thay thế). Hãy tải mẫu mới.',
    );
  }
  return { meta, sheets, warnings };
}

export const valueRef = (row: number) => `${VALUE_LETTER}${row}`;
export const commentRef = (row: number) => `${COMMENT_LETTER}${row}`;

/**
 * Workbooks read recently, by the SHA-256 of their bytes: the commit that follows a preview of
 * the same file does not parse it again (parsing is most of a preview's time). What is kept is
 * what the file says, never what it was checked against, so a commit still checks everything.
 */
const recent = new Map<string, { read: ReadTemplate; at: number }>();
const RECENT_MAX = 16;
const RECENT_MS = 15 * 60 * 1000;
/** Larger files are not kept: the cache is for the workbooks officers send, not for any file. */
const RECENT_MAX_ROWS = 20_000;

/** The template an uploaded file holds (see `readTemplate`), parsed once per content. */
export async function readUpload(file: Buffer, now = Date.now()): Promise<ReadTemplate> {
  const key = createHash('sha256').update(file).digest('hex');
  for (const [k, v] of recent) if (now - v.at > RECENT_MS) recent.delete(k);
  const hit = recent.get(key);
  if (hit) {
    // Most recently used last.
    recent.delete(key);
    recent.set(key, { read: hit.read, at: now });
    return hit.read;
  }
  const read = readTemplate(await loadWorkbook(file));
  if (read.sheets.reduce((n, sheet) => n + sheet.rows.length, 0) > RECENT_MAX_ROWS) return read;
  recent.set(key, { read, at: now });
  while (recent.size > RECENT_MAX) recent.delete(recent.keys().next().value!);
  return read;
}

/** Forgets the workbooks read (the benchmark measures previews of files never seen). */
export function forgetUploads(): void {
  recent.clear();
}
