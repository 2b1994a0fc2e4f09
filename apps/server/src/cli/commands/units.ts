import { compareVi, formatDateVi, isIsoDate, todayInVietnam } from '@caunoi/shared';
import { UnitError, type UnitRecord, type UnitRegistry } from '@caunoi/units';
import { OUTPUT_FORMATS, toCsv, toJson, toTable, type Cell, type OutputFormat } from '../format.js';
import { CliError, type Writer } from '../io.js';

export const UNIT_COLUMNS = [
  'id',
  'code',
  'name_vi',
  'name_en',
  'type',
  'region_vi',
  'valid_from',
  'valid_to',
  'predecessors',
] as const;

export interface UnitPredecessor {
  id: string;
  code: string;
  name_vi: string;
}

export interface UnitListRow {
  id: string;
  code: string;
  name_vi: string;
  name_en: string;
  type: string;
  region_vi: string;
  valid_from: string;
  valid_to: string | null;
  predecessors: UnitPredecessor[];
}

export interface UnitsListOptions {
  asOf?: string;
  format?: string;
}

/** A predecessor is named as it was on its last day. */
function lastDay(unit: UnitRecord): string {
  return unit.validTo ?? unit.names[unit.names.length - 1]!.validFrom;
}

/** The units valid on `date`, in Vietnamese alphabetical order, with their predecessors. */
export function unitListRows(registry: UnitRegistry, date: string): UnitListRow[] {
  return registry.asOf(date).map((u) => ({
    id: u.id,
    code: u.code,
    name_vi: u.nameVi,
    name_en: u.nameEn,
    type: u.type,
    region_vi: u.regionVi,
    valid_from: u.validFrom,
    valid_to: u.validTo,
    predecessors: registry
      .predecessorsOf(u.id)
      .map((e) => {
        const p = registry.require(e.predecessorId);
        return { id: p.id, code: p.code, name_vi: registry.nameOn(p, lastDay(p)).nameVi };
      })
      .sort((a, b) => a.code.localeCompare(b.code) || compareVi(a.name_vi, b.name_vi)),
  }));
}

function parseFormat(value: string | undefined): OutputFormat {
  const format = (value ?? 'table').trim().toLowerCase();
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
    throw new CliError(
      `Định dạng không hợp lệ: "${value}". Chọn một trong: ${OUTPUT_FORMATS.join(', ')}.`,
    );
  }
  return format as OutputFormat;
}

function parseDate(value: string | undefined, today: string): string {
  if (value === undefined) return today;
  const date = value.trim();
  if (!isIsoDate(date)) {
    throw new CliError(
      `Ngày không hợp lệ: "${value}". Ghi ngày có thật theo dạng YYYY-MM-DD, ví dụ 2025-07-01.`,
    );
  }
  return date;
}

/**
 * `units list`: the provincial units valid on a day (today by default) as a table, RFC 4180 CSV
 * (with a UTF-8 byte-order mark) or a JSON array. Returns the number of units listed.
 */
export function unitsList(
  registry: UnitRegistry,
  options: UnitsListOptions,
  out: Writer,
  today: string = todayInVietnam(),
): number {
  const format = parseFormat(options.format);
  const date = parseDate(options.asOf, today);
  let rows: UnitListRow[];
  try {
    rows = unitListRows(registry, date);
  } catch (error) {
    if (error instanceof UnitError) throw new CliError(error.message);
    throw error;
  }
  if (format === 'json') {
    out(toJson(rows));
    return rows.length;
  }
  const cells: Cell[][] = rows.map((r) => [
    r.id,
    r.code,
    r.name_vi,
    r.name_en,
    r.type,
    r.region_vi,
    r.valid_from,
    r.valid_to,
    r.predecessors.map((p) => `${p.code} ${p.name_vi}`).join(';'),
  ]);
  if (format === 'csv') {
    out(toCsv(UNIT_COLUMNS, cells));
    return rows.length;
  }
  out(`${rows.length} đơn vị hành chính cấp tỉnh có hiệu lực ngày ${formatDateVi(date)}:\n\n`);
  out(toTable(UNIT_COLUMNS, cells));
  return rows.length;
}
