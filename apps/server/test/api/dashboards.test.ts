import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../support/harness.js';
import {
  createUser,
  NEW_PASSWORD,
  organisationId,
  tokenClient,
} from '../support/factories/accounts.js';
import {
  createEngagement,
  createProgramme,
  HP,
  HP_OLD,
  HUE,
  NB,
  programmeBody,
} from '../support/factories/coordination.js';
import { answerProposal, createProposal, createRoadmap } from '../support/factories/proposals.js';
import {
  createTask,
  insertNotice,
  organisations,
  taskBody,
  testClock,
} from '../support/factories/tasks.js';

// Today is 15/11/2025 (10:00 in Vietnam). Tasks are assigned on 01/09/2025 unless said otherwise.
const clock = testClock('2025-11-15T03:00:00Z');
const API = '/api/v1/dashboard';

let t: TestApp;
// API tokens, as the tasks tests use: nothing here depends on a session.
let coordinator: Client;
let unitOfficer: Client;
let hp: Client;
let hue: Client;
let nd: Client;
let viewer: Client;

interface TaskDto {
  id: string;
  title: string;
  daysLate: number;
  dueOn: string | null;
}
const ids: Record<string, string> = {};

const get = async (client: Client, query = '') => {
  const res = await client.get(`${API}${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const titles = (list: TaskDto[]) => list.map((x) => x.title);

beforeAll(async () => {
  t = await createTestApp({ now: clock.now });
  coordinator = await tokenClient(t, 'bo.dieuphoi');
  unitOfficer = await tokenClient(t, 'vu.diaphuong');
  hp = await tokenClient(t, 'hp.chuyenvien');
  hue = await tokenClient(t, 'hue.chuyenvien');
  nd = await tokenClient(t, 'nd.chuyenvien');
  viewer = await tokenClient(t, 'xem');

  const orgs = await organisations(t);
  const notice = await insertNotice(t);
  const task = async (key: string, lead: string, overrides: Record<string, unknown>) => {
    ids[key] = (await createTask(coordinator, taskBody(notice, lead, { title: key, ...overrides })))
      .id as string;
  };
  const formerHaiPhong = await organisationId(t, `SKHCN-${HP_OLD}`);
  await task('HP 46 ngày', orgs.haiPhong, { deadline: '2025-09-30' });
  await task('HP 15 ngày', orgs.haiPhong, { deadline: '2025-10-31' });
  // Led by the Department of the former Hải Phòng, before the reform: today's Hải Phòng's too.
  await task('HP cũ 5 ngày', formerHaiPhong, { assignedOn: '2025-03-01', deadline: '2025-11-10' });
  await task('HP sắp đến hạn', orgs.haiPhong, { deadline: '2025-11-20' });
  await task('HP còn hạn', orgs.haiPhong, { deadline: '2026-03-31' });
  await task('HP xong', orgs.haiPhong, { deadline: '2025-12-31' });
  await task('Huế 76 ngày', orgs.hue, { assignedOn: '2025-08-01', deadline: '2025-08-31' });
  await task('Vụ còn hạn', orgs.vuPtdp, { deadline: '2025-12-31' });

  const ok = (res: { status: number; body: unknown }, status = 200) =>
    expect(res.status, JSON.stringify(res.body)).toBe(status);
  ok(
    await hp.post(`/api/v1/tasks/${ids['HP xong']}/complete`, {
      completedOn: '2025-11-01',
      output: 'Kế hoạch đã ban hành.',
    }),
  );
  ok(
    await hp.post(`/api/v1/tasks/${ids['HP còn hạn']}/extensions`, {
      requestedDeadline: '2026-06-30',
      reason: 'Chờ ý kiến các sở, ngành.',
    }),
    201,
  );
  ok(
    await coordinator.post(`/api/v1/tasks/${ids['HP 46 ngày']}/explanations`, {
      requestText: 'Đề nghị giải trình lý do chậm.',
    }),
    201,
  );

  // Programmes: the former Hải Phòng's ends this year (expiring), Huế's runs to 2028.
  ids.hpProgramme = (
    await createProgramme(
      coordinator,
      await programmeBody(t, HP_OLD, { signedOn: '2022-07-29', periodEndYear: 2025 }),
    )
  ).id;
  ids.hueProgramme = (
    await createProgramme(
      coordinator,
      await programmeBody(t, HUE, { periodStartYear: 2024, periodEndYear: 2028 }),
    )
  ).id;

  // Engagements: one each in Hải Phòng and Huế that took place, one in Hải Phòng to come.
  ids.hpEngagement = (
    await createEngagement(coordinator, { unitIds: [HP], startsOn: '2025-10-01' })
  ).id;
  ids.hueEngagement = (
    await createEngagement(coordinator, { unitIds: [HUE], startsOn: '2025-10-05' })
  ).id;
  ids.hpFuture = (
    await createEngagement(coordinator, { unitIds: [HP], startsOn: '2025-12-01' })
  ).id;

  // Proposals: Hải Phòng's two agreed (1,000 and 600 million) and one unanswered; Huế's one.
  const agreedBig = await createProposal(coordinator, { unitId: HP, estimatedCost: 1000 });
  const agreedSmall = await createProposal(coordinator, { unitId: HP, estimatedCost: 600 });
  await answerProposal(coordinator, agreedBig.id);
  await answerProposal(coordinator, agreedSmall.id);
  ids.hpPending = (await createProposal(coordinator, { unitId: HP })).id;
  ids.huePending = (await createProposal(coordinator, { unitId: HUE })).id;

  // Hải Phòng's roadmap, planned: 2,500 million over two years for the two agreed proposals.
  const roadmap = await createRoadmap(hp, { unitId: HP, startYear: 2026, endYear: 2027 });
  ids.hpRoadmap = roadmap.id;
  ok(
    await hp.put(`/api/v1/roadmaps/${roadmap.id}/envelopes`, {
      envelopes: [
        { year: 2026, amount: 1500 },
        { year: 2027, amount: 1000 },
      ],
    }),
  );
  ok(
    await hp.post(`/api/v1/roadmaps/${roadmap.id}/items`, {
      proposalIds: [agreedBig.id, agreedSmall.id],
    }),
  );
  ok(await hp.post(`/api/v1/roadmaps/${roadmap.id}/plan`));
  await createRoadmap(coordinator, { unitId: HUE, startYear: 2026, endYear: 2030 });
});
afterAll(() => t.close());

describe('GET /dashboard: access', () => {
  it('answers 401 to an anonymous caller', async () => {
    const res = await t.anonymous.get(API);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('answers 403 to an account that holds no role', async () => {
    const admin = await t.login('admin');
    const user = await createUser(admin, { assignments: [] });
    const roleless = await t.login(user.username, NEW_PASSWORD);
    const res = await roleless.get(API);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
  });

  it('answers 400 for a malformed or unknown province', async () => {
    const malformed = await coordinator.get(`${API}?unitId=hai-phong`);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details[0]).toMatchObject({ path: 'querystring.unitId' });
    const unknown = await coordinator.get(`${API}?unitId=99@2025-07-01`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({
      code: 'VALIDATION_ERROR',
      details: [{ path: 'querystring.unitId' }],
    });
    expect(unknown.body.error.message).toContain('99@2025-07-01');
  });

  it("answers 404 when a province asks for another province's dashboard", async () => {
    expect((await hp.get(`${API}?unitId=${HUE}`)).status).toBe(404);
    expect((await hue.get(`${API}?unitId=${HP}`)).status).toBe(404);
    // An account still scoped to the former Nam Định does not reach today's Ninh Bình.
    expect((await nd.get(`${API}?unitId=${NB}`)).status).toBe(404);
    // Its own province, and the former province it was formed from, are its own.
    expect((await hp.get(`${API}?unitId=${HP}`)).status).toBe(200);
    expect((await hp.get(`${API}?unitId=${HP_OLD}`)).status).toBe(200);
  });
});

describe('GET /dashboard: a province', () => {
  it('counts only the tasks the province leads, with those of the province it was formed from', async () => {
    const d = await get(hp);
    expect(d).toMatchObject({
      today: '2025-11-15',
      dueSoonDays: 7,
      view: 'province',
      unit: { id: HP, nameVi: 'Hải Phòng', validToday: true },
      tasks: { focus: 'province', organisations: [], byLead: null },
    });
    expect(d.tasks.counts).toEqual({
      total: 6,
      open: 5,
      withinDeadline: 2,
      overdue: 3,
      dueSoon: 1,
      done: 1,
      onTime: 1,
      late: 0,
      pendingExtensions: 1,
      openExplanations: 1,
    });
    expect(titles(d.tasks.open)).not.toContain('Huế 76 ngày');
  });

  it('lists the overdue tasks the most days late first, and the open ones soonest due first', async () => {
    const d = await get(hp);
    expect(d.tasks.overdue.map((x: TaskDto) => [x.title, x.daysLate])).toEqual([
      ['HP 46 ngày', 46],
      ['HP 15 ngày', 15],
      ['HP cũ 5 ngày', 5],
    ]);
    expect(titles(d.tasks.open)).toEqual([
      'HP 46 ngày',
      'HP 15 ngày',
      'HP cũ 5 ngày',
      'HP sắp đến hạn',
      'HP còn hạn',
    ]);
  });

  it('gives the same numbers as the tasks list filtered by the same facet', async () => {
    const d = await get(hp);
    const total = async (query: string) =>
      (await hp.get(`/api/v1/tasks?leadUnitId=${HP}&${query}`)).body.total as number;
    expect(await total('timeliness=overdue')).toBe(d.tasks.counts.overdue);
    expect(await total('dueSoon=true')).toBe(d.tasks.counts.dueSoon);
    expect(await total('completion=done')).toBe(d.tasks.counts.done);
    expect(await total('hasPendingExtension=true')).toBe(d.tasks.counts.pendingExtensions);
    expect(await total('hasOpenExplanation=true')).toBe(d.tasks.counts.openExplanations);
  });

  it('shows its programmes, its engagements that took place, its proposals and its roadmap', async () => {
    const d = await get(hp);
    expect(d.programmes).toMatchObject({ total: 1, inForce: 1, byProvince: null });
    expect(d.programmes.latest.map((p: { id: string }) => p.id)).toEqual([ids.hpProgramme]);
    expect(d.programmes.expiring.items).toEqual([
      expect.objectContaining({ id: ids.hpProgramme, daysLeft: 46, endsOn: '2025-12-31' }),
    ]);
    expect(d.engagements.map((e: { id: string }) => e.id)).toEqual([ids.hpEngagement]);
    expect(d.proposals).toMatchObject({
      total: 3,
      byAnswer: {
        pending: 1,
        agreed: 2,
        agreed_with_conditions: 0,
        under_study: 0,
        not_agreed: 0,
      },
    });
    expect(d.proposals.latest).toHaveLength(3);
    expect(d.proposals.latest.map((p: { id: string }) => p.id)).not.toContain(ids.huePending);
    expect(d.roadmap).toMatchObject({
      id: ids.hpRoadmap,
      roadmapCount: 1,
      startYear: 2026,
      endYear: 2027,
      itemCount: 2,
      plannedCount: 2,
      envelopeTotal: 2500,
      plannedCost: 1600,
      planStale: false,
    });
    const years = d.roadmap.years as Array<{
      year: number;
      envelope: number;
      plannedCost: number;
      itemCount: number;
    }>;
    expect(years.map((y) => [y.year, y.envelope])).toEqual([
      [2026, 1500],
      [2027, 1000],
    ]);
    expect(years.reduce((s, y) => s + y.plannedCost, 0)).toBe(1600);
    expect(years.reduce((s, y) => s + y.itemCount, 0)).toBe(2);
    for (const y of years) expect(y.plannedCost).toBeLessThanOrEqual(y.envelope);
  });

  it('shows nothing of Hải Phòng to Huế', async () => {
    const d = await get(hue);
    expect(d.unit.id).toBe(HUE);
    expect(d.tasks.counts.total).toBe(1);
    expect(titles(d.tasks.overdue)).toEqual(['Huế 76 ngày']);
    expect(d.programmes.latest.map((p: { id: string }) => p.id)).toEqual([ids.hueProgramme]);
    expect(d.programmes.expiring.items).toEqual([]);
    expect(d.engagements.map((e: { id: string }) => e.id)).toEqual([ids.hueEngagement]);
    expect(d.proposals.total).toBe(1);
    expect(d.roadmap).toMatchObject({ unit: { id: HUE }, plannedCost: null, envelopeTotal: 0 });
  });

  it('reads well when a province has nothing yet', async () => {
    const d = await get(nd);
    expect(d.unit).toMatchObject({ id: '36@2008-08-01', validToday: false });
    expect(d.tasks.counts.total).toBe(0);
    expect(d.tasks.overdue).toEqual([]);
    expect(d.programmes).toMatchObject({ total: 0, latest: [], expiring: { items: [] } });
    expect(d.engagements).toEqual([]);
    expect(d.proposals).toMatchObject({ total: 0, latest: [] });
    expect(d.roadmap).toBeNull();
  });
});

describe('GET /dashboard: the Ministry', () => {
  it('gives the coordinator every task, the most days late first', async () => {
    const d = await get(coordinator);
    expect(d).toMatchObject({ view: 'ministry', unit: null, tasks: { focus: 'all' } });
    expect(d.tasks.counts).toMatchObject({ total: 8, overdue: 4, open: 7, done: 1 });
    expect(d.tasks.overdue.map((x: TaskDto) => x.daysLate)).toEqual([76, 46, 15, 5]);
    expect(d.tasks.overdue[0].title).toBe('Huế 76 ngày');
  });

  it('counts by lead unit: provinces with the most overdue first, Ministry units apart', async () => {
    const { byLead } = (await get(coordinator)).tasks;
    expect(
      byLead.provinces.map((r: { name: string; openOverdue: number; total: number }) => [
        r.name,
        r.openOverdue,
        r.total,
      ]),
    ).toEqual([
      ['Hải Phòng', 3, 6],
      ['Huế', 1, 1],
    ]);
    expect(byLead.organisations).toEqual([
      expect.objectContaining({
        name: 'Vụ Phát triển khoa học và công nghệ địa phương',
        unit: null,
        openWithinDeadline: 1,
        openOverdue: 0,
      }),
    ]);
  });

  it('maps the programmes on the 34 provinces of today and lists those expiring', async () => {
    const d = await get(coordinator);
    expect(d.programmes).toMatchObject({ total: 2, inForce: 2, latest: null });
    const units = d.programmes.byProvince.units as Array<{ unitId: string; total: number }>;
    expect(units).toHaveLength(34);
    const totals = Object.fromEntries(
      units.filter((u) => u.total > 0).map((u) => [u.unitId, u.total]),
    );
    expect(totals).toEqual({ [HP]: 1, [HUE]: 1 });
    expect(d.programmes.expiring.items.map((p: { id: string }) => p.id)).toEqual([ids.hpProgramme]);
    expect(d.engagements.map((e: { id: string }) => e.id)).toEqual([
      ids.hueEngagement,
      ids.hpEngagement,
    ]);
    expect(d.proposals.byAnswer).toMatchObject({ pending: 2, agreed: 2 });
    expect(d.roadmap).toBeNull();
  });

  it("shows one province's dashboard when asked, as the province sees it", async () => {
    const mine = await get(hp);
    const asked = await get(coordinator, `?unitId=${HP}`);
    expect(asked.view).toBe('province');
    expect(asked.tasks.counts).toEqual(mine.tasks.counts);
    expect(titles(asked.tasks.overdue)).toEqual(titles(mine.tasks.overdue));
    expect(asked.programmes.latest).toEqual(mine.programmes.latest);
    expect(asked.programmes.expiring.items.map((p: { id: string }) => p.id)).toEqual([
      ids.hpProgramme,
    ]);
    expect(asked.proposals.byAnswer).toEqual(mine.proposals.byAnswer);
    expect(asked.roadmap.id).toBe(ids.hpRoadmap);
    expect(asked.tasks.byLead).toBeNull();
  });

  it('gives a Ministry unit officer the tasks its unit leads', async () => {
    const d = await get(unitOfficer);
    expect(d.view).toBe('ministry');
    expect(d.tasks.focus).toBe('organisation');
    expect(d.tasks.organisations).toEqual([
      expect.objectContaining({ nameVi: 'Vụ Phát triển khoa học và công nghệ địa phương' }),
    ]);
    expect(d.tasks.counts).toMatchObject({ total: 1, open: 1, overdue: 0 });
    expect(titles(d.tasks.open)).toEqual(['Vụ còn hạn']);
    // The rest of the Ministry's picture stays national.
    expect(d.programmes.byProvince.units).toHaveLength(34);
    expect(d.tasks.byLead.provinces).toHaveLength(2);
  });

  it('gives a national viewer the national picture', async () => {
    const d = await get(viewer);
    expect(d).toMatchObject({ view: 'ministry', tasks: { focus: 'all', counts: { total: 8 } } });
  });

  it('follows the clock: a task turns overdue the day after its deadline', async () => {
    clock.set('2025-11-21T03:00:00Z');
    try {
      const d = await get(hp);
      expect(d.today).toBe('2025-11-21');
      expect(d.tasks.counts).toMatchObject({ overdue: 4, dueSoon: 0 });
      expect(d.tasks.overdue.map((x: TaskDto) => [x.title, x.daysLate])).toEqual([
        ['HP 46 ngày', 52],
        ['HP 15 ngày', 21],
        ['HP cũ 5 ngày', 11],
        ['HP sắp đến hạn', 1],
      ]);
    } finally {
      clock.set('2025-11-15T03:00:00Z');
    }
  });
});
