import type { LineageEdge, UnitRecord, UnitRegistry, UnitSnapshot } from '@caunoi/units';

/** A unit shown on the last day it was valid (for predecessors) or its first (for successors). */
function lastDay(unit: UnitRecord): string {
  return unit.validTo ?? unit.names[unit.names.length - 1]!.validFrom;
}

function ref(registry: UnitRegistry, id: string, edge: LineageEdge, side: 'pred' | 'succ') {
  const unit = registry.require(id);
  const snap = registry.snapshot(unit, side === 'pred' ? lastDay(unit) : unit.validFrom);
  return {
    id: unit.id,
    code: unit.code,
    nameVi: snap.nameVi,
    nameEn: snap.nameEn,
    effectiveDate: edge.effectiveDate,
    relation: edge.relation,
    weight: edge.weight,
  };
}

export function presentUnit(registry: UnitRegistry, snap: UnitSnapshot) {
  return {
    ...snap,
    predecessors: registry
      .predecessorsOf(snap.id)
      .map((e) => ref(registry, e.predecessorId, e, 'pred')),
    successors: registry.successorsOf(snap.id).map((e) => ref(registry, e.successorId, e, 'succ')),
  };
}

export function presentUnitDetail(registry: UnitRegistry, unit: UnitRecord, date: string) {
  return {
    ...presentUnit(registry, registry.snapshot(unit, date)),
    seat: unit.seat,
    names: unit.names.map((n) => ({
      validFrom: n.validFrom,
      validTo: n.validTo,
      nameVi: n.nameVi,
      fullNameVi: n.fullNameVi,
      nameEn: n.nameEn,
      type: n.type,
      legalBasis: n.legalBasis,
      startsBeforeData: n.validFrom === registry.earliestDate,
    })),
  };
}

export function presentLineage(registry: UnitRegistry, unit: UnitRecord, date: string) {
  const link = (id: string, edge: LineageEdge, side: 'pred' | 'succ') => {
    const other = registry.require(id);
    return {
      unit: registry.snapshot(other, side === 'pred' ? lastDay(other) : other.validFrom),
      effectiveDate: edge.effectiveDate,
      relation: edge.relation,
      weight: edge.weight,
      legalBasis: edge.legalBasis,
    };
  };
  return {
    unit: registry.snapshot(unit, date),
    predecessors: registry.predecessorsOf(unit.id).map((e) => link(e.predecessorId, e, 'pred')),
    successors: registry.successorsOf(unit.id).map((e) => link(e.successorId, e, 'succ')),
  };
}
