import { parsePipelineConfig } from './config.js';
import { prepareInputs, runPrepared, type PipelineResult } from './prepared.js';
import type { Framework, UnitTable } from './types.js';

export type { PipelineResult };

/**
 * Runs the configured steps in order: denominate, impute, screen, treat, normalise, aggregate,
 * then ranks the result. A step whose key is absent (or `denominate: false`) is skipped.
 * To run several configurations on the same data, `preparePipeline` reads the data once.
 */
export function runPipeline(
  framework: Framework,
  table: UnitTable,
  config: unknown,
): PipelineResult {
  const c = parsePipelineConfig(config);
  return runPrepared(prepareInputs(framework, table), c);
}
