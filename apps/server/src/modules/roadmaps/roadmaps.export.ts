import ExcelJS from 'exceljs';
import {
  formatDateVi,
  PROPOSAL_CATEGORY_LABELS,
  ROADMAP_CRITERIA,
  ROADMAP_CRITERION_LABELS,
  todayInVietnam,
} from '@caunoi/shared';
import type { RoadmapDetail, RoadmapItemDetail } from './roadmaps.service.js';

/** What the exports print: the roadmap and the name of its province. */
export interface RoadmapDocument {
  detail: RoadmapDetail;
  unitName: string;
}

const AMOUNT = '#,##0.00';
const SCORE = '0.00';
const FONT = 'Times New Roman';
const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFDDE7F3' },
};
const GROUP_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFF2F2F2' },
};
const BAR_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF9DC3E6' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

export const yearsOfRoadmap = (d: RoadmapDetail) => d.envelopes.map((e) => e.year);

/** Items by planned start year (unplanned under null), each group in Vietnamese title order. */
export function itemsByYear(d: RoadmapDetail): Array<[number | null, RoadmapItemDetail[]]> {
  const groups: Array<[number | null, RoadmapItemDetail[]]> = yearsOfRoadmap(d).map((y) => [
    y,
    d.items.filter((i) => i.plannedYear === y),
  ]);
  return [
    ...groups.filter(([, items]) => items.length > 0),
    [null, d.items.filter((i) => i.plannedYear === null)],
  ];
}

/** Why an item is where it is, in a few words. */
export function itemNote(d: RoadmapDetail, item: RoadmapItemDetail): string {
  if (!item.agreed) return 'Bộ không còn đồng ý kiến nghị';
  if (item.excluded) return 'Loại khỏi lộ trình';
  if (item.pinnedYear !== null) return `Cố định bắt đầu năm ${item.pinnedYear}`;
  if (item.plannedYear !== null || !d.lastPlan) return '';
  return (
    d.lastPlan.issues.find((i) => i.itemId === item.id)?.message ?? 'Không đủ hạn mức kinh phí'
  );
}

export const dependencyTitles = (d: RoadmapDetail, item: RoadmapItemDetail) =>
  item.dependsOn.map((id) => d.items.find((i) => i.id === id)?.proposalTitle ?? '').filter(Boolean);

function styleHeader(row: ExcelJS.Row) {
  row.font = { name: FONT, bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.border = THIN;
  });
}

function titleRows(sheet: ExcelJS.Worksheet, width: number, title: string, subtitle: string) {
  sheet.mergeCells(1, 1, 1, width);
  sheet.mergeCells(2, 1, 2, width);
  const t = sheet.getCell(1, 1);
  t.value = title;
  t.font = { name: FONT, bold: true, size: 14 };
  t.alignment = { horizontal: 'center' };
  const s = sheet.getCell(2, 1);
  s.value = subtitle;
  s.font = { name: FONT, italic: true };
  s.alignment = { horizontal: 'center' };
}

