import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { createDeps } from '../../src/bootstrap.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import { deliverOutbox, type MailTransport } from '../../src/modules/notifications/mailer.js';
import { startScheduler } from '../../src/modules/notifications/scheduler.js';
import { createTestApp, type Client, type TestApp } from '../support/harness.js';
import { testConfig } from '../support/test-config.js';
import { users } from '../../src/db/schema.js';
import { countAudit, tokenClient } from '../support/factories/accounts.js';
import {
  createTask,
  insertNotice,
  jobRunRows,
  notificationsOf,
  organisations,
  outboxRows,
  setEmail,
  taskBody,
  testClock,
} from '../support/factories/tasks.js';

// 15/11/2025, 10:00 in Vietnam: past the daily run time (07:00).
const clock = testClock('2025-11-15T03:00:00Z');
const PUBLIC_URL = 'https://caunoi.most.gov.vn';

let t: TestApp;
let orgs: Awaited<ReturnType<typeof organisations>>;
let notice: string;
let admin: Client;
let coordinator: Client;
let hp: Client;
let hpLead: Client;

beforeAll(async () => {
  t = await createTestApp({ now: clock.now, config: { publicUrl: PUBLIC_URL } });
  // The demo accounts have addresses; these tests give one to the users they mean to reach.
  await t.database.db.update(users).set({ email: null });
  orgs = await organisations(t);
  notice = await insertNotice(t);
  admin = await tokenClient(t, 'admin');
  coordinator = await tokenClient(t, 'bo.dieuphoi');
  hp = await tokenClient(t, 'hp.chuyenvien');
  hpLead = await tokenClient(t, 'hp.lanhdao');
});
afterAll(() => t.close());

/** A task led by Hải Phòng; far deadline unless given (no reminders). */
const hpTask = (overrides: Record<string, unknown> = {}) =>
  createTask(
    coordinator,
    taskBody(notice, orgs.haiPhong, { deadline: '2026-06-30', ...overrides }),
  );

describe('in-app notifications', () => {
  it('lists mine, unread first, with the unread count; marks one or all read', async () => {
    expect((await t.anonymous.get('/api/v1/notifications')).status).toBe(401);
    expect((await hp.get('/api/v1/notifications?pageSize=0')).status).toBe(400);
    clock.set('2025-11-15T02:59:00Z');
    const first = await hpTask({ title: 'Nhiệm vụ thứ nhất' });
    clock.set('2025-11-15T03:00:00Z');
    const second = await hpTask({ title: 'Nhiệm vụ thứ hai' });
    const list = await hp.get('/api/v1/notifications');
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 2, unread: 2, page: 1 });
    expect(list.body.items.map((n: any) => [n.kind, n.entityId, n.path])).toEqual([
      ['task_assigned', second.id, `/tasks/${second.id}`],
      ['task_assigned', first.id, `/tasks/${first.id}`],
    ]);
    expect(list.body.items[0].title).toBe('Nhiệm vụ mới: Nhiệm vụ thứ hai');
    expect(list.body.items[0].body).toContain('Bộ Khoa học và Công nghệ giao');

    // Marking the newest read puts it after the unread one.
    const newest = list.body.items[0].id;
    const read = await hp.post(`/api/v1/notifications/${newest}/read`);
    expect(read.status).toBe(200);
    expect(read.body.readAt).toBe('2025-11-15T03:00:00.000Z');
    const after = await hp.get('/api/v1/notifications');
    expect(after.body.unread).toBe(1);
    expect(after.body.items.map((n: any) => n.id)).toEqual([list.body.items[1].id, newest]);
    expect((await hp.get('/api/v1/notifications?unreadOnly=true')).body.items).toHaveLength(1);

    // Someone else's notification is not mine to read.
    const others = await hpLead.get('/api/v1/notifications');
    expect((await hp.post(`/api/v1/notifications/${others.body.items[0].id}/read`)).status).toBe(
      404,
    );
    expect((await hp.post('/api/v1/notifications/khong-phai-uuid/read')).status).toBe(400);
    expect((await t.anonymous.post(`/api/v1/notifications/${newest}/read`)).status).toBe(401);

    // "Read all" covers what the user has seen: up to the newest notification shown.
    expect((await hp.post('/api/v1/notifications/read-all', {})).status).toBe(400);
    const none = await hp.post('/api/v1/notifications/read-all', {
      until: '2025-11-15T02:58:00Z',
    });
    expect(none.body).toEqual({ updated: 0 });
    const all = await hp.post('/api/v1/notifications/read-all', {
      until: list.body.items[0].createdAt,
    });
    expect(all.body).toEqual({ updated: 1 });
    expect((await hp.get('/api/v1/notifications')).body.unread).toBe(0);
    expect((await hpLead.get('/api/v1/notifications')).body.unread).toBe(2);
    expect(
      (await t.anonymous.post('/api/v1/notifications/read-all', { until: '2025-11-15T03:00:00Z' }))
        .status,
    ).toBe(401);
  });

  it('puts an e-mail with a link in the outbox for every notified user with an address', async () => {
    await setEmail(t, 'hp.chuyenvien', 'chuyenvien@skhcn.haiphong.gov.vn');
    try {
      const before = (await outboxRows(t)).length;
      const task = await hpTask({ title: 'Phát triển KH&CN biển' });
      const mails = (await outboxRows(t)).slice(before);
      // hp.lanhdao has no address: one e-mail only.
      expect(mails).toHaveLength(1);
      expect(mails[0]).toMatchObject({
        toAddress: 'chuyenvien@skhcn.haiphong.gov.vn',
        subject: '[Cầu Nối] Nhiệm vụ mới: Phát triển KH&CN biển',
        sentAt: null,
        attempts: 0,
      });
      expect(mails[0]!.body).toContain('Kính gửi Chuyên viên Sở KH&CN Hải Phòng,');
      expect(mails[0]!.body).toContain(`Xem chi tiết: ${PUBLIC_URL}/tasks/${task.id}`);
      const [notification] = (await notificationsOf(t, 'hp.chuyenvien', 'task_assigned')).filter(
        (n) => n.entityId === task.id,
      );
      expect(mails[0]!.notificationId).toBe(notification!.id);
    } finally {
      await setEmail(t, 'hp.chuyenvien', null);
    }
  });
});

