import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../support/harness.js';
import { auditRows, countAudit } from '../support/factories/accounts.js';
import {
  agreedProposal,
  answerProposal,
  createProposal,
  createRoadmap,
  HP,
  multipart,
  NB,
  ND,
  proposalRow,
  roadmapItemRows,
  roadmapRow,
} from '../support/factories/proposals.js';

const API = '/api/v1/roadmaps';
const ITEMS = '/api/v1/roadmap-items';
let clock = new Date('2026-02-02T02:00:00Z');

let t: TestApp;
let bo: Client;
let vu: Client;
let hp: Client;
let nb: Client;
let nd: Client;
let xem: Client;

interface Item {
  id: string;
  proposalId: string;
  proposalTitle: string;
  plannedYear: number | null;
  pinnedYear: number | null;
  excluded: boolean;
  agreed: boolean;
  cost: number;
  durationYears: number;
  value: number;
  dependsOn: string[];
}

/** Three agreed Hải Phòng proposals: X (600, best scores), Y and Z (500 each, lower scores). */
const P: Record<'x' | 'y' | 'z' | 'w', { id: string; title: string }> = {} as never;

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  [bo, vu, hp, nb, nd, xem] = await Promise.all([
    t.login('bo.dieuphoi'),
    t.login('vu.diaphuong'),
    t.login('hp.chuyenvien'),
    t.login('nb.chuyenvien'),
    t.login('nd.chuyenvien'),
    t.login('xem'),
  ]);
  P.x = await agreedProposal(bo, {
    title: 'X: Trung tâm đổi mới sáng tạo thành phố',
    estimatedCost: 600,
  });
  P.y = await agreedProposal(bo, { title: 'Y: Phòng thí nghiệm kinh tế biển', estimatedCost: 500 });
  P.z = await agreedProposal(bo, {
    title: 'Z: Đào tạo chuyên gia thẩm định công nghệ',
    estimatedCost: 500,
  });
  P.w = await agreedProposal(bo, { title: 'W: Sàn giao dịch công nghệ', estimatedCost: 300 });
});
afterAll(() => t.close());

const itemOf = (body: { items: Item[] }, proposalId: string) =>
  body.items.find((i) => i.proposalId === proposalId)!;

/** A Hải Phòng roadmap with X, Y, Z scored so that X is worth 5 and Y, Z 4 each. */
async function knapsackRoadmap(startYear: number, endYear: number, amount = 1000) {
  const r = await createRoadmap(hp, {
    title: `Lộ trình ${startYear}–${endYear}`,
    startYear,
    endYear,
  });
  const years = Array.from({ length: endYear - startYear + 1 }, (_, i) => ({
    year: startYear + i,
    amount,
  }));
  expect((await hp.put(`${API}/${r.id}/envelopes`, { envelopes: years })).status).toBe(200);
  const added = await hp.post(`${API}/${r.id}/items`, { proposalIds: [P.x.id, P.y.id, P.z.id] });
  expect(added.status, JSON.stringify(added.body)).toBe(200);
  for (const [p, s] of [
    [P.x, 5],
    [P.y, 4],
    [P.z, 4],
  ] as const) {
    const res = await hp.patch(`${ITEMS}/${itemOf(added.body, p.id).id}`, {
      scores: { alignment: s, impact: s, readiness: s, cost: s },
    });
    expect(res.status).toBe(200);
  }
  return (await hp.get(`${API}/${r.id}`)).body as { id: string; items: Item[] };
}

describe('GET /roadmaps', () => {
  it('answers 401 and 400', async () => {
    expect((await t.anonymous.get(API)).status).toBe(401);
    expect((await xem.get(`${API}?pageSize=0`)).status).toBe(400);
  });

  it('shows a province its roadmaps and those of the provinces it was formed from', async () => {
    const hpMap = await createRoadmap(hp, { title: 'Lộ trình Hải Phòng' });
    const ndMap = await createRoadmap(nd, {
      unitId: ND,
      title: 'Lộ trình Nam Định',
      startYear: 2023,
      endYear: 2027,
    });
    const ids = async (c: Client, q = '') =>
      ((await c.get(`${API}?pageSize=500${q}`)).body.items as Array<{ id: string }>).map(
        (r) => r.id,
      );
    expect(await ids(hp)).toContain(hpMap.id);
    expect(await ids(hp)).not.toContain(ndMap.id);
    expect(await ids(nb)).toEqual([ndMap.id]);
    expect(await ids(nd)).toEqual([ndMap.id]);
    expect(await ids(xem, `&unitId=${encodeURIComponent(NB)}`)).toEqual([ndMap.id]);
    const list = await vu.get(`${API}?unitId=${encodeURIComponent(HP)}`);
    expect(list.body.items.find((r: { id: string }) => r.id === hpMap.id)).toMatchObject({
      unit: { id: HP },
      itemCount: 0,
      plannedCount: 0,
      plannedAt: null,
    });
  });
});

