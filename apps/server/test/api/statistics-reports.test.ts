import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../support/factories/coordination.js';
import { createTestApp, type Client, type TestApp } from '../support/harness.js';
import {
  CLEAN_CELLS,
  createForm,
  HAI_PHONG,
  IN_WINDOW,
  keys,
  NINH_BINH,
  reportUrl,
  saveCells,
} from '../support/factories/statistics.js';

let t: TestApp;
let ministry: Client;
let officer: Client;
let approver: Client;
let otherProvince: Client;
let viewer: Client;

let clock = IN_WINDOW;

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  [ministry, officer, approver, otherProvince, viewer] = await Promise.all([
    t.login('bo.dieuphoi'),
    t.login('hp.chuyenvien'),
    t.login('hp.lanhdao'),
    t.login('nb.chuyenvien'),
    t.login('xem'),
  ]);
});
afterAll(() => t.close());

const cellOf = (report: any, indicatorCode: string, optionCode = '') =>
  report.indicators
    .find((i: any) => i.code === indicatorCode)
    .cells.find((c: any) => c.optionCode === optionCode);

async function notificationsOf(username: string) {
  const r = await t.database.pool.query<{ kind: string; title: string }>(
    `SELECT n.kind, n.title FROM notifications n JOIN users u ON u.id = n.user_id
     WHERE u.username = $1 ORDER BY n.created_at`,
    [username],
  );
  return r.rows;
}

