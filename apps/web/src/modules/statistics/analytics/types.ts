import type { PeriodForm, PeriodType, UnitAggregation, ValueType } from '@caunoi/shared';

/** The answer of `GET /api/v1/analytics` (mirroring the server's `analyticsResponse`). */

export type Boundaries = 'as-reported' | 'current';
export type Level = 'unit' | 'region' | 'nation';
export type AnalyticsFlag =
  | 'incomplete'
  | 'missing_component'
  | 'zero_denominator'
  | 'reported_ratio'
  | 'reported_ratio_excluded'
  | 'not_restatable'
  | 'not_aggregable';

export interface AnalyticsIndicator {
  key: string;
  code: string;
  optionCode: string | null;
  nameVi: string;
  nameEn: string;
  optionNameVi: string | null;
  optionNameEn: string | null;
  unitVi: string;
  unitEn: string;
  valueType: ValueType;
  unitAggregation: UnitAggregation;
  ratio: { numerator: string; denominator: string; factor: number } | null;
}

export interface AnalyticsPeriod {
  code: string;
  type: PeriodType;
  form: PeriodForm;
  start: string;
  end: string;
  labelVi: string;
  labelEn: string;
}

export interface AnalyticsRow {
  level: Level;
  key: string;
  unitId: string | null;
  code: string | null;
  nameVi: string;
  nameEn: string;
  regionVi: string | null;
  regionEn: string | null;
}

export interface AnalyticsUnit {
  id: string;
  code: string;
  nameVi: string;
  nameEn: string;
  regionVi: string;
  regionEn: string;
  validFrom: string;
  validTo: string | null;
}

export interface CellNote {
  at: number;
  flags?: AnalyticsFlag[];
  coverage?: { reported: number; expected: number };
  missing?: string[];
}

export type CellValue = number | string | boolean | null;

export interface AnalyticsView {
  boundaries: Boundaries;
  asOf: string;
  levels: Level[];
  scope: 'national' | 'province';
  synthetic: boolean;
  notes: string[];
  indicators: AnalyticsIndicator[];
  periods: AnalyticsPeriod[];
  rows: AnalyticsRow[];
  units: AnalyticsUnit[];
  size: [number, number, number];
  values: CellValue[];
  marks: string;
  cellNotes: CellNote[];
}
