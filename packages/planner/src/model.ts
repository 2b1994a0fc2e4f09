/**
 * The roadmap as a mixed-integer programme (CPLEX LP format, solved by HiGHS).
 *
 * Data per item i: value v_i ≥ 0, cost c_i ≥ 0, duration d_i ≥ 1 (yearly share s_i = c_i / d_i),
 * earliest start e_i, optional pin p_i, predecessors P(i). Envelope E_t per year t of the span
 * [Y0, Y1].
 *
 * Domain D_i = y_1 < … < y_K: the start years with max(Y0, e_i) ≤ y ≤ Y1 − d_i + 1 (only p_i when
 * pinned), where the item alone fits every envelope it runs in, and where some start of every
 * predecessor finishes before y. Excluded items, invalid ones and items on a dependency cycle have
 * an empty domain (no variables).
 *
 * In the terms of the textbook model, x[i,y] = 1 when item i starts in year y, with Σ_y x[i,y] ≤ 1.
 * The solver works on the cumulative form of the same binaries,
 *
 *   S[i,k] = Σ_{q ≤ k} x[i,y_q]  ("item i has started by year y_k"),  so x[i,y_k] = S[i,k] − S[i,k−1],
 *
 * which is a unimodular change of variables (same LP bound) but lets branch-and-bound split the
 * start window in two ("started by 2028 or not") instead of trying one year at a time; on
 * 60 × 6 instances it solves several times faster.
 *
 * Constraints:
 *   mono_i_k:     S[i,k−1] ≤ S[i,k]                      (so Σ_y x[i,y] = S[i,K] ≤ 1)
 *   pin_i:        S[i,1] = 1                             (pinned: D_i = {p_i})
 *   bud_a_b:      Σ_i s_i·Σ_k |[y_k, y_k+d_i−1] ∩ [a,b]|·x[i,y_k] ≤ Σ_{t=a..b} E_t
 *                 for every single year a = b (the yearly envelopes); the same sums over the
 *                 windows [Y0, b] and [a, Y1] are implied by them but give the cut generators
 *                 whole-period knapsacks ("what must be paid by year b", "what is left after a").
 *                 Rows are written in exact integers when the costs allow it (each row multiplied
 *                 by lcm(d)·10^q and divided by the gcd of its coefficients, right-hand side
 *                 rounded down), so plans that use an envelope to the last đồng are neither cut
 *                 off nor let through by floating-point tolerances; otherwise each row is divided
 *                 by its envelope (coefficients in (0, 1], right-hand side 1 + τ).
 *   pre_i_j_k:    S[i,k] ≤ S[j,k'] with y_{k'} the last start of predecessor j such that
 *                 y_{k'} + d_j ≤ y_k: "if i has started by y_k, j started early enough to finish
 *                 before y_k". This is the tight per-year form of start(i) ≥ start(j) + d_j; at
 *                 k = K it gives planned(i) ≤ planned(j), so no item is planned without its
 *                 predecessors.
 *
 * Objective: maximise Σ_i v_i·S[i,K_i] (values in exact integer units when they have at most six
 * decimals, otherwise divided by the largest value), with zero MIP gap: HiGHS either proves the
 * optimum or the result is reported as merely feasible.
 *
 * Tie-break (earlier starts, never less value): the optimal plan is left-justified afterwards by
 * `shiftEarlier` (schedule.ts), which moves items to earlier years while envelopes and
 * predecessors allow, so the set of planned items, hence the value, never changes. Solving the
 * earliness exactly, as a second lexicographic solve or as an integer tie-break term in the
 * objective, was measured at 1–60 s more per 60 × 6 instance, far beyond the second the product
 * can spend.
 */
import { BUDGET_TOLERANCE, type Prepared } from './prepare.js';
import type { Starts } from './schedule.js';

export interface MipModel {
  /** Column names, safe for the LP format: s_<item>_<year>. */
  names: string[];
  /** Column c: item has started by `year`; `last` when year is the item's last possible start. */
  columns: Array<{ item: number; year: number; last: boolean }>;
  /** Objective per column (non-zero on `last` columns only). */
  valueCoef: number[];
  /** Whether `valueCoef` is in exact integer units. */
  integralValues: boolean;
  /** Constraint lines of the LP file. */
  rows: string[];
}

/** Largest integer coefficient written in exact mode. */
const MAX_EXACT = 1e12;