function roadmapSheet(wb: ExcelJS.Workbook, doc: RoadmapDocument) {
  const d = doc.detail;
  const years = yearsOfRoadmap(d);
  const sheet = wb.addWorksheet('Lộ trình', {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 4 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  const fixed = [
    ['STT', 6],
    ['Kiến nghị, đề xuất', 48],
    ['Lĩnh vực', 22],
    ['Năm bắt đầu', 10],
    ['Năm kết thúc', 10],
    ['Số năm', 8],
    ['Kinh phí (triệu đồng)', 16],
    ['Giá trị (điểm 1–5)', 11],
    ['Phụ thuộc vào', 32],
    ['Ghi chú', 30],
  ] as const;
  const firstYearCol = fixed.length + 1;
  const width = fixed.length + years.length;
  const planned = d.roadmap.plannedAt
    ? `lập lộ trình ngày ${formatDateVi(todayInVietnam(d.roadmap.plannedAt))}`
    : 'chưa lập lộ trình';
  titleRows(
    sheet,
    width,
    d.roadmap.title.toLocaleUpperCase('vi'),
    `${doc.unitName} · Giai đoạn ${d.roadmap.startYear}–${d.roadmap.endYear} · ${planned} · Kinh phí theo từng năm thực hiện (triệu đồng)`,
  );
  fixed.forEach(([, w], i) => (sheet.getColumn(i + 1).width = w));
  years.forEach((_, i) => (sheet.getColumn(firstYearCol + i).width = 12));
  const header = sheet.getRow(4);
  header.values = [...fixed.map(([h]) => h), ...years.map(String)];
  header.height = 32;
  styleHeader(header);

  let n = 0;
  let r = 5;
  const firstItemRow = r;
  for (const [year, items] of itemsByYear(d)) {
    if (items.length === 0) continue;
    sheet.mergeCells(r, 1, r, width);
    const g = sheet.getCell(r, 1);
    g.value = year === null ? 'Chưa bố trí trong giai đoạn' : `Bắt đầu năm ${year}`;
    g.font = { name: FONT, bold: true };
    g.fill = GROUP_FILL;
    r++;
    for (const item of items) {
      const row = sheet.getRow(r);
      const end = item.plannedYear === null ? null : item.plannedYear + item.durationYears - 1;
      row.values = [
        ++n,
        item.proposalTitle,
        PROPOSAL_CATEGORY_LABELS[item.proposalCategory].vi,
        item.plannedYear,
        end,
        item.durationYears,
        Number(item.cost),
        item.value,
        dependencyTitles(d, item).join('; '),
        itemNote(d, item),
      ];
      row.getCell(7).numFmt = AMOUNT;
      row.getCell(8).numFmt = SCORE;
      years.forEach((y, i) => {
        const cell = row.getCell(firstYearCol + i);
        if (item.plannedYear !== null && end !== null && y >= item.plannedYear && y <= end) {
          cell.value = Number(item.cost) / item.durationYears;
          cell.fill = BAR_FILL;
        }
        cell.numFmt = AMOUNT;
      });
      row.font = { name: FONT };
      row.alignment = { vertical: 'top', wrapText: true };
      row.eachCell({ includeEmpty: true }, (c) => (c.border = THIN));
      r++;
    }
  }
  const total = sheet.getRow(r);
  total.getCell(2).value = 'Tổng kinh phí bố trí';
  years.forEach((_, i) => {
    const col = sheet.getColumn(firstYearCol + i).letter;
    const cell = total.getCell(firstYearCol + i);
    const result = d.items.reduce((s, item) => {
      const y = years[i]!;
      return item.plannedYear !== null &&
        y >= item.plannedYear &&
        y < item.plannedYear + item.durationYears
        ? s + Number(item.cost) / item.durationYears
        : s;
    }, 0);
    cell.value = { formula: `SUM(${col}${firstItemRow}:${col}${r - 1})`, result };
    cell.numFmt = AMOUNT;
  });
  total.font = { name: FONT, bold: true };
  total.eachCell({ includeEmpty: true }, (c) => (c.border = THIN));
}

function budgetSheet(wb: ExcelJS.Workbook, doc: RoadmapDocument) {
  const d = doc.detail;
  const sheet = wb.addWorksheet('Ngân sách', { views: [{ state: 'frozen', ySplit: 4 }] });
  const headers = [
    ['Năm', 10],
    ['Hạn mức kinh phí (triệu đồng)', 20],
    ['Kinh phí bố trí (triệu đồng)', 20],
    ['Còn lại (triệu đồng)', 18],
    ['Tỷ lệ sử dụng', 14],
    ['Phương án xếp tham lam (triệu đồng)', 22],
  ] as const;
  titleRows(
    sheet,
    headers.length,
    'HẠN MỨC VÀ KINH PHÍ BỐ TRÍ THEO NĂM',
    `${d.roadmap.title} · ${doc.unitName}`,
  );
  headers.forEach(([, w], i) => (sheet.getColumn(i + 1).width = w));
  const header = sheet.getRow(4);
  header.values = headers.map(([h]) => h);
  header.height = 32;
  styleHeader(header);
  const planYears = new Map(d.lastPlan?.years.map((y) => [y.year, y]) ?? []);
  const first = 5;
  d.envelopes.forEach((e, i) => {
    const r = first + i;
    const row = sheet.getRow(r);
    const cost = planYears.get(e.year)?.cost ?? 0;
    row.getCell(1).value = e.year;
    row.getCell(2).value = e.amount;
    row.getCell(3).value = cost;
    row.getCell(4).value = { formula: `B${r}-C${r}`, result: e.amount - cost };
    row.getCell(5).value = {
      formula: `IF(B${r}>0,C${r}/B${r},"")`,
      result: e.amount > 0 ? cost / e.amount : '',
    };
    row.getCell(6).value = planYears.get(e.year)?.greedyCost ?? null;
  });
  const last = first + d.envelopes.length - 1;
  const total = sheet.getRow(last + 1);
  total.getCell(1).value = 'Tổng';
  const sum = (col: string, key: 'amount' | 'cost') => ({
    formula: `SUM(${col}${first}:${col}${last})`,
    result:
      key === 'amount'
        ? d.envelopes.reduce((s, e) => s + e.amount, 0)
        : (d.lastPlan?.years.reduce((s, y) => s + y.cost, 0) ?? 0),
  });
  total.getCell(2).value = sum('B', 'amount');
  total.getCell(3).value = sum('C', 'cost');
  total.getCell(4).value = { formula: `B${last + 1}-C${last + 1}` };
  total.getCell(5).value = { formula: `IF(B${last + 1}>0,C${last + 1}/B${last + 1},"")` };
  total.font = { name: FONT, bold: true };
  for (let r = first; r <= last + 1; r++) {
    const row = sheet.getRow(r);
    if (r <= last) row.font = { name: FONT };
    for (const c of [2, 3, 4, 6]) row.getCell(c).numFmt = AMOUNT;
    row.getCell(5).numFmt = '0.0%';
    row.eachCell({ includeEmpty: true }, (c) => (c.border = THIN));
  }
}

function scoringSheet(wb: ExcelJS.Workbook, doc: RoadmapDocument) {
  const d = doc.detail;
  const sheet = wb.addWorksheet('Chấm điểm');
  titleRows(
    sheet,
    3 + ROADMAP_CRITERIA.length,
    'CHẤM ĐIỂM ƯU TIÊN CÁC KIẾN NGHỊ, ĐỀ XUẤT',
    `${d.roadmap.title} · Điểm 1–5, điểm cao là ưu tiên cao (với tiêu chí chi phí: chi phí thấp)`,
  );
  [6, 48, 16, 16, 16, 16, 12].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  const wHeader = sheet.getRow(4);
  wHeader.values = [null, 'Tiêu chí', 'Trọng số', 'Tỷ trọng'];
  styleHeader(wHeader);
  ROADMAP_CRITERIA.forEach((c, i) => {
    const row = sheet.getRow(5 + i);
    const last = 5 + ROADMAP_CRITERIA.length - 1;
    row.values = [null, ROADMAP_CRITERION_LABELS[c].vi, d.roadmap.weights[c]];
    row.getCell(4).value = {
      formula: `C${5 + i}/SUM($C$5:$C$${last})`,
      result: d.roadmap.weights[c],
    };
    row.getCell(3).numFmt = '0.000';
    row.getCell(4).numFmt = '0.0%';
    row.font = { name: FONT };
    for (const col of [2, 3, 4]) row.getCell(col).border = THIN;
  });
  const weightRow = (c: number) => 5 + c;
  const top = 5 + ROADMAP_CRITERIA.length + 1;
  const header = sheet.getRow(top);
  header.values = [
    'STT',
    'Kiến nghị, đề xuất',
    ...ROADMAP_CRITERIA.map((c) => ROADMAP_CRITERION_LABELS[c].vi),
    'Giá trị',
  ];
  header.height = 45;
  styleHeader(header);
  const scoreCols = ROADMAP_CRITERIA.map((_, i) => sheet.getColumn(3 + i).letter);
  d.items.forEach((item, n) => {
    const r = top + 1 + n;
    const row = sheet.getRow(r);
    row.values = [n + 1, item.proposalTitle, ...ROADMAP_CRITERIA.map((c) => item.scores[c])];
    // Σ weight × score / Σ weights, so that editing a weight or a score in Excel recomputes it.
    const products = scoreCols.map((col, i) => `${col}${r}*$C$${weightRow(i)}`).join('+');
    row.getCell(3 + ROADMAP_CRITERIA.length).value = {
      formula: `(${products})/SUM($C$5:$C$${weightRow(ROADMAP_CRITERIA.length - 1)})`,
      result: item.value,
    };
    row.getCell(3 + ROADMAP_CRITERIA.length).numFmt = SCORE;
    row.font = { name: FONT };
    row.alignment = { vertical: 'top', wrapText: true };
    row.eachCell({ includeEmpty: true }, (c) => (c.border = THIN));
  });
  sheet.views = [{ state: 'frozen', ySplit: top }];
}

/** The roadmap as an Excel workbook: year by year, budget per year, scoring. */
export async function roadmapWorkbook(doc: RoadmapDocument): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Cầu Nối';
  wb.created = doc.detail.roadmap.updatedAt;
  roadmapSheet(wb, doc);
  budgetSheet(wb, doc);
  scoringSheet(wb, doc);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
