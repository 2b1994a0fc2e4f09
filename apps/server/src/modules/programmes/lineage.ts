import { inArray, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { UnitRegistry } from '@caunoi/units';
import type { Queryable } from '../../db/database.js';
import { organisations, unitLineage, units } from '../../db/schema.js';
import { scopeOf, type Actor, type Target } from '../../policy/policy.js';
import { targetOf } from '../organisations/organisations.service.js';
import { representativeDate } from '../units/units.service.js';

/** What the coordination services need besides the database: the units and today's date. */
export interface CoordinationEnv {
  registry: UnitRegistry;
  /** Today in Vietnam (YYYY-MM-DD), from the application's clock. */
  today: string;
}

function closure(start: readonly string[], next: (id: string) => string[]): string[] {
  const seen = new Set(start);
  const queue = [...start];
  while (queue.length > 0) {
    for (const id of next(queue.pop()!)) {
      if (!seen.has(id)) {
        seen.add(id);
        queue.push(id);
      }
    }
  }
  return [...seen];
}

/** The units and every unit they were formed from (transitively). */
export function withPredecessors(registry: UnitRegistry, unitIds: readonly string[]): string[] {
  return closure(unitIds, (id) =>
    registry.get(id) ? registry.predecessorsOf(id).map((e) => e.predecessorId) : [],
  );
}

/** The units and every unit they went into (transitively). */
export function withSuccessors(registry: UnitRegistry, unitIds: readonly string[]): string[] {
  return closure(unitIds, (id) =>
    registry.get(id) ? registry.successorsOf(id).map((e) => e.successorId) : [],
  );
}

/**
 * A unit's line across the reform, both ways: filtering by today's Huế also finds the records of
 * Thừa Thiên Huế, and filtering by the former Nam Định also finds those of today's Ninh Bình.
 */
export function lineageOf(registry: UnitRegistry, unitId: string): string[] {
  return [
    ...new Set([...withPredecessors(registry, [unitId]), ...withSuccessors(registry, [unitId])]),
  ];
}

/** The units and every unit they went into (transitively), from the stored lineage. */
async function withStoredSuccessors(q: Queryable, unitIds: readonly string[]): Promise<string[]> {
  if (unitIds.length === 0) return [];
  const result = await q.execute<{ id: string }>(sql`
    WITH RECURSIVE line(id, depth) AS (
      SELECT id, 0 FROM ${units} WHERE ${inArray(units.id, [...unitIds])}
      UNION
      SELECT l.successor_id, line.depth + 1 FROM ${unitLineage} l JOIN line ON l.predecessor_id = line.id
      WHERE line.depth < 16
    )
    SELECT DISTINCT id FROM line`);
  return result.rows.map((r) => r.id);
}

/**
 * Where a coordination record sits for the policy. A record of a former province also belongs
 * to the province that succeeded it: its units are given with their successors, so that an
 * account scoped to today's Ninh Bình reaches what was recorded for Nam Định. An account still
 * scoped to the former province reaches only that province's records (decision 0003).
 */
export async function coordinationTarget(
  q: Queryable,
  unitIds: readonly string[],
  organisationIds: readonly (string | null)[],
): Promise<Target> {
  const orgs = organisationIds.filter((id): id is string => id !== null);
  return {
    unitIds: await withStoredSuccessors(q, unitIds),
    organisationIds: orgs.length > 0 ? (await targetOf(q, orgs)).organisationIds : [],
  };
}

/** The part of the coordination records an actor may read, for filtering lists in SQL. */
export type ReadScope =
  { everywhere: true } | { everywhere: false; unitIds: string[]; organisationIds: string[] };

/**
 * The actor's reach for reading coordination records. The mirror of `coordinationTarget`: an
 * account scoped to a province reaches records of that province and of the provinces it was
 * formed from; one scoped to an organisation reaches that organisation and all below it.
 */
export async function readScope(
  q: Queryable,
  registry: UnitRegistry,
  actor: Actor,
): Promise<ReadScope> {
  const scope = scopeOf(actor, 'coordination.read');
  if (scope.everywhere) return scope;
  return {
    everywhere: false,
    unitIds: withPredecessors(registry, scope.unitIds),
    organisationIds: await organisationSubtrees(q, scope.organisationIds),
  };
}

async function organisationSubtrees(q: Queryable, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const result = await q.execute<{ id: string }>(sql`
    WITH RECURSIVE sub(id, depth) AS (
      SELECT id, 0 FROM ${organisations} WHERE ${inArray(organisations.id, [...ids])}
      UNION
      SELECT o.id, sub.depth + 1 FROM ${organisations} o JOIN sub ON o.parent_id = sub.id
      WHERE sub.depth < 64
    )
    SELECT DISTINCT id FROM sub`);
  return result.rows.map((r) => r.id);
}

/** A row whose unit or organisation column lies within the scope (false when nothing does). */
export function withinScope(
  scope: Extract<ReadScope, { everywhere: false }>,
  unitColumn: AnyColumn,
  organisationColumn?: AnyColumn,
): SQL {
  return (
    or(
      scope.unitIds.length > 0 ? inArray(unitColumn, scope.unitIds) : undefined,
      organisationColumn && scope.organisationIds.length > 0
        ? inArray(organisationColumn, scope.organisationIds)
        : undefined,
    ) ?? sql`false`
  );
}

export const unitRefSchema = z.object({
  id: z.string(),
  code: z.string(),
  /** The name the unit bore on the record's day (or on its representative day). */
  nameVi: z.string(),
  validToday: z.boolean(),
  /** For a former unit, the units that cover it today. */
  successors: z.array(z.object({ id: z.string(), code: z.string(), nameVi: z.string() })),
});
export type UnitRef = z.infer<typeof unitRefSchema>;

/**
 * A unit as shown next to a coordination record: under the name it bore on `on` (the record's
 * day) when it existed then, else on its representative day; a former unit with the units that
 * cover it today.
 */
export function unitRef(env: CoordinationEnv, unitId: string, on?: string | null): UnitRef {
  const { registry, today } = env;
  const unit = registry.get(unitId);
  if (!unit) return { id: unitId, code: '', nameVi: unitId, validToday: false, successors: [] };
  const validToday = registry.isValidOn(unit, today);
  const successors =
    validToday || unit.validFrom > today
      ? []
      : registry.map(unit.id, representativeDate(unit, today), today).units.map((m) => {
          const s = registry.snapshot(registry.require(m.unitId), today);
          return { id: s.id, code: s.code, nameVi: s.nameVi };
        });
  const day = on && registry.isValidOn(unit, on) ? on : representativeDate(unit, today);
  return {
    id: unit.id,
    code: unit.code,
    nameVi: registry.snapshot(unit, day).nameVi,
    validToday,
    successors,
  };
}
