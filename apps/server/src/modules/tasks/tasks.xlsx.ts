import ExcelJS from 'exceljs';
import { formatDateVi, TASK_SOURCE_LABELS } from '@caunoi/shared';
import type { League, LeagueCounts } from './tasks.league.js';

const COUNT_COLUMNS: Array<{ key: keyof LeagueCounts; header: string }> = [
  { key: 'doneOnTime', header: 'Hoàn thành đúng hạn' },
  { key: 'doneLate', header: 'Hoàn thành quá hạn' },
  { key: 'openWithinDeadline', header: 'Chưa hoàn thành – trong hạn' },
  { key: 'openOverdue', header: 'Chưa hoàn thành – quá hạn' },
  { key: 'dueSoon', header: 'Trong đó: sắp đến hạn' },
  { key: 'total', header: 'Tổng số' },
];

const HEADER_ROW = 4;
const thin = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
const border = { top: thin, left: thin, bottom: thin, right: thin };

export function leaguePeriod(meta: League['meta']): string {
  if (!meta.from && !meta.to) return 'Toàn bộ thời gian';
  return `Từ ${meta.from ? formatDateVi(meta.from) : '…'} đến ${meta.to ? formatDateVi(meta.to) : '…'}`;
}

/** The workbook's file name (Content-Disposition adds an ASCII fallback). */
export function leagueFileName(meta: League['meta']): string {
  const span = [meta.from, meta.to].filter(Boolean).join('_') || meta.today;
  return `Bảng xếp hạng nhiệm vụ ${span}.xlsx`;
}

/** The league table as an Excel workbook: the table (ready to filter and print) and the notes. */
export async function leagueWorkbook(league: League, createdAt: Date): Promise<Buffer> {
  const { meta } = league;
  const byOrganisation = meta.groupBy === 'organisation';
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Cầu Nối — Bộ Khoa học và Công nghệ';
  workbook.created = createdAt;

  const sheet = workbook.addWorksheet('Bảng xếp hạng', {
    views: [{ state: 'frozen', xSplit: 2, ySplit: HEADER_ROW }],
    pageSetup: {
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
  });
  const columns = [
    { header: 'Hạng', key: 'rank', width: 7 },
    {
      header: byOrganisation ? 'Đơn vị chủ trì' : 'Tỉnh, thành phố',
      key: 'name',
      width: byOrganisation ? 48 : 26,
    },
    ...(byOrganisation ? [{ header: 'Tỉnh, thành phố (hiện nay)', key: 'unit', width: 22 }] : []),
    ...COUNT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: 15 })),
    { header: 'Tỷ lệ đúng hạn (%)', key: 'onTimeRate', width: 13 },
  ];
  const last = columns.length;

  sheet.mergeCells(1, 1, 1, last);
  const title = sheet.getCell(1, 1);
  title.value = 'BẢNG XẾP HẠNG THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO';
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  sheet.mergeCells(2, 1, 2, last);
  const subtitle = sheet.getCell(2, 1);
  subtitle.value = [
    byOrganisation ? 'Theo đơn vị chủ trì' : 'Theo tỉnh, thành phố',
    `Kỳ: ${leaguePeriod(meta)}`,
    `Nguồn: ${meta.sourceKind ? TASK_SOURCE_LABELS[meta.sourceKind].vi : 'Tất cả'}`,
    `Số liệu tính đến ngày ${formatDateVi(meta.today)}`,
  ].join(' · ');
  subtitle.font = { italic: true };
  subtitle.alignment = { horizontal: 'center' };

  const header = sheet.getRow(HEADER_ROW);
  header.values = columns.map((c) => c.header);
  header.height = 36;
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.border = border;
  });
  columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = c.width;
    sheet.getColumn(i + 1).key = c.key;
  });

  const addRow = (values: Record<string, unknown>, bold = false) => {
    const row = sheet.addRow(values);
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const key = columns[col - 1]!.key;
      cell.border = border;
      if (bold) cell.font = { bold: true };
      if (key === 'onTimeRate') cell.numFmt = '0.0%';
      else if (key !== 'name' && key !== 'unit') cell.numFmt = '#,##0';
      if (key === 'name' || key === 'unit') cell.alignment = { wrapText: true, vertical: 'top' };
    });
  };
  for (const r of league.rows) {
    addRow({ ...r, unit: r.unit?.nameVi ?? '' });
  }
  sheet.autoFilter = {
    from: { row: HEADER_ROW, column: 1 },
    to: { row: HEADER_ROW + Math.max(league.rows.length, 1), column: last },
  };
  addRow({ rank: null, name: 'Tổng cộng', unit: '', ...league.totals }, true);
  sheet.addRow([]);
  const formula = sheet.addRow([meta.formula]);
  sheet.mergeCells(formula.number, 1, formula.number, last);
  formula.getCell(1).font = { italic: true };

  const notes = workbook.addWorksheet('Ghi chú');
  notes.getColumn(1).width = 28;
  notes.getColumn(2).width = 100;
  notes.addRow(['Cách tính bảng xếp hạng']).font = { bold: true, size: 13 };
  notes.addRow([]);
  const explain = (term: string, text: string) => {
    const row = notes.addRow([term, text]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(1).alignment = { vertical: 'top' };
  };
  explain('Kỳ', leaguePeriod(meta));
  explain('Ngày tính số liệu', formatDateVi(meta.today));
  explain('Hoàn thành đúng hạn', 'Đã hoàn thành (hoặc đã báo cáo kỳ) vào hoặc trước hạn.');
  explain('Hoàn thành quá hạn', 'Đã hoàn thành (hoặc đã báo cáo kỳ) sau hạn.');
  explain('Chưa hoàn thành – trong hạn', 'Chưa hoàn thành và chưa đến hạn.');
  explain('Chưa hoàn thành – quá hạn', 'Đã qua hạn mà chưa hoàn thành (chưa báo cáo kỳ).');
  explain(
    'Sắp đến hạn',
    `Chưa hoàn thành, còn trong hạn và đến hạn trong ${meta.dueSoonDays} ngày tới; đã tính trong cột "Chưa hoàn thành – trong hạn".`,
  );
  explain('Tỷ lệ đúng hạn', meta.formula);
  notes.addRow([]);
  for (const note of meta.notes) explain('', note);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