describe('POST /roadmaps and PATCH, DELETE', () => {
  it('answers 401 and 403 for roles without the function or outside the province', async () => {
    const body = { unitId: HP, title: 'L', startYear: 2026, endYear: 2030 };
    expect((await t.anonymous.post(API, body)).status).toBe(401);
    expect((await vu.post(API, body)).status).toBe(403);
    expect((await xem.post(API, body)).status).toBe(403);
    expect((await nb.post(API, body)).status).toBe(403);
  });

  it('validates the span and the weights, writing nothing', async () => {
    const audits = await countAudit(t, { entityType: 'roadmap' });
    const base = { unitId: HP, title: 'Lộ trình sai', startYear: 2026, endYear: 2030 };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ endYear: 2025 }, 'body.endYear'],
      [{ endYear: 2041 }, 'body.endYear'],
      [{ weights: { alignment: 0, impact: 0, readiness: 0, cost: 0 } }, 'body.weights'],
      [{ weights: { alignment: -1, impact: 1, readiness: 1, cost: 1 } }, 'body.weights.alignment'],
      [{ unitId: '99@2025-07-01' }, 'body.unitId'],
      [{ engagementId: randomUUID() }, 'body.engagementId'],
    ];
    for (const [patch, path] of cases) {
      const res = await hp.post(API, { ...base, ...patch });
      expect(res.status, path).toBe(400);
      expect(
        res.body.error.details.map((d: { path: string }) => d.path),
        path,
      ).toContain(path);
    }
    expect(await countAudit(t, { entityType: 'roadmap' })).toBe(audits);
  });

  it('creates a roadmap with normalised default weights and a zero envelope per year', async () => {
    const r = await createRoadmap(hp, { startYear: 2026, endYear: 2028 });
    const detail = (await hp.get(`${API}/${r.id}`)).body;
    expect(detail).toMatchObject({
      weights: { alignment: 0.3, impact: 0.35, readiness: 0.2, cost: 0.15 },
      envelopes: [
        { year: 2026, amount: 0 },
        { year: 2027, amount: 0 },
        { year: 2028, amount: 0 },
      ],
      items: [],
      lastPlan: null,
      planStale: false,
      canEdit: true,
    });
    const [entry] = await auditRows(t, { entityId: r.id });
    expect(entry).toMatchObject({ action: 'create', entityType: 'roadmap' });
    expect((await bo.get(`${API}/${r.id}`)).body.canEdit).toBe(true);
    expect((await xem.get(`${API}/${r.id}`)).body.canEdit).toBe(false);
  });

  it('answers 404 outside the scope', async () => {
    const r = await createRoadmap(hp);
    expect((await nb.get(`${API}/${r.id}`)).status).toBe(404);
    expect((await nb.patch(`${API}/${r.id}`, { title: 'x' })).status).toBe(404);
    expect((await nb.delete(`${API}/${r.id}`)).status).toBe(404);
    expect((await xem.get(`${API}/${randomUUID()}`)).status).toBe(404);
    expect((await xem.get(`${API}/abc`)).status).toBe(400);
  });

  it('normalises new weights; narrowing the span drops envelopes outside it but never a pinned item', async () => {
    const r = await createRoadmap(hp, { startYear: 2026, endYear: 2030 });
    await hp.put(`${API}/${r.id}/envelopes`, {
      envelopes: [2026, 2027, 2028, 2029, 2030].map((year) => ({ year, amount: 100 })),
    });
    const res = await hp.patch(`${API}/${r.id}`, {
      weights: { alignment: 3, impact: 3, readiness: 2, cost: 2 },
      endYear: 2028,
    });
    expect(res.status).toBe(200);
    expect(res.body.weights).toEqual({ alignment: 0.3, impact: 0.3, readiness: 0.2, cost: 0.2 });
    expect(res.body.envelopes.map((e: { year: number }) => e.year)).toEqual([2026, 2027, 2028]);

    const added = await hp.post(`${API}/${r.id}/items`, { proposalIds: [P.w.id] });
    await hp.patch(`${ITEMS}/${added.body.items[0].id}`, { pinnedYear: 2028 });
    const refused = await hp.patch(`${API}/${r.id}`, { endYear: 2027 });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('W: Sàn giao dịch công nghệ');
    expect((await roadmapRow(t, r.id))!.endYear).toBe(2028);
  });

  it('deletes a roadmap with its items, keeping the proposals', async () => {
    const r = await createRoadmap(hp);
    await hp.post(`${API}/${r.id}/items`, { proposalIds: [P.w.id] });
    expect((await xem.delete(`${API}/${r.id}`)).status).toBe(403);
    expect((await t.anonymous.delete(`${API}/${r.id}`)).status).toBe(401);
    const res = await hp.delete(`${API}/${r.id}`);
    expect(res.status).toBe(204);
    expect(await roadmapRow(t, r.id)).toBeUndefined();
    expect(await roadmapItemRows(t, r.id)).toEqual([]);
    expect(await proposalRow(t, P.w.id)).toBeDefined();
    const [entry] = await auditRows(t, { entityId: r.id });
    expect(entry).toMatchObject({
      action: 'delete',
      before: expect.objectContaining({ proposalIds: [P.w.id] }),
    });
  });
});

