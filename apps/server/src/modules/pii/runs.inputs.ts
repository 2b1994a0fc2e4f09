/**
 * What a PII run reads: the accepted statistics of the data year for every node's source
 * indicator, on the units the edition ranks. Figures reported on other boundaries (2024 data of
 * the 63 former provinces for an edition on today's 34) are restated with the analytics rules
 * (decision 0015): sums add up with their lineage weights, ratios are computed again from their
 * restated components, anything else is restated only where a unit maps one to one.
 */
import { sql } from 'drizzle-orm';
import { makePeriod, type PiiNode, type PiiUnitBasis } from '@caunoi/shared';
import type { UnitRecord, UnitRegistry } from '@caunoi/units';
import type { Queryable } from '../../db/database.js';
import { AppError } from '../../http/errors.js';
import {
  cubeSeriesSet,
  restate,
  ValueCube,
  type Contributor,
  type RowUnit,
} from '../statistics/analytics.restate.js';
import type { Catalogue } from '../statistics/catalogue.js';

/** The last day of the 63 former provinces and the first of today's 34. */
export const LAST_DAY_OF_63 = '2025-06-30';
export const FIRST_DAY_OF_34 = '2025-07-01';

/**
 * The day whose units an edition ranks: 1 January of the edition's year, moved to the last day
 * of the 63 former provinces or the first day of today's 34 when that day lies on the other side
 * of the reform (PII 2025 ranks today's 34 provinces).
 */
export function basisDate(year: number, basis: PiiUnitBasis, earliest: string): string {
  const jan = `${String(year).padStart(4, '0')}-01-01`;
  const date =
    basis === 'provinces-63'
      ? jan < LAST_DAY_OF_63
        ? jan
        : LAST_DAY_OF_63
      : jan > FIRST_DAY_OF_34
        ? jan
        : FIRST_DAY_OF_34;
  return date < earliest ? earliest : date;
}

/** A row of the framework as a run stores it. */
export type RunNode = Pick<
  PiiNode,
  | 'code'
  | 'type'
  | 'level'
  | 'nameVi'
  | 'nameEn'
  | 'parent'
  | 'weight'
  | 'direction'
  | 'denominator'
  | 'sourceIndicator'
  | 'unitVi'
>;

/** A unit of the run's table: `code` is the engine's uCode. */
export interface RunUnit {
  id: string;
  code: string;
  nameVi: string;
  regionVi: string;
}

/** The values read for a run: one column per indicator and denominator (numbers), groups as text. */
export interface RunTable {
  units: RunUnit[];
  columns: Record<string, Array<number | string | null>>;
}

export interface RunSources {
  /** The annual period read. */
  periodCode: string;
  /** The day whose units are ranked. */
  basisDate: string;
  /** Values were reported on other boundaries and restated on the ranked units. */
  restated: boolean;
  /** Accepted values read (before restating). */
  valuesRead: number;
  /** Of which generated for demonstration. */
  syntheticValues: number;
  /**
   * Scores and shares of a province formed from several former ones, restated as the mean of
   * theirs weighted by their population (`POPULATION_INDICATOR`).
   */
  weightedMeans: number;
}

/**
 * The catalogue indicator whose figures weigh the former provinces' scores and shares when they
 * are restated on the province they formed: a score describes the people and firms of a place,
 * and population is the size every province reports.
 */
export const POPULATION_INDICATOR = 'PROV_POPULATION';

/** An accepted value: its report (same unit and period) is accepted on a form that holds it. */
type AcceptedValue = {
  indicator_code: string;
  option_code: string;
  unit_id: string;
  num: number;
  synthetic: boolean;
};

/** Accepted numbers of the indicators for a period, whatever form they were reported through. */
export async function readAcceptedValues(
  q: Queryable,
  indicatorCodes: readonly string[],
  periodCode: string,
): Promise<AcceptedValue[]> {
  if (indicatorCodes.length === 0) return [];
  const codes = sql`${sql.param([...indicatorCodes])}::text[]`;
  // Two plain reads joined here: the (unit, indicator) pairs of accepted reports, and the values
  // of the period. (Joined in SQL, the planner searches the reports once per value.)
  const accepted = await q.execute<{ unit_id: string; indicator_code: string }>(sql`
    SELECT DISTINCT r.unit_id, fi.indicator_code
    FROM stat_reports r
    JOIN stat_form_indicators fi ON fi.form_id = r.form_id
    WHERE r.period_code = ${periodCode} AND r.status = 'accepted'
      AND fi.indicator_code = ANY(${codes})`);
  const pairs = new Set(accepted.rows.map((r) => `${r.unit_id}\u0000${r.indicator_code}`));
  if (pairs.size === 0) return [];
  const result = await q.execute<AcceptedValue>(sql`
    SELECT indicator_code, option_code, unit_id, num, synthetic
    FROM stat_values
    WHERE period_code = ${periodCode} AND num IS NOT NULL AND indicator_code = ANY(${codes})
    ORDER BY indicator_code, option_code, unit_id`);
  return result.rows
    .filter((r) => pairs.has(`${r.unit_id}\u0000${r.indicator_code}`))
    .map((r) => ({ ...r, num: Number(r.num) }));
}

