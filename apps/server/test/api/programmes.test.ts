import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareVi } from '@caunoi/shared';
import { programmeContents, programmes } from '../../src/db/schema.js';
import { createTestApp, type Client, type TestApp } from '../support/harness.js';
import {
  auditRows,
  countAudit,
  organisationId,
  tokenClient,
} from '../support/factories/accounts.js';
import { personId } from '../support/factories/directory.js';
import {
  addContent,
  attachmentCount,
  createProgramme,
  deleteTask,
  fileCount,
  HP,
  HP_OLD,
  HUE,
  insertTask,
  NB,
  ND,
  programmeBody,
  rowCount,
  testClockAt,
  TTH,
  upload,
} from '../support/factories/coordination.js';

const API = '/api/v1/programmes';
const clock = testClockAt('2025-11-22T03:00:00Z');

let t: TestApp;
let bo: Client;
let vu: Client;
let hp: Client;
let nb: Client;
let nd: Client;
let hue: Client;
let xem: Client;
/** Hải Phòng's programme of 29/07/2022 (signed by the city before the reform). */
let hpProgramme: { id: string; title: string };
/** A programme signed with the former province of Nam Định. */
let ndProgramme: { id: string; title: string };
/** Thừa Thiên Huế's programme of 21/11/2021. */
let hueProgramme: { id: string; title: string };

beforeAll(async () => {
  t = await createTestApp({ now: clock.now });
  // API tokens, which outlive the moves of the clock (sessions would expire).
  const login = (username: string) => tokenClient(t, username);
  [bo, vu, hp, nb, nd, hue, xem] = await Promise.all([
    login('bo.dieuphoi'),
    login('vu.diaphuong'),
    login('hp.chuyenvien'),
    login('nb.chuyenvien'),
    login('nd.chuyenvien'),
    login('hue.chuyenvien'),
    login('xem'),
  ]);
  hpProgramme = await createProgramme(
    bo,
    await programmeBody(t, HP_OLD, {
      title: 'Chương trình phối hợp hoạt động KH,CN&ĐMST giữa Bộ KH&CN và UBND thành phố Hải Phòng',
      documentNumber: '01/CTPH-BKHCN-UBND',
      signedOn: '2022-07-29',
    }),
  );
  ndProgramme = await createProgramme(
    bo,
    await programmeBody(t, ND, {
      title: 'Chương trình phối hợp giữa Bộ KH&CN và UBND tỉnh Nam Định',
      signedOn: '2023-05-11',
      periodStartYear: 2023,
      periodEndYear: 2027,
    }),
  );
  hueProgramme = await createProgramme(
    bo,
    await programmeBody(t, TTH, {
      title: 'Chương trình phối hợp hoạt động KH&CN giữa tỉnh Thừa Thiên Huế và Bộ KH&CN',
      signedOn: '2021-11-21',
      periodStartYear: 2021,
      periodEndYear: 2025,
      notes: 'Nguồn tin không ghi số hiệu văn bản.',
    }),
  );
});
afterAll(() => t.close());

const ids = (body: { items: Array<{ id: string }> }) => body.items.map((p) => p.id);

