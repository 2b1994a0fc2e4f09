import { checkOutlier, median } from '@caunoi/shared';
import type { UnitRegistry } from '@caunoi/units';
import {
  cellKey,
  derivedNumbers,
  evaluateRules,
  type Catalogue,
  type CatalogueRule,
  type IndicatorCell,
  type RuleResult,
} from '../modules/statistics/catalogue.js';
import {
  DEFAULT_WARNING_NOTE,
  DEMO_FIRST_YEAR,
  DEMO_LAST_YEAR,
  ECONOMIC_WEIGHT,
  MEDIAN_WEIGHT,
  REAL_VALUES,
  SYNTHETIC_NOTE,
  WARNING_NOTES,
} from './demo-statistics-data.js';

/**
 * The synthetic statistics of the demo: every typed cell of the annual form for every province
 * and year, generated from a province's size, its own habits and a gentle trend, so that a
 * province's history and its peers look like real reporting. Deterministic: each number comes
 * from a hash of its province, cell and year, never from the order of generation.
 */

/** The numbers of one unit and year, by `cellKey`. */
export type Cells = Map<string, number>;

export interface UnitYearValues {
  unitId: string;
  year: number;
  /** Synthetic cells (real ones removed, with the blanks they ask for). */
  synthetic: Cells;
  /** Real cells with their comments. */
  real: Map<string, { num: number; comment: string }>;
  /** Comments explaining a warning, by cell (a ratio cell holds a comment and no number). */
  comments: Map<string, string>;
}

/* ───────────── Deterministic randomness ───────────── */

