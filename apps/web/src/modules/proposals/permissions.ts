import type { Role } from '@caunoi/shared';
import type { User } from '../../api/types';

const WRITERS: readonly Role[] = [
  'system_admin',
  'ministry_coordinator',
  'province_officer',
  'province_approver',
];

/** Recording proposals and roadmaps: a province for itself, the Ministry side for any. */
export const canWriteProposals = (user: User): boolean =>
  user.assignments.some((a) => WRITERS.includes(a.role));

/** The province a province account works for (the default of new records), if any. */
export const ownUnitId = (user: User): string | undefined =>
  user.assignments.find((a) => a.scopeKind === 'province')?.scopeUnitId ?? undefined;
