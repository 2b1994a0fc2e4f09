/**
 * The arithmetic of analytics, free of the database and of the unit registry: stored values in a
 * cube (series × unit × period), each row unit's value from the units that make it up (itself as
 * reported, or the former units on today's boundaries, with their weights), and the aggregates of
 * regions and the nation, each by its indicator's rule across units.
 */
import type { IndicatorDefinition } from '@caunoi/shared';

export const BOUNDARIES = ['as-reported', 'current'] as const;
export type Boundaries = (typeof BOUNDARIES)[number];

export const LEVELS = ['unit', 'region', 'nation'] as const;
export type Level = (typeof LEVELS)[number];

/**
 * Why a figure is missing, partial or shown as it is:
 * - `incomplete`: some of the units it is made of reported nothing (see `missing`);
 * - `missing_component`: a ratio whose numerator or denominator is missing;
 * - `zero_denominator`: a ratio whose denominator is 0;
 * - `reported_ratio`: a ratio the unit reported directly, without its components;
 * - `reported_ratio_excluded`: an aggregate ratio that leaves out units which reported only the ratio;
 * - `not_restatable`: cannot be put on today's boundaries (a unit formed from several units, for a
 *   mean, a value that does not add up, or a ratio reported without its components);
 * - `not_aggregable`: the indicator is not added up across units (text, yes/no, `none`).
 */
export const ANALYTICS_FLAGS = [
  'incomplete',
  'missing_component',
  'zero_denominator',
  'reported_ratio',
  'reported_ratio_excluded',
  'not_restatable',
  'not_aggregable',
] as const;
export type AnalyticsFlag = (typeof ANALYTICS_FLAGS)[number];

export const ANALYTICS_FLAG_LABELS: Record<AnalyticsFlag, { vi: string; en: string }> = {
  incomplete: { vi: 'Thiếu số liệu', en: 'Incomplete' },
  missing_component: {
    vi: 'Thiếu tử số hoặc mẫu số, không tính được tỷ lệ',
    en: 'Numerator or denominator missing',
  },
  zero_denominator: { vi: 'Mẫu số bằng 0', en: 'Denominator is zero' },
  reported_ratio: {
    vi: 'Tỷ lệ do đơn vị báo cáo trực tiếp, không có tử số và mẫu số',
    en: 'Ratio reported directly, without its components',
  },
  reported_ratio_excluded: {
    vi: 'Không tính các đơn vị chỉ báo cáo tỷ lệ (không có tử số và mẫu số)',
    en: 'Units that reported only the ratio are left out',
  },
  not_restatable: {
    vi: 'Không quy đổi được theo địa giới hiện nay',
    en: 'Cannot be restated on current boundaries',
  },
  not_aggregable: {
    vi: 'Chỉ tiêu không tổng hợp theo vùng, cả nước',
    en: 'Not aggregated across units',
  },
};

/** How an indicator's values combine across units. */
export type Combination = 'sum' | 'mean' | 'ratio' | 'single';

/** One series of the cube: an indicator's total (`optionCode` null) or one of its options. */
export interface CubeSeries {
  indicator: IndicatorDefinition;
  optionCode: string | null;
  /** For a ratio: the cube series of its numerator's and denominator's totals. */
  components?: { numerator: number; denominator: number };
}

/** The series of a cube, each once, with the index of each by its key. */
export interface CubeSeriesSet {
  series: CubeSeries[];
  /** By key: the indicator's code for its total, `CODE.OPTION` for one of its options. */
  index: ReadonlyMap<string, number>;
  /**
   * The index of an indicator's total (`optionCode` null) or of one of its options, added if new;
   * a ratio's total brings the totals of its numerator and denominator as its `components`.
   */
  seriesOf: (indicator: IndicatorDefinition, optionCode: string | null) => number;
}

