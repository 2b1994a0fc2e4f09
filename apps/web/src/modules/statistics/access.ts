import type { Me } from '../../api/types';

/**
 * What the signed-in user may do with statistics, read from their role assignments the way the
 * server's policy grants it (the server decides; this only shapes the screens).
 */

/** The Ministry's side: forms and their calendar, acceptance, reopening, reminders. */
export const managesStatistics = (me: Me): boolean =>
  me.user.assignments.some((a) => a.role === 'system_admin' || a.role === 'ministry_coordinator');

/** Reads the reports of every province (Ministry staff, national viewers). */
export const readsEveryProvince = (me: Me): boolean =>
  me.user.assignments.some(
    (a) =>
      a.role === 'system_admin' ||
      a.role === 'ministry_coordinator' ||
      a.role === 'ministry_unit_officer' ||
      (a.role === 'viewer' && a.scopeKind === 'national'),
  );

/** The provinces a user's province-scoped assignments reach. */
export const ownUnitIds = (me: Me): string[] => [
  ...new Set(
    me.user.assignments.flatMap((a) =>
      a.scopeKind === 'province' && a.scopeUnitId ? [a.scopeUnitId] : [],
    ),
  ),
];

/** Anyone with a role reads statistics (each within their scope). */
export const readsStatistics = (me: Me): boolean => me.user.assignments.length > 0;
