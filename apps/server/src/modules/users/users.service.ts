import {
  addDays,
  compareVi,
  formatDateVi,
  ORGANISATION_KIND_LABELS,
  ROLE_LABELS,
  ROLE_SCOPES,
  todayInVietnam,
  type Role,
  type ScopeKind,
} from '@caunoi/shared';
import type { UnitRecord, UnitRegistry } from '@caunoi/units';
import type { z } from 'zod';
import { writeTransaction, type Ctx } from '../../core/context.js';
import type { AppDeps } from '../../core/deps.js';
import type { Queryable } from '../../db/database.js';
import { conflict, notFound, validationError } from '../../http/errors.js';
import { page } from '../../http/schemas.js';
import { hashPassword } from '../auth/auth.crypto.js';
import { deleteSessionsOfUser } from '../auth/auth.repo.js';
import { checkPasswordRules } from '../auth/auth.service.js';
import { representativeDate } from '../units/units.service.js';
import { presentAssignment, presentUsers } from './users.presenter.js';
import * as repo from './users.repo.js';
import type { AssignmentRow, AssignmentValues, UserRow } from './users.repo.js';
import type {
  assignmentInput,
  createUserBody,
  listUsersQuery,
  resetPasswordBody,
  updateUserBody,
} from './users.schemas.js';

type AssignmentInput = z.output<typeof assignmentInput>;
interface Issue {
  path: string;
  message: string;
}

const UNIT_ID = /^\d{2}@\d{4}-\d{2}-\d{2}$/;
const SCOPE_LABELS: Record<ScopeKind, string> = {
  national: 'toàn quốc',
  organisation: 'một tổ chức',
  province: 'một tỉnh/thành phố',
};

function failIf(issues: Issue[]): void {
  if (issues.length > 0) throw validationError(issues.map((i) => i.message).join(' '), issues);
}

function invalid(path: string, message: string): never {
  throw validationError(message, [{ path, message }]);
}

const today = (deps: AppDeps) => todayInVietnam(deps.now());

/** "Nam Định (36@2008-08-01)": the unit under its name of today, or of its last day. */
function unitLabel(registry: UnitRegistry, unit: UnitRecord, date: string): string {
  return `${registry.snapshot(unit, representativeDate(unit, date)).nameVi} (${unit.id})`;
}

/** The units valid on `date` that took over a unit that has ceased by then. */
export function successorsOn(registry: UnitRegistry, unit: UnitRecord, date: string) {
  if (unit.validTo === null || unit.validTo >= date) return [];
  return registry.map(unit.id, unit.validTo, date).units.map((m) => {
    const successor = registry.require(m.unitId);
    return {
      id: successor.id,
      code: successor.code,
      nameVi: registry.snapshot(successor, date).nameVi,
      weight: m.weight,
    };
  });
}

function notValidMessage(registry: UnitRegistry, unit: UnitRecord, date: string): string {
  const label = unitLabel(registry, unit, date);
  if (unit.validTo === null || unit.validTo >= date) {
    return `Đơn vị ${label} chỉ có hiệu lực từ ngày ${formatDateVi(unit.validFrom)}.`;
  }
  const successors = successorsOn(registry, unit, date);
  const ended = `Đơn vị ${label} đã hết hiệu lực từ ngày ${formatDateVi(addDays(unit.validTo, 1))}`;
  return successors.length === 0
    ? `${ended} và không có đơn vị kế thừa.`
    : `${ended}; hãy chọn đơn vị kế thừa: ${successors.map((s) => `${s.nameVi} (${s.id})`).join(', ')}.`;
}

const assignmentKey = (a: AssignmentValues) =>
  `${a.role}|${a.scopeUnitId ?? ''}|${a.scopeOrganisationId ?? ''}`;

/**
 * Checks requested role assignments and derives their scope kind. An assignment the user already
 * holds (listed in `held`) may keep a unit that is no longer valid: only new ones must be valid
 * today. Issues are added to `issues`; the valid assignments are returned.
 */
