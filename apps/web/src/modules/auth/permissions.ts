import { ROLE_LABELS, type Locale } from '@caunoi/shared';
import type { RoleAssignment, User } from '../../api/types';

export const isSystemAdmin = (user: User): boolean =>
  user.assignments.some((a) => a.role === 'system_admin');

/** Whether the user may create directory records somewhere (every role but viewer). */
export const canWriteDirectory = (user: User): boolean =>
  user.assignments.some((a) => a.role !== 'viewer');

/** "Province officer · Hải Phòng", "Ministry coordinator · nationwide". */
export function scopeLabel(a: RoleAssignment, nationwide: string): string {
  if (a.scopeKind === 'province') return a.unit?.nameVi ?? a.scopeUnitId ?? '';
  if (a.scopeKind === 'organisation') return a.organisationName ?? a.scopeOrganisationId ?? '';
  return nationwide;
}

export function assignmentLabel(a: RoleAssignment, locale: Locale, nationwide: string): string {
  return `${ROLE_LABELS[a.role][locale]} · ${scopeLabel(a, nationwide)}`;
}
