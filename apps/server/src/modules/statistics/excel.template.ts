import ExcelJS from 'exceljs';
import {
  formatDateVi,
  VALUE_TYPE_LABELS,
  type IndicatorDefinition,
  type ValueType,
} from '@caunoi/shared';
import { cellKey, derivedNumbers, type Catalogue } from './catalogue.js';
import type { StoredValue } from './values.store.js';

/**
 * The Excel template of a form for one period and one or more units: an instructions sheet, one
 * data sheet per unit, and a very hidden sheet that says what the workbook is. The layout below
 * is also what the upload reads back (see excel.upload.ts), so both sides share these constants.
 */

/** Raised when the layout changes in a way an older upload reader could not follow. */
export const TEMPLATE_VERSION = 1;
/** First cell of the metadata sheet: tells our templates from any other workbook. */
export const TEMPLATE_MARK = 'CAUNOI-STAT-TEMPLATE';
/** Hidden from Excel's "Unhide" menu (state veryHidden). */
export const META_SHEET = 'caunoi_meta';
export const INSTRUCTIONS_SHEET = 'Hướng dẫn';

/** Data sheet columns (1-based). Only the value and comment cells of typed rows are unlocked. */
export const COL = {
  no: 1,
  name: 2,
  option: 3,
  unit: 4,
  value: 5,
  comment: 6,
  evidence: 7,
  /** Hidden: the indicator code of the row (or a structure mark). */
  code: 8,
  /** Hidden: the disaggregation option code ('' for an indicator without options). */
  optionCode: 9,
} as const;
export const VALUE_LETTER = 'E';
export const COMMENT_LETTER = 'F';
export const LAST_VISIBLE_COL = COL.evidence;
export const HEADER_ROW = 6;

/**
 * Hidden cells of a data sheet naming its unit, form and period (label in the code column, value
 * in the option-code column): a sheet renamed, moved or copied into another workbook is still
 * recognised, and a sheet copied from another template is caught.
 */
export const SHEET_KEYS = { unit: 1, form: 2, period: 3, valuesAsOf: 4 } as const;
export const SHEET_KEY_LABELS = {
  unit: 'UNIT',
  form: 'FORM',
  period: 'PERIOD',
  /** When the newest stored value of the sheet was written ('' when none was): later changes are flagged. */
  valuesAsOf: 'VALUES_AS_OF',
} as const;
/** Code-column mark of the group header rows (not values). */
export const GROUP_MARK = '#NHOM';

/** Read-only rows: a disaggregated indicator's total, a ratio computed from its components. */
export type ReadOnlyKind = 'total' | 'ratio';

/**
 * Whether a row is computed in the template rather than typed: the total of a disaggregated
 * indicator always; a ratio when both its numerator and denominator are on the form.
 */
export function readOnlyKind(
  catalogue: Catalogue,
  formCodes: ReadonlySet<string>,
  indicator: IndicatorDefinition,
  optionCode: string,
): ReadOnlyKind | null {
  if (optionCode !== '') return null;
  if (catalogue.optionsOf(indicator).length > 0) return 'total';
  if (
    indicator.unitAggregation === 'ratio' &&
    indicator.ratio &&
    formCodes.has(indicator.ratio.numerator) &&
    formCodes.has(indicator.ratio.denominator)
  ) {
    return 'ratio';
  }
  return null;
}

export interface TemplateUnit {
  unitId: string;
  /** The unit's name on the period's last day. */
  nameVi: string;
  /** Stored values of the unit for the period, by `cellKey`. */
  values: ReadonlyMap<string, StoredValue>;
}

export interface TemplateInput {
  form: { id: string; code: string; nameVi: string };
  period: { code: string; labelVi: string; start: string; end: string };
  schedule: { opensOn: string; deadline: string; locksOn: string };
  catalogue: Catalogue;
  /** The form's indicators in the form's order. */
  indicators: readonly IndicatorDefinition[];
  units: readonly TemplateUnit[];
  generatedAt: Date;
}

