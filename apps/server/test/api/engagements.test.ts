import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conclusionNotices, engagements } from '../../src/db/schema.js';
import { createTestApp, type Client, type TestApp } from '../support/harness.js';
import { auditRows, countAudit, organisationId } from '../support/factories/accounts.js';
import { personId, positionsOfPerson } from '../support/factories/directory.js';
import {
  createEngagement,
  createProgramme,
  deleteTask,
  HP,
  HUE,
  insertProposal,
  insertTask,
  NB,
  ND,
  programmeBody,
  rowCount,
  upload,
} from '../support/factories/coordination.js';

const API = '/api/v1/engagements';
const NGHI_TITLE = 'Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh';

let t: TestApp;
let bo: Client;
let vu: Client;
let hp: Client;
let hpLead: Client;
let nb: Client;
let hue: Client;
let xem: Client;
/** Hải Phòng's own working session, recorded by the city. */
let hpSession: { id: string };
/** A working session with Hải Phòng and Ninh Bình together. */
let joint: { id: string };
/** The national conference of provincial directors (no provinces). */
let conference: { id: string };
/** The Ministry's working session with Nam Định on 11/05/2023. */
let ndSession: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  [bo, vu, hp, hpLead, nb, hue, xem] = await Promise.all([
    t.login('bo.dieuphoi'),
    t.login('vu.diaphuong'),
    t.login('hp.chuyenvien'),
    t.login('hp.lanhdao'),
    t.login('nb.chuyenvien'),
    t.login('hue.chuyenvien'),
    t.login('xem'),
  ]);
  hpSession = await createEngagement(hp, {
    title: 'Làm việc với Sở KH&CN Hải Phòng về đổi mới sáng tạo',
    startsOn: '2025-08-10',
    place: 'Hải Phòng',
    unitIds: [HP],
  });
  joint = await createEngagement(bo, {
    kind: 'field_survey',
    title: 'Khảo sát vùng duyên hải Bắc Bộ',
    startsOn: '2025-09-15',
    endsOn: '2025-09-17',
    unitIds: [HP, NB],
  });
  conference = await createEngagement(bo, {
    kind: 'conference',
    title: 'Hội nghị Giám đốc Sở KH&CN toàn quốc năm 2023',
    startsOn: '2023-03-16',
    endsOn: '2023-03-17',
    place: 'Thành phố Quy Nhơn, Bình Định',
    hostOrganisationId: await organisationId(t, 'BKHCN'),
  });
  ndSession = await createEngagement(bo, {
    title: 'Làm việc với tỉnh Nam Định',
    startsOn: '2023-05-11',
    place: 'Nam Định',
    hostOrganisationId: await organisationId(t, `UBND-${ND}`),
    unitIds: [ND],
  });
});
afterAll(() => t.close());

const ids = (body: { items: Array<{ id: string }> }) => body.items.map((e) => e.id);

