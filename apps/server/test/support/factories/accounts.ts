import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import { expect } from 'vitest';
import { auditLog, organisations, roleAssignments, users } from '../../../src/db/schema.js';
import type { Client, Reply, TestApp } from '../harness.js';

/** A password that satisfies the rules for any username the factories make. */
export const NEW_PASSWORD = 'Mật-khẩu-mới-2025';

let serial = 0;
export function uniqueUsername(prefix = 'nguoidung'): string {
  serial += 1;
  return `${prefix}.${serial}`;
}

export interface AssignmentBody {
  role: string;
  scopeUnitId?: string | null;
  scopeOrganisationId?: string | null;
}

export function userBody(overrides: Record<string, unknown> = {}) {
  return {
    username: uniqueUsername(),
    displayName: 'Nguyễn Văn Thử',
    email: null,
    password: NEW_PASSWORD,
    mustChangePassword: false,
    assignments: [{ role: 'viewer' }] as AssignmentBody[],
    ...overrides,
  };
}

/** Creates a user through the API (as an administrator) and returns it. */
export async function createUser(admin: Client, overrides: Record<string, unknown> = {}) {
  const res = await admin.post('/api/v1/users', userBody(overrides));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; username: string; assignments: Array<{ id: string }> };
}

/** One sign-in attempt; the reply is returned whatever its status. */
export async function attemptLogin(
  t: TestApp,
  username: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<Reply> {
  return t.anonymous.post('/api/v1/auth/login', { username, password }, headers);
}

/** A signed-in client holding an API token of the given user. */
export async function tokenClient(t: TestApp, username: string): Promise<Client> {
  const session = await t.login(username);
  const created = await session.post('/api/v1/auth/tokens', { name: 'Kiểm thử' });
  expect(created.status).toBe(201);
  return t.withToken(created.body.token);
}

export async function userId(t: TestApp, username: string): Promise<string> {
  const [row] = await t.database.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, username));
  if (!row) throw new Error(`no user ${username}`);
  return row.id;
}

export async function userRow(t: TestApp, id: string) {
  const [row] = await t.database.db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function assignmentRows(t: TestApp, id: string) {
  return t.database.db.select().from(roleAssignments).where(eq(roleAssignments.userId, id));
}

export async function organisationId(t: TestApp, code: string): Promise<string> {
  const [row] = await t.database.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.code, code));
  if (!row) throw new Error(`no organisation ${code}`);
  return row.id;
}

export async function countUsers(t: TestApp): Promise<number> {
  const [row] = await t.database.db.select({ n: count() }).from(users);
  return row!.n;
}

export interface AuditMatch {
  entityType?: string;
  entityId?: string;
  action?: string;
}

function auditWhere(match: AuditMatch): SQL | undefined {
  return and(
    ...(match.entityType ? [eq(auditLog.entityType, match.entityType)] : []),
    ...(match.entityId ? [eq(auditLog.entityId, match.entityId)] : []),
    ...(match.action ? [eq(auditLog.action, match.action)] : []),
  );
}

export async function countAudit(t: TestApp, match: AuditMatch = {}): Promise<number> {
  const [row] = await t.database.db.select({ n: count() }).from(auditLog).where(auditWhere(match));
  return row!.n;
}

export async function auditRows(t: TestApp, match: AuditMatch = {}) {
  return t.database.db.select().from(auditLog).where(auditWhere(match)).orderBy(desc(auditLog.id));
}
