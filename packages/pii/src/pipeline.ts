import { aggregate, rank } from './aggregate.js';
import { parsePipelineConfig } from './config.js';
import { denominate } from './denominate.js';
import { indicatorData } from './framework.js';
import { impute } from './impute.js';
import { normalise } from './normalise.js';
import { screen } from './screen.js';
import { treat, type TreatmentDetail } from './treat.js';
import type { DataSet, Framework, UnitTable } from './types.js';

export interface PipelineResult {
  /** The indicator columns of the unit data. */
  readonly raw: DataSet;
  readonly denominated: DataSet | null;
  readonly imputed: DataSet | null;
  readonly screened: DataSet | null;
  readonly removedUnits: readonly string[];
  readonly treated: DataSet | null;
  readonly treatmentDetails: readonly TreatmentDetail[] | null;
  readonly normalised: DataSet | null;
  readonly aggregated: DataSet | null;
  /** Ranks of the last data set (the aggregated one when aggregation ran). */
  readonly ranks: DataSet;
}

/**
 * Runs the configured steps in order: denominate, impute, screen, treat, normalise, aggregate,
 * then ranks the result. A step whose key is absent (or `denominate: false`) is skipped.
 */
export function runPipeline(
  framework: Framework,
  table: UnitTable,
  config: unknown,
): PipelineResult {
  const c = parsePipelineConfig(config);
  const raw = indicatorData(framework, table);
  let current = raw;
  const denominated = c.denominate === true ? denominate(current, framework, table) : null;
  current = denominated ?? current;
  const imputed = c.impute === undefined ? null : impute(current, c.impute, table);
  current = imputed ?? current;
  const screenResult = c.screen === undefined ? null : screen(current, c.screen);
  const screened = screenResult?.data ?? null;
  current = screened ?? current;
  const treatResult = c.treat === undefined ? null : treat(current, c.treat);
  const treated = treatResult?.data ?? null;
  current = treated ?? current;
  const normalised = c.normalise === undefined ? null : normalise(current, framework, c.normalise);
  current = normalised ?? current;
  const aggregated = c.aggregate === undefined ? null : aggregate(current, framework, c.aggregate);
  current = aggregated ?? current;
  return {
    raw,
    denominated,
    imputed,
    screened,
    removedUnits: screenResult?.removedUnits ?? [],
    treated,
    treatmentDetails: treatResult?.details ?? null,
    normalised,
    aggregated,
    ranks: rank(current),
  };
}
