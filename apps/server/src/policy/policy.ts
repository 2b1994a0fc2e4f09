import type { Role, ScopeKind } from '@caunoi/shared';

/**
 * The one place where permissions are decided. Deny by default: an action not listed here, or a
 * role not listed under an action, is refused.
 *
 * Two questions are asked:
 * - `allows(actor, action)`: may the actor perform the action anywhere at all? (A "no" on a
 *   collection endpoint answers 403.)
 * - `allowsOn(actor, action, target)`: may the actor perform it on this record? (A "no" answers
 *   404, so that records outside the caller's scope are indistinguishable from missing ones.)
 * Lists ask `scopeOf(actor, action)` and filter in SQL by what it returns.
 */
export const ACTIONS = [
  'units.read',
  'organisations.read',
  'organisations.write',
  'people.read',
  'people.write',
  'users.read',
  'users.manage',
  'audit.read',
  /** Read programmes, engagements, tasks, proposals, roadmaps. */
  'coordination.read',
  /** The assigning side's work: programmes, notices, directives, tasks, decisions, answers. */
  'coordination.manage',
  /** Record engagements (a province records its own). */
  'engagements.write',
  /** The lead unit's work on a task: progress, completion, extension requests, explanations. */
  'tasks.report',
  /** A province's proposals. */
  'proposals.write',
  /** A province's roadmap. */
  'roadmaps.write',
  /** The e-mail outbox and scheduled jobs. */
  'system.operate',
  /** Read the indicator catalogue, forms, reported values, completeness and analytics. */
  'statistics.read',
  /** The Ministry's side of statistics: catalogue, rules, forms, their calendar and provinces. */
  'statistics.manage',
  /** A province officer's work: enter values (grid, Excel), comment, attach evidence, submit. */
  'statistics.enter',
  /** The province approver's step: approve a submitted report or return it. */
  'statistics.approve',
  /** The Ministry coordinator's step: accept an approved report, return it, reopen, remind. */
  'statistics.accept',
  /** Bulk import of values for all provinces and periods (administrators). */
  'statistics.import',
  /** Read the innovation index: editions, runs, profiles, rankings, published results. */
  'pii.read',
  /** The Ministry coordinator's work on the index: edit and import editions, compute runs. */
  'pii.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

export interface Assignment {
  id: string;
  role: Role;
  scopeKind: ScopeKind;
  scopeUnitId: string | null;
  scopeOrganisationId: string | null;
}

export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  /** web = cookie session, api = bearer token, cli = command line, system = the app itself. */
  channel: 'web' | 'api' | 'cli' | 'system';
  sessionId?: string;
  tokenId?: string;
  assignments: Assignment[];
}

/** Where a record sits: its provincial unit(s) and its organisation(s) with all their ancestors. */
export interface Target {
  unitIds?: readonly (string | null)[];
  organisationIds?: readonly (string | null)[];
}

/**
 * How far a role's permission reaches: everywhere, the assignment's province, or the assignment's
 * organisation (with everything below it). `own-scope` follows the assignment's scope kind (a
 * viewer may be national, provincial or tied to one organisation).
 */
type Reach = 'anywhere' | 'province' | 'organisation' | 'own-scope';

const EVERY_ROLE: Partial<Record<Role, Reach>> = {
  system_admin: 'anywhere',
  ministry_coordinator: 'anywhere',
  ministry_unit_officer: 'anywhere',
  province_officer: 'anywhere',
  province_approver: 'anywhere',
  viewer: 'anywhere',
};

const DIRECTORY_WRITE: Partial<Record<Role, Reach>> = {
  system_admin: 'anywhere',
  ministry_coordinator: 'anywhere',
  ministry_unit_officer: 'organisation',
  province_officer: 'province',
  province_approver: 'province',
};

const MINISTRY: Partial<Record<Role, Reach>> = {
  system_admin: 'anywhere',
  ministry_coordinator: 'anywhere',
};

const PROVINCE_WORK: Partial<Record<Role, Reach>> = {
  ...MINISTRY,
  province_officer: 'province',
  province_approver: 'province',
};

