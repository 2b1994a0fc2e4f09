import type { LineageRelation, UnitType } from '@caunoi/shared';
import type { IsoDate, LineageEdge, UnitNameVersion, UnitRecord } from '../../src/index.js';

/** One name version; the defaults make a province named after `nameVi`. */
export function nameVersion(
  validFrom: IsoDate,
  validTo: IsoDate | null,
  nameVi: string,
  type: UnitType = 'province',
): UnitNameVersion {
  return {
    validFrom,
    validTo,
    nameVi,
    fullNameVi: `${type === 'province' ? 'Tỉnh' : 'Thành phố'} ${nameVi}`,
    nameEn: nameVi,
    nameAscii: nameVi,
    type,
    legalBasis: null,
  };
}

/** A unit `code@validFrom` with a single name over its whole life. */
export function unit(
  code: string,
  validFrom: IsoDate,
  validTo: IsoDate | null,
  nameVi = `Đơn vị ${code}`,
): UnitRecord {
  return {
    id: `${code}@${validFrom}`,
    code,
    validFrom,
    validTo,
    regionVi: 'Vùng thử',
    regionEn: 'Test region',
    regionVerified: true,
    seat: null,
    notes: null,
    names: [nameVersion(validFrom, validTo, nameVi)],
  };
}

export function edge(
  predecessorId: string,
  successorId: string,
  effectiveDate: IsoDate,
  weight = 1,
  relation: LineageRelation = 'merged',
): LineageEdge {
  return { predecessorId, successorId, effectiveDate, relation, weight, legalBasis: null };
}
