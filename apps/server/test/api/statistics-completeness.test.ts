import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../support/harness.js';
import {
  CLEAN_CELLS,
  createForm,
  FORMER_HAI_PHONG,
  HAI_PHONG,
  IN_WINDOW,
  keys,
  NINH_BINH,
  saveCells,
} from '../support/factories/statistics.js';

let t: TestApp;
let ministry: Client;
let officer: Client;
let approver: Client;
let ninhBinh: Client;

beforeAll(async () => {
  t = await createTestApp({ now: () => IN_WINDOW });
  [ministry, officer, approver, ninhBinh] = await Promise.all([
    t.login('bo.dieuphoi'),
    t.login('hp.chuyenvien'),
    t.login('hp.lanhdao'),
    t.login('nb.chuyenvien'),
  ]);
});
afterAll(() => t.close());

const url = (formId: string, period = '2025') =>
  `/api/v1/statistics/completeness?formId=${formId}&periodCode=${period}`;

describe('completeness and timeliness', () => {
  it('lists who has not started, drafts, submitted and approved, with rates; a province sees its own row', async () => {
    const form = await createForm(ministry);
    const hp = await saveCells(officer, keys(form.id), CLEAN_CELLS);
    await officer.post(`/api/v1/statistics/reports/${hp.id}/submit`, {});
    await approver.post(`/api/v1/statistics/reports/${hp.id}/approve`, {});
    await saveCells(ninhBinh, keys(form.id, NINH_BINH), CLEAN_CELLS);

    const res = await ministry.get(url(form.id));
    expect(res.status).toBe(200);
    // The former Hải Phòng no longer exists on 31/12/2025: two provinces report 2025.
    expect(res.body.units.map((u: any) => [u.unitId, u.status, u.timeliness])).toEqual([
      [HAI_PHONG, 'approved', 'on_time'],
      [NINH_BINH, 'draft', 'pending'],
    ]);
    expect(res.body.summary).toMatchObject({
      expected: 2,
      draft: 1,
      approved: 1,
      onTime: 1,
      pending: 1,
      reportingRate: 50,
      timelyRate: 50,
    });
    const own = await ninhBinh.get(url(form.id));
    expect(own.body.units.map((u: any) => u.unitId)).toEqual([NINH_BINH]);

    // 2024 was reported by the former Hải Phòng, which nobody has started.
    const before = await ministry.get(url(form.id, '2024'));
    expect(before.body.units.map((u: any) => [u.unitId, u.status, u.timeliness])).toEqual([
      [FORMER_HAI_PHONG, 'not_started', 'overdue'],
    ]);
    expect((await ministry.get(url(form.id, '2025Q1'))).status).toBe(400);
    expect((await t.anonymous.get(url(form.id))).status).toBe(401);
  });

  it('gives the reporting rate over time', async () => {
    const form = await createForm(ministry);
    const hp = await saveCells(officer, keys(form.id), CLEAN_CELLS);
    await officer.post(`/api/v1/statistics/reports/${hp.id}/submit`, {});
    const res = await ministry.get(
      `/api/v1/statistics/completeness/trend?formId=${form.id}&from=2023&to=2025`,
    );
    expect(res.status).toBe(200);
    expect(
      res.body.items.map((i: any) => [i.periodCode, i.expected, i.reported, i.reportingRate]),
    ).toEqual([
      ['2023', 1, 0, 0],
      ['2024', 1, 0, 0],
      ['2025', 2, 1, 50],
    ]);
    const backwards = await ministry.get(
      `/api/v1/statistics/completeness/trend?formId=${form.id}&from=2025&to=2023`,
    );
    expect(backwards.status).toBe(400);
  });

  it('reminds the laggards in one click, once a day, and only the Ministry may', async () => {
    const form = await createForm(ministry);
    const hp = await saveCells(officer, keys(form.id), CLEAN_CELLS);
    await officer.post(`/api/v1/statistics/reports/${hp.id}/submit`, {});
    const body = { formId: form.id, periodCode: '2025' };
    expect((await officer.post('/api/v1/statistics/completeness/remind', body)).status).toBe(403);
    const first = await ministry.post('/api/v1/statistics/completeness/remind', body);
    expect(first.status).toBe(200);
    // Ninh Bình has not submitted: its officer is reminded; Hải Phòng has.
    expect(first.body.units).toBe(1);
    expect(first.body.notifications).toBeGreaterThanOrEqual(1);
    const kinds = await t.database.pool.query(
      `SELECT u.username FROM notifications n JOIN users u ON u.id = n.user_id
       WHERE n.kind = 'report_reminder' AND n.entity_id = $1`,
      [form.id],
    );
    expect(kinds.rows.map((r) => r.username)).toEqual(['nb.chuyenvien']);
    // The reminder opens the form's entry page.
    const inbox = await ninhBinh.get('/api/v1/notifications');
    const reminder = inbox.body.items.find(
      (n: { kind: string; entityId: string }) =>
        n.kind === 'report_reminder' && n.entityId === form.id,
    );
    expect(reminder.path).toBe(`/statistics/entry?formId=${form.id}`);
    const again = await ministry.post('/api/v1/statistics/completeness/remind', body);
    expect(again.body.notifications).toBe(0);
    const wrong = await ministry.post('/api/v1/statistics/completeness/remind', {
      ...body,
      unitIds: ['01@2025-07-01'],
    });
    expect(wrong.status).toBe(400);
  });
});
