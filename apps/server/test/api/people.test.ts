import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../support/harness.js';
import { auditRows, countAudit, organisationId } from '../support/factories/accounts.js';
import {
  createPerson,
  linkUserToPerson,
  peopleNamed,
  personId,
  positionsOfPerson,
  uniq,
} from '../support/factories/directory.js';

const PEOPLE = '/api/v1/people';
const POSITIONS = '/api/v1/positions';
const NGHI = 'Phạm Đình Nghị';
const NGHI_TITLE = 'Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh';

let t: TestApp;
let admin: Client;
let hp: Client;
let nb: Client;
let nd: Client;
let xem: Client;
let nghi: string;
let nghiPosition: string;
let ubndNd: string;
let skhcnHp: string;
let skhcnNb: string;

beforeAll(async () => {
  t = await createTestApp();
  [admin, hp, nb, nd, xem] = await Promise.all([
    t.login('admin'),
    t.login('hp.chuyenvien'),
    t.login('nb.chuyenvien'),
    t.login('nd.chuyenvien'),
    t.login('xem'),
  ]);
  nghi = await personId(t, NGHI);
  nghiPosition = (await positionsOfPerson(t, nghi))[0]!.id;
  ubndNd = await organisationId(t, 'UBND-36@2008-08-01');
  skhcnHp = await organisationId(t, 'SKHCN-31@2025-07-01');
  skhcnNb = await organisationId(t, 'SKHCN-37@2025-07-01');
});
afterAll(() => t.close());

const position = (extra: Record<string, unknown> = {}) => ({
  organisationId: skhcnHp,
  title: 'Phó Giám đốc Sở',
  validFrom: '2025-08-01',
  ...extra,
});
/** A person in Hải Phòng, created by the Hải Phòng officer. */
const hpPerson = (extra: Record<string, unknown> = {}) =>
  createPerson(hp, { positions: [position()], ...extra });
const fullNames = (body: { items: Array<{ fullName: string }> }) =>
  body.items.map((p) => p.fullName);

