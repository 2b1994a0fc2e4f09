import {
  parsePeriod,
  shiftPeriod,
  todayInVietnam,
  type IndicatorDefinition,
  type Period,
} from '@caunoi/shared';
import type { UnitRecord, UnitRegistry } from '@caunoi/units';
import type { Ctx } from '../../core/context.js';
import type { AppDeps } from '../../core/deps.js';
import { AppError } from '../../http/errors.js';
import { scopeOf } from '../../policy/policy.js';
import { withPredecessors, withSuccessors } from '../programmes/lineage.js';
import { readCube } from './analytics.repo.js';
import {
  cubeSeriesSet,
  LEVELS,
  restate,
  type Boundaries,
  type CellLayout,
  type Contributor,
  type Level,
  type RowUnit,
} from './analytics.restate.js';
import {
  MAX_ANALYTICS_CELLS,
  MAX_ANALYTICS_PERIODS,
  type AnalyticsQuery,
} from './analytics.schemas.js';
import type { Catalogue } from './catalogue.js';
import { loadCatalogue } from './catalogue.repo.js';

/** What analytics needs besides the database: the units and today's date. */
export interface AnalyticsEnv {
  registry: UnitRegistry;
  /** Today in Vietnam, from the application's clock: `current` restates on this day's units. */
  today: string;
}

export function analyticsEnv(deps: AppDeps): AnalyticsEnv {
  return { registry: deps.units.registry, today: todayInVietnam(deps.now()) };
}

/** A requested series: the indicator's total or one option. */
export interface SeriesItem {
  key: string;
  indicator: IndicatorDefinition;
  option: { code: string; nameVi: string; nameEn: string } | null;
}

export type AnalyticsRow =
  | { level: 'unit'; unit: UnitRecord }
  | { level: 'region'; regionVi: string; regionEn: string }
  | { level: 'nation' };

export interface AnalyticsResult {
  boundaries: Boundaries;
  today: string;
  levels: Level[];
  national: boolean;
  items: SeriesItem[];
  periods: Period[];
  /** Shown rows: units, then regions, then the nation (the `r` of the cells). */
  rows: AnalyticsRow[];
  layout: CellLayout;
}

function invalid(field: string, reason: string, message: string, extra?: object): AppError {
  return new AppError('VALIDATION_ERROR', message, [
    { path: `querystring.${field}`, reason, message, ...extra },
  ]);
}

