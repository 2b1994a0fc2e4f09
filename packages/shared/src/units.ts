export const UNIT_TYPES = ['province', 'centrally_run_city'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export const UNIT_TYPE_LABELS: Record<UnitType, { vi: string; en: string }> = {
  province: { vi: 'tỉnh', en: 'province' },
  centrally_run_city: { vi: 'thành phố trực thuộc trung ương', en: 'centrally-run city' },
};

export const LINEAGE_RELATIONS = ['unchanged', 'merged', 'merged_code_kept'] as const;
export type LineageRelation = (typeof LINEAGE_RELATIONS)[number];

export const LINEAGE_RELATION_LABELS: Record<LineageRelation, { vi: string; en: string }> = {
  unchanged: { vi: 'giữ nguyên', en: 'unchanged' },
  merged: { vi: 'sáp nhập vào', en: 'merged into' },
  merged_code_kept: { vi: 'hợp nhất, giữ mã', en: 'merged, code kept' },
};