describe('GET /engagements', () => {
  it('needs a signed-in user and valid filters', async () => {
    expect((await t.anonymous.get(API)).status).toBe(401);
    for (const query of ['kind=party', 'from=2025-02-30', 'to=hom-nay', 'pageSize=1000']) {
      const res = await xem.get(`${API}?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
    }
  });

  it('lists newest first, with provinces, host and participant counts', async () => {
    const res = await xem.get(API);
    expect(res.status).toBe(200);
    expect(ids(res.body)).toEqual([joint.id, hpSession.id, ndSession.id, conference.id]);
    const nd = res.body.items[2];
    expect(nd).toMatchObject({
      kind: 'working_session',
      startsOn: '2023-05-11',
      endsOn: '2023-05-11',
      hostOrganisation: { nameVi: expect.stringContaining('Nam Định') },
      participantCount: 0,
    });
    expect(nd.units[0]).toMatchObject({
      id: ND,
      validToday: false,
      successors: [{ id: NB, nameVi: 'Ninh Bình' }],
    });
    expect(res.body.items[3].units).toEqual([]);
  });

  it('filters by kind, period, words without tone marks and province lineage', async () => {
    expect(ids((await xem.get(`${API}?kind=conference`)).body)).toEqual([conference.id]);
    expect(ids((await xem.get(`${API}?from=2023-03-17&to=2023-05-10`)).body)).toEqual([
      conference.id,
    ]);
    expect(ids((await xem.get(`${API}?q=${encodeURIComponent('quy nhon')}`)).body)).toEqual([
      conference.id,
    ]);
    expect(ids((await xem.get(`${API}?unitId=${encodeURIComponent(NB)}`)).body)).toEqual([
      joint.id,
      ndSession.id,
    ]);
    const paged = await xem.get(`${API}?pageSize=2&page=2`);
    expect(paged.body).toMatchObject({ total: 4, page: 2, pageSize: 2 });
    expect(ids(paged.body)).toEqual([ndSession.id, conference.id]);
  });

  it('shows a province its own engagements, its former provinces’ and national ones', async () => {
    expect(ids((await hp.get(API)).body)).toEqual([joint.id, hpSession.id, conference.id]);
    expect(ids((await nb.get(API)).body)).toEqual([joint.id, ndSession.id, conference.id]);
    expect(ids((await hue.get(API)).body)).toEqual([conference.id]);
  });
});

describe('GET /engagements/{id}', () => {
  it('shows a national conference to every province', async () => {
    for (const client of [hp, hue, nb, vu]) {
      const res = await client.get(`${API}/${conference.id}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ canEdit: false, canManage: false });
    }
    expect((await bo.get(`${API}/${conference.id}`)).body).toMatchObject({
      canEdit: true,
      canManage: true,
    });
  });

  it('hides an engagement from provinces not involved (404)', async () => {
    expect((await hue.get(`${API}/${hpSession.id}`)).status).toBe(404);
    expect((await hp.get(`${API}/${ndSession.id}`)).status).toBe(404);
    expect((await nb.get(`${API}/${ndSession.id}`)).status).toBe(200);
    expect((await xem.get(`${API}/${randomUUID()}`)).status).toBe(404);
    expect((await xem.get(`${API}/123`)).status).toBe(400);
  });

  it('lists the proposals raised there, each province seeing its own', async () => {
    const hpProposal = await insertProposal(t, HP, joint.id, 'policy');
    const nbProposal = await insertProposal(t, NB, joint.id);
    const all = (await bo.get(`${API}/${joint.id}`)).body.proposals;
    expect(all.map((p: { id: string }) => p.id).sort()).toEqual([hpProposal, nbProposal].sort());
    const own = (await hp.get(`${API}/${joint.id}`)).body.proposals;
    expect(own).toEqual([
      expect.objectContaining({
        id: hpProposal,
        category: 'policy',
        answer: null,
        unit: expect.objectContaining({ id: HP }),
      }),
    ]);
  });
});

describe('POST /engagements', () => {
  it('refuses anonymous callers and roles that never record engagements', async () => {
    const body = { kind: 'working_session', title: 'x', startsOn: '2025-01-01', unitIds: [HP] };
    expect((await t.anonymous.post(API, body)).status).toBe(401);
    for (const client of [vu, xem]) expect((await client.post(API, body)).status).toBe(403);
  });

  it('validates the engagement and writes nothing when refused', async () => {
    const before = await rowCount(t, engagements);
    const audits = await countAudit(t, { entityType: 'engagement' });
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ title: '' }, 'body.title'],
      [{ kind: 'party' }, 'body.kind'],
      [{ startsOn: '2025-02-30' }, 'body.startsOn'],
      [{ endsOn: '2025-08-01' }, 'body.endsOn'],
      [{ unitIds: ['99@2025-07-01'] }, 'body.unitIds.0'],
      [{ unitIds: [HP, ND] }, 'body.unitIds.1'],
      [{ hostOrganisationId: randomUUID() }, 'body.hostOrganisationId'],
      [{ programmeId: randomUUID() }, 'body.programmeId'],
    ];
    for (const [override, path] of cases) {
      const res = await bo.post(API, {
        kind: 'working_session',
        title: 'Làm việc thử',
        startsOn: '2025-08-10',
        unitIds: [HP],
        ...override,
      });
      expect(res.status, JSON.stringify(override)).toBe(400);
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    expect(await rowCount(t, engagements)).toBe(before);
    expect(await countAudit(t, { entityType: 'engagement' })).toBe(audits);
  });

  it('lets a province record only engagements all of whose provinces are its own', async () => {
    const before = await rowCount(t, engagements);
    for (const unitIds of [[HP, NB], [HUE], []]) {
      const res = await hp.post(API, {
        kind: 'working_session',
        title: 'Không được ghi',
        startsOn: '2025-08-10',
        unitIds,
      });
      expect(res.status, JSON.stringify(unitIds)).toBe(403);
    }
    expect(await rowCount(t, engagements)).toBe(before);
  });

  it('records an engagement with its provinces and programme, audited', async () => {
    const programme = await createProgramme(bo, await programmeBody(t, HP));
    const res = await hpLead.post(API, {
      kind: 'signing_ceremony',
      title: 'Lễ ký kết chương trình phối hợp',
      startsOn: '2025-10-01',
      unitIds: [HP, HP],
      programmeId: programme.id,
      summary: 'Ký kết giai đoạn mới.',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      endsOn: '2025-10-01',
      programme: { id: programme.id },
      canEdit: true,
      canManage: false,
    });
    expect(res.body.units.map((u: { id: string }) => u.id)).toEqual([HP]);
    const [entry] = await auditRows(t, { entityType: 'engagement', entityId: res.body.id });
    expect(entry).toMatchObject({ action: 'create', actorUsername: 'hp.lanhdao' });
    expect((await bo.get(`/api/v1/programmes/${programme.id}`)).body.engagements).toEqual([
      expect.objectContaining({ id: res.body.id, kind: 'signing_ceremony' }),
    ]);
    // A programme the caller cannot see cannot be linked.
    const ndProgramme = await createProgramme(bo, await programmeBody(t, ND));
    const hidden = await hp.patch(`${API}/${res.body.id}`, { programmeId: ndProgramme.id });
    expect(hidden.status).toBe(400);
  });
});

