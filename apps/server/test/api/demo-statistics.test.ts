import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../src/core/context.js';
import { cellKey, derivedNumbers, evaluateRules } from '../../src/modules/statistics/catalogue.js';
import { loadCatalogue } from '../../src/modules/statistics/catalogue.repo.js';
import { seedDemoStatistics, type StatisticsDemoResult } from '../../src/seed/demo-statistics.js';
import { cellsExplaining, typedCellsOf } from '../../src/seed/demo-statistics-values.js';
import { createTestApp, type Client, type TestApp } from '../support/harness.js';

/**
 * The statistics demo of the annual form, 2019–2025, on a database seeded with it: the figures
 * the articles state as reported values, synthetic values everywhere else, and each report's place
 * in the workflow as of November 2026.
 */
const TODAY = '2026-11-22';
const NOW = new Date('2026-11-22T03:00:00Z');
const HAI_PHONG = '31@2025-07-01';
const NINH_BINH = '37@2025-07-01';
const FORMER_HAI_PHONG = '31@2008-08-01';
const FORMER_NAM_DINH = '36@2008-08-01';

let t: TestApp;
let ministry: Client;
let officer: Client;
let namDinh: Client;
let syntheticBefore: boolean;
let seeded: StatisticsDemoResult;
let formId: string;

interface Cell {
  optionCode: string;
  value: {
    num: number | null;
    comment: string | null;
    synthetic: boolean;
    channel: string;
    updatedBy: string;
  } | null;
}
interface Indicator {
  code: string;
  derived: number | null;
  cells: Cell[];
}

const reportUrl = (unitId: string, periodCode: string) =>
  `/api/v1/statistics/reports?formId=${formId}&unitId=${encodeURIComponent(unitId)}&periodCode=${periodCode}`;
const cellOf = (report: { indicators: Indicator[] }, code: string, option = '') =>
  report.indicators.find((i) => i.code === code)!.cells.find((c) => c.optionCode === option)!;

async function rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await t.database.pool.query(sql, params)).rows as T[];
}

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  [ministry, officer, namDinh] = await Promise.all([
    t.login('bo.dieuphoi'),
    t.login('hp.chuyenvien'),
    t.login('nd.chuyenvien'),
  ]);
  syntheticBefore = (await ministry.get('/api/v1/statistics/catalogue')).body.syntheticValues;
  seeded = await seedDemoStatistics(systemCtx(t.database, 'demo-seed'), TODAY);
  const forms = (await ministry.get('/api/v1/statistics/forms')).body.items as Array<{
    id: string;
    code: string;
  }>;
  formId = forms.find((f) => f.code === 'BM-KHCN-NAM')!.id;
});
afterAll(() => t.close());

