export const ORGANISATION_KINDS = [
  'ministry',
  'ministry_unit',
  'dost',
  'peoples_committee',
  'party_committee',
  'university',
  'institute',
  'enterprise',
  'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** The Ministry and its units (vụ, cục, viện…): the Ministry side of the joint work. */
export const isMinistrySide = (kind: string): boolean =>
  kind === 'ministry' || kind === 'ministry_unit';

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, { vi: string; en: string }> = {
  ministry: { vi: 'Bộ', en: 'Ministry' },
  ministry_unit: { vi: 'Đơn vị thuộc Bộ', en: 'Ministry unit' },
  dost: { vi: 'Sở Khoa học và Công nghệ', en: 'Department of Science and Technology' },
  peoples_committee: { vi: 'Ủy ban nhân dân', en: "People's Committee" },
  party_committee: { vi: 'Cấp ủy Đảng', en: 'Party committee' },
  university: { vi: 'Trường đại học', en: 'University' },
  institute: { vi: 'Viện, trung tâm nghiên cứu', en: 'Research institute' },
  enterprise: { vi: 'Doanh nghiệp', en: 'Enterprise' },
  other: { vi: 'Tổ chức khác', en: 'Other organisation' },
};
