import { asc } from 'drizzle-orm';
import type { LineageEdge, UnitRecord } from '@caunoi/units';
import type { UnitType } from '@caunoi/shared';
import type { Queryable } from '../../db/database.js';
import { unitLineage, unitNames, units } from '../../db/schema.js';

/** Reads every unit, name version and lineage edge (a hundred-odd rows). */
export async function loadUnits(
  q: Queryable,
): Promise<{ units: UnitRecord[]; edges: LineageEdge[] }> {
  // Sequential on purpose: a transaction handle runs one query at a time.
  const us = await q.select().from(units).orderBy(asc(units.id));
  const ns = await q
    .select()
    .from(unitNames)
    .orderBy(asc(unitNames.unitId), asc(unitNames.validFrom));
  const ls = await q.select().from(unitLineage).orderBy(asc(unitLineage.id));
  const namesByUnit = new Map<string, UnitRecord['names']>();
  for (const n of ns) {
    const list = namesByUnit.get(n.unitId) ?? [];
    list.push({
      validFrom: n.validFrom,
      validTo: n.validTo,
      nameVi: n.nameVi,
      fullNameVi: n.fullNameVi,
      nameEn: n.nameEn,
      nameAscii: n.nameAscii,
      type: n.type as UnitType,
      legalBasis: n.legalBasis,
    });
    namesByUnit.set(n.unitId, list);
  }
  return {
    units: us.map((u) => ({ ...u, names: namesByUnit.get(u.id) ?? [] })),
    edges: ls.map((l) => ({
      predecessorId: l.predecessorId,
      successorId: l.successorId,
      effectiveDate: l.effectiveDate,
      relation: l.relation as LineageEdge['relation'],
      weight: Number(l.weight),
      legalBasis: l.legalBasis,
    })),
  };
}