/** An empty set of cube series, resolving ratio components with `indicatorOf`. */
export function cubeSeriesSet(
  indicatorOf: (code: string) => IndicatorDefinition | undefined,
): CubeSeriesSet {
  const series: CubeSeries[] = [];
  const index = new Map<string, number>();
  // A ratio whose components lead back to itself (a catalogue error) is left uncomputed.
  const resolving = new Set<string>();
  const seriesOf = (indicator: IndicatorDefinition, optionCode: string | null): number => {
    const key = optionCode === null ? indicator.code : `${indicator.code}.${optionCode}`;
    const known = index.get(key);
    if (known !== undefined) return known;
    const at = series.push({ indicator, optionCode }) - 1;
    index.set(key, at);
    const ratio = indicator.unitAggregation === 'ratio' ? indicator.ratio : undefined;
    const numerator = ratio && indicatorOf(ratio.numerator);
    const denominator = ratio && indicatorOf(ratio.denominator);
    if (
      numerator &&
      denominator &&
      optionCode === null &&
      !resolving.has(numerator.code) &&
      !resolving.has(denominator.code)
    ) {
      resolving.add(key);
      series[at]!.components = {
        numerator: seriesOf(numerator, null),
        denominator: seriesOf(denominator, null),
      };
      resolving.delete(key);
    }
    return at;
  };
  return { series, index, seriesOf };
}

/**
 * `sum`, `mean` and `ratio` follow the catalogue; text and yes/no values, `none`, and a ratio
 * whose components are unknown are `single`: shown per unit only, never combined.
 */
export function combinationOf(series: CubeSeries): Combination {
  const indicator = series.indicator;
  if (indicator.valueType === 'text' || indicator.valueType === 'boolean') return 'single';
  switch (indicator.unitAggregation) {
    case 'sum':
      return 'sum';
    case 'mean':
      return 'mean';
    case 'ratio':
      return indicator.ratio && series.components ? 'ratio' : 'single';
    case 'none':
      return 'single';
  }
}

const PRESENT = 1;
const SYNTHETIC = 2;

/**
 * The stored values read for one query, by index: series × unit × period. Numbers of the options
 * of a disaggregated indicator add up into its total as they are put in.
 */
export class ValueCube {
  private readonly nums: Float64Array;
  private readonly marks: Uint8Array;
  private readonly texts = new Map<number, string>();

  constructor(
    readonly seriesCount: number,
    readonly unitCount: number,
    readonly periodCount: number,
  ) {
    const size = seriesCount * unitCount * periodCount;
    this.nums = new Float64Array(size);
    this.marks = new Uint8Array(size);
  }

  private at(s: number, u: number, p: number): number {
    return (s * this.unitCount + u) * this.periodCount + p;
  }

  /** Adds a number (options summing into a total); a synthetic one marks the sum synthetic. */
  add(s: number, u: number, p: number, num: number, synthetic: boolean): void {
    const k = this.at(s, u, p);
    this.nums[k] = (this.marks[k]! & PRESENT ? this.nums[k]! : 0) + num;
    this.marks[k] = this.marks[k]! | PRESENT | (synthetic ? SYNTHETIC : 0);
  }

  /** Sets a text value. */
  setText(s: number, u: number, p: number, txt: string, synthetic: boolean): void {
    const k = this.at(s, u, p);
    this.texts.set(k, txt);
    this.marks[k] = this.marks[k]! | PRESENT | (synthetic ? SYNTHETIC : 0);
  }

  has(s: number, u: number, p: number): boolean {
    return (this.marks[this.at(s, u, p)]! & PRESENT) !== 0;
  }

  synthetic(s: number, u: number, p: number): boolean {
    return (this.marks[this.at(s, u, p)]! & SYNTHETIC) !== 0;
  }

  /** The number stored (undefined when none is; a text-only value has none). */
  num(s: number, u: number, p: number): number | undefined {
    const k = this.at(s, u, p);
    if ((this.marks[k]! & PRESENT) === 0 || this.texts.has(k)) return undefined;
    return this.nums[k];
  }

  text(s: number, u: number, p: number): string | undefined {
    return this.texts.get(this.at(s, u, p));
  }
}

/** A unit whose values make up a row's value, with the share of it that lies in the row's unit. */
export interface Contributor {
  /** Index in the cube's units. */
  unit: number;
  weight: number;
}

