/**
 * Reporting periods as first-class values. A period has a type (year, half-year, quarter, month),
 * a form and a code:
 *
 * - statistical (calendar) periods: `2024`, `2024H1`, `2024Q3`, `2024M07`;
 * - administrative periods of Decree 09/2019/NĐ-CP (art. 12), whose figures close on the 14th:
 *   the code ends in `-AD` and the period runs from the 15th of the month before the calendar
 *   period starts to the 14th of its last month (`2024Q3-AD` = 15/06/2024 – 14/09/2024,
 *   `2024-AD` = 15/12/2023 – 14/12/2024).
 *
 * Dates are ISO strings (YYYY-MM-DD), days of the Vietnamese calendar.
 */

export const PERIOD_TYPES = ['year', 'half', 'quarter', 'month'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

export const PERIOD_FORMS = ['statistical', 'administrative'] as const;
export type PeriodForm = (typeof PERIOD_FORMS)[number];

export const PERIOD_TYPE_LABELS: Record<PeriodType, { vi: string; en: string }> = {
  year: { vi: 'Năm', en: 'Year' },
  half: { vi: '6 tháng', en: 'Half-year' },
  quarter: { vi: 'Quý', en: 'Quarter' },
  month: { vi: 'Tháng', en: 'Month' },
};

export const PERIOD_FORM_LABELS: Record<PeriodForm, { vi: string; en: string }> = {
  statistical: { vi: 'Theo năm dương lịch (thống kê)', en: 'Calendar (statistical)' },
  administrative: {
    vi: 'Kỳ báo cáo hành chính (Nghị định 09/2019/NĐ-CP)',
    en: 'Administrative (Decree 09/2019/NĐ-CP)',
  },
};

export interface Period {
  code: string;
  type: PeriodType;
  form: PeriodForm;
  year: number;
  /** 1 for a year; 1–2 for a half; 1–4 for a quarter; 1–12 for a month. */
  index: number;
  /** First day (inclusive). */
  start: string;
  /** Last day (inclusive). */
  end: string;
}

/** Months in one period of each type. */
const MONTHS: Record<PeriodType, number> = { year: 12, half: 6, quarter: 3, month: 1 };
const LETTER: Record<Exclude<PeriodType, 'year'>, string> = { half: 'H', quarter: 'Q', month: 'M' };
/** Periods of each type in a year. */
export const PERIODS_PER_YEAR: Record<PeriodType, number> = {
  year: 1,
  half: 2,
  quarter: 4,
  month: 12,
};

const MIN_YEAR = 1900;
const MAX_YEAR = 2999;
const CODE = /^(\d{4})(?:(H|Q|M)(\d{1,2}))?(-AD)?$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const iso = (year: number, month: number, day: number) =>
  `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Year and month (1–12) `delta` months after the given month. */
function shift(year: number, month: number, delta: number): [number, number] {
  const m = year * 12 + (month - 1) + delta;
  return [Math.floor(m / 12), (m % 12) + 1];
}

function codeOf(type: PeriodType, form: PeriodForm, year: number, index: number): string {
  const body =
    type === 'year'
      ? pad(year, 4)
      : `${pad(year, 4)}${LETTER[type]}${type === 'month' ? pad(index) : index}`;
  return form === 'administrative' ? `${body}-AD` : body;
}

/** The period of a type, form, year and index (index out of range or year out of 1900–2999: null). */
export function makePeriod(
  type: PeriodType,
  form: PeriodForm,
  year: number,
  index = 1,
): Period | null {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return null;
  if (!Number.isInteger(index) || index < 1 || index > PERIODS_PER_YEAR[type]) return null;
  const firstMonth = (index - 1) * MONTHS[type] + 1;
  const lastMonth = firstMonth + MONTHS[type] - 1;
  let start: string;
  let end: string;
  if (form === 'statistical') {
    start = iso(year, firstMonth, 1);
    end = iso(year, lastMonth, lastDay(year, lastMonth));
  } else {
    const [y, m] = shift(year, firstMonth, -1);
    start = iso(y, m, 15);
    end = iso(year, lastMonth, 14);
  }
  return { code: codeOf(type, form, year, index), type, form, year, index, start, end };
}

/** Reads a period code (`2024`, `2024H1`, `2024Q3`, `2024M07`, with `-AD` for administrative). */
export function parsePeriod(code: string): Period | null {
  const m = CODE.exec(code.trim().toUpperCase());
  if (!m) return null;
  const year = Number(m[1]);
  const form: PeriodForm = m[4] ? 'administrative' : 'statistical';
  if (!m[2]) return makePeriod('year', form, year);
  const type: PeriodType = m[2] === 'H' ? 'half' : m[2] === 'Q' ? 'quarter' : 'month';
  const period = makePeriod(type, form, year, Number(m[3]));
  // One spelling per period: months with two digits (M07), halves and quarters with one.
  return period && period.code === code.trim().toUpperCase() ? period : null;
}

/** The period of the given type and form that contains `date`. */
export function periodContaining(type: PeriodType, form: PeriodForm, date: string): Period {
  let year = Number(date.slice(0, 4));
  let month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  // From the 15th on, a day belongs to the administrative period of the next month.
  if (form === 'administrative' && day >= 15) [year, month] = shift(year, month, 1);
  const index = Math.floor((month - 1) / MONTHS[type]) + 1;
  const period = makePeriod(type, form, year, index);
  if (!period) throw new RangeError(`No ${type} period contains ${date}`);
  return period;
}

/** The period `steps` periods after `period` (before it when negative). */
export function shiftPeriod(period: Period, steps: number): Period | null {
  const n = PERIODS_PER_YEAR[period.type];
  const k = period.year * n + (period.index - 1) + steps;
  return makePeriod(period.type, period.form, Math.floor(k / n), (k % n) + 1);
}

/** The periods of a type and form from the one containing `from` to the one containing `to`. */
export function periodsBetween(
  type: PeriodType,
  form: PeriodForm,
  from: string,
  to: string,
): Period[] {
  const out: Period[] = [];
  if (to < from) return out;
  let p: Period | null = periodContaining(type, form, from);
  const last = periodContaining(type, form, to);
  while (p && p.start <= last.start) {
    out.push(p);
    p = shiftPeriod(p, 1);
  }
  return out;
}

/** Whether `inner` lies within `outer` (a quarter within its year, a month within its half…). */
export function periodWithin(inner: Period, outer: Period): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** How Vietnamese reports name a period: "Năm 2024", "6 tháng đầu năm 2024", "Quý III/2024"… */
export function periodLabel(period: Period, locale: 'vi' | 'en' = 'vi'): string {
  const { type, year, index } = period;
  let label: string;
  if (locale === 'vi') {
    label =
      type === 'year'
        ? `Năm ${year}`
        : type === 'half'
          ? `6 tháng ${index === 1 ? 'đầu' : 'cuối'} năm ${year}`
          : type === 'quarter'
            ? `Quý ${ROMAN[index - 1]}/${year}`
            : `Tháng ${pad(index)}/${year}`;
  } else {
    label =
      type === 'year'
        ? `${year}`
        : type === 'half'
          ? `${index === 1 ? 'First' : 'Second'} half of ${year}`
          : type === 'quarter'
            ? `Q${index} ${year}`
            : `${pad(index)}/${year}`;
  }
  if (period.form === 'statistical') return label;
  const d = (s: string) => `${s.slice(8, 10)}/${s.slice(5, 7)}/${s.slice(0, 4)}`;
  return locale === 'vi'
    ? `${label} (kỳ hành chính ${d(period.start)} – ${d(period.end)})`
    : `${label} (administrative, ${d(period.start)} – ${d(period.end)})`;
}