const POLICY: Record<Action, Partial<Record<Role, Reach>>> = {
  'units.read': EVERY_ROLE,
  'organisations.read': EVERY_ROLE,
  'organisations.write': DIRECTORY_WRITE,
  'people.read': EVERY_ROLE,
  'people.write': DIRECTORY_WRITE,
  'users.read': { system_admin: 'anywhere' },
  'users.manage': { system_admin: 'anywhere' },
  'audit.read': { system_admin: 'anywhere' },
  // Ministry staff see all coordination records; a province sees its own.
  'coordination.read': {
    ...MINISTRY,
    ministry_unit_officer: 'anywhere',
    province_officer: 'province',
    province_approver: 'province',
    viewer: 'own-scope',
  },
  'coordination.manage': MINISTRY,
  'engagements.write': PROVINCE_WORK,
  'tasks.report': {
    ...MINISTRY,
    ministry_unit_officer: 'organisation',
    province_officer: 'province',
    province_approver: 'province',
  },
  'proposals.write': PROVINCE_WORK,
  'roadmaps.write': PROVINCE_WORK,
  'system.operate': { system_admin: 'anywhere' },
  // Statistics read like coordination records: the Ministry everything, a province its own.
  'statistics.read': {
    ...MINISTRY,
    ministry_unit_officer: 'anywhere',
    province_officer: 'province',
    province_approver: 'province',
    viewer: 'own-scope',
  },
  'statistics.manage': MINISTRY,
  'statistics.enter': { system_admin: 'anywhere', province_officer: 'province' },
  'statistics.approve': { system_admin: 'anywhere', province_approver: 'province' },
  'statistics.accept': MINISTRY,
  'statistics.import': { system_admin: 'anywhere' },
  'pii.read': EVERY_ROLE,
  'pii.manage': MINISTRY,
};

function reachOf(a: Assignment, reach: Reach): 'anywhere' | 'province' | 'organisation' {
  if (reach !== 'own-scope') return reach;
  return a.scopeKind === 'national' ? 'anywhere' : a.scopeKind;
}

function covers(a: Assignment, reach: Reach, t: Target): boolean {
  switch (reachOf(a, reach)) {
    case 'anywhere':
      return true;
    case 'province':
      return a.scopeUnitId !== null && (t.unitIds ?? []).includes(a.scopeUnitId);
    case 'organisation':
      return (
        a.scopeOrganisationId !== null && (t.organisationIds ?? []).includes(a.scopeOrganisationId)
      );
  }
}

export function allows(actor: Actor | null, action: Action): boolean {
  if (!actor) return false;
  const rules = POLICY[action];
  return actor.assignments.some((a) => rules[a.role] !== undefined);
}

export function allowsOn(actor: Actor | null, action: Action, target: Target): boolean {
  if (!actor) return false;
  const rules = POLICY[action];
  return actor.assignments.some((a) => {
    const reach = rules[a.role];
    return reach !== undefined && covers(a, reach, target);
  });
}

/** What part of the data an action reaches, for filtering lists in SQL. */
export type Scope =
  { everywhere: true } | { everywhere: false; unitIds: string[]; organisationIds: string[] };

export function scopeOf(actor: Actor | null, action: Action): Scope {
  const unitIds = new Set<string>();
  const organisationIds = new Set<string>();
  if (actor) {
    const rules = POLICY[action];
    for (const a of actor.assignments) {
      const reach = rules[a.role];
      if (reach === undefined) continue;
      const kind = reachOf(a, reach);
      if (kind === 'anywhere') return { everywhere: true };
      if (kind === 'province' && a.scopeUnitId) unitIds.add(a.scopeUnitId);
      if (kind === 'organisation' && a.scopeOrganisationId) {
        organisationIds.add(a.scopeOrganisationId);
      }
    }
  }
  return { everywhere: false, unitIds: [...unitIds], organisationIds: [...organisationIds] };
}

/** True when one of the actor's assignments reaches everything for the action. */
export function allowsEverywhere(actor: Actor | null, action: Action): boolean {
  return scopeOf(actor, action).everywhere;
}

export function isSystemAdmin(actor: Actor | null): boolean {
  return !!actor?.assignments.some((a) => a.role === 'system_admin');
}