/** A unit row: the unit and, per period, the units its value is made of (null: no row that period). */
export interface RowUnit {
  unitId: string;
  contributors: ReadonlyArray<readonly Contributor[] | null>;
}

export interface RestateInput {
  cube: ValueCube;
  series: readonly CubeSeries[];
  /** Cube series to report, in order: the first dimension of the answer. */
  requested: readonly number[];
  /** The cube's unit ids (for `missing`). */
  cubeUnitIds: readonly string[];
  /** Every unit row the aggregates are made of. */
  rows: readonly RowUnit[];
  /** Rows shown as unit rows (indices in `rows`), before the aggregates. */
  shown: readonly number[];
  /** Aggregates (regions, then the nation) shown after the unit rows: their member rows. */
  groups: ReadonlyArray<{ members: readonly number[] }>;
  /**
   * A cube series whose figures weigh the units that make up a row (e.g. their population) in a
   * `mean` across units; without it, such a mean over several units is not restatable.
   */
  meanWeights?: number;
}

export type CellValue = number | string | boolean | null;

/** Marks of the cells, one character each. */
export const MARK = {
  /** The row has no figure in that period (as reported, the unit did not exist on its last day). */
  none: '-',
  /** A figure, or a blank, from reported values. */
  reported: '0',
  /** A figure built from at least one synthetic (demonstration) value. */
  synthetic: '1',
} as const;

/** What a cell says besides its value. Fields are left out when empty. */
export interface CellNote {
  /** Position of the cell in `values`. */
  at: number;
  flags?: AnalyticsFlag[];
  /** Units with a value out of the units expected: aggregates, and a restated unit with gaps. */
  coverage?: { reported: number; expected: number };
  /** Units expected that have no value. */
  missing?: string[];
}

/**
 * The cells of a view laid out as one array in the order indicator × row × period, as JSON-stat
 * does: the cell of indicator `i`, row `r`, period `p` is at `(i × rows + r) × periods + p`.
 * Large views stay small and fast to write and read; what a cell says besides its value is kept
 * apart, for the few cells that say something.
 */
export interface CellLayout {
  size: [indicators: number, rows: number, periods: number];
  values: CellValue[];
  /** One character per cell (see `MARK`). */
  marks: string;
  cellNotes: CellNote[];
}

interface Figure {
  value: CellValue;
  synthetic: boolean;
  flags?: AnalyticsFlag[];
  coverage?: { reported: number; expected: number };
  missing?: string[];
}

const NOTHING: Figure = { value: null, synthetic: false };

/** Rounds away binary noise (0.1 + 0.2) and keeps 15 significant digits. */
export function tidy(x: number): number {
  return Number.isInteger(x) ? x + 0 : Number(x.toPrecision(15));
}

const oneToOne = (c: readonly Contributor[]) => c.length === 1 && c[0]!.weight === 1;

/**
 * Computes the cells: per requested series, the shown unit rows then the aggregates, each period
 * in turn. A unit row has no figure in a period it does not cover (as reported, a unit that did
 * not exist on the period's last day).
 */