describe('GET /people', () => {
  it('needs a signed-in user', async () => {
    const res = await t.anonymous.get(PEOPLE);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('rejects invalid filters', async () => {
    for (const query of ['organisationId=abc', 'asOf=2023-02-29', 'page=0', 'pageSize=501']) {
      const res = await xem.get(`${PEOPLE}?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
    }
  });

  it('sorts people the Vietnamese way: by given name, then family name, in Vietnamese order', async () => {
    const res = await xem.get(`${PEOPLE}?pageSize=500`);
    expect(res.status).toBe(200);
    // Đ follows D, "Túc" precedes "Tùng" (tone marks only break ties): code-point order and
    // sorting by family name would both get these wrong.
    expect(fullNames(res.body)).toEqual([
      'Hoàng Minh Cường',
      'Bùi Thế Duy',
      'Huỳnh Thành Đạt',
      'Lê Xuân Định',
      'Trần Lê Đoài',
      'Lâm Hải Giang',
      'Nguyễn Hoàng Giang',
      'Đỗ Mạnh Hiến',
      'Lê Trường Lưu',
      'Phạm Đình Nghị',
      'Trần Lưu Quang',
      'Phạm Gia Túc',
      'Nguyễn Văn Tùng',
    ]);
    const page = await xem.get(`${PEOPLE}?page=3&pageSize=4`);
    expect(page.body).toMatchObject({ total: 13, page: 3, pageSize: 4 });
    expect(fullNames(page.body)).toEqual(fullNames(res.body).slice(8, 12));
  });

  it('finds a person typed without tone marks, with their positions', async () => {
    const res = await xem.get(`${PEOPLE}?q=${encodeURIComponent('pham dinh nghi')}`);
    expect(res.body.total).toBe(1);
    expect(res.body.items[0]).toMatchObject({
      id: nghi,
      fullName: NGHI,
      positions: [
        {
          organisationId: ubndNd,
          organisationName: 'Ủy ban nhân dân tỉnh Nam Định',
          title: NGHI_TITLE,
          validFrom: '2023-05-11',
          validTo: '2023-05-11',
        },
      ],
    });
    expect((await xem.get(`${PEOPLE}?q=${encodeURIComponent('%')}`)).body.total).toBe(0);
  });

  it('keeps people holding a position on asOf, in an organisation', async () => {
    const on = await xem.get(`${PEOPLE}?asOf=2023-05-11`);
    expect(fullNames(on.body)).toEqual([
      'Huỳnh Thành Đạt',
      'Trần Lê Đoài',
      'Nguyễn Hoàng Giang',
      NGHI,
      'Phạm Gia Túc',
    ]);
    const there = await xem.get(`${PEOPLE}?organisationId=${ubndNd}&asOf=2023-05-11`);
    expect(fullNames(there.body)).toEqual(['Trần Lê Đoài', NGHI]);
    const dayAfter = await xem.get(`${PEOPLE}?organisationId=${ubndNd}&asOf=2023-05-12`);
    expect(dayAfter.body.total).toBe(0);
  });
});

describe('GET /people/{id}', () => {
  it('needs a signed-in user', async () => {
    expect((await t.anonymous.get(`${PEOPLE}/${nghi}`)).status).toBe(401);
  });

  it('answers 400 for a malformed id or date and 404 for an unknown person', async () => {
    expect((await xem.get(`${PEOPLE}/abc`)).status).toBe(400);
    expect((await xem.get(`${PEOPLE}/${nghi}?asOf=11/05/2023`)).status).toBe(400);
    const missing = await xem.get(`${PEOPLE}/${randomUUID()}`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
  });

  it('gives the title a person held on a date', async () => {
    const on = await xem.get(`${PEOPLE}/${nghi}?asOf=2023-05-11`);
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ fullName: NGHI, asOf: '2023-05-11', canEdit: false });
    expect(on.body.positionsOn.map((p: { title: string }) => p.title)).toEqual([NGHI_TITLE]);
    expect(on.body.positionsOn[0].organisationName).toBe('Ủy ban nhân dân tỉnh Nam Định');
    const after = await xem.get(`${PEOPLE}/${nghi}?asOf=2023-05-12`);
    expect(after.body.positionsOn).toEqual([]);
    expect(after.body.positions).toHaveLength(1);
    const undated = await xem.get(`${PEOPLE}/${nghi}`);
    expect(undated.body).toMatchObject({ asOf: null, positionsOn: [] });
  });

  it('tells who may edit: the former province’s officer, not the new one', async () => {
    expect((await nd.get(`${PEOPLE}/${nghi}`)).body.canEdit).toBe(true);
    expect((await nb.get(`${PEOPLE}/${nghi}`)).body.canEdit).toBe(false);
    expect((await admin.get(`${PEOPLE}/${nghi}`)).body.canEdit).toBe(true);
  });
});

describe('POST /people', () => {
  it('needs a signed-in user', async () => {
    expect((await t.anonymous.post(PEOPLE, { fullName: 'Ẩn Danh' })).status).toBe(401);
  });

  it('is refused to a viewer', async () => {
    const res = await xem.post(PEOPLE, { fullName: 'Người Xem', positions: [position()] });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
  });

  it('refuses invalid input', async () => {
    const cases: Array<Record<string, unknown>> = [
      { fullName: '  ' },
      { fullName: 'Nguyễn Văn A', email: 'a@' },
      { fullName: 'Nguyễn Văn A', positions: [position({ validFrom: '2025-02-30' })] },
      { fullName: 'Nguyễn Văn A', positions: [position({ validTo: '2025-07-31' })] },
      { fullName: 'Nguyễn Văn A', positions: [position({ organisationId: 'abc' })] },
      { fullName: 'Nguyễn Văn A', positions: [position({ title: '' })] },
    ];
    for (const body of cases) {
      const res = await hp.post(PEOPLE, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
    }
    expect(await peopleNamed(t, 'Nguyễn Văn A')).toEqual([]);
  });

  it('creates a person with a position in scope, NFC-normalised and audited', async () => {
    const fullName = `Nguyễn Thị Thử ${uniq()}`;
    const res = await hp.post(PEOPLE, {
      fullName: ` ${fullName.normalize('NFD')} `,
      email: 'thu@haiphong.gov.vn',
      positions: [position()],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      fullName,
      email: 'thu@haiphong.gov.vn',
      canEdit: true,
      positions: [
        {
          organisationId: skhcnHp,
          organisationName: 'Sở Khoa học và Công nghệ thành phố Hải Phòng',
          title: 'Phó Giám đốc Sở',
          validFrom: '2025-08-01',
          validTo: null,
        },
      ],
    });
    const [personAudit] = await auditRows(t, { entityId: res.body.id });
    expect(personAudit).toMatchObject({ entityType: 'person', action: 'create', before: null });
    expect(personAudit!.after).toMatchObject({ fullName });
    const [positionAudit] = await auditRows(t, { entityId: res.body.positions[0].id });
    expect(positionAudit).toMatchObject({ entityType: 'position', action: 'create' });
    expect(positionAudit!.after).toMatchObject({ personId: res.body.id, organisationId: skhcnHp });
  });

  it('allows a person without a position only to national roles', async () => {
    const fullName = `Chưa có chức vụ ${uniq()}`;
    const refused = await hp.post(PEOPLE, { fullName });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/ít nhất một chức vụ/);
    expect(await peopleNamed(t, fullName)).toEqual([]);
    const created = await admin.post(PEOPLE, { fullName });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ fullName, positions: [], canEdit: true });
  });

  it('writes nothing when a later position fails', async () => {
    const audits = await countAudit(t);
    const fullName = `Người dở dang ${uniq()}`;
    const outOfScope = await hp.post(PEOPLE, {
      fullName,
      positions: [position(), position({ organisationId: skhcnNb })],
    });
    expect(outOfScope.status).toBe(403);
    expect(outOfScope.body.error.message).toMatch(/nằm ngoài phạm vi được phân công/);
    const unknown = await hp.post(PEOPLE, {
      fullName,
      positions: [position(), position({ organisationId: randomUUID() })],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details).toEqual([
      { path: 'body.positions.1.organisationId', message: 'Tổ chức không tồn tại.' },
    ]);
    expect(await peopleNamed(t, fullName)).toEqual([]);
    expect(await countAudit(t)).toBe(audits);
  });

  it('refuses a cookie-session write without the CSRF token', async () => {
    const fullName = `Không CSRF ${uniq()}`;
    const res = await hp.withoutCsrf().post(PEOPLE, { fullName, positions: [position()] });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('CSRF_INVALID');
    expect(await peopleNamed(t, fullName)).toEqual([]);
  });
});

describe('PATCH /people/{id}', () => {
  it('needs a signed-in user', async () => {
    expect((await t.anonymous.patch(`${PEOPLE}/${nghi}`, { phone: '1' })).status).toBe(401);
  });

  it('is refused to a viewer', async () => {
    expect((await xem.patch(`${PEOPLE}/${nghi}`, { phone: '1' })).status).toBe(403);
  });

  it('refuses invalid input', async () => {
    expect((await nd.patch(`${PEOPLE}/abc`, { phone: '1' })).status).toBe(400);
    for (const body of [{}, { fullName: '' }, { email: 'x' }]) {
      const res = await nd.patch(`${PEOPLE}/${nghi}`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
    }
  });

  it('answers 404 for a person outside the caller’s scope', async () => {
    for (const client of [hp, nb]) {
      const res = await client.patch(`${PEOPLE}/${nghi}`, { phone: '0228 000' });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
    const unplaced = await createPerson(admin);
    expect((await hp.patch(`${PEOPLE}/${unplaced.id}`, { phone: '1' })).status).toBe(404);
  });

  it('updates within scope and audits before and after', async () => {
    const res = await nd.patch(`${PEOPLE}/${nghi}`, { phone: '0228 3 111 111' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ phone: '0228 3 111 111', positions: [{ title: NGHI_TITLE }] });
    const [entry] = await auditRows(t, { entityId: nghi, action: 'update' });
    expect(entry).toMatchObject({ entityType: 'person', actorUsername: 'nd.chuyenvien' });
    expect(entry!.before).toMatchObject({ fullName: NGHI, phone: null });
    expect(entry!.after).toMatchObject({ fullName: NGHI, phone: '0228 3 111 111' });
  });
});

describe('DELETE /people/{id}', () => {
  it('needs a signed-in user', async () => {
    expect((await t.anonymous.delete(`${PEOPLE}/${nghi}`)).status).toBe(401);
  });

  it('is refused to a viewer', async () => {
    expect((await xem.delete(`${PEOPLE}/${nghi}`)).status).toBe(403);
  });

  it('answers 400 for a malformed id and 404 outside the caller’s scope', async () => {
    expect((await hp.delete(`${PEOPLE}/abc`)).status).toBe(400);
    expect((await hp.delete(`${PEOPLE}/${nghi}`)).status).toBe(404);
    expect(await positionsOfPerson(t, nghi)).toHaveLength(1);
  });

  it('refuses, with 409, to delete a person a user account refers to', async () => {
    const person = await hpPerson();
    await linkUserToPerson(t, 'hp.lanhdao', person.id);
    const res = await hp.delete(`${PEOPLE}/${person.id}`);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/tài khoản người dùng/);
    expect(await positionsOfPerson(t, person.id)).toHaveLength(1);
  });

  it('deletes the person with their positions and audits both', async () => {
    const person = await hpPerson();
    const res = await hp.delete(`${PEOPLE}/${person.id}`);
    expect(res.status).toBe(204);
    expect((await hp.get(`${PEOPLE}/${person.id}`)).status).toBe(404);
    expect(await positionsOfPerson(t, person.id)).toEqual([]);
    const [deleted] = await auditRows(t, { entityId: person.id, action: 'delete' });
    expect(deleted).toMatchObject({ entityType: 'person', after: null });
    expect(deleted!.before).toMatchObject({ fullName: person.fullName, positions: [{}] });
    const [positionDeleted] = await auditRows(t, { entityId: person.positions[0]!.id });
    expect(positionDeleted).toMatchObject({ entityType: 'position', action: 'delete' });
  });
});

describe('POST /people/{id}/positions', () => {
  const add = (client: Client, id: string, body: unknown) =>
    client.post(`${PEOPLE}/${id}/positions`, body);

  it('needs a signed-in user', async () => {
    expect((await add(t.anonymous, nghi, position())).status).toBe(401);
  });

  it('is refused to a viewer', async () => {
    expect((await add(xem, nghi, position())).status).toBe(403);
  });

  it('refuses invalid input', async () => {
    const person = await hpPerson();
    expect((await add(hp, 'abc', position())).status).toBe(400);
    for (const body of [
      position({ title: ' ' }),
      position({ validFrom: '2025-7-1' }),
      position({ validTo: '2025-01-01' }),
      position({ organisationId: randomUUID() }),
    ]) {
      const res = await add(hp, person.id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
    }
    expect(await positionsOfPerson(t, person.id)).toHaveLength(1);
  });

  it('answers 404 for a person outside the caller’s scope', async () => {
    const res = await add(hp, nghi, position());
    expect(res.status).toBe(404);
    expect(await positionsOfPerson(t, nghi)).toHaveLength(1);
  });

  it('refuses, with 403, a position in an organisation outside the caller’s scope', async () => {
    const person = await hpPerson();
    const res = await add(hp, person.id, position({ organisationId: skhcnNb }));
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('Sở Khoa học và Công nghệ tỉnh Ninh Bình');
    expect(await positionsOfPerson(t, person.id)).toHaveLength(1);
  });

  it('adds a position, shown on its dates, and audits it', async () => {
    const person = await hpPerson();
    const res = await add(hp, person.id, {
      organisationId: skhcnHp,
      title: 'Giám đốc Sở',
      validFrom: '2026-01-01',
      source: 'Quyết định bổ nhiệm',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      personId: person.id,
      organisationName: 'Sở Khoa học và Công nghệ thành phố Hải Phòng',
      title: 'Giám đốc Sở',
      validFrom: '2026-01-01',
      validTo: null,
      source: 'Quyết định bổ nhiệm',
    });
    const detail = await hp.get(`${PEOPLE}/${person.id}?asOf=2026-02-01`);
    expect(detail.body.positions.map((p: { title: string }) => p.title)).toEqual([
      'Giám đốc Sở',
      'Phó Giám đốc Sở',
    ]);
    expect(detail.body.positionsOn.map((p: { title: string }) => p.title)).toEqual([
      'Giám đốc Sở',
      'Phó Giám đốc Sở',
    ]);
    const [entry] = await auditRows(t, { entityId: res.body.id });
    expect(entry).toMatchObject({ entityType: 'position', action: 'create', before: null });
  });
});

describe('PATCH /positions/{id}', () => {
  it('needs a signed-in user', async () => {
    expect((await t.anonymous.patch(`${POSITIONS}/${nghiPosition}`, { title: 'x' })).status).toBe(
      401,
    );
  });

  it('is refused to a viewer', async () => {
    expect((await xem.patch(`${POSITIONS}/${nghiPosition}`, { title: 'x' })).status).toBe(403);
  });

  it('refuses invalid input', async () => {
    expect((await nd.patch(`${POSITIONS}/abc`, { title: 'x' })).status).toBe(400);
    for (const body of [{}, { title: '' }, { validFrom: '2023-02-29' }, { organisationId: 'x' }]) {
      const res = await nd.patch(`${POSITIONS}/${nghiPosition}`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
    }
  });

  it('answers 404 for a position outside the caller’s scope', async () => {
    const res = await hp.patch(`${POSITIONS}/${nghiPosition}`, { title: 'Chủ tịch' });
    expect(res.status).toBe(404);
    expect((await positionsOfPerson(t, nghi))[0]!.title).toBe(NGHI_TITLE);
  });

  it('refuses, with 403, to move a position out of the caller’s scope', async () => {
    const person = await hpPerson();
    const res = await hp.patch(`${POSITIONS}/${person.positions[0]!.id}`, {
      organisationId: skhcnNb,
    });
    expect(res.status).toBe(403);
    expect((await positionsOfPerson(t, person.id))[0]!.organisationId).toBe(skhcnHp);
  });

  it('checks dates against the stored position and writes nothing on failure', async () => {
    const audits = await countAudit(t);
    const res = await nd.patch(`${POSITIONS}/${nghiPosition}`, {
      title: 'Chủ tịch',
      validTo: '2023-01-01',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/Ngày kết thúc/);
    expect((await positionsOfPerson(t, nghi))[0]!.title).toBe(NGHI_TITLE);
    expect(await countAudit(t)).toBe(audits);
  });

  it('updates a position and audits before and after', async () => {
    const person = await hpPerson();
    const id = person.positions[0]!.id;
    const res = await hp.patch(`${POSITIONS}/${id}`, {
      title: 'Giám đốc Sở',
      validTo: '2030-12-31',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, title: 'Giám đốc Sở', validTo: '2030-12-31' });
    const [entry] = await auditRows(t, { entityId: id, action: 'update' });
    expect(entry!.before).toMatchObject({ title: 'Phó Giám đốc Sở', validTo: null });
    expect(entry!.after).toMatchObject({ title: 'Giám đốc Sở', validTo: '2030-12-31' });
  });
});

describe('DELETE /positions/{id}', () => {
  it('needs a signed-in user', async () => {
    expect((await t.anonymous.delete(`${POSITIONS}/${nghiPosition}`)).status).toBe(401);
  });

  it('is refused to a viewer', async () => {
    expect((await xem.delete(`${POSITIONS}/${nghiPosition}`)).status).toBe(403);
  });

  it('answers 400 for a malformed id and 404 outside the caller’s scope', async () => {
    expect((await hp.delete(`${POSITIONS}/abc`)).status).toBe(400);
    expect((await hp.delete(`${POSITIONS}/${nghiPosition}`)).status).toBe(404);
    expect((await nb.delete(`${POSITIONS}/${nghiPosition}`)).status).toBe(404);
    expect(await positionsOfPerson(t, nghi)).toHaveLength(1);
  });

  it('deletes a position and audits it', async () => {
    const person = await hpPerson();
    const id = person.positions[0]!.id;
    const res = await hp.delete(`${POSITIONS}/${id}`);
    expect(res.status).toBe(204);
    expect(await positionsOfPerson(t, person.id)).toEqual([]);
    const [entry] = await auditRows(t, { entityId: id, action: 'delete' });
    expect(entry).toMatchObject({ entityType: 'position', after: null });
    expect(entry!.before).toMatchObject({ id, title: 'Phó Giám đốc Sở' });
  });
});