describe('PATCH and DELETE /engagements/{id}', () => {
  it("refuses a province officer's edit of a multi-province engagement", async () => {
    const patch = await hp.patch(`${API}/${joint.id}`, { title: 'Đổi tên' });
    expect(patch.status).toBe(403);
    expect((await hp.delete(`${API}/${joint.id}`)).status).toBe(403);
    expect((await hp.patch(`${API}/${conference.id}`, { title: 'Đổi tên' })).status).toBe(403);
    expect((await hue.patch(`${API}/${hpSession.id}`, { title: 'Đổi tên' })).status).toBe(404);
    expect((await xem.patch(`${API}/${hpSession.id}`, { title: 'Đổi tên' })).status).toBe(403);
    expect((await bo.get(`${API}/${joint.id}`)).body.title).toBe('Khảo sát vùng duyên hải Bắc Bộ');
  });

  it('lets a province edit its own, but not extend it to another province', async () => {
    const res = await hp.patch(`${API}/${hpSession.id}`, {
      endsOn: '2025-08-11',
      notes: 'Biên bản do Sở gửi sau.',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ endsOn: '2025-08-11', notes: 'Biên bản do Sở gửi sau.' });
    expect((await hp.patch(`${API}/${hpSession.id}`, { unitIds: [HP, NB] })).status).toBe(403);
    expect((await hp.patch(`${API}/${hpSession.id}`, { endsOn: '2025-08-01' })).status).toBe(400);
    expect((await hp.patch(`${API}/${hpSession.id}`, {})).status).toBe(400);
    const [entry] = await auditRows(t, { entityType: 'engagement', entityId: hpSession.id });
    expect(entry).toMatchObject({ action: 'update' });
    expect(entry!.before).toMatchObject({ endsOn: '2025-08-10', unitIds: [HP] });
  });

  it("lets today's Ninh Bình edit what was recorded for Nam Định", async () => {
    const res = await nb.patch(`${API}/${ndSession.id}`, { place: 'Thành phố Nam Định' });
    expect(res.status).toBe(200);
    expect(res.body.canEdit).toBe(true);
  });

  it('deletes an engagement with its attachments, audited', async () => {
    const e = await createEngagement(hp, { title: 'Sẽ xóa', unitIds: [HP] });
    const file = await upload(
      hp,
      { entityType: 'engagement', entityId: e.id, purpose: 'minutes' },
      { name: 'Biên bản.pdf', content: Buffer.from('%PDF-1.4\n%%EOF\n') },
    );
    expect(file.status).toBe(201);
    expect((await hue.delete(`${API}/${e.id}`)).status).toBe(404);
    expect((await hp.delete(`${API}/${e.id}`)).status).toBe(204);
    expect((await hp.get(`${API}/${e.id}`)).status).toBe(404);
    expect(
      await countAudit(t, { entityType: 'engagement', entityId: e.id, action: 'delete' }),
    ).toBe(1);
    expect(
      await countAudit(t, { entityType: 'attachment', entityId: file.body.id, action: 'delete' }),
    ).toBe(1);
  });
});

