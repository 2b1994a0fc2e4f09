/** Roles a user may hold. A user may hold several assignments, each with its own scope. */
export const ROLES = [
  'system_admin',
  'ministry_coordinator',
  'ministry_unit_officer',
  'province_officer',
  'province_approver',
  'viewer',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * What a role assignment is scoped to:
 * - `national`: the whole system (administrator, Ministry coordinator, national viewer);
 * - `organisation`: one Ministry unit (Ministry unit officer, or a viewer limited to that unit);
 * - `province`: one provincial unit (province officer and approver, or a viewer limited to it).
 */
export const SCOPE_KINDS = ['national', 'organisation', 'province'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

/** The scope kinds each role accepts. */
export const ROLE_SCOPES: Record<Role, readonly ScopeKind[]> = {
  system_admin: ['national'],
  ministry_coordinator: ['national'],
  ministry_unit_officer: ['organisation'],
  province_officer: ['province'],
  province_approver: ['province'],
  viewer: ['national', 'organisation', 'province'],
};

export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  system_admin: { vi: 'Quản trị hệ thống', en: 'System administrator' },
  ministry_coordinator: { vi: 'Điều phối cấp Bộ', en: 'Ministry coordinator' },
  ministry_unit_officer: { vi: 'Chuyên viên đơn vị thuộc Bộ', en: 'Ministry unit officer' },
  province_officer: { vi: 'Chuyên viên Sở KH&CN', en: 'Province officer' },
  province_approver: { vi: 'Lãnh đạo Sở KH&CN (phê duyệt)', en: 'Province approver' },
  viewer: { vi: 'Người xem', en: 'Viewer' },
};