const tokens = (text: string | undefined) => [
  ...new Set(
    (text ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter((t) => t !== ''),
  ),
];

export function parseLevels(text: string | undefined): Level[] | null {
  const list = tokens(text);
  if (list.length === 0) return null;
  const unknown = list.filter((l) => !(LEVELS as readonly string[]).includes(l));
  if (unknown.length > 0) {
    throw invalid(
      'levels',
      'UNKNOWN_LEVEL',
      `Cấp không hợp lệ: ${unknown.join(', ')}. Dùng unit (tỉnh, thành phố), region (vùng), nation (cả nước).`,
    );
  }
  return LEVELS.filter((l) => list.includes(l));
}

/** `CODE` (the total) and `CODE.OPTION`, checked against the catalogue. */
export function parseIndicators(catalogue: Catalogue, text: string): SeriesItem[] {
  const list = tokens(text);
  if (list.length === 0) throw invalid('indicators', 'NO_INDICATOR', 'Chọn ít nhất một chỉ tiêu.');
  const unknown: string[] = [];
  const badOptions: string[] = [];
  const items: SeriesItem[] = [];
  for (const raw of list) {
    const key = raw.toUpperCase();
    const dot = key.indexOf('.');
    const code = dot < 0 ? key : key.slice(0, dot);
    const indicator = catalogue.indicator(code);
    if (!indicator) {
      unknown.push(raw);
      continue;
    }
    if (dot < 0) {
      items.push({ key, indicator, option: null });
      continue;
    }
    const option = catalogue.optionsOf(indicator).find((o) => o.code === key.slice(dot + 1));
    if (!option) badOptions.push(raw);
    else items.push({ key, indicator, option });
  }
  if (unknown.length > 0) {
    throw invalid(
      'indicators',
      'UNKNOWN_INDICATOR',
      `Không có chỉ tiêu mã ${unknown.join(', ')} trong danh mục.`,
      { codes: unknown },
    );
  }
  if (badOptions.length > 0) {
    throw invalid(
      'indicators',
      'UNKNOWN_OPTION',
      `Chỉ tiêu không có phân tổ ${badOptions.join(', ')}.`,
      { codes: badOptions },
    );
  }
  return [...new Map(items.map((i) => [i.key, i])).values()];
}

const PERIOD_HINT =
  'dùng dạng 2024, 2024H1, 2024Q3, 2024M07 (thêm -AD cho kỳ hành chính) hoặc dãy 2019..2025';

/** Period codes and ranges `FROM..TO` of one type and form, in the order given, each once. */
export function parsePeriods(text: string, earliestDate: string): Period[] {
  const list = tokens(text);
  if (list.length === 0) throw invalid('periods', 'NO_PERIOD', 'Chọn ít nhất một kỳ.');
  const out = new Map<string, Period>();
  const tooMany = () =>
    invalid(
      'periods',
      'TOO_MANY_PERIODS',
      `Truy vấn có quá nhiều kỳ (tối đa ${MAX_ANALYTICS_PERIODS}).`,
    );
  for (const raw of list) {
    const range = raw.split('..');
    if (range.length > 2)
      throw invalid('periods', 'INVALID_PERIOD', `Kỳ "${raw}" không hợp lệ: ${PERIOD_HINT}.`);
    const from = parsePeriod(range[0]!);
    const to = range.length === 2 ? parsePeriod(range[1]!) : from;
    if (!from || !to) {
      throw invalid('periods', 'INVALID_PERIOD', `Kỳ "${raw}" không hợp lệ: ${PERIOD_HINT}.`);
    }
    if (from.type !== to.type || from.form !== to.form) {
      throw invalid(
        'periods',
        'INVALID_PERIOD_RANGE',
        `Dãy kỳ "${raw}" phải bắt đầu và kết thúc bằng kỳ cùng loại (năm, 6 tháng, quý, tháng; thống kê hoặc hành chính).`,
      );
    }
    if (to.start < from.start) {
      throw invalid(
        'periods',
        'INVALID_PERIOD_RANGE',
        `Dãy kỳ "${raw}" có kỳ kết thúc trước kỳ bắt đầu.`,
      );
    }
    for (let p: Period | null = from; p && p.start <= to.start; p = shiftPeriod(p, 1)) {
      if (p.end < earliestDate) {
        throw invalid(
          'periods',
          'PERIOD_OUT_OF_RANGE',
          `Kỳ ${p.code} kết thúc trước ngày ${earliestDate}, ngày bắt đầu của danh mục đơn vị hành chính: không xác định được đơn vị báo cáo.`,
        );
      }
      out.set(p.code, p);
      if (out.size > MAX_ANALYTICS_PERIODS) throw tooMany();
    }
  }
  return [...out.values()];
}

/** Unit order of official lists: by code, a former unit before the one that took its code. */
const byCode = (a: UnitRecord, b: UnitRecord) =>
  a.code.localeCompare(b.code) || a.validFrom.localeCompare(b.validFrom);

/**
 * Computes an analytics view. A caller with national reach sees every unit and the aggregates of
 * regions and the nation; a province caller sees its own unit and the units it was formed from,
 * without aggregates (decision 0015). A unit named outside the caller's reach answers 404.
 */
export async function analytics(
  ctx: Ctx,
  env: AnalyticsEnv,
  query: AnalyticsQuery,
): Promise<AnalyticsResult> {
  const { registry, today } = env;
  const scope = scopeOf(ctx.actor, 'statistics.read');
  const national = scope.everywhere;
  const allowed = scope.everywhere ? null : new Set(withPredecessors(registry, scope.unitIds));
  const within = (id: string) => allowed === null || allowed.has(id);

  const askedLevels = parseLevels(query.levels);
  if (!national && askedLevels?.some((l) => l !== 'unit')) {
    throw new AppError(
      'FORBIDDEN',
      'Tài khoản địa phương chỉ xem số liệu của tỉnh, thành phố mình (gồm các tỉnh trước sắp xếp đã hợp thành); số tổng hợp theo vùng và cả nước dành cho tài khoản cấp Bộ.',
    );
  }
  const levels: Level[] = askedLevels ?? (national ? [...LEVELS] : ['unit']);

  const catalogue = await loadCatalogue(ctx.database.db);
  const items = parseIndicators(catalogue, query.indicators);
  const periods = parsePeriods(query.periods, registry.earliestDate);

  // The units named: known, within reach.
  const named = tokens(query.units);
  const unknownUnits = named.filter((id) => !registry.get(id));
  if (unknownUnits.length > 0) {
    throw invalid(
      'units',
      'UNKNOWN_UNIT',
      `Không có đơn vị hành chính ${unknownUnits.join(', ')} (dùng mã@ngày-bắt-đầu, ví dụ 31@2025-07-01).`,
      { units: unknownUnits },
    );
  }
  if (named.some((id) => !within(id))) throw new AppError('NOT_FOUND');

  const current = query.boundaries === 'current';
  const validOn = (u: UnitRecord, date: string) => registry.isValidOn(u, date);
  // The units whose rows the view may have: today's (current) or those that existed on the last
  // day of a period (as reported), within reach.
  const candidates = registry.units
    .filter((u) => (current ? validOn(u, today) : periods.some((p) => validOn(u, p.end))))
    .filter((u) => within(u.id))
    .sort(byCode);
  let shownIds: Set<string> | null = null;
  if (named.length > 0) {
    const expanded = current ? withSuccessors(registry, named) : withPredecessors(registry, named);
    shownIds = new Set(expanded.filter(within));
  }
  const shownUnits = candidates.filter((u) => shownIds === null || shownIds.has(u.id));

  // Regions: those of the units shown (all when no unit is named), each over all its units.
  const regions = new Map<string, { regionVi: string; regionEn: string; firstCode: string }>();
  if (levels.includes('region')) {
    for (const u of shownUnits) {
      if (!regions.has(u.regionVi)) {
        regions.set(u.regionVi, { regionVi: u.regionVi, regionEn: u.regionEn, firstCode: u.code });
      }
    }
  }
  const regionList = [...regions.values()]
    .map((r) => ({
      ...r,
      firstCode: candidates.find((u) => u.regionVi === r.regionVi)?.code ?? r.firstCode,
    }))
    .sort((a, b) => a.firstCode.localeCompare(b.firstCode));
  const withNation = levels.includes('nation');
  const showUnits = levels.includes('unit') ? shownUnits : [];

  // Cells: each unit row in the periods it covers, each aggregate in every period.
  const unitCells = current
    ? showUnits.length * periods.length
    : periods.reduce((n, p) => n + showUnits.filter((u) => validOn(u, p.end)).length, 0);
  const aggregates = regionList.length + (withNation ? 1 : 0);
  const cellCount = items.length * (unitCells + aggregates * periods.length);
  if (cellCount > MAX_ANALYTICS_CELLS) {
    throw invalid(
      'indicators',
      'TOO_MANY_CELLS',
      `Truy vấn có ${cellCount.toLocaleString('vi-VN')} ô số liệu, vượt giới hạn ${MAX_ANALYTICS_CELLS.toLocaleString('vi-VN')}: bớt chỉ tiêu, kỳ hoặc đơn vị.`,
      { cells: cellCount, max: MAX_ANALYTICS_CELLS },
    );
  }

  // The unit rows computed: those shown and the members of the aggregates shown.
  const needed = candidates.filter(
    (u) => showUnits.includes(u) || withNation || regionList.some((r) => r.regionVi === u.regionVi),
  );
  const rowIndex = new Map(needed.map((u, i) => [u.id, i]));

  // Units whose values are read, and what each row is made of in each period.
  const cubeUnitIds: string[] = [];
  const cubeIndex = new Map<string, number>();
  const cubeUnit = (id: string) => {
    let i = cubeIndex.get(id);
    if (i === undefined) {
      i = cubeUnitIds.push(id) - 1;
      cubeIndex.set(id, i);
    }
    return i;
  };
  const contributors: Array<Array<Contributor[] | null>> = needed.map(() =>
    periods.map(() => null),
  );
  if (current) {
    // A unit maps the same way from any day between two changes of the map: one mapping each.
    const changes = [...new Set(registry.edges.map((e) => e.effectiveDate))];
    const mappings = new Map<string, ReturnType<UnitRegistry['map']>>();
    periods.forEach((p, pi) => {
      const epoch = changes.filter((date) => date <= p.end).length;
      for (const u of registry.units) {
        if (!validOn(u, p.end)) continue;
        const key = `${u.id}|${epoch}`;
        let mapping = mappings.get(key);
        if (!mapping) {
          mapping = registry.map(u.id, p.end, today);
          mappings.set(key, mapping);
        }
        for (const m of mapping.units) {
          const r = rowIndex.get(m.unitId);
          if (r === undefined) continue;
          (contributors[r]![pi] ??= []).push({ unit: cubeUnit(u.id), weight: m.weight });
        }
      }
    });
  } else {
    needed.forEach((u, r) => {
      periods.forEach((p, pi) => {
        if (validOn(u, p.end)) {
          contributors[r]![pi] = [{ unit: cubeUnit(u.id), weight: 1 }];
        }
      });
    });
  }

  // The cube's series: those asked for, then the components of ratios not asked for.
  const { series, seriesOf } = cubeSeriesSet((code) => catalogue.indicator(code));
  const requested = items.map((item) => seriesOf(item.indicator, item.option?.code ?? null));

  const cube = await readCube(ctx.database.db, {
    series,
    optionsOf: (code) => {
      const indicator = catalogue.indicator(code);
      return indicator ? catalogue.optionsOf(indicator).map((o) => o.code) : [];
    },
    unitIds: cubeUnitIds,
    // Reading most units anyway, a unit filter would cost more than it saves.
    allUnits: national && cubeUnitIds.length * 2 >= registry.units.length,
    periodCodes: periods.map((p) => p.code),
  });

  const groups = [
    ...regionList.map((region) => ({
      members: needed.flatMap((u, i) => (u.regionVi === region.regionVi ? [i] : [])),
    })),
    ...(withNation ? [{ members: needed.map((_, i) => i) }] : []),
  ];
  const rows: RowUnit[] = needed.map((u, r) => ({
    unitId: u.id,
    contributors: contributors[r]!,
  }));
  const layout = restate({
    cube,
    series,
    requested,
    cubeUnitIds,
    rows,
    shown: showUnits.map((u) => rowIndex.get(u.id)!),
    groups,
  });

  return {
    boundaries: query.boundaries,
    today,
    levels,
    national,
    items,
    periods,
    rows: [
      ...showUnits.map((unit) => ({ level: 'unit' as const, unit })),
      ...regionList.map((r) => ({
        level: 'region' as const,
        regionVi: r.regionVi,
        regionEn: r.regionEn,
      })),
      ...(withNation ? [{ level: 'nation' as const }] : []),
    ],
    layout,
  };
}