describe('participants', () => {
  let nghi: string;
  beforeAll(async () => {
    nghi = await personId(t, 'Phạm Đình Nghị');
  });
  const PARTICIPANTS = (id: string) => `${API}/${id}/participants`;

  it('takes the title and organisation held on the day, and keeps them', async () => {
    expect((await t.anonymous.post(PARTICIPANTS(ndSession.id), { personId: nghi })).status).toBe(
      401,
    );
    expect((await xem.post(PARTICIPANTS(ndSession.id), { personId: nghi })).status).toBe(403);
    expect((await hp.post(PARTICIPANTS(ndSession.id), { personId: nghi })).status).toBe(404);
    expect((await bo.post(PARTICIPANTS(ndSession.id), {})).status).toBe(400);

    const res = await bo.post(PARTICIPANTS(ndSession.id), { personId: nghi });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      personName: 'Phạm Đình Nghị',
      title: NGHI_TITLE,
      organisationName: expect.stringContaining('Nam Định'),
      side: 'province',
    });
    const minister = await bo.post(PARTICIPANTS(ndSession.id), {
      personId: await personId(t, 'Huỳnh Thành Đạt'),
    });
    expect(minister.body).toMatchObject({
      side: 'ministry',
      title: expect.stringContaining('Bộ trưởng'),
    });
    expect(await countAudit(t, { entityType: 'engagement_participant', action: 'create' })).toBe(2);

    // The person's position is later corrected: the record of that day stays as it was.
    const [position] = await positionsOfPerson(t, nghi);
    const admin = await t.login('admin');
    expect(
      (await admin.patch(`/api/v1/positions/${position!.id}`, { title: 'Chủ tịch UBND tỉnh' }))
        .status,
    ).toBe(200);
    const detail = (await xem.get(`${API}/${ndSession.id}`)).body;
    expect(detail.participants.map((p: { title: string }) => p.title)).toEqual([
      expect.stringContaining('Bộ trưởng'),
      NGHI_TITLE,
    ]);
    expect(detail.participantCount).toBe(2);
  });

  it('refuses a repeat and a person without a position that day unless a title is typed', async () => {
    const nghi2 = await bo.post(PARTICIPANTS(ndSession.id), { personId: nghi });
    expect(nghi2.status).toBe(409);
    const giang = await personId(t, 'Lâm Hải Giang');
    const none = await bo.post(PARTICIPANTS(ndSession.id), { personId: giang });
    expect(none.status).toBe(400);
    expect(none.body.error.details[0].path).toBe('body.title');
    const typed = await bo.post(PARTICIPANTS(ndSession.id), {
      personId: giang,
      title: 'Phó Chủ tịch UBND tỉnh Bình Định',
      side: 'other',
    });
    expect(typed.status).toBe(201);
    expect(typed.body).toMatchObject({ organisationId: null, side: 'other' });
  });

  it('edits and removes a participant within the engagement’s reach', async () => {
    const list = (await bo.get(`${API}/${ndSession.id}`)).body.participants;
    const last = list[list.length - 1];
    expect(
      (await hp.patch(`/api/v1/engagement-participants/${last.id}`, { title: 'x' })).status,
    ).toBe(404);
    const edited = await nb.patch(`/api/v1/engagement-participants/${last.id}`, {
      title: 'Phó Chủ tịch UBND tỉnh',
      organisationId: await organisationId(t, 'UBND-52@2008-08-01'),
    });
    expect(edited.status).toBe(200);
    expect(edited.body.organisationName).toContain('Bình Định');
    expect(
      (
        await nb.patch(`/api/v1/engagement-participants/${last.id}`, {
          organisationId: randomUUID(),
        })
      ).status,
    ).toBe(400);
    expect((await nb.delete(`/api/v1/engagement-participants/${last.id}`)).status).toBe(204);
    expect((await nb.delete(`/api/v1/engagement-participants/${last.id}`)).status).toBe(404);
    expect(await countAudit(t, { entityType: 'engagement_participant', action: 'delete' })).toBe(1);
  });
});

