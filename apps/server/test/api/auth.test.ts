import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/http/authentication.js';
import { createTestApp, type Client, type TestApp } from '../support/harness.js';
import { testConfig, DEMO_PASSWORD } from '../support/test-config.js';
import {
  attemptLogin,
  auditRows,
  createUser,
  NEW_PASSWORD,
  tokenClient,
  userId,
} from '../support/factories/accounts.js';

const LOCKOUT_THRESHOLD = 3;
const LOCKOUT_MINUTES = 15;
const IDLE_MINUTES = 120;
const ABSOLUTE_HOURS = 12;

let clock = Date.now();
const advanceMinutes = (minutes: number) => {
  clock += minutes * 60_000;
};

let t: TestApp;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp({
    now: () => new Date(clock),
    config: {
      login: {
        ...testConfig().login,
        lockoutThreshold: LOCKOUT_THRESHOLD,
        lockoutMinutes: LOCKOUT_MINUTES,
      },
      session: { idleMinutes: IDLE_MINUTES, absoluteHours: ABSOLUTE_HOURS },
    },
  });
});
afterAll(() => t.close());
// Each test signs in afresh: some tests move the clock past the session lifetime.
beforeEach(async () => {
  admin = await t.login('admin');
});

const sessionCookie = (res: { raw: { cookies: Array<Record<string, unknown>> } }) =>
  res.raw.cookies.find((c) => c.name === SESSION_COOKIE);

