import { LIMITS } from '@caunoi/shared';
import type { AppDeps } from '../../core/deps.js';
import { writeTransaction, type Ctx } from '../../core/context.js';
import { AppError } from '../../http/errors.js';
import type { Actor } from '../../policy/policy.js';
import {
  assignmentsFromJson,
  findUserById,
  findUserByUsername,
  lockUser,
  toAssignment,
  updateUser,
  type AssignmentRow,
  type UserRow,
} from '../users/users.repo.js';
import {
  API_TOKEN_PREFIX,
  dummyPasswordHash,
  hashPassword,
  randomToken,
  sha256,
  verifyPassword,
} from './auth.crypto.js';
import * as repo from './auth.repo.js';

export interface RequestInfo {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export interface LoginResult {
  user: UserRow;
  /** The cookie value (never stored: the database keeps its hash). */
  sessionToken: string;
  csrfToken: string;
  expiresAt: Date;
}

function anonymousCtx(deps: AppDeps, info: RequestInfo, user?: UserRow): Ctx {
  return {
    database: deps.database,
    actor: {
      userId: user?.id ?? '00000000-0000-0000-0000-000000000000',
      username: user?.username ?? 'anonymous',
      displayName: user?.displayName ?? '',
      channel: 'web',
      assignments: [],
    },
    requestId: info.requestId,
    ip: info.ip,
  };
}

/**
 * Signs a user in. Failed attempts count towards a lockout stored on the account (so it holds
 * across app instances); the per-address rate limit sits on the route.
 */
export async function login(
  deps: AppDeps,
  input: { username: string; password: string },
  info: RequestInfo,
): Promise<LoginResult> {
  const now = deps.now();
  const found = await findUserByUsername(deps.database.db, input.username);
  if (!found) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (found.lockedUntil && found.lockedUntil > now) {
    throw new AppError('ACCOUNT_LOCKED', undefined, {
      lockedUntil: found.lockedUntil.toISOString(),
    });
  }
  const passwordOk = await verifyPassword(found.passwordHash, input.password);
  const ctx = anonymousCtx(deps, info, found);
  const { threshold, minutes } = {
    threshold: deps.config.login.lockoutThreshold,
    minutes: deps.config.login.lockoutMinutes,
  };

  if (!passwordOk) {
    const locked = await writeTransaction(ctx, async ({ tx, audit }) => {
      const user = (await lockUser(tx, found.id))!;
      const failures = user.failedLoginCount + 1;
      const lock = threshold > 0 && failures >= threshold;
      const lockedUntil = lock ? new Date(now.getTime() + minutes * 60_000) : user.lockedUntil;
      await updateUser(tx, user.id, { failedLoginCount: lock ? 0 : failures, lockedUntil });
      await audit({
        entityType: 'user',
        entityId: user.id,
        action: lock ? 'login_locked' : 'login_failed',
        before: { failedLoginCount: user.failedLoginCount },
        after: { failedLoginCount: lock ? 0 : failures, lockedUntil },
      });
      return lock ? lockedUntil : null;
    });
    if (locked)
      throw new AppError('ACCOUNT_LOCKED', undefined, { lockedUntil: locked.toISOString() });
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (!found.isActive) throw new AppError('ACCOUNT_DISABLED');

  const sessionToken = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(now.getTime() + deps.config.session.absoluteHours * 3600_000);
  const user = await writeTransaction(ctx, async ({ tx, audit }) => {
    const updated = await updateUser(tx, found.id, {
      failedLoginCount: 0,
      lockedUntil: null,
      lastLoginAt: now,
    });
    await repo.insertSession(tx, {
      id: sha256(sessionToken),
      userId: found.id,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      ip: info.ip,
      userAgent: info.userAgent?.slice(0, 500) ?? null,
    });
    await audit({ entityType: 'user', entityId: found.id, action: 'login', after: { expiresAt } });
    // Housekeeping: sessions that can no longer be used are removed as others begin.
    await repo.deleteExpiredSessions(
      tx,
      now,
      new Date(now.getTime() - deps.config.session.idleMinutes * 60_000),
    );
    return updated;
  });
  return { user, sessionToken, csrfToken, expiresAt };
}

/** The account behind a request: the user and their role assignments, loaded once. */
export interface Account {
  user: UserRow;
  assignments: AssignmentRow[];
}

export interface ResolvedCaller {
  actor: Actor;
  account: Account;
}

export interface ResolvedSession extends ResolvedCaller {
  csrfToken: string;
  mustChangePassword: boolean;
}

function callerFor(
  user: UserRow,
  assignments: AssignmentRow[],
  channel: 'web' | 'api',
  extra: Partial<Actor>,
): ResolvedCaller {
  return {
    account: { user, assignments },
    actor: {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      channel,
      assignments: assignments.map(toAssignment),
      ...extra,
    },
  };
}

/** Finds the live session behind a cookie value; expired or idle sessions are removed. */
export async function resolveSession(
  deps: AppDeps,
  sessionToken: string,
): Promise<ResolvedSession | null> {
  const now = deps.now();
  const id = sha256(sessionToken);
  const found = await repo.findSessionWithUser(deps.database.db, id);
  if (!found) return null;
  const { session, user } = found;
  const idleLimit = new Date(now.getTime() - deps.config.session.idleMinutes * 60_000);
  if (session.expiresAt <= now || session.lastSeenAt < idleLimit) {
    await repo.deleteSession(deps.database.db, id);
    return null;
  }
  if (!user.isActive) return null;
  // Sliding idle timeout: write at most once a minute.
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
    await repo.touchSession(deps.database.db, id, now);
  }
  return {
    ...callerFor(user, assignmentsFromJson(found.assignments), 'web', { sessionId: id }),
    csrfToken: session.csrfToken,
    mustChangePassword: user.mustChangePassword,
  };
}

/** Finds the user behind an API token. */
export async function resolveToken(deps: AppDeps, token: string): Promise<ResolvedCaller | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const now = deps.now();
  const found = await repo.findActiveTokenWithUser(deps.database.db, sha256(token), now);
  if (!found) return null;
  const { token: row, user } = found;
  if (!user.isActive) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await repo.markTokenUsed(deps.database.db, row.id, now);
  }
  return callerFor(user, assignmentsFromJson(found.assignments), 'api', { tokenId: row.id });
}

