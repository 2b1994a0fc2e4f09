import type { Role } from '@caunoi/shared';
import type { User } from '../../api/types';

const MINISTRY: readonly Role[] = ['system_admin', 'ministry_coordinator'];
const ENGAGEMENT_WRITERS: readonly Role[] = [...MINISTRY, 'province_officer', 'province_approver'];

const holds = (user: User, roles: readonly Role[]) =>
  user.assignments.some((a) => roles.includes(a.role));

/** The Ministry's coordination work: programmes, directives, conclusion notices. */
export const canManageCoordination = (user: User): boolean => holds(user, MINISTRY);

/** Recording engagements (a province records its own). */
export const canWriteEngagements = (user: User): boolean => holds(user, ENGAGEMENT_WRITERS);
