import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  PiiAudit,
  PiiComparison,
  PiiHistoryPoint,
  PiiProfile,
  PiiRun,
  PiiRunSummary,
  PiiRunVerification,
} from '@caunoi/shared';
import { computeOutputs, inputHashOf, type RunInputs } from '../../src/modules/pii/runs.service.js';
import { createTestApp, type Client, type TestApp } from '../support/harness.js';
import { auditRows } from '../support/factories/accounts.js';
import {
  figure,
  insertAcceptedValues,
  insertEdition,
  piiNode,
  RUN_FRAMEWORK,
  unitsOn,
} from '../support/factories/pii.js';

const API = '/api/v1/pii';
const HAI_PHONG = '31@2025-07-01';
const FORMER_HAI_PHONG = '31@2008-08-01';

let t: TestApp;
let coordinator: Client;
let officer: Client;
let viewer: Client;
/** Today's 34 provinces and the 63 former ones. */
let units34: string[];
let units63: string[];
/** Editions: on the 34 with 2025 data, on the 63 with 2024 data, on the 34 with 2024 data. */
let ed34: string;
let ed63: string;
let ed34restated: string;
/** A run of ed34 computed in beforeAll, with 200 replications. */
let run: PiiRun;

const compute = (client: Client, body: Record<string, unknown>) => client.post(`${API}/runs`, body);

async function computeOk(body: Record<string, unknown>): Promise<PiiRun> {
  const res = await compute(coordinator, body);
  expect(res.status, JSON.stringify(res.body).slice(0, 600)).toBe(201);
  return res.body as PiiRun;
}