describe('directives', () => {
  const DIRECTIVES = `${API}/${'{id}'}/directives`;
  const url = (id: string) => DIRECTIVES.replace('{id}', id);
  const texts = async () =>
    (await xem.get(`${API}/${ndSession.id}`)).body.directives.map(
      (d: { number: number; text: string }) => `${d.number}. ${d.text}`,
    );

  it('are recorded by the Ministry side only', async () => {
    expect((await t.anonymous.post(url(ndSession.id), { text: 'x' })).status).toBe(401);
    expect((await nb.post(url(ndSession.id), { text: 'x' })).status).toBe(403);
    expect((await bo.post(url(ndSession.id), { text: '' })).status).toBe(400);
    expect((await bo.post(url(randomUUID()), { text: 'x' })).status).toBe(404);
  });

  it('are numbered, inserted, moved and renumbered, with who gave them', async () => {
    const dat = await personId(t, 'Huỳnh Thành Đạt');
    const a = await bo.post(url(ndSession.id), {
      text: 'Phát triển thị trường KH&CN',
      issuedByPersonId: dat,
    });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ number: 1, issuedByName: 'Huỳnh Thành Đạt', taskCount: 0 });
    await bo.post(url(ndSession.id), { text: 'Đổi mới sáng tạo trong doanh nghiệp' });
    await bo.post(url(ndSession.id), { text: 'Xây dựng trung tâm KH&CN vùng', number: 1 });
    expect(await texts()).toEqual([
      '1. Xây dựng trung tâm KH&CN vùng',
      '2. Phát triển thị trường KH&CN',
      '3. Đổi mới sáng tạo trong doanh nghiệp',
    ]);
    const moved = await bo.patch(`/api/v1/directives/${a.body.id}`, { number: 99 });
    expect(moved.body.number).toBe(3);
    expect(
      (await bo.patch(`/api/v1/directives/${a.body.id}`, { issuedByPersonId: randomUUID() }))
        .status,
    ).toBe(400);
    expect((await nb.patch(`/api/v1/directives/${a.body.id}`, { text: 'x' })).status).toBe(403);
  });

  it('cannot be deleted once tasks were given under them', async () => {
    const [first, second] = (await xem.get(`${API}/${ndSession.id}`)).body.directives;
    const task = await insertTask(t, { directiveId: first.id });
    expect((await xem.get(`${API}/${ndSession.id}`)).body.directives[0].taskCount).toBe(1);
    const refused = await bo.delete(`/api/v1/directives/${first.id}`);
    expect(refused.status).toBe(409);
    // Nor can the engagement that holds them.
    expect((await bo.delete(`${API}/${ndSession.id}`)).status).toBe(409);
    await deleteTask(t, task);
    expect((await bo.delete(`/api/v1/directives/${second.id}`)).status).toBe(204);
    expect(await texts()).toEqual([
      '1. Xây dựng trung tâm KH&CN vùng',
      '2. Phát triển thị trường KH&CN',
    ]);
    expect(await countAudit(t, { entityType: 'directive', action: 'delete' })).toBe(1);
  });
});

