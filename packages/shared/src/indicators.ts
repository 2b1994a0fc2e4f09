/**
 * The indicator catalogue's vocabulary: what a provincial S&T statistic is, how it is typed and
 * how it adds up across units (provinces, regions, the nation) and across periods.
 */

export const VALUE_TYPES = ['integer', 'decimal', 'percentage', 'boolean', 'text'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

/**
 * Across units: `sum` (counts, money), `mean` (scores), `ratio` (recomputed from two other
 * indicators: numerator ÷ denominator × factor, e.g. a share of GRDP), `none` (not comparable
 * or not additive: reported per unit only).
 */
export const UNIT_AGGREGATIONS = ['sum', 'mean', 'ratio', 'none'] as const;
export type UnitAggregation = (typeof UNIT_AGGREGATIONS)[number];

/** Across periods: `sum` (flows), `last` (stocks at the end), `mean`, `max`, `none`. */
export const PERIOD_AGGREGATIONS = ['sum', 'last', 'mean', 'max', 'none'] as const;
export type PeriodAggregation = (typeof PERIOD_AGGREGATIONS)[number];

export const DIRECTIONS = ['higher_better', 'lower_better', 'neutral'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const VALUE_TYPE_LABELS: Record<ValueType, { vi: string; en: string }> = {
  integer: { vi: 'Số nguyên', en: 'Integer' },
  decimal: { vi: 'Số thập phân', en: 'Decimal' },
  percentage: { vi: 'Tỷ lệ phần trăm', en: 'Percentage' },
  boolean: { vi: 'Có/Không', en: 'Yes/No' },
  text: { vi: 'Văn bản', en: 'Text' },
};

export const UNIT_AGGREGATION_LABELS: Record<UnitAggregation, { vi: string; en: string }> = {
  sum: { vi: 'Cộng dồn', en: 'Sum' },
  mean: { vi: 'Bình quân', en: 'Mean' },
  ratio: { vi: 'Tính lại từ tử số và mẫu số', en: 'Ratio recomputed from its components' },
  none: { vi: 'Không tổng hợp', en: 'Not aggregated' },
};

export const PERIOD_AGGREGATION_LABELS: Record<PeriodAggregation, { vi: string; en: string }> = {
  sum: { vi: 'Cộng các kỳ', en: 'Sum of periods' },
  last: { vi: 'Số cuối kỳ', en: 'End of period' },
  mean: { vi: 'Bình quân các kỳ', en: 'Mean of periods' },
  max: { vi: 'Lớn nhất', en: 'Maximum' },
  none: { vi: 'Không tổng hợp', en: 'Not aggregated' },
};

export const DIRECTION_LABELS: Record<Direction, { vi: string; en: string }> = {
  higher_better: { vi: 'Càng cao càng tốt', en: 'Higher is better' },
  lower_better: { vi: 'Càng thấp càng tốt', en: 'Lower is better' },
  neutral: { vi: 'Trung tính', en: 'Neutral' },
};

/** A category combination, e.g. S&T tasks by level or spending by source. */
export interface DisaggregationDefinition {
  code: string;
  nameVi: string;
  nameEn: string;
  options: Array<{ code: string; nameVi: string; nameEn: string }>;
}

export interface IndicatorDefinition {
  /** Capitals, digits and underscores: what validation rules refer to. */
  code: string;
  /** Code of the indicator group (tasks, budget, IP…). */
  group: string;
  nameVi: string;
  nameEn: string;
  definitionVi: string;
  definitionEn: string;
  /** Unit of measure as printed, e.g. "nhiệm vụ", "triệu đồng", "%". */
  unitVi: string;
  unitEn: string;
  valueType: ValueType;
  unitAggregation: UnitAggregation;
  /** For `ratio`: numerator ÷ denominator × factor, both other indicators' codes. */
  ratio?: { numerator: string; denominator: string; factor: number };
  periodAggregation: PeriodAggregation;
  direction: Direction;
  /** Where the figure comes from (the reporting unit's records, a survey…). */
  sourceVi: string;
  /** Legal basis: the document that defines the indicator or requires its reporting. */
  legalBasis: string;
  evidenceRequired: boolean;
  /** Code of its disaggregation; the total is derived from the options, never typed twice. */
  disaggregation?: string;
}

export interface IndicatorGroupDefinition {
  code: string;
  nameVi: string;
  nameEn: string;
}

export interface ValidationRuleDefinition {
  code: string;
  /** An expression in the grammar of `parseRule`. */
  expression: string;
  /** `error` blocks submission; `warning` asks the reporter to confirm the figure. */
  severity: 'error' | 'warning';
  messageVi: string;
  messageEn: string;
}

export interface IndicatorCatalogue {
  groups: IndicatorGroupDefinition[];
  disaggregations: DisaggregationDefinition[];
  indicators: IndicatorDefinition[];
  rules: ValidationRuleDefinition[];
}

export const INDICATOR_CODE = /^[A-Z][A-Z0-9_]*$/;
