import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../support/harness.js';
import { eq } from 'drizzle-orm';
import { notifications } from '../../src/db/schema.js';
import { auditRows, countAudit, organisationId, userId } from '../support/factories/accounts.js';
import {
  answerProposal,
  countProposals,
  createProposal,
  HP,
  HUE,
  insertEngagement,
  insertProposalTask,
  multipart,
  NB,
  ND,
  proposalRow,
} from '../support/factories/proposals.js';

const API = '/api/v1/proposals';
const clock = new Date('2026-03-10T03:00:00Z');

let t: TestApp;
let admin: Client;
let bo: Client;
let vu: Client;
let hp: Client;
let hpLead: Client;
let nb: Client;
let nd: Client;
let hue: Client;
let xem: Client;
let vuPtdp: string;
let cucSht: string;

/** Proposals made in beforeAll, by province. */
const made: Record<'hp' | 'nb' | 'nd' | 'hue', { id: string; title: string }> = {} as never;
let engagementId: string;

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  [admin, bo, vu, hp, hpLead, nb, nd, hue, xem] = await Promise.all([
    t.login('admin'),
    t.login('bo.dieuphoi'),
    t.login('vu.diaphuong'),
    t.login('hp.chuyenvien'),
    t.login('hp.lanhdao'),
    t.login('nb.chuyenvien'),
    t.login('nd.chuyenvien'),
    t.login('hue.chuyenvien'),
    t.login('xem'),
  ]);
  vuPtdp = await organisationId(t, 'BKHCN.VU-PTDP');
  cucSht = await organisationId(t, 'BKHCN.CUC-SHTT');
  engagementId = (await insertEngagement(t, 'Buổi làm việc với tỉnh Nam Định')).id;
  made.nd = await createProposal(nd, {
    unitId: ND,
    title: 'Hỗ trợ thẩm định công nghệ dự án Nhà máy gang thép xanh Xuân Thiện',
    category: 'technology_appraisal',
    engagementId,
    estimatedCost: 1234.5,
  });
  made.nb = await createProposal(nb, {
    unitId: NB,
    title: 'Xây dựng trung tâm KH&CN nông nghiệp vùng Nam đồng bằng sông Hồng',
    category: 'national_task',
  });
  made.hp = await createProposal(hp, {
    title: 'Cơ chế đặc thù cho khởi nghiệp đổi mới sáng tạo',
    category: 'policy',
    content: 'Đề nghị Bộ hướng dẫn cơ chế thử nghiệm có kiểm soát.',
  });
  made.hue = await createProposal(hue, {
    unitId: HUE,
    title: 'Đào tạo nhân lực số',
    category: 'training',
  });
});
afterAll(() => t.close());

const ids = (body: { items: Array<{ id: string }> }) => body.items.map((p) => p.id).sort();
const list = (client: Client, query = '') => client.get(`${API}?${query}`);

describe('GET /proposals', () => {
  it('needs a signed-in user', async () => {
    const res = await t.anonymous.get(API);
    expect(res.status).toBe(401);
  });

  it('rejects invalid filters', async () => {
    for (const query of ['category=xyz', 'answer=maybe', 'engagementId=12', 'pageSize=0']) {
      const res = await list(xem, query);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
    }
  });

  it('shows a province its own proposals and those of the provinces it was formed from', async () => {
    expect(ids((await list(hp)).body)).toEqual([made.hp.id]);
    expect(ids((await list(nb)).body)).toEqual([made.nb.id, made.nd.id].sort());
    // An account still scoped to the former Nam Định sees only Nam Định's.
    expect(ids((await list(nd)).body)).toEqual([made.nd.id]);
    for (const c of [bo, vu, xem, admin]) {
      expect(ids((await list(c)).body)).toEqual(
        [made.hp.id, made.nb.id, made.nd.id, made.hue.id].sort(),
      );
    }
  });

  it('filters by province with its predecessors: Nam Định’s 2023 proposal appears under Ninh Bình', async () => {
    const res = await list(xem, `unitId=${encodeURIComponent(NB)}`);
    expect(res.status).toBe(200);
    expect(ids(res.body)).toEqual([made.nb.id, made.nd.id].sort());
    const item = res.body.items.find((p: { id: string }) => p.id === made.nd.id);
    expect(item.unit).toMatchObject({ id: ND, nameVi: 'Nam Định', validToday: false });
    expect(item.unit.successors.map((s: { id: string }) => s.id)).toEqual([NB]);
    expect(item.engagement).toMatchObject({ id: engagementId, kind: 'working_session' });
    expect(item.estimatedCost).toBe(1234.5);
  });

  it('filters by category, engagement, search words without tone marks, and pages', async () => {
    expect(ids((await list(xem, 'category=policy')).body)).toEqual([made.hp.id]);
    expect(ids((await list(xem, `engagementId=${engagementId}`)).body)).toEqual([made.nd.id]);
    const q = encodeURIComponent('gang thep xuan thien');
    expect(ids((await list(xem, `q=${q}`)).body)).toEqual([made.nd.id]);
    const content = encodeURIComponent('thu nghiem co kiem soat');
    expect(ids((await list(xem, `q=${content}`)).body)).toEqual([made.hp.id]);
    const page = await list(xem, 'pageSize=3&page=2');
    expect(page.body).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(page.body.items).toHaveLength(1);
    // Newest first: the first one made is last.
    expect(page.body.items[0].id).toBe(made.nd.id);
  });
});

