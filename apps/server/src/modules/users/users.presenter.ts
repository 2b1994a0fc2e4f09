import { inArray } from 'drizzle-orm';
import { todayInVietnam } from '@caunoi/shared';
import type { UnitRegistry } from '@caunoi/units';
import type { Queryable } from '../../db/database.js';
import { organisations } from '../../db/schema.js';
import type { AssignmentRow, UserRow } from './users.repo.js';
import { representativeDate } from '../units/units.service.js';

export async function organisationNames(
  q: Queryable,
  ids: (string | null)[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (wanted.length === 0) return new Map();
  const rows = await q
    .select({ id: organisations.id, nameVi: organisations.nameVi })
    .from(organisations)
    .where(inArray(organisations.id, wanted));
  return new Map(rows.map((r) => [r.id, r.nameVi]));
}

export function presentAssignment(
  row: AssignmentRow,
  registry: UnitRegistry,
  orgNames: Map<string, string>,
  today = todayInVietnam(),
) {
  let unit: {
    id: string;
    code: string;
    nameVi: string;
    validFrom: string;
    validTo: string | null;
    validToday: boolean;
  } | null = null;
  if (row.scopeUnitId) {
    const u = registry.get(row.scopeUnitId);
    if (u) {
      const snap = registry.snapshot(u, representativeDate(u, today));
      unit = {
        id: u.id,
        code: u.code,
        nameVi: snap.nameVi,
        validFrom: u.validFrom,
        validTo: u.validTo,
        validToday: registry.isValidOn(u, today),
      };
    }
  }
  return {
    id: row.id,
    role: row.role,
    scopeKind: row.scopeKind,
    scopeUnitId: row.scopeUnitId,
    scopeOrganisationId: row.scopeOrganisationId,
    unit,
    organisationName: row.scopeOrganisationId
      ? (orgNames.get(row.scopeOrganisationId) ?? null)
      : null,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentUser(
  user: UserRow,
  assignments: AssignmentRow[],
  registry: UnitRegistry,
  orgNames: Map<string, string>,
  now: Date = new Date(),
) {
  const today = todayInVietnam(now);
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    email: user.email,
    organisationId: user.organisationId,
    organisationName: user.organisationId ? (orgNames.get(user.organisationId) ?? null) : null,
    isActive: user.isActive,
    mustChangePassword: user.mustChangePassword,
    locked: !!user.lockedUntil && user.lockedUntil > now,
    lockedUntil: user.lockedUntil?.toISOString() ?? null,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    preferences: { locale: user.preferences.locale ?? 'vi' },
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
    assignments: assignments.map((a) => presentAssignment(a, registry, orgNames, today)),
  };
}

export async function presentUsers(
  q: Queryable,
  registry: UnitRegistry,
  users: UserRow[],
  assignments: AssignmentRow[],
  now: Date = new Date(),
) {
  const names = await organisationNames(q, [
    ...users.map((u) => u.organisationId),
    ...assignments.map((a) => a.scopeOrganisationId),
  ]);
  return users.map((u) =>
    presentUser(
      u,
      assignments.filter((a) => a.userId === u.id),
      registry,
      names,
      now,
    ),
  );
}
