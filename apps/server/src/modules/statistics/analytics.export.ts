import ExcelJS from 'exceljs';
import { formatDateVi, todayInVietnam } from '@caunoi/shared';
import { ANALYTICS_FLAG_LABELS, MARK, type CellNote, type Level } from './analytics.restate.js';
import type { AnalyticsQuery, AnalyticsResponse } from './analytics.schemas.js';
import { SYNTHETIC_NOTE } from './analytics.presenter.js';

export type ExportFormat = 'xlsx' | 'csv';

const LEVEL_LABELS: Record<Level, string> = {
  unit: 'Tỉnh, thành phố',
  region: 'Vùng',
  nation: 'Cả nước',
};

const COLUMNS = [
  { header: 'Mã chỉ tiêu', width: 22 },
  { header: 'Chỉ tiêu', width: 50 },
  { header: 'Đơn vị tính', width: 14 },
  { header: 'Cấp', width: 15 },
  { header: 'Mã đơn vị', width: 15 },
  { header: 'Tỉnh, thành phố / vùng', width: 26 },
  { header: 'Vùng', width: 30 },
  { header: 'Mã kỳ', width: 11 },
  { header: 'Kỳ', width: 22 },
  { header: 'Giá trị', width: 16 },
  { header: 'Số đơn vị có số liệu / phải có', width: 14 },
  { header: 'Ghi chú', width: 50 },
  { header: 'Số liệu mô phỏng', width: 12 },
] as const;
const VALUE_COLUMN = 10;

const BOUNDARY_LABELS = {
  'as-reported': 'Theo đơn vị đã báo cáo',
  current: 'Quy đổi theo địa giới hiện nay',
} as const;

/** The query in words, as written at the top of an export. */
export function queryLines(view: AnalyticsResponse, query: AnalyticsQuery): string[] {
  return [
    `Địa giới: ${BOUNDARY_LABELS[view.boundaries]}${view.boundaries === 'current' ? ` (ngày ${formatDateVi(view.asOf)})` : ''}`,
    `Chỉ tiêu: ${view.indicators.map((i) => i.key).join(', ')}`,
    `Kỳ: ${query.periods}`,
    `Đơn vị: ${query.units?.trim() ? query.units : 'tất cả trong phạm vi được xem'}`,
    `Cấp: ${view.levels.map((l) => LEVEL_LABELS[l]).join(', ')}`,
    `Truy vấn: indicators=${query.indicators}&periods=${query.periods}${query.units ? `&units=${query.units}` : ''}&boundaries=${view.boundaries}${query.levels ? `&levels=${query.levels}` : ''}`,
  ];
}

type Row = Array<string | number | null>;

/** One line per indicator × row × period that has a figure: labels, value, flags in words. */
function tableRows(view: AnalyticsResponse): Row[] {
  const unitNames = new Map(view.units.map((u) => [u.id, u.nameVi]));
  const names = (ids: readonly string[]) => ids.map((id) => unitNames.get(id) ?? id).join(', ');
  const notes = new Map(view.cellNotes.map((n) => [n.at, n]));
  const words = (note: CellNote | undefined): string => {
    if (!note) return '';
    const parts: string[] = [];
    for (const flag of note.flags ?? []) {
      parts.push(
        flag === 'incomplete' && note.missing?.length
          ? `Thiếu số liệu của: ${names(note.missing)}`
          : ANALYTICS_FLAG_LABELS[flag].vi,
      );
    }
    if (!note.flags?.includes('incomplete') && note.missing?.length) {
      parts.push(`Chưa có số liệu: ${names(note.missing)}`);
    }
    return parts.join('; ');
  };
  const [indicators, rows, periods] = view.size;
  const out: Row[] = [];
  for (let i = 0; i < indicators; i++) {
    const indicator = view.indicators[i]!;
    const indicatorName = indicator.optionNameVi
      ? `${indicator.nameVi} — ${indicator.optionNameVi}`
      : indicator.nameVi;
    for (let r = 0; r < rows; r++) {
      const row = view.rows[r]!;
      for (let p = 0; p < periods; p++) {
        const at = (i * rows + r) * periods + p;
        const mark = view.marks[at];
        if (mark === MARK.none) continue;
        const period = view.periods[p]!;
        const value = view.values[at] ?? null;
        const note = notes.get(at);
        out.push([
          indicator.key,
          indicatorName,
          indicator.unitVi,
          LEVEL_LABELS[row.level],
          row.code ?? '',
          row.nameVi,
          row.level === 'unit' ? (row.regionVi ?? '') : '',
          period.code,
          period.labelVi,
          typeof value === 'boolean' ? (value ? 'Có' : 'Không') : value,
          note?.coverage ? `${note.coverage.reported}/${note.coverage.expected}` : '',
          words(note),
          mark === MARK.synthetic ? 'Mô phỏng' : '',
        ]);
      }
    }
  }
  return out;
}

