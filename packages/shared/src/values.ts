import type { ValueType } from './indicators.js';
import { foldVi } from './text.js';

/**
 * Reads a value as civil servants type it, in the grid or in a workbook: `1.234,5` (Vietnamese)
 * and `1,234.5` (English) where the reading is unambiguous, spaces between thousands, a
 * percentage with or without `%`, "có"/"không" for yes/no. A blank stays blank (null), distinct
 * from zero. When one separator could be read both ways (`1.234`, `1,234`), the value type
 * decides if it can (an integer has no decimals); otherwise the value is refused with an
 * explanation rather than guessed.
 */

export type ParsedValue =
  | { ok: true; value: number | boolean | string | null }
  | { ok: false; code: ValueErrorCode; message: string };

export type ValueErrorCode =
  'NOT_A_NUMBER' | 'AMBIGUOUS_SEPARATOR' | 'NOT_AN_INTEGER' | 'NOT_YES_NO' | 'PERCENT_NOT_ALLOWED';

const fail = (code: ValueErrorCode, message: string): ParsedValue => ({ ok: false, code, message });

const YES = new Set(['co', 'x', 'yes', 'y', 'true', 'dung', '1']);
const NO = new Set(['khong', 'no', 'n', 'false', 'sai', '0']);

/** Spaces used between groups of thousands (normal, no-break, thin, narrow no-break). */
const SPACES = /[\s\u00a0\u2009\u202f]/g;

/** Whether `groups` (after the first) are all of three digits, the first of one to three. */
const thousands = (groups: string[]) =>
  /^\d{1,3}$/.test(groups[0]!) && groups.slice(1).every((g) => /^\d{3}$/.test(g));

/**
 * The number written in `text` (digits, at most one sign, `.`/`,` separators), or an error.
 * `integer` tells that the value cannot have decimals, which settles `1.234` and `1,234`.
 */
export function parseNumberText(text: string, integer: boolean): ParsedValue {
  let s = text.replace(SPACES, '');
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s.startsWith('-')) sign = -1;
    s = s.slice(1);
  }
  const notNumber = fail('NOT_A_NUMBER', `"${text.trim()}" không phải là một số.`);
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s) || /^[.,]|[.,]$/.test(s)) return notNumber;
  const dots = s.split('.').length - 1;
  const commas = s.split(',').length - 1;
  let normal: string;
  if (dots > 0 && commas > 0) {
    // Both: the last one is the decimal separator, the other separates thousands.
    const decimal = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    const [whole, fraction, ...rest] = s.split(decimal);
    if (rest.length > 0 || fraction!.includes(group) || !thousands(whole!.split(group)))
      return notNumber;
    normal = `${whole!.split(group).join('')}.${fraction}`;
  } else if (dots + commas === 0) {
    normal = s;
  } else {
    const sep = dots > 0 ? '.' : ',';
    const parts = s.split(sep);
    if (parts.length > 2) {
      // Several of the same: thousands.
      if (!thousands(parts)) return notNumber;
      normal = parts.join('');
    } else if (parts[1]!.length !== 3 || !thousands(parts)) {
      // One, not followed by exactly three digits: only a decimal reading is possible.
      normal = `${parts[0]}.${parts[1]}`;
    } else if (integer) {
      normal = parts.join('');
    } else {
      const whole = parts.join('');
      const trimmed = parts[1]!.replace(/0+$/, '') || '0';
      const decimal = `${parts[0]},${trimmed.length === 3 ? `${trimmed}0` : trimmed}`;
      return fail(
        'AMBIGUOUS_SEPARATOR',
        `"${text.trim()}" có thể hiểu là ${whole} hoặc ${parts[0]},${parts[1]}: ghi ${whole} (không dấu phân cách) nếu là số nguyên, hoặc ${decimal} nếu là số thập phân.`,
      );
    }
  }
  const value = sign * Number(normal);
  if (!Number.isFinite(value)) return notNumber;
  if (integer && !Number.isInteger(value)) {
    return fail('NOT_AN_INTEGER', `"${text.trim()}" phải là số nguyên.`);
  }
  return { ok: true, value: value === 0 ? 0 : value };
}

/**
 * A cell's value for an indicator of the given type. `raw` is what the grid or the workbook
 * holds: text as typed, a number (a numeric cell), a boolean, or nothing.
 */
export function parseCellValue(
  raw: string | number | boolean | null | undefined,
  type: ValueType,
): ParsedValue {
  if (raw === null || raw === undefined) return { ok: true, value: null };
  if (type === 'text') {
    const text = String(raw).trim();
    return { ok: true, value: text === '' ? null : text };
  }
  if (type === 'boolean') {
    if (typeof raw === 'boolean') return { ok: true, value: raw };
    const folded = foldVi(String(raw)).trim();
    if (folded === '') return { ok: true, value: null };
    if (YES.has(folded)) return { ok: true, value: true };
    if (NO.has(folded)) return { ok: true, value: false };
    return fail('NOT_YES_NO', `"${String(raw).trim()}" không phải Có/Không.`);
  }
  if (typeof raw === 'boolean')
    return fail('NOT_A_NUMBER', 'Ô này cần một số, không phải Có/Không.');
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return fail('NOT_A_NUMBER', 'Giá trị không phải là một số.');
    if (type === 'integer' && !Number.isInteger(raw))
      return fail('NOT_AN_INTEGER', `${raw.toLocaleString('vi-VN')} phải là số nguyên.`);
    return { ok: true, value: raw };
  }
  let text = raw.trim();
  if (text === '') return { ok: true, value: null };
  if (text.endsWith('%')) {
    if (type !== 'percentage') {
      return fail(
        'PERCENT_NOT_ALLOWED',
        `Chỉ tiêu này không tính bằng %: ghi số, không kèm dấu %.`,
      );
    }
    text = text.slice(0, -1);
  }
  return parseNumberText(text, type === 'integer');
}
