import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema.js';
import { createTestApp, type Client, type TestApp } from '../support/harness.js';
import { testConfig } from '../support/test-config.js';
import {
  assignmentRows,
  attemptLogin,
  auditRows,
  countAudit,
  countUsers,
  createUser,
  NEW_PASSWORD,
  userBody,
  userId,
  userRow,
} from '../support/factories/accounts.js';

let t: TestApp;
let admin: Client;
let adminId: string;

beforeAll(async () => {
  t = await createTestApp({ config: { login: { ...testConfig().login, lockoutThreshold: 2 } } });
  admin = await t.login('admin');
  adminId = await userId(t, 'admin');
});
afterAll(() => t.close());

interface Expected {
  entityType: string;
  entityId: string;
  action: string;
  actorUsername?: string;
  channel?: 'web' | 'api';
  before?: unknown;
  after?: unknown;
}

/** Runs a write and checks that it left exactly one audit entry, the one expected. */
async function expectOneEntry(write: () => Promise<Expected>) {
  const total = await countAudit(t);
  const expected = await write();
  expect(await countAudit(t)).toBe(total + 1);
  const [entry] = await auditRows(t);
  const { actorUsername = 'admin', channel = 'web', ...rest } = expected;
  expect(entry).toMatchObject({ ...rest, actorUsername, channel });
  expect(entry!.requestId).toEqual(expect.any(String));
  expect(entry!.ip).toBe('127.0.0.1');
  expect(JSON.stringify(entry)).not.toMatch(/argon2|passwordHash|csrfToken|tokenHash/);
  return entry!;
}

