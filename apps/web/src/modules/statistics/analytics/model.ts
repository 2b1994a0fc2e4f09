import {
  makePeriod,
  parsePeriod,
  periodsBetween,
  PERIODS_PER_YEAR,
  type PeriodType,
} from '@caunoi/shared';
import type { AnalyticsFlag, AnalyticsView, Boundaries, CellNote, CellValue, Level } from './types';

/**
 * The analytics page without React: the query as it is kept in the address bar, the cells of an
 * answer read from its JSON-stat layout, the pivot table as shown, and its CSV.
 */

/* ───────────── The query ───────────── */

export const LEVEL_ORDER: readonly Level[] = ['unit', 'region', 'nation'];
export const DIMENSIONS = ['indicator', 'row', 'period'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export const VIEWS = ['table', 'chart', 'map'] as const;
export type ViewKind = (typeof VIEWS)[number];
export const CHARTS = ['bar', 'line', 'multiples'] as const;
export type ChartKind = (typeof CHARTS)[number];

/** The keys the page keeps in the address bar. */
export const URL_KEYS = [
  'ind',
  'pt',
  'from',
  'to',
  'units',
  'region',
  'b',
  'lv',
  'view',
  'cols',
  'chart',
  'p',
  'by',
] as const;
export type UrlState = Record<(typeof URL_KEYS)[number], string | undefined>;

export interface AnalyticsQueryState {
  /** `CODE` (the indicator's total) or `CODE.OPTION`. */
  indicators: string[];
  periodType: PeriodType;
  from: string;
  to: string;
  /** Chosen units (ids); empty with no region: all units in the caller's scope. */
  units: string[];
  /** A region (its Vietnamese name) whose units are chosen. */
  region: string | null;
  boundaries: Boundaries;
  levels: Level[];
}

const PERIOD_TYPES_ORDER: readonly PeriodType[] = ['year', 'half', 'quarter', 'month'];
const list = (s: string | undefined) => (s ? s.split(',').filter(Boolean) : []);

/** The first and last period of a type in the default range: the last seven years. */
export function defaultRange(type: PeriodType, thisYear: number): { from: string; to: string } {
  const last = thisYear;
  const first = thisYear - 6;
  return {
    from: makePeriod(type, 'statistical', first, 1)!.code,
    to: makePeriod(type, 'statistical', last, PERIODS_PER_YEAR[type])!.code,
  };
}

/** The query read from the address bar, with defaults for what it lacks or gets wrong. */
export function queryOf(url: UrlState, thisYear: number): AnalyticsQueryState {
  const periodType = PERIOD_TYPES_ORDER.includes(url.pt as PeriodType)
    ? (url.pt as PeriodType)
    : 'year';
  const range = defaultRange(periodType, thisYear);
  const from = parsePeriod(url.from ?? '');
  const to = parsePeriod(url.to ?? '');
  const levels = list(url.lv).filter((l): l is Level => LEVEL_ORDER.includes(l as Level));
  return {
    indicators: list(url.ind),
    periodType,
    from: from?.type === periodType ? from.code : range.from,
    to: to?.type === periodType ? to.code : range.to,
    units: list(url.units),
    region: url.region || null,
    boundaries: url.b === 'current' ? 'current' : 'as-reported',
    levels: levels.length > 0 ? LEVEL_ORDER.filter((l) => levels.includes(l)) : [...LEVEL_ORDER],
  };
}

/** The number of periods a range names (0 when the end is before the start). */
export function rangeLength(q: Pick<AnalyticsQueryState, 'from' | 'to'>): number {
  const from = parsePeriod(q.from);
  const to = parsePeriod(q.to);
  if (!from || !to || to.start < from.start) return 0;
  return periodsBetween(from.type, from.form, from.start, to.start).length;
}

/**
 * The parameters of `GET /analytics` (and its export) for a query; `unitIds` are the chosen
 * units or those of the chosen region. Null while nothing is chosen.
 */
export function apiParams(
  q: AnalyticsQueryState,
  unitIds: string[],
  overrides: Partial<Pick<AnalyticsQueryState, 'boundaries' | 'levels'>> = {},
): Record<string, string> | null {
  if (q.indicators.length === 0 || rangeLength(q) === 0) return null;
  const levels = overrides.levels ?? q.levels;
  const params: Record<string, string> = {
    indicators: q.indicators.join(','),
    periods: q.from === q.to ? q.from : `${q.from}..${q.to}`,
    boundaries: overrides.boundaries ?? q.boundaries,
    levels: levels.join(','),
  };
  if (unitIds.length > 0) params.units = unitIds.join(',');
  return params;
}

/* ───────────── Cells ───────────── */

export const MARK_NONE = '-';
export const MARK_SYNTHETIC = '1';

export interface Cell {
  at: number;
  value: CellValue;
  /** The row has no figure in that period (the unit did not exist then). */
  none: boolean;
  synthetic: boolean;
  note: CellNote | undefined;
}

/** Reads the cells of an answer by indicator, row and period. */
export class Cube {
  private readonly notes: Map<number, CellNote>;
  readonly unitNames: Map<string, { nameVi: string; nameEn: string }>;

  constructor(readonly view: AnalyticsView) {
    this.notes = new Map(view.cellNotes.map((n) => [n.at, n]));
    this.unitNames = new Map(view.units.map((u) => [u.id, u]));
  }

  at(i: number, r: number, p: number): number {
    const [, rows, periods] = this.view.size;
    return (i * rows + r) * periods + p;
  }

  cell(i: number, r: number, p: number): Cell {
    const at = this.at(i, r, p);
    const mark = this.view.marks[at];
    return {
      at,
      value: this.view.values[at] ?? null,
      none: mark === MARK_NONE,
      synthetic: mark === MARK_SYNTHETIC,
      note: this.notes.get(at),
    };
  }

  /** A number, or null where the cell holds none (text, yes/no, empty). */
  number(i: number, r: number, p: number): number | null {
    const v = this.view.values[this.at(i, r, p)];
    return typeof v === 'number' ? v : null;
  }
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: 'vi' | 'en', digits: number): Intl.NumberFormat {
  const key = `${locale}:${digits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'vi-VN', {
      maximumFractionDigits: digits,
    });
    numberFormats.set(key, f);
  }
  return f;
}

/** A figure as the table shows it: `1.234,5` in Vietnamese, at most two decimals. */
export function formatValue(
  value: CellValue,
  locale: 'vi' | 'en',
  yesNo: { yes: string; no: string },
): string {
  if (value === null) return '';
  if (typeof value === 'number') return numberFormat(locale, 2).format(value);
  if (typeof value === 'boolean') return value ? yesNo.yes : yesNo.no;
  return value;
}

/** The words of a cell's tooltip, given the translated labels. */
export interface NoteLabels {
  flag: (flag: AnalyticsFlag) => string;
  missing: (names: string) => string;
  coverage: (reported: number, expected: number) => string;
  synthetic: string;
}

/** Why a cell is marked, one line per reason; empty when it is a plain reported figure. */
export function noteLines(
  cube: Cube,
  cell: Cell,
  locale: 'vi' | 'en',
  labels: NoteLabels,
): string[] {
  const lines: string[] = [];
  const note = cell.note;
  const names = (ids: readonly string[]) =>
    ids
      .map((id) => {
        const u = cube.unitNames.get(id);
        return u ? (locale === 'en' ? u.nameEn : u.nameVi) : id;
      })
      .join(', ');
  for (const flag of note?.flags ?? []) lines.push(labels.flag(flag));
  if (note?.missing?.length) lines.push(labels.missing(names(note.missing)));
  if (note?.coverage) lines.push(labels.coverage(note.coverage.reported, note.coverage.expected));
  if (cell.synthetic) lines.push(labels.synthetic);
  return lines;
}

/** A cell that deserves the flag mark (a flag, or units missing; coverage alone is not one). */
export const isFlagged = (cell: Cell): boolean =>
  (cell.note?.flags?.length ?? 0) > 0 || (cell.note?.missing?.length ?? 0) > 0;

/* ───────────── The pivot ───────────── */

export interface Labeller {
  indicator: (i: number) => string;
  /** The indicator's unit of measure. */
  measure: (i: number) => string;
  row: (r: number) => string;
  period: (p: number) => string;
}

export interface PivotLine {
  /** Index along each of the two row dimensions (outer, inner). */
  keys: [number, number];
  /** The row span of the outer label, on the first line of its group only. */
  outerSpan: number;
  /** (indicator, row, period) of each column's cell. */
  cells: Array<[number, number, number]>;
}

export interface Pivot {
  columns: Dimension;
  /** The two row dimensions, outer first. */
  rows: [Dimension, Dimension];
  columnCount: number;
  lines: PivotLine[];
}

const sizeOf = (view: AnalyticsView, d: Dimension) => view.size[DIMENSIONS.indexOf(d)] ?? 0;

/**
 * The table with one dimension across and the other two down, in the order indicators, units,
 * periods (the outer one first).
 */
export function buildPivot(view: AnalyticsView, columns: Dimension): Pivot {
  const [outer, inner] = DIMENSIONS.filter((d) => d !== columns) as [Dimension, Dimension];
  const nOuter = sizeOf(view, outer);
  const nInner = sizeOf(view, inner);
  const nCols = sizeOf(view, columns);
  const lines: PivotLine[] = [];
  for (let a = 0; a < nOuter; a++) {
    for (let b = 0; b < nInner; b++) {
      const cells: Array<[number, number, number]> = [];
      for (let c = 0; c < nCols; c++) {
        const pos: Record<Dimension, number> = { indicator: 0, row: 0, period: 0 };
        pos[outer] = a;
        pos[inner] = b;
        pos[columns] = c;
        cells.push([pos.indicator, pos.row, pos.period]);
      }
      lines.push({ keys: [a, b], outerSpan: b === 0 ? nInner : 0, cells });
    }
  }
  return { columns, rows: [outer, inner], columnCount: nCols, lines };
}

export const labelOf = (labels: Labeller, d: Dimension, index: number): string =>
  d === 'indicator'
    ? labels.indicator(index)
    : d === 'row'
      ? labels.row(index)
      : labels.period(index);

/* ───────────── The pivot as CSV ───────────── */

const NEEDS_QUOTES = /[",\r\n;]|^\s|\s$/;
/** Text a spreadsheet would take for a formula is prefixed, so that opening the file runs nothing. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface PivotCsvText {
  title: string;
  queryLines: string[];
  dimension: (d: Dimension) => string;
  /** The legend of the synthetic mark, written when a cell carries it. */
  syntheticLegend: string;
  flaggedLegend: string;
  yesNo: { yes: string; no: string };
}

/**
 * The pivot as shown, in CSV (UTF-8 with a byte-order mark, CRLF): numbers unformatted so that a
 * spreadsheet reads them, a synthetic figure followed by ` *` and a flagged one by ` †`, with
 * their legends on top.
 */
export function pivotCsv(cube: Cube, pivot: Pivot, labels: Labeller, text: PivotCsvText): string {
  const view = cube.view;
  let synthetic = false;
  let flagged = false;
  const body: string[] = [];
  const [outer, inner] = pivot.rows;
  const head = [
    text.dimension(outer),
    text.dimension(inner),
    ...Array.from({ length: pivot.columnCount }, (_, c) => {
      const label = labelOf(labels, pivot.columns, c);
      return pivot.columns === 'indicator' ? `${label} (${labels.measure(c)})` : label;
    }),
  ];
  body.push(head.map(csvField).join(','));
  for (const line of pivot.lines) {
    const outerLabel = labelOf(labels, outer, line.keys[0]);
    const innerLabel = labelOf(labels, inner, line.keys[1]);
    const withMeasure = (d: Dimension, label: string, index: number) =>
      d === 'indicator' ? `${label} (${labels.measure(index)})` : label;
    const fields: Array<string | number | null> = [
      withMeasure(outer, outerLabel, line.keys[0]),
      withMeasure(inner, innerLabel, line.keys[1]),
    ];
    for (const [i, r, p] of line.cells) {
      const cell = cube.cell(i, r, p);
      if (cell.none) {
        fields.push('');
        continue;
      }
      const marks = `${cell.synthetic ? ' *' : ''}${isFlagged(cell) ? ' †' : ''}`;
      synthetic ||= cell.synthetic;
      flagged ||= isFlagged(cell);
      const value =
        typeof cell.value === 'boolean'
          ? cell.value
            ? text.yesNo.yes
            : text.yesNo.no
          : cell.value;
      fields.push(marks && value !== null ? `${value}${marks}` : marks ? marks.trim() : value);
    }
    body.push(fields.map(csvField).join(','));
  }
  const top = [
    text.title,
    ...text.queryLines,
    ...view.notes,
    ...(synthetic || view.synthetic ? [text.syntheticLegend] : []),
    ...(flagged ? [text.flaggedLegend] : []),
    '',
  ].map((l) => csvField(l));
  return `\uFEFF${[...top, ...body].join('\r\n')}\r\n`;
}
