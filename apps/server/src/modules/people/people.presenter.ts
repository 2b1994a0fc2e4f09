import type { PersonRow, PositionView } from './people.repo.js';
import type { PersonDetail } from './people.service.js';

export function presentPosition(p: PositionView) {
  return {
    id: p.id,
    personId: p.personId,
    organisationId: p.organisationId,
    organisationName: p.organisationName,
    title: p.title,
    validFrom: p.validFrom,
    validTo: p.validTo,
    source: p.source,
  };
}

export function presentPerson(person: PersonRow, positions: readonly PositionView[]) {
  return {
    id: person.id,
    fullName: person.fullName,
    email: person.email,
    phone: person.phone,
    notes: person.notes,
    createdAt: person.createdAt.toISOString(),
    updatedAt: person.updatedAt.toISOString(),
    positions: positions.map(presentPosition),
  };
}

export function presentPersonDetail(d: PersonDetail) {
  return {
    ...presentPerson(d.person, d.positions),
    asOf: d.asOf,
    positionsOn: d.positionsOn.map(presentPosition),
    canEdit: d.canEdit,
  };
}
