import type { Me } from '../../api/types';

/**
 * What the signed-in user may do with the Provincial Innovation Index, read from their role
 * assignments the way the server's policy grants it (the server decides; this shapes the screens).
 */

/** `pii.read`: anyone holding a role. */
export const readsPii = (me: Me): boolean => me.user.assignments.length > 0;

/** `pii.manage`: editions, imports and runs (system administrators, the Ministry coordinator). */
export const managesPii = (me: Me): boolean =>
  me.user.assignments.some((a) => a.role === 'system_admin' || a.role === 'ministry_coordinator');
