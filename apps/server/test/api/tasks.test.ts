import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../support/harness.js';
import { countAudit, tokenClient } from '../support/factories/accounts.js';
import {
  countNotifications,
  countTasks,
  createTask,
  insertDirective,
  insertNotice,
  insertProgrammeContent,
  insertProposal,
  notificationsOf,
  organisations,
  taskBody,
  testClock,
} from '../support/factories/tasks.js';

// Today is 15/11/2025 (10:00 in Vietnam, after the 2025 reform) unless a test moves the clock.
// Tasks are assigned on 01/09/2025 with a deadline of 31/12/2025 unless a test says otherwise.
const clock = testClock('2025-11-15T03:00:00Z');

let t: TestApp;
let orgs: Awaited<ReturnType<typeof organisations>>;
let notice: string;
// API tokens: sessions would expire when the clock jumps ahead.
let coordinator: Client;
let unitOfficer: Client;
let hp: Client;
let hpLead: Client;
let nb: Client;
let nd: Client;
let hue: Client;
let viewer: Client;

beforeAll(async () => {
  t = await createTestApp({ now: clock.now });
  orgs = await organisations(t);
  notice = await insertNotice(t);
  coordinator = await tokenClient(t, 'bo.dieuphoi');
  unitOfficer = await tokenClient(t, 'vu.diaphuong');
  hp = await tokenClient(t, 'hp.chuyenvien');
  hpLead = await tokenClient(t, 'hp.lanhdao');
  nb = await tokenClient(t, 'nb.chuyenvien');
  nd = await tokenClient(t, 'nd.chuyenvien');
  hue = await tokenClient(t, 'hue.chuyenvien');
  viewer = await tokenClient(t, 'xem');
});
afterAll(() => t.close());

