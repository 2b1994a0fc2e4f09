import {
  formatDateVi,
  LIMITS,
  parseCellValue,
  parsePeriod,
  REPORT_STATUS_LABELS,
  type IndicatorDefinition,
  type Period,
} from '@caunoi/shared';
import { UnitError, type UnitRecord, type UnitRegistry } from '@caunoi/units';
import type { Catalogue } from './catalogue.js';
import { lockKey, type LockingReport } from './import.repo.js';
import { IssueList, type RawRecord } from './import.parse.js';
import type { ImportColumn } from './import.schemas.js';
import { keyOf, type ValueWrite } from './values.store.js';

/**
 * The checks of a bulk import, record by record, with everything they need in memory (the
 * catalogue, the unit registry, the locked values): no query per record. Every problem of every
 * record is reported; a record with one is not written.
 */

type Failure = { code: string; message: string };
type UnitAnswer = { unit: UnitRecord } | Failure;

const UNIT_ID = /^(\d{1,2})@(\d{4}-\d{2}-\d{2})$/;
const UNIT_CODE = /^\d{1,2}$/;
const PERIOD_HELP =
  'ghi 2024 (năm), 2024H1 (6 tháng), 2024Q3 (quý), 2024M07 (tháng), thêm -AD cho kỳ báo cáo hành chính (2024Q3-AD)';

/** The codes of the valid periods the records name (to load the locked values once). */
export function periodsOf(records: readonly RawRecord[]): string[] {
  const texts = new Set<string>();
  for (const r of records) texts.add(r.period);
  const codes = new Set<string>();
  for (const t of texts) {
    const p = parsePeriod(t);
    if (p) codes.add(p.code);
  }
  return [...codes];
}

/**
 * Checks records in order, in as many calls as the caller likes (a bulk import writes the first
 * records while it checks the next): a key repeated in a later call is still a duplicate.
 */
export class RecordChecker {
  readonly errors = new IssueList();
  /** Where each key was first met: its line, or minus its record number (JSON has no lines). */
  private readonly seen = new Map<string, number>();
  private readonly periods = new Map<string, Period | null>();
  /** Unit answers by period code ('' when the period is bad), then by the unit as written. */
  private readonly units = new Map<string, Map<string, UnitAnswer>>();
  private readonly optionSets = new Map<string, Set<string>>();

  constructor(
    private readonly catalogue: Catalogue,
    private readonly registry: UnitRegistry,
  ) {}

  /** The values locked by reports: the caller adds those of each period before its records. */
  readonly locked = new Map<string, LockingReport>();

  private optionsOf(indicator: IndicatorDefinition): Set<string> {
    let set = this.optionSets.get(indicator.code);
    if (!set) {
      set = new Set(this.catalogue.optionsOf(indicator).map((o) => o.code));
      this.optionSets.set(indicator.code, set);
    }
    return set;
  }