describe('POST /proposals', () => {
  it('needs a signed-in user and the function', async () => {
    expect((await t.anonymous.post(API, { title: 'x' })).status).toBe(401);
    for (const c of [vu, xem]) {
      const res = await c.post(API, { unitId: HP, title: 'Thử', category: 'other' });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
  });

  it('refuses a proposal for another province, writing nothing', async () => {
    const before = await countProposals(t);
    const res = await hp.post(API, {
      unitId: NB,
      title: 'Kiến nghị của tỉnh khác',
      category: 'other',
    });
    expect(res.status).toBe(403);
    expect(await countProposals(t)).toBe(before);
  });

  it('validates the fields, writing nothing', async () => {
    const before = await countProposals(t);
    const audits = await countAudit(t, { entityType: 'proposal' });
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ unitId: HP, title: '  ', category: 'other' }, 'body.title'],
      [{ unitId: HP, title: 'A', category: 'tien' }, 'body.category'],
      [{ unitId: HP, title: 'A', category: 'other', estimatedCost: -1 }, 'body.estimatedCost'],
      [{ unitId: '99@2025-07-01', title: 'A', category: 'other' }, 'body.unitId'],
      [
        { unitId: HP, title: 'A', category: 'other', engagementId: randomUUID() },
        'body.engagementId',
      ],
    ];
    for (const [body, path] of cases) {
      const res = await hp.post(API, body);
      expect(res.status, path).toBe(400);
      expect(
        res.body.error.details.map((d: { path: string }) => d.path),
        path,
      ).toContain(path);
    }
    expect(await countProposals(t)).toBe(before);
    expect(await countAudit(t, { entityType: 'proposal' })).toBe(audits);
  });

  it('records a proposal with its audit entry; the Ministry side records for any province', async () => {
    const res = await hpLead.post(API, {
      unitId: HP,
      title: '  Hỗ trợ   kinh phí đầu tư trang thiết bị  ',
      category: 'funding',
      estimatedCost: 2500.456,
      fundingSource: 'Ngân sách trung ương',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      title: 'Hỗ trợ kinh phí đầu tư trang thiết bị',
      estimatedCost: 2500.46,
      answer: null,
      canEdit: true,
      canAnswer: false,
      tasks: [],
      assignedUnits: [],
    });
    const [entry] = await auditRows(t, { entityId: res.body.id });
    expect(entry).toMatchObject({
      entityType: 'proposal',
      action: 'create',
      actorUsername: 'hp.lanhdao',
    });
    const ministry = await bo.post(API, {
      unitId: HUE,
      title: 'Ghi nhận tại hội nghị',
      category: 'other',
    });
    expect(ministry.status).toBe(201);
    expect(ministry.body).toMatchObject({ canEdit: true, canAnswer: true });
  });
});

