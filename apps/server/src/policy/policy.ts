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

/** Where a record sits: its provincial unit(s) and its organisation with all its ancestors. */
export interface Target {
  unitIds?: readonly (string | null)[];
  organisationIds?: readonly (string | null)[];
}

type Rule = (a: Assignment, t: Target) => boolean;

const anywhere: Rule = () => true;
const inProvince: Rule = (a, t) =>
  a.scopeKind === 'province' && a.scopeUnitId !== null && (t.unitIds ?? []).includes(a.scopeUnitId);
const inOrganisation: Rule = (a, t) =>
  a.scopeKind === 'organisation' &&
  a.scopeOrganisationId !== null &&
  (t.organisationIds ?? []).includes(a.scopeOrganisationId);

const everyRole: Partial<Record<Role, Rule>> = {
  system_admin: anywhere,
  ministry_coordinator: anywhere,
  ministry_unit_officer: anywhere,
  province_officer: anywhere,
  province_approver: anywhere,
  viewer: anywhere,
};

const directoryWrite: Partial<Record<Role, Rule>> = {
  system_admin: anywhere,
  ministry_coordinator: anywhere,
  ministry_unit_officer: inOrganisation,
  province_officer: inProvince,
  province_approver: inProvince,
};

const POLICY: Record<Action, Partial<Record<Role, Rule>>> = {
  'units.read': everyRole,
  'organisations.read': everyRole,
  'organisations.write': directoryWrite,
  'people.read': everyRole,
  'people.write': directoryWrite,
  'users.read': { system_admin: anywhere },
  'users.manage': { system_admin: anywhere },
  'audit.read': { system_admin: anywhere },
};

export function allows(actor: Actor | null, action: Action): boolean {
  if (!actor) return false;
  const rules = POLICY[action];
  return actor.assignments.some((a) => rules[a.role] !== undefined);
}

export function allowsOn(actor: Actor | null, action: Action, target: Target): boolean {
  if (!actor) return false;
  const rules = POLICY[action];
  return actor.assignments.some((a) => rules[a.role]?.(a, target) ?? false);
}

/** True when one of the actor's assignments reaches everything (national scope) for the action. */
export function allowsEverywhere(actor: Actor | null, action: Action): boolean {
  if (!actor) return false;
  const rules = POLICY[action];
  return actor.assignments.some((a) => rules[a.role] === anywhere);
}

export function isSystemAdmin(actor: Actor | null): boolean {
  return !!actor?.assignments.some((a) => a.role === 'system_admin');
}