describe('conclusion notices', () => {
  let noticeId: string;
  const body = {
    documentNumber: '165/TB-BKHCN',
    issuedOn: '2023-05-25',
    signerText: 'Thứ trưởng Nguyễn Hoàng Giang',
    summary: 'Kết luận của Bộ trưởng tại buổi làm việc với tỉnh Nam Định.',
  };

  it('are recorded by the Ministry side, once per number and date', async () => {
    const url = `${API}/${ndSession.id}/conclusion-notices`;
    expect((await t.anonymous.post(url, body)).status).toBe(401);
    expect((await nb.post(url, body)).status).toBe(403);
    expect((await bo.post(url, { ...body, issuedOn: 'hom-qua' })).status).toBe(400);
    const res = await bo.post(url, {
      ...body,
      issuingOrganisationId: await organisationId(t, 'BKHCN'),
      signerPersonId: await personId(t, 'Nguyễn Hoàng Giang'),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      documentNumber: '165/TB-BKHCN',
      signerName: 'Nguyễn Hoàng Giang',
      issuingOrganisation: { nameVi: 'Bộ Khoa học và Công nghệ' },
      engagement: { id: ndSession.id, startsOn: '2023-05-11' },
      taskCount: 0,
      canEdit: true,
    });
    noticeId = res.body.id;
    const notices = await rowCount(t, conclusionNotices);
    const again = await bo.post(url, body);
    expect(again.status).toBe(409);
    expect(await rowCount(t, conclusionNotices)).toBe(notices);
    expect((await xem.get(`${API}/${ndSession.id}`)).body.conclusionNotices).toHaveLength(1);
  });

  it('are read where their engagement is read', async () => {
    expect((await nb.get(`/api/v1/conclusion-notices/${noticeId}`)).body.canEdit).toBe(false);
    expect((await hp.get(`/api/v1/conclusion-notices/${noticeId}`)).status).toBe(404);
    expect((await xem.get(`/api/v1/conclusion-notices/${randomUUID()}`)).status).toBe(404);
    expect((await t.anonymous.get(`/api/v1/conclusion-notices/${noticeId}`)).status).toBe(401);
  });

  it('carry the signed document', async () => {
    const res = await upload(bo, {
      entityType: 'conclusion_notice',
      entityId: noticeId,
      purpose: 'signed_document',
    });
    expect(res.status).toBe(201);
    expect((await nb.get(`/api/v1/conclusion-notices/${noticeId}`)).body.attachmentCount).toBe(1);
    expect(
      (
        await upload(nb, {
          entityType: 'conclusion_notice',
          entityId: noticeId,
          purpose: 'signed_document',
        })
      ).status,
    ).toBe(404);
  });

  it('are edited by the Ministry side', async () => {
    expect(
      (await nb.patch(`/api/v1/conclusion-notices/${noticeId}`, { summary: 'x' })).status,
    ).toBe(403);
    const res = await bo.patch(`/api/v1/conclusion-notices/${noticeId}`, {
      summary: 'Tóm tắt mới.',
    });
    expect(res.status).toBe(200);
    expect(res.body.summary).toBe('Tóm tắt mới.');
    const [entry] = await auditRows(t, { entityType: 'conclusion_notice', entityId: noticeId });
    expect(entry).toMatchObject({ action: 'update' });
  });

  it('cannot be deleted while tasks hang on them (409), nor can their engagement', async () => {
    const task = await insertTask(t, { conclusionNoticeId: noticeId });
    const refused = await bo.delete(`/api/v1/conclusion-notices/${noticeId}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('165/TB-BKHCN');
    expect((await bo.get(`/api/v1/conclusion-notices/${noticeId}`)).body.taskCount).toBe(1);
    expect((await bo.delete(`${API}/${ndSession.id}`)).status).toBe(409);
    await deleteTask(t, task);
    expect((await bo.delete(`/api/v1/conclusion-notices/${noticeId}`)).status).toBe(204);
    expect((await bo.get(`/api/v1/conclusion-notices/${noticeId}`)).status).toBe(404);
    expect(await countAudit(t, { entityType: 'conclusion_notice', action: 'delete' })).toBe(1);
    expect(
      await countAudit(t, { entityType: 'attachment', action: 'delete' }),
    ).toBeGreaterThanOrEqual(1);
  });
});

describe('files of engagements', () => {
  it('are read by the provinces involved and added by those who may edit', async () => {
    const added = await upload(
      hp,
      { entityType: 'engagement', entityId: hpSession.id, purpose: 'minutes' },
      {
        name: 'Biên bản làm việc.docx',
        content: Buffer.from('PK-docx'),
        type: 'application/octet-stream',
      },
    );
    expect(added.status).toBe(201);
    const query = `/api/v1/attachments?entityType=engagement&entityId=${hpSession.id}`;
    expect((await xem.get(query)).body.items).toHaveLength(1);
    expect((await hue.get(query)).status).toBe(404);
    expect(
      (await upload(hue, { entityType: 'engagement', entityId: hpSession.id, purpose: 'minutes' }))
        .status,
    ).toBe(404);
    expect(
      (
        await upload(hp, {
          entityType: 'engagement',
          entityId: hpSession.id,
          purpose: 'signed_document',
        })
      ).status,
    ).toBe(400);
    const national = await upload(bo, {
      entityType: 'engagement',
      entityId: conference.id,
      purpose: 'other',
    });
    expect(national.status).toBe(201);
    expect(
      (await hue.get(`/api/v1/attachments?entityType=engagement&entityId=${conference.id}`)).body
        .items,
    ).toHaveLength(1);
  });
});