describe('every write leaves exactly one audit entry', () => {
  it('POST /users', async () => {
    let id = '';
    const entry = await expectOneEntry(async () => {
      const res = await admin.post(
        '/api/v1/users',
        userBody({ displayName: 'Người được ghi nhật ký', mustChangePassword: true }),
      );
      expect(res.status).toBe(201);
      id = res.body.id;
      return { entityType: 'user', entityId: id, action: 'create', before: null };
    });
    expect(entry.actorUserId).toBe(adminId);
    expect(entry.after).toMatchObject({
      id,
      displayName: 'Người được ghi nhật ký',
      mustChangePassword: true,
      isActive: true,
      assignments: [{ role: 'viewer', scopeKind: 'national', userId: id }],
    });
  });

  it('PATCH /users/{id}', async () => {
    const user = await createUser(admin, { displayName: 'Tên cũ' });
    await expectOneEntry(async () => {
      expect(
        (await admin.patch(`/api/v1/users/${user.id}`, { displayName: 'Tên mới' })).status,
      ).toBe(200);
      return {
        entityType: 'user',
        entityId: user.id,
        action: 'update',
        before: { displayName: 'Tên cũ', isActive: true },
        after: { displayName: 'Tên mới', isActive: true },
      };
    });
  });

  it('PUT /users/{id}/assignments', async () => {
    const user = await createUser(admin);
    await expectOneEntry(async () => {
      const res = await admin.put(`/api/v1/users/${user.id}/assignments`, {
        assignments: [{ role: 'province_officer', scopeUnitId: '46@2025-07-01' }],
      });
      expect(res.status).toBe(200);
      return {
        entityType: 'user',
        entityId: user.id,
        action: 'assignments',
        before: [{ id: user.assignments[0]!.id, role: 'viewer', scopeUnitId: null }],
        after: [{ role: 'province_officer', scopeKind: 'province', scopeUnitId: '46@2025-07-01' }],
      };
    });
  });

  it('POST /users/{id}/password', async () => {
    const user = await createUser(admin);
    const entry = await expectOneEntry(async () => {
      const res = await admin.post(`/api/v1/users/${user.id}/password`, {
        newPassword: 'Mật khẩu đặt lại',
      });
      expect(res.status).toBe(200);
      return {
        entityType: 'user',
        entityId: user.id,
        action: 'password_reset',
        before: { mustChangePassword: false },
        after: { mustChangePassword: true },
      };
    });
    expect(Date.parse((entry.after as { passwordChangedAt: string }).passwordChangedAt)).toBe(
      (await userRow(t, user.id))!.passwordChangedAt!.getTime(),
    );
  });

  it('POST /users/{id}/unlock', async () => {
    const user = await createUser(admin);
    await attemptLogin(t, user.username, 'sai-mat-khau');
    await attemptLogin(t, user.username, 'sai-mat-khau');
    const { lockedUntil } = (await userRow(t, user.id))!;
    expect(lockedUntil).not.toBeNull();
    await expectOneEntry(async () => {
      expect((await admin.post(`/api/v1/users/${user.id}/unlock`)).status).toBe(200);
      return {
        entityType: 'user',
        entityId: user.id,
        action: 'unlock',
        before: { lockedUntil: lockedUntil!.toISOString(), failedLoginCount: 0 },
        after: { lockedUntil: null, failedLoginCount: 0 },
      };
    });
  });

  it('POST /role-assignments/{id}/rescope', async () => {
    const [held] = await assignmentRows(t, await userId(t, 'nd.chuyenvien'));
    await expectOneEntry(async () => {
      const res = await admin.post(`/api/v1/role-assignments/${held!.id}/rescope`, {
        toUnitId: '37@2025-07-01',
      });
      expect(res.status).toBe(200);
      return {
        entityType: 'role_assignment',
        entityId: held!.id,
        action: 'rescope',
        before: { scopeUnitId: '36@2008-08-01', role: 'province_officer' },
        after: { scopeUnitId: '37@2025-07-01', role: 'province_officer' },
      };
    });
  });

  it('the writes of the signed-in user on their own account', async () => {
    const user = await createUser(admin);
    const session = await t.login(user.username, NEW_PASSWORD);
    const as = { actorUsername: user.username, entityId: user.id, entityType: 'user' };
    await expectOneEntry(async () => {
      expect((await session.patch('/api/v1/auth/me/preferences', { locale: 'en' })).status).toBe(
        200,
      );
      return { ...as, action: 'preferences', before: {}, after: { locale: 'en' } };
    });
    let tokenId = '';
    await expectOneEntry(async () => {
      const res = await session.post('/api/v1/auth/tokens', { name: 'Nhật ký' });
      tokenId = res.body.id;
      return {
        ...as,
        entityType: 'api_token',
        entityId: tokenId,
        action: 'create',
        after: { name: 'Nhật ký', userId: user.id, revokedAt: null },
      };
    });
    await expectOneEntry(async () => {
      expect((await session.delete(`/api/v1/auth/tokens/${tokenId}`)).status).toBe(200);
      return { ...as, entityType: 'api_token', entityId: tokenId, action: 'revoke' };
    });
    await expectOneEntry(async () => {
      const res = await session.post('/api/v1/auth/password', {
        currentPassword: NEW_PASSWORD,
        newPassword: 'Mật khẩu thứ hai',
      });
      expect(res.status).toBe(204);
      return { ...as, action: 'password_changed' };
    });
    await expectOneEntry(async () => {
      expect((await session.post('/api/v1/auth/logout')).status).toBe(204);
      return { ...as, action: 'logout' };
    });
  });

  it('records the api channel for writes made with a bearer token', async () => {
    const session = await t.login('admin');
    const token = (await session.post('/api/v1/auth/tokens', { name: 'Quản trị' })).body.token;
    const api = t.withToken(token);
    const user = await createUser(admin);
    const entry = await expectOneEntry(async () => {
      expect((await api.patch(`/api/v1/users/${user.id}`, { isActive: false })).status).toBe(200);
      return {
        entityType: 'user',
        entityId: user.id,
        action: 'update',
        channel: 'api',
        before: { isActive: true },
        after: { isActive: false },
      };
    });
    expect(entry.actorUserId).toBe(adminId);
  });
});

