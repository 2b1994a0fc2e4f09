import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareVi } from '@caunoi/shared';
import { REFERENCE_ORGANISATIONS } from '../../src/seed/reference-organisations.js';
import { createTestApp, type Client, type TestApp } from '../support/harness.js';
import { auditRows, countAudit, organisationId } from '../support/factories/accounts.js';
import { createOrganisation, organisationRow, uniq } from '../support/factories/directory.js';

const API = '/api/v1/organisations';
const HP = '31@2025-07-01';
const NB = '37@2025-07-01';

let t: TestApp;
let admin: Client;
let vu: Client;
let hp: Client;
let nd: Client;
let xem: Client;
const CODES = [
  'BKHCN',
  'BKHCN.VU-PTDP',
  'BKHCN.VU-KHXH',
  `UBND-${HP}`,
  `SKHCN-${HP}`,
  'SKHCN-31@2008-08-01',
  `SKHCN-${NB}`,
  'SKHCN-36@2008-08-01',
  'UBND-36@2008-08-01',
  'TU-36@2008-08-01',
  'DH-HANGHAI',
] as const;
/** Organisation ids by code. */
let id: Record<(typeof CODES)[number], string>;

beforeAll(async () => {
  t = await createTestApp();
  [admin, vu, hp, nd, xem] = await Promise.all([
    t.login('admin'),
    t.login('vu.diaphuong'),
    t.login('hp.chuyenvien'),
    t.login('nd.chuyenvien'),
    t.login('xem'),
  ]);
  const entries = [];
  for (const code of CODES) entries.push([code, await organisationId(t, code)]);
  id = Object.fromEntries(entries);
});
afterAll(() => t.close());

const list = (query: string, client: Client = xem) => client.get(`${API}?${query}`);
const names = (body: { items: Array<{ nameVi: string }> }) => body.items.map((o) => o.nameVi);

