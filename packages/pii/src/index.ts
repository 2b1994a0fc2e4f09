export { PiiError, type PiiErrorCode, type PiiErrorLocation } from './errors.js';
export type {
  DataSet,
  Direction,
  Framework,
  FrameworkNode,
  FrameworkRow,
  NodeType,
  UnitTable,
  Value,
} from './types.js';
export { parseCsv, cellValue, parseNumber, type CsvCell } from './csv.js';
export { parseUnitData, parseFramework, parseFrameworkRows } from './coinr-format.js';
export {
  buildFramework,
  checkDataAgainstFramework,
  indicatorData,
  numericColumns,
} from './framework.js';
export { column, fromRows, mapColumns } from './dataset.js';
export { extremes, mean, median, sd, skewness, kurtosis, rankMin } from './stats.js';
export { denominate } from './denominate.js';
export { impute, type ImputeMethod, type ImputeOptions } from './impute.js';
export { screen, type ScreenOptions, type ScreenResult } from './screen.js';
export {
  treat,
  treatIndicator,
  TREAT_DEFAULTS,
  winsorise,
  checkSkewKurt,
  logCT,
  logGII,
  type TreatFallback,
  type TreatOptions,
  type TreatResult,
  type TreatmentDetail,
  type SkewKurtCheck,
  type WinsoriseResult,
} from './treat.js';
export {
  normalise,
  normaliseValues,
  orientGoalposts,
  indicatorGoalposts,
  NORMALISE_DEFAULTS,
  type Goalposts,
  type NormaliseMethod,
  type NormaliseOptions,
} from './normalise.js';
export {
  aggregate,
  weightedMean,
  AGGREGATE_DEFAULT_METHOD,
  rank,
  type AggregateMethod,
  type AggregateOptions,
} from './aggregate.js';
export {
  parsePipelineConfig,
  pipelineConfigSchema,
  type PipelineConfig,
  type PipelineConfigInput,
} from './config.js';
export { runPipeline, type PipelineResult } from './pipeline.js';
export {
  preparePipeline,
  prepareInputs,
  prepareConfig,
  type PipelineOverrides,
  type PreparedConfig,
  type PreparedInputs,
  type PreparedPipeline,
} from './prepared.js';
export { quantileSorted } from './columns.js';
export { streamFor, type Random } from './random.js';
export {
  parseUncertaintySpec,
  uncertaintySpecSchema,
  runUncertainty,
  type RankStats,
  type ReplicationFailure,
  type UncertaintyOptions,
  type UncertaintyResult,
  type UncertaintySpec,
  type UncertaintySpecInput,
} from './uncertainty.js';
export {
  runSensitivity,
  saltelliPoint,
  sobolIndices,
  type FactorSensitivity,
  type SensitivityResult,
  type SobolEstimate,
  type SobolIndex,
} from './sensitivity.js';
export {
  pearson,
  correlationMatrix,
  correlations,
  cronbachAlpha,
  symmetricEigenvalues,
  pca,
  strengthsWeaknesses,
  efficiency,
  indexCode,
  audit,
  STRENGTH_COUNT,
  ALWAYS_STRENGTH_RANK,
  type Audit,
  type AuditOptions,
  type CorrelationRow,
  type EfficiencyRow,
  type PcaResult,
  type StrengthMark,
} from './analysis.js';