describe('the catalogue and the forms', () => {
  it('serves the starter catalogue with Vietnamese definitions to every reader, and not to the anonymous', async () => {
    const res = await viewer.get('/api/v1/statistics/catalogue');
    expect(res.status).toBe(200);
    expect(res.body.indicators.length).toBeGreaterThanOrEqual(50);
    const tasks = res.body.indicators.find((i: any) => i.code === 'TASK_IMPLEMENTED');
    expect(tasks.disaggregation).toBe('TASK_LEVEL');
    expect(tasks.definitionVi).toMatch(/nhiệm vụ/);
    expect(res.body.rules.some((r: any) => r.expression.includes('<='))).toBe(true);
    expect((await t.anonymous.get('/api/v1/statistics/catalogue')).status).toBe(401);
  });

  it('lets the Ministry create a form and refuses provinces, bad calendars and unknown indicators', async () => {
    const form = await createForm(ministry);
    const detail = await officer.get(`/api/v1/statistics/forms/${form.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.indicators).toContain('TASK_IMPLEMENTED');
    expect(detail.body.periods[0]).toMatchObject({
      code: '2025',
      opensOn: '2025-12-16',
      deadline: '2026-02-14',
      locksOn: '2026-03-31',
    });
    const base = { ...form, code: 'BM-KHAC' };
    expect((await officer.post('/api/v1/statistics/forms', base)).status).toBe(403);
    const late = await ministry.post('/api/v1/statistics/forms', {
      ...base,
      deadlineAfterDays: 100,
    });
    expect(late.status).toBe(400);
    expect(late.body.error.message).toMatch(/hạn nộp/);
    const unknown = await ministry.post('/api/v1/statistics/forms', {
      ...base,
      indicators: ['KHONG_CO'],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.unknown).toEqual(['KHONG_CO']);
    const wrongPeriod = await ministry.post('/api/v1/statistics/forms', {
      ...base,
      firstPeriod: '2024Q1',
    });
    expect(wrongPeriod.status).toBe(400);
    expect(
      (await ministry.post('/api/v1/statistics/forms', { ...base, code: form.code })).status,
    ).toBe(409);
  });
});

describe('entering values', () => {
  it('shows a report not started yet, then saves Vietnamese numbers with derived totals and history', async () => {
    const form = await createForm(ministry);
    const k = keys(form.id);
    const empty = await officer.get(reportUrl(k));
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ id: null, status: 'not_started', editable: true });

    const report = await saveCells(officer, k, [
      { indicatorCode: 'TASK_IMPLEMENTED', optionCode: 'TINH', value: '40' },
      { indicatorCode: 'TASK_IMPLEMENTED', optionCode: 'CO_SO', value: 28 },
      { indicatorCode: 'SPEND_TOTAL', optionCode: 'NSNN', value: '1.234,5' },
      { indicatorCode: 'SPEND_TOTAL', optionCode: 'NGOAI_NSNN', value: '0' },
      { indicatorCode: 'TFP_INCREASE', value: '404,3' },
      { indicatorCode: 'GRDP_INCREASE', value: '1000' },
    ]);
    expect(report.status).toBe('draft');
    const implemented = report.indicators.find((i: any) => i.code === 'TASK_IMPLEMENTED');
    expect(implemented.derived).toBe(68);
    expect(cellOf(report, 'SPEND_TOTAL', 'NSNN').value.num).toBe(1234.5);
    expect(cellOf(report, 'SPEND_TOTAL', 'NGOAI_NSNN').value.num).toBe(0);
    expect(cellOf(report, 'TASK_IMPLEMENTED', 'QUOC_GIA').value).toBeNull();
    const share = report.indicators.find((i: any) => i.code === 'TFP_SHARE_GRDP_GROWTH');
    expect(share.derived).toBeCloseTo(40.43, 2);

    await saveCells(officer, k, [
      {
        indicatorCode: 'TASK_IMPLEMENTED',
        optionCode: 'TINH',
        value: '41',
        comment: 'Bổ sung 1 nhiệm vụ',
      },
    ]);
    const history = await officer.get(
      `/api/v1/statistics/reports/history?formId=${k.formId}&unitId=${encodeURIComponent(k.unitId)}&periodCode=2025&indicatorCode=TASK_IMPLEMENTED&optionCode=TINH`,
    );
    expect(history.status).toBe(200);
    expect(
      history.body.items.map((h: any) => [h.oldNum, h.newNum, h.channel, h.actorUsername]),
    ).toEqual([
      [40, 41, 'grid', 'hp.chuyenvien'],
      [null, 40, 'grid', 'hp.chuyenvien'],
    ]);
    expect(history.body.items[0].newComment).toBe('Bổ sung 1 nhiệm vụ');
  });

  it('writes nothing when one cell of the batch is wrong, and names every wrong cell', async () => {
    const form = await createForm(ministry);
    const k = keys(form.id);
    const res = await officer.put('/api/v1/statistics/reports/values', {
      ...k,
      values: [
        { indicatorCode: 'TASK_IMPLEMENTED', optionCode: 'TINH', value: '40' },
        { indicatorCode: 'TASK_IMPLEMENTED', optionCode: 'CO_SO', value: '2,5' },
        { indicatorCode: 'TASK_IMPLEMENTED', optionCode: '', value: '68' },
        { indicatorCode: 'SPEND_TOTAL', optionCode: 'NSNN', value: '1.234' },
        { indicatorCode: 'PII_SCORE', value: '50' },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect(res.body.error.details.cells.map((c: any) => [c.index, c.code])).toEqual([
      [1, 'NOT_AN_INTEGER'],
      [2, 'DERIVED_TOTAL'],
      [3, 'AMBIGUOUS_SEPARATOR'],
      [4, 'UNKNOWN_INDICATOR'],
    ]);
    expect((await officer.get(reportUrl(k))).body.status).toBe('not_started');
  });

  it('answers 404 to another province and to a unit that does not report the period, 403 to a reader', async () => {
    const form = await createForm(ministry);
    const k = keys(form.id);
    expect((await otherProvince.get(reportUrl(k))).status).toBe(404);
    const foreign = await otherProvince.put('/api/v1/statistics/reports/values', {
      ...k,
      values: CLEAN_CELLS,
    });
    expect(foreign.status).toBe(404);
    // The former Hải Phòng no longer reports in 2025; today's reports 2025 and not 2024.
    expect((await officer.get(reportUrl(keys(form.id, '31@2008-08-01', '2025')))).status).toBe(404);
    expect((await officer.get(reportUrl(keys(form.id, HAI_PHONG, '2024')))).status).toBe(404);
    expect(
      (await viewer.put('/api/v1/statistics/reports/values', { ...k, values: CLEAN_CELLS })).status,
    ).toBe(403);
    expect((await officer.get(reportUrl({ ...k, periodCode: '2025Q1' }))).status).toBe(400);
  });
});

describe('submission and approval', () => {
  it('blocks submission on a failed rule, an unexplained warning and missing evidence', async () => {
    const form = await createForm(ministry);
    const k = keys(form.id);
    const report = await saveCells(officer, k, [
      ...CLEAN_CELLS,
      { indicatorCode: 'TASK_STARTED', optionCode: 'CO_SO', value: '50' },
      { indicatorCode: 'SPEND_TOTAL', optionCode: 'NSNN', value: '100' },
      { indicatorCode: 'FUND_DISBURSED', value: '150' },
      { indicatorCode: 'RAD_RESPONSE_PLAN', value: 'Có' },
    ]);
    const failed = report.rules.filter((r: any) => r.status === 'failed').map((r: any) => r.code);
    expect(failed).toEqual(
      expect.arrayContaining(['TASK_STARTED_GRASSROOTS', 'FUND_WITHIN_SPENDING']),
    );
    const grassroots = report.rules.find((r: any) => r.code === 'TASK_STARTED_GRASSROOTS');
    expect([grassroots.left, grassroots.right]).toEqual([50, 28]);
    expect(report.actions).toEqual(['submit']);

    const refused = await officer.post(`/api/v1/statistics/reports/${report.id}/submit`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('REPORT_NOT_READY');
    expect(refused.body.error.details.blockers.map((b: any) => b.code).sort()).toEqual([
      'EVIDENCE_MISSING',
      'RULE_ERROR',
      'WARNING_UNEXPLAINED',
    ]);

    // Fix the error, explain the warning on one of its cells, attach the evidence.
    const fixed = await saveCells(officer, k, [
      { indicatorCode: 'TASK_STARTED', optionCode: 'CO_SO', value: '20' },
      { indicatorCode: 'FUND_DISBURSED', comment: 'Gồm vốn quỹ năm trước chuyển sang' },
    ]);
    const plan = cellOf(fixed, 'RAD_RESPONSE_PLAN');
    const body = multipart(
      { entityType: 'stat_value', entityId: plan.value.id, purpose: 'evidence' },
      { name: 'ke-hoach.pdf', type: 'application/pdf', content: Buffer.from('%PDF-1.4') },
    );
    const upload = await officer.request('POST', '/api/v1/attachments', body.payload, {
      'content-type': body.contentType,
    });
    expect(upload.status, JSON.stringify(upload.body)).toBe(201);
    const submitted = await officer.post(`/api/v1/statistics/reports/${report.id}/submit`, {});
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body).toMatchObject({
      status: 'submitted',
      timeliness: 'on_time',
      editable: false,
    });
  });

  it('runs draft → submitted → approved → accepted with returns and a reopen, each step notifying the next actor', async () => {
    const form = await createForm(ministry);
    const k = keys(form.id);
    const { id } = await saveCells(officer, k, CLEAN_CELLS);
    const step = (c: Client, action: string, comment?: string) =>
      c.post(`/api/v1/statistics/reports/${id}/${action}`, comment ? { comment } : {});

    expect((await step(approver, 'approve')).status).toBe(409);
    const first = await step(officer, 'submit');
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect((await notificationsOf('hp.lanhdao')).map((n) => n.kind)).toContain('report_submitted');
    // Submitted values are locked for the officer.
    const locked = await officer.put('/api/v1/statistics/reports/values', {
      ...k,
      values: CLEAN_CELLS,
    });
    expect(locked.status).toBe(409);
    expect(locked.body.error.code).toBe('REPORT_LOCKED');

    expect((await step(officer, 'approve')).status).toBe(403);
    const noComment = await step(approver, 'return');
    expect(noComment.status).toBe(400);
    const returned = await step(approver, 'return', 'Kiểm tra lại số nhiệm vụ cấp cơ sở');
    expect(returned.body).toMatchObject({
      status: 'draft',
      returnComment: 'Kiểm tra lại số nhiệm vụ cấp cơ sở',
    });
    expect((await notificationsOf('hp.chuyenvien')).map((n) => n.kind)).toContain(
      'report_returned',
    );

    expect((await step(officer, 'submit')).status).toBe(200);
    expect((await step(approver, 'approve')).body.status).toBe('approved');
    expect((await notificationsOf('bo.dieuphoi')).map((n) => n.kind)).toContain('report_approved');
    expect((await step(otherProvince, 'accept')).status).toBe(404);
    const accepted = await step(ministry, 'accept');
    expect(accepted.body.status).toBe('accepted');
    expect(accepted.body.events.map((e: any) => e.action)).toEqual([
      'submit',
      'return',
      'submit',
      'approve',
      'accept',
    ]);
    expect((await notificationsOf('hp.chuyenvien')).map((n) => n.kind)).toContain(
      'report_accepted',
    );

    const reopened = await step(ministry, 'reopen', 'Tỉnh đề nghị sửa số liệu kinh phí');
    expect(reopened.body).toMatchObject({ status: 'draft', reopened: true });
    expect((await officer.get(reportUrl(k))).body.editable).toBe(true);
    const audit = await t.database.pool.query(
      `SELECT action FROM audit_log WHERE entity_type = 'stat_report' AND entity_id = $1 ORDER BY id`,
      [id],
    );
    expect(audit.rows.map((r) => r.action)).toContain('reopen');
  });
});

describe('catalogue changes', () => {
  it('applies a rule changed in the catalogue to the next view', async () => {
    const form = await createForm(ministry);
    // Values belong to the province and period, whatever the form: use a province of its own.
    const k = keys(form.id, NINH_BINH);
    await saveCells(otherProvince, k, [
      ...CLEAN_CELLS,
      { indicatorCode: 'TASK_STARTED', optionCode: 'CO_SO', value: '50' },
    ]);
    const severity = async () =>
      (await otherProvince.get(reportUrl(k))).body.rules.find(
        (r: any) => r.code === 'TASK_STARTED_GRASSROOTS',
      ).severity;
    expect(await severity()).toBe('error');
    await t.database.pool.query(
      `UPDATE stat_rules SET severity = 'warning', updated_at = now() WHERE code = 'TASK_STARTED_GRASSROOTS'`,
    );
    try {
      expect(await severity()).toBe('warning');
    } finally {
      await t.database.pool.query(
        `UPDATE stat_rules SET severity = 'error', updated_at = now() WHERE code = 'TASK_STARTED_GRASSROOTS'`,
      );
    }
  });
});

describe('outliers', () => {
  it("flags a value far from the province's own history, through the unit it continues", async () => {
    const admin = await t.login('admin');
    const form = await createForm(ministry, { units: ['01@2025-07-01', '01@2008-08-01'] });
    // Hà Nội reported 18–22 provincial tasks a year before the reform, as the former unit.
    await t.database.pool.query(
      `INSERT INTO stat_values (indicator_code, option_code, unit_id, period_code, num, channel, updated_by)
       SELECT 'TASK_IMPLEMENTED', 'TINH', '01@2008-08-01', y::text, 18 + (y % 5), 'import', 'test'
       FROM generate_series(2017, 2024) y`,
    );
    const k = keys(form.id, '01@2025-07-01');
    const usual = await saveCells(admin, k, [
      { indicatorCode: 'TASK_IMPLEMENTED', optionCode: 'TINH', value: '21' },
    ]);
    expect(usual.outliers).toEqual([]);
    const odd = await saveCells(admin, k, [
      { indicatorCode: 'TASK_IMPLEMENTED', optionCode: 'TINH', value: '210' },
    ]);
    expect(odd.outliers).toEqual([
      expect.objectContaining({
        indicatorCode: 'TASK_IMPLEMENTED',
        optionCode: 'TINH',
        against: 'history',
        references: 8,
      }),
    ]);
    expect(odd.outliers[0].modifiedZ).toBeGreaterThan(3.5);
  });
});

describe('scope across the reform', () => {
  it('lets Ninh Bình read nothing of Hải Phòng, and the Ministry read everything', async () => {
    const form = await createForm(ministry);
    await saveCells(officer, keys(form.id), CLEAN_CELLS);
    expect((await ministry.get(reportUrl(keys(form.id)))).status).toBe(200);
    expect((await otherProvince.get(reportUrl(keys(form.id, NINH_BINH)))).status).toBe(200);
    expect((await otherProvince.get(reportUrl(keys(form.id)))).status).toBe(404);
  });
});

// Last: moving the clock ages every session opened before.
describe('the lock date', () => {
  it('locks values after the lock date unless the Ministry reopens the report', async () => {
    const form = await createForm(ministry, { locksAfterDays: 60 });
    const k = keys(form.id);
    const { id } = await saveCells(officer, k, CLEAN_CELLS);
    clock = new Date('2026-03-05T03:00:00Z');
    try {
      // Sessions age with the clock: sign in again on the later day.
      const [lateOfficer, lateMinistry] = await Promise.all([
        t.login('hp.chuyenvien'),
        t.login('bo.dieuphoi'),
      ]);
      const view = await lateOfficer.get(reportUrl(k));
      expect(view.body).toMatchObject({
        editable: false,
        lockReason: 'locked',
        timeliness: 'overdue',
      });
      const refused = await lateOfficer.put('/api/v1/statistics/reports/values', {
        ...k,
        values: CLEAN_CELLS,
      });
      expect(refused.status).toBe(409);
      expect(refused.body.error.details.reason).toBe('locked');
      expect((await lateMinistry.get(reportUrl(k))).body.actions).toEqual(['reopen']);
      expect(
        (await lateOfficer.post(`/api/v1/statistics/reports/${id}/reopen`, { comment: 'Mở' }))
          .status,
      ).toBe(403);
      const reopened = await lateMinistry.post(`/api/v1/statistics/reports/${id}/reopen`, {
        comment: 'Cho phép bổ sung số liệu quý IV',
      });
      expect(reopened.status).toBe(200);
      await saveCells(lateOfficer, k, [
        { indicatorCode: 'TASK_STARTED', optionCode: 'TINH', value: '13' },
      ]);
      const submitted = await lateOfficer.post(`/api/v1/statistics/reports/${id}/submit`, {});
      expect(submitted.body, JSON.stringify(submitted.body)).toMatchObject({
        status: 'submitted',
        timeliness: 'late',
        reopened: false,
      });
    } finally {
      clock = IN_WINDOW;
    }
  });
});