const detail = async (client: Client, id: string) => {
  const res = await client.get(`/api/v1/tasks/${id}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const listIds = async (client: Client, query = '') => {
  const res = await client.get(`/api/v1/tasks?pageSize=500${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.items as Array<{ id: string }>).map((i) => i.id);
};
const fields = (res: { body: any }) =>
  ((res.body.error?.details ?? []) as Array<{ path: string }>).map((d) => d.path);
const NO_ID = '00000000-0000-4000-8000-000000000000';

describe('creating tasks', () => {
  it('refuses an anonymous caller (401), roles that never assign (403) and bad input (400)', async () => {
    expect((await t.anonymous.get('/api/v1/tasks')).status).toBe(401);
    expect((await t.anonymous.post('/api/v1/tasks', {})).status).toBe(401);
    const body = taskBody(notice, orgs.haiPhong);
    for (const client of [hp, hpLead, unitOfficer, viewer]) {
      expect((await client.post('/api/v1/tasks', body)).status).toBe(403);
    }
    const bad = await coordinator.post('/api/v1/tasks', { ...body, deadline: '31/12/2025' });
    expect(bad.status).toBe(400);
    expect(fields(bad)).toContain('body.deadline');
  });

  it('assigns a task: facets, deadlines, audit, and a notification to the lead unit', async () => {
    const before = await countNotifications(t);
    const task = await createTask(
      coordinator,
      taskBody(notice, orgs.haiPhong, {
        cooperatorOrganisationIds: [orgs.vuPtdp],
        expectedProduct: 'Đề án trình UBND thành phố',
        priority: 'high',
      }),
    );
    expect(task).toMatchObject({
      completion: 'open',
      timeliness: 'within_deadline',
      dueSoon: false,
      deadline: '2025-12-31',
      originalDeadline: '2025-12-31',
      dueOn: '2025-12-31',
      priority: 'high',
      number: '1',
      leadOrganisation: { id: orgs.haiPhong, unit: { id: '31@2025-07-01', validToday: true } },
      cooperators: [{ id: orgs.vuPtdp, unit: null }],
      assignedBy: { id: orgs.ministry },
      source: { kind: 'conclusion_notice', id: notice },
    });
    expect(task.source.label).toMatch(/^Thông báo kết luận số .* ngày 20\/08\/2025$/);
    expect(task.can).toMatchObject({ edit: true, delete: true, decideExtension: false });
    expect(await countAudit(t, { entityType: 'task', entityId: task.id, action: 'create' })).toBe(
      1,
    );
    // Both Hải Phòng accounts hear of it; the coordinator who acted and other provinces do not.
    for (const u of ['hp.chuyenvien', 'hp.lanhdao']) {
      const mine = await notificationsOf(t, u, 'task_assigned');
      expect(mine.map((n) => n.entityId)).toEqual([task.id]);
    }
    expect(await notificationsOf(t, 'bo.dieuphoi', 'task_assigned')).toEqual([]);
    expect(await notificationsOf(t, 'hue.chuyenvien', 'task_assigned')).toEqual([]);
    expect(await countNotifications(t)).toBe(before + 2);
    // The lead's view: it may report, not edit.
    expect((await detail(hp, task.id)).can).toMatchObject({
      edit: false,
      delete: false,
      report: true,
      complete: true,
      requestExtension: true,
    });
  });

  it('validates the schedule, the organisations and the source, writing nothing', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ deadline: '2025-08-01' }, 'body.deadline'],
      [{ deadline: null }, 'body.deadline'],
      [{ recurrence: 'quarterly' }, 'body.deadline'],
      [
        { deadline: null, recurrence: 'monthly', recurrenceEndsOn: '2025-08-31' },
        'body.recurrenceEndsOn',
      ],
      [{ recurrenceEndsOn: '2026-12-31' }, 'body.recurrenceEndsOn'],
      [{ leadOrganisationId: NO_ID }, 'body.leadOrganisationId'],
      [{ cooperatorOrganisationIds: [orgs.haiPhong] }, 'body.cooperatorOrganisationIds.0'],
      [{ cooperatorOrganisationIds: [orgs.hue, orgs.hue] }, 'body.cooperatorOrganisationIds.1'],
      [{ sourceId: NO_ID }, 'body.sourceId'],
      [{ sourceKind: 'proposal', sourceId: await insertProposal(t, false) }, 'body.sourceId'],
      // The former Nam Định department ceased on 30/06/2025: no new task for it after that.
      [{ leadOrganisationId: orgs.namDinh }, 'body.leadOrganisationId'],
    ];
    const tasksBefore = await countTasks(t);
    const auditBefore = await countAudit(t, { entityType: 'task' });
    for (const [overrides, path] of cases) {
      const res = await coordinator.post(
        '/api/v1/tasks',
        taskBody(notice, orgs.haiPhong, overrides),
      );
      expect(res.status, JSON.stringify(overrides)).toBe(400);
      expect(fields(res)).toContain(path);
    }
    expect(await countTasks(t)).toBe(tasksBefore);
    expect(await countAudit(t, { entityType: 'task' })).toBe(auditBefore);
  });

  it('takes every kind of source, and lists the tasks of one source', async () => {
    const sources = {
      directive: await insertDirective(t),
      programme_content: await insertProgrammeContent(t),
      proposal: await insertProposal(t, true),
    };
    for (const [sourceKind, sourceId] of Object.entries(sources)) {
      const task = await createTask(
        coordinator,
        taskBody(sourceId, orgs.hue, { sourceKind, deadline: '2026-06-30' }),
      );
      expect(task.source).toMatchObject({ kind: sourceKind, id: sourceId });
      expect(task.source.path).toMatch(/^\/(engagements|programmes|proposals)\/[0-9a-f-]{36}$/);
      expect(await listIds(coordinator, `&sourceKind=${sourceKind}&sourceId=${sourceId}`)).toEqual([
        task.id,
      ]);
    }
  });

  it('assigns the points of a notice at once, numbered in order, or none of them', async () => {
    const source = await insertNotice(t);
    const res = await coordinator.post('/api/v1/tasks/batch', {
      sourceKind: 'conclusion_notice',
      sourceId: source,
      assignedOn: '2025-09-10',
      tasks: [
        {
          title: 'Hoàn thiện cơ chế, chính sách',
          leadOrganisationId: orgs.ninhBinh,
          deadline: '2025-12-31',
        },
        {
          title: 'Báo cáo tình hình thực hiện',
          leadOrganisationId: orgs.ninhBinh,
          cooperatorOrganisationIds: [orgs.vuPtdp],
          recurrence: 'quarterly',
        },
        {
          number: '5',
          title: 'Phối hợp với Bộ',
          leadOrganisationId: orgs.vuPtdp,
          deadline: '2026-03-31',
        },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.items.map((i: any) => [i.number, i.recurrence, i.assignedOn])).toEqual([
      ['1', null, '2025-09-10'],
      ['2', 'quarterly', '2025-09-10'],
      ['5', null, '2025-09-10'],
    ]);
    for (const item of res.body.items) {
      expect(await countAudit(t, { entityType: 'task', entityId: item.id, action: 'create' })).toBe(
        1,
      );
    }
    // The Ministry unit's officer hears of the task its unit leads.
    expect(
      (await notificationsOf(t, 'vu.diaphuong', 'task_assigned')).map((n) => n.entityId),
    ).toContain(res.body.items[2].id);

    const tasksBefore = await countTasks(t);
    const auditBefore = await countAudit(t, { entityType: 'task' });
    const notificationsBefore = await countNotifications(t);
    const failed = await coordinator.post('/api/v1/tasks/batch', {
      sourceKind: 'conclusion_notice',
      sourceId: source,
      tasks: [
        { title: 'Hợp lệ', leadOrganisationId: orgs.ninhBinh, deadline: '2025-12-31' },
        { title: 'Không hợp lệ', leadOrganisationId: orgs.ninhBinh },
      ],
    });
    expect(failed.status).toBe(400);
    expect(fields(failed)).toEqual(['body.tasks.1.deadline']);
    expect(await countTasks(t)).toBe(tasksBefore);
    expect(await countAudit(t, { entityType: 'task' })).toBe(auditBefore);
    expect(await countNotifications(t)).toBe(notificationsBefore);
    const empty = { sourceKind: 'conclusion_notice', sourceId: source, tasks: [] };
    expect((await hp.post('/api/v1/tasks/batch', empty)).status).toBe(403);
    expect((await coordinator.post('/api/v1/tasks/batch', empty)).status).toBe(400);
    expect((await t.anonymous.post('/api/v1/tasks/batch', empty)).status).toBe(401);
  });
});