describe('POST /auth/login', () => {
  it('sets an httpOnly SameSite=Lax session cookie and returns the CSRF token', async () => {
    const res = await attemptLogin(t, 'hp.chuyenvien', DEMO_PASSWORD);
    expect(res.status).toBe(200);
    expect(res.body.csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(res.body.channel).toBe('web');
    expect(res.body.user).toMatchObject({ username: 'hp.chuyenvien', isActive: true });
    expect(res.body.user).not.toHaveProperty('passwordHash');
    const cookie = sessionCookie(res);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    expect(String(cookie?.value)).toMatch(/^[\w-]{40,}$/);
  });

  it('accepts the username in any letter case', async () => {
    const res = await attemptLogin(t, '  HP.ChuyenVien ', DEMO_PASSWORD);
    expect(res.status).toBe(200);
    expect(res.body.user.username).toBe('hp.chuyenvien');
  });

  it('answers a wrong password and an unknown user alike, in Vietnamese', async () => {
    const wrong = await attemptLogin(t, 'hp.lanhdao', 'sai-mat-khau');
    const unknown = await attemptLogin(t, 'khong.ton.tai', 'sai-mat-khau');
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.body.error).toEqual({
        code: 'INVALID_CREDENTIALS',
        message: 'Tên đăng nhập hoặc mật khẩu không đúng.',
      });
      expect(sessionCookie(res)).toBeUndefined();
    }
  });

  it('validates the body', async () => {
    const res = await t.anonymous.post('/api/v1/auth/login', { username: 'admin' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
  });

  it('locks the account after the configured number of failures, until the lock ends', async () => {
    const user = await createUser(admin);
    for (let i = 1; i < LOCKOUT_THRESHOLD; i++) {
      expect((await attemptLogin(t, user.username, 'sai-mat-khau')).status).toBe(401);
    }
    const locked = await attemptLogin(t, user.username, 'sai-mat-khau');
    expect(locked.status).toBe(423);
    expect(locked.body.error.code).toBe('ACCOUNT_LOCKED');
    expect(locked.body.error.message).toMatch(/tạm thời bị khóa/);
    expect(Date.parse(locked.body.error.details.lockedUntil)).toBe(
      clock + LOCKOUT_MINUTES * 60_000,
    );
    expect(locked.headers['retry-after']).toBeDefined();

    const rightPassword = await attemptLogin(t, user.username, NEW_PASSWORD);
    expect(rightPassword.status).toBe(423);
    expect(sessionCookie(rightPassword)).toBeUndefined();

    advanceMinutes(LOCKOUT_MINUTES - 1);
    expect((await attemptLogin(t, user.username, NEW_PASSWORD)).status).toBe(423);
    advanceMinutes(2);
    const after = await attemptLogin(t, user.username, NEW_PASSWORD);
    expect(after.status).toBe(200);
    expect(after.body.user.locked).toBe(false);

    const actions = (await auditRows(t, { entityId: user.id })).map((r) => r.action);
    expect(actions.slice(0, LOCKOUT_THRESHOLD + 1)).toEqual([
      'login',
      'login_locked',
      ...Array(LOCKOUT_THRESHOLD - 1).fill('login_failed'),
    ]);
  });

  it('counts failures afresh after a successful sign-in', async () => {
    const user = await createUser(admin);
    for (let i = 1; i < LOCKOUT_THRESHOLD; i++) {
      await attemptLogin(t, user.username, 'sai-mat-khau');
    }
    expect((await attemptLogin(t, user.username, NEW_PASSWORD)).status).toBe(200);
    for (let i = 1; i < LOCKOUT_THRESHOLD; i++) {
      expect((await attemptLogin(t, user.username, 'sai-mat-khau')).status).toBe(401);
    }
  });

  it('refuses a disabled account with 403, without revealing it to a wrong password', async () => {
    const user = await createUser(admin);
    expect((await admin.patch(`/api/v1/users/${user.id}`, { isActive: false })).status).toBe(200);
    const res = await attemptLogin(t, user.username, NEW_PASSWORD);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('ACCOUNT_DISABLED');
    expect(sessionCookie(res)).toBeUndefined();
    expect((await attemptLogin(t, user.username, 'sai-mat-khau')).status).toBe(401);
  });
});

describe('behind an HTTPS proxy, with a per-address rate limit', () => {
  let proxied: TestApp;
  const RATE_LIMIT = 3;

  beforeAll(async () => {
    proxied = await createTestApp({
      config: { trustProxy: true, login: { ...testConfig().login, rateLimitMax: RATE_LIMIT } },
    });
  });
  afterAll(() => proxied.close());

  it('marks the cookie Secure when the request came over HTTPS', async () => {
    const https = await attemptLogin(proxied, 'xem', DEMO_PASSWORD, {
      'x-forwarded-proto': 'https',
      'x-forwarded-for': '203.0.113.1',
    });
    expect(https.status).toBe(200);
    expect(sessionCookie(https)).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
    const http = await attemptLogin(proxied, 'xem', DEMO_PASSWORD, {
      'x-forwarded-for': '203.0.113.2',
    });
    expect(sessionCookie(http)?.secure).toBeFalsy();
  });

  it('ignores the forwarded protocol when the proxy is not trusted', async () => {
    const res = await attemptLogin(t, 'xem', DEMO_PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(res.status).toBe(200);
    expect(sessionCookie(res)?.secure).toBeFalsy();
  });

  it('limits sign-in attempts per client address', async () => {
    const from = { 'x-forwarded-for': '198.51.100.7' };
    for (let i = 0; i < RATE_LIMIT; i++) {
      expect((await attemptLogin(proxied, 'xem', 'sai-mat-khau', from)).status).toBe(401);
    }
    const limited = await attemptLogin(proxied, 'xem', DEMO_PASSWORD, from);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect(limited.body.error.message).toMatch(/Quá nhiều yêu cầu/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    const other = await attemptLogin(proxied, 'xem', DEMO_PASSWORD, {
      'x-forwarded-for': '198.51.100.8',
    });
    expect(other.status).toBe(200);
  });
});

describe('GET /auth/me and POST /auth/logout', () => {
  it('describes the signed-in user, their roles and the session CSRF token', async () => {
    const session = await t.login('hp.lanhdao');
    const res = await session.get('/api/v1/auth/me');
    expect(res.status).toBe(200);
    expect(res.body.csrfToken).toBe(session.csrfToken);
    expect(res.body.channel).toBe('web');
    expect(res.body.user.username).toBe('hp.lanhdao');
    expect(res.body.user.assignments).toEqual([
      expect.objectContaining({
        role: 'province_approver',
        scopeKind: 'province',
        scopeUnitId: '31@2025-07-01',
        unit: expect.objectContaining({ nameVi: 'Hải Phòng', validToday: true }),
      }),
    ]);
  });

  it('needs a session', async () => {
    const res = await t.anonymous.get('/api/v1/auth/me');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('reports the browser session without an error, signed in or not', async () => {
    const anonymous = await t.anonymous.get('/api/v1/auth/session');
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toEqual({ me: null, expired: false });
    const session = await t.login('hp.lanhdao');
    const signedIn = await session.get('/api/v1/auth/session');
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.expired).toBe(false);
    expect(signedIn.body.me.user.username).toBe('hp.lanhdao');
    expect(signedIn.body.me.csrfToken).toBe(session.csrfToken);
    await session.post('/api/v1/auth/logout');
    const ended = await session.get('/api/v1/auth/session');
    expect(ended.body).toEqual({ me: null, expired: true });
  });

  it('ends the session on logout: the cookie no longer works', async () => {
    const session = await t.login('nb.chuyenvien');
    const other = await t.login('nb.chuyenvien');
    const res = await session.post('/api/v1/auth/logout');
    expect(res.status).toBe(204);
    expect(sessionCookie(res)?.value).toBe('');
    const after = await session.get('/api/v1/auth/me');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('SESSION_EXPIRED');
    expect((await other.get('/api/v1/auth/me')).status).toBe(200);
  });

  it('ends an idle session, and any session after its absolute lifetime', async () => {
    const idle = await t.login('hue.chuyenvien');
    const busy = await t.login('hue.chuyenvien');
    advanceMinutes(IDLE_MINUTES - 5);
    expect((await busy.get('/api/v1/auth/me')).status).toBe(200);
    advanceMinutes(10);
    const expired = await idle.get('/api/v1/auth/me');
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('SESSION_EXPIRED');
    // Activity keeps a session alive, but not beyond its absolute lifetime.
    let elapsed = IDLE_MINUTES + 5;
    while (elapsed + 100 < ABSOLUTE_HOURS * 60) {
      expect((await busy.get('/api/v1/auth/me')).status).toBe(200);
      advanceMinutes(100);
      elapsed += 100;
    }
    expect((await busy.get('/api/v1/auth/me')).status).toBe(200);
    advanceMinutes(ABSOLUTE_HOURS * 60 - elapsed + 1);
    const ended = await busy.get('/api/v1/auth/me');
    expect(ended.status).toBe(401);
    expect(ended.body.error.code).toBe('SESSION_EXPIRED');
  });
});

describe('session housekeeping', () => {
  it('removes sessions that can no longer be used when someone signs in', async () => {
    const count = async () =>
      (
        await t.database.pool.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username = 'vu.diaphuong'",
        )
      ).rows[0]!.n;
    await t.login('vu.diaphuong');
    await t.login('vu.diaphuong');
    expect(await count()).toBe(2);
    advanceMinutes(IDLE_MINUTES + 1);
    await t.login('bo.dieuphoi');
    expect(await count()).toBe(0);
  });
});

describe('CSRF protection', () => {
  it('refuses cookie-authenticated writes without or with a wrong X-CSRF-Token', async () => {
    const session = await t.login('xem');
    const missing = await session.withoutCsrf().patch('/api/v1/auth/me/preferences', {
      locale: 'en',
    });
    expect(missing.status).toBe(403);
    expect(missing.body.error.code).toBe('CSRF_INVALID');
    const wrong = await session.patch(
      '/api/v1/auth/me/preferences',
      { locale: 'en' },
      { 'x-csrf-token': 'khong-dung' },
    );
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('CSRF_INVALID');
    const me = await session.get('/api/v1/auth/me');
    expect(me.body.user.preferences.locale).toBe('vi');
    const ok = await session.patch('/api/v1/auth/me/preferences', { locale: 'vi' });
    expect(ok.status).toBe(200);
  });

  it('needs no CSRF token for bearer-token writes', async () => {
    const api = await tokenClient(t, 'bo.dieuphoi');
    const res = await api.patch('/api/v1/auth/me/preferences', { locale: 'en' });
    expect(res.status).toBe(200);
    expect(res.body.channel).toBe('api');
    expect(res.body.csrfToken).toBeNull();
    expect(res.body.user.preferences.locale).toBe('en');
  });
});

describe('POST /auth/password', () => {
  it('refuses a wrong current password and a too-short new one', async () => {
    const user = await createUser(admin);
    const session = await t.login(user.username, NEW_PASSWORD);
    const wrong = await session.post('/api/v1/auth/password', {
      currentPassword: 'sai-mat-khau',
      newPassword: 'Một-mật-khẩu-dài',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({
      code: 'VALIDATION_ERROR',
      message: 'Mật khẩu hiện tại không đúng.',
    });
    const short = await session.post('/api/v1/auth/password', {
      currentPassword: NEW_PASSWORD,
      newPassword: 'ngan',
    });
    expect(short.status).toBe(400);
    expect(short.body.error.message).toMatch(/ít nhất 8 ký tự/);
    const withName = await session.post('/api/v1/auth/password', {
      currentPassword: NEW_PASSWORD,
      newPassword: `x-${user.username}-x`,
    });
    expect(withName.status).toBe(400);
    expect((await attemptLogin(t, user.username, NEW_PASSWORD)).status).toBe(200);
  });

  it('changes the password, ends the other sessions and keeps the current one', async () => {
    const user = await createUser(admin);
    const current = await t.login(user.username, NEW_PASSWORD);
    const other = await t.login(user.username, NEW_PASSWORD);
    const res = await current.post('/api/v1/auth/password', {
      currentPassword: NEW_PASSWORD,
      newPassword: 'Mật khẩu thứ hai',
    });
    expect(res.status).toBe(204);
    expect((await current.get('/api/v1/auth/me')).status).toBe(200);
    expect((await other.get('/api/v1/auth/me')).status).toBe(401);
    expect((await attemptLogin(t, user.username, NEW_PASSWORD)).status).toBe(401);
    expect((await attemptLogin(t, user.username, 'Mật khẩu thứ hai')).status).toBe(200);
    const [entry] = await auditRows(t, { entityId: user.id, action: 'password_changed' });
    expect(entry).toBeDefined();
    expect(JSON.stringify(entry)).not.toMatch(/argon2/);
  });

  it('holds an account that must change its password to that until it does', async () => {
    const user = await createUser(admin, { mustChangePassword: true });
    const session = await t.login(user.username, NEW_PASSWORD);
    const blocked = await session.get('/api/v1/units');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error).toMatchObject({
      code: 'FORBIDDEN',
      details: { mustChangePassword: true },
    });
    const tokens = await session.post('/api/v1/auth/tokens', { name: 'trước khi đổi' });
    expect(tokens.status).toBe(403);
    expect(tokens.body.error.details.mustChangePassword).toBe(true);
    const me = await session.get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.mustChangePassword).toBe(true);
    const changed = await session.post('/api/v1/auth/password', {
      currentPassword: NEW_PASSWORD,
      newPassword: 'Mật khẩu của riêng tôi',
    });
    expect(changed.status).toBe(204);
    expect((await session.get('/api/v1/units')).status).toBe(200);
    expect((await session.get('/api/v1/auth/me')).body.user.mustChangePassword).toBe(false);
  });
});

describe('API tokens', () => {
  it('creates a token shown once, uses it, lists it without the secret and revokes it', async () => {
    const session = await t.login('vu.diaphuong');
    const created = await session.post('/api/v1/auth/tokens', {
      name: '  Đồng bộ   dữ liệu ',
      expiresInDays: 30,
    });
    expect(created.status).toBe(201);
    const token: string = created.body.token;
    expect(token).toMatch(/^cn_[\w-]{40,}$/);
    expect(created.body).toMatchObject({
      name: 'Đồng bộ dữ liệu',
      tokenPrefix: token.slice(0, 9),
      revokedAt: null,
    });
    expect(Date.parse(created.body.expiresAt)).toBe(clock + 30 * 86_400_000);

    const api = t.withToken(token);
    const me = await api.get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ channel: 'api', csrfToken: null });
    expect(me.body.user.username).toBe('vu.diaphuong');

    const list = await session.get('/api/v1/auth/tokens');
    expect(list.status).toBe(200);
    const listed = list.body.items.find((x: { id: string }) => x.id === created.body.id);
    expect(listed).toBeDefined();
    expect(listed).not.toHaveProperty('token');
    expect(listed).not.toHaveProperty('tokenHash');
    expect(JSON.stringify(list.body)).not.toContain(token);
    expect(listed.lastUsedAt).not.toBeNull();

    const nested = await api.post('/api/v1/auth/tokens', { name: 'mã lồng' });
    expect(nested.status).toBe(403);
    expect(nested.body.error.code).toBe('FORBIDDEN');
    expect((await api.delete(`/api/v1/auth/tokens/${created.body.id}`)).status).toBe(403);

    const revoked = await session.delete(`/api/v1/auth/tokens/${created.body.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    const refused = await api.get('/api/v1/auth/me');
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('INVALID_TOKEN');
  });

  it('refuses a malformed or unknown token and another user’s token id', async () => {
    for (const token of ['khong-phai-ma', 'cn_khongtontai']) {
      const res = await t.withToken(token).get('/api/v1/auth/me');
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('INVALID_TOKEN');
    }
    const owner = await t.login('hp.chuyenvien');
    const created = await owner.post('/api/v1/auth/tokens', { name: 'của người khác' });
    const stranger = await t.login('nb.chuyenvien');
    expect((await stranger.delete(`/api/v1/auth/tokens/${created.body.id}`)).status).toBe(404);
  });

  it('stops working when it expires', async () => {
    const session = await t.login('xem');
    const created = await session.post('/api/v1/auth/tokens', {
      name: 'ngắn hạn',
      expiresInDays: 1,
    });
    const api = t.withToken(created.body.token);
    expect((await api.get('/api/v1/auth/me')).status).toBe(200);
    advanceMinutes(24 * 60 + 1);
    expect((await api.get('/api/v1/auth/me')).status).toBe(401);
  });
});

describe('PATCH /auth/me/preferences', () => {
  it('stores the locale and audits the change', async () => {
    const session = await t.login('hp.chuyenvien');
    const id = await userId(t, 'hp.chuyenvien');
    const res = await session.patch('/api/v1/auth/me/preferences', { locale: 'en' });
    expect(res.status).toBe(200);
    expect(res.body.user.preferences).toEqual({ locale: 'en' });
    const again = await t.login('hp.chuyenvien');
    expect((await again.get('/api/v1/auth/me')).body.user.preferences.locale).toBe('en');
    const [entry] = await auditRows(t, { entityId: id, action: 'preferences' });
    expect(entry).toMatchObject({
      entityType: 'user',
      actorUsername: 'hp.chuyenvien',
      channel: 'web',
      after: { locale: 'en' },
    });
    const bad = await session.patch('/api/v1/auth/me/preferences', { locale: 'fr' });
    expect(bad.status).toBe(400);
  });
});
