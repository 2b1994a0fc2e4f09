import { eq, inArray } from 'drizzle-orm';
import { loadReferenceData } from '@caunoi/units/reference';
import { UnitRegistry, type LineageEdge, type UnitRecord } from '@caunoi/units';
import { writeTransaction, type Ctx } from '../core/context.js';
import { organisations, unitLineage, unitNames, units } from '../db/schema.js';
import type { Tx } from '../db/database.js';
import {
  syncStarterCatalogue,
  type CatalogueSyncResult,
} from '../modules/statistics/catalogue.sync.js';
import { loadUnits } from '../modules/units/units.repo.js';
import { syncPiiReference, type PiiReferenceResult } from '../modules/pii/published.service.js';
import { illustrativeFramework } from './pii-framework.js';
import {
  MINISTRY_CODE,
  REFERENCE_ORGANISATIONS,
  provinceOrganisations,
} from './reference-organisations.js';

export interface ReferenceSyncResult {
  unitsChanged: number;
  organisationsAdded: number;
  catalogue: CatalogueSyncResult;
  pii: PiiReferenceResult;
}

function unitView(u: UnitRecord, edges: LineageEdge[]) {
  return {
    code: u.code,
    validFrom: u.validFrom,
    validTo: u.validTo,
    regionVi: u.regionVi,
    regionEn: u.regionEn,
    regionVerified: u.regionVerified,
    seat: u.seat,
    notes: u.notes,
    names: u.names,
    successors: edges
      .filter((e) => e.predecessorId === u.id)
      .map((e) => ({
        successorId: e.successorId,
        effectiveDate: e.effectiveDate,
        relation: e.relation,
        weight: e.weight,
        legalBasis: e.legalBasis,
      })),
  };
}

async function loadUnitViews(tx: Tx): Promise<Map<string, ReturnType<typeof unitView>>> {
  const { units: stored, edges } = await loadUnits(tx);
  return new Map(stored.map((u) => [u.id, unitView(u, edges)]));
}

/**
 * Brings the database's units and lineage in line with the shipped reference data, and adds the
 * reference organisations that are missing (existing organisations are never overwritten: they
 * may have been edited). Every change is audited as the system's.
 */
export async function syncReferenceData(ctx: Ctx): Promise<ReferenceSyncResult> {
  const ref = loadReferenceData();
  return writeTransaction(ctx, async (scope) => {
    const { tx, audit } = scope;
    const current = await loadUnitViews(tx);
    let unitsChanged = 0;
    for (const u of ref.units) {
      const next = unitView(u, ref.edges);
      const before = current.get(u.id);
      if (before && JSON.stringify(before) === JSON.stringify(next)) continue;
      unitsChanged++;
      const row = {
        id: u.id,
        code: u.code,
        validFrom: u.validFrom,
        validTo: u.validTo,
        regionVi: u.regionVi,
        regionEn: u.regionEn,
        regionVerified: u.regionVerified,
        seat: u.seat,
        notes: u.notes,
      };
      await tx.insert(units).values(row).onConflictDoUpdate({ target: units.id, set: row });
      await tx.delete(unitNames).where(eq(unitNames.unitId, u.id));
      await tx.insert(unitNames).values(u.names.map((n) => ({ ...n, unitId: u.id })));
      await audit({
        entityType: 'unit',
        entityId: u.id,
        action: before ? 'reference_update' : 'reference_create',
        before,
        after: next,
      });
    }
    if (unitsChanged > 0) {
      // Lineage is rewritten whole once the units it joins are in place.
      await tx.delete(unitLineage).where(
        inArray(
          unitLineage.predecessorId,
          ref.units.map((u) => u.id),
        ),
      );
      await tx.insert(unitLineage).values(
        ref.edges.map((e) => ({
          predecessorId: e.predecessorId,
          successorId: e.successorId,
          effectiveDate: e.effectiveDate,
          relation: e.relation,
          weight: String(e.weight),
          legalBasis: e.legalBasis,
        })),
      );
    }

    // Reference organisations arrive with what they belong to — the Ministry's units with the
    // Ministry, a province's Sở KH&CN and UBND with its unit — and only then: one an administrator
    // deleted or renamed later is never put back.
    const known = await tx
      .select({ id: organisations.id, code: organisations.code })
      .from(organisations);
    const codeToId = new Map<string, string>();
    for (const o of known) if (o.code) codeToId.set(o.code, o.id);
    const wanted = [
      ...(codeToId.has(MINISTRY_CODE) ? [] : REFERENCE_ORGANISATIONS),
      ...provinceOrganisations(ref.units.filter((u) => !current.has(u.id))),
    ].filter((o) => !codeToId.has(o.code));
    let organisationsAdded = 0;
    for (const o of wanted) {
      const { parentCode, ...fields } = o;
      const parentId = parentCode ? (codeToId.get(parentCode) ?? null) : null;
      const [created] = await tx
        .insert(organisations)
        .values({ ...fields, parentId })
        .returning();
      codeToId.set(o.code, created!.id);
      organisationsAdded++;
      await audit({
        entityType: 'organisation',
        entityId: created!.id,
        action: 'reference_create',
        after: created,
      });
    }
    const catalogue = await syncStarterCatalogue(scope);
    const pii = await syncPiiReference(
      scope,
      new UnitRegistry(ref.units, ref.edges),
      illustrativeFramework,
    );
    return { unitsChanged, organisationsAdded, catalogue, pii };
  });
}
