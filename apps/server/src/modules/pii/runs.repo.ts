import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '../../db/database.js';
import { piiEditions, piiPublishedResults, piiRuns } from '../../db/schema.js';
import type { RunUnit } from './runs.inputs.js';
import type { StoredDataSet } from './runs.service.js';

/** A run's row without its (large) inputs and outputs, with its edition's identity. */
export interface RunSummaryRow {
  id: string;
  editionId: string;
  editionYear: number;
  editionTitle: string;
  illustrative: boolean;
  unitBasis: 'provinces-63' | 'provinces-34';
  dataYear: number;
  unitCount: number;
  indicatorCount: number;
  inputHash: string;
  uncertaintyRuns: number;
  createdBy: string;
  createdAt: Date;
}

export interface RunRow extends RunSummaryRow {
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
}

const summaryColumns = {
  id: piiRuns.id,
  editionId: piiRuns.editionId,
  editionYear: piiEditions.year,
  editionTitle: piiEditions.title,
  illustrative: piiEditions.illustrative,
  unitBasis: piiEditions.unitBasis,
  dataYear: piiRuns.dataYear,
  unitCount: piiRuns.unitCount,
  indicatorCount: piiRuns.indicatorCount,
  inputHash: piiRuns.inputHash,
  uncertaintyRuns: piiRuns.uncertaintyRuns,
  createdBy: piiRuns.createdBy,
  createdAt: piiRuns.createdAt,
};

/** Runs, newest first, of one edition or of all. */
export async function listRunRows(q: Queryable, editionId?: string): Promise<RunSummaryRow[]> {
  return q
    .select(summaryColumns)
    .from(piiRuns)
    .innerJoin(piiEditions, eq(piiEditions.id, piiRuns.editionId))
    .where(editionId === undefined ? undefined : eq(piiRuns.editionId, editionId))
    .orderBy(desc(piiRuns.createdAt), desc(piiRuns.id));
}

/** One run with its inputs and outputs. */
export async function runRow(q: Queryable, id: string): Promise<RunRow | undefined> {
  const [row] = await q
    .select({ ...summaryColumns, inputs: piiRuns.inputs, outputs: piiRuns.outputs })
    .from(piiRuns)
    .innerJoin(piiEditions, eq(piiEditions.id, piiRuns.editionId))
    .where(eq(piiRuns.id, id));
  return row;
}

/** What the rank history reads of a run: its units and the index's figures, not the rest. */
export interface RunRankingRow {
  id: string;
  editionYear: number;
  illustrative: boolean;
  unitBasis: 'provinces-63' | 'provinces-34';
  /** The units of the run's table (`inputs.table.units`). */
  units: RunUnit[] | null;
  /** Code of the index (`outputs.index`). */
  index: string | null;
  ranks: StoredDataSet | null;
  aggregated: StoredDataSet | null;
}

/** The latest run of each edition, by edition year: only what the rank history reads of it. */
export async function latestRankingPerEdition(q: Queryable): Promise<RunRankingRow[]> {
  const latest = q
    .selectDistinctOn([piiRuns.editionId], { id: piiRuns.id })
    .from(piiRuns)
    .orderBy(piiRuns.editionId, desc(piiRuns.createdAt), desc(piiRuns.id));
  return q
    .select({
      id: piiRuns.id,
      editionYear: piiEditions.year,
      illustrative: piiEditions.illustrative,
      unitBasis: piiEditions.unitBasis,
      units: sql<RunUnit[] | null>`${piiRuns.inputs} #> '{table,units}'`,
      index: sql<string | null>`${piiRuns.outputs} -> 'index'`,
      ranks: sql<StoredDataSet | null>`${piiRuns.outputs} -> 'ranks'`,
      aggregated: sql<StoredDataSet | null>`${piiRuns.outputs} -> 'aggregated'`,
    })
    .from(piiRuns)
    .innerJoin(piiEditions, eq(piiEditions.id, piiRuns.editionId))
    .where(inArray(piiRuns.id, latest))
    .orderBy(piiEditions.year);
}

export interface NewRun {
  editionId: string;
  dataYear: number;
  inputHash: string;
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
  unitCount: number;
  indicatorCount: number;
  uncertaintyRuns: number;
  createdBy: string;
}

/** Writes a run once (a trigger refuses any later update). */
export async function insertRun(tx: Tx, run: NewRun): Promise<{ id: string; createdAt: Date }> {
  const [row] = await tx
    .insert(piiRuns)
    .values(run)
    .returning({ id: piiRuns.id, createdAt: piiRuns.createdAt });
  return row!;
}

/** Published results of some units, by year. */
export async function publishedOfUnits(q: Queryable, unitIds: readonly string[]) {
  if (unitIds.length === 0) return [];
  return q
    .select()
    .from(piiPublishedResults)
    .where(and(inArray(piiPublishedResults.unitId, [...unitIds])))
    .orderBy(piiPublishedResults.year, sql`${piiPublishedResults.rank} ASC NULLS LAST`);
}
