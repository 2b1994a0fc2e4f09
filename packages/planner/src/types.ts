/** Criteria a province scores each proposal on (scores 1–5, higher is better). */
export type Criterion = 'alignment' | 'impact' | 'readiness' | 'cost';

export const CRITERIA: readonly Criterion[] = ['alignment', 'impact', 'readiness', 'cost'];

export interface PlanItem {
  id: string;
  /** ≥ 0 (e.g. from weightedValue). */
  value: number;
  /** Total cost, same unit as the envelopes (e.g. million VND), ≥ 0. */
  cost: number;
  /** ≥ 1, default 1; the cost is spread evenly over the years the item runs. */
  durationYears?: number;
  earliestStartYear?: number | null;
  /** The item must start in that year. */
  pinnedYear?: number | null;
  /** The item must not be planned. */
  excluded?: boolean;
  /** The item may start only after every one of these has finished; planning it requires them planned. */
  dependsOn?: string[];
}

export interface PlanInput {
  /** First year of the span (inclusive). */
  startYear: number;
  /** Last year of the span (inclusive). */
  endYear: number;
  /** Budget per year; a missing year counts as 0. */
  envelopes: Record<number, number>;
  items: PlanItem[];
}

export interface PlanIssue {
  itemId?: string;
  code: string;
  /** Vietnamese, for the officer. */
  message: string;
}

export interface PlanResult {
  method: 'mip' | 'greedy';
  /** 'feasible' = the time limit was reached with a solution that is not proven optimal. */
  status: 'optimal' | 'feasible' | 'infeasible';
  /** Σ value of the planned items (no tie-break terms). */
  objective: number;
  /** Start year per item id, null = not planned. */
  schedule: Record<string, number | null>;
  /** Cost falling in each year of the span. */
  yearlyCost: Record<number, number>;
  solveMs: number;
  /** Vietnamese messages explaining infeasibility or ignored input. */
  issues: PlanIssue[];
}

export interface PlanOptions {
  /** Wall-clock limit for the solver (all solves of one call together); default 10 s. */
  timeLimitSeconds?: number;
}