async function checkAssignments(
  q: Queryable,
  registry: UnitRegistry,
  date: string,
  inputs: AssignmentInput[],
  issues: Issue[],
  held: AssignmentRow[] = [],
  extraOrganisationIds: string[] = [],
): Promise<{ values: AssignmentValues[]; organisationKinds: Map<string, string> }> {
  const organisationKinds = await repo.findOrganisationKinds(q, [
    ...new Set([
      ...extraOrganisationIds,
      ...inputs.flatMap((a) => (a.scopeOrganisationId ? [a.scopeOrganisationId] : [])),
    ]),
  ]);
  const heldKeys = new Set(held.map(assignmentKey));
  const seen = new Map<string, number>();
  const values: AssignmentValues[] = [];
  inputs.forEach((input, i) => {
    const issue = (field: string, message: string) =>
      issues.push({ path: `body.assignments.${i}.${field}`, message });
    const role = input.role;
    const scopeUnitId = input.scopeUnitId || null;
    const scopeOrganisationId = input.scopeOrganisationId || null;
    const roleName = `"${ROLE_LABELS[role].vi}"`;
    if (scopeUnitId && scopeOrganisationId) {
      issue(
        'scopeUnitId',
        'Mỗi phân quyền chỉ có một phạm vi: một tỉnh/thành phố hoặc một tổ chức.',
      );
      return;
    }
    const scopeKind: ScopeKind = scopeUnitId
      ? 'province'
      : scopeOrganisationId
        ? 'organisation'
        : 'national';
    const accepted = ROLE_SCOPES[role];
    if (!accepted.includes(scopeKind)) {
      issue(
        'role',
        `Vai trò ${roleName} không áp dụng cho phạm vi ${SCOPE_LABELS[scopeKind]}; phạm vi hợp lệ: ${accepted.map((k) => SCOPE_LABELS[k]).join(', ')}.`,
      );
      return;
    }
    const value: AssignmentValues = { role, scopeKind, scopeUnitId, scopeOrganisationId };
    const key = assignmentKey(value);
    if (scopeUnitId) {
      const unit = UNIT_ID.test(scopeUnitId) ? registry.get(scopeUnitId) : undefined;
      if (!unit) {
        issue(
          'scopeUnitId',
          `Không có đơn vị hành chính ${scopeUnitId} (mã đơn vị có dạng mã@ngày-bắt-đầu, ví dụ 31@2025-07-01).`,
        );
        return;
      }
      if (!registry.isValidOn(unit, date) && !heldKeys.has(key)) {
        issue('scopeUnitId', notValidMessage(registry, unit, date));
        return;
      }
    }
    if (scopeOrganisationId) {
      const kind = organisationKinds.get(scopeOrganisationId);
      if (!kind) {
        issue('scopeOrganisationId', 'Không tìm thấy tổ chức được chọn làm phạm vi.');
        return;
      }
      if (role === 'ministry_unit_officer' && kind !== 'ministry_unit') {
        issue(
          'scopeOrganisationId',
          `Vai trò ${roleName} chỉ gắn với một tổ chức loại "${ORGANISATION_KIND_LABELS.ministry_unit.vi}".`,
        );
        return;
      }
    }
    const first = seen.get(key);
    if (first !== undefined) {
      issue('role', `Phân quyền thứ ${i + 1} trùng với phân quyền thứ ${first + 1}.`);
      return;
    }
    seen.set(key, i);
    values.push(value);
  });
  return { values, organisationKinds };
}

async function lockExistingUser(q: Queryable, id: string): Promise<UserRow> {
  const user = await repo.lockUser(q, id);
  if (!user) throw notFound('Không tìm thấy người dùng.');
  return user;
}

/* ───────────── Reads ───────────── */

export async function listUsers(deps: AppDeps, query: z.output<typeof listUsersQuery>) {
  const db = deps.database.db;
  const rows = await repo.findUsers(db, {
    q: query.q,
    role: query.role,
    unitId: query.unitId,
    active: query.active === undefined ? undefined : query.active === 'true',
  });
  rows.sort(
    (a, b) => compareVi(a.displayName, b.displayName) || a.username.localeCompare(b.username),
  );
  const { items, ...meta } = page(rows, query.page, query.pageSize);
  const assignments = await repo.assignmentsOfMany(
    db,
    items.map((u) => u.id),
  );
  return {
    ...meta,
    items: await presentUsers(db, deps.units.registry, items, assignments, deps.now()),
  };
}

export async function getUser(deps: AppDeps, id: string) {
  const db = deps.database.db;
  const user = await repo.findUserById(db, id);
  if (!user) throw notFound('Không tìm thấy người dùng.');
  const assignments = await repo.assignmentsOf(db, id);
  const [presented] = await presentUsers(db, deps.units.registry, [user], assignments, deps.now());
  return presented!;
}

/* ───────────── Writes ───────────── */