describe('the outbox and the job runs, for administrators', () => {
  it('refuses everyone but the administrator', async () => {
    for (const path of ['/api/v1/system/outbox', '/api/v1/system/jobs']) {
      expect((await t.anonymous.get(path)).status).toBe(401);
      expect((await coordinator.get(path)).status).toBe(403);
      expect((await hp.get(path)).status).toBe(403);
    }
    expect((await coordinator.post('/api/v1/system/jobs/daily-reminders/run')).status).toBe(403);
    expect((await t.anonymous.post('/api/v1/system/jobs/daily-reminders/run')).status).toBe(401);
    expect((await admin.get('/api/v1/system/outbox?status=lost')).status).toBe(400);
  });

  it('shows the outbox with its counts and that no mail server is configured', async () => {
    const res = await admin.get('/api/v1/system/outbox');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ smtpConfigured: false, maxAttempts: 8 });
    expect(res.body.counts.pending).toBe(res.body.total);
    expect(res.body.items[0]).toMatchObject({ status: 'pending', attempts: 0, sentAt: null });
    expect((await admin.get('/api/v1/system/outbox?status=sent')).body.items).toEqual([]);
  });
});

describe('the daily reminders', () => {
  let dueSoon: string;
  let overdue: string;
  let periodic: string;
  let extended: string;

  beforeAll(async () => {
    dueSoon = (await hpTask({ deadline: '2025-11-18' })).id;
    overdue = (await hpTask({ deadline: '2025-11-10' })).id;
    const done = await hpTask({ deadline: '2025-11-18' });
    await hp.post(`/api/v1/tasks/${done.id}/complete`, { output: 'Xong' });
    periodic = (
      await createTask(
        coordinator,
        taskBody(notice, orgs.ninhBinh, {
          deadline: null,
          recurrence: 'quarterly',
          assignedOn: '2025-07-01',
        }),
      )
    ).id;
    // An extension asked for yesterday, still waiting.
    extended = (await hpTask()).id;
    clock.set('2025-11-14T03:00:00Z');
    const asked = await hp.post(`/api/v1/tasks/${extended}/extensions`, {
      requestedDeadline: '2026-09-30',
      reason: 'Chờ kinh phí',
    });
    expect(asked.status).toBe(201);
    clock.set('2025-11-15T03:00:00Z');
  });

  const kindsFor = async (username: string, taskId: string) =>
    (await notificationsOf(t, username))
      .filter((n) => n.entityId === taskId && n.kind !== 'task_assigned')
      .map((n) => n.kind)
      .sort();

  it('reminds of what comes due, what is overdue and what waits, once', async () => {
    const res = await admin.post('/api/v1/system/jobs/daily-reminders/run');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.run).toMatchObject({
      job: 'daily-reminders',
      runKey: '2025-11-15',
      result: { dueSoon: 1, overdue: 2, extensionsWaiting: 1, notifications: 8 },
      error: null,
    });
    expect(await kindsFor('hp.chuyenvien', dueSoon)).toEqual(['task_due_soon']);
    expect(await kindsFor('hp.lanhdao', overdue)).toEqual(['task_overdue']);
    // Overdue work also reaches the Ministry's coordinators; the periodic task's missed quarter too.
    expect(await kindsFor('bo.dieuphoi', overdue)).toEqual(['task_overdue']);
    expect(await kindsFor('nb.chuyenvien', periodic)).toEqual(['task_overdue']);
    const [missed] = (await notificationsOf(t, 'nb.chuyenvien', 'task_overdue')).filter(
      (n) => n.entityId === periodic,
    );
    expect(missed!.dedupeKey).toBe(`overdue:${periodic}:2025-09-30`);
    expect(missed!.body).toContain('Báo cáo kỳ 2025Q3');
    expect(await kindsFor('bo.dieuphoi', extended)).toEqual([
      'extension_requested',
      'extension_requested',
    ]);
    expect(await kindsFor('hp.chuyenvien', extended)).toEqual([]);
    expect(
      await countAudit(t, { entityType: 'job_run', entityId: 'daily-reminders:2025-11-15' }),
    ).toBe(1);

    // Running again the same day adds nothing (the run is recorded under a key of its own).
    const again = await admin.post('/api/v1/system/jobs/daily-reminders/run');
    expect(again.body.run.runKey).toMatch(/^2025-11-15\+manual@/);
    expect(again.body.run.result).toMatchObject({ notifications: 0, dueSoon: 1, overdue: 2 });
    expect(await kindsFor('bo.dieuphoi', overdue)).toEqual(['task_overdue']);

    // The scheduled run of the day finds it done.
    const scheduler = startScheduler(t.deps, t.app.log, null);
    await scheduler.tick();
    scheduler.stop();
    expect((await jobRunRows(t)).filter((r) => r.runKey.startsWith('2025-11-15'))).toHaveLength(2);

    const jobs = await admin.get('/api/v1/system/jobs');
    expect(jobs.body).toMatchObject({ dailyAt: '07:00', today: '2025-11-15', ranToday: true });
    expect(jobs.body.items[0].runKey).toMatch(/^2025-11-15\+manual@/);
  });

  it('runs once at 07:00 even with two app instances on one database', async () => {
    let second: Database | undefined;
    const otherApp = async () => {
      // Another process: its own connection pool on the same database (the embedded engine
      // serves one process, so there both share it).
      second =
        t.database.kind === 'postgres'
          ? await openDatabase({
              url: String(t.database.pool.options.connectionString),
              poolMax: 4,
            })
          : t.database;
      return buildApp(await createDeps(testConfig({ publicUrl: PUBLIC_URL }), second, clock.now), {
        logger: false,
        serveWeb: false,
      });
    };
    const app2 = await otherApp();
    try {
      // 16/11, 06:30 in Vietnam: not yet.
      clock.set('2025-11-15T23:30:00Z');
      const early = startScheduler(t.deps, t.app.log, null);
      await early.tick();
      early.stop();
      expect((await jobRunRows(t)).some((r) => r.runKey === '2025-11-16')).toBe(false);

      // 07:00: both instances' schedulers wake at once; a task has come due in the meantime.
      clock.set('2025-11-16T00:00:00Z');
      const fresh = (await hpTask({ deadline: '2025-11-20' })).id;
      const one = startScheduler(t.deps, t.app.log, null);
      const two = startScheduler(app2.deps, app2.log, null);
      await Promise.all([one.tick(), two.tick(), one.tick(), two.tick()]);
      one.stop();
      two.stop();
      const runs = (await jobRunRows(t)).filter((r) => r.runKey.startsWith('2025-11-16'));
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatchObject({ runKey: '2025-11-16', error: null });
      expect(runs[0]!.result).toMatchObject({ dueSoon: 2, notifications: 2 });
      expect(await kindsFor('hp.chuyenvien', fresh)).toEqual(['task_due_soon']);
      expect(await kindsFor('hp.lanhdao', fresh)).toEqual(['task_due_soon']);
      // Yesterday's reminders are not repeated.
      expect(await kindsFor('bo.dieuphoi', overdue)).toEqual(['task_overdue']);
    } finally {
      clock.set('2025-11-15T03:00:00Z');
      await app2.close();
      if (second && second !== t.database) await second.close();
    }
  });
});

