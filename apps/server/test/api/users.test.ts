import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareVi } from '@caunoi/shared';
import { allowsOn, type Actor } from '../../src/policy/policy.js';
import { createTestApp, type Client, type TestApp } from '../support/harness.js';
import { testConfig } from '../support/test-config.js';
import {
  assignmentRows,
  attemptLogin,
  auditRows,
  createUser,
  NEW_PASSWORD,
  organisationId,
  userBody,
  userId,
  type AssignmentBody,
} from '../support/factories/accounts.js';

const UNKNOWN_ID = '6f1c2b0e-3d4a-4b5c-8d6e-7f8091a2b3c4';
const NAM_DINH = '36@2008-08-01';
const NINH_BINH = '37@2025-07-01';
const HAI_PHONG = '31@2025-07-01';

let t: TestApp;
let admin: Client;
let coordinator: Client;
let officer: Client;
let orgs: { vuPtdp: string; dostHp: string; hueUni: string };

beforeAll(async () => {
  t = await createTestApp({ config: { login: { ...testConfig().login, lockoutThreshold: 2 } } });
  admin = await t.login('admin');
  coordinator = await t.login('bo.dieuphoi');
  officer = await t.login('hp.chuyenvien');
  orgs = {
    vuPtdp: await organisationId(t, 'BKHCN.VU-PTDP'),
    dostHp: await organisationId(t, 'SKHCN-31@2025-07-01'),
    hueUni: await organisationId(t, 'DH-HUE'),
  };
});
afterAll(() => t.close());

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';
interface Endpoint {
  method: Method;
  path: (id: string) => string;
  body?: () => unknown;
  /** A request the schema refuses: another path, or another body. */
  bad: { path?: string; body?: unknown };
  /** Whether the path names a record (so an unknown id answers 404). */
  record: boolean;
}

const ENDPOINTS: Record<string, Endpoint> = {
  'GET /users': {
    method: 'GET',
    path: () => '/api/v1/users',
    bad: { path: '/api/v1/users?active=co' },
    record: false,
  },
  'GET /users/{id}': {
    method: 'GET',
    path: (id) => `/api/v1/users/${id}`,
    bad: { path: '/api/v1/users/khong-phai-uuid' },
    record: true,
  },
  'POST /users': {
    method: 'POST',
    path: () => '/api/v1/users',
    body: () => userBody(),
    bad: { body: userBody({ username: 'Có Dấu' }) },
    record: false,
  },
  'PATCH /users/{id}': {
    method: 'PATCH',
    path: (id) => `/api/v1/users/${id}`,
    body: () => ({ displayName: 'Tên mới' }),
    bad: { body: {} },
    record: true,
  },
  'PUT /users/{id}/assignments': {
    method: 'PUT',
    path: (id) => `/api/v1/users/${id}/assignments`,
    body: () => ({ assignments: [{ role: 'viewer' }] }),
    bad: { body: { assignments: [{ role: 'vua' }] } },
    record: true,
  },
  'POST /users/{id}/password': {
    method: 'POST',
    path: (id) => `/api/v1/users/${id}/password`,
    body: () => ({ newPassword: 'Mật khẩu đặt lại' }),
    bad: { body: { newPassword: 'ngan' } },
    record: true,
  },
  'POST /users/{id}/unlock': {
    method: 'POST',
    path: (id) => `/api/v1/users/${id}/unlock`,
    body: () => ({}),
    bad: { path: '/api/v1/users/123/unlock' },
    record: true,
  },
  'GET /users/rescoping': {
    method: 'GET',
    path: () => '/api/v1/users/rescoping',
    bad: {},
    record: false,
  },
  'POST /role-assignments/{id}/rescope': {
    method: 'POST',
    path: (id) => `/api/v1/role-assignments/${id}/rescope`,
    body: () => ({ toUnitId: NINH_BINH }),
    bad: { body: { toUnitId: '' } },
    record: true,
  },
};

function call(
  client: Client,
  e: Endpoint,
  id: string,
  override?: { path?: string; body?: unknown },
) {
  const path = override?.path ?? e.path(id);
  const body = override && 'body' in override ? override.body : e.body?.();
  return client.request(e.method, path, e.method === 'GET' ? undefined : (body ?? {}));
}