describe('a refused write changes nothing and leaves no audit entry', () => {
  it('creating a user with one valid and one invalid assignment', async () => {
    const users = await countUsers(t);
    const entries = await countAudit(t);
    const body = userBody({
      assignments: [
        { role: 'province_officer', scopeUnitId: '31@2025-07-01' },
        { role: 'province_officer', scopeUnitId: '36@2008-08-01' },
      ],
    });
    const res = await admin.post('/api/v1/users', body);
    expect(res.status).toBe(400);
    expect(await countUsers(t)).toBe(users);
    expect(await countAudit(t)).toBe(entries);
    expect((await attemptLogin(t, body.username, NEW_PASSWORD)).status).toBe(401);
  });

  it('replacing assignments, deactivating oneself, re-scoping to a non-successor', async () => {
    const user = await createUser(admin);
    const assignments = await assignmentRows(t, user.id);
    const [hp] = await assignmentRows(t, await userId(t, 'hp.chuyenvien'));
    const entries = await countAudit(t);
    const refused = [
      await admin.put(`/api/v1/users/${user.id}/assignments`, {
        assignments: [{ role: 'province_officer', scopeUnitId: '31@2025-07-01' }, { role: 'xx' }],
      }),
      await admin.put(`/api/v1/users/${user.id}/assignments`, {
        assignments: [
          { role: 'province_officer', scopeUnitId: '31@2025-07-01' },
          { role: 'viewer', scopeUnitId: '99@2025-07-01' },
        ],
      }),
      await admin.patch(`/api/v1/users/${adminId}`, { isActive: false }),
      await admin.post(`/api/v1/role-assignments/${hp!.id}/rescope`, {
        toUnitId: '37@2025-07-01',
      }),
    ];
    expect(refused.map((r) => r.status)).toEqual([400, 400, 409, 400]);
    expect(await assignmentRows(t, user.id)).toEqual(assignments);
    expect((await assignmentRows(t, await userId(t, 'hp.chuyenvien')))[0]).toEqual(hp);
    expect((await userRow(t, adminId))!.isActive).toBe(true);
    expect(await countAudit(t)).toBe(entries);
  });

  it('a change whose audit entry cannot be written is rolled back', async () => {
    const user = await createUser(admin, { displayName: 'Không đổi' });
    const entries = await countAudit(t);
    await t.database.db.execute(
      sql`ALTER TABLE audit_log ADD CONSTRAINT audit_test_refuse_update CHECK (action <> 'update') NOT VALID`,
    );
    try {
      const res = await admin.patch(`/api/v1/users/${user.id}`, { displayName: 'Đã đổi' });
      expect(res.status).toBe(400);
    } finally {
      await t.database.db.execute(
        sql`ALTER TABLE audit_log DROP CONSTRAINT audit_test_refuse_update`,
      );
    }
    expect((await userRow(t, user.id))!.displayName).toBe('Không đổi');
    expect(await countAudit(t)).toBe(entries);
  });
});

