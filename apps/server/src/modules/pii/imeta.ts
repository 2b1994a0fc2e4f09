import ExcelJS from 'exceljs';
import {
  PII_NODE_TYPES,
  PII_PLACEMENT,
  type PiiNode,
  type PiiNodeType,
  type PiiPlacement,
} from '@caunoi/shared';
import { parseCsv, PiiError } from '@caunoi/pii';

/**
 * A framework as a file: COINr's iMeta columns first (so the JRC COIN Tool and COINr read it),
 * then ours. CSV (UTF-8 with a byte-order mark for Excel) or .xlsx (first sheet, then a sheet
 * explaining the columns).
 */
export const IMETA_COLUMNS = [
  'Level',
  'iCode',
  'iName',
  'Direction',
  'Weight',
  'Parent',
  'Type',
  'Denominator',
  'iName_en',
  'Unit',
  'SourceIndicator',
  'Placement',
] as const;
export type ImetaColumn = (typeof IMETA_COLUMNS)[number];

/** The columns a file must have (COINr's own required columns). */
const REQUIRED: readonly ImetaColumn[] = [
  'Level',
  'iCode',
  'iName',
  'Direction',
  'Weight',
  'Parent',
  'Type',
];

/** Which `PiiNode` field each column holds. */
export const COLUMN_FIELD: Record<ImetaColumn, keyof PiiNode> = {
  Level: 'level',
  iCode: 'code',
  iName: 'nameVi',
  Direction: 'direction',
  Weight: 'weight',
  Parent: 'parent',
  Type: 'type',
  Denominator: 'denominator',
  iName_en: 'nameEn',
  Unit: 'unitVi',
  SourceIndicator: 'sourceIndicator',
  Placement: 'placement',
};

/** A file that cannot become a framework: the row (as numbered in the file) and the column. */
export class ImetaError extends Error {
  constructor(
    readonly code: string,
    /** What is wrong, without the place. */
    readonly reason: string,
    readonly row: number | null,
    readonly column: string | null,
  ) {
    super(
      row === null ? reason : `Dòng ${row}${column === null ? '' : `, cột ${column}`}: ${reason}`,
    );
    this.name = 'ImetaError';
  }
}

/* ───────────── writing ───────────── */

function cellsOf(n: PiiNode): (string | number | null)[] {
  return [
    n.level,
    n.code,
    n.nameVi,
    n.direction,
    n.weight,
    n.parent,
    n.type,
    n.denominator,
    n.nameEn,
    n.unitVi,
    n.sourceIndicator,
    n.placement,
  ];
}

/** One CSV field, quoted when RFC 4180 requires it (and when it would read as missing: `NA`). */
function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : value;
  return /[",\r\n]/.test(text) || text === 'NA' || text !== text.trim()
    ? `"${text.replace(/"/g, '""')}"`
    : text;
}