describe.each(Object.entries(ENDPOINTS))('%s', (_name, endpoint) => {
  it('needs a signed-in user (401)', async () => {
    const res = await call(t.anonymous, endpoint, UNKNOWN_ID);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('is for system administrators only (403)', async () => {
    for (const client of [coordinator, officer]) {
      const res = await call(client, endpoint, UNKNOWN_ID);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
  });

  if (endpoint.bad.path !== undefined || endpoint.bad.body !== undefined) {
    it('validates its input (400)', async () => {
      const res = await call(admin, endpoint, UNKNOWN_ID, endpoint.bad);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
      expect(res.body.error.details.length).toBeGreaterThan(0);
    });
  }

  if (endpoint.record) {
    it('answers 404 for an unknown id', async () => {
      const res = await call(admin, endpoint, UNKNOWN_ID);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    });
  }
});

describe('GET /users', () => {
  const names = (res: { body: { items: Array<{ username: string }> } }) =>
    res.body.items.map((u) => u.username);

  it('lists users in Vietnamese alphabetical order of their display names', async () => {
    for (const displayName of [
      'Kiểm thứ tự Đỗ',
      'Kiểm thứ tự Zũ',
      'Kiểm thứ tự Ánh',
      'Kiểm thứ tự Dương',
    ]) {
      await createUser(admin, { displayName });
    }
    const res = await admin.get('/api/v1/users?q=kiem%20thu%20tu');
    expect(res.status).toBe(200);
    expect(res.body.items.map((u: { displayName: string }) => u.displayName)).toEqual([
      'Kiểm thứ tự Ánh',
      'Kiểm thứ tự Dương',
      'Kiểm thứ tự Đỗ',
      'Kiểm thứ tự Zũ',
    ]);
    const all = await admin.get('/api/v1/users?pageSize=500');
    const displayNames: string[] = all.body.items.map(
      (u: { displayName: string }) => u.displayName,
    );
    expect(displayNames).toEqual([...displayNames].sort(compareVi));
    expect(all.body.total).toBe(all.body.items.length);
    expect(JSON.stringify(all.body)).not.toMatch(/argon2|passwordHash/);
  });

  it('finds users by username or display name, without tone marks', async () => {
    for (const q of ['nam dinh', 'NAM ĐỊNH', 'Nam Định']) {
      const res = await admin.get(`/api/v1/users?q=${encodeURIComponent(q)}`);
      expect(names(res)).toContain('nd.chuyenvien');
      expect(names(res)).not.toContain('hp.chuyenvien');
    }
    expect(names(await admin.get('/api/v1/users?q=hp.'))).toEqual(['hp.chuyenvien', 'hp.lanhdao']);
    expect((await admin.get('/api/v1/users?q=%25')).body.total).toBe(0);
    expect((await admin.get('/api/v1/users?q=_')).body.total).toBe(0);
  });

  it('filters by role, by the unit of an assignment and by status', async () => {
    const officers = names(await admin.get('/api/v1/users?role=province_officer&pageSize=500'));
    expect(officers).toEqual(
      expect.arrayContaining(['hp.chuyenvien', 'nb.chuyenvien', 'hue.chuyenvien', 'nd.chuyenvien']),
    );
    expect(officers).not.toContain('hp.lanhdao');
    const hp = await admin.get(`/api/v1/users?unitId=${HAI_PHONG}`);
    expect(names(hp)).toEqual(['hp.chuyenvien', 'hp.lanhdao']);
    const approvers = await admin.get(`/api/v1/users?unitId=${HAI_PHONG}&role=province_approver`);
    expect(names(approvers)).toEqual(['hp.lanhdao']);
    expect((await admin.get(`/api/v1/users?unitId=${NAM_DINH}`)).body.items).toHaveLength(1);

    const user = await createUser(admin, { displayName: 'Người đã nghỉ' });
    await admin.patch(`/api/v1/users/${user.id}`, { isActive: false });
    const inactive = await admin.get('/api/v1/users?active=false');
    expect(names(inactive)).toContain(user.username);
    expect(inactive.body.items.every((u: { isActive: boolean }) => !u.isActive)).toBe(true);
    expect(names(await admin.get('/api/v1/users?active=true&pageSize=500'))).not.toContain(
      user.username,
    );
  });

  it('pages', async () => {
    const all = await admin.get('/api/v1/users?pageSize=500');
    const page = await admin.get('/api/v1/users?page=2&pageSize=3');
    expect(page.body).toMatchObject({ total: all.body.total, page: 2, pageSize: 3 });
    expect(names(page)).toEqual(names(all).slice(3, 6));
    expect((await admin.get('/api/v1/users?pageSize=501')).status).toBe(400);
  });
});

describe('GET /users/{id}', () => {
  it('shows a user with assignments and whether their unit is valid today', async () => {
    const res = await admin.get(`/api/v1/users/${await userId(t, 'nd.chuyenvien')}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      username: 'nd.chuyenvien',
      isActive: true,
      locked: false,
      organisationName: expect.stringContaining('Nam Định'),
    });
    expect(res.body.assignments).toEqual([
      expect.objectContaining({
        role: 'province_officer',
        scopeKind: 'province',
        scopeUnitId: NAM_DINH,
        unit: expect.objectContaining({
          nameVi: 'Nam Định',
          validTo: '2025-06-30',
          validToday: false,
        }),
      }),
    ]);
  });
});

describe('POST /users', () => {
  it('creates a user with a lower-cased username, a hashed password and derived scopes', async () => {
    const res = await admin.post('/api/v1/users', {
      username: '  Thu.NghiemTao ',
      displayName: '  Trần   Thị Thử ',
      email: 'thu@example.vn',
      password: NEW_PASSWORD,
      organisationId: orgs.vuPtdp,
      assignments: [
        { role: 'ministry_unit_officer', scopeOrganisationId: orgs.vuPtdp },
        { role: 'province_officer', scopeUnitId: NINH_BINH },
        { role: 'viewer', scopeOrganisationId: orgs.hueUni },
        { role: 'viewer', scopeUnitId: HAI_PHONG, scopeOrganisationId: null },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      username: 'thu.nghiemtao',
      displayName: 'Trần Thị Thử',
      email: 'thu@example.vn',
      organisationId: orgs.vuPtdp,
      organisationName: expect.stringContaining('Phát triển'),
      mustChangePassword: true,
      isActive: true,
    });
    expect(res.body).not.toHaveProperty('passwordHash');
    expect(
      res.body.assignments.map((a: AssignmentBody & { scopeKind: string }) => [
        a.role,
        a.scopeKind,
        a.scopeUnitId ?? a.scopeOrganisationId,
      ]),
    ).toEqual([
      ['ministry_unit_officer', 'organisation', orgs.vuPtdp],
      ['province_officer', 'province', NINH_BINH],
      ['viewer', 'organisation', orgs.hueUni],
      ['viewer', 'province', HAI_PHONG],
    ]);
    const signedIn = await attemptLogin(t, 'THU.NGHIEMTAO', NEW_PASSWORD);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user.mustChangePassword).toBe(true);
  });

  it('refuses a username already taken, whatever its letter case', async () => {
    const res = await admin.post('/api/v1/users', userBody({ username: 'Admin' }));
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CONFLICT');
    expect(res.body.error.message).toBe('Tên đăng nhập "admin" đã được sử dụng.');
  });

  it('applies the password rules', async () => {
    const short = await admin.post('/api/v1/users', userBody({ password: 'ngan' }));
    expect(short.status).toBe(400);
    expect(short.body.error.message).toMatch(/ít nhất 8 ký tự/);
    const withName = await admin.post(
      '/api/v1/users',
      userBody({ username: 'trang.nguyen', password: 'Trang.Nguyen-2025' }),
    );
    expect(withName.status).toBe(400);
    expect(withName.body.error.details).toEqual([
      { path: 'body.password', message: 'Mật khẩu không được chứa tên đăng nhập.' },
    ]);
  });

  it('refuses an unknown organisation', async () => {
    const res = await admin.post('/api/v1/users', userBody({ organisationId: UNKNOWN_ID }));
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      { path: 'body.organisationId', message: 'Không tìm thấy tổ chức này.' },
    ]);
  });
});

describe('role assignment validation', () => {
  const cases: Array<[string, () => AssignmentBody[], string, RegExp]> = [
    [
      'a province role without a province',
      () => [{ role: 'province_officer' }],
      'body.assignments.0.role',
      /Chuyên viên Sở KH&CN.*phạm vi toàn quốc.*một tỉnh\/thành phố/,
    ],
    [
      'a national role with a province',
      () => [{ role: 'system_admin', scopeUnitId: HAI_PHONG }],
      'body.assignments.0.role',
      /phạm vi hợp lệ: toàn quốc/,
    ],
    [
      'a Ministry coordinator limited to an organisation',
      () => [{ role: 'ministry_coordinator', scopeOrganisationId: orgs.vuPtdp }],
      'body.assignments.0.role',
      /Điều phối cấp Bộ/,
    ],
    [
      'an unknown unit',
      () => [{ role: 'province_officer', scopeUnitId: '99@2025-07-01' }],
      'body.assignments.0.scopeUnitId',
      /Không có đơn vị hành chính 99@2025-07-01/,
    ],
    [
      'a unit code without its start date',
      () => [{ role: 'province_officer', scopeUnitId: '31' }],
      'body.assignments.0.scopeUnitId',
      /mã@ngày-bắt-đầu/,
    ],
    [
      'a former province',
      () => [{ role: 'province_approver', scopeUnitId: NAM_DINH }],
      'body.assignments.0.scopeUnitId',
      /Nam Định \(36@2008-08-01\) đã hết hiệu lực từ ngày 01\/07\/2025; hãy chọn đơn vị kế thừa: Ninh Bình \(37@2025-07-01\)/,
    ],
    [
      'a Ministry unit officer scoped to a provincial department',
      () => [{ role: 'ministry_unit_officer', scopeOrganisationId: orgs.dostHp }],
      'body.assignments.0.scopeOrganisationId',
      /Đơn vị thuộc Bộ/,
    ],
    [
      'an unknown organisation',
      () => [{ role: 'viewer', scopeOrganisationId: UNKNOWN_ID }],
      'body.assignments.0.scopeOrganisationId',
      /Không tìm thấy tổ chức/,
    ],
    [
      'both a province and an organisation',
      () => [{ role: 'viewer', scopeUnitId: HAI_PHONG, scopeOrganisationId: orgs.hueUni }],
      'body.assignments.0.scopeUnitId',
      /chỉ có một phạm vi/,
    ],
    [
      'the same assignment twice',
      () => [
        { role: 'province_officer', scopeUnitId: HAI_PHONG },
        { role: 'province_officer', scopeUnitId: HAI_PHONG },
      ],
      'body.assignments.1.role',
      /trùng với phân quyền thứ 1/,
    ],
  ];

  it.each(cases)('refuses %s', async (_name, assignments, path, message) => {
    const body = userBody({ assignments: assignments() });
    const created = await admin.post('/api/v1/users', body);
    expect(created.status).toBe(400);
    expect(created.body.error.code).toBe('VALIDATION_ERROR');
    expect(created.body.error.details).toEqual([{ path, message: expect.stringMatching(message) }]);
    expect(created.body.error.message).toMatch(message);
    const listed = await admin.get(`/api/v1/users?q=${body.username}`);
    expect(listed.body.items.some((u: { username: string }) => u.username === body.username)).toBe(
      false,
    );

    const target = await userId(t, 'xem');
    const replaced = await admin.put(`/api/v1/users/${target}/assignments`, {
      assignments: assignments(),
    });
    expect(replaced.status).toBe(400);
    expect(replaced.body.error.details).toEqual([
      { path, message: expect.stringMatching(message) },
    ]);
  });

  it('reports every refused assignment at once', async () => {
    const res = await admin.post(
      '/api/v1/users',
      userBody({
        assignments: [
          { role: 'province_officer' },
          { role: 'viewer' },
          { role: 'viewer', scopeUnitId: NAM_DINH },
        ],
      }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual([
      'body.assignments.0.role',
      'body.assignments.2.scopeUnitId',
    ]);
  });
});

describe('PATCH /users/{id}', () => {
  it('updates the profile', async () => {
    const user = await createUser(admin);
    const res = await admin.patch(`/api/v1/users/${user.id}`, {
      displayName: 'Lê Thị Đổi Tên',
      email: 'doiten@example.vn',
      organisationId: orgs.dostHp,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      displayName: 'Lê Thị Đổi Tên',
      email: 'doiten@example.vn',
      organisationId: orgs.dostHp,
      organisationName: expect.stringContaining('Hải Phòng'),
    });
    const cleared = await admin.patch(`/api/v1/users/${user.id}`, { email: null });
    expect(cleared.body.email).toBeNull();
    expect(cleared.body.displayName).toBe('Lê Thị Đổi Tên');
    const badOrg = await admin.patch(`/api/v1/users/${user.id}`, { organisationId: UNKNOWN_ID });
    expect(badOrg.status).toBe(400);
    expect(badOrg.body.error.details[0].path).toBe('body.organisationId');
  });

  it('deactivating ends the user’s sessions and refuses sign-in until reactivated', async () => {
    const user = await createUser(admin);
    const session = await t.login(user.username, NEW_PASSWORD);
    const res = await admin.patch(`/api/v1/users/${user.id}`, { isActive: false });
    expect(res.status).toBe(200);
    expect(res.body.isActive).toBe(false);
    expect((await session.get('/api/v1/auth/me')).status).toBe(401);
    expect((await attemptLogin(t, user.username, NEW_PASSWORD)).status).toBe(403);
    await admin.patch(`/api/v1/users/${user.id}`, { isActive: true });
    // The old session stays ended after reactivation.
    expect((await session.get('/api/v1/auth/me')).status).toBe(401);
    expect((await attemptLogin(t, user.username, NEW_PASSWORD)).status).toBe(200);
  });

  it('does not let administrators deactivate themselves', async () => {
    const res = await admin.patch(`/api/v1/users/${await userId(t, 'admin')}`, {
      isActive: false,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe('Bạn không thể tự vô hiệu hóa tài khoản của chính mình.');
    expect((await admin.get('/api/v1/auth/me')).status).toBe(200);
  });
});

describe('PUT /users/{id}/assignments', () => {
  it('replaces the set, keeping unchanged assignments, and takes effect at once', async () => {
    const user = await createUser(admin, { assignments: [{ role: 'viewer' }] });
    const session = await t.login(user.username, NEW_PASSWORD);
    expect((await session.get('/api/v1/users')).status).toBe(403);
    const res = await admin.put(`/api/v1/users/${user.id}/assignments`, {
      assignments: [{ role: 'system_admin' }, { role: 'viewer' }],
    });
    expect(res.status).toBe(200);
    expect(res.body.assignments.map((a: { role: string }) => a.role)).toEqual([
      'system_admin',
      'viewer',
    ]);
    expect(res.body.assignments[1].id).toBe(user.assignments[0]!.id);
    expect((await session.get('/api/v1/users')).status).toBe(200);

    const emptied = await admin.put(`/api/v1/users/${user.id}/assignments`, { assignments: [] });
    expect(emptied.body.assignments).toEqual([]);
    expect(await assignmentRows(t, user.id)).toEqual([]);
    expect((await session.get('/api/v1/users')).status).toBe(403);
  });

  it('keeps an assignment to a former province that the user already holds', async () => {
    const id = await userId(t, 'nd.chuyenvien');
    const [held] = await assignmentRows(t, id);
    const res = await admin.put(`/api/v1/users/${id}/assignments`, {
      assignments: [{ role: 'province_officer', scopeUnitId: NAM_DINH }, { role: 'viewer' }],
    });
    expect(res.status).toBe(200);
    expect(res.body.assignments[0]).toMatchObject({ id: held!.id, scopeUnitId: NAM_DINH });
    const added = await admin.put(`/api/v1/users/${id}/assignments`, {
      assignments: [
        { role: 'province_officer', scopeUnitId: NAM_DINH },
        { role: 'province_approver', scopeUnitId: NAM_DINH },
      ],
    });
    expect(added.status).toBe(400);
    expect(added.body.error.details[0].path).toBe('body.assignments.1.scopeUnitId');
    const restored = await admin.put(`/api/v1/users/${id}/assignments`, {
      assignments: [{ role: 'province_officer', scopeUnitId: NAM_DINH }],
    });
    expect(restored.body.assignments).toEqual([expect.objectContaining({ id: held!.id })]);
  });

  it('does not let administrators remove their own administrator role', async () => {
    const adminId = await userId(t, 'admin');
    const res = await admin.put(`/api/v1/users/${adminId}/assignments`, {
      assignments: [{ role: 'viewer' }],
    });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/không thể tự gỡ vai trò quản trị hệ thống/);
    expect((await assignmentRows(t, adminId)).map((a) => a.role)).toEqual(['system_admin']);
    const kept = await admin.put(`/api/v1/users/${adminId}/assignments`, {
      assignments: [{ role: 'system_admin' }, { role: 'viewer' }],
    });
    expect(kept.status).toBe(200);
    await admin.put(`/api/v1/users/${adminId}/assignments`, {
      assignments: [{ role: 'system_admin' }],
    });
  });
});

describe('POST /users/{id}/password', () => {
  it('sets a new password, ends the user’s sessions and requires a change', async () => {
    const user = await createUser(admin);
    const session = await t.login(user.username, NEW_PASSWORD);
    const res = await admin.post(`/api/v1/users/${user.id}/password`, {
      newPassword: 'Mật khẩu tạm thời',
    });
    expect(res.status).toBe(200);
    expect(res.body.mustChangePassword).toBe(true);
    expect((await session.get('/api/v1/auth/me')).status).toBe(401);
    expect((await attemptLogin(t, user.username, NEW_PASSWORD)).status).toBe(401);
    const fresh = await t.login(user.username, 'Mật khẩu tạm thời');
    const blocked = await fresh.get('/api/v1/units');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.details.mustChangePassword).toBe(true);
    expect((await admin.get('/api/v1/auth/me')).status).toBe(200);
  });

  it('may leave the password as final, and applies the password rules', async () => {
    const user = await createUser(admin);
    const res = await admin.post(`/api/v1/users/${user.id}/password`, {
      newPassword: 'Mật khẩu cuối cùng',
      mustChangePassword: false,
    });
    expect(res.body.mustChangePassword).toBe(false);
    const bad = await admin.post(`/api/v1/users/${user.id}/password`, {
      newPassword: `${user.username}-2025`,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('body.newPassword');
    expect((await attemptLogin(t, user.username, 'Mật khẩu cuối cùng')).status).toBe(200);
  });
});

describe('POST /users/{id}/unlock', () => {
  it('clears the lock and the count of failed sign-ins', async () => {
    const user = await createUser(admin);
    await attemptLogin(t, user.username, 'sai-mat-khau');
    expect((await attemptLogin(t, user.username, 'sai-mat-khau')).status).toBe(423);
    const locked = await admin.get(`/api/v1/users/${user.id}`);
    expect(locked.body.locked).toBe(true);
    expect(locked.body.lockedUntil).not.toBeNull();

    const res = await admin.post(`/api/v1/users/${user.id}/unlock`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ locked: false, lockedUntil: null });
    expect((await attemptLogin(t, user.username, NEW_PASSWORD)).status).toBe(200);

    await attemptLogin(t, user.username, 'sai-mat-khau');
    await admin.post(`/api/v1/users/${user.id}/unlock`);
    // The earlier failure no longer counts: one more does not lock.
    expect((await attemptLogin(t, user.username, 'sai-mat-khau')).status).toBe(401);
  });
});

describe('re-scoping assignments after the 2025 reform', () => {
  const actorFrom = (me: {
    user: { id: string; username: string; assignments: Actor['assignments'] };
  }): Actor => ({
    userId: me.user.id,
    username: me.user.username,
    displayName: '',
    channel: 'web',
    assignments: me.user.assignments,
  });

  it('lists assignments to former provinces with their successors', async () => {
    const res = await admin.get('/api/v1/users/rescoping');
    expect(res.status).toBe(200);
    const nd = res.body.items.filter(
      (i: { user: { username: string } }) => i.user.username === 'nd.chuyenvien',
    );
    expect(nd).toEqual([
      {
        assignment: expect.objectContaining({
          role: 'province_officer',
          scopeUnitId: NAM_DINH,
          unit: expect.objectContaining({ nameVi: 'Nam Định', validToday: false }),
        }),
        user: {
          id: await userId(t, 'nd.chuyenvien'),
          username: 'nd.chuyenvien',
          displayName: expect.any(String),
        },
        successors: [{ id: NINH_BINH, code: '37', nameVi: 'Ninh Bình', weight: 1 }],
      },
    ]);
    expect(
      res.body.items.every(
        (i: { assignment: { unit: { validToday: boolean } } }) => !i.assignment.unit.validToday,
      ),
    ).toBe(true);
    expect(
      res.body.items.some(
        (i: { user: { username: string } }) => i.user.username === 'hp.chuyenvien',
      ),
    ).toBe(false);
  });

  it('refuses a unit that is not a successor, and an assignment whose unit is still valid', async () => {
    const ndId = await userId(t, 'nd.chuyenvien');
    const [held] = await assignmentRows(t, ndId);
    const wrong = await admin.post(`/api/v1/role-assignments/${held!.id}/rescope`, {
      toUnitId: HAI_PHONG,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('VALIDATION_ERROR');
    expect(wrong.body.error.message).toMatch(
      /31@2025-07-01 không phải đơn vị kế thừa của Nam Định \(36@2008-08-01\)\. Đơn vị kế thừa: Ninh Bình \(37@2025-07-01\)/,
    );
    expect((await assignmentRows(t, ndId))[0]!.scopeUnitId).toBe(NAM_DINH);

    const [current] = await assignmentRows(t, await userId(t, 'hp.chuyenvien'));
    const valid = await admin.post(`/api/v1/role-assignments/${current!.id}/rescope`, {
      toUnitId: NINH_BINH,
    });
    expect(valid.status).toBe(400);
    expect(valid.body.error.message).toMatch(/vẫn còn hiệu lực/);

    const [national] = await assignmentRows(t, await userId(t, 'admin'));
    const none = await admin.post(`/api/v1/role-assignments/${national!.id}/rescope`, {
      toUnitId: NINH_BINH,
    });
    expect(none.status).toBe(400);
  });

  it('moves nd.chuyenvien to Ninh Bình, audited, with the new scope in force', async () => {
    const ndSession = await t.login('nd.chuyenvien');
    const before = actorFrom((await ndSession.get('/api/v1/auth/me')).body);
    expect(allowsOn(before, 'people.write', { unitIds: [NINH_BINH] })).toBe(false);
    expect(allowsOn(before, 'people.write', { unitIds: [NAM_DINH] })).toBe(true);

    const ndId = await userId(t, 'nd.chuyenvien');
    const [held] = await assignmentRows(t, ndId);
    const res = await admin.post(`/api/v1/role-assignments/${held!.id}/rescope`, {
      toUnitId: NINH_BINH,
    });
    expect(res.status).toBe(200);
    expect(res.body.username).toBe('nd.chuyenvien');
    expect(res.body.assignments).toEqual([
      expect.objectContaining({
        id: held!.id,
        role: 'province_officer',
        scopeUnitId: NINH_BINH,
        unit: expect.objectContaining({ nameVi: 'Ninh Bình', validToday: true }),
      }),
    ]);

    const entries = await auditRows(t, { entityType: 'role_assignment', entityId: held!.id });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'rescope',
      actorUsername: 'admin',
      channel: 'web',
      before: { id: held!.id, userId: ndId, role: 'province_officer', scopeUnitId: NAM_DINH },
      after: { id: held!.id, userId: ndId, role: 'province_officer', scopeUnitId: NINH_BINH },
    });

    const after = actorFrom((await ndSession.get('/api/v1/auth/me')).body);
    expect(after.assignments.map((a) => a.scopeUnitId)).toEqual([NINH_BINH]);
    expect(allowsOn(after, 'people.write', { unitIds: [NINH_BINH] })).toBe(true);
    expect(allowsOn(after, 'people.write', { unitIds: [NAM_DINH] })).toBe(false);

    const list = await admin.get('/api/v1/users/rescoping');
    expect(
      list.body.items.some(
        (i: { user: { username: string } }) => i.user.username === 'nd.chuyenvien',
      ),
    ).toBe(false);
    const again = await admin.post(`/api/v1/role-assignments/${held!.id}/rescope`, {
      toUnitId: NINH_BINH,
    });
    expect(again.status).toBe(400);
  });

  it('refuses to assign a former province to a new user', async () => {
    const res = await admin.post(
      '/api/v1/users',
      userBody({ assignments: [{ role: 'province_officer', scopeUnitId: NAM_DINH }] }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/Nam Định.*hết hiệu lực.*Ninh Bình \(37@2025-07-01\)/);
  });
});