describe('GET /audit', () => {
  type Item = { id: number; occurredAt: string; actorUsername: string; channel: string };

  it('lists entries newest first with the total count, in pages', async () => {
    const all = await admin.get('/api/v1/audit?pageSize=500');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(await countAudit(t));
    const items: Item[] = all.body.items;
    for (let i = 1; i < items.length; i++) {
      expect(Date.parse(items[i - 1]!.occurredAt)).toBeGreaterThanOrEqual(
        Date.parse(items[i]!.occurredAt),
      );
    }
    expect(items[0]!.occurredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const page = await admin.get('/api/v1/audit?page=2&pageSize=3');
    expect(page.body).toMatchObject({ total: all.body.total, page: 2, pageSize: 3 });
    expect(page.body.items.map((x: Item) => x.id)).toEqual(items.slice(3, 6).map((x) => x.id));
  });

  it('filters by entity, actor, action and channel', async () => {
    const user = await createUser(admin);
    await admin.patch(`/api/v1/users/${user.id}`, { displayName: 'Lọc nhật ký' });
    const byEntity = await admin.get(`/api/v1/audit?entityType=user&entityId=${user.id}`);
    expect(byEntity.body.items.map((x: { action: string }) => x.action)).toEqual([
      'update',
      'create',
    ]);
    expect(byEntity.body.total).toBe(2);

    const byActor = await admin.get('/api/v1/audit?actor=ADMIN&pageSize=500');
    expect(byActor.body.total).toBeGreaterThan(2);
    expect(byActor.body.items.every((x: Item) => x.actorUsername === 'admin')).toBe(true);

    const byAction = await admin.get('/api/v1/audit?action=rescope');
    expect(byAction.body.total).toBe(await countAudit(t, { action: 'rescope' }));
    expect(byAction.body.items.every((x: { action: string }) => x.action === 'rescope')).toBe(true);

    const api = await admin.get('/api/v1/audit?channel=api');
    expect(api.body.total).toBeGreaterThan(0);
    expect(api.body.items.every((x: Item) => x.channel === 'api')).toBe(true);
    const seed = await admin.get('/api/v1/audit?channel=system&actor=demo-seed&entityType=user');
    expect(seed.body.total).toBe(9);
  });

  it('reads from/to as whole days in Vietnam time (UTC+7)', async () => {
    const at = (iso: string, entityId: string) => ({
      occurredAt: new Date(iso),
      actorUsername: 'system',
      channel: 'system' as const,
      entityType: 'mui_gio',
      entityId,
      action: 'test',
    });
    await t.database.db
      .insert(auditLog)
      .values([
        at('2024-03-10T16:59:59.999Z', 'ngay-10-cuoi'),
        at('2024-03-10T17:00:00.000Z', 'ngay-11-dau'),
        at('2024-03-11T16:59:59.999Z', 'ngay-11-cuoi'),
        at('2024-03-11T17:00:00.000Z', 'ngay-12-dau'),
      ]);
    const ids = async (query: string) =>
      (await admin.get(`/api/v1/audit?entityType=mui_gio&${query}`)).body.items.map(
        (x: { entityId: string }) => x.entityId,
      );
    expect(await ids('from=2024-03-11&to=2024-03-11')).toEqual(['ngay-11-cuoi', 'ngay-11-dau']);
    expect(await ids('to=2024-03-10')).toEqual(['ngay-10-cuoi']);
    expect(await ids('from=2024-03-12')).toEqual(['ngay-12-dau']);
    expect(await ids('from=2024-03-10&to=2024-03-12')).toHaveLength(4);
  });

  it('refuses a bad query with 400', async () => {
    for (const query of [
      'from=2024-13-01',
      'to=2024-02-30',
      'from=2024-03-12&to=2024-03-11',
      'channel=email',
      'pageSize=0',
    ]) {
      const res = await admin.get(`/api/v1/audit?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
    }
  });

  it('is for system administrators only', async () => {
    for (const username of ['bo.dieuphoi', 'xem', 'hp.lanhdao']) {
      const session = await t.login(username);
      expect((await session.get('/api/v1/audit')).status).toBe(403);
      expect((await session.get('/api/v1/audit/1')).status).toBe(403);
    }
    const anonymous = await t.anonymous.get('/api/v1/audit');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('UNAUTHENTICATED');
    expect((await t.anonymous.get('/api/v1/audit/1')).status).toBe(401);
  });
});

describe('readable names of audited records', () => {
  it('names a record by its current name, or by its recorded name once deleted', async () => {
    const created = await admin.post('/api/v1/organisations', {
      kind: 'institute',
      nameVi: 'Viện Thử Nghiệm Nhật Ký',
      unitId: '31@2025-07-01',
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    await admin.patch(`/api/v1/organisations/${id}`, { nameVi: 'Viện Đã Đổi Tên' });
    const named = await admin.get(`/api/v1/audit?entityType=organisation&entityId=${id}`);
    expect(named.body.items.map((e: { entityLabel: string }) => e.entityLabel)).toEqual([
      'Viện Đã Đổi Tên',
      'Viện Đã Đổi Tên',
    ]);
    expect((await admin.delete(`/api/v1/organisations/${id}`)).status).toBe(204);
    const gone = await admin.get(`/api/v1/audit?entityType=organisation&entityId=${id}`);
    expect(
      gone.body.items.map((e: { action: string; entityLabel: string }) => [
        e.action,
        e.entityLabel,
      ]),
    ).toEqual([
      ['delete', 'Viện Đã Đổi Tên'],
      ['update', 'Viện Đã Đổi Tên'],
      ['create', 'Viện Thử Nghiệm Nhật Ký'],
    ]);
    const login = await admin.get('/api/v1/audit?action=login&actor=admin&pageSize=1');
    expect(login.body.items[0].entityLabel).toBe('Quản trị hệ thống (admin)');
  });
});

describe('GET /audit/{id}', () => {
  it('shows one entry, 404 for an unknown id, 400 for a malformed one', async () => {
    const [latest] = await auditRows(t);
    const res = await admin.get(`/api/v1/audit/${latest!.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      ...latest,
      occurredAt: latest!.occurredAt.toISOString(),
      entityLabel: expect.any(String),
    });
    expect((await admin.get('/api/v1/audit/987654321')).status).toBe(404);
    for (const bad of ['abc', '0', '1.5']) {
      expect((await admin.get(`/api/v1/audit/${bad}`)).status).toBe(400);
    }
  });
});
