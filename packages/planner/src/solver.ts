import { createRequire } from 'node:module';
import type { Highs, InitOptions } from 'highs';
import { PlanError } from './errors.js';

type Loader = (options?: InitOptions) => Promise<Highs>;

let runtime: Promise<Highs> | undefined;

/**
 * The HiGHS WebAssembly runtime, loaded once per process from the `highs` package (the .wasm file
 * is resolved inside the installed package; nothing is downloaded).
 */
export function loadSolver(): Promise<Highs> {
  runtime ??= instantiate().catch((error: unknown) => {
    runtime = undefined;
    throw new PlanError(
      'SOLVER_UNAVAILABLE',
      `Không tải được bộ giải HiGHS: ${error instanceof Error ? error.message : String(error)}`,
    );
  });
  return runtime;
}

async function instantiate(): Promise<Highs> {
  const mod: unknown = await import('highs');
  // ESM gives the loader as the default export; CommonJS interop may wrap it once more.
  let loader = (mod as { default?: unknown }).default;
  if (typeof loader !== 'function') loader = (loader as { default?: unknown } | undefined)?.default;
  if (typeof loader !== 'function') throw new Error('the highs package exports no loader');
  const wasm = createRequire(import.meta.url).resolve('highs/runtime');
  return (loader as Loader)({
    locateFile: (file: string) => (file.endsWith('.wasm') ? wasm : file),
  });
}

export interface LpSolveOptions {
  timeLimitSeconds: number;
  /** Start values for the columns (in `names` order), e.g. a known feasible plan. */
  start?: Float64Array;
}

export interface LpSolveOutcome {
  /** HiGHS proved optimality (zero gap) or infeasibility. */
  status: 'optimal' | 'infeasible' | 'limit';
  /** Column values in `names` order, when HiGHS has a feasible solution. */
  values: Float64Array | null;
  /** Best proven bound on the objective when the search stopped at a limit. */
  bound: number | null;
}

/**
 * Solves a CPLEX LP-format model whose columns are exactly `names`. Options: zero MIP gaps (proven
 * optimality), tight feasibility tolerances, a time limit, no output.
 */
export function solveLp(
  highs: Highs,
  lp: string,
  names: readonly string[],
  options: LpSolveOptions,
): LpSolveOutcome {
  const model = highs.createModel({ format: 'lp', data: lp });
  try {
    model.options.set({
      output_flag: false,
      mip_rel_gap: 0,
      mip_abs_gap: 0,
      primal_feasibility_tolerance: 1e-9,
      mip_feasibility_tolerance: 1e-9,
      random_seed: 0,
      time_limit: Math.max(options.timeLimitSeconds, 0.001),
    });
    const { numCols } = model.getDimensions();
    if (numCols !== names.length) {
      throw new PlanError(
        'SOLVER_ERROR',
        `Bộ giải đọc được ${numCols} biến thay vì ${names.length}.`,
      );
    }
    // Column position in the model for each name (the LP reader orders columns by first use).
    const position = new Map<string, number>();
    for (let c = 0; c < numCols; c++) position.set(model.getColName(c), c);
    const columnOf = names.map((name) => {
      const c = position.get(name);
      if (c === undefined) throw new PlanError('SOLVER_ERROR', `Bộ giải không có biến ${name}.`);
      return c;
    });
    if (options.start) {
      const colValue = new Float64Array(numCols);
      columnOf.forEach((c, k) => (colValue[c] = options.start![k]!));
      try {
        model.setSolution({ colValue });
      } catch {
        // A rejected start only costs speed: the solver searches from scratch.
      }
    }
    const status = model.run().modelStatus;
    const codes = highs.constants.modelStatus;
    if (status === codes.infeasible || status === codes.unboundedOrInfeasible) {
      return { status: 'infeasible', values: null, bound: null };
    }
    if (
      status === codes.loadError ||
      status === codes.modelError ||
      status === codes.presolveError ||
      status === codes.solveError ||
      status === codes.postsolveError
    ) {
      throw new PlanError('SOLVER_ERROR', `Bộ giải HiGHS báo lỗi (trạng thái ${status}).`);
    }
    const hasSolution = Number(model.info.get('primal_solution_status')) === 2;
    let values: Float64Array | null = null;
    if (hasSolution) {
      const colValue = model.getSolution().colValue;
      values = Float64Array.from(columnOf, (c) => colValue[c]!);
    }
    if (status === codes.optimal && hasSolution) return { status: 'optimal', values, bound: null };
    const bound = Number(model.info.get('mip_dual_bound'));
    return { status: 'limit', values, bound: Number.isFinite(bound) ? bound : null };
  } finally {
    model.dispose();
  }
}