export async function createUser(deps: AppDeps, ctx: Ctx, input: z.output<typeof createUserBody>) {
  checkPasswordRules(input.password, input.username, 'body.password');
  const passwordHash = await hashPassword(input.password);
  const id = await writeTransaction(ctx, async ({ tx, audit }) => {
    const issues: Issue[] = [];
    if (await repo.userExists(tx, input.username)) {
      throw conflict(`Tên đăng nhập "${input.username}" đã được sử dụng.`, [
        { path: 'body.username', message: 'Tên đăng nhập đã được sử dụng.' },
      ]);
    }
    const organisationId = input.organisationId ?? null;
    const { values, organisationKinds } = await checkAssignments(
      tx,
      deps.units.registry,
      today(deps),
      input.assignments,
      issues,
      [],
      organisationId ? [organisationId] : [],
    );
    if (organisationId && !organisationKinds.has(organisationId)) {
      issues.push({ path: 'body.organisationId', message: 'Không tìm thấy tổ chức này.' });
    }
    failIf(issues);
    const user = await repo.insertUser(tx, {
      username: input.username,
      displayName: input.displayName,
      email: input.email ?? null,
      passwordHash,
      organisationId,
      mustChangePassword: input.mustChangePassword,
      passwordChangedAt: deps.now(),
    });
    const assignments = await repo.insertAssignments(tx, user.id, values);
    await audit({
      entityType: 'user',
      entityId: user.id,
      action: 'create',
      after: { ...user, assignments },
    });
    return user.id;
  });
  return getUser(deps, id);
}

export async function updateUser(
  deps: AppDeps,
  ctx: Ctx,
  id: string,
  input: z.output<typeof updateUserBody>,
) {
  await writeTransaction(ctx, async ({ tx, audit }) => {
    const user = await lockExistingUser(tx, id);
    if (input.isActive === false && id === ctx.actor.userId) {
      throw conflict('Bạn không thể tự vô hiệu hóa tài khoản của chính mình.');
    }
    if (
      input.organisationId &&
      (await repo.findOrganisationKinds(tx, [input.organisationId])).size === 0
    ) {
      invalid('body.organisationId', 'Không tìm thấy tổ chức này.');
    }
    const updated = await repo.updateUser(tx, id, {
      ...(input.displayName === undefined ? {} : { displayName: input.displayName }),
      ...(input.email === undefined ? {} : { email: input.email }),
      ...(input.organisationId === undefined ? {} : { organisationId: input.organisationId }),
      ...(input.isActive === undefined ? {} : { isActive: input.isActive }),
    });
    if (user.isActive && !updated.isActive) await deleteSessionsOfUser(tx, id);
    await audit({
      entityType: 'user',
      entityId: id,
      action: 'update',
      before: user,
      after: updated,
    });
  });
  return getUser(deps, id);
}

/** Replaces the user's role assignments; unchanged ones keep their identity. */
export async function setAssignments(
  deps: AppDeps,
  ctx: Ctx,
  id: string,
  inputs: AssignmentInput[],
) {
  await writeTransaction(ctx, async ({ tx, audit }) => {
    await lockExistingUser(tx, id);
    const before = await repo.assignmentsOf(tx, id);
    const issues: Issue[] = [];
    const { values } = await checkAssignments(
      tx,
      deps.units.registry,
      today(deps),
      inputs,
      issues,
      before,
    );
    failIf(issues);
    const isAdmin = (list: { role: Role }[]) => list.some((a) => a.role === 'system_admin');
    if (id === ctx.actor.userId && isAdmin(before) && !isAdmin(values)) {
      throw conflict('Bạn không thể tự gỡ vai trò quản trị hệ thống của chính mình.');
    }
    const wanted = new Set(values.map(assignmentKey));
    const kept = new Set<string>();
    const removed: string[] = [];
    for (const row of before) {
      const key = assignmentKey(row);
      if (wanted.has(key) && !kept.has(key)) kept.add(key);
      else removed.push(row.id);
    }
    await repo.deleteAssignments(tx, removed);
    await repo.insertAssignments(
      tx,
      id,
      values.filter((v) => !kept.has(assignmentKey(v))),
    );
    const after = await repo.assignmentsOf(tx, id);
    await audit({ entityType: 'user', entityId: id, action: 'assignments', before, after });
  });
  return getUser(deps, id);
}