describe('GET /programmes', () => {
  it('needs a signed-in user', async () => {
    const res = await t.anonymous.get(API);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('rejects invalid filters', async () => {
    for (const query of [
      'status=het-han',
      'signedFrom=2025-02-30',
      'expiringWithinDays=0',
      'sort=random',
      'pageSize=0',
    ]) {
      const res = await xem.get(`${API}?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
    }
  });

  it('lists newest signing first, with parties and the province of each', async () => {
    const res = await xem.get(API);
    expect(res.status).toBe(200);
    expect(ids(res.body)).toEqual([ndProgramme.id, hpProgramme.id, hueProgramme.id]);
    const hpItem = res.body.items[1];
    expect(hpItem).toMatchObject({
      documentNumber: '01/CTPH-BKHCN-UBND',
      signedOn: '2022-07-29',
      periodStartYear: 2022,
      periodEndYear: 2025,
      horizonYear: 2030,
      status: 'in_force',
      endsOn: '2025-12-31',
    });
    expect(hpItem.parties.map((p: { side: string }) => p.side)).toEqual(['ministry', 'province']);
    expect(hpItem.parties[1].unit).toMatchObject({
      id: HP_OLD,
      validToday: false,
      successors: [{ id: HP, nameVi: 'Hải Phòng' }],
    });
  });

  it('sorts by title in Vietnamese order when asked', async () => {
    const res = await xem.get(`${API}?sort=title`);
    const titles = res.body.items.map((p: { title: string }) => p.title);
    expect(titles).toEqual([...titles].sort(compareVi));
  });

  it('searches title and number without tone marks', async () => {
    const res = await xem.get(`${API}?q=${encodeURIComponent('thua thien hue')}`);
    expect(ids(res.body)).toEqual([hueProgramme.id]);
    const byNumber = await xem.get(`${API}?q=${encodeURIComponent('01/ctph')}`);
    expect(ids(byNumber.body)).toEqual([hpProgramme.id]);
  });

  it("matches a province's predecessors and successors through the reform", async () => {
    const huế = await xem.get(`${API}?unitId=${encodeURIComponent(HUE)}`);
    expect(ids(huế.body)).toEqual([hueProgramme.id]);
    const ninhBinh = await xem.get(`${API}?unitId=${encodeURIComponent(NB)}`);
    expect(ids(ninhBinh.body)).toEqual([ndProgramme.id]);
    const namDinh = await xem.get(`${API}?unitId=${encodeURIComponent(ND)}`);
    expect(ids(namDinh.body)).toEqual([ndProgramme.id]);
  });

  it('filters by signing date', async () => {
    const res = await xem.get(`${API}?signedFrom=2022-01-01&signedTo=2022-12-31`);
    expect(ids(res.body)).toEqual([hpProgramme.id]);
  });

  it("shows a province its own programmes, including its former provinces'", async () => {
    expect(ids((await nb.get(API)).body)).toEqual([ndProgramme.id]);
    expect(ids((await hp.get(API)).body)).toEqual([hpProgramme.id]);
    expect(ids((await hue.get(API)).body)).toEqual([hueProgramme.id]);
    // An account still scoped to the former Nam Định sees that province's records only.
    expect(ids((await nd.get(API)).body)).toEqual([ndProgramme.id]);
    expect((await vu.get(API)).body.total).toBe(3);
  });
});

describe('derived status', () => {
  it('is expired from 1 January (Vietnam time) after the end year, never stored', async () => {
    try {
      clock.at('2025-12-31T16:59:59Z'); // 23:59:59 on 31/12/2025 in Vietnam
      expect((await xem.get(`${API}/${hpProgramme.id}`)).body.status).toBe('in_force');
      expect(ids((await xem.get(`${API}?status=expired`)).body)).toEqual([]);

      clock.at('2025-12-31T17:00:00Z'); // 00:00 on 01/01/2026 in Vietnam
      const detail = await xem.get(`${API}/${hpProgramme.id}`);
      expect(detail.body).toMatchObject({ status: 'expired', storedStatus: 'in_force' });
      expect(ids((await xem.get(`${API}?status=expired`)).body).sort()).toEqual(
        [hpProgramme.id, hueProgramme.id].sort(),
      );
      expect(ids((await xem.get(`${API}?status=in_force`)).body)).toEqual([ndProgramme.id]);
      const [stored] = await t.database.db
        .select({ status: programmes.status })
        .from(programmes)
        .where(eq(programmes.id, hpProgramme.id));
      expect(stored!.status).toBe('in_force');
    } finally {
      clock.at('2025-11-22T03:00:00Z');
    }
  });
});

describe('GET /programmes/expiring', () => {
  it('lists programmes in force whose period ends within the window, soonest first', async () => {
    const res = await xem.get(`${API}/expiring`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ asOf: '2025-11-22', withinDays: 180 });
    expect(ids(res.body).sort()).toEqual([hpProgramme.id, hueProgramme.id].sort());
    expect(res.body.items[0].daysLeft).toBe(39);
    expect(ids((await xem.get(`${API}/expiring?withinDays=30`)).body)).toEqual([]);
    const list = await xem.get(`${API}?expiringWithinDays=39`);
    expect(list.body.total).toBe(2);
  });

  it("keeps to the caller's scope and rejects a bad window", async () => {
    expect(ids((await hp.get(`${API}/expiring`)).body)).toEqual([hpProgramme.id]);
    expect((await hp.get(`${API}/expiring?withinDays=-1`)).status).toBe(400);
    expect((await t.anonymous.get(`${API}/expiring`)).status).toBe(401);
  });
});

describe('GET /programmes/by-province', () => {
  type UnitCount = { unitId: string; total: number; counts: Record<string, number> };
  const of = (body: { units: UnitCount[] }, unitId: string) =>
    body.units.find((u) => u.unitId === unitId)!;

  it("counts today's 34 units, former provinces' programmes under their successors", async () => {
    const res = await xem.get(`${API}/by-province`);
    expect(res.status).toBe(200);
    expect(res.body.asOf).toBe('2025-11-22');
    expect(res.body.units).toHaveLength(34);
    expect(of(res.body, NB)).toMatchObject({ total: 1, counts: { in_force: 1, expired: 0 } });
    expect(of(res.body, HP)).toMatchObject({ total: 1, counts: { in_force: 1 } });
    expect(of(res.body, HUE)).toMatchObject({ total: 1 });
    expect(of(res.body, '01@2025-07-01')).toMatchObject({ total: 0 });
  });

  it('counts the units valid on an earlier day, by derived status', async () => {
    try {
      clock.at('2026-03-01T03:00:00Z');
      const res = await xem.get(`${API}/by-province?asOf=2025-06-30`);
      expect(res.body.units).toHaveLength(63);
      expect(of(res.body, ND)).toMatchObject({ total: 1, counts: { in_force: 1 } });
      expect(of(res.body, HP_OLD)).toMatchObject({ total: 1, counts: { expired: 1 } });
      expect(of(res.body, TTH)).toMatchObject({ total: 1, counts: { expired: 1 } });
    } finally {
      clock.at('2025-11-22T03:00:00Z');
    }
  });

  it('counts only what the caller may see, and refuses a day before the data', async () => {
    const res = await hp.get(`${API}/by-province`);
    expect(res.body.units.reduce((n: number, u: UnitCount) => n + u.total, 0)).toBe(1);
    expect((await xem.get(`${API}/by-province?asOf=2001-01-01`)).status).toBe(400);
    expect((await xem.get(`${API}/by-province?asOf=2025-13-01`)).status).toBe(400);
  });
});

describe('GET /programmes/{id}', () => {
  it('shows a programme of a former province to its successor only', async () => {
    const nbView = await nb.get(`${API}/${ndProgramme.id}`);
    expect(nbView.status).toBe(200);
    expect(nbView.body.canEdit).toBe(false);
    expect((await hp.get(`${API}/${ndProgramme.id}`)).status).toBe(404);
    expect((await hue.get(`${API}/${hpProgramme.id}`)).status).toBe(404);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    expect((await xem.get(`${API}/${randomUUID()}`)).status).toBe(404);
    expect((await xem.get(`${API}/khong-phai-uuid`)).status).toBe(400);
  });

  it('shows notes and who may edit', async () => {
    const res = await bo.get(`${API}/${hueProgramme.id}`);
    expect(res.body).toMatchObject({
      notes: 'Nguồn tin không ghi số hiệu văn bản.',
      canEdit: true,
      contents: [],
      progress: null,
    });
    expect((await xem.get(`${API}/${hueProgramme.id}`)).body.canEdit).toBe(false);
    expect((await vu.get(`${API}/${hueProgramme.id}`)).body.canEdit).toBe(false);
  });
});

describe('POST /programmes', () => {
  it('needs a signed-in user with the Ministry coordination role', async () => {
    const body = await programmeBody(t, HP);
    expect((await t.anonymous.post(API, body)).status).toBe(401);
    for (const client of [hp, vu, xem]) {
      const res = await client.post(API, body);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
  });

  it('refuses invalid programmes and writes nothing', async () => {
    const before = await rowCount(t, programmes);
    const audits = await countAudit(t, { entityType: 'programme' });
    const vastId = await organisationId(t, 'VAST');
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ title: '  ' }, 'body.title'],
      [{ periodStartYear: 2025, periodEndYear: 2022 }, 'body.periodEndYear'],
      [{ horizonYear: 2024 }, 'body.horizonYear'],
      [{ status: 'superseded' }, 'body.supersededById'],
      [{ supersededById: hpProgramme.id }, 'body.supersededById'],
      [{ status: 'expired' }, 'body.status'],
      [{ parties: [{ organisationId: await organisationId(t, `UBND-${HP}`) }] }, 'body.parties'],
      [
        {
          parties: [
            { organisationId: await organisationId(t, 'BKHCN') },
            { organisationId: randomUUID() },
          ],
        },
        'body.parties.1.organisationId',
      ],
      [
        {
          signedOn: '2023-01-10',
          parties: [
            { organisationId: await organisationId(t, 'BKHCN') },
            { organisationId: await organisationId(t, `UBND-${NB}`) },
          ],
        },
        'body.parties.1.organisationId',
      ],
      [
        {
          parties: [
            { organisationId: await organisationId(t, 'BKHCN') },
            { organisationId: await organisationId(t, `UBND-${HP}`) },
            { organisationId: await organisationId(t, `UBND-${HP}`) },
          ],
        },
        'body.parties.2.organisationId',
      ],
    ];
    for (const [override, path] of cases) {
      const res = await bo.post(API, await programmeBody(t, HP, override));
      expect(res.status, JSON.stringify(override)).toBe(400);
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    // An organisation that is neither the Ministry's nor a province's cannot be a party.
    const orgOutside = await bo.post(
      API,
      await programmeBody(t, HP, {
        parties: [
          { organisationId: await organisationId(t, 'BKHCN') },
          {
            organisationId: (
              await bo.post('/api/v1/organisations', { kind: 'other', nameVi: 'Hiệp hội thử' })
            ).body.id,
          },
          { organisationId: vastId },
        ],
      }),
    );
    expect(orgOutside.status).toBe(400);
    expect(await rowCount(t, programmes)).toBe(before);
    expect(await countAudit(t, { entityType: 'programme' })).toBe(audits);
  });

  it('creates a programme with its parties and signatories, audited', async () => {
    const nghi = await personId(t, 'Nguyễn Văn Tùng');
    const body = await programmeBody(t, HP, {
      title: 'Chương trình phối hợp giai đoạn 2026–2030',
      status: undefined,
      periodStartYear: 2026,
      periodEndYear: 2030,
      horizonYear: null,
      parties: [
        { organisationId: await organisationId(t, 'BKHCN.VU-PTDP') },
        { organisationId: await organisationId(t, `UBND-${HP}`), signatoryPersonId: nghi },
      ],
    });
    const res = await bo.post(API, body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'draft', storedStatus: 'draft', canEdit: true });
    expect(res.body.parties[1]).toMatchObject({
      side: 'province',
      unit: { id: HP, validToday: true, successors: [] },
      signatoryName: 'Nguyễn Văn Tùng',
    });
    const [entry] = await auditRows(t, { entityType: 'programme', entityId: res.body.id });
    expect(entry).toMatchObject({ action: 'create', actorUsername: 'bo.dieuphoi' });
    expect((entry!.after as { parties: unknown[] }).parties).toHaveLength(2);
    expect((await bo.delete(`${API}/${res.body.id}`)).status).toBe(204);
  });
});

describe('PATCH /programmes/{id}', () => {
  it('is refused to roles that never manage programmes, and 404 for unknown ids', async () => {
    expect((await t.anonymous.patch(`${API}/${hpProgramme.id}`, { title: 'x' })).status).toBe(401);
    expect((await hp.patch(`${API}/${hpProgramme.id}`, { title: 'x' })).status).toBe(403);
    expect((await bo.patch(`${API}/${randomUUID()}`, { title: 'x' })).status).toBe(404);
    expect((await bo.patch(`${API}/${hpProgramme.id}`, {})).status).toBe(400);
  });

  it('marks a programme superseded by its successor and replaces the parties', async () => {
    const next = await createProgramme(
      bo,
      await programmeBody(t, HP, {
        title: 'Chương trình 2026–2030',
        periodStartYear: 2026,
        periodEndYear: 2030,
      }),
    );
    const res = await bo.patch(`${API}/${next.id}`, {
      parties: [
        { organisationId: await organisationId(t, 'BKHCN') },
        { organisationId: await organisationId(t, `UBND-${HP}`) },
        { organisationId: await organisationId(t, `SKHCN-${HP}`) },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.parties).toHaveLength(3);

    const superseded = await bo.patch(`${API}/${hpProgramme.id}`, {
      status: 'superseded',
      supersededById: next.id,
    });
    expect(superseded.status).toBe(200);
    expect(superseded.body).toMatchObject({
      status: 'superseded',
      supersededBy: { id: next.id, title: 'Chương trình 2026–2030' },
    });
    expect((await bo.get(`${API}/${next.id}`)).body.supersedes).toEqual([
      { id: hpProgramme.id, title: hpProgramme.title },
    ]);
    const [entry] = await auditRows(t, { entityType: 'programme', entityId: hpProgramme.id });
    expect(entry).toMatchObject({ action: 'update' });
    expect(entry!.before).toMatchObject({ status: 'in_force' });
    expect(entry!.after).toMatchObject({ status: 'superseded' });

    // Back in force: the pointer must go too.
    const half = await bo.patch(`${API}/${hpProgramme.id}`, { status: 'in_force' });
    expect(half.status).toBe(400);
    const back = await bo.patch(`${API}/${hpProgramme.id}`, {
      status: 'in_force',
      supersededById: null,
    });
    expect(back.body.supersededBy).toBeNull();
    expect((await bo.delete(`${API}/${next.id}`)).status).toBe(204);
  });
});

describe('programme contents and their progress', () => {
  let programmeId: string;
  beforeAll(async () => {
    programmeId = (await createProgramme(bo, await programmeBody(t, HP, { title: 'Nội dung thử' })))
      .id;
  });
  const numbered = async () =>
    (await bo.get(`${API}/${programmeId}`)).body.contents.map(
      (c: { number: number; title: string }) => `${c.number}. ${c.title}`,
    );

  it('numbers contents, inserting, moving and closing gaps', async () => {
    expect((await t.anonymous.post(`${API}/${programmeId}/contents`, { title: 'x' })).status).toBe(
      401,
    );
    expect((await hp.post(`${API}/${programmeId}/contents`, { title: 'x' })).status).toBe(403);
    expect((await bo.post(`${API}/${randomUUID()}/contents`, { title: 'x' })).status).toBe(404);
    expect((await bo.post(`${API}/${programmeId}/contents`, { title: '' })).status).toBe(400);

    await addContent(bo, programmeId, 'Ứng dụng KH&CN');
    await addContent(bo, programmeId, 'Sở hữu trí tuệ');
    const first = await addContent(bo, programmeId, 'Đổi mới sáng tạo', 1);
    expect(first.number).toBe(1);
    expect(await numbered()).toEqual([
      '1. Đổi mới sáng tạo',
      '2. Ứng dụng KH&CN',
      '3. Sở hữu trí tuệ',
    ]);
    const moved = await bo.patch(`/api/v1/programme-contents/${first.id}`, {
      number: 3,
      title: 'Đổi mới sáng tạo, khởi nghiệp',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.number).toBe(3);
    expect(await numbered()).toEqual([
      '1. Ứng dụng KH&CN',
      '2. Sở hữu trí tuệ',
      '3. Đổi mới sáng tạo, khởi nghiệp',
    ]);
    const contents = (await bo.get(`${API}/${programmeId}`)).body.contents;
    expect((await bo.delete(`/api/v1/programme-contents/${contents[0].id}`)).status).toBe(204);
    expect(await numbered()).toEqual(['1. Sở hữu trí tuệ', '2. Đổi mới sáng tạo, khởi nghiệp']);
    expect(await countAudit(t, { entityType: 'programme_content', action: 'delete' })).toBe(1);
  });

  it('computes progress from the action items and their latest reports', async () => {
    const [c1, c2] = (await bo.get(`${API}/${programmeId}`)).body.contents;
    await insertTask(t, { programmeContentId: c1.id }, { completedOn: '2025-06-30' });
    await insertTask(t, { programmeContentId: c1.id }, { reports: [30, 60, null] });
    await insertTask(t, { programmeContentId: c1.id });
    const detail = (await xem.get(`${API}/${programmeId}`)).body;
    // (100 + 60 + 0) / 3
    expect(detail.contents[0]).toMatchObject({
      id: c1.id,
      taskCount: 3,
      completedCount: 1,
      progress: 53.3,
    });
    expect(detail.contents[1]).toMatchObject({ id: c2.id, taskCount: 0, progress: null });
    expect(detail).toMatchObject({ contentCount: 2, taskCount: 3, progress: 53.3 });
    const listed = (await xem.get(`${API}?q=${encodeURIComponent('noi dung thu')}`)).body.items[0];
    expect(listed).toMatchObject({ contentCount: 2, taskCount: 3, progress: 53.3 });
  });

  it('refuses to delete a content or a programme whose action items exist', async () => {
    const [c1] = (await bo.get(`${API}/${programmeId}`)).body.contents;
    const contents = await rowCount(t, programmeContents);
    const del = await bo.delete(`/api/v1/programme-contents/${c1.id}`);
    expect(del.status).toBe(409);
    expect(del.body.error.code).toBe('CONFLICT');
    const delProgramme = await bo.delete(`${API}/${programmeId}`);
    expect(delProgramme.status).toBe(409);
    expect(await rowCount(t, programmeContents)).toBe(contents);
    expect((await bo.get(`${API}/${programmeId}`)).status).toBe(200);
  });
});

describe('DELETE /programmes/{id} and the signed document', () => {
  it('attaches the signed file, readable by the parties only', async () => {
    const res = await upload(bo, {
      entityType: 'programme',
      entityId: ndProgramme.id,
      purpose: 'signed_document',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ purpose: 'signed_document', name: 'Chương trình đã ký.pdf' });
    expect((await bo.get(`${API}/${ndProgramme.id}`)).body.attachmentCount).toBe(1);

    const query = `/api/v1/attachments?entityType=programme&entityId=${ndProgramme.id}`;
    expect((await nb.get(query)).body.items).toHaveLength(1);
    expect((await hp.get(query)).status).toBe(404);
    const content = await nb.get(`/api/v1/attachments/${res.body.id}/content`);
    expect(content.status).toBe(200);
    expect(content.raw.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await hp.get(`/api/v1/attachments/${res.body.id}/content`)).status).toBe(404);

    // Provinces read the signed file but do not replace it; minutes are not a programme's.
    const byProvince = await upload(nb, {
      entityType: 'programme',
      entityId: ndProgramme.id,
      purpose: 'other',
    });
    expect(byProvince.status).toBe(404);
    const minutes = await upload(bo, {
      entityType: 'programme',
      entityId: ndProgramme.id,
      purpose: 'minutes',
    });
    expect(minutes.status).toBe(400);
  });

  it('deletes a programme with its parties, contents and files, audited', async () => {
    const files = await fileCount(t);
    expect((await hp.delete(`${API}/${ndProgramme.id}`)).status).toBe(403);
    await addContent(bo, ndProgramme.id, 'Nội dung không có hoạt động');
    const res = await bo.delete(`${API}/${ndProgramme.id}`);
    expect(res.status).toBe(204);
    expect((await bo.get(`${API}/${ndProgramme.id}`)).status).toBe(404);
    expect(await attachmentCount(t, ndProgramme.id)).toBe(0);
    expect(await fileCount(t)).toBe(files - 1);
    const [entry] = await auditRows(t, { entityType: 'programme', entityId: ndProgramme.id });
    expect(entry).toMatchObject({ action: 'delete' });
    expect(await countAudit(t, { entityType: 'attachment', action: 'delete' })).toBe(1);
    expect((await bo.delete(`${API}/${ndProgramme.id}`)).status).toBe(404);
  });

  it('lets a task block deletion until it is gone', async () => {
    const p = await createProgramme(
      bo,
      await programmeBody(t, HUE, { title: 'Xóa sau khi gỡ nhiệm vụ' }),
    );
    const content = await addContent(bo, p.id, 'Nội dung');
    const task = await insertTask(t, { programmeContentId: content.id });
    expect((await bo.delete(`${API}/${p.id}`)).status).toBe(409);
    await deleteTask(t, task);
    expect((await bo.delete(`${API}/${p.id}`)).status).toBe(204);
  });
});