describe('GET /proposals/:id', () => {
  it('answers 401, 400 and 404 outside the scope', async () => {
    expect((await t.anonymous.get(`${API}/${made.hp.id}`)).status).toBe(401);
    expect((await xem.get(`${API}/123`)).status).toBe(400);
    expect((await xem.get(`${API}/${randomUUID()}`)).status).toBe(404);
    const other = await hp.get(`${API}/${made.nd.id}`);
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('NOT_FOUND');
    expect((await nd.get(`${API}/${made.nb.id}`)).status).toBe(404);
  });

  it('shows a former province’s proposal to its successor, with what the caller may do', async () => {
    const res = await nb.get(`${API}/${made.nd.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: made.nd.id,
      category: 'technology_appraisal',
      engagement: { id: engagementId, title: 'Buổi làm việc với tỉnh Nam Định' },
      canEdit: true,
      canAnswer: false,
    });
    expect((await vu.get(`${API}/${made.nd.id}`)).body).toMatchObject({
      canEdit: false,
      canAnswer: false,
    });
    expect((await bo.get(`${API}/${made.nd.id}`)).body).toMatchObject({
      canEdit: true,
      canAnswer: true,
    });
    expect((await xem.get(`${API}/${made.nd.id}`)).body).toMatchObject({
      canEdit: false,
      canAnswer: false,
    });
  });
});

describe('PATCH /proposals/:id', () => {
  it('answers 401, 403 without the function, 400 for bad input and 404 outside the scope', async () => {
    expect((await t.anonymous.patch(`${API}/${made.hp.id}`, { title: 'x' })).status).toBe(401);
    expect((await xem.patch(`${API}/${made.hp.id}`, { title: 'x' })).status).toBe(403);
    expect((await hp.patch(`${API}/${made.hp.id}`, {})).status).toBe(400);
    expect((await hp.patch(`${API}/${made.hp.id}`, { category: 'x' })).status).toBe(400);
    expect((await nb.patch(`${API}/${made.hp.id}`, { title: 'Sửa trộm' })).status).toBe(404);
    expect((await proposalRow(t, made.hp.id))!.title).toBe(
      'Cơ chế đặc thù cho khởi nghiệp đổi mới sáng tạo',
    );
  });

  it('refuses to move a proposal to a province outside the caller’s scope', async () => {
    const res = await hp.patch(`${API}/${made.hp.id}`, { unitId: NB });
    expect(res.status).toBe(403);
    expect((await proposalRow(t, made.hp.id))!.unitId).toBe(HP);
  });

  it('edits the content with an audit entry', async () => {
    const p = await createProposal(hp, { title: 'Bản nháp' });
    const res = await hp.patch(`${API}/${p.id}`, {
      title: 'Bản chính thức',
      estimatedCost: null,
      engagementId,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ title: 'Bản chính thức', estimatedCost: null });
    expect(res.body.engagement.id).toBe(engagementId);
    const [entry] = await auditRows(t, { entityId: p.id, action: 'update' });
    expect(entry!.before).toMatchObject({ title: 'Bản nháp', estimatedCost: '1000.00' });
    expect(entry!.after).toMatchObject({ title: 'Bản chính thức', estimatedCost: null });
  });
});

describe('POST /proposals/:id/answer and the lock on the content', () => {
  it('answers 401, 403 for every role but the Ministry side, 400 and 404', async () => {
    const url = `${API}/${made.hp.id}/answer`;
    expect((await t.anonymous.post(url, { answer: 'agreed' })).status).toBe(401);
    for (const c of [hp, hpLead, vu, xem]) {
      expect((await c.post(url, { answer: 'agreed' })).status).toBe(403);
    }
    expect((await bo.post(url, { answer: 'yes' })).status).toBe(400);
    expect((await bo.post(`${API}/${randomUUID()}/answer`, { answer: 'agreed' })).status).toBe(404);
    const future = await bo.post(url, { answer: 'agreed', answeredOn: '2026-03-11' });
    expect(future.status).toBe(400);
    expect(future.body.error.details[0].path).toBe('body.answeredOn');
    const notMinistry = await bo.post(url, {
      answer: 'agreed',
      answeredByOrganisationId: await organisationId(t, `SKHCN-${HP}`),
    });
    expect(notMinistry.status).toBe(400);
    expect((await proposalRow(t, made.hp.id))!.answer).toBeNull();
  });

  it('records the answer (dated today by default), locks the content for the province, keeps the audit trail of changes', async () => {
    const p = await createProposal(hp, { title: 'Kiến nghị sẽ được trả lời' });
    const answered = await bo.post(`${API}/${p.id}/answer`, {
      answer: 'under_study',
      answerReason: 'Giao Vụ Phát triển KH&CN địa phương nghiên cứu.',
      answeredByOrganisationId: vuPtdp,
    });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({
      answer: 'under_study',
      answeredOn: '2026-03-10',
      answerReason: 'Giao Vụ Phát triển KH&CN địa phương nghiên cứu.',
      answeredBy: { id: vuPtdp },
    });
    const seen = await hp.get(`${API}/${p.id}`);
    expect(seen.body).toMatchObject({ answer: 'under_study', canEdit: false, canAttach: true });

    const audits = await countAudit(t, { entityId: p.id });
    const locked = await hp.patch(`${API}/${p.id}`, { title: 'Sửa sau khi đã trả lời' });
    expect(locked.status).toBe(409);
    expect(locked.body.error.code).toBe('CONFLICT');
    expect(locked.body.error.message).toContain('Đang nghiên cứu');
    expect((await hp.delete(`${API}/${p.id}`)).status).toBe(409);
    expect((await proposalRow(t, p.id))!.title).toBe('Kiến nghị sẽ được trả lời');
    expect(await countAudit(t, { entityId: p.id })).toBe(audits);

    // The Ministry side may still correct it, and may change its answer later.
    expect((await bo.patch(`${API}/${p.id}`, { title: 'Tiêu đề đã chuẩn hóa' })).status).toBe(200);
    const changed = await answerProposal(bo, p.id, 'agreed_with_conditions', {
      answeredOn: '2026-03-01',
    });
    expect(changed).toMatchObject({ answer: 'agreed_with_conditions' });
    const [entry] = await auditRows(t, { entityId: p.id, action: 'change_answer' });
    expect(entry!.before).toMatchObject({ answer: 'under_study' });
    expect(entry!.after).toMatchObject({
      answer: 'agreed_with_conditions',
      answeredOn: '2026-03-01',
    });
    expect(await countAudit(t, { entityId: p.id, action: 'answer' })).toBe(1);
  });

  it('notifies the province and the assigned Ministry units of the answer, once', async () => {
    const p = await createProposal(hp, { title: 'Kiến nghị chờ thông báo' });
    await bo.put(`${API}/${p.id}/units`, { organisationIds: [vuPtdp] });
    await answerProposal(bo, p.id, 'agreed');
    const sent = async () =>
      await t.database.db
        .select({
          userId: notifications.userId,
          kind: notifications.kind,
          title: notifications.title,
        })
        .from(notifications)
        .where(eq(notifications.entityId, p.id));
    const first = await sent();
    const ids = await Promise.all(
      ['hp.chuyenvien', 'hp.lanhdao', 'vu.diaphuong'].map((u) => userId(t, u)),
    );
    expect(first.map((n) => n.userId).sort()).toEqual([...ids].sort());
    expect(first[0]).toMatchObject({
      kind: 'proposal_answered',
      title: 'Bộ KH&CN đã trả lời kiến nghị “Kiến nghị chờ thông báo”: Đồng ý',
    });
    // The same answer recorded again notifies nobody twice.
    await answerProposal(bo, p.id, 'agreed', { answeredOn: '2026-03-10' });
    expect(await sent()).toHaveLength(3);
  });

  it('lists answered and pending proposals apart', async () => {
    const p = await createProposal(hue, { unitId: HUE, title: 'Chờ trả lời rồi được đồng ý' });
    expect(ids((await list(xem, 'answer=pending&pageSize=500')).body)).toContain(p.id);
    await answerProposal(bo, p.id, 'not_agreed');
    const pending = ids((await list(xem, 'answer=pending&pageSize=500')).body);
    expect(pending).not.toContain(p.id);
    expect(ids((await list(xem, 'answer=not_agreed')).body)).toEqual([p.id]);
  });
});

describe('PUT /proposals/:id/units', () => {
  it('answers 401, 403, 400 (not a Ministry unit, nothing written) and 404', async () => {
    const url = `${API}/${made.nb.id}/units`;
    expect((await t.anonymous.put(url, { organisationIds: [] })).status).toBe(401);
    expect((await nb.put(url, { organisationIds: [vuPtdp] })).status).toBe(403);
    expect((await bo.put(url, { organisationIds: ['x'] })).status).toBe(400);
    const province = await bo.put(url, {
      organisationIds: [vuPtdp, await organisationId(t, `SKHCN-${NB}`)],
    });
    expect(province.status).toBe(400);
    expect(province.body.error.details[0].path).toBe('body.organisationIds.1');
    expect((await bo.get(`${API}/${made.nb.id}`)).body.assignedUnits).toEqual([]);
    expect((await bo.put(`${API}/${randomUUID()}/units`, { organisationIds: [] })).status).toBe(
      404,
    );
  });

  it('assigns Ministry units by function, filterable, audited', async () => {
    const res = await bo.put(`${API}/${made.nb.id}/units`, {
      organisationIds: [vuPtdp, cucSht, vuPtdp],
    });
    expect(res.status).toBe(200);
    expect(res.body.assignedUnits.map((u: { id: string }) => u.id).sort()).toEqual(
      [vuPtdp, cucSht].sort(),
    );
    expect(ids((await list(xem, `assignedOrganisationId=${cucSht}`)).body)).toEqual([made.nb.id]);
    const [entry] = await auditRows(t, { entityId: made.nb.id, action: 'assign_units' });
    expect(entry!.after).toEqual({ organisationIds: [vuPtdp, cucSht].sort() });
    const cleared = await bo.put(`${API}/${made.nb.id}/units`, { organisationIds: [cucSht] });
    expect(cleared.body.assignedUnits.map((u: { id: string }) => u.id)).toEqual([cucSht]);
  });
});

describe('DELETE /proposals/:id', () => {
  it('answers 401, 403 without the function and 404 outside the scope', async () => {
    expect((await t.anonymous.delete(`${API}/${made.hp.id}`)).status).toBe(401);
    expect((await xem.delete(`${API}/${made.hp.id}`)).status).toBe(403);
    expect((await nb.delete(`${API}/${made.hp.id}`)).status).toBe(404);
    expect(await proposalRow(t, made.hp.id)).toBeDefined();
  });

  it('keeps a proposal with tasks, and lists those tasks on it', async () => {
    const p = await createProposal(bo, { unitId: NB, title: 'Kiến nghị đã giao nhiệm vụ' });
    await answerProposal(bo, p.id);
    const task = await insertProposalTask(t, p.id, 'Hướng dẫn xây dựng đề án');
    const detail = await nb.get(`${API}/${p.id}`);
    expect(detail.body.tasks).toEqual([
      {
        id: task.id,
        number: '1',
        title: 'Hướng dẫn xây dựng đề án',
        deadline: '2023-12-31',
        completedOn: null,
      },
    ]);
    expect(detail.body.taskCount).toBe(1);
    const res = await bo.delete(`${API}/${p.id}`);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('1 nhiệm vụ');
    expect(await proposalRow(t, p.id)).toBeDefined();
  });

  it('deletes a proposal not yet answered, with its audit entry', async () => {
    const p = await createProposal(hp, { title: 'Nhập nhầm' });
    const res = await hp.delete(`${API}/${p.id}`);
    expect(res.status).toBe(204);
    expect(await proposalRow(t, p.id)).toBeUndefined();
    const [entry] = await auditRows(t, { entityId: p.id });
    expect(entry).toMatchObject({
      action: 'delete',
      before: expect.objectContaining({ title: 'Nhập nhầm' }),
    });
  });
});

describe('files attached to a proposal', () => {
  it('lets the province attach evidence and hides it from other provinces', async () => {
    const body = multipart(
      { entityType: 'proposal', entityId: made.nd.id, purpose: 'evidence' },
      { name: 'bao-cao.pdf', content: '%PDF-1.4 thử' },
    );
    const res = await nb.post('/api/v1/attachments', body.payload, body.headers);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const query = `/api/v1/attachments?entityType=proposal&entityId=${made.nd.id}`;
    expect((await vu.get(query)).body.items).toHaveLength(1);
    expect((await hp.get(query)).status).toBe(404);
    const wrongPurpose = multipart(
      { entityType: 'proposal', entityId: made.nd.id, purpose: 'minutes' },
      { name: 'bien-ban.pdf', content: '%PDF-1.4' },
    );
    expect(
      (await nb.post('/api/v1/attachments', wrongPurpose.payload, wrongPurpose.headers)).status,
    ).toBe(400);
  });
});