/** A number as the LP reader expects it (shortest round-trip form, no locale). */
function num(n: number): string {
  return Object.is(n, -0) ? '0' : String(n);
}

/** A linear expression over columns, a few terms per line. */
function expression(terms: ReadonlyArray<readonly [number, number]>, names: string[]): string {
  const parts = terms.map(([col, coef], k) => {
    const sign = coef < 0 ? '-' : k === 0 ? '' : '+';
    return `${sign}${sign ? ' ' : ''}${num(Math.abs(coef))} ${names[col]}`;
  });
  const lines: string[] = [];
  for (let k = 0; k < parts.length; k += 8) lines.push(parts.slice(k, k + 8).join(' '));
  return lines.join('\n   ');
}

const gcd = (a: number, b: number): number => {
  while (b) [a, b] = [b, a % b];
  return a;
};

/** Whether x is an integer up to floating-point noise. */
const nearInteger = (x: number) => Math.abs(x - Math.round(x)) <= 1e-9 * Math.max(1, Math.abs(x));

/** The smallest power of ten (≤ 10^6) that makes every number an integer, or null. */
function decimalScale(numbers: number[]): number | null {
  for (let q = 0, scale = 1; q <= 6; q++, scale *= 10) {
    if (numbers.every((n) => nearInteger(n * scale))) return scale;
  }
  return null;
}

export function buildModel(prepared: Prepared): MipModel {
  const { items, startYear, endYear } = prepared;
  const names: string[] = [];
  const columns: MipModel['columns'] = [];
  const colOf = new Map<string, number>();
  for (const item of items) {
    for (const [k, y] of item.domain.entries()) {
      colOf.set(`${item.index}:${y}`, names.length);
      names.push(`s_${item.index}_${y}`);
      columns.push({ item: item.index, year: y, last: k === item.domain.length - 1 });
    }
  }
  const col = (item: number, y: number) => colOf.get(`${item}:${y}`)!;
  const planned = items.filter((i) => i.domain.length > 0);

  // Objective: exact integers when the values allow it.
  const valueScale = decimalScale(planned.map((i) => i.value));
  let integralValues = false;
  let toObjective = (v: number) => v;
  if (valueScale !== null) {
    const units = planned.map((i) => Math.round(i.value * valueScale));
    const g = units.reduce((a, u) => gcd(a, u), 0) || 1;
    if (Math.max(0, ...units) / g <= MAX_EXACT) {
      integralValues = true;
      toObjective = (v) => Math.round(v * valueScale) / g;
    }
  }
  if (!integralValues) {
    const maxValue = Math.max(0, ...planned.map((i) => i.value));
    toObjective = (v) => (maxValue > 0 ? v / maxValue : 0);
  }
  const valueCoef = columns.map((c) => (c.last ? toObjective(items[c.item]!.value) : 0));

  const rows: string[] = [];
  const row = (name: string, terms: Array<[number, number]>, sense: string, rhs: number) =>
    rows.push(` ${name}: ${expression(terms, names)} ${sense} ${num(rhs)}`);

  for (const item of planned) {
    const d = item.domain;
    for (let k = 1; k < d.length; k++) {
      row(
        `mono_${item.index}_${d[k]}`,
        [
          [col(item.index, d[k - 1]!), 1],
          [col(item.index, d[k]!), -1],
        ],
        '<=',
        0,
      );
    }
    if (item.pinned !== null) row(`pin_${item.index}`, [[col(item.index, d[0]!), 1]], '=', 1);
  }

  const windows: Array<[number, number]> = prepared.years.map((t) => [t, t]);
  for (const b of prepared.years) if (b > startYear) windows.push([startYear, b]);
  for (const a of prepared.years) if (a > startYear && a < endYear) windows.push([a, endYear]);
  for (const [a, b] of windows) budgetRow(prepared, a, b, col, row);

  for (const item of planned) {
    for (const j of item.deps) {
      const dep = items[j]!;
      for (const y of item.domain) {
        let latest: number | undefined;
        for (const y2 of dep.domain) if (y2 + dep.duration <= y) latest = y2;
        // The domains guarantee a predecessor start that finishes in time.
        row(
          `pre_${item.index}_${j}_${y}`,
          [
            [col(item.index, y), 1],
            [col(j, latest!), -1],
          ],
          '<=',
          0,
        );
      }
    }
  }
  return { names, columns, valueCoef, integralValues, rows };
}

