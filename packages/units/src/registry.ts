import { compareVi, isIsoDate } from '@caunoi/shared';
import type {
  IsoDate,
  LineageEdge,
  MappedUnit,
  UnitMapping,
  UnitNameVersion,
  UnitRecord,
  UnitSnapshot,
} from './types.js';

export type UnitErrorCode =
  | 'INVALID_DATE'
  | 'DATE_OUT_OF_RANGE'
  | 'UNIT_NOT_FOUND'
  | 'UNIT_NOT_VALID_ON_DATE'
  | 'INVALID_REGISTRY';

export class UnitError extends Error {
  constructor(
    readonly code: UnitErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'UnitError';
  }
}

/** Inclusive interval test on ISO dates (string order is date order). */
export function coversDate(from: IsoDate, to: IsoDate | null, date: IsoDate): boolean {
  return from <= date && (to === null || date <= to);
}

function dayBefore(date: IsoDate): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function assertDate(date: string, what: string): void {
  if (!isIsoDate(date)) {
    throw new UnitError(
      'INVALID_DATE',
      `${what} không phải ngày hợp lệ dạng YYYY-MM-DD: "${date}"`,
    );
  }
}

/**
 * The provincial units with their validity and lineage. Pure and immutable: build it once from
 * the reference data (or from the database) and query it anywhere.
 */
export class UnitRegistry {
  readonly units: readonly UnitRecord[];
  readonly edges: readonly LineageEdge[];
  /** First day covered by the data. */
  readonly earliestDate: IsoDate;
  private readonly byId = new Map<string, UnitRecord>();
  private readonly successorEdges = new Map<string, LineageEdge[]>();
  private readonly predecessorEdges = new Map<string, LineageEdge[]>();

  constructor(units: readonly UnitRecord[], edges: readonly LineageEdge[]) {
    if (units.length === 0)
      throw new UnitError('INVALID_REGISTRY', 'Danh mục đơn vị hành chính trống.');
    this.units = units;
    this.edges = edges;
    for (const unit of units) {
      if (this.byId.has(unit.id)) {
        throw new UnitError('INVALID_REGISTRY', `Mã định danh đơn vị bị trùng: ${unit.id}`);
      }
      checkNames(unit);
      this.byId.set(unit.id, unit);
    }
    for (const edge of edges) {
      checkRecordDate(edge.effectiveDate, `${edge.predecessorId} → ${edge.successorId}`);
      const pred = this.byId.get(edge.predecessorId);
      const succ = this.byId.get(edge.successorId);
      if (!pred || !succ) {
        throw new UnitError(
          'INVALID_REGISTRY',
          `Quan hệ kế thừa tham chiếu đơn vị không tồn tại: ${edge.predecessorId} → ${edge.successorId}`,
        );
      }
      if (pred.validTo === null || pred.validTo !== dayBefore(edge.effectiveDate)) {
        throw new UnitError(
          'INVALID_REGISTRY',
          `${pred.id} phải hết hiệu lực ngày trước ${edge.effectiveDate} để có đơn vị kế thừa.`,
        );
      }
      if (!coversDate(succ.validFrom, succ.validTo, edge.effectiveDate)) {
        throw new UnitError(
          'INVALID_REGISTRY',
          `${succ.id} không có hiệu lực vào ngày ${edge.effectiveDate} của quan hệ kế thừa.`,
        );
      }
      if (!(edge.weight > 0 && edge.weight <= 1)) {
        throw new UnitError(
          'INVALID_REGISTRY',
          `Trọng số kế thừa phải trong (0; 1]: ${edge.weight}`,
        );
      }
      pushTo(this.successorEdges, edge.predecessorId, edge);
      pushTo(this.predecessorEdges, edge.successorId, edge);
    }
    for (const [id, out] of this.successorEdges) {
      const total = out.reduce((s, e) => s + e.weight, 0);
      if (total > 1 + 1e-9) {
        throw new UnitError('INVALID_REGISTRY', `Tổng trọng số chuyển đi của ${id} vượt quá 1.`);
      }
    }
    this.earliestDate = units.reduce(
      (min, u) => (u.validFrom < min ? u.validFrom : min),
      units[0]!.validFrom,
    );
  }

  get(id: string): UnitRecord | undefined {
    return this.byId.get(id);
  }

  require(id: string): UnitRecord {
    const unit = this.byId.get(id);
    if (!unit) throw new UnitError('UNIT_NOT_FOUND', `Không tìm thấy đơn vị hành chính ${id}.`);
    return unit;
  }

  isValidOn(unit: UnitRecord, date: IsoDate): boolean {
    return coversDate(unit.validFrom, unit.validTo, date);
  }

  private checkInRange(date: IsoDate): void {
    assertDate(date, 'Ngày');
    if (date < this.earliestDate) {
      throw new UnitError(
        'DATE_OUT_OF_RANGE',
        `Dữ liệu đơn vị hành chính chỉ có từ ngày ${this.earliestDate}; không tra cứu được ngày ${date}.`,
      );
    }
  }

  /** The name and type a unit bore on `date` (which must lie in its validity). */
  nameOn(unit: UnitRecord, date: IsoDate): UnitNameVersion {
    const version = unit.names.find((n) => coversDate(n.validFrom, n.validTo, date));
    if (!version) {
      throw new UnitError(
        'UNIT_NOT_VALID_ON_DATE',
        `${unit.id} không có hiệu lực vào ngày ${date}.`,
      );
    }
    return version;
  }

