import { makePeriod, todayInVietnam } from '@caunoi/shared';
import type { UnitRegistry } from '@caunoi/units';
import type { Ctx } from '../core/context.js';
import {
  cellKey,
  derivedNumbers,
  evaluateRules,
  type Catalogue,
} from '../modules/statistics/catalogue.js';
import { reportersOf, scheduleFor } from '../modules/statistics/forms.service.js';
import {
  keyOf,
  readValuesOf,
  writeValues,
  type ValueWrite,
} from '../modules/statistics/values.store.js';
import {
  planReport,
  insertDemoBatch,
  withDemoForm,
  writePlannedReports,
  type PlannedReport,
} from './demo-statistics.js';
import { DEMO_ACTOR, ECONOMIC_WEIGHT, MEDIAN_WEIGHT } from './demo-statistics-data.js';
import { normal, typedCellsOf, uniform, type Cells } from './demo-statistics-values.js';
import { PII_FORM_CODE } from './pii-framework.js';

/**
 * The demo of the index's inputs (form BM-PII, decision 0029): synthetic values for the data
 * years 2023 and 2024 (the 63 former provinces) and 2025 (the 34 provinces), every report
 * accepted, so that each edition of the illustrative framework can be computed. The figures the
 * annual form collects (R&D personnel, IP applications, GRDP…) are not on BM-PII: the index reads
 * them from the annual reports.
 */

export const PII_DEMO_YEARS = [2023, 2024, 2025] as const;

export interface PiiDemoResult {
  /** Values written for the form BM-PII (all synthetic). */
  piiValues: number;
  /** Reports of BM-PII written (all accepted, unless a step would fall after today). */
  piiReports: number;
}

export const NO_PII: PiiDemoResult = { piiValues: 0, piiReports: 0 };