describe('PUT /roadmaps/:id/envelopes', () => {
  it('answers 401, 403, 400 and 404; stores all years at once, audited', async () => {
    const r = await createRoadmap(hp, { startYear: 2026, endYear: 2027 });
    const url = `${API}/${r.id}/envelopes`;
    expect((await t.anonymous.put(url, { envelopes: [] })).status).toBe(401);
    expect((await xem.put(url, { envelopes: [] })).status).toBe(403);
    expect((await nb.put(url, { envelopes: [] })).status).toBe(404);
    for (const envelopes of [
      [{ year: 2029, amount: 1 }],
      [
        { year: 2026, amount: 1 },
        { year: 2026, amount: 2 },
      ],
      [{ year: 2026, amount: -5 }],
    ]) {
      const res = await hp.put(url, { envelopes });
      expect(res.status, JSON.stringify(envelopes)).toBe(400);
      expect(res.body.error.details[0].path).toMatch(/^body\.envelopes\.\d\.(year|amount)$/);
    }
    const ok = await hp.put(url, {
      envelopes: [
        { year: 2027, amount: 1500.5 },
        { year: 2026, amount: 2000 },
      ],
    });
    expect(ok.status).toBe(200);
    expect(ok.body.envelopes).toEqual([
      { year: 2026, amount: 2000 },
      { year: 2027, amount: 1500.5 },
    ]);
    const [entry] = await auditRows(t, { entityId: r.id, action: 'set_envelopes' });
    expect(entry!.after).toEqual({
      envelopes: [
        { year: 2026, amount: 2000 },
        { year: 2027, amount: 1500.5 },
      ],
    });
  });
});