  /** The unit as it stood on `date`. */
  snapshot(unit: UnitRecord, date: IsoDate): UnitSnapshot {
    const n = this.nameOn(unit, date);
    return {
      id: unit.id,
      code: unit.code,
      asOf: date,
      nameVi: n.nameVi,
      fullNameVi: n.fullNameVi,
      nameEn: n.nameEn,
      nameAscii: n.nameAscii,
      type: n.type,
      regionVi: unit.regionVi,
      regionEn: unit.regionEn,
      regionVerified: unit.regionVerified,
      validFrom: unit.validFrom,
      validTo: unit.validTo,
      startsBeforeData: unit.validFrom === this.earliestDate,
    };
  }

  /** Units valid on `date`, in Vietnamese alphabetical order of that day's names. */
  asOf(date: IsoDate): UnitSnapshot[] {
    this.checkInRange(date);
    const list = this.units
      .filter((u) => this.isValidOn(u, date))
      .map((u) => this.snapshot(u, date));
    return list.sort((a, b) => compareVi(a.nameVi, b.nameVi) || a.code.localeCompare(b.code));
  }

  /** The unit that bore `code` on `date`, if any. A code alone is not an identity; a code with a date is. */
  resolveCode(code: string, date: IsoDate): UnitRecord | undefined {
    this.checkInRange(date);
    const normalised = code.trim().padStart(2, '0');
    return this.units.find((u) => u.code === normalised && this.isValidOn(u, date));
  }

  predecessorsOf(id: string): LineageEdge[] {
    this.require(id);
    return [...(this.predecessorEdges.get(id) ?? [])];
  }

  successorsOf(id: string): LineageEdge[] {
    this.require(id);
    return [...(this.successorEdges.get(id) ?? [])];
  }

  /**
   * Maps a unit as it stood on `fromDate` to the unit(s) that cover it on `toDate`, following
   * lineage forwards (to successors) or backwards (to predecessors). Each result carries the
   * share of the older unit that lies in the newer one. A unit that ceased without a successor
   * maps to nothing.
   */
  map(unitId: string, fromDate: IsoDate, toDate: IsoDate): UnitMapping {
    this.checkInRange(fromDate);
    this.checkInRange(toDate);
    const start = this.require(unitId);
    if (!this.isValidOn(start, fromDate)) {
      throw new UnitError(
        'UNIT_NOT_VALID_ON_DATE',
        `${start.id} chỉ có hiệu lực từ ${start.validFrom}${start.validTo ? ` đến ${start.validTo}` : ''}, không có vào ngày ${fromDate}.`,
      );
    }
    const direction = toDate === fromDate ? 'same' : toDate > fromDate ? 'forward' : 'backward';
    const found = new Map<string, MappedUnit>();
    const walk = (unit: UnitRecord, weight: number, path: string[]): void => {
      if (this.isValidOn(unit, toDate)) {
        const prior = found.get(unit.id);
        if (prior) prior.weight += weight;
        else found.set(unit.id, { unitId: unit.id, weight, path });
        return;
      }
      const next =
        direction === 'forward'
          ? (this.successorEdges.get(unit.id) ?? []).map((e) => ({
              id: e.successorId,
              w: e.weight,
            }))
          : (this.predecessorEdges.get(unit.id) ?? []).map((e) => ({
              id: e.predecessorId,
              w: e.weight,
            }));
      for (const step of next) {
        if (path.includes(step.id)) continue;
        walk(this.require(step.id), weight * step.w, [...path, step.id]);
      }
    };
    walk(start, 1, [start.id]);
    const units = [...found.values()].sort((a, b) => {
      const an = this.nameOn(this.require(a.unitId), toDate).nameVi;
      const bn = this.nameOn(this.require(b.unitId), toDate).nameVi;
      return compareVi(an, bn);
    });
    for (const u of units) u.weight = Math.round(u.weight * 1e12) / 1e12;
    return { from: { unitId: start.id, date: fromDate }, toDate, direction, units };
  }
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Dates in the data itself must be real calendar dates: the interval logic compares them as text. */
function checkRecordDate(date: IsoDate | null, where: string): void {
  if (date !== null && !isIsoDate(date)) {
    throw new UnitError('INVALID_REGISTRY', `${where}: ngày không hợp lệ "${date}".`);
  }
}

function checkNames(unit: UnitRecord): void {
  checkRecordDate(unit.validFrom, unit.id);
  checkRecordDate(unit.validTo, unit.id);
  for (const n of unit.names) {
    checkRecordDate(n.validFrom, unit.id);
    checkRecordDate(n.validTo, unit.id);
  }
  if (unit.validTo !== null && unit.validTo < unit.validFrom) {
    throw new UnitError('INVALID_REGISTRY', `${unit.id}: ngày hết hiệu lực trước ngày bắt đầu.`);
  }
  if (unit.id !== `${unit.code}@${unit.validFrom}`) {
    throw new UnitError('INVALID_REGISTRY', `${unit.id}: mã định danh phải là mã@ngày bắt đầu.`);
  }
  const names = unit.names;
  if (names.length === 0 || names[0]!.validFrom !== unit.validFrom) {
    throw new UnitError(
      'INVALID_REGISTRY',
      `${unit.id}: tên đơn vị phải bắt đầu cùng ngày hiệu lực.`,
    );
  }
  for (let i = 1; i < names.length; i++) {
    const prev = names[i - 1]!;
    if (prev.validTo === null || dayBefore(names[i]!.validFrom) !== prev.validTo) {
      throw new UnitError(
        'INVALID_REGISTRY',
        `${unit.id}: các phiên bản tên phải liên tục, không chồng lấn.`,
      );
    }
  }
  if (names[names.length - 1]!.validTo !== unit.validTo) {
    throw new UnitError(
      'INVALID_REGISTRY',
      `${unit.id}: phiên bản tên cuối phải kết thúc cùng đơn vị.`,
    );
  }
}