  /** The values the records write; the problems of those that write nothing go to `errors`. */
  check(records: readonly RawRecord[]): ValueWrite[] {
    const { catalogue, registry, locked, seen, periods, units, errors } = this;
    const writes: ValueWrite[] = [];
    const fail = (r: RawRecord, field: ImportColumn | null, code: string, message: string) =>
      errors.add({ record: r.record, line: r.line, field, code, message });
    for (const r of records) {
      const errorsBefore = errors.count;

      // Indicator and option.
      let indicator: IndicatorDefinition | undefined;
      let optionCode = '';
      if (r.indicator === '') {
        fail(r, 'indicator', 'MISSING_FIELD', 'Thiếu mã chỉ tiêu (indicator).');
      } else {
        indicator =
          catalogue.indicator(r.indicator) ?? catalogue.indicator(r.indicator.toUpperCase());
        if (!indicator) {
          fail(
            r,
            'indicator',
            'UNKNOWN_INDICATOR',
            `Không có chỉ tiêu mã "${r.indicator}" trong danh mục chỉ tiêu.`,
          );
        } else {
          const options = this.optionsOf(indicator);
          if (options.size === 0) {
            if (r.option !== '') {
              fail(
                r,
                'option',
                'OPTION_NOT_ALLOWED',
                `Chỉ tiêu ${indicator.code} không có phân tổ: để trống cột option (nhận "${r.option}").`,
              );
            }
          } else if (r.option === '') {
            fail(
              r,
              'option',
              'TOTAL_IS_DERIVED',
              `Chỉ tiêu ${indicator.code} được phân tổ: ghi số của từng phân tổ (${[...options].join(', ')}); số tổng được tính từ các phân tổ, không nhập.`,
            );
          } else if (!options.has(r.option.toUpperCase())) {
            fail(
              r,
              'option',
              'UNKNOWN_OPTION',
              `Phân tổ "${r.option}" không thuộc chỉ tiêu ${indicator.code}; các phân tổ: ${[...options].join(', ')}.`,
            );
          } else {
            optionCode = r.option.toUpperCase();
          }
        }
      }

      // Period.
      let period: Period | null = null;
      if (r.period === '') {
        fail(r, 'period', 'MISSING_FIELD', 'Thiếu kỳ báo cáo (period).');
      } else {
        if (!periods.has(r.period)) periods.set(r.period, parsePeriod(r.period));
        period = periods.get(r.period) ?? null;
        if (!period)
          fail(r, 'period', 'BAD_PERIOD', `Kỳ "${r.period}" không hợp lệ: ${PERIOD_HELP}.`);
      }

      // Unit, on the period's last day.
      let unit: UnitRecord | undefined;
      if (r.unit === '') {
        fail(
          r,
          'unit',
          'MISSING_FIELD',
          'Thiếu đơn vị (unit): mã tỉnh, ví dụ 31, hoặc mã đơn vị, ví dụ 31@2025-07-01.',
        );
      } else if (period || UNIT_ID.test(r.unit)) {
        const periodCode = period?.code ?? '';
        let ofPeriod = units.get(periodCode);
        if (!ofPeriod) units.set(periodCode, (ofPeriod = new Map()));
        let answer = ofPeriod.get(r.unit);
        if (!answer) {
          answer = resolveUnit(registry, r.unit, period);
          ofPeriod.set(r.unit, answer);
        }
        if ('unit' in answer) unit = answer.unit;
        else if (answer.code !== 'PERIOD_NEEDED') fail(r, 'unit', answer.code, answer.message);
      } else if (!UNIT_CODE.test(r.unit)) {
        fail(r, 'unit', 'UNKNOWN_UNIT', unitFormatMessage(r.unit));
      }

      // Value (and comment).
      let num: number | null = null;
      let txt: string | null = null;
      if (indicator) {
        const parsed = parseCellValue(r.value, indicator.valueType);
        if (!parsed.ok) fail(r, 'value', parsed.code, parsed.message);
        else if (typeof parsed.value === 'number') num = parsed.value;
        else if (typeof parsed.value === 'boolean') num = parsed.value ? 1 : 0;
        else if (typeof parsed.value === 'string') {
          if (parsed.value.length > LIMITS.textMax) {
            fail(r, 'value', 'TEXT_TOO_LONG', `Giá trị dài quá ${LIMITS.textMax} ký tự.`);
          } else txt = parsed.value;
        }
      }
      if (r.comment.length > LIMITS.textMax) {
        fail(r, 'comment', 'TEXT_TOO_LONG', `Ghi chú dài quá ${LIMITS.textMax} ký tự.`);
      }
      if (errors.count > errorsBefore || !indicator || !unit || !period) continue;

      const write: ValueWrite = {
        indicatorCode: indicator.code,
        optionCode,
        unitId: unit.id,
        periodCode: period.code,
        num,
        txt,
        // A blank comment leaves the stored one as it is.
        comment: r.comment === '' ? undefined : r.comment,
      };
      const key = keyOf(write);
      const first = seen.get(key);
      if (first !== undefined) {
        fail(
          r,
          null,
          'DUPLICATE_KEY',
          `Trùng ô với ${first < 0 ? `bản ghi ${-first}` : `dòng ${first}`}: cùng chỉ tiêu ${indicator.code}${optionCode ? `.${optionCode}` : ''}, đơn vị ${unit.id}, kỳ ${period.code}.`,
        );
        continue;
      }
      seen.set(key, r.line ?? -r.record);
      const report = locked.get(lockKey(indicator.code, unit.id, period.code));
      if (report) {
        fail(
          r,
          null,
          'LOCKED_BY_REPORT',
          `Số liệu đã khóa: báo cáo ${report.formCode} của ${registry.nameOn(unit, period.end).nameVi} kỳ ${period.code} đang ở trạng thái "${REPORT_STATUS_LABELS[report.status].vi}". Cần trả lại hoặc mở lại báo cáo trước khi nhập.`,
        );
        continue;
      }
      writes.push(write);
    }
    return writes;
  }
}