const logistic = (z: number) => 1 / (1 + Math.exp(-z));
const round = (x: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/**
 * The inputs of a former province for 2023–2025 (2025 as its trend, for its successor): sizes
 * follow its economy, scores a lasting "development" of its own (larger economies higher, with
 * room for a small province to do well), each figure from a hash of province, indicator and year.
 */
function inputsOf(code: string): Map<number, Cells> {
  const s = ECONOMIC_WEIGHT[code]! / MEDIAN_WEIGHT;
  const u = (...k: Array<string | number>) => uniform('pii', code, ...k);
  const n = (...k: Array<string | number>) => normal('pii', code, ...k);
  const development = 0.8 * Math.log(s) + 0.25 * n('development');
  /** A GRDP of the order of the annual demo's (billion đồng), for proportions only. */
  const grdp = ECONOMIC_WEIGHT[code]! * 1000;
  const out = new Map<number, Cells>();
  for (const year of PII_DEMO_YEARS) {
    const t = year - PII_DEMO_YEARS[0];
    const cells: Cells = new Map();
    const set = (indicator: string, v: number) => cells.set(cellKey(indicator, ''), v);
    /** A score between lo and hi: development, the province's habit, a slow trend, a little noise. */
    const score = (key: string, lo: number, hi: number, digits: number, slope = 0.8) =>
      round(
        lo +
          (hi - lo) *
            logistic(slope * development + 0.35 * n(key) + 0.05 * t + 0.08 * n(key, year)),
        digits,
      );
    /** A share of the province that lasts, with a little noise each year. */
    const share = (key: string, lo: number, hi: number) =>
      (lo + (hi - lo) * u(key)) * Math.exp(0.03 * n(key, year));
    const yearly = (key: string, growth: number) =>
      (1 + growth) ** t * Math.exp(0.02 * n(key, year));

    const population = round(1100 * s ** 0.62 * Math.exp(0.15 * n('population')) * 1.008 ** t, 1);
    set('PROV_POPULATION', population);
    const enterprises = Math.round(
      2300 * s ** 1.1 * Math.exp(0.15 * n('enterprises')) * yearly('enterprises', 0.05),
    );
    set('PROV_ENTERPRISES', enterprises);
    set('PROV_NEW_ENTERPRISES', Math.round(enterprises * share('new-enterprises', 0.09, 0.14)));
    const students = Math.round(population * 1000 * share('students', 0.19, 0.24));
    set('EDU_STUDENTS', students);

    // Institutions: scores on their published scales.
    set('PII_POLICY_SCORE', score('policy', 26, 58, 2, 0.6));
    set('PCI_LEGAL_INSTITUTIONS', score('pci-legal', 6.1, 8.6, 2, 0.3));
    set('PCI_BUSINESS_SUPPORT', score('pci-support', 5.9, 8.2, 2, 0.4));
    set('PCI_ENTRY_COSTS', score('pci-entry', 6.4, 9, 2, 0.2));
    set('PCI_PROACTIVITY', score('pci-proactivity', 5.1, 7.4, 2, 0.3));
    set('PCI_FAIR_COMPETITION', score('pci-competition', 4.5, 7.3, 2, 0.3));
    set('PAR_INDEX', score('par', 82.5, 93.5, 2, 0.4));

    // Human capital and R&D.
    set('EDU_EXAM_SCORE', score('exam', 5.35, 6.75, 2, 0.5));
    set(
      'EDU_NATIONAL_PRIZES',
      Math.round(14 * s ** 0.45 * Math.exp(0.3 * development + 0.2 * n('prizes', year))),
    );
    const perStudent = 13 + 18 * logistic(0.6 * development + 0.5 * n('per-student'));
    set('EDU_SPENDING', Math.round(students * perStudent * yearly('edu-spending', 0.06)));
    const rdShare = 0.0008 * Math.exp(0.45 * development + 0.3 * n('rd-share'));
    set('RD_SPENDING', Math.round(grdp * 1000 * Math.min(rdShare, 0.01) * yearly('rd', 0.08)));

    // Infrastructure.
    set('DTI_INFRASTRUCTURE', score('dti', 0.32, 0.86, 4, 0.8));
    set('PCI_INFRASTRUCTURE', score('pci-infrastructure', 4.6, 8.1, 2, 0.7));
    set('INDUSTRIAL_LAND_SERVICED_SHARE', score('land', 38, 99, 1, 0.5));
    set('IZ_PROJECTS_OPERATING_SHARE', score('iz-projects', 55, 95, 1, 0.4));

    // Market sophistication (billion đồng, million USD).
    set('PRIVATE_CREDIT', round(grdp * share('credit', 0.45, 1.1) * yearly('credit', 0.1), 1));
    const capital = enterprises * 30 * Math.exp(0.2 * development + 0.2 * n('capital'));
    set('ENT_CAPITAL', round(capital * yearly('capital', 0.06), 1));
    set('ENT_FIXED_ASSETS', round(capital * share('fixed-assets', 0.3, 0.5), 1));
    const grdpUsd = grdp / 24;
    set('EXPORTS', round(grdpUsd * (0.12 + 1.1 * u('exports') ** 2) * yearly('exports', 0.1), 1));

    // Business sophistication.
    const innovating = logistic(0.7 * development + 0.4 * n('innovating'));
    set('ENT_WITH_RD', Math.round(enterprises * (0.015 + 0.06 * innovating)));
    set('ENT_WITH_INNOVATION', Math.round(enterprises * (0.09 + 0.2 * innovating)));
    set('ENT_TRAINING_SPEND_SHARE', score('training', 0.3, 2.6, 2, 0.5));
    set('TRAINED_LABOUR_SHARE', score('trained', 14, 52, 1, 0.9));
    set('EMPLOYED', round(population * share('employed', 0.5, 0.6), 1));
    set('ENT_ST_SERVICES', Math.round(enterprises * (0.02 + 0.035 * innovating)));
    set('FDI_DISBURSED', round(grdpUsd * (0.004 + 0.11 * u('fdi') ** 2) * yearly('fdi', 0.05), 1));
    set('ENT_ISO_CERTIFIED', Math.round(enterprises * (0.004 + 0.02 * innovating)));

    // Knowledge and creative outputs: a few applications a year, rarer where less developed.
    set('PLANT_VARIETY_APPLICATIONS', Math.floor(4 * u('plant-variety', year) * u('plant-habit')));
    set(
      'IP_COLLECTIVE_MARK_APPLICATIONS',
      Math.floor(4 * u('collective-marks', year) * (0.4 + u('collective-habit')) * s ** 0.4),
    );
    set('OCOP_4STAR_PRODUCTS', Math.round((12 + 40 * u('ocop')) * s ** 0.55 * (1 + 0.15 * t)));
    set(
      'INDUSTRIAL_PRODUCTION_INDEX',
      round(104 + 3 * u('iip') + 0.8 * development + 2 * n('iip', year), 1),
    );

    // Impact.
    set(
      'LABOUR_PRODUCTIVITY_GROWTH',
      round(4.6 + 0.6 * n('productivity') + 1.2 * n('lp', year), 1),
    );
    set('HDI', round(0.66 + 0.13 * logistic(0.9 * development + 0.3 * n('hdi')) + 0.002 * t, 3));
    // Poorer provinces have more poverty left to reduce.
    set(
      'POVERTY_REDUCTION',
      round(0.25 + 2.2 * (1 - logistic(development)) * (0.6 + 0.4 * u('poverty', year)), 2),
    );
    out.set(year, cells);
  }
  return out;
}

/** A province of 2025 from its predecessors: counts and amounts added, scores weighted by size. */
function merged(
  catalogue: Catalogue,
  parts: Array<{ code: string; cells: Cells; weight: number }>,
): Cells {
  if (parts.length === 1 && parts[0]!.weight === 1) return new Map(parts[0]!.cells);
  const out: Cells = new Map();
  const size = (p: (typeof parts)[number]) => p.weight * ECONOMIC_WEIGHT[p.code]!;
  const total = parts.reduce((sum, p) => sum + size(p), 0);
  for (const key of parts[0]!.cells.keys()) {
    const indicator = catalogue.indicator(key.slice(0, key.indexOf('\u0001')))!;
    const values = parts.map((p) => ({ v: p.cells.get(key) ?? 0, p }));
    const v =
      indicator.unitAggregation === 'sum'
        ? values.reduce((sum, x) => sum + x.v * x.p.weight, 0)
        : values.reduce((sum, x) => sum + x.v * size(x.p), 0) / total;
    out.set(key, indicator.valueType === 'integer' ? Math.round(v) : round(v, 4));
  }
  return out;
}

export interface PiiDemoInput {
  catalogue: Catalogue;
  registry: UnitRegistry;
  /** The indicators of the form BM-PII. */
  indicatorCodes: readonly string[];
  /** The reporters of each data year. */
  reporters: ReadonlyMap<number, readonly string[]>;
}

/** One unit-year of the form: every typed cell of its indicators. */
export interface PiiUnitYear {
  unitId: string;
  year: number;
  cells: Cells;
}

/** Every typed cell of the form (the index's own inputs, from `inputsOf`) for every reporter. */
export function generatePiiInputs(input: PiiDemoInput): PiiUnitYear[] {
  const { catalogue, registry } = input;
  const typed = typedCellsOf(catalogue, input.indicatorCodes);

  const series = new Map<string, Map<number, Cells>>();
  const formerSeries = (unitId: string) => {
    const unit = registry.get(unitId);
    if (!unit || unit.validTo === null || ECONOMIC_WEIGHT[unit.code] === undefined) return null;
    let known = series.get(unitId);
    if (!known) series.set(unitId, (known = inputsOf(unit.code)));
    return { code: unit.code, years: known };
  };

  const out: PiiUnitYear[] = [];
  for (const [year, ids] of [...input.reporters].sort((a, b) => a[0] - b[0])) {
    for (const unitId of ids) {
      let cells = formerSeries(unitId)?.years.get(year);
      if (!cells) {
        const parts = registry.predecessorsOf(unitId).flatMap((edge) => {
          const former = formerSeries(edge.predecessorId);
          const c = former?.years.get(year);
          return former && c ? [{ code: former.code, cells: c, weight: edge.weight }] : [];
        });
        if (parts.length === 0) continue;
        cells = merged(catalogue, parts);
      }
      const all: Cells = new Map();
      for (const [key, v] of cells) if (typed.has(key)) all.set(key, v);
      out.push({ unitId, year, cells: all });
    }
  }
  return out;
}

/**
 * Writes the demo of the form BM-PII: the values each report needs (the cells the annual demo
 * already filled are left as they are), then the reports, accepted, with their steps.
 */
export async function seedDemoPii(
  ctx: Ctx,
  today = todayInVietnam(new Date()),
): Promise<PiiDemoResult> {
  return withDemoForm(ctx, PII_FORM_CODE, NO_PII, async (demo) => {
    const { tx, audit, catalogue, form, registry, indicatorCodes, assigned } = demo;

    const plans: PlannedReport[] = [];
    const reporters = new Map<number, string[]>();
    for (const year of PII_DEMO_YEARS) {
      const period = makePeriod('year', 'statistical', year)!;
      const schedule = await scheduleFor(tx, form, period);
      if (schedule.opensOn > today) continue;
      const ids = reportersOf(registry, assigned, period);
      reporters.set(year, ids);
      for (const unitId of ids) {
        plans.push(planReport(unitId, year, schedule, 'accepted', today, false, form.code));
      }
    }

    const stored = new Map(
      (
        await readValuesOf(tx, {
          unitIds: [...new Set([...reporters.values()].flat())],
          periodCodes: [...reporters.keys()].map(String),
          indicatorCodes,
        })
      ).map((v) => [keyOf(v), v]),
    );
    const generated = generatePiiInputs({
      catalogue,
      registry,
      indicatorCodes,
      reporters,
    });
    const writes: ValueWrite[] = generated.flatMap((uy) =>
      [...uy.cells].map(([key, num]) => {
        const [indicatorCode, optionCode] = key.split('\u0001') as [string, string];
        return {
          indicatorCode,
          optionCode,
          unitId: uy.unitId,
          periodCode: String(uy.year),
          num,
          txt: null,
        };
      }),
    );
    // What someone already wrote stays.
    const missing = writes.filter((w) => !stored.has(keyOf(w)));

    // The values every report then holds must pass the catalogue's rules: a failure is a bug.
    const byUnitYear = new Map<string, Map<string, number>>();
    const numbersOf = (unitId: string, periodCode: string) => {
      const k = `${unitId}|${periodCode}`;
      let m = byUnitYear.get(k);
      if (!m) byUnitYear.set(k, (m = new Map()));
      return m;
    };
    for (const v of stored.values()) {
      if (v.num !== null)
        numbersOf(v.unitId, v.periodCode).set(cellKey(v.indicatorCode, v.optionCode), v.num);
    }
    for (const w of missing)
      numbersOf(w.unitId, w.periodCode).set(cellKey(w.indicatorCode, w.optionCode), w.num!);
    const inForm = new Set(indicatorCodes);
    for (const [k, typed] of byUnitYear) {
      const unitId = k.split('|')[0]!;
      const rules = catalogue
        .rulesFor(form.code, unitId)
        .filter((r) => r.parsed.references.every((ref) => inForm.has(ref.split('.')[0]!)));
      const failed = evaluateRules(rules, derivedNumbers(catalogue, typed)).filter(
        (r) => r.outcome.status === 'failed',
      );
      if (failed.length > 0) {
        throw new Error(`Demo PII: rule ${failed[0]!.rule.code} fails for ${k.replace('|', ' ')}`);
      }
    }

    const batchId = await insertDemoBatch(tx, {
      formCode: form.code,
      periods: [...reporters.keys()].map(String),
      synthetic: missing.length,
      real: 0,
      note: 'Số liệu minh họa (tổng hợp) đầu vào Bộ chỉ số ĐMST cấp địa phương, để trình diễn; không phải số liệu thống kê.',
    });
    await writeValues(tx, missing, {
      // Only keys without a row are written.
      stored: new Map(),
      channel: 'import',
      actorUsername: DEMO_ACTOR,
      batchId,
      synthetic: true,
    });

    const { rows, statuses } = await writePlannedReports(tx, form.id, plans);
    await audit({
      entityType: 'stat_import',
      entityId: batchId,
      action: 'create',
      after: { formCode: form.code, synthetic: missing.length, real: 0, reports: statuses },
    });
    return { piiValues: missing.length, piiReports: rows.length };
  });
}