const FONT = 'Times New Roman';
const fill = (argb: string): ExcelJS.Fill => ({
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb },
});
const INPUT_FILL = fill('FFFFF2CC');
const COMPUTED_FILL = fill('FFEDEDED');
const HEADER_FILL = fill('FFDDEBF7');
const GROUP_FILL = fill('FFF2F2F2');
const thin = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

/** Number formats: Excel shows them with the reader's separators (1.234,5 on a Vietnamese system). */
const NUMBER_FORMATS: Record<ValueType, string> = {
  integer: '#,##0',
  decimal: '#,##0.0##',
  percentage: '#,##0.0##',
  boolean: '@',
  text: '@',
};

const BLANK_HINT = 'Để trống nếu chưa có số liệu; ghi 0 nếu số liệu bằng 0.';

/** Excel's input message (title ≤ 32 characters, text ≤ 255) and check of a typed cell. */
function validationOf(indicator: IndicatorDefinition): ExcelJS.DataValidation {
  const unit = `Đơn vị tính: ${indicator.unitVi}.`;
  const common = {
    allowBlank: true,
    showInputMessage: true,
    showErrorMessage: true,
    // A warning, not a stop: a value typed as text ("1.234,5" on an English system) is still
    // accepted by the upload, which is the check that counts.
    errorStyle: 'warning',
    promptTitle: VALUE_TYPE_LABELS[indicator.valueType].vi,
    errorTitle: 'Giá trị chưa đúng',
  };
  switch (indicator.valueType) {
    case 'integer':
      return {
        ...common,
        type: 'whole',
        operator: 'greaterThanOrEqual',
        formulae: [0],
        prompt: `${unit} Nhập số nguyên không âm, ví dụ 1.234. ${BLANK_HINT}`,
        error: 'Chỉ tiêu này cần một số nguyên không âm.',
      };
    case 'decimal':
      return {
        ...common,
        type: 'decimal',
        operator: 'between',
        formulae: [-1e15, 1e15],
        prompt: `${unit} Nhập số, ví dụ 1.234,5 hoặc 1,234.5. ${BLANK_HINT}`,
        error: 'Chỉ tiêu này cần một số.',
      };
    case 'percentage':
      return {
        ...common,
        type: 'decimal',
        operator: 'between',
        formulae: [0, 100],
        prompt: `Tỷ lệ phần trăm từ 0 đến 100, ví dụ 40,43 hoặc 40,43%. ${BLANK_HINT}`,
        error: 'Tỷ lệ phần trăm thường nằm trong khoảng 0 – 100.',
      };
    case 'boolean':
      return {
        ...common,
        type: 'list',
        formulae: ['"Có,Không"'],
        prompt: 'Chọn Có hoặc Không trong danh sách. Để trống nếu chưa có thông tin.',
        error: 'Chọn Có hoặc Không.',
      };
    case 'text':
      return {
        ...common,
        type: 'textLength',
        operator: 'lessThanOrEqual',
        formulae: [4000],
        prompt: 'Nhập nội dung (tối đa 4.000 ký tự). Để trống nếu chưa có thông tin.',
        error: 'Nội dung tối đa 4.000 ký tự.',
      };
  }
}

const COMMENT_VALIDATION: ExcelJS.DataValidation = {
  type: 'textLength',
  operator: 'lessThanOrEqual',
  formulae: [2000],
  allowBlank: true,
  showInputMessage: true,
  showErrorMessage: true,
  errorStyle: 'stop',
  promptTitle: 'Ghi chú, giải trình',
  prompt:
    'Giải trình số liệu khi cần (ví dụ khi vượt cảnh báo kiểm tra). Tối đa 2.000 ký tự. Xóa ô để bỏ ghi chú.',
  errorTitle: 'Ghi chú quá dài',
  error: 'Ghi chú tối đa 2.000 ký tự.',
};