function unitFormatMessage(text: string): string {
  return `Đơn vị "${text}" không hợp lệ: ghi mã tỉnh (ví dụ 31) hoặc mã đơn vị (ví dụ 31@2025-07-01).`;
}

/**
 * A unit id as is (it must exist on the period's last day), or a province code resolved on the
 * period's last day: `36` in 2024 is the former Nam Định, `37` in 2025H2 today's Ninh Bình.
 */
export function resolveUnit(
  registry: UnitRegistry,
  text: string,
  period: Period | null,
): UnitAnswer {
  const asId = UNIT_ID.exec(text);
  if (asId) {
    const unit = registry.get(`${asId[1]!.padStart(2, '0')}@${asId[2]}`);
    if (!unit) {
      return {
        code: 'UNKNOWN_UNIT',
        message: `Không có đơn vị hành chính ${text}. Xem danh sách: npm run caunoi -- units list --as-of <ngày>.`,
      };
    }
    if (!period) return { code: 'PERIOD_NEEDED', message: '' };
    if (!registry.isValidOn(unit, period.end)) {
      const name = registry.nameOn(unit, unit.validTo ?? unit.validFrom).nameVi;
      return {
        code: 'UNIT_NOT_IN_FORCE',
        message: `Đơn vị ${unit.id} (${name}) không tồn tại vào ngày cuối kỳ ${period.code} (${formatDateVi(period.end)}): đơn vị có hiệu lực từ ${formatDateVi(unit.validFrom)}${unit.validTo ? ` đến ${formatDateVi(unit.validTo)}` : ''}.`,
      };
    }
    return { unit };
  }
  if (!UNIT_CODE.test(text)) return { code: 'UNKNOWN_UNIT', message: unitFormatMessage(text) };
  if (!period) return { code: 'PERIOD_NEEDED', message: '' };
  const code = text.padStart(2, '0');
  let unit: UnitRecord | undefined;
  try {
    unit = registry.resolveCode(code, period.end);
  } catch (error) {
    if (error instanceof UnitError) return { code: 'UNIT_NOT_IN_FORCE', message: error.message };
    throw error;
  }
  if (unit) return { unit };
  const bearers = registry.units
    .filter((u) => u.code === code)
    .sort((a, b) => b.validFrom.localeCompare(a.validFrom));
  if (bearers.length === 0) {
    return { code: 'UNKNOWN_UNIT', message: `Không có tỉnh/thành phố nào mang mã ${code}.` };
  }
  const former = bearers.find((u) => u.validFrom <= period.end) ?? bearers[bearers.length - 1]!;
  const lastDay = former.validTo ?? former.validFrom;
  const formerName = registry.nameOn(former, lastDay).nameVi;
  const successors = former.validTo
    ? registry
        .map(former.id, former.validTo, period.end < former.validTo ? former.validTo : period.end)
        .units.map((m) => registry.require(m.unitId))
        .filter((u) => u.id !== former.id)
        .map((u) => `${registry.nameOn(u, u.validFrom).nameVi} (${u.id})`)
    : [];
  return {
    code: 'UNIT_NOT_IN_FORCE',
    message:
      `Ngày cuối kỳ ${period.code} (${formatDateVi(period.end)}) không có tỉnh/thành phố nào mang mã ${code}: mã này là của ${formerName} (${former.id}), có hiệu lực từ ${formatDateVi(former.validFrom)}${former.validTo ? ` đến ${formatDateVi(former.validTo)}` : ''}.` +
      (successors.length > 0 ? ` Đơn vị kế thừa: ${successors.join(', ')}.` : ''),
  };
}