/** Unit order of official lists: by code. */
const byCode = (a: UnitRecord, b: UnitRecord) =>
  a.code.localeCompare(b.code) || a.validFrom.localeCompare(b.validFrom);

/** The units an edition ranks, with the names they bore on its basis day. */
export function basisUnits(registry: UnitRegistry, date: string): RunUnit[] {
  return registry.units
    .filter((u) => registry.isValidOn(u, date))
    .sort(byCode)
    .map((u) => ({
      id: u.id,
      code: u.code,
      nameVi: registry.nameOn(u, date).nameVi,
      regionVi: u.regionVi,
    }));
}

export interface ReadTableInput {
  registry: UnitRegistry;
  catalogue: Catalogue;
  nodes: readonly RunNode[];
  editionYear: number;
  unitBasis: PiiUnitBasis;
  dataYear: number;
}

/**
 * Reads the accepted values of the data year into the run's table: the ranked units in code
 * order, a column per indicator and denominator node (the restated value of its source
 * indicator), and a column per group node (the unit's region unless the node names a source).
 * Refuses when nothing is accepted, when an indicator has no value in any unit, or when a unit
 * has no value at all.
 */
export async function readRunTable(
  q: Queryable,
  input: ReadTableInput,
): Promise<{ table: RunTable; sources: RunSources }> {
  const { registry, catalogue, nodes } = input;
  const period = makePeriod('year', 'statistical', input.dataYear);
  if (!period) {
    throw new AppError('VALIDATION_ERROR', `Năm số liệu ${input.dataYear} không hợp lệ.`, [
      { path: 'body.dataYear', reason: 'INVALID_YEAR', message: 'Năm số liệu không hợp lệ.' },
    ]);
  }
  const date = basisDate(input.editionYear, input.unitBasis, registry.earliestDate);
  const units = basisUnits(registry, date);
  const reporters = registry.units.filter((u) => registry.isValidOn(u, period.end)).sort(byCode);
  const basisIds = new Set(units.map((u) => u.id));
  const restated = reporters.length !== units.length || reporters.some((u) => !basisIds.has(u.id));
  if (restated && date < period.end) {
    throw new AppError(
      'PII_BASIS_MISMATCH',
      `Số liệu năm ${input.dataYear} được báo cáo theo ${reporters.length} tỉnh, thành phố sau sắp xếp; không chia lại được về ${units.length} tỉnh, thành phố mà kỳ chỉ số này xếp hạng. Chọn năm số liệu khác.`,
      { dataYear: input.dataYear, unitBasis: input.unitBasis, basisDate: date },
    );
  }

  // The series read: each node's source (an indicator's total, or `CODE.OPTION` for one of its
  // options), with the components of ratios.
  const {
    series,
    index: seriesIndex,
    seriesOf,
  } = cubeSeriesSet((code) => catalogue.indicator(code));
  const scored = nodes.filter((n) => n.type === 'Indicator' || n.type === 'Denominator');
  const unknownSources: RunNode[] = [];
  const requested = new Map<string, number>();
  for (const n of scored) {
    const [code, option] = (n.sourceIndicator ?? '').split('.', 2) as [string, string?];
    const indicator = catalogue.indicator(code);
    const known =
      indicator !== undefined &&
      indicator.valueType !== 'text' &&
      (option === undefined || catalogue.optionsOf(indicator).some((o) => o.code === option));
    if (!known) unknownSources.push(n);
    else requested.set(n.code, seriesOf(indicator, option ?? null));
  }

  // Restated scores and shares are weighted by population, read with the rest.
  const population = restated ? catalogue.indicator(POPULATION_INDICATOR) : undefined;
  const populationSeries = population ? seriesOf(population, null) : undefined;

  const cubeUnitIds = reporters.map((u) => u.id);
  const cubeIndex = new Map(cubeUnitIds.map((id, i) => [id, i]));
  const codes = [...new Set(series.map((s) => s.indicator.code))];
  const values = await readAcceptedValues(q, codes, period.code);
  const cube = new ValueCube(series.length, cubeUnitIds.length, 1);
  // Where a stored (indicator, option) goes: its option's series, and the total it adds into.
  const routes = new Map(
    codes.map((code) => {
      const indicator = catalogue.indicator(code)!;
      const options = catalogue.optionsOf(indicator).map((o) => o.code);
      return [
        code,
        {
          total: seriesIndex.get(code),
          adds: new Set(options.length === 0 ? [''] : options),
        },
      ];
    }),
  );
  let syntheticValues = 0;
  let valuesRead = 0;
  for (const v of values) {
    const route = routes.get(v.indicator_code);
    const u = cubeIndex.get(v.unit_id);
    if (!route || u === undefined) continue;
    const own =
      v.option_code === '' ? undefined : seriesIndex.get(`${v.indicator_code}.${v.option_code}`);
    const total = route.adds.has(v.option_code) ? route.total : undefined;
    if (own === undefined && total === undefined) continue;
    if (own !== undefined) cube.add(own, u, 0, v.num, v.synthetic);
    if (total !== undefined) cube.add(total, u, 0, v.num, v.synthetic);
    valuesRead++;
    if (v.synthetic) syntheticValues++;
  }
  if (valuesRead === 0) {
    throw new AppError(
      'PII_NO_DATA',
      `Chưa có số liệu nào của năm ${input.dataYear} được Bộ chấp nhận cho các chỉ số của khung: không tính được chỉ số.`,
      { dataYear: input.dataYear, periodCode: period.code },
    );
  }

  // Each ranked unit is made of the units that reported (itself, or the former units it took in).
  const contributors = new Map<string, Contributor[]>(units.map((u) => [u.id, []]));
  reporters.forEach((u, i) => {
    const mapped = restated
      ? registry.map(u.id, period.end, date).units
      : [{ unitId: u.id, weight: 1 }];
    for (const m of mapped) contributors.get(m.unitId)?.push({ unit: i, weight: m.weight });
  });
  const rows: RowUnit[] = units.map((u) => ({
    unitId: u.id,
    contributors: [contributors.get(u.id)!.length > 0 ? contributors.get(u.id)! : null],
  }));
  const requestedSeries = [...new Set(requested.values())];
  const layout = restate({
    cube,
    series,
    requested: requestedSeries,
    cubeUnitIds,
    rows,
    shown: units.map((_, i) => i),
    groups: [],
    // Scores and shares of a merged province: its former provinces' weighted by population.
    meanWeights: populationSeries,
  });
  const position = new Map(requestedSeries.map((s, i) => [s, i]));
  const columnOf = (s: number): Array<number | null> =>
    units.map((_, r) => {
      const v = layout.values[position.get(s)! * units.length + r];
      return typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'boolean' ? +v : null;
    });

  const columns: Record<string, Array<number | string | null>> = {};
  for (const n of nodes) {
    if (n.type === 'Group') {
      columns[n.code] = units.map((u) => u.regionVi);
    } else if (n.type === 'Indicator' || n.type === 'Denominator') {
      const s = requested.get(n.code);
      columns[n.code] = s === undefined ? units.map(() => null) : columnOf(s);
    }
  }

  // Scores and shares (a mean across units) of a province formed from several former ones.
  let weightedMeans = 0;
  if (populationSeries !== undefined) {
    for (const n of scored) {
      const s = requested.get(n.code);
      if (s === undefined || series[s]!.indicator.unitAggregation !== 'mean') continue;
      rows.forEach((row, r) => {
        if ((row.contributors[0]?.length ?? 0) > 1 && columns[n.code]![r] !== null) weightedMeans++;
      });
    }
  }

  const empty = scored.filter((n) => columns[n.code]!.every((v) => v === null));
  if (empty.length > 0) {
    throw new AppError(
      'PII_INDICATOR_NO_DATA',
      `${empty.length} chỉ số không có số liệu được chấp nhận ở tỉnh, thành phố nào trong năm ${input.dataYear}: ${empty
        .map((n) => `${n.code} (${n.nameVi})`)
        .join('; ')}. Hãy kiểm tra chỉ tiêu nguồn của chỉ số hoặc chấp nhận các báo cáo còn chờ.`,
      {
        dataYear: input.dataYear,
        indicators: empty.map((n) => ({
          code: n.code,
          nameVi: n.nameVi,
          sourceIndicator: n.sourceIndicator,
          reason: unknownSources.includes(n) ? 'no_source' : 'no_value',
        })),
      },
    );
  }
  const indicatorCodes = nodes.filter((n) => n.type === 'Indicator').map((n) => n.code);
  const without = units.filter((_, r) => indicatorCodes.every((c) => columns[c]![r] === null));
  if (without.length > 0) {
    throw new AppError(
      'PII_UNIT_NO_DATA',
      `${without.length} tỉnh, thành phố không có số liệu nào được chấp nhận cho các chỉ số của khung trong năm ${input.dataYear}: ${without
        .map((u) => u.nameVi)
        .join(', ')}. Cần chấp nhận báo cáo của các đơn vị này trước khi tính chỉ số.`,
      {
        dataYear: input.dataYear,
        units: without.map((u) => ({ id: u.id, code: u.code, nameVi: u.nameVi })),
      },
    );
  }

  return {
    table: { units, columns },
    sources: {
      periodCode: period.code,
      basisDate: date,
      restated,
      valuesRead,
      syntheticValues,
      weightedMeans,
    },
  };
}