describe('statistics demo data', () => {
  it('counts what it loaded and labels the catalogue as holding synthetic values', async () => {
    expect(syntheticBefore).toBe(false);
    expect(seeded.statisticsRealValues).toBe(5);
    // 63 former provinces × 6 years and 34 − 2 not started provinces in 2025.
    expect(seeded.statisticsReports).toBe(63 * 6 + 32);
    expect(seeded.statisticsValues).toBeGreaterThan(30_000);
    const catalogue = await ministry.get('/api/v1/statistics/catalogue');
    expect(catalogue.status).toBe(200);
    expect(catalogue.body.syntheticValues).toBe(true);
  });

  it('stores the figures of the articles as reported values, each citing its article', async () => {
    const real = await rows<{
      indicator_code: string;
      unit_id: string;
      period_code: string;
      num: number;
      comment: string;
    }>(
      `SELECT indicator_code, unit_id, period_code, num, comment FROM stat_values
       WHERE NOT synthetic ORDER BY unit_id, period_code, indicator_code`,
    );
    expect(real.map((r) => [r.unit_id, r.period_code, r.indicator_code, Number(r.num)])).toEqual([
      [FORMER_HAI_PHONG, '2020', 'TFP_SHARE_GRDP_GROWTH', 40.43],
      [FORMER_HAI_PHONG, '2021', 'TFP_SHARE_GRDP_GROWTH', 41],
      [FORMER_NAM_DINH, '2022', 'IP_COMMUNITY_MARKS_SUPPORTED', 5],
      [FORMER_NAM_DINH, '2022', 'TECH_MODELS_BUILT', 15],
      [FORMER_NAM_DINH, '2022', 'TECH_PROCESSES_APPLIED', 45],
    ]);
    for (const r of real.slice(0, 2)) expect(r.comment).toMatch(/Hải Phòng.*29\/07\/2022/);
    for (const r of real.slice(2)) {
      expect(r.comment).toMatch(/Nam Định.*13\/05\/2023/);
      expect(r.comment).toMatch(/năm 2022 và 4 tháng đầu năm 2023/);
    }
  });

  it("shows Hải Phòng's reported TFP share as it stands, its components left blank", async () => {
    const res = await ministry.get(reportUrl(FORMER_HAI_PHONG, '2020'));
    expect(res.status).toBe(200);
    const share = cellOf(res.body, 'TFP_SHARE_GRDP_GROWTH');
    expect(share.value).toMatchObject({ num: 40.43, synthetic: false });
    expect(share.value!.comment).toMatch(/40,43%/);
    expect(cellOf(res.body, 'TFP_INCREASE').value).toBeNull();
    expect(cellOf(res.body, 'GRDP_INCREASE').value).toBeNull();
    // A synthetic figure next to it says what it is.
    expect(cellOf(res.body, 'TASK_IMPLEMENTED', 'TINH').value).toMatchObject({
      synthetic: true,
      channel: 'import',
      updatedBy: 'demo-seed',
    });
  });

  it("shows Nam Định's 2022 figures to its officer, as reported", async () => {
    const res = await namDinh.get(reportUrl(FORMER_NAM_DINH, '2022'));
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('accepted');
    expect(cellOf(res.body, 'TECH_PROCESSES_APPLIED').value).toMatchObject({
      num: 45,
      synthetic: false,
    });
    expect(cellOf(res.body, 'TECH_MODELS_BUILT').value!.num).toBe(15);
    expect(cellOf(res.body, 'IP_COMMUNITY_MARKS_SUPPORTED').value!.num).toBe(5);
  });

  it('holds synthetic values for the 63 former provinces in 2019–2024 and the 34 provinces in 2025', async () => {
    const byPeriod = await rows<{ period_code: string; units: number; former: number }>(
      `SELECT period_code, count(DISTINCT unit_id)::int AS units,
              count(DISTINCT unit_id) FILTER (WHERE unit_id LIKE '%@2008-08-01')::int AS former
       FROM stat_values WHERE synthetic GROUP BY period_code ORDER BY period_code`,
    );
    expect(byPeriod.map((r) => [r.period_code, r.units, r.former])).toEqual([
      ['2019', 63, 63],
      ['2020', 63, 63],
      ['2021', 63, 63],
      ['2022', 63, 63],
      ['2023', 63, 63],
      ['2024', 63, 63],
      // Two of the 34 have not started their 2025 report.
      ['2025', 32, 0],
    ]);
    const completeness = await ministry.get(
      `/api/v1/statistics/completeness?formId=${formId}&periodCode=2025`,
    );
    expect(completeness.body.summary.expected).toBe(34);
    const stored = await rows<{ unit_id: string }>(
      `SELECT DISTINCT unit_id FROM stat_values WHERE period_code = '2025'`,
    );
    const notStarted = completeness.body.units
      .filter((u: { status: string }) => u.status === 'not_started')
      .map((u: { unitId: string }) => u.unitId);
    expect([...stored.map((r) => r.unit_id), ...notStarted].sort()).toEqual(
      completeness.body.units.map((u: { unitId: string }) => u.unitId).sort(),
    );
  });

  it('fills every typed cell of a sent report, never a ratio computed from its components', async () => {
    const catalogue = await loadCatalogue(t.database.db);
    const codes = (await ministry.get(`/api/v1/statistics/forms/${formId}`)).body.indicators;
    const typed = typedCellsOf(catalogue, codes);
    const counts = await rows<{ unit_id: string; period_code: string; n: number }>(
      `SELECT v.unit_id, v.period_code, count(*) FILTER (WHERE v.num IS NOT NULL)::int AS n
       FROM stat_values v JOIN stat_reports r
         ON r.unit_id = v.unit_id AND r.period_code = v.period_code AND r.status <> 'draft'
       GROUP BY v.unit_id, v.period_code`,
    );
    expect(counts).toHaveLength(63 * 6 + 30);
    // Hải Phòng 2020 and 2021: a reported ratio instead of its two components.
    for (const c of counts)
      expect(c.n, `${c.unit_id} ${c.period_code}`).toBeGreaterThanOrEqual(typed.size - 1);
    const ratios = await rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM stat_values v JOIN stat_indicators i ON i.code = v.indicator_code
       WHERE v.synthetic AND i.unit_aggregation = 'ratio' AND v.num IS NOT NULL`,
    );
    expect(ratios[0]!.n).toBe(0);
  });

  it('fails no error rule in any unit-year, and explains each warning as a reporter must', async () => {
    const catalogue = await loadCatalogue(t.database.db);
    const values = await rows<{
      indicator_code: string;
      option_code: string;
      unit_id: string;
      period_code: string;
      num: number | null;
      comment: string | null;
    }>(`SELECT indicator_code, option_code, unit_id, period_code, num, comment FROM stat_values`);
    const byUnitYear = new Map<string, typeof values>();
    for (const v of values) {
      const k = `${v.unit_id}|${v.period_code}`;
      byUnitYear.set(k, [...(byUnitYear.get(k) ?? []), v]);
    }
    expect(byUnitYear.size).toBe(63 * 6 + 32);
    const errors: string[] = [];
    let warnings = 0;
    for (const [k, list] of byUnitYear) {
      const unitId = k.split('|')[0]!;
      const typed = new Map<string, number>();
      const comments = new Set<string>();
      for (const v of list) {
        if (v.num !== null) typed.set(cellKey(v.indicator_code, v.option_code), Number(v.num));
        if (v.comment) comments.add(cellKey(v.indicator_code, v.option_code));
      }
      const results = evaluateRules(
        catalogue.rulesFor('BM-KHCN-NAM', unitId),
        derivedNumbers(catalogue, typed),
      );
      for (const r of results) {
        if (r.outcome.status !== 'failed') continue;
        if (r.rule.severity === 'error') errors.push(`${k} ${r.rule.code}`);
        else {
          warnings++;
          const explained = cellsExplaining(catalogue, r).some((c) =>
            comments.has(cellKey(c.indicatorCode, c.optionCode)),
          );
          expect(explained, `${k} ${r.rule.code}`).toBe(true);
        }
      }
    }
    expect(errors).toEqual([]);
    expect(warnings).toBeGreaterThan(0);
    expect(warnings).toBeLessThan(byUnitYear.size * 0.03);
  });

  it('has every report of 2019–2024 accepted, most on time, a few late', async () => {
    for (const period of ['2019', '2020', '2021', '2022', '2023', '2024']) {
      const res = await ministry.get(
        `/api/v1/statistics/completeness?formId=${formId}&periodCode=${period}`,
      );
      expect(res.status).toBe(200);
      const s = res.body.summary;
      expect(s).toMatchObject({ expected: 63, accepted: 63, notStarted: 0, pending: 0 });
      expect(s.onTime + s.late).toBe(63);
      expect(s.late).toBeGreaterThan(0);
      expect(s.late).toBeLessThan(15);
    }
  });

  it('records each step of a past report in order, from submission to acceptance', async () => {
    const res = await ministry.get(reportUrl(FORMER_HAI_PHONG, '2024'));
    expect(res.body.status).toBe('accepted');
    const events = res.body.events as Array<{ action: string; at: string; actorUsername: string }>;
    const actions = events.map((e) => e.action).filter((a) => a !== 'return');
    expect(actions.slice(-3)).toEqual(['submit', 'approve', 'accept']);
    const times = events.map((e) => e.at);
    expect([...times].sort()).toEqual(times);
    expect(times[0]! > '2024-12-17').toBe(true);
    expect(events.every((e) => e.actorUsername === 'demo-seed')).toBe(true);
    const returned = await rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM stat_report_events WHERE action = 'return' AND comment IS NOT NULL`,
    );
    expect(returned[0]!.n).toBeGreaterThan(0);
  });

  it('shows the 2025 mix: most accepted, some approved or submitted, Hải Phòng drafting, Ninh Bình not started', async () => {
    const res = await ministry.get(
      `/api/v1/statistics/completeness?formId=${formId}&periodCode=2025`,
    );
    expect(res.status).toBe(200);
    const s = res.body.summary;
    expect(s.expected).toBe(34);
    expect(s.accepted).toBeGreaterThanOrEqual(20);
    expect(s.approved).toBeGreaterThanOrEqual(2);
    expect(s.submitted).toBeGreaterThanOrEqual(2);
    expect(s.draft).toBe(2);
    expect(s.notStarted).toBe(2);
    const status = (id: string) =>
      res.body.units.find((u: { unitId: string }) => u.unitId === id).status;
    expect(status(HAI_PHONG)).toBe('draft');
    expect(status(NINH_BINH)).toBe('not_started');
    // No step is dated after today.
    const last = await rows<{ at: Date }>(`SELECT max(at) AS at FROM stat_report_events`);
    expect(last[0]!.at.getTime()).toBeLessThanOrEqual(NOW.getTime());
  });

  it("leaves Hải Phòng's officer a reopened 2025 draft, partly filled, to finish and send", async () => {
    const res = await officer.get(reportUrl(HAI_PHONG, '2025'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'draft', reopened: true, editable: true });
    expect(res.body.returnComment).toMatch(/mở lại/);
    const filled = (res.body.indicators as Indicator[]).filter((i) =>
      i.cells.some((c) => c.value?.num !== null && c.value?.num !== undefined),
    );
    expect(filled.length).toBeGreaterThan(5);
    expect(filled.length).toBeLessThan(res.body.indicators.length / 2);
    expect(cellOf(res.body, 'INNOV_EVENTS').value).toBeNull();

    const saved = await officer.put('/api/v1/statistics/reports/values', {
      formId,
      unitId: HAI_PHONG,
      periodCode: '2025',
      values: [{ indicatorCode: 'INNOV_EVENTS', optionCode: '', value: '12' }],
    });
    expect(saved.status).toBe(200);
    expect(saved.body.state.cells).toEqual([
      expect.objectContaining({
        indicatorCode: 'INNOV_EVENTS',
        optionCode: '',
        value: expect.objectContaining({ num: 12, synthetic: false }),
      }),
    ]);
    const sent = await officer.post(`/api/v1/statistics/reports/${res.body.id}/submit`, {});
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body.status).toBe('submitted');
  });

  it('flags few outliers in the report of a large city: its economy, not its paperwork', async () => {
    const res = await ministry.get(reportUrl('01@2008-08-01', '2024'));
    expect(res.status).toBe(200);
    const cells = (res.body.indicators as Indicator[]).flatMap((i) => i.cells);
    expect(cells.filter((c) => c.value?.synthetic).length).toBeGreaterThan(70);
    const flagged = res.body.outliers as Array<{ indicatorCode: string; against: string }>;
    expect(flagged.length).toBeLessThanOrEqual(4);
    expect(flagged).toContainEqual(
      expect.objectContaining({ indicatorCode: 'PROV_GRDP', against: 'peers' }),
    );
  });
});