describe('roadmap items', () => {
  it('takes only proposals the Ministry agreed to, of the roadmap’s province, writing nothing otherwise', async () => {
    const r = await createRoadmap(hp);
    const pending = await createProposal(hp, { title: 'Chưa được trả lời' });
    const refused = await createProposal(hp, { title: 'Bị từ chối' });
    await answerProposal(bo, refused.id, 'not_agreed');
    const other = await agreedProposal(bo, { unitId: NB, title: 'Của Ninh Bình' });
    const url = `${API}/${r.id}/items`;
    expect((await t.anonymous.post(url, { proposalIds: [P.w.id] })).status).toBe(401);
    expect((await vu.post(url, { proposalIds: [P.w.id] })).status).toBe(403);
    expect((await nb.post(url, { proposalIds: [P.w.id] })).status).toBe(404);
    expect((await hp.post(url, { proposalIds: [] })).status).toBe(400);

    const res = await hp.post(url, { proposalIds: [P.w.id, pending.id, refused.id, other.id] });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      {
        path: 'body.proposalIds.1',
        message: expect.stringContaining('chưa được Bộ đồng ý (Chưa trả lời)'),
      },
      { path: 'body.proposalIds.2', message: expect.stringContaining('(Không đồng ý)') },
      { path: 'body.proposalIds.3', message: expect.stringContaining('không thuộc tỉnh') },
    ]);
    expect(await roadmapItemRows(t, r.id)).toEqual([]);

    const ok = await hp.post(url, { proposalIds: [P.w.id] });
    expect(ok.status).toBe(200);
    expect(ok.body.items).toEqual([
      expect.objectContaining({
        proposalId: P.w.id,
        proposalTitle: 'W: Sàn giao dịch công nghệ',
        proposalCategory: 'funding',
        proposalAnswer: 'agreed',
        agreed: true,
        cost: 300,
        durationYears: 1,
        scores: { alignment: 3, impact: 3, readiness: 3, cost: 3 },
        value: 3,
        pinnedYear: null,
        excluded: false,
        plannedYear: null,
        dependsOn: [],
      }),
    ]);
    expect(await countAudit(t, { entityType: 'roadmap_item', entityId: ok.body.items[0].id })).toBe(
      1,
    );
    const again = await hp.post(url, { proposalIds: [P.w.id] });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('W: Sàn giao dịch công nghệ');
  });

  it('lets today’s Ninh Bình put Nam Định’s agreed 2023 proposal on its roadmap', async () => {
    const nam = await agreedProposal(bo, {
      unitId: ND,
      title: 'Trung tâm KH&CN nông nghiệp vùng Nam ĐBSH',
    });
    const r = await createRoadmap(nb, { unitId: NB, title: 'Lộ trình Ninh Bình' });
    const res = await nb.post(`${API}/${r.id}/items`, { proposalIds: [nam.id] });
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: Item) => i.proposalId)).toEqual([nam.id]);
  });

  it('edits scores, cost, duration, pin and exclusion (each clearing the other), audited', async () => {
    const r = await createRoadmap(hp, { startYear: 2026, endYear: 2030 });
    const added = await hp.post(`${API}/${r.id}/items`, { proposalIds: [P.w.id] });
    const url = `${ITEMS}/${added.body.items[0].id}`;
    expect((await t.anonymous.patch(url, { cost: 1 })).status).toBe(401);
    expect((await xem.patch(url, { cost: 1 })).status).toBe(403);
    expect((await nb.patch(url, { cost: 1 })).status).toBe(404);
    expect((await hp.patch(`${ITEMS}/${randomUUID()}`, { cost: 1 })).status).toBe(404);
    for (const [body, path] of [
      [{ scores: { alignment: 6, impact: 1, readiness: 1, cost: 1 } }, 'body.scores.alignment'],
      [{ durationYears: 0 }, 'body.durationYears'],
      [{ pinnedYear: 2031 }, 'body.pinnedYear'],
      [{ earliestStartYear: 2025 }, 'body.earliestStartYear'],
      [{ pinnedYear: 2027, excluded: true }, 'body.pinnedYear'],
    ] as const) {
      const res = await hp.patch(url, body);
      expect(res.status, path).toBe(400);
      expect(
        res.body.error.details.map((d: { path: string }) => d.path),
        path,
      ).toContain(path);
    }
    const res = await hp.patch(url, {
      scores: { alignment: 5, impact: 4, readiness: 2, cost: 1 },
      cost: 450,
      durationYears: 2,
      earliestStartYear: 2027,
      pinnedYear: 2028,
    });
    expect(res.status).toBe(200);
    const item = res.body.items[0] as Item;
    expect(item).toMatchObject({ cost: 450, durationYears: 2, pinnedYear: 2028, excluded: false });
    // 0.3 × 5 + 0.35 × 4 + 0.2 × 2 + 0.15 × 1
    expect(item.value).toBeCloseTo(3.45, 10);
    const excluded = (await hp.patch(url, { excluded: true })).body.items[0];
    expect(excluded).toMatchObject({ excluded: true, pinnedYear: null });
    const moved = (await hp.patch(url, { pinnedYear: 2029 })).body.items[0];
    expect(moved).toMatchObject({ excluded: false, pinnedYear: 2029 });
    const [entry] = await auditRows(t, { entityId: item.id, action: 'update' });
    expect(entry!.before).toMatchObject({ excluded: true, pinnedYear: null });
    expect(entry!.after).toMatchObject({ excluded: false, pinnedYear: 2029 });
  });

  it('refuses a dependency cycle, naming it, and changes nothing', async () => {
    const r = await createRoadmap(hp);
    const body = (await hp.post(`${API}/${r.id}/items`, { proposalIds: [P.x.id, P.y.id, P.z.id] }))
      .body;
    const [x, y, z] = [P.x, P.y, P.z].map((p) => itemOf(body, p.id).id);
    const other = await createRoadmap(hp);
    const foreign = (await hp.post(`${API}/${other.id}/items`, { proposalIds: [P.w.id] })).body
      .items[0].id;
    const deps = (item: string) => `${ITEMS}/${item}/dependencies`;
    expect((await t.anonymous.put(deps(y!), { dependsOnItemIds: [] })).status).toBe(401);
    expect((await xem.put(deps(y!), { dependsOnItemIds: [] })).status).toBe(403);
    expect((await nb.put(deps(y!), { dependsOnItemIds: [] })).status).toBe(404);
    expect((await hp.put(deps(y!), { dependsOnItemIds: [y] })).status).toBe(400);
    expect((await hp.put(deps(y!), { dependsOnItemIds: [foreign] })).status).toBe(400);

    expect((await hp.put(deps(y!), { dependsOnItemIds: [x] })).status).toBe(200);
    expect((await hp.put(deps(z!), { dependsOnItemIds: [y] })).status).toBe(200);
    const audits = await countAudit(t, { entityType: 'roadmap_item' });
    const cycle = await hp.put(deps(x!), { dependsOnItemIds: [z] });
    expect(cycle.status).toBe(400);
    expect(cycle.body.error.details[0]).toMatchObject({ path: 'body.dependsOnItemIds.0' });
    expect(cycle.body.error.message).toContain(
      '“X: Trung tâm đổi mới sáng tạo thành phố” → “Z: Đào tạo chuyên gia thẩm định công nghệ” → “Y: Phòng thí nghiệm kinh tế biển” → “X: Trung tâm đổi mới sáng tạo thành phố”',
    );
    expect(await countAudit(t, { entityType: 'roadmap_item' })).toBe(audits);
    const detail = (await hp.get(`${API}/${r.id}`)).body;
    expect(itemOf(detail, P.x.id).dependsOn).toEqual([]);
    expect(itemOf(detail, P.z.id).dependsOn).toEqual([y]);

    // Removing the middle item removes its dependencies too.
    expect((await xem.delete(`${ITEMS}/${y}`)).status).toBe(403);
    expect((await hp.delete(`${ITEMS}/${y}`)).status).toBe(204);
    expect(itemOf((await hp.get(`${API}/${r.id}`)).body, P.z.id).dependsOn).toEqual([]);
  });
});