/** The framework as CSV: UTF-8 with a byte-order mark (so Excel reads Vietnamese), CRLF lines. */
export function imetaCsv(nodes: readonly PiiNode[]): Buffer {
  const lines = [IMETA_COLUMNS.join(','), ...nodes.map((n) => cellsOf(n).map(csvField).join(','))];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

const GUIDE: [ImetaColumn, string][] = [
  [
    'Level',
    'Cấp: 1 = chỉ số, 2 = nhóm chỉ số (trụ cột con), 3 = trụ cột, 4 = chỉ số phụ (đầu vào, đầu ra), 5 = chỉ số tổng hợp. Để trống với dòng mẫu số (Denominator).',
  ],
  [
    'iCode',
    'Mã duy nhất của dòng, ví dụ PII, INPUT, P1, P1.1, P1.1.1. Các cột Parent và Denominator tham chiếu tới mã này.',
  ],
  ['iName', 'Tên tiếng Việt.'],
  [
    'Direction',
    'Chiều tác động: 1 = càng cao càng tốt, -1 = càng thấp càng tốt. Để trống nghĩa là 1.',
  ],
  ['Weight', 'Trọng số trong mục cha (số không âm). Để trống nghĩa là 1.'],
  [
    'Parent',
    'Mã của mục tổng hợp cấp trên (cấp cao hơn). Để trống với chỉ số tổng hợp và dòng mẫu số.',
  ],
  [
    'Type',
    'Loại dòng: Indicator (chỉ số), Aggregate (mục tổng hợp), Denominator (mẫu số), Group (nhóm đơn vị).',
  ],
  [
    'Denominator',
    'Với chỉ số cần chia cho một mẫu số (dân số, số doanh nghiệp, GRDP…): mã của dòng Denominator tương ứng.',
  ],
  ['iName_en', 'Tên tiếng Anh (không bắt buộc).'],
  ['Unit', 'Đơn vị tính (không bắt buộc).'],
  [
    'SourceIndicator',
    'Mã chỉ tiêu thống kê trong danh mục chỉ tiêu của hệ thống mà số liệu đã được Bộ chấp nhận được dùng cho dòng này (MÃ, hoặc MÃ.PHÂN_TỔ cho một phân tổ của chỉ tiêu). Phải có trong danh mục.',
  ],
  [
    'Placement',
    'Vị trí của chỉ số trong khung: confirmed (đã xác nhận từ nguồn công bố) hoặc inferred (suy luận). Để trống nếu không áp dụng.',
  ],
];

/** The framework as an Excel workbook: the iMeta sheet first, then "Hướng dẫn". */
export async function imetaXlsx(
  nodes: readonly PiiNode[],
  about: { title: string; illustrative: boolean },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Cầu Nối';
  const sheet = wb.addWorksheet('iMeta', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...IMETA_COLUMNS]);
  sheet.getRow(1).font = { bold: true };
  for (const n of nodes) sheet.addRow(cellsOf(n));
  const widths: Partial<Record<ImetaColumn, number>> = {
    iCode: 12,
    iName: 60,
    Parent: 10,
    Type: 12,
    Denominator: 14,
    iName_en: 50,
    Unit: 18,
    SourceIndicator: 22,
    Placement: 12,
  };
  IMETA_COLUMNS.forEach((c, i) => {
    sheet.getColumn(i + 1).width = widths[c] ?? 10;
  });

  const guide = wb.addWorksheet('Hướng dẫn');
  guide.getColumn(1).width = 18;
  guide.getColumn(2).width = 110;
  guide.addRow([about.title]).font = { bold: true, size: 13 };
  guide.addRow([
    about.illustrative
      ? 'Khung minh họa, dựng từ thông tin công bố công khai; danh mục chính thức nằm trong phụ lục các Quyết định 1705/QĐ-BKHCN và 989/QĐ-BKHCN.'
      : 'Khung chỉ số của ấn bản.',
  ]);
  guide.addRow([
    'Trang đầu tiên theo định dạng iMeta của COINr (JRC). Sửa trang đó rồi nhập lại tệp vào ấn bản: toàn bộ khung được thay thế, hoặc không thay đổi gì nếu tệp còn lỗi (lỗi ghi rõ dòng và cột).',
  ]);
  guide.addRow([]);
  guide.addRow(['Cột', 'Ý nghĩa']).font = { bold: true };
  for (const [column, meaning] of GUIDE) {
    guide.addRow([column, meaning]).getCell(2).alignment = { wrapText: true, vertical: 'top' };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/* ───────────── reading ───────────── */

/** A data row of a file: its number in the file (header = row 1) and its cells by column. */
interface FileRow {
  row: number;
  get(column: ImetaColumn): string | null;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function nodeOf(r: FileRow): PiiNode {
  const fail = (column: ImetaColumn, code: string, message: string): never => {
    throw new ImetaError(code, message, r.row, column);
  };
  const num = (column: ImetaColumn): number | null => {
    const text = r.get(column);
    if (text === null) return null;
    if (!NUMBER.test(text)) fail(column, 'NON_NUMERIC_VALUE', `"${text}" không phải là số.`);
    return Number(text);
  };
  const code = r.get('iCode');
  if (code === null) fail('iCode', 'INVALID_VALUE', 'thiếu mã.');
  const typeText = r.get('Type');
  const type = PII_NODE_TYPES.find((t) => t.toLowerCase() === typeText?.toLowerCase());
  if (type === undefined) {
    fail(
      'Type',
      'INVALID_TYPE',
      typeText === null
        ? 'thiếu loại dòng (Indicator, Aggregate, Denominator hoặc Group).'
        : `"${typeText}" không phải Indicator, Aggregate, Denominator hoặc Group.`,
    );
  }
  const level = num('Level');
  if (level !== null && !Number.isInteger(level)) {
    fail('Level', 'INVALID_LEVEL', 'cấp phải là số nguyên.');
  }
  const nameVi = r.get('iName');
  if (nameVi === null) fail('iName', 'INVALID_VALUE', 'thiếu tên tiếng Việt.');
  const direction = num('Direction') ?? 1;
  if (direction !== 1 && direction !== -1) {
    fail('Direction', 'INVALID_VALUE', 'chiều tác động phải là 1 hoặc -1.');
  }
  const weight = num('Weight') ?? 1;
  if (!(Number.isFinite(weight) && weight >= 0)) {
    fail('Weight', 'INVALID_VALUE', 'trọng số phải là số không âm.');
  }
  const placementText = r.get('Placement');
  let placement: PiiPlacement | null = null;
  if (placementText !== null) {
    const found = PII_PLACEMENT.find((p) => p === placementText.toLowerCase());
    if (found === undefined) {
      fail('Placement', 'INVALID_VALUE', `"${placementText}" không phải confirmed hoặc inferred.`);
    }
    placement = found ?? null;
  }
  return {
    code: code!,
    type: type as PiiNodeType,
    level,
    nameVi: nameVi!,
    nameEn: r.get('iName_en'),
    parent: r.get('Parent'),
    weight,
    direction: direction as 1 | -1,
    denominator: r.get('Denominator'),
    sourceIndicator: r.get('SourceIndicator'),
    unitVi: r.get('Unit'),
    placement,
  };
}

/** Rows of text (header first, each with its row number in the file) → framework rows. */
function nodesOf(header: string[], rows: { row: number; cells: (string | null)[] }[]): PiiNode[] {
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    const known = IMETA_COLUMNS.find((c) => c.toLowerCase() === name.trim().toLowerCase());
    if (known === undefined) return;
    if (index.has(known)) {
      throw new ImetaError('DUPLICATE_CODE', `cột ${known} có hai lần.`, 1, known);
    }
    index.set(known, i);
  });
  for (const c of REQUIRED) {
    if (!index.has(c)) {
      throw new ImetaError(
        'MISSING_COLUMN',
        `thiếu cột ${c} (cần các cột ${REQUIRED.join(', ')}).`,
        1,
        c,
      );
    }
  }
  if (rows.length === 0) {
    throw new ImetaError('INVALID_VALUE', 'Tệp không có dòng nào sau dòng tiêu đề.', null, null);
  }
  return rows.map(({ row, cells }) =>
    nodeOf({
      row,
      get: (column) => {
        const i = index.get(column);
        return i === undefined ? null : (cells[i] ?? null);
      },
    }),
  );
}

/** Empty cells and COINr's unquoted `NA` are missing. */
function missing(text: string, quoted: boolean): string | null {
  const t = text.normalize('NFC').trim();
  return t === '' || (!quoted && t === 'NA') ? null : t;
}

/** Reads a framework from CSV (COINr's iMeta with our columns). */
export function parseImetaCsv(content: Buffer): PiiNode[] {
  let rows;
  try {
    rows = parseCsv(content.toString('utf8'));
  } catch (error) {
    if (error instanceof PiiError) {
      throw new ImetaError(
        'CSV_SYNTAX',
        'tệp CSV sai cú pháp (dấu ngoặc kép chưa đóng hoặc ký tự lạ sau dấu ngoặc kép).',
        error.row ?? null,
        null,
      );
    }
    throw error;
  }
  const [head, ...body] = rows;
  if (head === undefined) {
    throw new ImetaError('MISSING_COLUMN', 'Tệp trống: cần dòng tiêu đề iMeta.', null, null);
  }
  return nodesOf(
    head.map((c) => c.text),
    body.map((cells, i) => ({
      row: i + 2,
      cells: cells.map((c) => missing(c.text, c.quoted)),
    })),
  );
}

function cellText(value: ExcelJS.CellValue): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return missing(value, false);
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return missing(value.richText.map((t) => t.text).join(''), false);
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('text' in value) return missing(String(value.text), false);
  return null;
}

/** Reads a framework from the first sheet of an .xlsx workbook (header row, then rows). */
export async function parseImetaXlsx(content: Buffer): Promise<PiiNode[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new ImetaError('UNREADABLE', 'Không đọc được tệp Excel .xlsx.', null, null);
  }
  const sheet = wb.worksheets[0];
  if (sheet === undefined) {
    throw new ImetaError('MISSING_COLUMN', 'Tệp Excel không có trang tính nào.', null, null);
  }
  const width = sheet.columnCount;
  const read = (r: number) =>
    Array.from({ length: width }, (_, j) => cellText(sheet.getRow(r).getCell(j + 1).value));
  const header = read(1).map((c) => c ?? '');
  const rows: { row: number; cells: (string | null)[] }[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const cells = read(r);
    if (cells.every((c) => c === null)) continue;
    rows.push({ row: r, cells });
  }
  return nodesOf(header, rows);
}

/** A .xlsx file is a zip archive: it starts with "PK". */
export function looksLikeXlsx(content: Buffer): boolean {
  return content.length > 4 && content[0] === 0x50 && content[1] === 0x4b;
}