function headLines(view: AnalyticsResponse, query: AnalyticsQuery, createdAt: Date): string[] {
  return [
    'SỐ LIỆU THỐNG KÊ KH,CN&ĐMST CỦA ĐỊA PHƯƠNG',
    ...queryLines(view, query),
    `Xuất ngày ${formatDateVi(todayInVietnam(createdAt))} từ hệ thống Cầu Nối`,
    ...view.notes,
    ...(view.synthetic ? [SYNTHETIC_NOTE] : []),
  ];
}

/** The export's file name (Content-Disposition adds an ASCII fallback). */
export function exportFileName(view: AnalyticsResponse, format: ExportFormat): string {
  const kind = view.boundaries === 'current' ? 'theo địa giới hiện nay' : 'theo đơn vị báo cáo';
  return `Số liệu thống kê ${kind} ${view.asOf}.${format}`;
}

/** An Excel workbook: the query and notes on top, then the table, ready to filter. */
export async function analyticsWorkbook(
  view: AnalyticsResponse,
  query: AnalyticsQuery,
  createdAt: Date,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Cầu Nối — Bộ Khoa học và Công nghệ';
  workbook.created = createdAt;
  const lines = headLines(view, query, createdAt);
  const headerRow = lines.length + 2;
  const sheet = workbook.addWorksheet('Số liệu', {
    views: [{ state: 'frozen', ySplit: headerRow }],
  });
  COLUMNS.forEach((c, i) => {
    sheet.getColumn(i + 1).width = c.width;
  });
  lines.forEach((line, i) => {
    const row = sheet.getRow(i + 1);
    row.getCell(1).value = line;
    if (i === 0) row.getCell(1).font = { bold: true, size: 14 };
    else if (line === SYNTHETIC_NOTE)
      row.getCell(1).font = { bold: true, color: { argb: 'FFC00000' } };
    else row.getCell(1).font = { italic: true };
  });
  const header = sheet.getRow(headerRow);
  header.values = COLUMNS.map((c) => c.header);
  header.height = 32;
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  });
  const rows = tableRows(view);
  sheet.addRows(rows);
  // Thousands grouped; decimals only where the figure has some (Excel shows "90." otherwise).
  rows.forEach((row, i) => {
    const value = row[VALUE_COLUMN - 1];
    if (typeof value === 'number') {
      sheet.getCell(headerRow + 1 + i, VALUE_COLUMN).numFmt = Number.isInteger(value)
        ? '#,##0'
        : '#,##0.0##';
    }
  });
  sheet.autoFilter = {
    from: { row: headerRow, column: 1 },
    to: { row: headerRow + Math.max(rows.length, 1), column: COLUMNS.length },
  };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
/** Text a spreadsheet would take for a formula is prefixed, so that opening the file runs nothing. */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV in UTF-8 with a byte-order mark (so that Excel reads Vietnamese), lines ending CRLF. */
export function analyticsCsv(
  view: AnalyticsResponse,
  query: AnalyticsQuery,
  createdAt: Date,
): Buffer {
  const lines = headLines(view, query, createdAt).map((l) => csvField(l));
  lines.push('');
  lines.push(COLUMNS.map((c) => csvField(c.header)).join(','));
  for (const row of tableRows(view)) lines.push(row.map(csvField).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