/** The budget row of the window [a, b]: cost falling in those years ≤ their envelopes. */
function budgetRow(
  prepared: Prepared,
  a: number,
  b: number,
  col: (item: number, y: number) => number,
  row: (name: string, terms: Array<[number, number]>, sense: string, rhs: number) => void,
): void {
  let envelope = 0;
  for (let t = a; t <= b; t++) envelope += prepared.envelope.get(t) ?? 0;
  // Per item: cost in the window as a combination of its S columns (in shares).
  const entries: Array<{ item: number; terms: Array<[number, number]> }> = [];
  for (const item of prepared.items) {
    if (item.share <= 0 || item.domain.length === 0) continue;
    const overlap = item.domain.map((y) =>
      Math.max(0, Math.min(b, y + item.duration - 1) - Math.max(a, y) + 1),
    );
    const terms: Array<[number, number]> = [];
    for (const [k, y] of item.domain.entries()) {
      const years = overlap[k]! - (overlap[k + 1] ?? 0);
      if (years !== 0) terms.push([col(item.index, y), years]);
    }
    if (terms.length > 0) entries.push({ item: item.index, terms });
  }
  if (entries.length === 0) return;
  // Only years with no envelope left anything running: their starts were never created.
  if (envelope <= 0) return;
  const name = a === b ? `bud_${a}` : `bud_${a}_${b}`;

  const involved = entries.map((e) => prepared.items[e.item]!);
  const multiple = involved.reduce((l, i) => (l * i.duration) / gcd(l, i.duration), 1);
  const scale = decimalScale(involved.map((i) => i.cost));
  if (scale !== null) {
    const unit = scale * multiple;
    const terms: Array<[number, number]> = [];
    for (const e of entries) {
      const i = prepared.items[e.item]!;
      const share = Math.round(i.cost * scale) * (multiple / i.duration);
      for (const [c, years] of e.terms) terms.push([c, share * years]);
    }
    const g = terms.reduce((acc, [, v]) => gcd(acc, Math.abs(v)), 0) || 1;
    const largest = Math.max(...terms.map(([, v]) => Math.abs(v))) / g;
    if (largest <= MAX_EXACT && Number.isSafeInteger(largest * g)) {
      const capacity = Math.floor((envelope * (1 + BUDGET_TOLERANCE) * unit) / g + 1e-6);
      row(
        name,
        terms.map(([c, v]) => [c, v / g]),
        '<=',
        capacity,
      );
      return;
    }
  }
  const terms: Array<[number, number]> = [];
  for (const e of entries) {
    const share = prepared.items[e.item]!.share / envelope;
    for (const [c, years] of e.terms) terms.push([c, share * years]);
  }
  row(name, terms, '<=', 1 + BUDGET_TOLERANCE);
}

/** The LP text: maximise `objective` (one coefficient per column) subject to the model's rows. */
export function renderLp(model: MipModel, objective: number[], extraRows: string[] = []): string {
  // Every column appears in the objective (even with coefficient 0), in model order.
  const terms = objective.map((coef, c): [number, number] => [c, coef]);
  return [
    'Maximize',
    ` obj: ${expression(terms, model.names)}`,
    'Subject To',
    ...model.rows,
    ...extraRows,
    'Binaries',
    ...chunk(model.names, 10).map((line) => ` ${line.join(' ')}`),
    'End',
    '',
  ].join('\n');
}

function chunk<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let k = 0; k < list.length; k += size) out.push(list.slice(k, k + size));
  return out;
}

/** Column values for a schedule. */
export function columnsOf(model: MipModel, starts: Starts): Float64Array {
  return Float64Array.from(model.columns, (c) => {
    const s = starts[c.item];
    return s !== null && s !== undefined && s <= c.year ? 1 : 0;
  });
}

/** The schedule in a 0/1 column vector: each item starts at its first column set to 1. */
export function startsOf(model: MipModel, itemCount: number, values: Float64Array): Starts {
  const starts: Starts = Array.from({ length: itemCount }, () => null);
  for (const [c, column] of model.columns.entries()) {
    if (values[c]! > 0.5 && starts[column.item] === null) starts[column.item] = column.year;
  }
  return starts;
}

/** Σ of the objective coefficients of a schedule. */
export function objectiveOf(model: MipModel, starts: Starts): number {
  let total = 0;
  for (const [c, column] of model.columns.entries()) {
    if (column.last && starts[column.item] !== null) total += model.valueCoef[c]!;
  }
  return total;
}