export function restate(input: RestateInput): CellLayout {
  const { cube, series, rows, cubeUnitIds } = input;
  const periods = cube.periodCount;
  const memo = new Map<number, Array<Array<Figure | null>>>();

  /** The series' figure for every row and period (null where the row does not apply). */
  const unitFigures = (s: number, depth = 0): Array<Array<Figure | null>> => {
    const known = memo.get(s);
    if (known) return known;
    if (depth > 8) throw new Error('ratio components nest too deeply');
    const def = series[s]!;
    const how = combinationOf(def);
    const numerators = how === 'ratio' ? unitFigures(def.components!.numerator, depth + 1) : null;
    const denominators =
      how === 'ratio' ? unitFigures(def.components!.denominator, depth + 1) : null;
    const out = rows.map((row, r) => {
      const figures: Array<Figure | null> = [];
      for (let p = 0; p < periods; p++) {
        const contributors = row.contributors[p];
        if (!contributors || contributors.length === 0) {
          figures.push(null);
          continue;
        }
        switch (how) {
          case 'sum':
            figures.push(summed(s, p, contributors));
            break;
          case 'mean':
          case 'single':
            figures.push(
              oneToOne(contributors)
                ? single(s, contributors[0]!.unit, p)
                : how === 'mean' && input.meanWeights !== undefined
                  ? weighted(s, p, contributors, input.meanWeights)
                  : { ...NOTHING, flags: ['not_restatable'] },
            );
            break;
          case 'ratio':
            figures.push(ratioOf(s, p, contributors, numerators![r]![p]!, denominators![r]![p]!));
            break;
        }
      }
      return figures;
    });
    memo.set(s, out);
    return out;
  };

  const single = (s: number, u: number, p: number): Figure => {
    if (!cube.has(s, u, p)) return NOTHING;
    const synthetic = cube.synthetic(s, u, p);
    const text = cube.text(s, u, p);
    if (text !== undefined) return { value: text, synthetic };
    const num = cube.num(s, u, p)!;
    return {
      value: series[s]!.indicator.valueType === 'boolean' ? num !== 0 : num,
      synthetic,
    };
  };

  const summed = (s: number, p: number, contributors: readonly Contributor[]): Figure => {
    if (oneToOne(contributors)) {
      const u = contributors[0]!.unit;
      const num = cube.num(s, u, p);
      return num === undefined ? NOTHING : { value: num, synthetic: cube.synthetic(s, u, p) };
    }
    let total = 0;
    let reported = 0;
    let synthetic = false;
    const missing: string[] = [];
    for (const c of contributors) {
      const num = cube.num(s, c.unit, p);
      if (num === undefined) {
        missing.push(cubeUnitIds[c.unit]!);
        continue;
      }
      total += c.weight * num;
      reported++;
      synthetic ||= cube.synthetic(s, c.unit, p);
    }
    if (reported === contributors.length) return { value: tidy(total), synthetic };
    const coverage = { reported, expected: contributors.length };
    if (reported === 0) return { value: null, synthetic: false, coverage };
    // Some of the units that make up today's unit reported nothing: the figure is not invented.
    return { value: null, synthetic: false, coverage, flags: ['incomplete'], missing };
  };

  /** The mean of the units' figures weighted by lineage share × the weight series. */
  const weighted = (
    s: number,
    p: number,
    contributors: readonly Contributor[],
    by: number,
  ): Figure => {
    let total = 0;
    let weights = 0;
    let synthetic = false;
    const missing: string[] = [];
    for (const c of contributors) {
      const num = cube.num(s, c.unit, p);
      const weight = cube.num(by, c.unit, p);
      if (num === undefined || weight === undefined || !(weight > 0)) {
        missing.push(cubeUnitIds[c.unit]!);
        continue;
      }
      total += c.weight * weight * num;
      weights += c.weight * weight;
      synthetic ||= cube.synthetic(s, c.unit, p) || cube.synthetic(by, c.unit, p);
    }
    if (missing.length === 0) return { value: total / weights, synthetic };
    const coverage = {
      reported: contributors.length - missing.length,
      expected: contributors.length,
    };
    return { value: null, synthetic: false, coverage, flags: ['incomplete'], missing };
  };

  const ratioOf = (
    s: number,
    p: number,
    contributors: readonly Contributor[],
    n: Figure | null,
    d: Figure | null,
  ): Figure => {
    const factor = series[s]!.indicator.ratio!.factor;
    if (typeof n?.value === 'number' && typeof d?.value === 'number') {
      const synthetic = n.synthetic || d.synthetic;
      if (d.value === 0) return { value: null, synthetic: false, flags: ['zero_denominator'] };
      return { value: tidy((n.value / d.value) * factor), synthetic };
    }
    const direct = contributors.filter((c) => cube.num(s, c.unit, p) !== undefined);
    if (direct.length > 0 && oneToOne(contributors)) {
      const u = contributors[0]!.unit;
      return {
        value: cube.num(s, u, p)!,
        synthetic: cube.synthetic(s, u, p),
        flags: ['reported_ratio'],
      };
    }
    const flags: AnalyticsFlag[] = ['missing_component'];
    if (direct.length > 0) flags.push('not_restatable');
    const missing = [...new Set([...(n?.missing ?? []), ...(d?.missing ?? [])])];
    return missing.length > 0
      ? { value: null, synthetic: false, flags, missing }
      : { value: null, synthetic: false, flags };
  };

  const aggregate = (s: number, members: readonly number[], p: number): Figure => {
    const def = series[s]!;
    const how = combinationOf(def);
    if (how === 'single') return { ...NOTHING, flags: ['not_aggregable'] };
    const figures = unitFigures(s);
    const applicable = members.filter((m) => figures[m]![p] !== null);
    const missing: string[] = [];
    let reported = 0;
    let synthetic = false;
    const flags: AnalyticsFlag[] = [];
    let value: number | null = null;
    if (how === 'ratio') {
      const numerators = unitFigures(def.components!.numerator);
      const denominators = unitFigures(def.components!.denominator);
      let n = 0;
      let d = 0;
      let excluded = false;
      for (const m of applicable) {
        const nf = numerators[m]![p];
        const df = denominators[m]![p];
        if (typeof nf?.value === 'number' && typeof df?.value === 'number') {
          n += nf.value;
          d += df.value;
          reported++;
          synthetic ||= nf.synthetic || df.synthetic;
        } else {
          missing.push(rows[m]!.unitId);
          if (figures[m]![p]!.flags?.includes('reported_ratio')) excluded = true;
        }
      }
      if (excluded) flags.push('reported_ratio_excluded');
      if (reported > 0) {
        if (d === 0) {
          flags.push('zero_denominator');
          synthetic = false;
        } else value = tidy((n / d) * def.indicator.ratio!.factor);
      }
    } else {
      let total = 0;
      for (const m of applicable) {
        const f = figures[m]![p]!;
        if (typeof f.value === 'number') {
          total += f.value;
          reported++;
          synthetic ||= f.synthetic;
        } else missing.push(rows[m]!.unitId);
      }
      if (reported > 0) value = tidy(how === 'mean' ? total / reported : total);
    }
    if (reported === 0) synthetic = false;
    if (reported > 0 && reported < applicable.length) flags.unshift('incomplete');
    const figure: Figure = {
      value,
      synthetic,
      coverage: { reported, expected: applicable.length },
    };
    if (flags.length > 0) figure.flags = flags;
    if (reported > 0 && missing.length > 0) figure.missing = missing;
    return figure;
  };

  const rowCount = input.shown.length + input.groups.length;
  const size: CellLayout['size'] = [input.requested.length, rowCount, periods];
  const total = size[0] * rowCount * periods;
  const values: CellValue[] = new Array<CellValue>(total).fill(null);
  const marks = new Uint8Array(total).fill(MARK.none.charCodeAt(0));
  const cellNotes: CellNote[] = [];
  const REPORTED = MARK.reported.charCodeAt(0);
  const SYNTHETIC_MARK = MARK.synthetic.charCodeAt(0);
  const put = (at: number, f: Figure) => {
    values[at] = f.value;
    marks[at] = f.synthetic ? SYNTHETIC_MARK : REPORTED;
    if (f.flags || f.coverage || f.missing) {
      const note: CellNote = { at };
      if (f.flags) note.flags = f.flags;
      if (f.coverage) note.coverage = f.coverage;
      if (f.missing) note.missing = f.missing;
      cellNotes.push(note);
    }
  };
  input.requested.forEach((s, i) => {
    const figures = unitFigures(s);
    input.shown.forEach((row, r) => {
      const base = (i * rowCount + r) * periods;
      for (let p = 0; p < periods; p++) {
        const f = figures[row]![p];
        if (f) put(base + p, f);
      }
    });
    input.groups.forEach((group, g) => {
      const base = (i * rowCount + input.shown.length + g) * periods;
      for (let p = 0; p < periods; p++) put(base + p, aggregate(s, group.members, p));
    });
  });
  return { size, values, marks: new TextDecoder('latin1').decode(marks), cellNotes };
}
