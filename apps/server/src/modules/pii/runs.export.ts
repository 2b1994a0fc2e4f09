/**
 * The whole run as an Excel workbook: what the run is first, then the ranking, every unit's
 * indicator profile, every intermediate data set, the treatment of outliers, the audit, the
 * uncertainty analysis and the inputs (framework, configuration, values) with their hash.
 * Numbers are written as numbers; headers and sheet names are Vietnamese.
 */
import ExcelJS from 'exceljs';
import { formatDateVi, todayInVietnam } from '@caunoi/shared';
import type { UnitRegistry } from '@caunoi/units';
import { presentProfile, presentRun, rankedUnits } from './runs.presenter.js';
import type { RunDetail, StoredDataSet } from './runs.service.js';

const FONT = 'Times New Roman';
const SCORE = '0.00';
const PRECISE = '0.0000';
const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFDDE7F3' },
};

const MARK_VI = { strength: 'Điểm mạnh', weakness: 'Điểm yếu' } as const;
const BASIS_VI = {
  'provinces-63': '63 tỉnh, thành phố trước sắp xếp',
  'provinces-34': '34 tỉnh, thành phố hiện nay',
} as const;

function header(sheet: ExcelJS.Worksheet, titles: readonly string[], widths?: readonly number[]) {
  const row = sheet.addRow([...titles]);
  row.font = { name: FONT, bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  row.eachCell((c) => (c.fill = HEADER_FILL));
  titles.forEach((_, i) => (sheet.getColumn(i + 1).width = widths?.[i] ?? 14));
  sheet.views = [{ state: 'frozen', ySplit: row.number }];
}

const sheetOf = (wb: ExcelJS.Workbook, name: string) =>
  wb.addWorksheet(name, { properties: { defaultRowHeight: 16 } });

function infoSheet(wb: ExcelJS.Workbook, run: RunDetail, exportedAt: Date) {
  const s = sheetOf(wb, 'Thông tin');
  s.getColumn(1).width = 34;
  s.getColumn(2).width = 90;
  const title = s.addRow([`Chỉ số đổi mới sáng tạo cấp địa phương (PII) ${run.editionYear}`]);
  title.font = { name: FONT, bold: true, size: 14 };
  const { inputs } = run;
  const created = run.createdAt;
  const rows: Array<[string, string | number]> = [
    ['Ấn bản khung', run.editionTitle],
    [
      'Tính chất',
      run.illustrative
        ? 'Khung minh họa: dựng từ thông tin công khai, không phải danh mục chỉ số chính thức; kết quả chỉ để minh họa.'
        : 'Khung chỉ số của Bộ KH&CN.',
    ],
    ['Năm số liệu', run.dataYear],
    [
      'Đơn vị xếp hạng',
      `${BASIS_VI[inputs.unitBasis]} (theo địa giới ngày ${formatDateVi(inputs.sources.basisDate)})`,
    ],
    [
      'Nguồn số liệu',
      `Số liệu thống kê đã được Bộ chấp nhận, kỳ ${inputs.sources.periodCode}: ${inputs.sources.valuesRead} giá trị` +
        (inputs.sources.restated
          ? '; quy đổi từ đơn vị báo cáo sang đơn vị xếp hạng theo quan hệ kế thừa của các tỉnh (cộng dồn theo trọng số, tỷ lệ tính lại từ tử số và mẫu số' +
            (inputs.sources.weightedMeans > 0
              ? `, ${inputs.sources.weightedMeans} điểm số và tỷ lệ của tỉnh hợp nhất là bình quân của các tỉnh cũ theo dân số).`
              : ').')
          : '.'),
    ],
    [
      'Số liệu mô phỏng',
      inputs.sources.syntheticValues > 0
        ? `Có ${inputs.sources.syntheticValues} giá trị là số liệu mô phỏng, không phải số liệu báo cáo.`
        : 'Không có.',
    ],
    ['Số tỉnh, thành phố được xếp hạng', run.unitCount],
    ['Số chỉ số thành phần', run.indicatorCount],
    [
      'Phân tích bất định',
      inputs.uncertainty
        ? `${inputs.uncertainty.runs} lần mô phỏng, hạt giống ${inputs.uncertainty.seed}`
        : 'Không thực hiện',
    ],
    ['Mã băm đầu vào (SHA-256)', run.inputHash],
    ['Mã lần tính', run.id],
    ['Người tính', run.createdBy],
    [
      'Thời điểm tính',
      `${formatDateVi(todayInVietnam(created))} ${created.toLocaleTimeString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}`,
    ],
    ['Ngày xuất tệp', formatDateVi(todayInVietnam(exportedAt))],
  ];
  for (const r of rows) {
    const row = s.addRow(r);
    row.getCell(1).font = { name: FONT, bold: true };
    row.getCell(2).font = { name: FONT };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top', horizontal: 'left' };
  }
}

function rankingSheet(wb: ExcelJS.Workbook, registry: UnitRegistry, run: RunDetail) {
  const view = presentRun(registry, run);
  const shown = view.aggregates.filter((a) => a.code in (view.ranking[0]?.aggregates ?? {}));
  const s = sheetOf(wb, 'Xếp hạng');
  header(
    s,
    [
      'Thứ hạng',
      'Mã',
      'Tỉnh, thành phố',
      'Vùng',
      'Điểm chỉ số',
      ...shown.flatMap((a) => [`${a.code} ${a.nameVi} (điểm)`, `${a.code} (hạng)`]),
      'Hạng trung vị (bất định)',
      'Hạng phân vị 5%',
      'Hạng phân vị 95%',
    ],
    [9, 6, 24, 22, 11, ...shown.flatMap(() => [16, 8]), 12, 11, 11],
  );
  for (const r of view.ranking) {
    const row = s.addRow([
      r.rank,
      r.unitCode,
      r.unitName,
      r.regionVi,
      r.score,
      ...shown.flatMap((a) => [
        r.aggregates[a.code]?.score ?? null,
        r.aggregates[a.code]?.rank ?? null,
      ]),
      r.rankInterval?.median ?? null,
      r.rankInterval?.q5 ?? null,
      r.rankInterval?.q95 ?? null,
    ]);
    row.getCell(5).numFmt = SCORE;
    shown.forEach((_, i) => (row.getCell(6 + 2 * i).numFmt = SCORE));
  }
}

function profileSheet(wb: ExcelJS.Workbook, registry: UnitRegistry, run: RunDetail) {
  const s = sheetOf(wb, 'Hồ sơ chỉ số');
  header(
    s,
    [
      'Mã tỉnh',
      'Tỉnh, thành phố',
      'Mã chỉ số',
      'Chỉ số',
      'Đơn vị tính',
      'Giá trị',
      'Điểm chuẩn hóa',
      'Thứ hạng',
      'Đánh giá',
    ],
    [8, 24, 10, 60, 14, 14, 12, 9, 12],
  );
  for (const u of rankedUnits(run)) {
    const p = presentProfile(registry, run, u.id);
    for (const i of p.indicators) {
      const row = s.addRow([
        u.code,
        u.nameVi,
        i.code,
        i.nameVi,
        i.unitVi,
        i.value,
        i.score,
        i.rank,
        i.mark ? MARK_VI[i.mark] : null,
      ]);
      row.getCell(7).numFmt = SCORE;
    }
  }
}

function dataSetSheet(
  wb: ExcelJS.Workbook,
  run: RunDetail,
  name: string,
  d: StoredDataSet | null,
  format?: string,
) {
  if (d === null) return;
  const names = new Map(run.inputs.table.units.map((u) => [u.code, u.nameVi]));
  const s = sheetOf(wb, name);
  header(s, ['Mã tỉnh', 'Tỉnh, thành phố', ...d.columns], [8, 24, ...d.columns.map(() => 12)]);
  d.units.forEach((unit, i) => {
    const row = s.addRow([
      unit,
      names.get(unit) ?? unit,
      ...d.columns.map((c) => d.values[c]?.[i] ?? null),
    ]);
    if (format) d.columns.forEach((_, j) => (row.getCell(3 + j).numFmt = format));
  });
}

const passLabel = (p: boolean | null) => (p === null ? 'Không tính được' : p ? 'Có' : 'Không');

function treatmentSheet(wb: ExcelJS.Workbook, run: RunDetail) {
  const details = run.outputs.treatment;
  if (details === null) return;
  const s = sheetOf(wb, 'Xử lý ngoại lai');
  header(
    s,
    [
      'Mã chỉ số',
      'Đạt ngay',
      'Độ lệch trước',
      'Độ nhọn trước',
      'Số điểm thay thế',
      'Độ lệch sau thay thế',
      'Độ nhọn sau thay thế',
      'Phép biến đổi',
      'Độ lệch sau biến đổi',
      'Độ nhọn sau biến đổi',
      'Đạt sau xử lý',
    ],
    [10, 9, 12, 12, 12, 14, 14, 12, 14, 14, 11],
  );
  for (const t of details) {
    const last = t.afterFallback ?? t.afterWinsorising ?? t.before;
    const row = s.addRow([
      t.iCode,
      passLabel(t.before.passed),
      t.before.skew,
      t.before.kurt,
      t.winsorised,
      t.afterWinsorising?.skew ?? null,
      t.afterWinsorising?.kurt ?? null,
      t.fallback,
      t.afterFallback?.skew ?? null,
      t.afterFallback?.kurt ?? null,
      passLabel(last.passed),
    ]);
    for (const c of [3, 4, 6, 7, 9, 10]) row.getCell(c).numFmt = PRECISE;
  }
}

function auditSheets(wb: ExcelJS.Workbook, run: RunDetail) {
  const a = run.outputs.audit;
  const names = new Map(run.inputs.framework.map((n) => [n.code, n.nameVi]));
  const corr = sheetOf(wb, 'Tương quan');
  header(
    corr,
    ['Mã', 'Tên', 'Cấp', 'Thuộc', 'Tương quan với cấp trên', 'Tương quan với chỉ số chung'],
    [10, 50, 6, 10, 14, 14],
  );
  for (const c of a.correlations) {
    const row = corr.addRow([
      c.code,
      names.get(c.code) ?? '',
      c.level,
      c.parent,
      c.withParent,
      c.withIndex,
    ]);
    row.getCell(5).numFmt = PRECISE;
    row.getCell(6).numFmt = PRECISE;
  }
  const rel = sheetOf(wb, 'Độ tin cậy và PCA');
  header(
    rel,
    [
      'Mã nhóm',
      'Tên',
      'Số thành phần',
      'Hệ số Cronbach alpha',
      'Giá trị riêng thứ nhất',
      'Tỷ lệ phương sai giải thích của thành phần thứ nhất',
      'Các giá trị riêng',
    ],
    [10, 50, 10, 14, 14, 18, 60],
  );
  for (const c of a.cronbach) {
    const p = a.pca.find((x) => x.aggregate === c.aggregate);
    const row = rel.addRow([
      c.aggregate,
      names.get(c.aggregate) ?? '',
      c.items,
      c.alpha,
      p?.eigenvalues[0] ?? null,
      p?.varianceExplained[0] ?? null,
      p ? p.eigenvalues.map((x) => x.toFixed(4)).join('; ') : '',
    ]);
    for (const col of [4, 5, 6]) row.getCell(col).numFmt = PRECISE;
  }
  if (a.efficiency.length > 0) {
    const eff = sheetOf(wb, 'Hiệu quả');
    const unitNames = new Map(run.inputs.table.units.map((u) => [u.code, u.nameVi]));
    header(
      eff,
      ['Mã tỉnh', 'Tỉnh, thành phố', 'Tỷ số đầu ra / đầu vào', 'Thứ hạng'],
      [8, 24, 14, 9],
    );
    for (const e of [...a.efficiency].sort(
      (x, y) => (x.rank ?? Number.MAX_SAFE_INTEGER) - (y.rank ?? Number.MAX_SAFE_INTEGER),
    )) {
      const row = eff.addRow([e.unit, unitNames.get(e.unit) ?? e.unit, e.ratio, e.rank]);
      row.getCell(3).numFmt = PRECISE;
    }
  }
}

function uncertaintySheet(wb: ExcelJS.Workbook, run: RunDetail) {
  const stats = run.outputs.uncertainty;
  const spec = run.inputs.uncertainty;
  if (stats === null || spec === null) return;
  const s = sheetOf(wb, 'Phân tích bất định');
  const intro = s.addRow([
    `${spec.runs} lần mô phỏng (hạt giống ${spec.seed}). Các lựa chọn thay đổi: ${Object.entries(
      spec.alternatives,
    )
      .map(([k, v]) => `${k} ∈ ${JSON.stringify(v)}`)
      .join('; ')}; trọng số thay đổi ngẫu nhiên ở cấp ${Object.entries(spec.weightNoise)
      .map(([level, f]) => `${level} (±${Math.round(f * 100)}%)`)
      .join(', ')}.`,
  ]);
  intro.font = { name: FONT, italic: true };
  s.addRow([]);
  header(
    s,
    [
      'Mã tỉnh',
      'Tỉnh, thành phố',
      'Hạng danh nghĩa',
      'Hạng trung bình',
      'Hạng trung vị',
      'Phân vị 5%',
      'Phân vị 95%',
    ],
    [8, 24, 12, 12, 12, 11, 11],
  );
  for (const u of rankedUnits(run)) {
    const r = stats[u.code];
    const row = s.addRow([
      u.code,
      u.nameVi,
      r?.nominal ?? null,
      r?.mean ?? null,
      r?.median ?? null,
      r?.q5 ?? null,
      r?.q95 ?? null,
    ]);
    row.getCell(4).numFmt = SCORE;
  }
}

function inputSheets(wb: ExcelJS.Workbook, run: RunDetail) {
  const { inputs } = run;
  const f = sheetOf(wb, 'Khung chỉ số');
  header(
    f,
    [
      'Cấp',
      'Mã',
      'Tên',
      'Tên tiếng Anh',
      'Chiều',
      'Trọng số',
      'Thuộc',
      'Loại',
      'Mẫu số',
      'Chỉ tiêu nguồn',
      'Đơn vị tính',
    ],
    [6, 10, 60, 40, 7, 9, 10, 12, 10, 24, 14],
  );
  for (const n of inputs.framework) {
    f.addRow([
      n.level,
      n.code,
      n.nameVi,
      n.nameEn,
      n.direction,
      n.weight,
      n.parent,
      n.type,
      n.denominator,
      n.sourceIndicator,
      n.unitVi,
    ]);
  }
  const v = sheetOf(wb, 'Số liệu đầu vào');
  const codes = Object.keys(inputs.table.columns);
  const ordered = inputs.framework.map((n) => n.code).filter((c) => codes.includes(c));
  header(
    v,
    ['Mã đơn vị', 'Mã tỉnh', 'Tỉnh, thành phố', ...ordered],
    [16, 8, 24, ...ordered.map(() => 12)],
  );
  inputs.table.units.forEach((u, i) => {
    v.addRow([u.id, u.code, u.nameVi, ...ordered.map((c) => inputs.table.columns[c]![i] ?? null)]);
  });
  const c = sheetOf(wb, 'Cấu hình');
  c.getColumn(1).width = 30;
  c.getColumn(2).width = 100;
  const rows: Array<[string, string]> = [
    ['Mã băm đầu vào (SHA-256)', run.inputHash],
    [
      'Cách tính mã băm',
      'SHA-256 của JSON chuẩn hóa (khóa sắp theo thứ tự) gồm: khung chỉ số, cấu hình, đơn vị xếp hạng, năm số liệu, nguồn số liệu, bảng số liệu đầu vào và thiết lập phân tích bất định.',
    ],
    ['Cấu hình tính toán', JSON.stringify(inputs.config)],
    [
      'Thiết lập phân tích bất định',
      inputs.uncertainty ? JSON.stringify(inputs.uncertainty) : 'Không thực hiện',
    ],
    ['Tỉnh, thành phố bị loại khi sàng lọc', run.outputs.removedUnits.join(', ') || 'Không có'],
  ];
  for (const r of rows) {
    const row = c.addRow(r);
    row.getCell(1).font = { name: FONT, bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  }
}

/** The .xlsx of a run. */
export async function runWorkbook(
  registry: UnitRegistry,
  run: RunDetail,
  exportedAt: Date,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Cầu Nối';
  wb.created = exportedAt;
  const o = run.outputs;
  infoSheet(wb, run, exportedAt);
  rankingSheet(wb, registry, run);
  profileSheet(wb, registry, run);
  dataSetSheet(wb, run, 'Dữ liệu gốc', o.raw);
  dataSetSheet(wb, run, 'Sau chia mẫu số', o.denominated);
  dataSetSheet(wb, run, 'Sau bù số liệu thiếu', o.imputed);
  dataSetSheet(wb, run, 'Sau sàng lọc', o.screened);
  dataSetSheet(wb, run, 'Sau xử lý ngoại lai', o.treated);
  dataSetSheet(wb, run, 'Điểm chuẩn hóa', o.normalised, SCORE);
  dataSetSheet(wb, run, 'Điểm tổng hợp', o.aggregated, SCORE);
  dataSetSheet(wb, run, 'Thứ hạng', o.ranks);
  treatmentSheet(wb, run);
  auditSheets(wb, run);
  uncertaintySheet(wb, run);
  inputSheets(wb, run);
  for (const sheet of wb.worksheets) {
    sheet.eachRow((row) => {
      row.eachCell((c) => {
        if (!c.font?.bold && !c.font?.italic) c.font = { name: FONT };
      });
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** File name of a run's workbook: `PII-2025-du-lieu-2024-<8 hex of the hash>.xlsx`. */
export function runFileName(run: RunDetail): string {
  return `PII-${run.editionYear}-du-lieu-${run.dataYear}-${run.inputHash.slice(0, 8)}.xlsx`;
}
