import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../src/core/context.js';
import {
  cellKey,
  derivedNumbers,
  evaluateRules,
  refCell,
} from '../../src/modules/statistics/catalogue.js';
import { loadCatalogue } from '../../src/modules/statistics/catalogue.repo.js';
import { seedDemoPii, type PiiDemoResult } from '../../src/seed/demo-pii.js';
import { seedDemoStatistics } from '../../src/seed/demo-statistics.js';
import { illustrativeFramework, PII_FORM_CODE } from '../../src/seed/pii-framework.js';
import { createTestApp, type Client, type TestApp } from '../support/harness.js';

/**
 * The demo of the index's inputs, seeded after the annual statistics as the demo seed does: every
 * province's BM-PII report accepted for the data years 2023 and 2024 (63 former provinces) and
 * 2025 (34 provinces), every input of the illustrative framework filled where its report is
 * accepted, the annual form's own figures and workflow left as they were.
 */
const TODAY = '2026-11-22';
const NOW = new Date('2026-11-22T03:00:00Z');
const HAI_PHONG = '31@2025-07-01';

let t: TestApp;
let ministry: Client;
let officer: Client;
let seeded: PiiDemoResult;
let seconds: number;
let formId: string;
let annualFormId: string;
let annualValuesBefore: Map<string, number | null>;

async function rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await t.database.pool.query(sql, params)).rows as T[];
}

/** Every stored value of a unit-year, by cell. */
async function valuesOf(periods: string[]) {
  const list = await rows<{
    indicator_code: string;
    option_code: string;
    unit_id: string;
    period_code: string;
    num: string | null;
    synthetic: boolean;
  }>(
    `SELECT indicator_code, option_code, unit_id, period_code, num, synthetic FROM stat_values
     WHERE period_code = ANY($1)`,
    [periods],
  );
  const out = new Map<string, Map<string, number>>();
  for (const v of list) {
    const k = `${v.unit_id}|${v.period_code}`;
    if (!out.has(k)) out.set(k, new Map());
    if (v.num !== null) out.get(k)!.set(cellKey(v.indicator_code, v.option_code), Number(v.num));
  }
  return { list, byUnitYear: out };
}

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  [ministry, officer] = await Promise.all([t.login('bo.dieuphoi'), t.login('hp.chuyenvien')]);
  const ctx = systemCtx(t.database, 'demo-seed');
  await seedDemoStatistics(ctx, TODAY);
  annualValuesBefore = new Map(
    (
      await rows<{ k: string; num: string | null }>(
        `SELECT indicator_code || '|' || option_code || '|' || unit_id || '|' || period_code AS k, num
         FROM stat_values`,
      )
    ).map((r) => [r.k, r.num === null ? null : Number(r.num)]),
  );
  const started = performance.now();
  seeded = await seedDemoPii(ctx, TODAY);
  seconds = (performance.now() - started) / 1000;
  const forms = (await ministry.get('/api/v1/statistics/forms')).body.items as Array<{
    id: string;
    code: string;
  }>;
  formId = forms.find((f) => f.code === PII_FORM_CODE)!.id;
  annualFormId = forms.find((f) => f.code === 'BM-KHCN-NAM')!.id;
});
afterAll(() => t.close());

