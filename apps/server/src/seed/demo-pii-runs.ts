import { UnitRegistry } from '@caunoi/units';
import type { Ctx } from '../core/context.js';
import { AppError } from '../http/errors.js';
import { editionIdOfYear } from '../modules/pii/editions.repo.js';
import { computeRun } from '../modules/pii/runs.service.js';
import { loadUnits } from '../modules/units/units.repo.js';

/** Editions whose runs the demo computes: PII 2026 is left for the coordinator to compute. */
export const DEMO_RUN_YEARS = [2024, 2025] as const;

export interface PiiRunsDemoResult {
  /** Years of the editions computed. */
  piiRuns: number[];
  /** Editions not computed, with the reason (no edition, or the refusal's code). */
  piiRunsSkipped: Array<{ year: number; reason: string }>;
}

/**
 * Computes the demo runs of PII 2024 (the 63 former provinces, 2023 data) and PII 2025 (today's
 * 34, 2024 data restated) from the accepted demo values, with the default uncertainty analysis.
 * An edition that is missing, or whose data the computation refuses, is skipped and reported.
 */
export async function seedDemoPiiRuns(ctx: Ctx): Promise<PiiRunsDemoResult> {
  const { units, edges } = await loadUnits(ctx.database.db);
  const registry = new UnitRegistry(units, edges);
  const result: PiiRunsDemoResult = { piiRuns: [], piiRunsSkipped: [] };
  for (const year of DEMO_RUN_YEARS) {
    const editionId = await editionIdOfYear(ctx.database.db, year);
    if (!editionId) {
      result.piiRunsSkipped.push({ year, reason: 'NO_EDITION' });
      continue;
    }
    try {
      await computeRun(ctx, { registry }, { editionId });
      result.piiRuns.push(year);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      result.piiRunsSkipped.push({ year, reason: e.code });
    }
  }
  return result;
}