describe('who sees and works on a task', () => {
  let hpTask: string;
  let hueTask: string;
  let ministryTask: string;
  let namDinhTask: string;

  beforeAll(async () => {
    hpTask = (await createTask(coordinator, taskBody(notice, orgs.haiPhong))).id;
    hueTask = (
      await createTask(
        coordinator,
        taskBody(notice, orgs.hue, { cooperatorOrganisationIds: [orgs.haiPhong] }),
      )
    ).id;
    ministryTask = (await createTask(coordinator, taskBody(notice, orgs.vuPtdp))).id;
    // Assigned to the Nam Định department before the reform.
    namDinhTask = (
      await createTask(
        coordinator,
        taskBody(notice, orgs.namDinh, {
          assignedOn: '2025-05-15',
          title: 'Xây dựng Nam Định thành trung tâm KH&CN vùng Nam Đồng bằng sông Hồng',
        }),
      )
    ).id;
  });

  it('shows a province the tasks it leads or cooperates on, and hides the others (404)', async () => {
    const seen = await listIds(hp);
    expect(seen).toEqual(expect.arrayContaining([hpTask, hueTask]));
    expect(seen).not.toContain(ministryTask);
    expect(seen).not.toContain(namDinhTask);
    expect((await hp.get(`/api/v1/tasks/${ministryTask}`)).status).toBe(404);
    expect((await hue.get(`/api/v1/tasks/${hpTask}`)).status).toBe(404);
    expect((await hp.get(`/api/v1/tasks/${NO_ID}`)).status).toBe(404);
    expect((await hp.get('/api/v1/tasks/khong-phai-uuid')).status).toBe(400);
    // Ministry staff and the national viewer see everything.
    for (const client of [unitOfficer, viewer, coordinator]) {
      expect(await listIds(client)).toEqual(
        expect.arrayContaining([hpTask, hueTask, ministryTask, namDinhTask]),
      );
    }
  });

  it('shows a former province’s task under its successor, and filters by province with lineage', async () => {
    expect((await nb.get(`/api/v1/tasks/${namDinhTask}`)).status).toBe(200);
    expect((await nd.get(`/api/v1/tasks/${namDinhTask}`)).status).toBe(200);
    expect((await hue.get(`/api/v1/tasks/${namDinhTask}`)).status).toBe(404);
    expect(await listIds(nb)).toContain(namDinhTask);
    expect(await listIds(coordinator, '&leadUnitId=37@2025-07-01')).toContain(namDinhTask);
    expect(await listIds(coordinator, '&leadUnitId=31@2025-07-01')).not.toContain(namDinhTask);
    const d = await detail(coordinator, namDinhTask);
    expect(d.leadOrganisation.unit).toMatchObject({
      id: '36@2008-08-01',
      nameVi: 'Nam Định',
      validToday: false,
      successors: [{ id: '37@2025-07-01', nameVi: 'Ninh Bình' }],
    });
  });

  it('lets only the lead unit (or the Ministry side) report: 403 for a cooperator or a viewer, 404 for a stranger', async () => {
    const report = { narrative: 'Đã xây dựng dự thảo.' };
    expect((await hp.post(`/api/v1/tasks/${hueTask}/reports`, report)).status).toBe(403);
    expect((await viewer.post(`/api/v1/tasks/${hpTask}/reports`, report)).status).toBe(403);
    expect((await hue.post(`/api/v1/tasks/${hpTask}/reports`, report)).status).toBe(404);
    expect((await unitOfficer.post(`/api/v1/tasks/${hpTask}/reports`, report)).status).toBe(403);
    expect((await unitOfficer.post(`/api/v1/tasks/${ministryTask}/reports`, report)).status).toBe(
      201,
    );
    expect((await nb.post(`/api/v1/tasks/${namDinhTask}/reports`, report)).status).toBe(201);
    expect((await t.anonymous.post(`/api/v1/tasks/${hpTask}/reports`, report)).status).toBe(401);
    expect((await detail(hp, hueTask)).can).toMatchObject({
      report: false,
      edit: false,
      complete: false,
    });
  });

  it('lets the lead unit attach evidence; a cooperator reads it but cannot add', async () => {
    const upload = (client: Client, entityId: string) => {
      const boundary = 'caunoi-boundary';
      const payload = [
        `--${boundary}\r\nContent-Disposition: form-data; name="entityType"\r\n\r\ntask`,
        `--${boundary}\r\nContent-Disposition: form-data; name="entityId"\r\n\r\n${entityId}`,
        `--${boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nevidence`,
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bao-cao.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 thử`,
        `--${boundary}--\r\n`,
      ].join('\r\n');
      return client.request('POST', '/api/v1/attachments', payload, {
        'content-type': `multipart/form-data; boundary=${boundary}`,
      });
    };
    const ok = await upload(hue, hueTask);
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect((await upload(hp, hueTask)).status).toBe(404);
    const listed = await hp.get(`/api/v1/attachments?entityType=task&entityId=${hueTask}`);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(1);
    expect((await nb.get(`/api/v1/attachments?entityType=task&entityId=${hueTask}`)).status).toBe(
      404,
    );
  });
});

describe('editing and deleting', () => {
  it('edits a task (the assigning side only) and tells a new lead unit', async () => {
    const task = await createTask(coordinator, taskBody(notice, orgs.haiPhong));
    expect((await hp.patch(`/api/v1/tasks/${task.id}`, { title: 'Sửa' })).status).toBe(403);
    expect((await coordinator.patch(`/api/v1/tasks/${NO_ID}`, { title: 'Sửa' })).status).toBe(404);
    expect((await coordinator.patch(`/api/v1/tasks/${task.id}`, {})).status).toBe(400);
    const bad = await coordinator.patch(`/api/v1/tasks/${task.id}`, { deadline: '2025-01-01' });
    expect(bad.status).toBe(400);
    expect(fields(bad)).toContain('body.deadline');

    const res = await coordinator.patch(`/api/v1/tasks/${task.id}`, {
      title: 'Xây dựng Huế thành trung tâm KH&CN lớn của cả nước',
      leadOrganisationId: orgs.hue,
      deadline: '2026-01-31',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      title: 'Xây dựng Huế thành trung tâm KH&CN lớn của cả nước',
      leadOrganisation: { id: orgs.hue },
      deadline: '2026-01-31',
      // A correction before any extension corrects the original deadline too.
      originalDeadline: '2026-01-31',
    });
    expect(await countAudit(t, { entityType: 'task', entityId: task.id, action: 'update' })).toBe(
      1,
    );
    expect(
      (await notificationsOf(t, 'hue.chuyenvien', 'task_assigned')).map((n) => n.entityId),
    ).toContain(task.id);
    expect((await hp.get(`/api/v1/tasks/${task.id}`)).status).toBe(404);
    // Turning it into a periodic task must drop the deadline.
    const both = await coordinator.patch(`/api/v1/tasks/${task.id}`, { recurrence: 'monthly' });
    expect(fields(both)).toContain('body.deadline');
    const periodic = await coordinator.patch(`/api/v1/tasks/${task.id}`, {
      recurrence: 'monthly',
      deadline: null,
    });
    expect(periodic.status).toBe(200);
    expect(periodic.body.obligations.map((o: any) => o.cycle)).toEqual([
      '2025M09',
      '2025M10',
      '2025M11',
    ]);
    expect(periodic.body).toMatchObject({ deadline: null, originalDeadline: null });
  });

  it('deletes a task without reports, and refuses (409) once a report exists', async () => {
    const task = await createTask(coordinator, taskBody(notice, orgs.haiPhong));
    expect((await hp.delete(`/api/v1/tasks/${task.id}`)).status).toBe(403);
    expect(
      (await hp.post(`/api/v1/tasks/${task.id}/reports`, { narrative: 'Đang triển khai.' })).status,
    ).toBe(201);
    const refused = await coordinator.delete(`/api/v1/tasks/${task.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/báo cáo/);
    expect(await countAudit(t, { entityType: 'task', entityId: task.id, action: 'delete' })).toBe(
      0,
    );
    expect((await detail(coordinator, task.id)).can.delete).toBe(false);

    const spare = await createTask(coordinator, taskBody(notice, orgs.haiPhong));
    expect((await coordinator.delete(`/api/v1/tasks/${NO_ID}`)).status).toBe(404);
    expect((await coordinator.delete(`/api/v1/tasks/${spare.id}`)).status).toBe(204);
    expect((await coordinator.get(`/api/v1/tasks/${spare.id}`)).status).toBe(404);
    expect(await countAudit(t, { entityType: 'task', entityId: spare.id, action: 'delete' })).toBe(
      1,
    );
    // The notifications about it go with it.
    expect((await notificationsOf(t, 'hp.chuyenvien')).map((n) => n.entityId)).not.toContain(
      spare.id,
    );
  });
});

describe('progress and completion', () => {
  it('records progress reports and tells the assigning side', async () => {
    const task = await createTask(coordinator, taskBody(notice, orgs.haiPhong));
    const res = await hp.post(`/api/v1/tasks/${task.id}/reports`, {
      narrative: 'Đã hoàn thành dự thảo đề án, đang lấy ý kiến các sở.',
      percent: 60,
      difficulties: 'Thiếu chuyên gia về kinh tế biển.',
      requests: 'Đề nghị Bộ hỗ trợ chuyên gia.',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      reportedOn: '2025-11-15',
      percent: 60,
      cycle: null,
      reportedBy: { displayName: 'Chuyên viên Sở KH&CN Hải Phòng' },
    });
    expect(
      await countAudit(t, { entityType: 'task_report', entityId: res.body.id, action: 'create' }),
    ).toBe(1);
    expect(
      (await notificationsOf(t, 'bo.dieuphoi', 'progress_reported')).map((n) => n.entityId),
    ).toContain(task.id);
    const d = await detail(coordinator, task.id);
    expect(d.latestPercent).toBe(60);
    expect(d.reports).toHaveLength(1);
    expect(d.reports[0].reportedBy.displayName).toBe('Chuyên viên Sở KH&CN Hải Phòng');

    const reportsBefore = await countAudit(t, { entityType: 'task_report' });
    for (const [body, path] of [
      [{ narrative: 'x', percent: 120 }, 'body.percent'],
      [{ narrative: 'x', reportedOn: '2025-12-01' }, 'body.reportedOn'],
      [{ narrative: 'x', reportedOn: '2025-08-01' }, 'body.reportedOn'],
      [{ narrative: 'x', cycle: '2025Q4' }, 'body.cycle'],
      [{ narrative: '' }, 'body.narrative'],
    ] as const) {
      const bad = await hp.post(`/api/v1/tasks/${task.id}/reports`, body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(fields(bad)).toContain(path);
    }
    expect(await countAudit(t, { entityType: 'task_report' })).toBe(reportsBefore);
    expect((await hp.post(`/api/v1/tasks/${NO_ID}/reports`, { narrative: 'x' })).status).toBe(404);
  });

  it('completes a task on time, refuses reports afterwards, and lets the assigning side reopen it', async () => {
    const task = await createTask(coordinator, taskBody(notice, orgs.haiPhong));
    const missing = await hp.post(`/api/v1/tasks/${task.id}/complete`, {});
    expect(fields(missing)).toContain('body.output');
    expect((await hp.post(`/api/v1/tasks/${NO_ID}/complete`, { output: 'x' })).status).toBe(404);
    expect((await viewer.post(`/api/v1/tasks/${task.id}/complete`, { output: 'x' })).status).toBe(
      403,
    );
    const done = await hp.post(`/api/v1/tasks/${task.id}/complete`, {
      completedOn: '2025-11-14',
      output: 'Công văn số 512/SKHCN-QLKH ngày 14/11/2025',
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({
      completion: 'done',
      timeliness: 'on_time',
      completedOn: '2025-11-14',
      doneOn: '2025-11-14',
      completionOutput: 'Công văn số 512/SKHCN-QLKH ngày 14/11/2025',
      can: { report: false, complete: false, requestExtension: false },
    });
    expect(await countAudit(t, { entityType: 'task', entityId: task.id, action: 'complete' })).toBe(
      1,
    );
    expect(
      (await notificationsOf(t, 'bo.dieuphoi', 'progress_reported')).find(
        (n) => n.entityId === task.id,
      )?.title,
    ).toMatch(/^Đã hoàn thành/);
    expect((await hp.post(`/api/v1/tasks/${task.id}/reports`, { narrative: 'Thêm' })).status).toBe(
      409,
    );
    expect((await hp.post(`/api/v1/tasks/${task.id}/complete`, { output: 'Lần hai' })).status).toBe(
      409,
    );
    expect((await hp.post(`/api/v1/tasks/${task.id}/reopen`)).status).toBe(403);
    expect((await detail(coordinator, task.id)).can.reopen).toBe(true);
    const reopened = await coordinator.post(`/api/v1/tasks/${task.id}/reopen`);
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ completion: 'open', completedOn: null });
    expect(await countAudit(t, { entityType: 'task', entityId: task.id, action: 'reopen' })).toBe(
      1,
    );
    expect((await coordinator.post(`/api/v1/tasks/${task.id}/reopen`)).status).toBe(409);
    expect((await coordinator.post(`/api/v1/tasks/${NO_ID}/reopen`)).status).toBe(404);
  });

  it('reports a periodic task per cycle and judges each cycle', async () => {
    const task = await createTask(
      coordinator,
      taskBody(notice, orgs.haiPhong, {
        deadline: null,
        recurrence: 'quarterly',
        recurrenceEndsOn: '2026-12-31',
        assignedOn: '2025-07-10',
      }),
    );
    expect(task.obligations.map((o: any) => [o.cycle, o.dueOn, o.timeliness])).toEqual([
      ['2025Q3', '2025-09-30', 'overdue'],
      ['2025Q4', '2025-12-31', 'within_deadline'],
    ]);
    expect(task).toMatchObject({ timeliness: 'overdue', deadline: null, dueOn: '2025-09-30' });
    for (const cycle of [null, '2025-Q3', '2025M07', '2026Q1', '2025Q2']) {
      const res = await hp.post(`/api/v1/tasks/${task.id}/reports`, {
        narrative: 'Báo cáo quý',
        cycle,
      });
      expect(res.status, String(cycle)).toBe(400);
      expect(fields(res)).toContain('body.cycle');
    }
    const q3 = await hp.post(`/api/v1/tasks/${task.id}/reports`, {
      narrative: 'Báo cáo quý III',
      cycle: '2025Q3',
    });
    expect(q3.status).toBe(201);
    const after = await detail(hp, task.id);
    expect(after.obligations.map((o: any) => [o.cycle, o.completion, o.timeliness])).toEqual([
      ['2025Q3', 'done', 'late'],
      ['2025Q4', 'open', 'within_deadline'],
    ]);
    expect(after).toMatchObject({
      completion: 'open',
      timeliness: 'within_deadline',
      dueOn: '2025-12-31',
    });
    // Periodic tasks have no deadline to extend.
    const ext = await hp.post(`/api/v1/tasks/${task.id}/extensions`, {
      requestedDeadline: '2026-01-31',
      reason: 'x',
    });
    expect(ext.status).toBe(409);
  });
});

describe('deadline extensions', () => {
  it('keeps both deadlines visible after an approved extension, and every request listed', async () => {
    const task = await createTask(coordinator, taskBody(notice, orgs.haiPhong));
    const ask = (client: Client, requestedDeadline: string, reason = 'Chờ ý kiến thẩm định.') =>
      client.post(`/api/v1/tasks/${task.id}/extensions`, { requestedDeadline, reason });
    expect((await viewer.post(`/api/v1/tasks/${task.id}/extensions`, {})).status).toBe(403);
    expect((await hue.post(`/api/v1/tasks/${task.id}/extensions`, {})).status).toBe(400);
    expect((await ask(hue, '2026-02-28')).status).toBe(404);
    const early = await ask(hp, '2025-12-31');
    expect(early.status).toBe(400);
    expect(fields(early)).toContain('body.requestedDeadline');

    const asked = await ask(hp, '2026-02-28', 'Chờ ý kiến thẩm định của các sở, ngành.');
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    expect(asked.body).toMatchObject({
      pendingExtension: true,
      deadline: '2025-12-31',
      can: { requestExtension: false },
    });
    expect((await ask(hp, '2026-03-31')).status).toBe(409);
    expect(await listIds(coordinator, '&hasPendingExtension=true')).toContain(task.id);
    expect(await listIds(coordinator, '&hasPendingExtension=false')).not.toContain(task.id);
    expect(
      (await notificationsOf(t, 'bo.dieuphoi', 'extension_requested')).map((n) => n.entityId),
    ).toContain(task.id);

    const ext = asked.body.extensions[0];
    const decide = (client: Client, id: string, body: unknown) =>
      client.post(`/api/v1/task-extensions/${id}/decision`, body);
    expect((await decide(hp, ext.id, { approve: true })).status).toBe(403);
    expect((await decide(coordinator, NO_ID, { approve: true })).status).toBe(404);
    expect((await decide(coordinator, ext.id, { approve: 'có' })).status).toBe(400);
    expect((await decide(t.anonymous, ext.id, { approve: true })).status).toBe(401);
    const approved = await decide(coordinator, ext.id, {
      approve: true,
      note: 'Đồng ý gia hạn một lần.',
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body).toMatchObject({
      deadline: '2026-02-28',
      originalDeadline: '2025-12-31',
      dueOn: '2026-02-28',
      pendingExtension: false,
    });
    expect(approved.body.extensions).toEqual([
      expect.objectContaining({
        previousDeadline: '2025-12-31',
        requestedDeadline: '2026-02-28',
        status: 'approved',
        decisionNote: 'Đồng ý gia hạn một lần.',
        requestedBy: expect.objectContaining({ displayName: 'Chuyên viên Sở KH&CN Hải Phòng' }),
        decidedBy: expect.objectContaining({ displayName: 'Điều phối viên Bộ KH&CN' }),
      }),
    ]);
    expect((await decide(coordinator, ext.id, { approve: false, note: 'x' })).status).toBe(409);
    expect(
      await countAudit(t, { entityType: 'task_extension', entityId: ext.id, action: 'decide' }),
    ).toBe(1);
    expect(await countAudit(t, { entityType: 'task', entityId: task.id, action: 'extend' })).toBe(
      1,
    );
    const told = await notificationsOf(t, 'hp.lanhdao', 'extension_decided');
    expect(told.find((n) => n.entityId === task.id)?.title).toMatch(/^Đồng ý gia hạn/);

    // A second request is refused with a reason; the deadline stays.
    const second = await ask(hp, '2026-06-30', 'Thêm thời gian');
    const pending = second.body.extensions.find((e: any) => e.status === 'pending');
    const noReason = await decide(coordinator, pending.id, { approve: false });
    expect(noReason.status).toBe(400);
    expect(fields(noReason)).toContain('body.note');
    const refused = await decide(coordinator, pending.id, {
      approve: false,
      note: 'Không có căn cứ gia hạn thêm.',
    });
    expect(refused.body).toMatchObject({ deadline: '2026-02-28', originalDeadline: '2025-12-31' });
    expect(
      refused.body.extensions.map((e: any) => [e.previousDeadline, e.requestedDeadline, e.status]),
    ).toEqual([
      ['2025-12-31', '2026-02-28', 'approved'],
      ['2026-02-28', '2026-06-30', 'refused'],
    ]);
  });
});

describe('explanations and the clock', () => {
  it('asks for an explanation only when the task is overdue, and takes the answer once', async () => {
    const task = await createTask(
      coordinator,
      taskBody(notice, orgs.haiPhong, { deadline: '2025-11-20' }),
    );
    expect(task).toMatchObject({ timeliness: 'within_deadline', dueSoon: true });
    expect(
      (await coordinator.post(`/api/v1/tasks/${NO_ID}/explanations`, { requestText: 'x' })).status,
    ).toBe(404);
    expect((await coordinator.post(`/api/v1/tasks/${task.id}/explanations`, {})).status).toBe(400);
    const early = await coordinator.post(`/api/v1/tasks/${task.id}/explanations`, {
      requestText: 'Đề nghị giải trình.',
    });
    expect(early.status).toBe(409);

    clock.set('2025-11-25T03:00:00Z');
    try {
      const overdue = await detail(coordinator, task.id);
      expect(overdue).toMatchObject({
        timeliness: 'overdue',
        dueSoon: false,
        daysLate: 5,
        can: { requestExplanation: true },
      });
      expect(
        (await hp.post(`/api/v1/tasks/${task.id}/explanations`, { requestText: 'x' })).status,
      ).toBe(403);
      const bad = await coordinator.post(`/api/v1/tasks/${task.id}/explanations`, {
        requestText: 'x',
        answerDueOn: '2025-11-01',
      });
      expect(fields(bad)).toContain('body.answerDueOn');
      const asked = await coordinator.post(`/api/v1/tasks/${task.id}/explanations`, {
        requestText: 'Đề nghị giải trình lý do chậm và thời hạn hoàn thành.',
        answerDueOn: '2025-12-01',
      });
      expect(asked.status, JSON.stringify(asked.body)).toBe(201);
      expect(asked.body.openExplanations).toBe(1);
      expect(
        (
          await coordinator.post(`/api/v1/tasks/${task.id}/explanations`, {
            requestText: 'Lần hai',
          })
        ).status,
      ).toBe(409);
      expect(await listIds(hp, '&hasOpenExplanation=true')).toContain(task.id);
      expect(
        (await notificationsOf(t, 'hp.chuyenvien', 'explanation_requested')).map((n) => n.entityId),
      ).toContain(task.id);

      const x = asked.body.explanations[0];
      const answer = (client: Client, id: string, answerText: string) =>
        client.post(`/api/v1/task-explanations/${id}/answer`, { answerText });
      expect((await answer(viewer, x.id, 'x')).status).toBe(403);
      expect((await answer(hue, x.id, 'x')).status).toBe(404);
      expect((await answer(hp, NO_ID, 'x')).status).toBe(404);
      expect((await answer(hp, x.id, '')).status).toBe(400);
      const answered = await answer(
        hpLead,
        x.id,
        'Do chờ ý kiến thẩm định; sẽ hoàn thành trước 15/12/2025.',
      );
      expect(answered.status, JSON.stringify(answered.body)).toBe(200);
      expect(answered.body.explanations[0]).toMatchObject({
        answerText: 'Do chờ ý kiến thẩm định; sẽ hoàn thành trước 15/12/2025.',
        answeredBy: { displayName: 'Lãnh đạo Sở KH&CN Hải Phòng' },
        answeredAt: '2025-11-25T03:00:00.000Z',
      });
      expect(answered.body.openExplanations).toBe(0);
      expect((await answer(hp, x.id, 'Lần hai')).status).toBe(409);
      expect(
        await countAudit(t, { entityType: 'task_explanation', entityId: x.id, action: 'answer' }),
      ).toBe(1);
      expect(
        (await notificationsOf(t, 'bo.dieuphoi', 'explanation_answered')).map((n) => n.entityId),
      ).toContain(task.id);

      // Completed after the deadline: done late.
      const done = await hp.post(`/api/v1/tasks/${task.id}/complete`, {
        output: 'Báo cáo số 77/BC-SKHCN',
      });
      expect(done.body).toMatchObject({ completion: 'done', timeliness: 'late', daysLate: 5 });
    } finally {
      clock.set('2025-11-15T03:00:00Z');
    }
  });
});

describe('lists', () => {
  it('filters by facet, deadline and text (tone-insensitive), sorted by deadline', async () => {
    const source = await insertNotice(t);
    const make = (title: string, deadline: string) =>
      createTask(coordinator, taskBody(source, orgs.ninhBinh, { title, deadline }));
    const soon = await make('Đánh giá trình độ công nghệ sản xuất', '2025-11-20');
    const later = await make('Phát triển tài sản trí tuệ', '2026-03-31');
    const overdue = await make('Tổng kết chương trình nông thôn mới', '2025-11-01');
    const done = await make('Hỗ trợ doanh nghiệp khởi nghiệp', '2025-11-10');
    await nb.post(`/api/v1/tasks/${done.id}/complete`, {
      completedOn: '2025-11-12',
      output: 'Xong',
    });

    const q = (query: string) => listIds(coordinator, `&sourceId=${source}${query}`);
    expect(await q('')).toEqual([overdue.id, done.id, soon.id, later.id]);
    expect(await q('&sort=-deadline')).toEqual([later.id, soon.id, done.id, overdue.id]);
    expect(await q('&completion=open')).toEqual([overdue.id, soon.id, later.id]);
    expect(await q('&completion=done&timeliness=late')).toEqual([done.id]);
    expect(await q('&timeliness=overdue')).toEqual([overdue.id]);
    expect(await q('&timeliness=within_deadline')).toEqual([soon.id, later.id]);
    expect(await q('&dueSoon=true')).toEqual([soon.id]);
    expect(await q('&deadlineFrom=2025-11-15&deadlineTo=2025-12-31')).toEqual([soon.id]);
    expect(await q('&q=tai san tri tue')).toEqual([later.id]);
    expect(await q(`&leadOrganisationId=${orgs.ninhBinh}&priority=normal`)).toHaveLength(4);
    expect(await q('&priority=high')).toEqual([]);
    expect((await coordinator.get('/api/v1/tasks?completion=half')).status).toBe(400);
    const paged = await coordinator.get(`/api/v1/tasks?sourceId=${source}&pageSize=2&page=2`);
    expect(paged.body).toMatchObject({ total: 4, page: 2, pageSize: 2 });
    expect(paged.body.items.map((i: any) => i.id)).toEqual([soon.id, later.id]);
  });
});

describe('league tables', () => {
  beforeAll(async () => {
    const source = await insertProgrammeContent(t);
    const make = (leadOrganisationId: string, extra: Record<string, unknown>) =>
      createTask(
        coordinator,
        taskBody(source, leadOrganisationId, { sourceKind: 'programme_content', ...extra }),
      );
    // Hải Phòng: one done on time, one done late, one overdue, one due soon, one due next year.
    const a = await make(orgs.haiPhong, { deadline: '2025-10-31' });
    await hp.post(`/api/v1/tasks/${a.id}/complete`, { completedOn: '2025-10-20', output: 'Xong' });
    const b = await make(orgs.haiPhong, { deadline: '2025-10-31' });
    await hp.post(`/api/v1/tasks/${b.id}/complete`, { completedOn: '2025-11-05', output: 'Xong' });
    await make(orgs.haiPhong, { deadline: '2025-11-10' });
    await make(orgs.haiPhong, { deadline: '2025-11-20' });
    await make(orgs.haiPhong, { deadline: '2026-03-31' });
    // Ninh Bình: the former Nam Định's task done on time, and a quarterly task (Q3 missed, Q4 open).
    const c = await make(orgs.namDinh, { assignedOn: '2025-03-01', deadline: '2025-05-31' });
    await nd.post(`/api/v1/tasks/${c.id}/complete`, { completedOn: '2025-05-02', output: 'Xong' });
    await make(orgs.ninhBinh, {
      deadline: null,
      recurrence: 'quarterly',
      assignedOn: '2025-07-15',
    });
  });

  const query = 'sourceKind=programme_content&from=2025-01-01&to=2025-12-31';

  it('counts obligations by facet per province, a former province under today’s', async () => {
    const res = await coordinator.get(`/api/v1/tasks/league?groupBy=province&${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(
      res.body.rows.map((r: any) => [
        r.rank,
        r.name,
        r.unit.id,
        r.doneOnTime,
        r.doneLate,
        r.openWithinDeadline,
        r.openOverdue,
        r.dueSoon,
        r.total,
        r.onTimeRate,
      ]),
    ).toEqual([
      [1, 'Ninh Bình', '37@2025-07-01', 1, 0, 1, 1, 0, 3, 1],
      [2, 'Hải Phòng', '31@2025-07-01', 1, 1, 1, 1, 1, 4, 0.5],
    ]);
    expect(res.body.meta).toMatchObject({
      groupBy: 'province',
      from: '2025-01-01',
      to: '2025-12-31',
      today: '2025-11-15',
      dueSoonDays: 7,
    });
    expect(res.body.meta.formula).toMatch(/^Tỷ lệ đúng hạn = Số hoàn thành đúng hạn ÷/);
    expect(res.body.totals).toMatchObject({
      total: 7,
      doneOnTime: 2,
      doneLate: 1,
      onTimeRate: 2 / 3,
    });
    // A province sees its own row only.
    const mine = await hp.get(`/api/v1/tasks/league?groupBy=province&${query}`);
    expect(mine.body.rows.map((r: any) => r.unit.id)).toEqual(['31@2025-07-01']);
    expect((await t.anonymous.get(`/api/v1/tasks/league?${query}`)).status).toBe(401);
    expect((await coordinator.get('/api/v1/tasks/league?groupBy=city')).status).toBe(400);
    expect((await coordinator.get('/api/v1/tasks/league?from=2025-13-01')).status).toBe(400);
  });

  it('groups by lead organisation, keeping the former department apart under today’s province', async () => {
    const res = await coordinator.get(`/api/v1/tasks/league?groupBy=organisation&${query}`);
    expect(res.status).toBe(200);
    const byOrg = new Map((res.body.rows as any[]).map((r) => [r.organisationId, r]));
    expect(byOrg.get(orgs.namDinh)).toMatchObject({
      total: 1,
      doneOnTime: 1,
      unit: { id: '37@2025-07-01', nameVi: 'Ninh Bình' },
    });
    expect(byOrg.get(orgs.ninhBinh)).toMatchObject({ total: 2, openOverdue: 1 });
    expect(byOrg.get(orgs.haiPhong)).toMatchObject({ total: 4, onTimeRate: 0.5 });
  });

  it('exports the table as an Excel workbook with Vietnamese headers, numbers and notes', async () => {
    expect((await t.anonymous.get(`/api/v1/tasks/league.xlsx?${query}`)).status).toBe(401);
    expect((await coordinator.get('/api/v1/tasks/league.xlsx?to=31-12-2025')).status).toBe(400);
    const res = await coordinator.get(`/api/v1/tasks/league.xlsx?groupBy=province&${query}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toContain(
      `filename*=UTF-8''${encodeURIComponent('Bảng xếp hạng nhiệm vụ 2025-01-01_2025-12-31.xlsx')}`,
    );
    expect(disposition).toContain('filename="Bang xep hang nhiem vu 2025-01-01_2025-12-31.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.raw.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Bảng xếp hạng', 'Ghi chú']);
    const sheet = workbook.getWorksheet('Bảng xếp hạng')!;
    expect(String(sheet.getCell('A1').value)).toBe('BẢNG XẾP HẠNG THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO');
    expect(String(sheet.getCell('A2').value)).toContain('Kỳ: Từ 01/01/2025 đến 31/12/2025');
    expect(sheet.getRow(4).values).toEqual([
      undefined,
      'Hạng',
      'Tỉnh, thành phố',
      'Hoàn thành đúng hạn',
      'Hoàn thành quá hạn',
      'Chưa hoàn thành – trong hạn',
      'Chưa hoàn thành – quá hạn',
      'Trong đó: sắp đến hạn',
      'Tổng số',
      'Tỷ lệ đúng hạn (%)',
    ]);
    const row = (n: number) => sheet.getRow(n).values as unknown[];
    expect(row(5).slice(1)).toEqual([1, 'Ninh Bình', 1, 0, 1, 1, 0, 3, 1]);
    expect(row(6).slice(1)).toEqual([2, 'Hải Phòng', 1, 1, 1, 1, 1, 4, 0.5]);
    expect(row(7).slice(2, 9)).toEqual(['Tổng cộng', 2, 1, 2, 2, 1, 7]);
    expect(sheet.getRow(6).getCell(9).numFmt).toBe('0.0%');
    expect(sheet.getRow(6).getCell(3).numFmt).toBe('#,##0');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(sheet.autoFilter).toBe('A4:I6');
    expect(sheet.getColumn(2).width).toBeGreaterThan(20);
    const notes = workbook.getWorksheet('Ghi chú')!;
    const text = (notes.getColumn(2).values as unknown[]).join('\n');
    expect(text).toContain('Tỷ lệ đúng hạn = Số hoàn thành đúng hạn');
    expect(text).toContain('tỉnh, thành phố hiện nay kế thừa');
  });
});