describe('GET /organisations', () => {
  it('needs a signed-in user', async () => {
    const res = await t.anonymous.get(API);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('rejects invalid filters', async () => {
    for (const query of ['kind=bo-nganh', 'parentId=123', 'asOf=2025-02-30', 'pageSize=0']) {
      const res = await list(query);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
    }
  });

  it('finds an organisation typed without tone marks', async () => {
    const res = await list(`q=${encodeURIComponent('so khoa hoc hai phong')}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((o: { id: string }) => o.id).sort()).toEqual(
      [id[`SKHCN-${HP}`], id['SKHCN-31@2008-08-01']].sort(),
    );
    const today = await list(`q=${encodeURIComponent('SỞ KHOA HỌC hải phòng')}&asOf=2025-07-01`);
    expect(today.body.total).toBe(1);
    expect(today.body.items[0]).toMatchObject({
      id: id[`SKHCN-${HP}`],
      nameVi: 'Sở Khoa học và Công nghệ thành phố Hải Phòng',
      kind: 'dost',
      unitId: HP,
      unit: { id: HP, code: '31', nameVi: 'Hải Phòng' },
      parentId: id[`UBND-${HP}`],
      parentName: 'Ủy ban nhân dân thành phố Hải Phòng',
    });
  });

  it('searches short names, English names and codes too', async () => {
    const byShort = await list(`q=${encodeURIComponent('vu ptdp')}`);
    expect(byShort.body.items.map((o: { id: string }) => o.id)).toEqual([id['BKHCN.VU-PTDP']]);
    const byEnglish = await list(`q=${encodeURIComponent('maritime university')}`);
    expect(byEnglish.body.items.map((o: { id: string }) => o.id)).toEqual([id['DH-HANGHAI']]);
    const byCode = await list(`q=${encodeURIComponent(`SKHCN-${NB}`)}`);
    expect(byCode.body.items.map((o: { id: string }) => o.id)).toEqual([id[`SKHCN-${NB}`]]);
  });

  it('matches LIKE wildcards in the query literally', async () => {
    for (const q of ['%', '_', 'SKHCN_31', '\\']) {
      const res = await list(`q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
      expect(res.body.total, q).toBe(0);
    }
    expect((await list(`q=${encodeURIComponent('SKHCN-31')}`)).body.total).toBe(2);
  });

  it('sorts in Vietnamese alphabetical order, then pages', async () => {
    const all = await list('kind=ministry_unit&pageSize=500');
    const got = names(all.body);
    expect(got).toHaveLength(REFERENCE_ORGANISATIONS.length - 1);
    expect(got).toEqual([...got].sort(compareVi));
    // a < ă < â … i … u: "Văn" comes before "Viện" and "Vụ" (code-point order would not).
    expect(got.indexOf('Văn phòng Bộ')).toBeLessThan(
      got.indexOf('Viện Chiến lược và Chính sách khoa học và công nghệ'),
    );
    expect(got.indexOf('Viện Chiến lược và Chính sách khoa học và công nghệ')).toBeLessThan(
      got.indexOf('Vụ Hợp tác quốc tế'),
    );
    const second = await list('kind=ministry_unit&page=2&pageSize=5');
    expect(second.body).toMatchObject({ total: got.length, page: 2, pageSize: 5 });
    expect(names(second.body)).toEqual(got.slice(5, 10));
  });

  it('keeps only organisations valid on asOf', async () => {
    const before = await list('kind=dost&asOf=2024-12-31&pageSize=500');
    const after = await list('kind=dost&asOf=2025-07-01&pageSize=500');
    expect(before.body.total).toBe(63);
    expect(after.body.total).toBe(34);
    const beforeIds = before.body.items.map((o: { id: string }) => o.id);
    const afterIds = after.body.items.map((o: { id: string }) => o.id);
    expect(beforeIds).toContain(id['SKHCN-31@2008-08-01']);
    expect(beforeIds).not.toContain(id[`SKHCN-${HP}`]);
    expect(afterIds).toContain(id[`SKHCN-${HP}`]);
    expect(afterIds).not.toContain(id['SKHCN-31@2008-08-01']);
  });

  it('filters by unit and by parent', async () => {
    const inHp = await list(`unitId=${encodeURIComponent(HP)}`);
    expect(inHp.body.items.every((o: { unitId: string }) => o.unitId === HP)).toBe(true);
    expect(inHp.body.items.map((o: { id: string }) => o.id)).toEqual(
      expect.arrayContaining([id[`SKHCN-${HP}`], id[`UBND-${HP}`], id['DH-HANGHAI']]),
    );
    const underMinistry = await list(`parentId=${id.BKHCN}&pageSize=500`);
    expect(underMinistry.body.total).toBe(REFERENCE_ORGANISATIONS.length - 1);
    expect(
      underMinistry.body.items.every((o: { kind: string }) => o.kind === 'ministry_unit'),
    ).toBe(true);
  });

  it('names a former unit as it was on its last day', async () => {
    const res = await list(`q=${encodeURIComponent('SKHCN-46@2008-08-01')}`);
    // Thừa Thiên Huế was renamed Huế on 2025-01-01, before it ended on 2025-06-30.
    expect(res.body.items[0].unit).toEqual({ id: '46@2008-08-01', code: '46', nameVi: 'Huế' });
  });
});

describe('GET /organisations/{id}', () => {
  it('needs a signed-in user', async () => {
    expect((await t.anonymous.get(`${API}/${id.BKHCN}`)).status).toBe(401);
  });

  it('answers 400 for a malformed id and 404 for an unknown one', async () => {
    const bad = await xem.get(`${API}/khong-phai-uuid`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_ERROR');
    const missing = await xem.get(`${API}/${randomUUID()}`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
  });

  it('shows children, the people holding titles there, and whether the caller may edit', async () => {
    const ubnd = id['UBND-36@2008-08-01'];
    const res = await nd.get(`${API}/${ubnd}`);
    expect(res.status).toBe(200);
    expect(res.body.children).toEqual([
      {
        id: id['SKHCN-36@2008-08-01'],
        nameVi: 'Sở Khoa học và Công nghệ tỉnh Nam Định',
        kind: 'dost',
      },
    ]);
    expect(res.body.positions).toContainEqual(
      expect.objectContaining({
        personName: 'Phạm Đình Nghị',
        title: 'Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh',
        validFrom: '2023-05-11',
        validTo: '2023-05-11',
      }),
    );
    expect(res.body.canEdit).toBe(true);
    expect((await hp.get(`${API}/${ubnd}`)).body.canEdit).toBe(false);
    expect((await xem.get(`${API}/${ubnd}`)).body.canEdit).toBe(false);
    expect((await admin.get(`${API}/${ubnd}`)).body.canEdit).toBe(true);
  });

  it('lists positions newest first', async () => {
    const res = await xem.get(`${API}/${id.BKHCN}`);
    const starts: string[] = res.body.positions.map((p: { validFrom: string }) => p.validFrom);
    expect(starts.length).toBeGreaterThanOrEqual(4);
    expect(starts).toEqual([...starts].sort().reverse());
    expect(res.body.positions.at(-1).personName).toBe('Huỳnh Thành Đạt');
  });
});

describe('POST /organisations', () => {
  const body = (extra: Record<string, unknown> = {}) => ({
    kind: 'institute',
    nameVi: `Trung tâm thử nghiệm ${uniq()}`,
    unitId: HP,
    parentId: id[`SKHCN-${HP}`],
    ...extra,
  });

  it('needs a signed-in user', async () => {
    const res = await t.anonymous.post(API, body());
    expect(res.status).toBe(401);
  });

  it('is refused to a viewer', async () => {
    const res = await xem.post(API, body());
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
  });

  it('refuses invalid input with a Vietnamese message and writes nothing', async () => {
    const audits = await countAudit(t);
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ nameVi: '   ' }, /trống/],
      [{ kind: 'bo' }, /Loại tổ chức/],
      [{ validFrom: '2025-13-01' }, /Ngày/],
      [{ parentId: 'abc' }, /UUID|uuid/i],
      [{ email: 'không-phải-email' }, /email/],
      [{ validFrom: '2025-07-01', validTo: '2025-06-30' }, /Ngày kết thúc/],
      [{ unitId: '99@2025-07-01' }, /Không có đơn vị hành chính "99@2025-07-01"/],
      [{ unitId: '' }, /Không có đơn vị hành chính ""/],
      [{ parentId: randomUUID() }, /Tổ chức cấp trên không tồn tại/],
      [
        { kind: 'ministry_unit', unitId: null, parentId: id[`SKHCN-${HP}`] },
        /phải có tổ chức cấp trên là Bộ/,
      ],
    ];
    for (const [extra, message] of cases) {
      const res = await admin.post(API, body(extra));
      expect(res.status, JSON.stringify(extra)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
      expect(res.body.error.message).toMatch(message);
    }
    expect(await countAudit(t)).toBe(audits);
  });

  it('creates an organisation in the caller’s province, NFC-normalised and audited', async () => {
    const decomposed = '  Trung tâm Ứng dụng   tiến bộ KH&CN Hải Phòng '.normalize('NFD');
    const code = `TT-UD-${uniq()}`;
    const res = await hp.post(API, body({ nameVi: decomposed, code, website: 'https://ud.vn' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      nameVi: 'Trung tâm Ứng dụng tiến bộ KH&CN Hải Phòng',
      code,
      kind: 'institute',
      unit: { id: HP, nameVi: 'Hải Phòng' },
      parentName: 'Sở Khoa học và Công nghệ thành phố Hải Phòng',
      children: [],
      positions: [],
      canEdit: true,
    });
    expect(res.body.nameVi).toBe(res.body.nameVi.normalize('NFC'));
    const [entry] = await auditRows(t, { entityId: res.body.id });
    expect(entry).toMatchObject({
      entityType: 'organisation',
      action: 'create',
      actorUsername: 'hp.chuyenvien',
      channel: 'web',
      before: null,
    });
    expect(entry!.after).toMatchObject({ id: res.body.id, code, unitId: HP });
  });

  it('refuses, with 403, to create outside the caller’s scope', async () => {
    const audits = await countAudit(t);
    const nameVi = `Tổ chức ngoài phạm vi ${uniq()}`;
    for (const [client, extra] of [
      [hp, { unitId: NB, parentId: id[`SKHCN-${NB}`] }],
      [hp, { unitId: null, parentId: null }],
      [vu, { unitId: null, parentId: id['BKHCN.VU-KHXH'] }],
      [vu, { kind: 'ministry_unit', unitId: null, parentId: id.BKHCN }],
    ] as const) {
      const res = await client.post(API, body({ nameVi, ...extra }));
      expect(res.status, JSON.stringify(extra)).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
      expect(res.body.error.message).toMatch(/phạm vi được phân công/);
    }
    expect((await list(`q=${encodeURIComponent(nameVi)}`, admin)).body.total).toBe(0);
    expect(await countAudit(t)).toBe(audits);
  });

  it('lets a Ministry unit officer create under their own unit', async () => {
    const created = await createOrganisation(vu, { parentId: id['BKHCN.VU-PTDP'] });
    expect(created).toMatchObject({ parentId: id['BKHCN.VU-PTDP'], canEdit: true });
    const grandchild = await createOrganisation(vu, { parentId: created.id });
    expect(grandchild).toMatchObject({ parentId: created.id });
  });

  it('lets the administrator add a Ministry unit under the Ministry', async () => {
    const created = await createOrganisation(admin, { kind: 'ministry_unit', parentId: id.BKHCN });
    expect(created).toMatchObject({
      kind: 'ministry_unit',
      parentName: 'Bộ Khoa học và Công nghệ',
    });
  });

  it('refuses a code already in use with 409 and writes nothing', async () => {
    const audits = await countAudit(t);
    const res = await admin.post(API, body({ code: `SKHCN-${HP}` }));
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CONFLICT');
    expect(res.body.error.message).toContain(`Mã "SKHCN-${HP}" đã được dùng`);
    expect(await countAudit(t)).toBe(audits);
  });

  it('refuses a cookie-session write without the CSRF token', async () => {
    const nameVi = `Không có CSRF ${uniq()}`;
    const res = await hp.withoutCsrf().post(API, body({ nameVi }));
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('CSRF_INVALID');
    expect((await list(`q=${encodeURIComponent(nameVi)}`)).body.total).toBe(0);
  });
});

describe('PATCH /organisations/{id}', () => {
  const patch = (client: Client, target: string, b: unknown) => client.patch(`${API}/${target}`, b);

  it('needs a signed-in user', async () => {
    expect((await t.anonymous.patch(`${API}/${id['DH-HANGHAI']}`, { phone: '1' })).status).toBe(
      401,
    );
  });

  it('is refused to a viewer', async () => {
    const res = await patch(xem, id['DH-HANGHAI'], { phone: '1' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
  });

  it('refuses invalid input', async () => {
    expect((await patch(admin, 'khong-phai-uuid', { phone: '1' })).status).toBe(400);
    for (const b of [{}, { nameVi: '' }, { kind: 'abc' }, { validTo: '30/06/2025' }]) {
      const res = await patch(admin, id['DH-HANGHAI'], b);
      expect(res.status, JSON.stringify(b)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
    }
  });

  it('answers 404 for an organisation outside the caller’s scope and changes nothing', async () => {
    const target = id[`SKHCN-${NB}`];
    // hp.chuyenvien works for Hải Phòng; nd.chuyenvien is still scoped to the former Nam Định.
    for (const client of [hp, nd]) {
      const res = await patch(client, target, { phone: '0229 999 999' });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
    expect((await organisationRow(t, target))!.phone).toBeNull();
    expect((await patch(vu, id['BKHCN.VU-KHXH'], { phone: '1' })).status).toBe(404);
  });

  it('updates within scope and audits before and after', async () => {
    const res = await patch(nd, id['SKHCN-36@2008-08-01'], { phone: '0228 3 000 000' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ phone: '0228 3 000 000', canEdit: true });
    const [entry] = await auditRows(t, { entityId: id['SKHCN-36@2008-08-01'], action: 'update' });
    expect(entry).toMatchObject({ entityType: 'organisation', actorUsername: 'nd.chuyenvien' });
    expect(entry!.before).toMatchObject({ phone: null });
    expect(entry!.after).toMatchObject({ phone: '0228 3 000 000' });
    const own = await patch(vu, id['BKHCN.VU-PTDP'], { phone: '024 3 943 9731' });
    expect(own.status).toBe(200);
  });

  it('refuses a parent that would make a cycle', async () => {
    const parent = await createOrganisation(hp, { unitId: HP, parentId: id[`SKHCN-${HP}`] });
    const child = await createOrganisation(hp, { unitId: HP, parentId: parent.id });
    for (const parentId of [parent.id, child.id]) {
      const res = await patch(admin, parent.id, { parentId });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/không được là chính tổ chức này/);
    }
    expect((await organisationRow(t, parent.id))!.parentId).toBe(id[`SKHCN-${HP}`]);
  });

  it('refuses, with 403, to move an organisation out of the caller’s scope', async () => {
    const org = await createOrganisation(hp, { unitId: HP });
    const res = await patch(hp, org.id, { unitId: NB });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/phạm vi được phân công/);
    expect((await organisationRow(t, org.id))!.unitId).toBe(HP);
  });

  it('checks dates and codes against the stored record and writes nothing on failure', async () => {
    const audits = await countAudit(t);
    const dates = await patch(hp, id[`SKHCN-${HP}`], { validTo: '2025-06-01' });
    expect(dates.status).toBe(400);
    expect(dates.body.error.message).toMatch(/Ngày kết thúc/);
    const code = await patch(hp, id['DH-HANGHAI'], { code: `UBND-${HP}`, phone: '1' });
    expect(code.status).toBe(409);
    expect((await organisationRow(t, id['DH-HANGHAI']))!.phone).toBeNull();
    expect(await countAudit(t)).toBe(audits);
  });

  it('keeps a Ministry unit under the Ministry', async () => {
    const res = await patch(admin, id['BKHCN.VU-KHXH'], { parentId: id[`UBND-${HP}`] });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/tổ chức cấp trên là Bộ/);
    const ministry = await patch(admin, id.BKHCN, { kind: 'other' });
    expect(ministry.status).toBe(400);
  });
});

describe('DELETE /organisations/{id}', () => {
  it('needs a signed-in user', async () => {
    expect((await t.anonymous.delete(`${API}/${id['DH-HANGHAI']}`)).status).toBe(401);
  });

  it('is refused to a viewer', async () => {
    expect((await xem.delete(`${API}/${id['DH-HANGHAI']}`)).status).toBe(403);
  });

  it('answers 400 for a malformed id and 404 outside the caller’s scope', async () => {
    expect((await hp.delete(`${API}/123`)).status).toBe(400);
    const org = await createOrganisation(admin, { unitId: NB });
    const res = await hp.delete(`${API}/${org.id}`);
    expect(res.status).toBe(404);
    expect(await organisationRow(t, org.id)).toBeDefined();
  });

  it('refuses, with 409, to delete an organisation that others refer to', async () => {
    const cases: Array<[Client, string, Record<string, number>]> = [
      [hp, id[`UBND-${HP}`], { children: 1 }],
      [nd, id['TU-36@2008-08-01'], { positions: 1 }],
      [admin, id['BKHCN.VU-PTDP'], { users: 2, roleAssignments: 1 }],
    ];
    for (const [client, target, refs] of cases) {
      const res = await client.delete(`${API}/${target}`);
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('CONFLICT');
      expect(res.body.error.message).toMatch(/^Không thể xóa tổ chức/);
      expect(res.body.error.details).toMatchObject(refs);
      expect(await organisationRow(t, target)).toBeDefined();
    }
  });

  it('deletes an unreferenced organisation and audits it', async () => {
    const org = await createOrganisation(hp, { unitId: HP });
    const res = await hp.delete(`${API}/${org.id}`);
    expect(res.status).toBe(204);
    expect((await xem.get(`${API}/${org.id}`)).status).toBe(404);
    const [deleted, created] = await auditRows(t, { entityId: org.id });
    expect(created).toMatchObject({ action: 'create', before: null });
    expect(deleted).toMatchObject({ entityType: 'organisation', action: 'delete', after: null });
    expect(deleted!.before).toMatchObject({ id: org.id, nameVi: org.nameVi });
  });
});
