import type {
  CompletenessSummary,
  CompletenessUnit,
  Direction,
  PeriodAggregation,
  PeriodForm,
  PeriodType,
  ReportAction,
  ReportStatus,
  ReportTimeliness,
  UnitAggregation,
  ValueChannel,
  ValueType,
} from '@caunoi/shared';

export type { CompletenessSummary, CompletenessUnit };

/** Shapes of the statistics API (mirroring the server's schemas). */

export interface Labelled {
  code: string;
  nameVi: string;
  nameEn: string;
}

export interface RatioDefinition {
  numerator: string;
  denominator: string;
  factor: number;
}

export interface CatalogueIndicator extends Labelled {
  group: string;
  definitionVi: string;
  definitionEn: string;
  unitVi: string;
  unitEn: string;
  valueType: ValueType;
  unitAggregation: UnitAggregation;
  ratio: RatioDefinition | null;
  periodAggregation: PeriodAggregation;
  direction: Direction;
  sourceVi: string;
  legalBasis: string;
  evidenceRequired: boolean;
  disaggregation: string | null;
}

export interface CatalogueRule {
  code: string;
  expression: string;
  severity: 'error' | 'warning';
  messageVi: string;
  messageEn: string;
  scopeFormCodes: string[] | null;
  scopeUnitIds: string[] | null;
}

export interface Catalogue {
  groups: Labelled[];
  disaggregations: Array<Labelled & { options: Labelled[] }>;
  indicators: CatalogueIndicator[];
  rules: CatalogueRule[];
  syntheticValues: boolean;
}

export interface PeriodView {
  code: string;
  labelVi: string;
  labelEn: string;
  start: string;
  end: string;
  opensOn: string;
  deadline: string;
  locksOn: string;
}

export interface FormCalendar {
  opensAfterDays: number;
  deadlineAfterDays: number;
  locksAfterDays: number;
}

export interface FormBase extends FormCalendar {
  id: string;
  code: string;
  nameVi: string;
  nameEn: string;
  description: string | null;
  periodType: PeriodType;
  periodForm: PeriodForm;
  firstPeriod: string;
  active: boolean;
}

export interface FormListItem extends FormBase {
  indicatorCount: number;
  unitCount: number;
}

export interface FormDetail extends FormBase {
  indicators: string[];
  units: string[];
  /** Periods already open, newest first. */
  periods: PeriodView[];
  canManage: boolean;
}

/** What a form is created or changed with. */
export interface FormInput extends Omit<FormBase, 'id'> {
  indicators: string[];
  units: string[];
}

export interface ReportKeys {
  formId: string;
  unitId: string;
  periodCode: string;
}

export interface StoredCellValue {
  id: string;
  num: number | null;
  txt: string | null;
  comment: string | null;
  synthetic: boolean;
  channel: ValueChannel;
  updatedBy: string;
  updatedAt: string;
  evidenceCount: number;
}

export interface ReportCell {
  optionCode: string;
  optionNameVi: string | null;
  optionNameEn: string | null;
  value: StoredCellValue | null;
}

export interface ReportIndicator {
  code: string;
  group: string;
  nameVi: string;
  nameEn: string;
  definitionVi: string;
  unitVi: string;
  unitEn: string;
  valueType: ValueType;
  unitAggregation: UnitAggregation;
  ratio: RatioDefinition | null;
  evidenceRequired: boolean;
  /** The total of a disaggregated indicator, or a ratio computed from its components. */
  derived: number | null;
  cells: ReportCell[];
}

export interface CellRef {
  indicatorCode: string;
  optionCode: string;
}

export interface RuleResult {
  code: string;
  expression: string;
  severity: 'error' | 'warning';
  messageVi: string;
  messageEn: string;
  status: 'passed' | 'failed' | 'skipped';
  left: number | null;
  right: number | null;
  cells: CellRef[];
}

export type BlockerCode =
  'RULE_ERROR' | 'WARNING_UNEXPLAINED' | 'EVIDENCE_MISSING' | 'EMPTY_REPORT';

export interface Blocker {
  code: BlockerCode;
  message: string;
  ruleCode?: string;
  cells?: CellRef[];
}

export interface OutlierFlag extends CellRef {
  against: 'history' | 'peers';
  z: number | null;
  modifiedZ: number | null;
  references: number;
}

export interface ReportEvent {
  action: string;
  fromStatus: ReportStatus;
  toStatus: ReportStatus;
  comment: string | null;
  actorUsername: string;
  at: string;
}

export type LockReason = 'not_allowed' | 'status' | 'not_open' | 'locked';

export interface ReportView {
  id: string | null;
  form: Labelled & { id: string; periodType: PeriodType; periodForm: PeriodForm };
  unit: Labelled & { id: string };
  period: PeriodView;
  status: ReportStatus;
  reopened: boolean;
  returnComment: string | null;
  firstSubmittedOn: string | null;
  timeliness: ReportTimeliness;
  editable: boolean;
  lockReason: LockReason | null;
  lockMessage: string | null;
  actions: ReportAction[];
  indicators: ReportIndicator[];
  rules: RuleResult[];
  blockers: Blocker[];
  outliers: OutlierFlag[];
  events: ReportEvent[];
}

/** One cell of a batch save: the value as typed (null = blank) and/or its comment. */
export interface CellInput extends CellRef {
  value?: string | null;
  comment?: string | null;
}

/** What a save changes in the report's view (laid over it with `withSavedState`). */
export type ReportState = Pick<
  ReportView,
  | 'id'
  | 'status'
  | 'reopened'
  | 'returnComment'
  | 'firstSubmittedOn'
  | 'timeliness'
  | 'editable'
  | 'lockReason'
  | 'lockMessage'
  | 'actions'
  | 'rules'
  | 'blockers'
  | 'outliers'
> & {
  cells: Array<CellRef & { value: StoredCellValue }>;
  derived: Array<{ indicatorCode: string; value: number | null }>;
};

export interface SaveResult {
  summary: { created: number; updated: number; unchanged: number };
  state: ReportState;
}

/** A cell refused by a batch save (`details.cells` of the 400 answer). */
export interface CellError extends CellRef {
  index: number;
  code: string;
  message: string;
}

export interface HistoryEntry {
  oldNum: number | null;
  oldTxt: string | null;
  newNum: number | null;
  newTxt: string | null;
  oldComment: string | null;
  newComment: string | null;
  channel: ValueChannel;
  batchId: string | null;
  actorUsername: string;
  at: string;
}

export interface Completeness {
  form: Labelled & { id: string };
  period: PeriodView;
  summary: CompletenessSummary;
  units: CompletenessUnit[];
}

export interface TrendPoint {
  periodCode: string;
  labelVi: string;
  labelEn: string;
  expected: number;
  reported: number;
  onTime: number;
  reportingRate: number | null;
  timelyRate: number | null;
}

export interface RemindResult {
  units: number;
  notifications: number;
}