/** An administrator sets a new password; the user's sessions end. */
export async function resetPassword(
  deps: AppDeps,
  ctx: Ctx,
  id: string,
  input: z.output<typeof resetPasswordBody>,
) {
  await writeTransaction(ctx, async ({ tx, audit }) => {
    const user = await lockExistingUser(tx, id);
    checkPasswordRules(input.newPassword, user.username, 'body.newPassword');
    const now = deps.now();
    const updated = await repo.updateUser(tx, id, {
      passwordHash: await hashPassword(input.newPassword),
      passwordChangedAt: now,
      mustChangePassword: input.mustChangePassword,
    });
    await deleteSessionsOfUser(tx, id, ctx.actor.sessionId);
    await audit({
      entityType: 'user',
      entityId: id,
      action: 'password_reset',
      before: { mustChangePassword: user.mustChangePassword },
      after: { mustChangePassword: updated.mustChangePassword, passwordChangedAt: now },
    });
  });
  return getUser(deps, id);
}

export async function unlockUser(deps: AppDeps, ctx: Ctx, id: string) {
  await writeTransaction(ctx, async ({ tx, audit }) => {
    const user = await lockExistingUser(tx, id);
    const updated = await repo.updateUser(tx, id, { lockedUntil: null, failedLoginCount: 0 });
    await audit({
      entityType: 'user',
      entityId: id,
      action: 'unlock',
      before: { lockedUntil: user.lockedUntil, failedLoginCount: user.failedLoginCount },
      after: { lockedUntil: updated.lockedUntil, failedLoginCount: updated.failedLoginCount },
    });
  });
  return getUser(deps, id);
}

/* ───────────── Re-scoping after the 2025 reform ───────────── */

/** Every role assignment scoped to a unit that is not valid today, with today's successors. */
export async function rescopeCandidates(deps: AppDeps) {
  const registry = deps.units.registry;
  const date = today(deps);
  const stale = registry.units.filter((u) => !registry.isValidOn(u, date)).map((u) => u.id);
  const rows = await repo.assignmentsOnUnits(deps.database.db, stale);
  rows.sort(
    (a, b) =>
      compareVi(a.user.displayName, b.user.displayName) ||
      a.user.username.localeCompare(b.user.username) ||
      a.assignment.createdAt.getTime() - b.assignment.createdAt.getTime(),
  );
  return rows.map(({ assignment, user }) => ({
    assignment: presentAssignment(assignment, registry, new Map(), date),
    user: { id: user.id, username: user.username, displayName: user.displayName },
    successors: successorsOn(registry, registry.require(assignment.scopeUnitId!), date),
  }));
}

/** Moves an assignment from a unit that has ceased to one of its successors. */
export async function rescopeAssignment(
  deps: AppDeps,
  ctx: Ctx,
  assignmentId: string,
  toUnitId: string,
) {
  const registry = deps.units.registry;
  const date = today(deps);
  const userId = await writeTransaction(ctx, async ({ tx, audit }) => {
    const before = await repo.lockAssignment(tx, assignmentId);
    if (!before) throw notFound('Không tìm thấy phân quyền.');
    const fail = (message: string) => invalid('body.toUnitId', message);
    const current = before.scopeUnitId ? registry.get(before.scopeUnitId) : undefined;
    if (!current) {
      return fail('Phân quyền này không gắn với một tỉnh/thành phố nên không cần chuyển phạm vi.');
    }
    if (registry.isValidOn(current, date)) {
      fail(
        `Đơn vị ${unitLabel(registry, current, date)} vẫn còn hiệu lực; chỉ chuyển phạm vi khỏi đơn vị đã hết hiệu lực.`,
      );
    }
    const successors = successorsOn(registry, current, date);
    if (!successors.some((s) => s.id === toUnitId)) {
      fail(
        `${toUnitId} không phải đơn vị kế thừa của ${unitLabel(registry, current, date)}. ${
          successors.length === 0
            ? 'Đơn vị này không có đơn vị kế thừa.'
            : `Đơn vị kế thừa: ${successors.map((s) => `${s.nameVi} (${s.id})`).join(', ')}.`
        }`,
      );
    }
    const target = { ...before, scopeUnitId: toUnitId };
    const others = (await repo.assignmentsOf(tx, before.userId)).filter((a) => a.id !== before.id);
    if (others.some((a) => assignmentKey(a) === assignmentKey(target))) {
      fail('Người dùng đã có vai trò này tại đơn vị kế thừa; hãy gỡ phân quyền cũ thay vì chuyển.');
    }
    const after = await repo.setAssignmentUnit(tx, before.id, toUnitId);
    await audit({
      entityType: 'role_assignment',
      entityId: before.id,
      action: 'rescope',
      before,
      after,
    });
    return before.userId;
  });
  return getUser(deps, userId);
}
