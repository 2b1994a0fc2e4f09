/**
 * The Provincial Innovation Index (PII) as the API serves it: editions of the framework,
 * computation runs and their views, and the published results kept beside them. The server's Zod
 * schemas and the web pages both follow these shapes.
 */

/** The 7 published pillars: 1–5 make the input sub-index, 6–7 the output sub-index. */
export const PII_PILLARS = [
  { no: 1, side: 'input', nameVi: 'Thể chế', nameEn: 'Institutions' },
  {
    no: 2,
    side: 'input',
    nameVi: 'Vốn con người và Nghiên cứu và Phát triển',
    nameEn: 'Human capital and research and development',
  },
  { no: 3, side: 'input', nameVi: 'Cơ sở hạ tầng', nameEn: 'Infrastructure' },
  {
    no: 4,
    side: 'input',
    nameVi: 'Trình độ phát triển của thị trường',
    nameEn: 'Market sophistication',
  },
  {
    no: 5,
    side: 'input',
    nameVi: 'Trình độ phát triển của doanh nghiệp',
    nameEn: 'Business sophistication',
  },
  {
    no: 6,
    side: 'output',
    nameVi: 'Sản phẩm tri thức, sáng tạo và công nghệ',
    nameEn: 'Knowledge, creative and technology outputs',
  },
  { no: 7, side: 'output', nameVi: 'Tác động', nameEn: 'Impact' },
] as const;

/** Node types of a framework, as in COINr's iMeta. */
export const PII_NODE_TYPES = ['Indicator', 'Aggregate', 'Denominator', 'Group'] as const;
export type PiiNodeType = (typeof PII_NODE_TYPES)[number];

/** Where an indicator's placement in the framework comes from (the illustrative framework). */
export const PII_PLACEMENT = ['confirmed', 'inferred'] as const;
export type PiiPlacement = (typeof PII_PLACEMENT)[number];

/** Which provinces an edition ranks: the 63 before 1 July 2025 (up to PII 2024), or today's 34. */
export const PII_UNIT_BASES = ['provinces-63', 'provinces-34'] as const;
export type PiiUnitBasis = (typeof PII_UNIT_BASES)[number];

/** One row of a framework: an indicator, an aggregate (sub-pillar … index) or a denominator. */
export interface PiiNode {
  code: string;
  type: PiiNodeType;
  /** 1 indicator, 2 sub-pillar, 3 pillar, 4 sub-index, 5 index; null for denominators. */
  level: number | null;
  nameVi: string;
  nameEn: string | null;
  parent: string | null;
  weight: number;
  direction: 1 | -1;
  /** Code of the denominator node the indicator is divided by. */
  denominator: string | null;
  /** The statistics catalogue indicator whose accepted values feed this indicator or denominator. */
  sourceIndicator: string | null;
  unitVi: string | null;
  placement: PiiPlacement | null;
}

export interface PiiEditionSummary {
  id: string;
  /** The edition's year: "PII 2025". */
  year: number;
  title: string;
  /** Built from public sources, not the official list: shown as "khung minh họa". */
  illustrative: boolean;
  unitBasis: PiiUnitBasis;
  /** The reporting year of the statistics a run of this edition reads by default. */
  dataYear: number;
  indicatorCount: number;
  runCount: number;
  updatedAt: string;
}

export interface PiiEdition extends PiiEditionSummary {
  notes: string | null;
  nodes: PiiNode[];
  /** The engine's pipeline configuration (packages/pii `pipelineConfigSchema`). */
  config: Record<string, unknown>;
}

export interface PiiRunSummary {
  id: string;
  editionId: string;
  editionYear: number;
  editionTitle: string;
  illustrative: boolean;
  /** Which provinces the run ranks (its edition's basis). */
  unitBasis: PiiUnitBasis;
  dataYear: number;
  unitCount: number;
  indicatorCount: number;
  /** SHA-256 of the run's inputs (framework, configuration, values), hex. */
  inputHash: string;
  createdAt: string;
  createdBy: string;
  /** Replications of the uncertainty analysis stored with the run (0 = none). */
  uncertaintyRuns: number;
}