/** The value a typed cell shows: what is stored, blank when nothing is. */
function storedCellValue(
  indicator: IndicatorDefinition,
  v: StoredValue | undefined,
): ExcelJS.CellValue {
  if (!v) return null;
  switch (indicator.valueType) {
    case 'boolean':
      return v.num === null ? null : v.num !== 0 ? 'Có' : 'Không';
    case 'text':
      return v.txt;
    default:
      return v.num;
  }
}

type PlanRow =
  | { kind: 'group'; code: string; label: string; no: string }
  | {
      kind: 'cell' | ReadOnlyKind;
      indicator: IndicatorDefinition;
      optionCode: string;
      optionName: string | null;
      no: string;
      /** For a total: the rows of its options; for a ratio: the rows of its components. */
      refs?: { first: number; second: number };
    };

const ROMAN = [
  'I',
  'II',
  'III',
  'IV',
  'V',
  'VI',
  'VII',
  'VIII',
  'IX',
  'X',
  'XI',
  'XII',
  'XIII',
  'XIV',
  'XV',
  'XVI',
  'XVII',
  'XVIII',
  'XIX',
  'XX',
];

/** The rows of a data sheet, the same for every unit: groups, indicators, their options. */
function planRows(input: TemplateInput): PlanRow[] {
  const { catalogue, indicators } = input;
  const formCodes = new Set(indicators.map((i) => i.code));
  const groups = new Map(catalogue.groups.map((g) => [g.code, g.nameVi]));
  const rows: PlanRow[] = [];
  /** Row of the cell a formula reads for an indicator's value (its total, or its only cell). */
  const valueRow = new Map<string, number>();
  const at = () => HEADER_ROW + 1 + rows.length;
  let group: string | null = null;
  let groupCount = 0;
  let n = 0;
  for (const indicator of indicators) {
    if (indicator.group !== group) {
      group = indicator.group;
      rows.push({
        kind: 'group',
        code: group,
        label: groups.get(group) ?? group,
        no: ROMAN[groupCount] ?? String(groupCount + 1),
      });
      groupCount++;
    }
    n++;
    const options = catalogue.optionsOf(indicator);
    const kind = readOnlyKind(catalogue, formCodes, indicator, '');
    valueRow.set(indicator.code, at());
    if (options.length > 0) {
      const first = at() + 1;
      rows.push({
        kind: 'total',
        indicator,
        optionCode: '',
        optionName: 'Tổng số',
        no: String(n),
        refs: { first, second: first + options.length - 1 },
      });
      for (const o of options) {
        rows.push({
          kind: 'cell',
          indicator,
          optionCode: o.code,
          optionName: `- ${o.nameVi}`,
          no: '',
        });
      }
    } else {
      rows.push({
        kind: kind ?? 'cell',
        indicator,
        optionCode: '',
        optionName: null,
        no: String(n),
      });
    }
  }
  for (const row of rows) {
    if (row.kind === 'ratio' && row.indicator.ratio) {
      row.refs = {
        first: valueRow.get(row.indicator.ratio.numerator)!,
        second: valueRow.get(row.indicator.ratio.denominator)!,
      };
    }
  }
  return rows;
}

/** A sheet name Excel accepts (≤ 31 characters, none of []:*?/\), unique in the workbook. */
export function sheetNameFor(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 28) || 'Đơn vị';
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLocaleLowerCase('vi')); i++) candidate = `${base} (${i})`;
  taken.add(candidate.toLocaleLowerCase('vi'));
  return candidate;
}

function titleRow(
  sheet: ExcelJS.Worksheet,
  row: number,
  text: string,
  font: Partial<ExcelJS.Font>,
) {
  sheet.mergeCells(row, 1, row, LAST_VISIBLE_COL);
  const cell = sheet.getCell(row, 1);
  cell.value = text;
  cell.font = { name: FONT, ...font };
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
}

