import type { UnitRegistry } from '@caunoi/units';
import { representativeDate } from '../units/units.service.js';
import type { OrganisationView } from './organisations.repo.js';
import type { OrganisationDetail } from './organisations.service.js';

/** The unit under the name it bore on its representative day (today, or its last day). */
function presentUnitRef(registry: UnitRegistry, unitId: string | null) {
  const unit = unitId ? registry.get(unitId) : undefined;
  if (!unit) return null;
  return {
    id: unit.id,
    code: unit.code,
    nameVi: registry.snapshot(unit, representativeDate(unit)).nameVi,
  };
}

export function presentOrganisation(registry: UnitRegistry, o: OrganisationView) {
  return {
    id: o.id,
    code: o.code,
    kind: o.kind,
    nameVi: o.nameVi,
    nameEn: o.nameEn,
    shortName: o.shortName,
    parentId: o.parentId,
    parentName: o.parentName,
    unitId: o.unitId,
    unit: presentUnitRef(registry, o.unitId),
    validFrom: o.validFrom,
    validTo: o.validTo,
    address: o.address,
    website: o.website,
    email: o.email,
    phone: o.phone,
    notes: o.notes,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}

export function presentOrganisationDetail(registry: UnitRegistry, d: OrganisationDetail) {
  return {
    ...presentOrganisation(registry, d.organisation),
    children: d.children.map((c) => ({ id: c.id, nameVi: c.nameVi, kind: c.kind })),
    positions: d.positions.map((p) => ({
      id: p.id,
      personId: p.personId,
      personName: p.personName,
      title: p.title,
      validFrom: p.validFrom,
      validTo: p.validTo,
      source: p.source,
    })),
    canEdit: d.canEdit,
  };
}