const countRuns = async () =>
  (await t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM pii_runs`))
    .rows[0]!.n;

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.login('bo.dieuphoi');
  officer = await t.login('hp.chuyenvien');
  viewer = await t.login('nb.chuyenvien');
  units34 = unitsOn(t, '2026-01-01');
  units63 = unitsOn(t, '2025-06-30');
  await insertAcceptedValues(t, { year: 2025, unitIds: units34 });
  await insertAcceptedValues(t, { year: 2024, unitIds: units63 });
  ed34 = await insertEdition(t, { unitBasis: 'provinces-34', dataYear: 2025 });
  ed63 = await insertEdition(t, { unitBasis: 'provinces-63', dataYear: 2024 });
  ed34restated = await insertEdition(t, { unitBasis: 'provinces-34', dataYear: 2024 });
  run = await computeOk({ editionId: ed34, uncertaintyRuns: 200 });
});

afterAll(async () => {
  await t?.close();
});

describe('POST /pii/runs', () => {
  it('asks for a session, refuses a province officer and checks the body', async () => {
    expect((await compute(t.anonymous, { editionId: ed34 })).status).toBe(401);
    const forbidden = await compute(officer, { editionId: ed34 });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('FORBIDDEN');
    const bad = await compute(coordinator, { editionId: 'ấn-bản', uncertaintyRuns: 6000 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_ERROR');
    const unknown = await compute(coordinator, {
      editionId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.status).toBe(404);
  });

  it('ranks the 34 provinces from the accepted 2025 values, with rank intervals', () => {
    expect(run.editionId).toBe(ed34);
    expect(run.dataYear).toBe(2025);
    expect(run.unitCount).toBe(34);
    expect(run.indicatorCount).toBe(7);
    expect(run.illustrative).toBe(true);
    expect(run.uncertaintyRuns).toBe(200);
    expect(run.createdBy).toBe('bo.dieuphoi');
    expect(run.inputHash).toMatch(/^[0-9a-f]{64}$/);
    expect(run.ranking).toHaveLength(34);
    expect(new Set(run.ranking.map((r) => r.unitId))).toEqual(new Set(units34));
    // Sorted by rank; the index score decreases with the rank.
    const ranks = run.ranking.map((r) => r.rank!);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(ranks[0]).toBe(1);
    for (let i = 1; i < run.ranking.length; i++) {
      expect(run.ranking[i]!.score!).toBeLessThanOrEqual(run.ranking[i - 1]!.score!);
    }
    // The index first, then the sub-indexes, pillars, sub-pillars.
    expect(run.aggregates.map((a) => a.code)).toEqual([
      'PII',
      'INPUT',
      'OUTPUT',
      'P1',
      'P6',
      'P1.1',
      'P6.1',
    ]);
    const hp = run.ranking.find((r) => r.unitId === HAI_PHONG)!;
    expect(hp.unitName).toBe('Hải Phòng');
    expect(hp.regionVi).toBeTruthy();
    expect(Object.keys(hp.aggregates).sort()).toEqual(['INPUT', 'OUTPUT', 'P1', 'P6']);
    // The index is the mean of the two sub-indexes (arithmetic, equal weights).
    expect(hp.score).toBeCloseTo(
      (hp.aggregates.INPUT!.score! + hp.aggregates.OUTPUT!.score!) / 2,
      9,
    );
    const interval = hp.rankInterval!;
    expect(interval.nominal).toBe(hp.rank);
    expect(interval.q5!).toBeLessThanOrEqual(interval.median!);
    expect(interval.median!).toBeLessThanOrEqual(interval.q95!);
    expect(interval.q5!).toBeGreaterThanOrEqual(1);
    expect(interval.q95!).toBeLessThanOrEqual(34);
  });

  it('records the computation in the audit log', async () => {
    const rows = await auditRows(t, { entityType: 'pii_run', entityId: run.id });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.action).toBe('create');
    expect(rows[0]!.actorUsername).toBe('bo.dieuphoi');
    expect((rows[0]!.after as { inputSha256: string }).inputSha256).toBe(run.inputHash);
  });

  it('runs 1,000 replications by default and gives the same hash to the same inputs', async () => {
    const first = await computeOk({ editionId: ed34 });
    expect(first.uncertaintyRuns).toBe(1000);
    const second = await computeOk({ editionId: ed34 });
    expect(second.id).not.toBe(first.id);
    expect(second.inputHash).toBe(first.inputHash);
    expect(second.ranking).toEqual(first.ranking);
    // Another replication count is another input.
    expect(first.inputHash).not.toBe(run.inputHash);
  });

  it('refuses when nothing of the data year was accepted, and writes nothing', async () => {
    const edition = await insertEdition(t, { unitBasis: 'provinces-34', dataYear: 2021 });
    const before = await countRuns();
    const res = await compute(coordinator, { editionId: edition, uncertaintyRuns: 0 });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('PII_NO_DATA');
    expect(res.body.error.message).toContain('2021');
    expect(await countRuns()).toBe(before);
  });

  it('names the indicators without any accepted value', async () => {
    const nodes = RUN_FRAMEWORK.map((n) =>
      n.code === 'I5' ? { ...n, sourceIndicator: 'EXPORTS' } : n,
    );
    const edition = await insertEdition(t, { unitBasis: 'provinces-34', dataYear: 2025, nodes });
    const res = await compute(coordinator, { editionId: edition, uncertaintyRuns: 0 });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('PII_INDICATOR_NO_DATA');
    expect(res.body.error.message).toContain('I5 (Sự kiện khởi nghiệp)');
    expect(res.body.error.details.indicators).toEqual([
      { code: 'I5', nameVi: 'Sự kiện khởi nghiệp', sourceIndicator: 'EXPORTS', reason: 'no_value' },
    ]);
  });

  it('names the provinces whose reports are not accepted', async () => {
    // 2026: every province accepted but Hải Phòng, whose report is only submitted.
    const others = units34.filter((id) => id !== HAI_PHONG);
    await insertAcceptedValues(t, { year: 2026, unitIds: others });
    await insertAcceptedValues(t, { year: 2026, unitIds: [HAI_PHONG], status: 'submitted' });
    const edition = await insertEdition(t, { unitBasis: 'provinces-34', dataYear: 2026 });
    const res = await compute(coordinator, { editionId: edition, uncertaintyRuns: 0 });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('PII_UNIT_NO_DATA');
    expect(res.body.error.message).toContain('Hải Phòng');
    expect(res.body.error.details.units).toEqual([
      { id: HAI_PHONG, code: '31', nameVi: 'Hải Phòng' },
    ]);
  });

  it('refuses to split figures of today’s provinces back onto the former ones', async () => {
    const edition = await insertEdition(t, { unitBasis: 'provinces-63', dataYear: 2025 });
    const res = await compute(coordinator, { editionId: edition, uncertaintyRuns: 0 });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('PII_BASIS_MISMATCH');
  });

  it('restates 2024 figures of the 63 former provinces on today’s 34', async () => {
    const restated = await computeOk({ editionId: ed34restated, uncertaintyRuns: 0 });
    expect(restated.unitCount).toBe(34);
    expect(restated.ranking.every((r) => r.rankInterval === null)).toBe(true);
    const registry = t.deps.units.registry;
    // Today's Hải Phòng: every former province mapped onto it, with its share.
    const parts = units63.flatMap((id) =>
      registry
        .map(id, '2024-12-31', '2025-07-01')
        .units.filter((m) => m.unitId === HAI_PHONG)
        .map((m) => ({ id, weight: m.weight })),
    );
    expect(parts.map((p) => p.id)).toContain(FORMER_HAI_PHONG);
    expect(parts.length).toBeGreaterThan(1);
    const expected = parts.reduce(
      (s, p) => s + p.weight * figure(p.id, 'TECH_TRANSFERS_REGISTERED', 2024),
      0,
    );
    const profile = (await viewer.get(`${API}/runs/${restated.id}/units/${HAI_PHONG}`))
      .body as PiiProfile;
    expect(profile.indicators.find((i) => i.code === 'I2')!.value).toBeCloseTo(expected, 9);
  });

  it('restates a score of merged provinces as the mean of theirs weighted by population', async () => {
    // A score (a mean across units) of the former provinces, accepted on a form of its own.
    await insertAcceptedValues(t, { year: 2024, unitIds: units63, sources: ['PCI_ENTRY_COSTS'] });
    const edition = await insertEdition(t, {
      unitBasis: 'provinces-34',
      dataYear: 2024,
      nodes: [
        ...RUN_FRAMEWORK,
        piiNode({
          code: 'I8',
          type: 'Indicator',
          level: 1,
          parent: 'P1.1',
          nameVi: 'Chi phí gia nhập thị trường',
          sourceIndicator: 'PCI_ENTRY_COSTS',
        }),
      ],
    });
    const restated = await computeOk({ editionId: edition, uncertaintyRuns: 0 });
    const registry = t.deps.units.registry;
    const parts = units63.flatMap((id) =>
      registry
        .map(id, '2024-12-31', '2025-07-01')
        .units.filter((m) => m.unitId === HAI_PHONG)
        .map((m) => ({ id, weight: m.weight * figure(id, 'PROV_POPULATION', 2024) })),
    );
    expect(parts.length).toBeGreaterThan(1);
    const expected =
      parts.reduce((s, p) => s + p.weight * figure(p.id, 'PCI_ENTRY_COSTS', 2024), 0) /
      parts.reduce((s, p) => s + p.weight, 0);
    const profile = (await viewer.get(`${API}/runs/${restated.id}/units/${HAI_PHONG}`))
      .body as PiiProfile;
    expect(profile.indicators.find((i) => i.code === 'I8')!.value).toBeCloseTo(expected, 9);
    // A province that took in no other keeps its own figure.
    const ownId = units34.find(
      (id) => registry.predecessorsOf(id).length <= 1 && id !== HAI_PHONG,
    )!;
    const own = (await viewer.get(`${API}/runs/${restated.id}/units/${ownId}`)).body as PiiProfile;
    const former = units63.find(
      (id) => registry.map(id, '2024-12-31', '2025-07-01').units[0]?.unitId === ownId,
    )!;
    expect(own.indicators.find((i) => i.code === 'I8')!.value).toBe(
      figure(former, 'PCI_ENTRY_COSTS', 2024),
    );
  });
});

describe('GET /pii/runs', () => {
  it('lists runs newest first, of an edition or of all', async () => {
    expect((await t.anonymous.get(`${API}/runs`)).status).toBe(401);
    expect((await viewer.get(`${API}/runs?editionId=abc`)).status).toBe(400);
    const all = await viewer.get(`${API}/runs`);
    expect(all.status).toBe(200);
    const items = all.body.items as PiiRunSummary[];
    expect(items.length).toBeGreaterThanOrEqual(3);
    const times = items.map((i) => i.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    const of63 = await viewer.get(`${API}/runs?editionId=${ed63}`);
    expect(of63.body.items).toEqual([]);
    const of34 = (await viewer.get(`${API}/runs?editionId=${ed34}`)).body.items as PiiRunSummary[];
    expect(of34.every((r) => r.editionId === ed34)).toBe(true);
    expect(of34.map((r) => r.id)).toContain(run.id);
  });

  it('reads a run; an unknown one is 404', async () => {
    expect((await t.anonymous.get(`${API}/runs/${run.id}`)).status).toBe(401);
    expect((await viewer.get(`${API}/runs/nope`)).status).toBe(400);
    expect((await viewer.get(`${API}/runs/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    const res = await officer.get(`${API}/runs/${run.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(run);
  });
});

describe('profiles and comparison', () => {
  it('shows a province’s scores, ranks, values and marks', async () => {
    expect((await t.anonymous.get(`${API}/runs/${run.id}/units/${HAI_PHONG}`)).status).toBe(401);
    expect((await viewer.get(`${API}/runs/abc/units/${HAI_PHONG}`)).status).toBe(400);
    const res = await officer.get(`${API}/runs/${run.id}/units/${HAI_PHONG}`);
    expect(res.status).toBe(200);
    const p = res.body as PiiProfile;
    const row = run.ranking.find((r) => r.unitId === HAI_PHONG)!;
    expect(p.unitName).toBe('Hải Phòng');
    expect(p.unitCount).toBe(34);
    expect(p.rank).toBe(row.rank);
    expect(p.score).toBe(row.score);
    expect(p.rankInterval).toEqual(row.rankInterval);
    expect(p.aggregates.map((a) => a.code)).toEqual(run.aggregates.map((a) => a.code));
    expect(p.aggregates.find((a) => a.code === 'P1')).toMatchObject(row.aggregates.P1!);
    expect(p.indicators.map((i) => i.code)).toEqual(['I1', 'I2', 'I3', 'I4', 'I5', 'I6', 'I7']);
    const value = (code: string) => p.indicators.find((i) => i.code === code)!;
    // The value after its denominator, the ratio from its components.
    expect(value('I1').value).toBeCloseTo(
      figure(HAI_PHONG, 'STE_ACTIVE', 2025) / figure(HAI_PHONG, 'PROV_POPULATION', 2025),
      12,
    );
    expect(value('I3').value).toBeCloseTo(
      (figure(HAI_PHONG, 'ADMIN_PROCEDURES_ONLINE', 2025) /
        figure(HAI_PHONG, 'ADMIN_PROCEDURES', 2025)) *
        100,
      9,
    );
    expect(value('I2').value).toBe(figure(HAI_PHONG, 'TECH_TRANSFERS_REGISTERED', 2025));
    for (const i of p.indicators) {
      expect(i.score).toBeGreaterThanOrEqual(0);
      expect(i.score).toBeLessThanOrEqual(100);
      expect(i.rank).toBeGreaterThanOrEqual(1);
      if (i.rank! <= 3) expect(i.mark).toBe('strength');
    }
    expect(p.strengths).toBe(p.indicators.filter((i) => i.mark === 'strength').length);
    expect(p.weaknesses).toBe(p.indicators.filter((i) => i.mark === 'weakness').length);
    expect(p.strengths).toBeGreaterThan(0);
  });

  it('ranks a lower-is-better indicator the other way', async () => {
    const profiles = await Promise.all(
      units34.map(
        async (id) => (await viewer.get(`${API}/runs/${run.id}/units/${id}`)).body as PiiProfile,
      ),
    );
    const i6 = profiles.map((p) => ({
      raw: p.indicators.find((i) => i.code === 'I6')!.value!,
      score: p.indicators.find((i) => i.code === 'I6')!.score!,
    }));
    const fewest = i6.reduce((a, b) => (b.raw < a.raw ? b : a));
    expect(fewest.score).toBe(100);
  });

  it('answers 404 for a province the run does not rank', async () => {
    expect((await viewer.get(`${API}/runs/${run.id}/units/${FORMER_HAI_PHONG}`)).status).toBe(404);
    expect((await viewer.get(`${API}/runs/${run.id}/units/nowhere`)).status).toBe(404);
  });

  it('compares up to four provinces', async () => {
    const ids = units34.slice(0, 3);
    expect((await t.anonymous.get(`${API}/runs/${run.id}/compare?units=${ids[0]}`)).status).toBe(
      401,
    );
    const res = await viewer.get(`${API}/runs/${run.id}/compare?units=${ids.join(',')}`);
    expect(res.status).toBe(200);
    const c = res.body as PiiComparison;
    expect(c.runId).toBe(run.id);
    expect(c.profiles.map((p) => p.unitId)).toEqual(ids);
    const five = await viewer.get(
      `${API}/runs/${run.id}/compare?units=${units34.slice(0, 5).join(',')}`,
    );
    expect(five.status).toBe(400);
    expect((await viewer.get(`${API}/runs/${run.id}/compare?units=`)).status).toBe(400);
    expect((await viewer.get(`${API}/runs/abc/compare?units=${HAI_PHONG}`)).status).toBe(400);
    expect(
      (
        await viewer.get(
          `${API}/runs/00000000-0000-4000-8000-000000000000/compare?units=${HAI_PHONG}`,
        )
      ).status,
    ).toBe(404);
    const outside = await viewer.get(
      `${API}/runs/${run.id}/compare?units=${HAI_PHONG},${FORMER_HAI_PHONG}`,
    );
    expect(outside.status).toBe(404);
  });
});

describe('GET /pii/runs/:id/audit', () => {
  it('gives correlations, reliability, PCA and efficiency by unit id', async () => {
    expect((await t.anonymous.get(`${API}/runs/${run.id}/audit`)).status).toBe(401);
    expect((await viewer.get(`${API}/runs/abc/audit`)).status).toBe(400);
    expect(
      (await viewer.get(`${API}/runs/00000000-0000-4000-8000-000000000000/audit`)).status,
    ).toBe(404);
    const res = await viewer.get(`${API}/runs/${run.id}/audit`);
    expect(res.status).toBe(200);
    const a = res.body as PiiAudit;
    const i1 = a.correlations.find((c) => c.code === 'I1')!;
    expect(i1.parent).toBe('P1.1');
    expect(i1.withParent).toBeGreaterThanOrEqual(-1);
    expect(i1.withParent).toBeLessThanOrEqual(1);
    const p11 = a.matrices.find((m) => m.aggregate === 'P1.1')!;
    expect(p11.codes).toEqual(['I1', 'I2', 'I3']);
    expect(p11.values.map((r, i) => r[i])).toEqual([1, 1, 1]);
    expect(a.cronbach.find((c) => c.aggregate === 'P6.1')!.items).toBe(4);
    expect(a.pca.find((c) => c.aggregate === 'P6.1')!.eigenvalues).toHaveLength(4);
    expect(a.efficiency).toHaveLength(34);
    expect(new Set(a.efficiency.map((e) => e.unitId))).toEqual(new Set(units34));
    const hp = run.ranking.find((r) => r.unitId === HAI_PHONG)!;
    expect(a.efficiency.find((e) => e.unitId === HAI_PHONG)!.ratio).toBeCloseTo(
      hp.aggregates.OUTPUT!.score! / hp.aggregates.INPUT!.score!,
      9,
    );
  });
});

describe('POST /pii/runs/:id/verify', () => {
  it('computes the run again from its inputs and finds every number equal', async () => {
    expect((await t.anonymous.post(`${API}/runs/${run.id}/verify`)).status).toBe(401);
    expect((await officer.post(`${API}/runs/${run.id}/verify`)).status).toBe(403);
    expect((await coordinator.post(`${API}/runs/x/verify`)).status).toBe(400);
    expect(
      (await coordinator.post(`${API}/runs/00000000-0000-4000-8000-000000000000/verify`)).status,
    ).toBe(404);
    const res = await coordinator.post(`${API}/runs/${run.id}/verify`);
    expect(res.status).toBe(200);
    const v = res.body as PiiRunVerification;
    expect(v).toMatchObject({
      runId: run.id,
      inputsIntact: true,
      reproduced: true,
      maxDifference: 0,
    });
    // 7 data sets of 34 units, the audit and the rank statistics.
    expect(v.checkedValues).toBeGreaterThan(34 * 14 * 5);
  });

  it('draws the same replications whatever order the stored specification’s keys come in', async () => {
    const [row] = (
      await t.database.db.execute<{ inputs: RunInputs }>(
        sql`SELECT inputs FROM pii_runs WHERE id = ${run.id}`,
      )
    ).rows;
    const inputs = row!.inputs;
    const spec = inputs.uncertainty!;
    const reversed = (o: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(o).reverse());
    const shuffled = {
      ...inputs,
      uncertainty: {
        ...spec,
        alternatives: reversed(spec.alternatives) as typeof spec.alternatives,
        weightNoise: reversed(spec.weightNoise) as typeof spec.weightNoise,
      },
    };
    const a = await computeOutputs(inputs);
    const b = await computeOutputs(shuffled);
    expect(b.uncertainty).toEqual(a.uncertainty);
    expect(inputHashOf(shuffled)).toBe(run.inputHash);
  });

  it('keeps runs immutable and notices inputs changed behind its back', async () => {
    const victim = await computeOk({ editionId: ed34, uncertaintyRuns: 20 });
    await expect(
      t.database.db.execute(sql`UPDATE pii_runs SET data_year = 1999 WHERE id = ${victim.id}`),
    ).rejects.toThrow();
    // Only by switching the trigger off can the stored inputs change: verify sees it.
    await t.database.db.execute(sql`ALTER TABLE pii_runs DISABLE TRIGGER pii_runs_no_update`);
    await t.database.db.execute(sql`
      UPDATE pii_runs SET inputs = jsonb_set(inputs, '{table,columns,I2,0}', '999999')
      WHERE id = ${victim.id}`);
    await t.database.db.execute(sql`ALTER TABLE pii_runs ENABLE TRIGGER pii_runs_no_update`);
    const v = (await coordinator.post(`${API}/runs/${victim.id}/verify`))
      .body as PiiRunVerification;
    expect(v.inputsIntact).toBe(false);
    expect(v.reproduced).toBe(false);
    expect(v.maxDifference).toBeGreaterThan(0);
  });
});

describe('GET /pii/runs/:id/export', () => {
  it('downloads the whole run as a workbook', async () => {
    expect((await t.anonymous.get(`${API}/runs/${run.id}/export`)).status).toBe(401);
    expect((await viewer.get(`${API}/runs/abc/export`)).status).toBe(400);
    expect(
      (await viewer.get(`${API}/runs/00000000-0000-4000-8000-000000000000/export`)).status,
    ).toBe(404);
    const res = await officer.get(`${API}/runs/${run.id}/export`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw.rawPayload as unknown as ArrayBuffer);
    const names = wb.worksheets.map((s) => s.name);
    expect(names.slice(0, 3)).toEqual(['Thông tin', 'Xếp hạng', 'Hồ sơ chỉ số']);
    for (const name of [
      'Dữ liệu gốc',
      'Sau chia mẫu số',
      'Sau bù số liệu thiếu',
      'Sau xử lý ngoại lai',
      'Điểm chuẩn hóa',
      'Điểm tổng hợp',
      'Thứ hạng',
      'Xử lý ngoại lai',
      'Tương quan',
      'Phân tích bất định',
      'Khung chỉ số',
      'Số liệu đầu vào',
      'Cấu hình',
    ]) {
      expect(names).toContain(name);
    }
    const info = wb.getWorksheet('Thông tin')!;
    const text = info.getSheetValues().flat().join(' ');
    expect(text).toContain(run.inputHash);
    expect(text).toContain('Khung minh họa');
    expect(text).toContain('bo.dieuphoi');
    const ranking = wb.getWorksheet('Xếp hạng')!;
    const first = ranking.getRow(2);
    expect(first.getCell(1).value).toBe(1);
    expect(first.getCell(2).value).toBe(run.ranking[0]!.unitCode);
    expect(typeof first.getCell(5).value).toBe('number');
    expect(first.getCell(5).value).toBeCloseTo(run.ranking[0]!.score!, 9);
    const profile = wb.getWorksheet('Hồ sơ chỉ số')!;
    expect(profile.rowCount).toBe(1 + 34 * 7);
  });
});

describe('GET /pii/history', () => {
  it('shows a province’s ranks, with its predecessors on the 63 former provinces', async () => {
    expect((await t.anonymous.get(`${API}/history?unitId=${HAI_PHONG}`)).status).toBe(401);
    expect((await viewer.get(`${API}/history`)).status).toBe(400);
    expect((await viewer.get(`${API}/history?unitId=99@2025-07-01`)).status).toBe(404);
    const old = await computeOk({ editionId: ed63, uncertaintyRuns: 0 });
    expect(old.unitCount).toBe(63);
    const res = await officer.get(`${API}/history?unitId=${HAI_PHONG}`);
    expect(res.status).toBe(200);
    const items = res.body.items as PiiHistoryPoint[];
    const ofOld = items.filter((i) => i.runId === old.id);
    const predecessors = t.deps.units.registry
      .predecessorsOf(HAI_PHONG)
      .map((e) => e.predecessorId);
    expect(ofOld.map((i) => i.unitId).sort()).toEqual([...predecessors].sort());
    for (const point of ofOld) {
      expect(point.predecessor).toBe(true);
      expect(point.ofN).toBe(63);
      expect(point.source).toBe('computed');
      expect(point.rank).toBe(old.ranking.find((r) => r.unitId === point.unitId)!.rank);
    }
    const own = items.filter((i) => i.unitId === HAI_PHONG && i.source === 'computed');
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((i) => !i.predecessor && i.ofN === 34)).toBe(true);
    const years = items.map((i) => i.year);
    expect(years).toEqual([...years].sort((a, b) => a - b));
  });
});