describe('the e-mail sender', () => {
  it('delivers pending e-mails, retries failures with back-off, and gives up after 8 attempts', async () => {
    await setEmail(t, 'hp.lanhdao', 'lanhdao@skhcn.haiphong.gov.vn');
    await setEmail(t, 'hp.chuyenvien', 'hong@invalid');
    try {
      await hpTask({ title: 'Thư thử nghiệm' });
      const sent: Array<{ to: string; subject: string; from: string }> = [];
      const fake: MailTransport = {
        async sendMail(message) {
          if (message.to.endsWith('@invalid')) throw new Error('550 Hộp thư không tồn tại');
          sent.push(message);
          return { messageId: 'ok' };
        },
      };
      const from = 'Cầu Nối <no-reply@most.gov.vn>';
      const first = await deliverOutbox(t.database, fake, from, clock.now);
      expect(first.sent).toBeGreaterThanOrEqual(1);
      expect(first.failed).toBeGreaterThanOrEqual(1);
      expect(sent.find((m) => m.to === 'lanhdao@skhcn.haiphong.gov.vn')).toMatchObject({
        subject: '[Cầu Nối] Nhiệm vụ mới: Thư thử nghiệm',
        from,
      });
      const rows = await outboxRows(t);
      const ok = rows.find((r) => r.toAddress === 'lanhdao@skhcn.haiphong.gov.vn')!;
      expect(ok).toMatchObject({ attempts: 1, lastError: null, sentAt: clock.now() });
      const bad = rows.find((r) => r.toAddress === 'hong@invalid')!;
      expect(bad).toMatchObject({
        attempts: 1,
        sentAt: null,
        lastError: '550 Hộp thư không tồn tại',
      });

      // Not due again at once; due after the back-off (1, 3, 7… minutes after queueing).
      expect(await deliverOutbox(t.database, fake, from, clock.now)).toEqual({
        sent: 0,
        failed: 0,
      });
      const queued = bad.createdAt.getTime();
      for (let attempt = 1; attempt < 8; attempt++) {
        const at = new Date(queued + (2 ** attempt - 1) * 60_000);
        expect(await deliverOutbox(t.database, fake, from, () => at)).toEqual({
          sent: 0,
          failed: 1,
        });
      }
      const later = new Date(queued + 24 * 3600_000);
      expect(await deliverOutbox(t.database, fake, from, () => later)).toEqual({
        sent: 0,
        failed: 0,
      });
      const failed = await admin.get('/api/v1/system/outbox?status=failed');
      expect(failed.body.items).toEqual([
        expect.objectContaining({
          toAddress: 'hong@invalid',
          status: 'failed',
          attempts: 8,
          lastError: '550 Hộp thư không tồn tại',
        }),
      ]);
      const delivered = await admin.get('/api/v1/system/outbox?status=sent');
      expect(delivered.body.items.map((i: any) => i.toAddress)).toContain(
        'lanhdao@skhcn.haiphong.gov.vn',
      );
    } finally {
      await setEmail(t, 'hp.lanhdao', null);
      await setEmail(t, 'hp.chuyenvien', null);
    }
  });

  it('is run by the scheduler when a mail server is configured', async () => {
    await setEmail(t, 'hp.lanhdao', 'lanhdao@skhcn.haiphong.gov.vn');
    try {
      await hpTask({ title: 'Thư qua lịch tự động' });
      const sent: string[] = [];
      const deps = {
        ...t.deps,
        config: {
          ...t.deps.config,
          smtp: { url: 'smtp://mail.invalid', from: 'Cầu Nối <a@b.vn>' },
        },
      };
      const scheduler = startScheduler(deps, t.app.log, {
        async sendMail(m) {
          sent.push(m.subject);
        },
      });
      await scheduler.tick();
      scheduler.stop();
      expect(sent).toContain('[Cầu Nối] Nhiệm vụ mới: Thư qua lịch tự động');
    } finally {
      await setEmail(t, 'hp.lanhdao', null);
    }
  });
});
