import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/database.js';
import { ValueCube, type CubeSeries } from './analytics.restate.js';

/** What to read: the cube's series, units and periods, by index. */
export interface CubeRequest {
  series: readonly CubeSeries[];
  /** The options of each disaggregated indicator (what its total adds up). */
  optionsOf: (indicatorCode: string) => readonly string[];
  unitIds: readonly string[];
  /** Every unit is read (a national query): no unit filter in SQL. */
  allUnits: boolean;
  periodCodes: readonly string[];
}

const FIELD = '\u001f';
const RECORD = '\u001e';
const ONE = 49; // '1'

/** Indicators per statement: larger views are read by several statements at once. */
const INDICATORS_PER_STATEMENT = 50;
const MAX_STATEMENTS = 4;

/** Where a stored (indicator, option) goes: the series of that option and the indicator's total. */
interface Route {
  total: number;
  options: Map<string, number>;
  /** Options that add up into the total ('' alone for an indicator without options). */
  adds: Set<string>;
}

/**
 * Looks up the key written in `text[from, to)`, remembering the last key found: values come in
 * runs of the same indicator and unit, and comparing in place spares cutting out the key.
 */
class RunLookup<V> {
  private lastKey = '\u0000';
  private lastValue: V | undefined;
  constructor(private readonly map: ReadonlyMap<string, V>) {}

  get(text: string, from: number, to: number): V | undefined {
    if (this.lastKey.length === to - from && text.startsWith(this.lastKey, from)) {
      return this.lastValue;
    }
    this.lastKey = text.slice(from, to);
    this.lastValue = this.map.get(this.lastKey);
    return this.lastValue;
  }
}

const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * The number PostgreSQL wrote in `text[from, to)`. Plain decimals of up to 15 digits are read in
 * place: the digits make an integer below 2^53 and one division by an exact power of ten rounds
 * once, as `Number` does. Anything else (exponents) goes through `Number`.
 */
export function readNumber(text: string, from: number, to: number): number {
  let i = from;
  const negative = text.charCodeAt(i) === 45; // '-'
  if (negative) i++;
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (; i < to; i++) {
    const ch = text.charCodeAt(i);
    if (ch >= 48 && ch <= 57) {
      mantissa = mantissa * 10 + (ch - 48);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (ch === 46 && decimals < 0) {
      decimals = 0;
    } else {
      return Number(text.slice(from, to));
    }
  }
  if (digits === 0 || digits > 15 || decimals === 0) return Number(text.slice(from, to));
  const value = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals]! : mantissa;
  return negative ? -value : value;
}

function split<T>(list: readonly T[], parts: number): T[][] {
  const size = Math.ceil(list.length / parts);
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * Reads the values a query needs into a cube. Numbers travel as one string per statement, built
 * in SQL (fields and records separated by control characters, which no code contains) and cut up
 * here: for a hundred thousand values that is several times faster than one row object per
 * value. A large view is read by a few statements at once, each over a share of the indicators,
 * so that PostgreSQL builds the strings on several cores. Text values (text indicators, yes/no
 * written as text) come as ordinary rows.
 */
export async function readCube(q: Queryable, request: CubeRequest): Promise<ValueCube> {
  const { series, unitIds, periodCodes } = request;
  const cube = new ValueCube(series.length, unitIds.length, periodCodes.length);
  if (series.length === 0 || unitIds.length === 0 || periodCodes.length === 0) return cube;

  const routes = new Map<string, Route>();
  series.forEach((s, index) => {
    const code = s.indicator.code;
    let route = routes.get(code);
    if (!route) {
      const options = request.optionsOf(code);
      route = {
        total: -1,
        options: new Map(),
        adds: new Set(options.length === 0 ? [''] : options),
      };
      routes.set(code, route);
    }
    if (s.optionCode === null) route.total = index;
    else route.options.set(s.optionCode, index);
  });
  const unitIndex = new Map(unitIds.map((id, i) => [id, i]));
  const periodIndex = new Map(periodCodes.map((code, i) => [code, i]));
  const indicatorCodes = [...routes.keys()];
  const periodsParam = sql`${sql.param([...periodCodes])}::text[]`;
  const unitFilter = request.allUnits
    ? sql``
    : sql`AND unit_id = ANY(${sql.param([...unitIds])}::text[])`;
  const statements = Math.min(
    MAX_STATEMENTS,
    Math.ceil(indicatorCodes.length / INDICATORS_PER_STATEMENT),
  );

  // Each statement's values are put in the cube as soon as they arrive, while the others run.
  const readNumbers = (codes: string[]) =>
    q
      .execute<{ data: string | null }>(
        sql`
        SELECT string_agg(indicator_code || chr(31) || option_code || chr(31) || unit_id
                          || chr(31) || period_code || chr(31) || num::text || chr(31)
                          || synthetic::int::text, chr(30)) AS data
        FROM stat_values
        WHERE indicator_code = ANY(${sql.param(codes)}::text[])
          AND period_code = ANY(${periodsParam})
          AND num IS NOT NULL ${unitFilter}`,
      )
      .then((result) => {
        // Records: indicator, option, unit, period, number, synthetic (0/1).
        const data = result.rows[0]?.data ?? '';
        const indicators = new RunLookup(routes);
        const units = new RunLookup(unitIndex);
        const periods = new RunLookup(periodIndex);
        let start = 0;
        while (start < data.length) {
          let end = data.indexOf(RECORD, start);
          if (end < 0) end = data.length;
          const a = data.indexOf(FIELD, start);
          const b = data.indexOf(FIELD, a + 1);
          const c = data.indexOf(FIELD, b + 1);
          const d = data.indexOf(FIELD, c + 1);
          const e = data.indexOf(FIELD, d + 1);
          const route = indicators.get(data, start, a);
          const u = units.get(data, b + 1, c);
          const p = periods.get(data, c + 1, d);
          start = end + 1;
          if (!route || u === undefined || p === undefined) continue;
          const option = a + 1 === b ? '' : data.slice(a + 1, b);
          const num = readNumber(data, d + 1, e);
          const synthetic = data.charCodeAt(e + 1) === ONE;
          const own = route.options.get(option);
          if (own !== undefined) cube.add(own, u, p, num, synthetic);
          if (route.total >= 0 && route.adds.has(option)) {
            cube.add(route.total, u, p, num, synthetic);
          }
        }
      });
  const readTexts = () =>
    q
      .execute<{
        indicator_code: string;
        option_code: string;
        unit_id: string;
        period_code: string;
        txt: string;
        synthetic: boolean;
      }>(
        sql`
        SELECT indicator_code, option_code, unit_id, period_code, txt, synthetic
        FROM stat_values
        WHERE indicator_code = ANY(${sql.param(indicatorCodes)}::text[])
          AND period_code = ANY(${periodsParam})
          AND num IS NULL AND txt IS NOT NULL ${unitFilter}`,
      )
      .then((result) => {
        for (const row of result.rows) {
          // A text has no total: only the series of its own cell takes it.
          const route = routes.get(row.indicator_code);
          const u = unitIndex.get(row.unit_id);
          const p = periodIndex.get(row.period_code);
          if (!route || u === undefined || p === undefined) continue;
          const own =
            route.options.get(row.option_code) ??
            (row.option_code === '' && route.adds.has('') ? route.total : -1);
          if (own >= 0) cube.setText(own, u, p, row.txt, row.synthetic);
        }
      });
  await Promise.all([readTexts(), ...split(indicatorCodes, statements).map(readNumbers)]);
  return cube;
}