/** FNV-1a, 32 bits. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** One draw of mulberry32 seeded by the key: uniform in [0, 1). */
export function uniform(...key: Array<string | number>): number {
  let t = (hash(key.join('|')) + 0x6d2b79f5) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** A standard normal draw (Box–Muller) seeded by the key. */
export function normal(...key: Array<string | number>): number {
  const u1 = Math.max(uniform(...key, 'u1'), 1e-12);
  const u2 = uniform(...key, 'u2');
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/**
 * A province's size relative to the median one, bent smoothly under a ceiling: the largest
 * provinces report more than others, but not so much more that every figure of theirs stands out
 * among the provinces' (what the outlier flags compare).
 */
const CEILING = 2;
const softCap = (relative: number) => CEILING * Math.tanh(relative / CEILING);
const round1 = (x: number) => Math.round(x * 10) / 10;

/* ───────────── A former province's series ───────────── */

/** Nominal GRDP growth of the country by year (current prices). */
const NOMINAL_GROWTH: Record<number, number> = {
  2020: 0.045,
  2021: 0.06,
  2022: 0.12,
  2023: 0.065,
  2024: 0.095,
  2025: 0.1,
};
/** Real GRDP growth of the country by year (constant prices). */
const REAL_GROWTH: Record<number, number> = {
  2019: 0.07,
  2020: 0.03,
  2021: 0.026,
  2022: 0.08,
  2023: 0.05,
  2024: 0.07,
  2025: 0.075,
};
/** Regions hit hardest by the 2021 lockdowns. */
const SOUTH = new Set(['Đông Nam Bộ', 'Đồng bằng sông Cửu Long']);
/** Constant-price GRDP as a share of current-price GRDP. */
const CONSTANT_PRICES = 0.72;

interface Province {
  code: string;
  regionVi: string;
  /** Economic size relative to a median province. */
  size: number;
}

/** The 2019–2025 series of a former province (2025 as its trend, for its successor's figures). */
function seriesOf(p: Province): Map<number, Cells> {
  const s = p.size;
  const u = (...k: Array<string | number>) => uniform(p.code, ...k);
  const n = (...k: Array<string | number>) => normal(p.code, ...k);
  const out = new Map<number, Cells>();

  let grdp = ECONOMIC_WEIGHT[p.code]! * 1000 * 0.8 * Math.exp(0.03 * n('grdp'));
  const grdp2019 = grdp;
  let steActive = Math.round(10 * s ** 0.4 * Math.exp(0.3 * n('ste-stock')));
  const localRegulations = Math.round(2 * s ** 0.2 * Math.exp(0.4 * n('regs')));
  let procedures = 56 + Math.floor(14 * u('procedures'));
  // Almost every province has had its radiation emergency plan for years.
  const planFrom = u('rad-plan') < 0.03 ? 2020 : 2016;

  for (let year = DEMO_FIRST_YEAR; year <= DEMO_LAST_YEAR; year++) {
    const t = year - DEMO_FIRST_YEAR;
    const cells: Cells = new Map();
    const set = (code: string, option: string, v: number) => cells.set(cellKey(code, option), v);
    const get = (code: string, option = '') => cells.get(cellKey(code, option)) ?? 0;
    /**
     * A level: the median province's 2019 figure, scaled by size (compressed: a department's
     * workload grows far slower than its economy), by the province's lasting habit, a linear
     * trend of its own, a shock of the year and a little noise.
     */
    const level = (
      key: string,
      base: number,
      exponent: number,
      growth: number,
      shock: Partial<Record<number, number>> = {},
    ) =>
      base *
      softCap(s ** exponent * Math.exp(0.25 * n(key, 'habit'))) *
      (1 + growth * (0.5 + u(key, 'growth')) * t) *
      (shock[year] ?? 1) *
      Math.exp(0.01 * n(key, year));
    const count = (...args: Parameters<typeof level>) => Math.max(0, Math.round(level(...args)));
    /** A lasting share of the province, between lo and hi, with a little yearly noise. */
    const share = (key: string, lo: number, hi: number, noise = 0.01) =>
      clamp((lo + (hi - lo) * u(key, 'share')) * Math.exp(noise * n(key, 'share', year)), 0, 1);
    const covid = { 2020: 0.85, 2021: 0.75 };

    // Outcomes: GRDP at current prices, its real increase and the part due to TFP.
    if (year > DEMO_FIRST_YEAR) grdp *= 1 + NOMINAL_GROWTH[year]! + 0.01 * n('nominal', year);
    set('PROV_GRDP', '', Math.round(grdp));
    const real =
      REAL_GROWTH[year]! +
      0.01 * n('real', year) -
      (year === 2021 && SOUTH.has(p.regionVi) ? 0.02 : 0);
    const increase = round1(((grdp * CONSTANT_PRICES) / (1 + real)) * real);
    set('GRDP_INCREASE', '', increase);
    // When GRDP falls, productivity usually falls further than output (capital still grows).
    const tfpShare = real < 0 ? 1.15 + 0.3 * u('tfp-fall', year) : share('tfp', 0.33, 0.47, 0.03);
    set('TFP_INCREASE', '', round1(increase * tfpShare));
    set('PRODUCTIVITY_PROJECTS', '', count('productivity', 7, 0.3, 0.06));

    // S&T tasks by level: started and accepted are parts of those under implementation.
    const levels: Array<[string, number, number]> = [
      ['QUOC_GIA', 6, 0.5],
      ['BO', 5, 0.4],
      ['TINH', 32, 0.3],
      ['CO_SO', 26, 0.3],
    ];
    for (const [option, base, exponent] of levels) {
      const implemented = count(`task-${option}`, base, exponent, 0.04);
      set('TASK_IMPLEMENTED', option, implemented);
      set('TASK_STARTED', option, Math.round(implemented * share(`started-${option}`, 0.3, 0.45)));
      set(
        'TASK_ACCEPTED',
        option,
        Math.round(implemented * share(`accepted-${option}`, 0.25, 0.4)),
      );
    }
    const ownTasks = get('TASK_IMPLEMENTED', 'TINH') + get('TASK_IMPLEMENTED', 'CO_SO');
    set('TASK_OVERDUE', '', Math.round(ownTasks * share('overdue', 0.03, 0.1)));
    const accepted = levels.reduce((sum, [o]) => sum + get('TASK_ACCEPTED', o), 0);
    set('TASK_RESULTS_APPLIED', '', Math.round(accepted * share('applied', 0.4, 0.7)));

    // Budget (million đồng): the province's budget (central transfers narrow the gaps between
    // provinces), its S&T estimate, what was disbursed, what others spent.
    const expenditure = Math.round(
      12_000_000 *
        softCap(s ** 0.5 * Math.exp(0.15 * n('budget'))) *
        (grdp / grdp2019) ** 0.8 *
        Math.exp(0.01 * n('budget', year)),
    );
    set('PROV_BUDGET_EXPENDITURE', '', expenditure);
    const stShare = clamp(0.006 * Math.exp(0.2 * n('st-share')) * (1 + 0.03 * t), 0, 0.02);
    const estimate = Math.round(expenditure * stShare * Math.exp(0.01 * n('st-share', year)));
    const investment = Math.round(estimate * share('investment', 0.25, 0.45));
    set('BUDGET_ST_ESTIMATE', 'DAU_TU_PHAT_TRIEN', investment);
    set('BUDGET_ST_ESTIMATE', 'SU_NGHIEP', estimate - investment);
    // Rarely, funds carried over from the year before take spending past the year's estimate.
    const carriedOver = u('carried-over', year) < 0.012;
    const spentInvestment = Math.round(
      investment * (carriedOver ? 1.02 + 0.04 * u('over', year) : share('disb-inv', 0.6, 0.9)),
    );
    const spentRecurrent = Math.round(
      (estimate - investment) *
        (carriedOver ? 1.03 + 0.03 * u('over-sn', year) : share('disb-sn', 0.85, 0.97, 0.005)),
    );
    set('SPEND_STATE', 'DAU_TU_PHAT_TRIEN', spentInvestment);
    set('SPEND_STATE', 'SU_NGHIEP', spentRecurrent);
    const state = spentInvestment + spentRecurrent;
    set('SPEND_TOTAL', 'NSNN', state);
    const nonState = Math.round(state * (0.5 + 1.2 * u('non-state')) * (1 + 0.05 * t));
    set('SPEND_TOTAL', 'NGOAI_NSNN', nonState);
    set('FUND_DISBURSED', '', Math.round((state + nonState) * share('fund', 0.02, 0.07)));

    // Organisations and R&D personnel.
    set('ST_ORGANISATIONS', 'CONG_LAP', count('org-public', 18, 0.35, 0.01));
    set('ST_ORGANISATIONS', 'NGOAI_CONG_LAP', count('org-private', 22, 0.45, 0.06));
    const qualifications: Array<[string, number, number]> = [
      ['TIEN_SI', 40, 0.5],
      ['THAC_SI', 180, 0.45],
      ['DAI_HOC', 450, 0.4],
      ['KHAC', 150, 0.35],
    ];
    let personnel = 0;
    for (const [option, base, exponent] of qualifications) {
      const v = count(`rd-${option}`, base, exponent, 0.04);
      set('RD_PERSONNEL', option, v);
      personnel += v;
    }
    set('RD_PERSONNEL_FEMALE', '', Math.round(personnel * share('female', 0.38, 0.48)));

    // S&T enterprises: the stock moves with new certificates and the few revoked.
    const newCertificates = count('ste-new', 2.5, 0.4, 0.1);
    const revoked = t % 3 === 2 ? Math.floor(steActive * 0.08) : 0;
    steActive = steActive + newCertificates - revoked;
    set('STE_CERT_NEW', '', newCertificates);
    set('STE_ACTIVE', '', steActive);
    set('STE_SUPPORT_SELECTED', '', count('ste-selected', 4, 0.3, 0.1));
    set('STE_GUIDED', '', count('ste-guided', 6, 0.3, 0.1));

    // Intellectual property.
    set('IP_DOSSIERS_SUPPORTED', '', count('ip-dossiers', 80, 0.3, 0.05));
    const objects: Array<[string, number, number, number]> = [
      ['SANG_CHE', 6, 0.55, 0.08],
      ['GIAI_PHAP_HUU_ICH', 3, 0.45, 0.1],
      ['KIEU_DANG_CONG_NGHIEP', 25, 0.5, 0.05],
      ['NHAN_HIEU', 450, 0.5, 0.05],
    ];
    for (const [option, base, exponent, growth] of objects) {
      const applications = count(`ip-app-${option}`, base, exponent, growth);
      set('IP_APPLICATIONS', option, applications);
      set(
        'IP_TITLES_GRANTED',
        option,
        Math.round(applications * share(`ip-granted-${option}`, 0.5, 0.8)),
      );
    }
    // Geographical indications are rare: most provinces file none in a year.
    set('IP_APPLICATIONS', 'CHI_DAN_DIA_LY', u('gi-app', year) < 0.03 ? 1 : 0);
    set('IP_TITLES_GRANTED', 'CHI_DAN_DIA_LY', u('gi-title', year) < 0.02 ? 1 : 0);
    set('IP_COMMUNITY_MARKS_SUPPORTED', '', count('ip-marks', 3, 0.2, 0.1));
    set('IP_DEVELOPMENT_PROJECTS', '', count('ip-projects', 4, 0.3, 0.1));
    set('IP_OCOP_MARKS_SUPPORTED', '', count('ip-ocop', 15, 0.2, 0.08));

    // Standards, metrology and quality.
    const lots = count('smq-lots', 700, 0.5, 0.04);
    set('SMQ_GROUP2_LOTS_INSPECTED', '', lots);
    set('SMQ_GROUP2_LOTS_NONCONFORMING', '', Math.round(lots * share('smq-nc', 0.004, 0.015)));
    set('SMQ_INSTRUMENTS_VERIFIED', '', count('smq-instruments', 5500, 0.4, 0.03));
    set('SMQ_METERS_VERIFIED', 'CONG_TO_DIEN', count('smq-electricity', 12000, 0.45, 0.03));
    set('SMQ_METERS_VERIFIED', 'DONG_HO_NUOC', count('smq-water', 5000, 0.5, 0.04));
    set('SMQ_LOCAL_REGULATIONS', '', localRegulations + Math.floor(t / 3));

    // Radiation safety.
    set('RAD_LICENCES_ISSUED', '', count('rad-licences', 35, 0.4, 0.04));
    set('RAD_FACILITIES_LICENSED', '', count('rad-facilities', 110, 0.4, 0.03));
    set('RAD_INCIDENTS', '', u('rad-incident', year) < 0.004 ? 1 : 0);
    set('RAD_RESPONSE_PLAN', '', year >= planFrom ? 1 : 0);

    // Technology.
    set('TECH_PROCESSES_APPLIED', '', count('tech-processes', 22, 0.2, 0.04));
    set('TECH_MODELS_BUILT', '', count('tech-models', 8, 0.2, 0.08));
    set('TECH_PROJECTS_APPRAISED', '', count('tech-appraised', 25, 0.45, 0.06));
    set('TECH_TRANSFERS_REGISTERED', '', count('tech-transfers', 2, 0.5, 0.15));
    set('TECH_ROADMAP_ENTERPRISES', '', count('tech-roadmaps', 8, 0.3, 0.08));
    set('TECH_PILOT_ENTERPRISES', '', count('tech-pilots', 4, 0.3, 0.1));
    set('TECH_DIGITAL_ENTERPRISES', '', count('tech-digital', 2.5, 0.35, 0.5));

    // Start-ups and innovation.
    set('INNOV_STARTUP_PROJECTS', '', count('startups', 18, 0.35, 0.07));
    set('INNOV_STARTUP_ENTERPRISES', '', count('startup-firms', 3, 0.4, 0.12));
    set('INNOV_SUPPORT_ORGS', '', count('support-orgs', 3, 0.45, 0.15));
    set('INNOV_EVENTS', '', count('events', 6, 0.3, 0.05, covid));
    set(
      'PII_SCORE',
      '',
      round1(clamp(38 + 6 * Math.log(s) + 4 * n('pii') + 0.6 * t + 0.3 * n('pii', year), 20, 75)),
    );

    // State management: the list of procedures changes rarely; more of them go online each year.
    if (year === 2022) procedures += Math.round(4 * (u('procedures', year) - 0.5));
    set('POLICY_DOCUMENTS_ISSUED', '', count('policy', 6, 0.2, 0.06));
    set('ADMIN_PROCEDURES', '', procedures);
    const online = clamp(
      0.05 + 0.25 * u('online-start') + (0.12 + 0.08 * u('online-pace')) * t,
      0,
      1,
    );
    set('ADMIN_PROCEDURES_ONLINE', '', Math.round(procedures * online));
    set('INSPECTIONS', '', count('inspections', 10, 0.3, 0.04, { 2020: 0.85 }));

    out.set(year, cells);
  }
  return out;
}

/* ───────────── Provinces after the reform ───────────── */

/** How a merged province's figure comes from its predecessors' (sum unless named here). */
type Merge = 'sum' | 'mean' | 'min' | 'weighted';
const MERGE: Record<string, Merge> = {
  // The new province has one list of procedures and one emergency plan, not several.
  ADMIN_PROCEDURES: 'mean',
  RAD_RESPONSE_PLAN: 'min',
  // A score is never added: the predecessors' scores weighted by their GRDP.
  PII_SCORE: 'weighted',
};

/** A 2025 province's figures from its predecessors' 2025 trend, each predecessor's share weighted. */
function mergeOf(parts: Array<{ cells: Cells; weight: number }>): Cells {
  if (parts.length === 1 && parts[0]!.weight === 1) return new Map(parts[0]!.cells);
  const out: Cells = new Map();
  const keys = new Set(parts.flatMap((p) => [...p.cells.keys()]));
  const grdp = (c: Cells) => c.get(cellKey('PROV_GRDP', '')) ?? 0;
  const totalGrdp = parts.reduce((s, p) => s + p.weight * grdp(p.cells), 0);
  for (const key of keys) {
    const code = key.slice(0, key.indexOf('\u0001'));
    const values = parts.map((p) => ({ v: p.cells.get(key) ?? 0, p }));
    let v: number;
    switch (MERGE[code] ?? 'sum') {
      case 'mean':
        v = Math.round(values.reduce((s, x) => s + x.v, 0) / values.length);
        break;
      case 'min':
        v = Math.min(...values.map((x) => x.v));
        break;
      case 'weighted':
        v = round1(values.reduce((s, x) => s + x.v * x.p.weight * grdp(x.p.cells), 0) / totalGrdp);
        break;
      default:
        v = values.reduce((s, x) => s + x.v * x.p.weight, 0);
        v = Number.isInteger(v) ? v : round1(v);
    }
    out.set(key, v);
  }
  // Online procedures: the predecessors' share of the new province's list.
  const onlineKey = cellKey('ADMIN_PROCEDURES_ONLINE', '');
  const listKey = cellKey('ADMIN_PROCEDURES', '');
  const online = parts.reduce((s, p) => s + (p.cells.get(onlineKey) ?? 0), 0);
  const list = parts.reduce((s, p) => s + (p.cells.get(listKey) ?? 0), 0);
  if (list > 0) out.set(onlineKey, Math.round((out.get(listKey) ?? 0) * (online / list)));
  return out;
}

/* ───────────── Real figures ───────────── */

/**
 * Bends a province's synthetic series towards the figures it really reported, so that its
 * history around a real value looks like its own: a count is scaled by real ÷ synthetic in the
 * real year; a ratio reported directly scales its numerator by the mean real ÷ synthetic ratio.
 */
function anchor(series: Map<number, Cells>, unitId: string, catalogue: Catalogue) {
  const reals = REAL_VALUES.filter((r) => r.unitId === unitId);
  const byIndicator = new Map<string, typeof reals>();
  for (const r of reals)
    byIndicator.set(r.indicatorCode, [...(byIndicator.get(r.indicatorCode) ?? []), r]);
  for (const [code, list] of byIndicator) {
    const indicator = catalogue.indicator(code);
    if (!indicator) continue;
    let target = code;
    let factor: number;
    if (indicator.ratio) {
      const { numerator, denominator } = indicator.ratio;
      target = numerator;
      const factors = list.flatMap((r) => {
        const cells = series.get(r.year);
        const num = cells?.get(cellKey(numerator, ''));
        const den = cells?.get(cellKey(denominator, ''));
        return num && den ? [r.num / ((num / den) * indicator.ratio!.factor)] : [];
      });
      factor = factors.length ? factors.reduce((a, b) => a + b, 0) / factors.length : 1;
    } else {
      const factors = list.flatMap((r) => {
        const v = series.get(r.year)?.get(cellKey(code, r.optionCode));
        return v ? [r.num / v] : [];
      });
      factor = factors.length ? factors.reduce((a, b) => a + b, 0) / factors.length : 1;
    }
    const integer = catalogue.indicator(target)?.valueType === 'integer';
    for (const cells of series.values()) {
      for (const [key, v] of cells) {
        if (!key.startsWith(`${target}\u0001`)) continue;
        cells.set(key, integer ? Math.round(v * factor) : round1(v * factor));
      }
    }
  }
}

/* ───────────── The whole demo ───────────── */

export interface GenerateInput {
  catalogue: Catalogue;
  registry: UnitRegistry;
  formCode: string;
  /** Indicator codes of the form. */
  indicatorCodes: readonly string[];
  /** The reporters of each year (units that exist on the year's last day). */
  reporters: ReadonlyMap<number, readonly string[]>;
}

/** The cells a reporter types for the form's indicators: options, not totals; no computed ratio. */
export function typedCellsOf(catalogue: Catalogue, indicatorCodes: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const code of indicatorCodes) {
    const indicator = catalogue.indicator(code);
    if (!indicator || indicator.unitAggregation === 'ratio' || indicator.valueType === 'text')
      continue;
    for (const c of catalogue.cellsOf(indicator)) out.add(cellKey(c.indicatorCode, c.optionCode));
  }
  return out;
}

/** Every unit-year of the demo, synthetic and real, with the comments its warnings need. */
export function generateStatistics(input: GenerateInput): UnitYearValues[] {
  const { catalogue, registry } = input;
  const typed = typedCellsOf(catalogue, input.indicatorCodes);
  const inForm = new Set(input.indicatorCodes);

  // Every former province's series, bent towards what it really reported.
  const series = new Map<string, Map<number, Cells>>();
  const seriesFor = (unitId: string): Map<number, Cells> | undefined => {
    const known = series.get(unitId);
    if (known) return known;
    const unit = registry.get(unitId);
    const weight = unit ? ECONOMIC_WEIGHT[unit.code] : undefined;
    // Only the former provinces have a series of their own; today's are made of theirs.
    if (!unit || weight === undefined || unit.validTo === null) return undefined;
    const made = seriesOf({
      code: unit.code,
      regionVi: unit.regionVi,
      size: weight / MEDIAN_WEIGHT,
    });
    anchor(made, unitId, catalogue);
    series.set(unitId, made);
    return made;
  };

  const out: UnitYearValues[] = [];
  for (const [year, ids] of [...input.reporters].sort((a, b) => a[0] - b[0])) {
    for (const unitId of ids) {
      let cells: Cells | undefined = seriesFor(unitId)?.get(year);
      if (!cells) {
        // A province of today: its predecessors' figures for the year.
        const parts = registry.predecessorsOf(unitId).flatMap((edge) => {
          const c = seriesFor(edge.predecessorId)?.get(year);
          return c ? [{ cells: c, weight: edge.weight }] : [];
        });
        if (parts.length === 0) continue;
        cells = mergeOf(parts);
      }
      const synthetic: Cells = new Map([...cells].filter(([key]) => typed.has(key)));
      const real = new Map<string, { num: number; comment: string }>();
      for (const r of REAL_VALUES) {
        if (r.unitId !== unitId || r.year !== year || !inForm.has(r.indicatorCode)) continue;
        const key = cellKey(r.indicatorCode, r.optionCode);
        synthetic.delete(key);
        for (const blank of r.blanks ?? []) synthetic.delete(cellKey(blank, ''));
        real.set(key, { num: r.num, comment: r.comment });
      }
      out.push({ unitId, year, synthetic, real, comments: new Map() });
    }
  }
  // Real reporting has few figures that stand out; the generated noise should not add many.
  settlePeers(input, out);
  settleHistory(input, out);
  // Settling a history moves a figure among its peers again: a second look settles the rest.
  settlePeers(input, out);
  for (const uy of out) explainWarnings(input, uy);
  return out;
}

/* ───────────── Few outliers ───────────── */

/**
 * Figures left as they are even when they stand out: the economy's real proportions (the largest
 * cities' GRDP) and rare events (a geographical indication, a radiation incident).
 */
const STANDING_OUT = new Set([
  cellKey('PROV_GRDP', ''),
  cellKey('GRDP_INCREASE', ''),
  cellKey('TFP_INCREASE', ''),
  cellKey('RAD_INCIDENTS', ''),
  cellKey('RAD_RESPONSE_PLAN', ''),
  cellKey('IP_APPLICATIONS', 'CHI_DAN_DIA_LY'),
  cellKey('IP_TITLES_GRANTED', 'CHI_DAN_DIA_LY'),
]);

const valueOf = (uy: UnitYearValues, key: string) => uy.synthetic.get(key) ?? uy.real.get(key)?.num;

/** The indicators a rule reads, with the components of the ratios it reads. */
const ruleIndicators = new WeakMap<CatalogueRule, Set<string>>();
function indicatorsRead(catalogue: Catalogue, rule: CatalogueRule): Set<string> {
  let known = ruleIndicators.get(rule);
  if (!known) {
    known = new Set();
    for (const ref of rule.parsed.references) {
      const code = ref.split('.')[0]!;
      known.add(code);
      const ratio = catalogue.indicator(code)?.ratio;
      if (ratio) known.add(ratio.numerator).add(ratio.denominator);
    }
    ruleIndicators.set(rule, known);
  }
  return known;
}

function failingRules(
  input: GenerateInput,
  uy: UnitYearValues,
  rules: readonly CatalogueRule[],
): Set<string> {
  if (rules.length === 0) return new Set();
  return new Set(
    evaluateRules(rules, numbersOf(input.catalogue, uy))
      .filter((r) => r.outcome.status === 'failed')
      .map((r) => r.rule.code),
  );
}

/**
 * Moves a synthetic figure that the outlier check would flag towards the median of its
 * references, by the smallest step that clears the flag without failing a rule that passed.
 */
function settle(input: GenerateInput, uy: UnitYearValues, key: string, refs: number[]) {
  const v = uy.synthetic.get(key);
  if (v === undefined || STANDING_OUT.has(key) || !checkOutlier(v, refs).flagged) return;
  const code = key.slice(0, key.indexOf('\u0001'));
  const rules = input.catalogue
    .rulesFor(input.formCode, uy.unitId)
    .filter((r) => indicatorsRead(input.catalogue, r).has(code));
  const before = failingRules(input, uy, rules);
  const m = median(refs);
  for (let k = 1; k <= 20; k++) {
    const step = v + ((m - v) * k) / 20;
    const c: number = Number.isInteger(v) ? Math.round(step) : round1(step);
    if (c === v || c < 0 || checkOutlier(c, refs).flagged) continue;
    uy.synthetic.set(key, c);
    if ([...failingRules(input, uy, rules)].every((failed) => before.has(failed))) return;
  }
  uy.synthetic.set(key, v);
}

/**
 * Against the province's own history, as the report view compares: a former province's earlier
 * years, and for a province that continues one former province unchanged, that one's years too.
 */
function settleHistory(input: GenerateInput, all: UnitYearValues[]) {
  const { registry } = input;
  const byUnit = new Map<string, UnitYearValues[]>();
  for (const uy of all) byUnit.set(uy.unitId, [...(byUnit.get(uy.unitId) ?? []), uy]);
  const lines: UnitYearValues[][] = [];
  for (const [unitId, years] of byUnit) {
    const preds = registry.predecessorsOf(unitId);
    const continues =
      preds.length === 1 &&
      preds[0]!.weight === 1 &&
      registry.successorsOf(preds[0]!.predecessorId).length === 1;
    if (continues && byUnit.has(preds[0]!.predecessorId)) continue;
    const next = registry
      .successorsOf(unitId)
      .filter((e) => e.weight === 1 && registry.predecessorsOf(e.successorId).length === 1);
    const successor = next.length === 1 ? (byUnit.get(next[0]!.successorId) ?? []) : [];
    lines.push([...years, ...successor].sort((a, b) => a.year - b.year));
  }
  for (const line of lines) {
    const keys = new Set(line.flatMap((uy) => [...uy.synthetic.keys()]));
    for (const key of keys) {
      if (STANDING_OUT.has(key)) continue;
      for (let i = 4; i < line.length; i++) {
        const refs: number[] = [];
        for (let j = Math.max(0, i - 8); j < i; j++) {
          const v = valueOf(line[j]!, key);
          if (v !== undefined) refs.push(v);
        }
        if (refs.length >= 4) settle(input, line[i]!, key, refs);
      }
    }
  }
}

/** Against the other provinces of the same year, as the report view compares. */
function settlePeers(input: GenerateInput, all: UnitYearValues[]) {
  const byYear = new Map<number, UnitYearValues[]>();
  for (const uy of all) byYear.set(uy.year, [...(byYear.get(uy.year) ?? []), uy]);
  for (const reporters of byYear.values()) {
    const keys = new Set(reporters.flatMap((uy) => [...uy.synthetic.keys()]));
    for (const key of keys) {
      if (STANDING_OUT.has(key)) continue;
      const values = reporters.map((uy) => valueOf(uy, key));
      const present = values.filter((v): v is number => v !== undefined);
      // Most figures are far from the flags: only the suspects get the exact check. The robust
      // score barely moves when the figure itself is left out; the z-score is computed without it.
      const n = present.length;
      const m = median(present);
      const mad = median(present.map((v) => Math.abs(v - m)));
      let sum = present.reduce((a, b) => a + b, 0);
      let squares = present.reduce((a, b) => a + b * b, 0);
      reporters.forEach((uy, i) => {
        const v = values[i];
        if (v === undefined) return;
        const mean = (sum - v) / (n - 1);
        const variance = (squares - v * v - (n - 1) * mean * mean) / (n - 2);
        const z = variance > 0 ? Math.abs(v - mean) / Math.sqrt(variance) : Infinity;
        if (mad > 0 && (0.6745 * Math.abs(v - m)) / mad < 2.5 && z < 2.7) return;
        const refs = reporters.flatMap((other, j) => {
          const r = j === i ? undefined : valueOf(other, key);
          return r === undefined ? [] : [r];
        });
        settle(input, uy, key, refs);
        const moved = valueOf(uy, key)!;
        sum += moved - v;
        squares += moved * moved - v * v;
        values[i] = moved;
      });
    }
  }
}

/** The numbers rules see for a unit-year: typed cells (synthetic and real) and what derives from them. */
export function numbersOf(catalogue: Catalogue, uy: Pick<UnitYearValues, 'synthetic' | 'real'>) {
  const typed = new Map(uy.synthetic);
  for (const [key, r] of uy.real) typed.set(key, r.num);
  return derivedNumbers(catalogue, typed);
}

/**
 * The cells where a comment explains a failed warning, as the report view looks for one: the
 * cells the rule reads, a disaggregated total standing for its options (a ratio for itself).
 */
export function cellsExplaining(catalogue: Catalogue, result: RuleResult): IndicatorCell[] {
  return result.cells.flatMap((c) => {
    const indicator = catalogue.indicator(c.indicatorCode);
    return indicator && c.optionCode === '' ? catalogue.cellsOf(indicator) : [c];
  });
}

/**
 * A warning is explained next to one of its cells, as a reporter must before sending; an error
 * would be a bug of the generator.
 */
function explainWarnings(input: GenerateInput, uy: UnitYearValues) {
  const { catalogue } = input;
  const inForm = new Set(input.indicatorCodes);
  const rules = catalogue
    .rulesFor(input.formCode, uy.unitId)
    .filter((r) => r.parsed.references.every((ref) => inForm.has(ref.split('.')[0]!)));
  for (const result of evaluateRules(rules, numbersOf(catalogue, uy))) {
    if (result.outcome.status !== 'failed') continue;
    if (result.rule.severity === 'error') {
      throw new Error(
        `Demo statistics: rule ${result.rule.code} fails for ${uy.unitId} ${uy.year}`,
      );
    }
    const cells = cellsExplaining(catalogue, result).map((c) =>
      cellKey(c.indicatorCode, c.optionCode),
    );
    const cell = cells.find((key) => uy.synthetic.has(key)) ?? cells[0];
    if (!cell) continue;
    uy.comments.set(
      cell,
      `${WARNING_NOTES[result.rule.code] ?? DEFAULT_WARNING_NOTE} ${SYNTHETIC_NOTE}`,
    );
  }
}

/** Whether a draft has this cell yet: the indicator groups filled in first, evidence still to come. */
export function inDraft(catalogue: Catalogue, key: string, groups: readonly string[]): boolean {
  const indicator = catalogue.indicator(key.slice(0, key.indexOf('\u0001')));
  return !!indicator && groups.includes(indicator.group) && !indicator.evidenceRequired;
}