describe('demo of the innovation index inputs', () => {
  it('accepts every province’s BM-PII report: 63 former provinces for 2023 and 2024, the 34 for 2025', async () => {
    expect(seeded.piiReports).toBe(63 * 2 + 34);
    expect(seconds).toBeLessThan(10);
    for (const [period, expected] of [
      ['2023', 63],
      ['2024', 63],
      ['2025', 34],
    ] as const) {
      const res = await ministry.get(
        `/api/v1/statistics/completeness?formId=${formId}&periodCode=${period}`,
      );
      expect(res.status).toBe(200);
      expect(res.body.summary).toMatchObject({ expected, accepted: expected, notStarted: 0 });
    }
    const hp = await officer.get(
      `/api/v1/statistics/reports?formId=${formId}&unitId=${encodeURIComponent(HAI_PHONG)}&periodCode=2025`,
    );
    expect(hp.status).toBe(200);
    expect(hp.body.status).toBe('accepted');
  });

  it('fills every indicator and denominator of each edition for every province whose reports are accepted', async () => {
    const catalogue = await loadCatalogue(t.database.db);
    // The figures the annual form collects are there only as its reports stand: in 2025 some are
    // drafts or not started.
    const annual2025 = await ministry.get(
      `/api/v1/statistics/completeness?formId=${annualFormId}&periodCode=2025`,
    );
    const annualPending = new Set<string>(
      annual2025.body.units
        .filter((u: { status: string }) => u.status !== 'accepted')
        .map((u: { unitId: string }) => u.unitId),
    );
    expect(annualPending.has(HAI_PHONG)).toBe(true);
    const { byUnitYear } = await valuesOf(['2023', '2024', '2025']);
    const editions = [
      { year: 2024, data: '2023', provinces: '@2008-08-01', count: 63 },
      { year: 2025, data: '2024', provinces: '@2008-08-01', count: 63 },
      { year: 2026, data: '2025', provinces: '@2025-07-01', count: 34 },
    ];
    for (const e of editions) {
      const nodes = illustrativeFramework({
        year: e.year,
        unitBasis: e.provinces === '@2025-07-01' ? 'provinces-34' : 'provinces-63',
      }).filter((n) => n.sourceIndicator !== null);
      const units = [...byUnitYear.keys()].filter(
        (k) => k.endsWith(`|${e.data}`) && k.includes(e.provinces),
      );
      expect(units).toHaveLength(e.count);
      const missing: string[] = [];
      for (const k of units) {
        const numbers = derivedNumbers(catalogue, byUnitYear.get(k)!);
        for (const n of nodes) {
          const c = refCell(n.sourceIndicator!);
          const v = numbers.get(cellKey(c.indicatorCode, c.optionCode));
          const own = catalogue.indicator(c.indicatorCode)?.group === 'PII';
          const pending = e.data === '2025' && annualPending.has(k.split('|')[0]!);
          if ((v === undefined || !Number.isFinite(v)) && (own || !pending)) {
            missing.push(`${k} ${n.code}`);
          }
        }
      }
      expect(missing).toEqual([]);
    }
  });

  it('passes every rule of the catalogue on the values each report holds', async () => {
    const catalogue = await loadCatalogue(t.database.db);
    const onForm = new Set<string>(
      (await ministry.get(`/api/v1/statistics/forms/${formId}`)).body.indicators,
    );
    const { byUnitYear } = await valuesOf(['2023', '2024', '2025']);
    const failed: string[] = [];
    let checked = 0;
    for (const [k, typed] of byUnitYear) {
      const results = evaluateRules(
        catalogue.rulesFor(PII_FORM_CODE, k.split('|')[0]!),
        derivedNumbers(catalogue, typed),
      );
      for (const r of results) {
        // The annual form's few warnings are explained there; the form's own rules all pass.
        const own = r.rule.parsed.references.every((ref) => onForm.has(ref.split('.')[0]!));
        if (r.outcome.status === 'passed' && own) checked++;
        if (r.outcome.status === 'failed' && (r.rule.severity === 'error' || own)) {
          failed.push(`${k} ${r.rule.code}`);
        }
      }
    }
    expect(failed).toEqual([]);
    // 160 unit-years, each checked against the scales and the enterprise and population counts.
    expect(checked).toBeGreaterThan(160 * 20);
  });

  it('writes plausible synthetic figures: scores on their scales, big cities ahead', async () => {
    const { list, byUnitYear } = await valuesOf(['2025']);
    const value = (unitId: string, code: string) =>
      byUnitYear.get(`${unitId}|2025`)!.get(cellKey(code, ''))!;
    const column = (code: string) => [...byUnitYear.values()].map((m) => m.get(cellKey(code, ''))!);
    for (const code of ['PCI_LEGAL_INSTITUTIONS', 'PCI_ENTRY_COSTS', 'PCI_PROACTIVITY']) {
      for (const v of column(code)) {
        expect(v).toBeGreaterThan(4);
        expect(v).toBeLessThan(10);
      }
    }
    for (const v of column('TRAINED_LABOUR_SHARE')) expect(v).toBeGreaterThan(0);
    for (const v of column('HDI')) expect(v).toBeLessThan(1);
    const perPerson = (unitId: string) =>
      value(unitId, 'ENT_WITH_INNOVATION') / value(unitId, 'PROV_ENTERPRISES');
    // Hà Nội: more people, more enterprises, a larger share of them innovating, than Lai Châu.
    expect(value('01@2025-07-01', 'PROV_POPULATION')).toBeGreaterThan(
      5 * value('12@2025-07-01', 'PROV_POPULATION'),
    );
    expect(perPerson('01@2025-07-01')).toBeGreaterThan(perPerson('12@2025-07-01'));
    expect(value('01@2025-07-01', 'TRAINED_LABOUR_SHARE')).toBeGreaterThan(
      value('12@2025-07-01', 'TRAINED_LABOUR_SHARE'),
    );
    // Every figure the index's own inputs hold is labelled synthetic.
    const pii = list.filter((v) => v.indicator_code === 'PCI_PROACTIVITY');
    expect(pii.length).toBe(34);
    expect(pii.every((v) => v.synthetic)).toBe(true);
    expect(seeded.piiValues).toBeGreaterThan(35 * (63 * 2 + 34));
  });

  it('leaves the annual form as it was: its figures unchanged, Hải Phòng still drafting', async () => {
    const after = await rows<{ k: string; num: string | null }>(
      `SELECT indicator_code || '|' || option_code || '|' || unit_id || '|' || period_code AS k, num
       FROM stat_values`,
    );
    const changed = after.filter(
      (r) =>
        annualValuesBefore.has(r.k) &&
        annualValuesBefore.get(r.k) !== (r.num === null ? null : Number(r.num)),
    );
    expect(changed).toEqual([]);
    const annual = await ministry.get(
      `/api/v1/statistics/completeness?formId=${annualFormId}&periodCode=2025`,
    );
    const status = (id: string) =>
      annual.body.units.find((u: { unitId: string }) => u.unitId === id).status;
    expect(status(HAI_PHONG)).toBe('draft');
    expect(status('37@2025-07-01')).toBe('not_started');
    // BM-PII adds nothing to the annual form's figures: Ninh Bình, which has not started its
    // annual report, has no GRDP for 2025.
    const grdp = await rows<{ num: string }>(
      `SELECT num FROM stat_values WHERE indicator_code = 'PROV_GRDP' AND unit_id = $1
       AND period_code = '2025'`,
      ['37@2025-07-01'],
    );
    expect(grdp).toEqual([]);
  });
});