function dataSheet(
  wb: ExcelJS.Workbook,
  input: TemplateInput,
  plan: readonly PlanRow[],
  unit: TemplateUnit,
  sheetName: string,
) {
  const { form, period, schedule, catalogue } = input;
  const sheet = wb.addWorksheet(sheetName, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, activeCell: `${VALUE_LETTER}8` }],
    pageSetup: {
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      printArea: `A1:G${HEADER_ROW + plan.length}`,
    },
    properties: { tabColor: { argb: 'FF2F5597' } },
  });
  const widths = [6, 56, 28, 14, 18, 38, 15, 26, 22];
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  sheet.getColumn(COL.code).hidden = true;
  sheet.getColumn(COL.optionCode).hidden = true;

  titleRow(sheet, 1, form.nameVi.toLocaleUpperCase('vi'), { bold: true, size: 14 });
  titleRow(sheet, 2, `Mã biểu: ${form.code} — Đơn vị báo cáo: ${unit.nameVi}`, {
    bold: true,
    size: 12,
  });
  titleRow(
    sheet,
    3,
    `Kỳ báo cáo: ${period.labelVi} (từ ${formatDateVi(period.start)} đến ${formatDateVi(period.end)})`,
    { size: 12 },
  );
  titleRow(
    sheet,
    4,
    `Mở nhập: ${formatDateVi(schedule.opensOn)} — Hạn nộp: ${formatDateVi(schedule.deadline)} — Khóa số liệu: ${formatDateVi(schedule.locksOn)}`,
    { size: 12 },
  );
  titleRow(
    sheet,
    5,
    `Chỉ nhập vào các ô nền vàng (cột Giá trị và Ghi chú). Ô để trống là chưa có số liệu, khác với số 0. Dòng nền xám được tính tự động. Xem trang "${INSTRUCTIONS_SHEET}".`,
    { italic: true, size: 11 },
  );
  sheet.getRow(1).height = 36;
  sheet.getRow(5).height = 30;
  let asOf: Date | null = null;
  for (const v of unit.values.values()) if (!asOf || v.updatedAt > asOf) asOf = v.updatedAt;
  const keys: Record<keyof typeof SHEET_KEYS, string> = {
    unit: unit.unitId,
    form: form.id,
    period: period.code,
    valuesAsOf: asOf?.toISOString() ?? '',
  };
  for (const [key, row] of Object.entries(SHEET_KEYS) as Array<[keyof typeof SHEET_KEYS, number]>) {
    sheet.getCell(row, COL.code).value = SHEET_KEY_LABELS[key];
    sheet.getCell(row, COL.optionCode).value = keys[key];
  }

  const header = sheet.getRow(HEADER_ROW);
  header.values = [
    'STT',
    'Chỉ tiêu',
    'Phân tổ',
    'Đơn vị tính',
    'Giá trị',
    'Ghi chú, giải trình',
    'Minh chứng',
    'Mã chỉ tiêu',
    'Mã phân tổ',
  ];
  header.height = 32;
  header.eachCell((cell) => {
    cell.font = { name: FONT, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
  });

  const typed = new Map<string, number>();
  for (const [k, v] of unit.values) if (v.num !== null) typed.set(k, v.num);
  const numbers = derivedNumbers(catalogue, typed);

  plan.forEach((p, i) => {
    const r = HEADER_ROW + 1 + i;
    const row = sheet.getRow(r);
    const cell = (c: number) => row.getCell(c);
    for (let c = 1; c <= LAST_VISIBLE_COL; c++) {
      cell(c).border = BORDER;
      cell(c).font = { name: FONT };
      cell(c).alignment = { vertical: 'top', wrapText: c !== COL.value };
    }
    if (p.kind === 'group') {
      cell(COL.no).value = p.no;
      cell(COL.name).value = p.label;
      for (let c = 1; c <= LAST_VISIBLE_COL; c++) {
        cell(c).font = { name: FONT, bold: true };
        cell(c).fill = GROUP_FILL;
      }
      cell(COL.code).value = GROUP_MARK;
      cell(COL.optionCode).value = p.code;
      return;
    }
    const { indicator } = p;
    // Empty cells stay empty (no '' strings): fewer cells for Excel and for the upload to read.
    cell(COL.no).value = p.no || null;
    cell(COL.name).value = p.optionCode === '' ? indicator.nameVi : null;
    cell(COL.option).value = p.optionName;
    cell(COL.unit).value = indicator.unitVi;
    cell(COL.code).value = indicator.code;
    cell(COL.optionCode).value = p.optionCode || null;
    const value = cell(COL.value);
    value.numFmt = NUMBER_FORMATS[indicator.valueType];
    value.alignment = {
      vertical: 'top',
      horizontal: indicator.valueType === 'text' ? 'left' : 'right',
      wrapText: indicator.valueType === 'text',
    };
    if (p.kind === 'cell') {
      const stored = unit.values.get(cellKey(indicator.code, p.optionCode));
      value.value = storedCellValue(indicator, stored);
      value.protection = { locked: false };
      value.fill = INPUT_FILL;
      value.dataValidation = validationOf(indicator);
      const comment = cell(COL.comment);
      comment.value = stored?.comment ?? null;
      comment.protection = { locked: false };
      comment.fill = INPUT_FILL;
      comment.dataValidation = COMMENT_VALIDATION;
      if (indicator.evidenceRequired) cell(COL.evidence).value = 'Cần minh chứng';
      return;
    }
    // Computed rows: a formula Excel recalculates, its cached result from the stored values.
    const total = numbers.get(cellKey(indicator.code, ''));
    const { first, second } = p.refs!;
    const formula =
      p.kind === 'total'
        ? `IF(COUNT(${VALUE_LETTER}${first}:${VALUE_LETTER}${second})=0,"",SUM(${VALUE_LETTER}${first}:${VALUE_LETTER}${second}))`
        : `IF(AND(ISNUMBER(${VALUE_LETTER}${first}),ISNUMBER(${VALUE_LETTER}${second})),IF(${VALUE_LETTER}${second}=0,"",${VALUE_LETTER}${first}/${VALUE_LETTER}${second}*${indicator.ratio!.factor}),"")`;
    value.value = total === undefined ? { formula } : { formula, result: total };
    for (let c = 1; c <= LAST_VISIBLE_COL; c++) cell(c).fill = COMPUTED_FILL;
    value.font = { name: FONT, bold: p.kind === 'total', italic: true };
    cell(COL.comment).value =
      p.kind === 'total' ? 'Tự động: tổng các phân tổ' : 'Tự động: tính từ tử số và mẫu số';
    cell(COL.comment).font = { name: FONT, italic: true, color: { argb: 'FF7F7F7F' } };
  });
  return sheet;
}