describe('POST /roadmaps/:id/plan', () => {
  it('answers 401, 403 and 404 outside the scope', async () => {
    const r = await createRoadmap(hp);
    expect((await t.anonymous.post(`${API}/${r.id}/plan`)).status).toBe(401);
    expect((await xem.post(`${API}/${r.id}/plan`)).status).toBe(403);
    expect((await vu.post(`${API}/${r.id}/plan`)).status).toBe(403);
    expect((await nb.post(`${API}/${r.id}/plan`)).status).toBe(404);
    expect((await hp.post(`${API}/${r.id}/plan`, { timeLimitSeconds: 0 })).status).toBe(400);
  });

  it('finds the optimum the greedy ranking misses, stores it with its audit entry', async () => {
    const r = await knapsackRoadmap(2026, 2026);
    clock = new Date('2026-02-02T02:30:00Z');
    const res = await hp.post(`${API}/${r.id}/plan`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // One year of 1,000: X (600, worth 5) alone, or Y + Z (500 + 500, worth 4 + 4).
    expect(itemOf(res.body, P.x.id).plannedYear).toBeNull();
    expect(itemOf(res.body, P.y.id).plannedYear).toBe(2026);
    expect(itemOf(res.body, P.z.id).plannedYear).toBe(2026);
    expect(res.body.lastPlan).toMatchObject({
      status: 'optimal',
      objective: 8,
      greedy: { status: 'feasible', objective: 5 },
      gapPercent: 37.5,
      plannedCount: 2,
      plannedCost: 1000,
      years: [{ year: 2026, envelope: 1000, cost: 1000, greedyCost: 600 }],
    });
    expect(res.body.lastPlan.greedySchedule[itemOf(res.body, P.x.id).id]).toBe(2026);
    expect(res.body.lastPlan.issues).toEqual([]);
    expect(res.body).toMatchObject({
      plannedAt: '2026-02-02T02:30:00.000Z',
      planStale: false,
      plannedCount: 2,
    });
    const rows = await roadmapItemRows(t, r.id);
    expect(
      rows
        .filter((i) => i.plannedYear === 2026)
        .map((i) => i.proposalId)
        .sort(),
    ).toEqual([P.y.id, P.z.id].sort());
    const [entry] = await auditRows(t, { entityId: r.id, action: 'plan' });
    expect(entry!.after).toMatchObject({
      plannedAt: '2026-02-02T02:30:00.000Z',
      lastPlan: expect.objectContaining({ objective: 8 }),
    });
    expect(entry!.before).toMatchObject({ lastPlan: null });

    // Changing a score makes the stored plan stale until it is made again.
    await hp.patch(`${ITEMS}/${itemOf(res.body, P.x.id).id}`, {
      scores: { alignment: 5, impact: 5, readiness: 5, cost: 4 },
    });
    expect((await hp.get(`${API}/${r.id}`)).body.planStale).toBe(true);
  });

  it('respects pins, exclusions and dependencies when re-planning the rest', async () => {
    const r = await knapsackRoadmap(2026, 2027);
    const id = (p: { id: string }) => itemOf(r, p.id).id;
    await hp.patch(`${ITEMS}/${id(P.z)}`, { durationYears: 2 });
    // X must wait for Y to finish; Y is moved to 2027 by hand.
    await hp.put(`${ITEMS}/${id(P.x)}/dependencies`, { dependsOnItemIds: [id(P.y)] });
    await hp.patch(`${ITEMS}/${id(P.y)}`, { pinnedYear: 2027 });
    const first = await hp.post(`${API}/${r.id}/plan`);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(itemOf(first.body, P.y.id).plannedYear).toBe(2027);
    // X can only start after Y (2027, the last year): not planned, and said so.
    expect(itemOf(first.body, P.x.id).plannedYear).toBeNull();
    expect(itemOf(first.body, P.z.id).plannedYear).toBe(2026);
    expect(first.body.lastPlan.years).toEqual([
      { year: 2026, envelope: 1000, cost: 250, greedyCost: 250 },
      { year: 2027, envelope: 1000, cost: 750, greedyCost: 750 },
    ]);
    const xIssue = first.body.lastPlan.issues.find((i: { itemId: string }) => i.itemId === id(P.x));
    expect(xIssue.message).toContain('X: Trung tâm đổi mới sáng tạo thành phố');

    // Move Y back to 2026 and exclude Z: X follows Y in 2027.
    await hp.patch(`${ITEMS}/${id(P.y)}`, { pinnedYear: 2026 });
    await hp.patch(`${ITEMS}/${id(P.z)}`, { excluded: true });
    const second = await hp.post(`${API}/${r.id}/plan`);
    expect(second.status).toBe(200);
    expect([P.y, P.x, P.z].map((p) => itemOf(second.body, p.id).plannedYear)).toEqual([
      2026,
      2027,
      null,
    ]);
    expect(await countAudit(t, { entityId: r.id, action: 'plan' })).toBe(2);
  });

  it('answers 400 with the planner’s explanations for pins that cannot all hold, changing nothing', async () => {
    const r = await knapsackRoadmap(2026, 2027);
    const planned = await hp.post(`${API}/${r.id}/plan`);
    expect(planned.status).toBe(200);
    for (const p of [P.x, P.y, P.z]) {
      await hp.patch(`${ITEMS}/${itemOf(r, p.id).id}`, { pinnedYear: 2026 });
    }
    const before = await roadmapRow(t, r.id);
    expect(before!.lastPlan).not.toBeNull();
    const itemsBefore = await roadmapItemRows(t, r.id);
    const audits = await countAudit(t, { entityId: r.id });
    const res = await hp.post(`${API}/${r.id}/plan`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_REQUEST');
    expect(res.body.error.message).toMatch(/^Không lập được lộ trình: /);
    expect(res.body.error.details.issues.length).toBeGreaterThan(0);
    expect(res.body.error.details.issues[0]).toMatchObject({ code: expect.stringMatching(/^PIN/) });
    expect(res.body.error.message).toContain('năm 2026');
    expect(await roadmapRow(t, r.id)).toEqual(before);
    expect(await roadmapItemRows(t, r.id)).toEqual(itemsBefore);
    expect(await countAudit(t, { entityId: r.id })).toBe(audits);
  });

  it('leaves out a proposal whose answer changed since it was added', async () => {
    const p = await agreedProposal(bo, { title: 'V: Đề án bị Bộ xem xét lại', estimatedCost: 100 });
    const r = await createRoadmap(hp, { startYear: 2026, endYear: 2026 });
    await hp.put(`${API}/${r.id}/envelopes`, { envelopes: [{ year: 2026, amount: 1000 }] });
    await hp.post(`${API}/${r.id}/items`, { proposalIds: [p.id] });
    await answerProposal(bo, p.id, 'under_study');
    const res = await hp.post(`${API}/${r.id}/plan`);
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({ agreed: false, plannedYear: null });
    expect(res.body.lastPlan.issues).toEqual([
      expect.objectContaining({ itemId: res.body.items[0].id, code: 'PROPOSAL_NOT_AGREED' }),
    ]);
  });
});

describe('exports', () => {
  let roadmapId: string;
  beforeAll(async () => {
    const r = await knapsackRoadmap(2026, 2027);
    roadmapId = r.id;
    const id = (p: { id: string }) => itemOf(r, p.id).id;
    await hp.patch(`${ITEMS}/${id(P.z)}`, { durationYears: 2 });
    await hp.put(`${ITEMS}/${id(P.x)}/dependencies`, { dependsOnItemIds: [id(P.y)] });
    expect((await hp.post(`${API}/${r.id}/plan`)).status).toBe(200);
  });

  it('answers 401 and 404 outside the scope', async () => {
    for (const file of ['export.xlsx', 'annex.docx']) {
      expect((await t.anonymous.get(`${API}/${roadmapId}/${file}`)).status).toBe(401);
      expect((await nb.get(`${API}/${roadmapId}/${file}`)).status).toBe(404);
    }
    expect((await hp.get(`${API}/${roadmapId}/annex.docx?fontSize=15`)).status).toBe(400);
    expect((await hp.get(`${API}/${roadmapId}/annex.docx?margins=wide`)).status).toBe(400);
  });

  it('exports the roadmap to Excel: year by year, budget, scoring', async () => {
    const res = await xem.get(`${API}/${roadmapId}/export.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(
      "filename*=UTF-8''L%E1%BB%99%20tr%C3%ACnh",
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Lộ trình', 'Ngân sách', 'Chấm điểm']);

    const plan = wb.getWorksheet('Lộ trình')!;
    expect(plan.getCell('A1').value).toBe('LỘ TRÌNH 2026–2027');
    expect(plan.getRow(4).values).toEqual([
      undefined,
      'STT',
      'Kiến nghị, đề xuất',
      'Lĩnh vực',
      'Năm bắt đầu',
      'Năm kết thúc',
      'Số năm',
      'Kinh phí (triệu đồng)',
      'Giá trị (điểm 1–5)',
      'Phụ thuộc vào',
      'Ghi chú',
      '2026',
      '2027',
    ]);
    expect(plan.getCell('A5').value).toBe('Bắt đầu năm 2026');
    const rows = plan.getRows(6, 5)!.map((row) => row.values as unknown[]);
    const y = rows.find((v) => v[2] === 'Y: Phòng thí nghiệm kinh tế biển')!;
    expect(y.slice(4, 9)).toEqual([2026, 2026, 1, 500, 4]);
    expect(y.slice(11)).toEqual([500]);
    const z = rows.find((v) => v[2] === 'Z: Đào tạo chuyên gia thẩm định công nghệ')!;
    expect(z.slice(4, 9)).toEqual([2026, 2027, 2, 500, 4]);
    expect(z.slice(11)).toEqual([250, 250]);
    const x = rows.find((v) => v[2] === 'X: Trung tâm đổi mới sáng tạo thành phố')!;
    expect(x.slice(4, 10)).toEqual([2027, 2027, 1, 600, 5, 'Y: Phòng thí nghiệm kinh tế biển']);
    expect(plan.getCell('G6').numFmt).toBe('#,##0.00');

    const budget = wb.getWorksheet('Ngân sách')!;
    expect(budget.getRow(4).values).toEqual([
      undefined,
      'Năm',
      'Hạn mức kinh phí (triệu đồng)',
      'Kinh phí bố trí (triệu đồng)',
      'Còn lại (triệu đồng)',
      'Tỷ lệ sử dụng',
      'Phương án xếp tham lam (triệu đồng)',
    ]);
    expect([
      budget.getCell('A5').value,
      budget.getCell('B5').value,
      budget.getCell('C5').value,
    ]).toEqual([2026, 1000, 750]);
    expect(budget.getCell('D5').value).toMatchObject({ formula: 'B5-C5', result: 250 });
    expect(budget.getCell('C7').value).toMatchObject({ formula: 'SUM(C5:C6)', result: 1600 });

    const scoring = wb.getWorksheet('Chấm điểm')!;
    expect(scoring.getCell('B5').value).toBe('Phù hợp chiến lược của tỉnh');
    expect(scoring.getCell('C6').value).toBe(0.35);
    const firstItem = scoring.getRow(11).values as unknown[];
    expect(firstItem.slice(1, 7)).toEqual([
      1,
      'X: Trung tâm đổi mới sáng tạo thành phố',
      5,
      5,
      5,
      5,
    ]);
    expect(scoring.getCell('G11').value).toMatchObject({ result: 5 });
  });

  it('exports the Word annex formatted per Decree 30/2020/NĐ-CP', async () => {
    const res = await hp.get(`${API}/${roadmapId}/annex.docx`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(res.raw.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('>Phụ lục<');
    expect(xml).toContain('LỘ TRÌNH 2026–2027');
    expect(xml).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(xml).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(xml).toContain('UBND THÀNH PHỐ HẢI PHÒNG');
    expect(xml).toContain(
      '(Kèm theo Báo cáo số …/BC-SKHCN ngày … tháng … năm … của Sở Khoa học và Công nghệ thành phố Hải Phòng)',
    );
    expect(xml).toContain('w:ascii="Times New Roman"');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expect(xml).toContain('<w:titlePg/>');
    expect(xml).toMatch(/<w:pgNumType w:start="1"/);
    // Body at 14 pt, the "Phụ lục" heading at 14 pt bold, quốc hiệu at 13 pt.
    expect(xml).toContain('<w:sz w:val="28"/>');
    expect(xml).toContain('<w:sz w:val="26"/>');
    expect(xml.normalize('NFC')).toBe(xml);
    const headers = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^word\/header\d+\.xml$/.test(f))
        .map((f) => zip.file(f)!.async('string')),
    );
    expect(headers.some((h) => h.includes('PAGE'))).toBe(true);

    const wide = await hp.get(`${API}/${roadmapId}/annex.docx?margins=government`);
    const wideXml = await (
      await JSZip.loadAsync(wide.raw.rawPayload)
    )
      .file('word/document.xml')!
      .async('string');
    expect(wideXml).toMatch(/<w:pgMar w:top="1418" w:right="1134" w:bottom="1134" w:left="1985"/);

    const small = await hp.get(`${API}/${roadmapId}/annex.docx?fontSize=13`);
    const smallXml = await (
      await JSZip.loadAsync(small.raw.rawPayload)
    )
      .file('word/document.xml')!
      .async('string');
    // 12/13/13: quốc hiệu 12 pt, tiêu ngữ and body 13 pt; nothing at 14 pt but the "Phụ lục" heading.
    expect(smallXml).toContain('<w:sz w:val="24"/>');
    expect(smallXml.match(/<w:sz w:val="28"\/>/g)).toHaveLength(1);
  });
});

describe('files attached to a roadmap', () => {
  it('lets the province attach an output file', async () => {
    const r = await createRoadmap(hp);
    const upload = multipart(
      { entityType: 'roadmap', entityId: r.id, purpose: 'output' },
      { name: 'to-trinh.pdf', content: '%PDF-1.4' },
    );
    expect((await hp.post('/api/v1/attachments', upload.payload, upload.headers)).status).toBe(201);
    expect((await nb.get(`/api/v1/attachments?entityType=roadmap&entityId=${r.id}`)).status).toBe(
      404,
    );
    expect(
      (await xem.get(`/api/v1/attachments?entityType=roadmap&entityId=${r.id}`)).body.items,
    ).toHaveLength(1);
  });
});