export async function logout(ctx: Ctx): Promise<void> {
  const sessionId = ctx.actor.sessionId;
  if (!sessionId) return;
  await writeTransaction(ctx, async ({ tx, audit }) => {
    await repo.deleteSession(tx, sessionId);
    await audit({ entityType: 'user', entityId: ctx.actor.userId, action: 'logout' });
  });
}

/** The password rules; `path` names the field in the error details. */
export function checkPasswordRules(password: string, username: string, path = 'newPassword'): void {
  const details: Array<{ path: string; message: string }> = [];
  if (password.length < LIMITS.passwordMin) {
    details.push({ path, message: `Mật khẩu phải có ít nhất ${LIMITS.passwordMin} ký tự.` });
  }
  if (password.toLowerCase().includes(username.toLowerCase())) {
    details.push({ path, message: 'Mật khẩu không được chứa tên đăng nhập.' });
  }
  if (details.length > 0) throw new AppError('VALIDATION_ERROR', details[0]!.message, details);
}

/** Changes one's own password; every other session of the user ends. */
export async function changePassword(
  ctx: Ctx,
  input: { currentPassword: string; newPassword: string },
  now: Date,
): Promise<void> {
  const user = await findUserById(ctx.database.db, ctx.actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('VALIDATION_ERROR', 'Mật khẩu hiện tại không đúng.', [
      { path: 'currentPassword', message: 'Mật khẩu hiện tại không đúng.' },
    ]);
  }
  checkPasswordRules(input.newPassword, user.username);
  if (input.newPassword === input.currentPassword) {
    throw new AppError('VALIDATION_ERROR', 'Mật khẩu mới phải khác mật khẩu hiện tại.', [
      { path: 'newPassword', message: 'Mật khẩu mới phải khác mật khẩu hiện tại.' },
    ]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await writeTransaction(ctx, async ({ tx, audit }) => {
    await updateUser(tx, user.id, {
      passwordHash,
      passwordChangedAt: now,
      mustChangePassword: false,
    });
    await repo.deleteSessionsOfUser(tx, user.id, ctx.actor.sessionId);
    await audit({
      entityType: 'user',
      entityId: user.id,
      action: 'password_changed',
      after: { passwordChangedAt: now },
    });
  });
}

export async function listTokens(ctx: Ctx): Promise<repo.ApiTokenRow[]> {
  return repo.tokensOfUser(ctx.database.db, ctx.actor.userId);
}

export async function createToken(
  ctx: Ctx,
  input: { name: string; expiresInDays?: number | null | undefined },
  now: Date,
): Promise<{ row: repo.ApiTokenRow; token: string }> {
  if (ctx.actor.channel !== 'web') {
    throw new AppError(
      'FORBIDDEN',
      'Chỉ tạo được mã truy cập API khi đăng nhập trên giao diện web.',
    );
  }
  const token = API_TOKEN_PREFIX + randomToken();
  const expiresAt = input.expiresInDays
    ? new Date(now.getTime() + input.expiresInDays * 86_400_000)
    : null;
  const row = await writeTransaction(ctx, async ({ tx, audit }) => {
    const created = await repo.insertToken(tx, {
      userId: ctx.actor.userId,
      name: input.name,
      tokenHash: sha256(token),
      tokenPrefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
      createdAt: now,
      expiresAt,
    });
    await audit({
      entityType: 'api_token',
      entityId: created.id,
      action: 'create',
      after: created,
    });
    return created;
  });
  return { row, token };
}

export async function revokeToken(ctx: Ctx, id: string, now: Date): Promise<repo.ApiTokenRow> {
  if (ctx.actor.channel !== 'web') {
    throw new AppError(
      'FORBIDDEN',
      'Chỉ thu hồi được mã truy cập API khi đăng nhập trên giao diện web.',
    );
  }
  return writeTransaction(ctx, async ({ tx, audit }) => {
    const row = await repo.findTokenOfUser(tx, ctx.actor.userId, id);
    if (!row) throw new AppError('NOT_FOUND');
    if (row.revokedAt) return row;
    const revoked = await repo.revokeToken(tx, id, now);
    await audit({
      entityType: 'api_token',
      entityId: id,
      action: 'revoke',
      before: row,
      after: revoked,
    });
    return revoked;
  });
}

export async function setPreferences(
  ctx: Ctx,
  prefs: { locale?: 'vi' | 'en' | undefined },
): Promise<UserRow> {
  return writeTransaction(ctx, async ({ tx, audit }) => {
    const user = await lockUser(tx, ctx.actor.userId);
    if (!user) throw new AppError('UNAUTHENTICATED');
    const preferences = {
      ...user.preferences,
      ...Object.fromEntries(Object.entries(prefs).filter(([, v]) => v !== undefined)),
    };
    const updated = await updateUser(tx, user.id, { preferences });
    await audit({
      entityType: 'user',
      entityId: user.id,
      action: 'preferences',
      before: user.preferences,
      after: preferences,
    });
    return updated;
  });
}