/** A unit's score and rank on one aggregate. */
export interface PiiScore {
  score: number | null;
  rank: number | null;
}

export interface PiiRankingRow {
  unitId: string;
  unitCode: string;
  unitName: string;
  regionVi: string | null;
  score: number | null;
  rank: number | null;
  /** Keyed by aggregate code: the sub-indexes and pillars. */
  aggregates: Record<string, PiiScore>;
  /** 5th–95th percentile of the index rank under the uncertainty analysis. */
  rankInterval: PiiRankInterval | null;
}

export interface PiiRankInterval {
  nominal: number | null;
  median: number | null;
  q5: number | null;
  q95: number | null;
}

export interface PiiRun extends PiiRunSummary {
  /** Aggregates by level, from the index down to the sub-pillars, in framework order. */
  aggregates: Pick<PiiNode, 'code' | 'nameVi' | 'nameEn' | 'level' | 'parent'>[];
  ranking: PiiRankingRow[];
}

export type PiiMark = 'strength' | 'weakness';

export interface PiiProfileIndicator {
  code: string;
  nameVi: string;
  nameEn: string | null;
  parent: string | null;
  unitVi: string | null;
  /** The value read from the statistics (after its denominator), before treatment. */
  value: number | null;
  /** Normalised score 0–100. */
  score: number | null;
  rank: number | null;
  mark: PiiMark | null;
}

export interface PiiProfile {
  runId: string;
  unitId: string;
  unitName: string;
  regionVi: string | null;
  unitCount: number;
  score: number | null;
  rank: number | null;
  rankInterval: PiiRankInterval | null;
  /** Every aggregate (index, sub-indexes, pillars, sub-pillars) with the unit's score and rank. */
  aggregates: (Pick<PiiNode, 'code' | 'nameVi' | 'nameEn' | 'level' | 'parent'> & PiiScore)[];
  indicators: PiiProfileIndicator[];
  strengths: number;
  weaknesses: number;
}

export interface PiiComparison {
  runId: string;
  profiles: PiiProfile[];
}

/** The statistical audit of a run. */
export interface PiiAudit {
  /** Pearson correlation of each indicator and aggregate with its parent and with the index. */
  correlations: {
    code: string;
    parent: string | null;
    withParent: number | null;
    withIndex: number | null;
  }[];
  /** Correlation matrix of the indicators within each pillar, for the heat map. */
  matrices: { aggregate: string; codes: string[]; values: (number | null)[][] }[];
  cronbach: { aggregate: string; alpha: number | null; items: number }[];
  pca: { aggregate: string; eigenvalues: number[]; varianceExplained: number[] }[];
  /** Output sub-index ÷ input sub-index per unit. */
  efficiency: { unitId: string; ratio: number | null; rank: number | null }[];
}

export interface PiiHistoryPoint {
  year: number;
  /** The province the figure belongs to: the unit itself or one of its predecessors. */
  unitId: string;
  unitName: string;
  predecessor: boolean;
  source: 'computed' | 'published';
  runId: string | null;
  score: number | null;
  rank: number | null;
  ofN: number | null;
  illustrative: boolean;
}

export interface PiiPublishedResult {
  year: number;
  provinceName: string;
  /** The province matched in the unit registry, as of the edition's unit basis. */
  unitId: string | null;
  score: number | null;
  rank: number | null;
  ofN: number | null;
  inputScore: number | null;
  outputScore: number | null;
  /** Pillar scores 1–7 where published. */
  pillars: (number | null)[];
  notes: string | null;
  source: string;
  /** Another published figure for the same year and province disagrees with this one. */
  conflict: boolean;
}

/** A run computed again from its stored inputs. */
export interface PiiRunVerification {
  runId: string;
  /** The stored inputs still hash to the run's input hash. */
  inputsIntact: boolean;
  /** Every output computed again equals the stored one. */
  reproduced: boolean;
  /** Largest absolute difference over every stored number (0 when reproduced). */
  maxDifference: number;
  checkedValues: number;
}