function instructionsSheet(wb: ExcelJS.Workbook, input: TemplateInput, sheetNames: string[]) {
  const { form, period, schedule } = input;
  const sheet = wb.addWorksheet(INSTRUCTIONS_SHEET, {
    properties: { tabColor: { argb: 'FF70AD47' } },
    pageSetup: { orientation: 'portrait', paperSize: 9, fitToPage: true, fitToWidth: 1 },
  });
  sheet.getColumn(1).width = 30;
  sheet.getColumn(2).width = 100;
  sheet.mergeCells(1, 1, 1, 2);
  const title = sheet.getCell(1, 1);
  title.value = 'HƯỚNG DẪN NHẬP SỐ LIỆU VÀ TẢI LÊN';
  title.font = { name: FONT, bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  const line = (label: string, text: string, bold = false) => {
    const row = sheet.addRow([label, text]);
    row.getCell(1).font = { name: FONT, bold: true };
    row.getCell(2).font = { name: FONT, bold };
    row.getCell(1).alignment = { vertical: 'top', wrapText: true };
    row.getCell(2).alignment = { vertical: 'top', wrapText: true };
  };
  const section = (text: string) => {
    sheet.addRow([]);
    const row = sheet.addRow([text]);
    row.getCell(1).font = { name: FONT, bold: true, size: 12, color: { argb: 'FF2F5597' } };
  };
  sheet.addRow([]);
  line('Biểu mẫu', `${form.nameVi} (mã ${form.code})`, true);
  line(
    'Kỳ báo cáo',
    `${period.labelVi}: từ ${formatDateVi(period.start)} đến ${formatDateVi(period.end)}`,
  );
  line(
    input.units.length === 1 ? 'Đơn vị báo cáo' : `Đơn vị báo cáo (${input.units.length})`,
    input.units.map((u, i) => `${u.nameVi} (trang "${sheetNames[i]}")`).join('; '),
  );
  line('Mở nhập số liệu', formatDateVi(schedule.opensOn));
  line('Hạn nộp báo cáo', formatDateVi(schedule.deadline), true);
  line(
    'Ngày khóa số liệu',
    `${formatDateVi(schedule.locksOn)}. Sau ngày này không tải lên được nữa; nếu cần sửa, đề nghị Bộ Khoa học và Công nghệ mở lại báo cáo.`,
  );

  section('1. Cách điền');
  line(
    'Ô được nhập',
    'Chỉ nhập vào các ô nền vàng: cột "Giá trị" và cột "Ghi chú, giải trình". Các ô khác đã được khóa. Số liệu đã có trên hệ thống được điền sẵn; sửa hoặc bổ sung trực tiếp vào đó.',
  );
  line(
    'Để trống khác số 0',
    'Ô để trống nghĩa là chưa có số liệu. Khi số liệu bằng không, ghi 0. Hệ thống lưu hai trường hợp này khác nhau. Xóa một ô đã có số liệu nghĩa là bỏ số liệu đó.',
  );
  line(
    'Cách ghi số',
    'Ghi theo kiểu Việt Nam (1.234,5) hoặc kiểu quốc tế (1,234.5); khoảng trắng giữa các nhóm ba chữ số được chấp nhận. Nếu chỉ có một dấu phân cách và đúng ba chữ số sau nó (ví dụ 1.234) ở chỉ tiêu số thập phân, hệ thống không đoán: ghi 1234 nếu là số nguyên, hoặc 1,2340 nếu là số thập phân. Chỉ tiêu số nguyên không có phần thập phân.',
  );
  line(
    'Tỷ lệ phần trăm',
    'Ghi 40,43 hoặc 40,43% (cùng một giá trị). Ô định dạng phần trăm của Excel cũng được đọc đúng.',
  );
  line('Có/Không', 'Chọn "Có" hoặc "Không" trong danh sách của ô.');
  line(
    'Dòng tính tự động',
    'Dòng "Tổng số" của chỉ tiêu có phân tổ và các tỷ lệ được tính từ chỉ tiêu thành phần (nền xám) do hệ thống tính; không nhập vào các dòng này.',
  );
  line(
    'Công thức',
    'Có thể dùng công thức trong ô giá trị; hệ thống lấy kết quả Excel đã tính. Hãy mở và lưu tệp bằng Excel (hoặc phần mềm bảng tính tương đương) trước khi tải lên để kết quả được lưu trong tệp.',
  );
  line(
    'Minh chứng',
    'Chỉ tiêu đánh dấu "Cần minh chứng": sau khi tải lên, đính kèm tệp minh chứng cho từng ô đã nhập trên trang báo cáo.',
  );
  line(
    'Giữ nguyên cấu trúc',
    'Không thêm, xóa hoặc đổi thứ tự dòng, cột, không đổi mã ở các cột ẩn H và I, không bỏ bảo vệ trang tính (bảo vệ không đặt mật khẩu, chỉ để tránh sửa nhầm). Dòng hoặc trang tính thêm vào sẽ bị bỏ qua kèm cảnh báo.',
  );

  section('2. Cách tải lên');
  line(
    'Tải lên',
    'Trên trang báo cáo của kỳ, chọn "Tải lên tệp Excel" và chọn tệp này (định dạng .xlsx). Hệ thống đọc tệp và hiển thị bản xem trước: mọi thay đổi so với số liệu đang lưu (giá trị cũ → mới) và mọi lỗi kèm vị trí ô (ví dụ E12). Chưa có gì được ghi ở bước này.',
  );
  line(
    'Sửa lỗi',
    'Sửa các ô bị báo lỗi trong tệp, lưu lại rồi tải lên lần nữa. Chỉ ghi được khi tệp không còn lỗi; khi ghi, toàn bộ số liệu của tệp được lưu trong một lần, hoặc không ô nào được lưu.',
  );
  line(
    'Gửi báo cáo',
    'Sau khi ghi, kiểm tra báo cáo trên hệ thống (quy tắc kiểm tra, cảnh báo cần giải trình, minh chứng) rồi gửi lãnh đạo Sở phê duyệt trước hạn nộp.',
  );
  line(
    'Tệp khác biểu, kỳ, đơn vị',
    'Tệp chỉ dùng cho đúng biểu mẫu, kỳ báo cáo và đơn vị ghi ở trên. Tải lên trang của biểu, kỳ hoặc đơn vị khác sẽ bị từ chối và không có số liệu nào được ghi.',
  );
  sheet.addRow([]);
  const footer = sheet.addRow([
    `Tệp tạo lúc ${input.generatedAt.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })} bởi hệ thống Cầu Nối — mẫu phiên bản ${TEMPLATE_VERSION}.`,
  ]);
  sheet.mergeCells(footer.number, 1, footer.number, 2);
  footer.getCell(1).font = { name: FONT, italic: true, color: { argb: 'FF7F7F7F' } };
  return sheet;
}

function metaSheet(wb: ExcelJS.Workbook, input: TemplateInput, sheetNames: string[]) {
  const sheet = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  sheet.addRow([TEMPLATE_MARK, TEMPLATE_VERSION]);
  sheet.addRow(['formId', input.form.id]);
  sheet.addRow(['formCode', input.form.code]);
  sheet.addRow(['periodCode', input.period.code]);
  sheet.addRow(['generatedAt', input.generatedAt.toISOString()]);
  sheet.addRow(['instructions', INSTRUCTIONS_SHEET]);
  input.units.forEach((u, i) => sheet.addRow(['sheet', sheetNames[i], u.unitId]));
  return sheet;
}

/** The template workbook as an .xlsx file. */
export async function templateWorkbook(input: TemplateInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Cầu Nối — Bộ Khoa học và Công nghệ';
  wb.created = input.generatedAt;
  wb.calcProperties = { fullCalcOnLoad: true };
  const taken = new Set([INSTRUCTIONS_SHEET, META_SHEET].map((s) => s.toLocaleLowerCase('vi')));
  const sheetNames = input.units.map((u) => sheetNameFor(u.nameVi, taken));
  instructionsSheet(wb, input, sheetNames);
  const plan = planRows(input);
  for (const [i, unit] of input.units.entries()) {
    const sheet = dataSheet(wb, input, plan, unit, sheetNames[i]!);
    // No password: the protection keeps the structure from being changed by mistake.
    await sheet.protect('', {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
    });
  }
  await wb.getWorksheet(INSTRUCTIONS_SHEET)!.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
  });
  metaSheet(wb, input, sheetNames);
  // Open on the first data sheet.
  wb.views = [
    { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 1, visibility: 'visible' },
  ];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** `BM-KHCN-NAM_2025_Hai-Phong.xlsx`: ASCII, so that every mail client and archive keeps it. */
export function templateFileName(
  formCode: string,
  periodCode: string,
  units: ReadonlyArray<{ nameAscii: string }>,
): string {
  const slug = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  const who = units.length === 1 ? slug(units[0]!.nameAscii) : `${units.length}-don-vi`;
  return `${slug(formCode)}_${slug(periodCode)}_${who}.xlsx`;
}
