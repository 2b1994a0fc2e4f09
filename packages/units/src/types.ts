import type { LineageRelation, UnitType } from '@caunoi/shared';

/** An ISO calendar date, YYYY-MM-DD. */
export type IsoDate = string;

/** One version of a unit's name and type; versions tile the unit's validity without gaps. */
export interface UnitNameVersion {
  validFrom: IsoDate;
  validTo: IsoDate | null;
  nameVi: string;
  fullNameVi: string;
  nameEn: string;
  nameAscii: string;
  type: UnitType;
  legalBasis: string | null;
}

/**
 * A provincial unit over its life. The identity is the code *and* the start date
 * (`id` = `code@validFrom`), because seven codes were reused for a different unit in 2025.
 */
export interface UnitRecord {
  id: string;
  code: string;
  validFrom: IsoDate;
  /** Last day of validity, inclusive; null while the unit exists. */
  validTo: IsoDate | null;
  regionVi: string;
  regionEn: string;
  /** False when the region is a commonly used grouping without an official source. */
  regionVerified: boolean;
  seat: string | null;
  notes: string | null;
  names: UnitNameVersion[];
}

/** Predecessor → successor, effective on a date; weight = share of the predecessor that went into the successor. */
export interface LineageEdge {
  predecessorId: string;
  successorId: string;
  effectiveDate: IsoDate;
  relation: LineageRelation;
  weight: number;
  legalBasis: string | null;
}

/** A unit as it stood on one day: the name and type of that day. */
export interface UnitSnapshot {
  id: string;
  code: string;
  asOf: IsoDate;
  nameVi: string;
  fullNameVi: string;
  nameEn: string;
  nameAscii: string;
  type: UnitType;
  regionVi: string;
  regionEn: string;
  regionVerified: boolean;
  validFrom: IsoDate;
  validTo: IsoDate | null;
  /** The unit existed before the data begins: `validFrom` is the data's first day, not its founding. */
  startsBeforeData: boolean;
}

/** One unit covering the mapped unit on the target date. */
export interface MappedUnit {
  unitId: string;
  /**
   * Share of the older unit's territory that lies in the newer one (product of the edge weights
   * along the path). Additive figures of older units sum into a newer unit as Σ weight × value.
   */
  weight: number;
  /** Unit ids from the source to this unit, both included. */
  path: string[];
}

export interface UnitMapping {
  from: { unitId: string; date: IsoDate };
  toDate: IsoDate;
  direction: 'same' | 'forward' | 'backward';
  units: MappedUnit[];
}
