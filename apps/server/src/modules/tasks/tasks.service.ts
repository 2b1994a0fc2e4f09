import type { z } from 'zod';
import { compareVi, todayInVietnam, type TaskSourceKind } from '@caunoi/shared';
import { writeTransaction, type AuditFn, type Ctx } from '../../core/context.js';
import type { AppDeps } from '../../core/deps.js';
import type { Queryable } from '../../db/database.js';
import { assertAllowedOn } from '../../http/access.js';
import { conflict, forbidden, notFound } from '../../http/errors.js';
import { page } from '../../http/schemas.js';
import { allowsOn, type Actor, type Target } from '../../policy/policy.js';
import { MINISTRY_CODE } from '../../seed/reference-organisations.js';
import { attachmentsOf, deleteAttachment } from '../attachments/attachments.repo.js';
import {
  deleteNotificationsAbout,
  leadSideRecipients,
  recipients,
  type Recipient,
} from '../notifications/notifications.repo.js';
import { notify, type NotificationEvent } from '../notifications/notifications.service.js';
import { findOrganisationByCode } from '../organisations/organisations.repo.js';
import { definedOnly, invalidField } from '../organisations/organisations.service.js';
import {
  coordinationTarget,
  readScope,
  withPredecessors,
  type CoordinationEnv,
} from '../programmes/lineage.js';
import {
  CYCLE_EXAMPLES,
  cycleOf,
  evaluateTask,
  parseCycle,
  type TaskEvaluation,
} from './facets.js';
import * as messages from './tasks.messages.js';
import * as repo from './tasks.repo.js';
import type {
  answerBody,
  batchTaskItem,
  batchTasksBody,
  completeBody,
  createTaskBody,
  decisionBody,
  explanationBody,
  extensionBody,
  listTasksQuery,
  reportBody,
  updateTaskBody,
} from './tasks.schemas.js';

/** What the task services need besides the database: units, the clock and the settings. */
export interface TaskEnv extends CoordinationEnv {
  now: Date;
  dueSoonDays: number;
  publicUrl: string;
}

export function taskEnv(deps: AppDeps): TaskEnv {
  const now = deps.now();
  return {
    registry: deps.units.registry,
    today: todayInVietnam(now),
    now,
    dueSoonDays: deps.config.taskDueSoonDays,
    publicUrl: deps.config.publicUrl,
  };
}

type ListQuery = z.output<typeof listTasksQuery>;
type CreateInput = z.output<typeof createTaskBody>;
type BatchInput = z.output<typeof batchTasksBody>;
type TaskItemInput = z.output<typeof batchTaskItem>;
type UpdateInput = z.output<typeof updateTaskBody>;

/* ───────── Where a task sits for the policy ───────── */

interface TaskTargets {
  /** Lead organisation and cooperators (readers). */
  read: Target;
  /** The lead organisation alone (who reports). */
  lead: Target & { unitIds: readonly string[]; organisationIds: readonly string[] };
}

const present = <T>(values: readonly (T | null)[]) => values.filter((v): v is T => v !== null);

export async function targetsOf(
  q: Queryable,
  task: Pick<repo.TaskRow, 'leadOrganisationId' | 'leadUnitId'>,
  cooperators: readonly { organisationId: string; unitId: string | null }[],
): Promise<TaskTargets> {
  const lead = await coordinationTarget(q, present([task.leadUnitId]), [task.leadOrganisationId]);
  const read = await coordinationTarget(
    q,
    present([task.leadUnitId, ...cooperators.map((c) => c.unitId)]),
    [task.leadOrganisationId, ...cooperators.map((c) => c.organisationId)],
  );
  return {
    read,
    lead: {
      unitIds: present([...(lead.unitIds ?? [])]),
      organisationIds: present([...(lead.organisationIds ?? [])]),
    },
  };
}

type Need = 'read' | 'manage' | 'report';

/**
 * Loads a task for the actor: 404 when it is missing or outside what the actor may read, 403 when
 * they may read it but not do `need`. With `lock`, the task row stays locked (inside a write).
 */
async function loadTask(q: Queryable, actor: Actor, id: string, need: Need, lock = false) {
  const task = await repo.findTask(q, id, lock);
  if (!task) throw notFound();
  const cooperators = await repo.cooperatorsOf(q, [id]);
  const targets = await targetsOf(q, task, cooperators);
  assertAllowedOn(actor, 'coordination.read', targets.read);
  if (need === 'manage' && !allowsOn(actor, 'coordination.manage', targets.read)) throw forbidden();
  if (need === 'report' && !allowsOn(actor, 'tasks.report', targets.lead)) {
    throw forbidden('Chỉ đơn vị chủ trì nhiệm vụ mới thực hiện được thao tác này.');
  }
  return { task, cooperators, targets };
}

async function evaluate(q: Queryable, env: TaskEnv, task: repo.TaskRow) {
  return evaluateTask(task, await repo.reportsOf(q, task.id), env.today, env.dueSoonDays);
}

/* ───────── Reading ───────── */

export interface TaskSummary {
  view: repo.TaskView;
  evaluation: TaskEvaluation;
  cooperators: repo.CooperatorView[];
  latestPercent: number | null;
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const list = map.get(key(item));
    if (list) list.push(item);
    else map.set(key(item), [item]);
  }
  return map;
}

/** Tasks matching `where`, each with its facets (and latest reported percentage). */
export function evaluatedTasks(
  q: Queryable,
  env: TaskEnv,
  where: ReturnType<typeof repo.taskWhere>,
) {
  return evaluateMatching(q, env, where, repo.findTaskViews);
}

/** The facets of every task matching `where`, from the few columns they need. */
export function evaluatedSchedules(
  q: Queryable,
  env: TaskEnv,
  where: ReturnType<typeof repo.taskWhere>,
) {
  return evaluateMatching(q, env, where, repo.findTaskSchedules);
}

async function evaluateMatching<T extends { id: string } & Parameters<typeof evaluateTask>[0]>(
  q: Queryable,
  env: TaskEnv,
  where: ReturnType<typeof repo.taskWhere>,
  find: (q: Queryable, where: ReturnType<typeof repo.taskWhere>) => Promise<T[]>,
) {
  const [views, facts] = await Promise.all([
    find(q, where),
    repo.reportFacts(q, where).then((rows) => groupBy(rows, (r) => r.taskId)),
  ]);
  return views.map((view) => {
    const reports = facts.get(view.id) ?? [];
    return {
      view,
      evaluation: evaluateTask(view, reports, env.today, env.dueSoonDays),
      latestPercent: reports.findLast((r) => r.percent !== null)?.percent ?? null,
    };
  });
}

async function withCooperators(
  q: Queryable,
  items: Omit<TaskSummary, 'cooperators'>[],
): Promise<TaskSummary[]> {
  const cooperators = groupBy(
    await repo.cooperatorsOf(
      q,
      items.map((i) => i.view.id),
    ),
    (c) => c.taskId,
  );
  return items.map((i) => ({ ...i, cooperators: cooperators.get(i.view.id) ?? [] }));
}

type Evaluated = Awaited<ReturnType<typeof evaluatedSchedules>>[number];
const SORTS = {
  deadline: (s: Evaluated) => s.evaluation.dueOn ?? s.view.deadline,
  assignedOn: (s: Evaluated) => s.view.assignedOn,
};

export async function listTasks(ctx: Ctx, env: TaskEnv, f: ListQuery) {
  const db = ctx.database.db;
  const where = repo.taskWhere({
    scope: await readScope(db, env.registry, ctx.actor),
    q: f.q,
    sourceKind: f.sourceKind,
    sourceId: f.sourceId,
    leadOrganisationId: f.leadOrganisationId,
    leadUnitIds: f.leadUnitId ? withPredecessors(env.registry, [f.leadUnitId]) : undefined,
    priority: f.priority,
    hasPendingExtension: f.hasPendingExtension,
    hasOpenExplanation: f.hasOpenExplanation,
  });
  const descending = f.sort.startsWith('-');
  const sortKey = SORTS[f.sort.replace('-', '') as keyof typeof SORTS];
  const rows = (await evaluatedSchedules(db, env, where))
    .filter(({ evaluation: e }) => {
      const due = e.dueOn;
      return (
        (!f.completion || e.completion === f.completion) &&
        (!f.timeliness || e.timeliness === f.timeliness) &&
        (f.dueSoon === undefined || e.dueSoon === f.dueSoon) &&
        (!f.deadlineFrom || (due !== null && due >= f.deadlineFrom)) &&
        (!f.deadlineTo || (due !== null && due <= f.deadlineTo))
      );
    })
    .sort((a, b) => {
      const ka = sortKey(a);
      const kb = sortKey(b);
      if (ka !== kb) {
        if (ka === null) return 1;
        if (kb === null) return -1;
        return (ka < kb ? -1 : 1) * (descending ? -1 : 1);
      }
      return (
        compareVi(a.view.number ?? '', b.view.number ?? '') || compareVi(a.view.title, b.view.title)
      );
    });
  const result = page(rows, f.page, f.pageSize);
  return {
    ...result,
    items: await summariesOf(
      db,
      env,
      result.items.map((r) => r.view.id),
    ),
  };
}

/** Summaries of the given tasks (after a write, or one page of a list), in the given order. */
export async function summariesOf(
  q: Queryable,
  env: TaskEnv,
  ids: readonly string[],
): Promise<TaskSummary[]> {
  const byId = new Map(
    (await evaluatedTasks(q, env, repo.withIds(ids))).map((r) => [r.view.id, r]),
  );
  return withCooperators(
    q,
    ids.map((id) => byId.get(id)!),
  );
}

export interface TaskDetail extends TaskSummary {
  reports: repo.ReportRow[];
  extensions: repo.ExtensionRow[];
  explanations: repo.ExplanationRow[];
  userNames: Map<string, string>;
  can: Record<
    | 'edit'
    | 'delete'
    | 'report'
    | 'complete'
    | 'reopen'
    | 'requestExtension'
    | 'decideExtension'
    | 'requestExplanation'
    | 'answerExplanation'
    | 'attach',
    boolean
  >;
}

export async function getTask(ctx: Ctx, env: TaskEnv, id: string): Promise<TaskDetail> {
  const db = ctx.database.db;
  const { task, cooperators, targets } = await loadTask(db, ctx.actor, id, 'read');
  const view = (await repo.findTaskView(db, id))!;
  const reports = await repo.reportsOf(db, id);
  const extensions = await repo.extensionsOf(db, id);
  const explanations = await repo.explanationsOf(db, id);
  const evaluation = evaluateTask(task, reports, env.today, env.dueSoonDays);
  const manage = allowsOn(ctx.actor, 'coordination.manage', targets.read);
  const lead = allowsOn(ctx.actor, 'tasks.report', targets.lead);
  const open = evaluation.completion === 'open';
  const pending = extensions.some((e) => e.status === 'pending');
  const unanswered = explanations.some((x) => x.answerText === null);
  return {
    view,
    evaluation,
    cooperators,
    latestPercent: reports.findLast((r) => r.percent !== null)?.percent ?? null,
    reports,
    extensions,
    explanations,
    userNames: await repo.userNames(db, [
      ...reports.map((r) => r.reportedBy),
      ...extensions.flatMap((e) => [e.requestedBy, e.decidedBy]),
      ...explanations.flatMap((x) => [x.requestedBy, x.answeredBy]),
    ]),
    can: {
      edit: manage,
      delete: manage && reports.length === 0,
      report: lead && open,
      complete: lead && open,
      reopen: manage && task.completedOn !== null,
      requestExtension: lead && open && task.deadline !== null && !pending,
      decideExtension: manage && pending,
      requestExplanation: manage && evaluation.timeliness === 'overdue' && !unanswered,
      answerExplanation: lead && unanswered,
      attach: lead,
    },
  };
}

/* ───────── Creating and editing ───────── */

interface Schedule {
  assignedOn: string;
  deadline: string | null;
  recurrence: repo.TaskRow['recurrence'];
  recurrenceEndsOn: string | null;
}

/** A task has a deadline or a reporting cycle, never both, and neither before the assignment. */
function checkSchedule(s: Schedule, at: string): void {
  if (s.recurrence === null && s.deadline === null) {
    throw invalidField(
      `${at}deadline`,
      'Nhập hạn hoàn thành, hoặc chọn chu kỳ báo cáo nếu là nhiệm vụ thường xuyên.',
    );
  }
  if (s.recurrence !== null && s.deadline !== null) {
    throw invalidField(
      `${at}deadline`,
      'Nhiệm vụ thường xuyên (báo cáo theo chu kỳ) không có hạn hoàn thành cố định.',
    );
  }
  if (s.deadline !== null && s.deadline < s.assignedOn) {
    throw invalidField(`${at}deadline`, 'Hạn hoàn thành không được trước ngày giao.');
  }
  if (s.recurrenceEndsOn !== null && s.recurrence === null) {
    throw invalidField(
      `${at}recurrenceEndsOn`,
      'Chỉ nhiệm vụ thường xuyên mới có ngày kết thúc chu kỳ báo cáo.',
    );
  }
  if (s.recurrenceEndsOn !== null && s.recurrenceEndsOn < s.assignedOn) {
    throw invalidField(`${at}recurrenceEndsOn`, 'Ngày kết thúc không được trước ngày giao.');
  }
}

type OrganisationRow = NonNullable<Awaited<ReturnType<typeof findOrganisationByCode>>>;

/** The organisation, which must exist and not have ceased before `on`. */
function activeOrganisation(
  orgs: Map<string, OrganisationRow>,
  id: string,
  on: string,
  field: string,
): OrganisationRow {
  const org = orgs.get(id);
  if (!org) throw invalidField(field, 'Tổ chức không tồn tại.');
  if (org.validTo !== null && org.validTo < on) {
    throw invalidField(
      field,
      `${org.nameVi} đã ngừng hoạt động từ sau ngày ${org.validTo}; hãy chọn tổ chức kế thừa.`,
    );
  }
  return org;
}

/** The lead and cooperating organisations of a task, checked. */
function parties(
  orgs: Map<string, OrganisationRow>,
  leadId: string,
  cooperatorIds: readonly string[],
  on: string,
  at: string,
) {
  const lead = activeOrganisation(orgs, leadId, on, `${at}leadOrganisationId`);
  const seen = new Set<string>();
  const cooperators = cooperatorIds.map((id, i) => {
    const field = `${at}cooperatorOrganisationIds.${i}`;
    if (id === leadId)
      throw invalidField(field, 'Đơn vị phối hợp không được trùng đơn vị chủ trì.');
    if (seen.has(id)) throw invalidField(field, 'Đơn vị phối hợp bị lặp.');
    seen.add(id);
    const org = activeOrganisation(orgs, id, on, field);
    return { organisationId: org.id, unitId: org.unitId };
  });
  return { lead, cooperators };
}

async function checkSource(q: Queryable, kind: TaskSourceKind, id: string): Promise<void> {
  const state = await repo.sourceState(q, kind, id);
  if (state === 'missing') throw invalidField('sourceId', 'Không tìm thấy nguồn nhiệm vụ.');
  if (state === 'unanswered') {
    throw invalidField('sourceId', 'Kiến nghị chưa được trả lời nên chưa giao nhiệm vụ được.');
  }
}

/**
 * The accounts answering for a task's lead organisation (officers and approvers of its province and
 * of the provinces that succeeded it, Ministry unit officers of it or above it), looked up once per
 * organisation for the life of the returned function.
 */
export function leadSideOf(tx: Queryable) {
  const found = new Map<string, Promise<Recipient[]>>();
  return (task: Pick<repo.TaskRow, 'leadOrganisationId' | 'leadUnitId'>) => {
    let to = found.get(task.leadOrganisationId);
    if (!to) {
      to = targetsOf(tx, task, []).then(({ lead }) =>
        leadSideRecipients(tx, lead.unitIds, lead.organisationIds),
      );
      found.set(task.leadOrganisationId, to);
    }
    return to;
  };
}

/** Notifies the assigning side: the Ministry's coordinators. */
async function notifyAssigningSide(
  tx: Queryable,
  env: TaskEnv,
  actor: Actor,
  event: NotificationEvent,
) {
  await notify(tx, env, await recipients(tx, ['ministry_coordinator']), event, actor.userId);
}

interface NewTasks {
  sourceKind: TaskSourceKind;
  sourceId: string;
  assignedOn?: string | undefined;
  assignedByOrganisationId?: string | undefined;
  tasks: TaskItemInput[];
  /** Where the task fields sit in the request body ('' for one task, 'tasks.N.' for a batch). */
  at: (index: number) => string;
}

async function insertTasks(
  tx: Queryable,
  audit: AuditFn,
  env: TaskEnv,
  actor: Actor,
  input: NewTasks,
): Promise<string[]> {
  await checkSource(tx, input.sourceKind, input.sourceId);
  const assignedOn = input.assignedOn ?? env.today;
  const assignerId =
    input.assignedByOrganisationId ?? (await findOrganisationByCode(tx, MINISTRY_CODE))?.id;
  const orgs = await repo.organisationsByIds(tx, [
    ...(assignerId ? [assignerId] : []),
    ...input.tasks.flatMap((t) => [t.leadOrganisationId, ...t.cooperatorOrganisationIds]),
  ]);
  if (!assignerId) throw invalidField('assignedByOrganisationId', 'Chưa chọn cơ quan giao.');
  const assigner = activeOrganisation(orgs, assignerId, assignedOn, 'assignedByOrganisationId');
  const already = await repo.countInSource(tx, input.sourceKind, input.sourceId);
  const leadSide = leadSideOf(tx);
  const ids: string[] = [];
  for (const [i, item] of input.tasks.entries()) {
    const at = input.at(i);
    const schedule: Schedule = {
      assignedOn,
      deadline: item.deadline ?? null,
      recurrence: item.recurrence ?? null,
      recurrenceEndsOn: item.recurrenceEndsOn ?? null,
    };
    checkSchedule(schedule, at);
    const { lead, cooperators } = parties(
      orgs,
      item.leadOrganisationId,
      item.cooperatorOrganisationIds,
      assignedOn,
      at,
    );
    const task = await repo.insertTask(tx, {
      sourceKind: input.sourceKind,
      [repo.SOURCE_FIELD[input.sourceKind]]: input.sourceId,
      number: item.number ?? String(already + i + 1),
      title: item.title,
      description: item.description ?? null,
      leadOrganisationId: lead.id,
      leadUnitId: lead.unitId,
      assignedByOrganisationId: assigner.id,
      ...schedule,
      originalDeadline: schedule.deadline,
      expectedProduct: item.expectedProduct ?? null,
      priority: item.priority,
      createdAt: env.now,
      updatedAt: env.now,
    });
    await repo.setCooperators(tx, task.id, cooperators);
    await audit({
      entityType: 'task',
      entityId: task.id,
      action: 'create',
      after: { ...task, cooperators },
    });
    await notify(
      tx,
      env,
      await leadSide(task),
      messages.taskAssigned(task, lead.nameVi, assigner.nameVi),
      actor.userId,
    );
    ids.push(task.id);
  }
  return ids;
}

export async function createTask(ctx: Ctx, env: TaskEnv, input: CreateInput) {
  const { sourceKind, sourceId, assignedOn, assignedByOrganisationId, ...item } = input;
  const [id] = await writeTransaction(ctx, ({ tx, audit }) =>
    insertTasks(tx, audit, env, ctx.actor, {
      sourceKind,
      sourceId,
      assignedOn,
      assignedByOrganisationId,
      tasks: [item],
      at: () => '',
    }),
  );
  return getTask(ctx, env, id!);
}

export async function createTasks(ctx: Ctx, env: TaskEnv, input: BatchInput) {
  const ids = await writeTransaction(ctx, ({ tx, audit }) =>
    insertTasks(tx, audit, env, ctx.actor, { ...input, at: (i) => `tasks.${i}.` }),
  );
  return summariesOf(ctx.database.db, env, ids);
}

export async function updateTask(ctx: Ctx, env: TaskEnv, id: string, input: UpdateInput) {
  await writeTransaction(ctx, async ({ tx, audit }) => {
    const { task: before, cooperators: beforeCooperators } = await loadTask(
      tx,
      ctx.actor,
      id,
      'manage',
      true,
    );
    const { cooperatorOrganisationIds, ...fields } = input;
    const patch = definedOnly(fields);
    const next = { ...before, ...patch };
    checkSchedule(next, '');
    const coopIds = cooperatorOrganisationIds ?? beforeCooperators.map((c) => c.organisationId);
    const orgs = await repo.organisationsByIds(tx, [
      next.leadOrganisationId,
      next.assignedByOrganisationId,
      ...coopIds,
    ]);
    const { lead, cooperators } = parties(
      orgs,
      next.leadOrganisationId,
      coopIds,
      next.assignedOn,
      '',
    );
    const assigner = activeOrganisation(
      orgs,
      next.assignedByOrganisationId,
      next.assignedOn,
      'assignedByOrganisationId',
    );
    // The first deadline stays visible once an extension moved it; before that, a correction of
    // the deadline corrects the original too.
    const extended = (await repo.extensionsOf(tx, id)).some((e) => e.status === 'approved');
    const after = await repo.updateTask(tx, id, {
      ...patch,
      leadUnitId: lead.unitId,
      originalDeadline: extended ? before.originalDeadline : next.deadline,
      updatedAt: env.now,
    });
    if (cooperatorOrganisationIds) await repo.setCooperators(tx, id, cooperators);
    await audit({
      entityType: 'task',
      entityId: id,
      action: 'update',
      before: { ...before, cooperators: beforeCooperators.map((c) => c.organisationId) },
      after: { ...after, cooperators: coopIds },
    });
    if (after.leadOrganisationId !== before.leadOrganisationId) {
      await notify(
        tx,
        env,
        await leadSideOf(tx)(after),
        messages.taskAssigned(after, lead.nameVi, assigner.nameVi),
        ctx.actor.userId,
      );
    }
  });
  return getTask(ctx, env, id);
}

export async function deleteTask(ctx: Ctx, env: TaskEnv, id: string): Promise<void> {
  await writeTransaction(ctx, async ({ tx, audit }) => {
    const { task, cooperators } = await loadTask(tx, ctx.actor, id, 'manage', true);
    const reports = await repo.countReports(tx, id);
    if (reports > 0) {
      throw conflict(
        `Không thể xóa nhiệm vụ đã có ${reports} báo cáo tiến độ. Nếu giao nhầm, hãy sửa nhiệm vụ.`,
        { reports },
      );
    }
    for (const a of await attachmentsOf(tx, 'task', id)) {
      await deleteAttachment(tx, a.id, a.fileId);
      await audit({ entityType: 'attachment', entityId: a.id, action: 'delete', before: a });
    }
    await deleteNotificationsAbout(tx, 'task', id);
    await repo.deleteTask(tx, id);
    await audit({
      entityType: 'task',
      entityId: id,
      action: 'delete',
      before: { ...task, cooperators },
    });
  });
}

/* ───────── The lead unit's work ───────── */

/** A date given for something that happened: not in the future, not before the assignment. */
function pastDate(
  date: string | undefined,
  env: TaskEnv,
  task: repo.TaskRow,
  field: string,
): string {
  const value = date ?? env.today;
  if (value > env.today) throw invalidField(field, 'Ngày không được sau hôm nay.');
  if (value < task.assignedOn)
    throw invalidField(field, 'Ngày không được trước ngày giao nhiệm vụ.');
  return value;
}

function refuseWhenDone(evaluation: TaskEvaluation, what: string): void {
  if (evaluation.completion === 'done') {
    throw conflict(`Nhiệm vụ đã hoàn thành; không ${what} được nữa.`);
  }
}

export async function addReport(
  ctx: Ctx,
  env: TaskEnv,
  id: string,
  input: z.output<typeof reportBody>,
) {
  return writeTransaction(ctx, async ({ tx, audit }) => {
    const { task } = await loadTask(tx, ctx.actor, id, 'report', true);
    refuseWhenDone(await evaluate(tx, env, task), 'báo cáo tiến độ');
    const reportedOn = pastDate(input.reportedOn, env, task, 'reportedOn');
    const cycle = input.cycle?.trim() || null;
    if (task.recurrence === null && cycle !== null) {
      throw invalidField('cycle', 'Nhiệm vụ có thời hạn không báo cáo theo kỳ.');
    }
    if (task.recurrence !== null) {
      const example = CYCLE_EXAMPLES[task.recurrence];
      if (cycle === null) throw invalidField('cycle', `Chọn kỳ báo cáo (ví dụ ${example}).`);
      const c = parseCycle(cycle, task.recurrence);
      if (!c) throw invalidField('cycle', `Kỳ báo cáo "${cycle}" không đúng dạng ${example}.`);
      const first = cycleOf(task.assignedOn, task.recurrence);
      if (c.endsOn < first.startsOn || c.startsOn > env.today) {
        throw invalidField('cycle', `Kỳ ${cycle} chưa bắt đầu hoặc trước khi giao nhiệm vụ.`);
      }
      if (task.recurrenceEndsOn !== null && c.startsOn > task.recurrenceEndsOn) {
        throw invalidField('cycle', `Kỳ ${cycle} sau ngày kết thúc báo cáo định kỳ.`);
      }
    }
    const report = await repo.insertReport(tx, {
      taskId: id,
      reportedOn,
      cycle,
      narrative: input.narrative,
      percent: input.percent ?? null,
      difficulties: input.difficulties ?? null,
      requests: input.requests ?? null,
      reportedBy: ctx.actor.userId,
      createdAt: env.now,
    });
    await repo.updateTask(tx, id, { updatedAt: env.now });
    await audit({
      entityType: 'task_report',
      entityId: report.id,
      action: 'create',
      after: report,
    });
    const leadName = (await repo.findTaskView(tx, id))!.leadName;
    await notifyAssigningSide(
      tx,
      env,
      ctx.actor,
      messages.progressReported(task, report, leadName),
    );
    return report;
  });
}

export async function completeTask(
  ctx: Ctx,
  env: TaskEnv,
  id: string,
  input: z.output<typeof completeBody>,
) {
  await writeTransaction(ctx, async ({ tx, audit }) => {
    const { task } = await loadTask(tx, ctx.actor, id, 'report', true);
    refuseWhenDone(await evaluate(tx, env, task), 'báo cáo hoàn thành');
    const completedOn = pastDate(input.completedOn, env, task, 'completedOn');
    const after = await repo.updateTask(tx, id, {
      completedOn,
      completionOutput: input.output,
      updatedAt: env.now,
    });
    await audit({ entityType: 'task', entityId: id, action: 'complete', before: task, after });
    const leadName = (await repo.findTaskView(tx, id))!.leadName;
    await notifyAssigningSide(
      tx,
      env,
      ctx.actor,
      messages.taskCompleted(task, completedOn, leadName),
    );
  });
  return getTask(ctx, env, id);
}

export async function reopenTask(ctx: Ctx, env: TaskEnv, id: string) {
  await writeTransaction(ctx, async ({ tx, audit }) => {
    const { task } = await loadTask(tx, ctx.actor, id, 'manage', true);
    if (task.completedOn === null) {
      throw conflict('Nhiệm vụ chưa được báo cáo hoàn thành nên không có gì để mở lại.');
    }
    const after = await repo.updateTask(tx, id, {
      completedOn: null,
      completionOutput: null,
      updatedAt: env.now,
    });
    await audit({ entityType: 'task', entityId: id, action: 'reopen', before: task, after });
  });
  return getTask(ctx, env, id);
}

export async function requestExtension(
  ctx: Ctx,
  env: TaskEnv,
  id: string,
  input: z.output<typeof extensionBody>,
) {
  await writeTransaction(ctx, async ({ tx, audit }) => {
    const { task } = await loadTask(tx, ctx.actor, id, 'report', true);
    if (task.deadline === null) {
      throw conflict('Nhiệm vụ thường xuyên báo cáo theo kỳ, không có hạn để gia hạn.');
    }
    refuseWhenDone(await evaluate(tx, env, task), 'đề nghị gia hạn');
    if (await repo.pendingExtension(tx, id)) {
      throw conflict('Đã có một đề nghị gia hạn đang chờ quyết định.');
    }
    if (input.requestedDeadline <= task.deadline) {
      throw invalidField('requestedDeadline', 'Hạn đề nghị phải sau hạn hiện tại.');
    }
    const ext = await repo.insertExtension(tx, {
      taskId: id,
      previousDeadline: task.deadline,
      requestedDeadline: input.requestedDeadline,
      reason: input.reason,
      requestedBy: ctx.actor.userId,
      requestedAt: env.now,
    });
    await audit({ entityType: 'task_extension', entityId: ext.id, action: 'create', after: ext });
    const leadName = (await repo.findTaskView(tx, id))!.leadName;
    await notifyAssigningSide(tx, env, ctx.actor, messages.extensionRequested(task, ext, leadName));
  });
  return getTask(ctx, env, id);
}

export async function decideExtension(
  ctx: Ctx,
  env: TaskEnv,
  extensionId: string,
  input: z.output<typeof decisionBody>,
) {
  const taskId = await writeTransaction(ctx, async ({ tx, audit }) => {
    const found = await repo.findExtension(tx, extensionId);
    if (!found) throw notFound();
    const { task } = await loadTask(tx, ctx.actor, found.taskId, 'manage', true);
    // Read again under the task's lock: another decision may have landed meanwhile.
    const before = (await repo.findExtension(tx, extensionId))!;
    if (before.status !== 'pending') throw conflict('Đề nghị gia hạn này đã được quyết định.');
    if (!input.approve && !input.note) {
      throw invalidField('note', 'Nêu lý do không đồng ý gia hạn.');
    }
    if (input.approve && task.deadline !== null && before.requestedDeadline <= task.deadline) {
      throw conflict('Hạn đề nghị không còn sau hạn hiện tại của nhiệm vụ.');
    }
    const ext = await repo.updateExtension(tx, extensionId, {
      status: input.approve ? 'approved' : 'refused',
      decidedBy: ctx.actor.userId,
      decidedAt: env.now,
      decisionNote: input.note ?? null,
    });
    await audit({
      entityType: 'task_extension',
      entityId: ext.id,
      action: 'decide',
      before,
      after: ext,
    });
    if (input.approve) {
      const after = await repo.updateTask(tx, task.id, {
        deadline: ext.requestedDeadline,
        originalDeadline: task.originalDeadline ?? task.deadline,
        updatedAt: env.now,
      });
      await audit({ entityType: 'task', entityId: task.id, action: 'extend', before: task, after });
    }
    await notify(
      tx,
      env,
      await leadSideOf(tx)(task),
      messages.extensionDecided(task, ext),
      ctx.actor.userId,
    );
    return task.id;
  });
  return getTask(ctx, env, taskId);
}

export async function requestExplanation(
  ctx: Ctx,
  env: TaskEnv,
  id: string,
  input: z.output<typeof explanationBody>,
) {
  await writeTransaction(ctx, async ({ tx, audit }) => {
    const { task } = await loadTask(tx, ctx.actor, id, 'manage', true);
    if ((await evaluate(tx, env, task)).timeliness !== 'overdue') {
      throw conflict('Chỉ yêu cầu giải trình đối với nhiệm vụ đang quá hạn.');
    }
    if (await repo.openExplanation(tx, id)) {
      throw conflict('Nhiệm vụ đang có yêu cầu giải trình chưa được trả lời.');
    }
    if (input.answerDueOn && input.answerDueOn < env.today) {
      throw invalidField('answerDueOn', 'Hạn giải trình không được trước hôm nay.');
    }
    const x = await repo.insertExplanation(tx, {
      taskId: id,
      requestText: input.requestText,
      answerDueOn: input.answerDueOn ?? null,
      requestedBy: ctx.actor.userId,
      requestedAt: env.now,
    });
    await audit({ entityType: 'task_explanation', entityId: x.id, action: 'create', after: x });
    await notify(
      tx,
      env,
      await leadSideOf(tx)(task),
      messages.explanationRequested(task, x),
      ctx.actor.userId,
    );
  });
  return getTask(ctx, env, id);
}

export async function answerExplanation(
  ctx: Ctx,
  env: TaskEnv,
  explanationId: string,
  input: z.output<typeof answerBody>,
) {
  const taskId = await writeTransaction(ctx, async ({ tx, audit }) => {
    const found = await repo.findExplanation(tx, explanationId);
    if (!found) throw notFound();
    const { task } = await loadTask(tx, ctx.actor, found.taskId, 'report', true);
    // Read again under the task's lock: another answer may have landed meanwhile.
    const before = (await repo.findExplanation(tx, explanationId))!;
    if (before.answerText !== null) throw conflict('Yêu cầu giải trình này đã được trả lời.');
    const x = await repo.updateExplanation(tx, explanationId, {
      answerText: input.answerText,
      answeredBy: ctx.actor.userId,
      answeredAt: env.now,
    });
    await audit({
      entityType: 'task_explanation',
      entityId: x.id,
      action: 'answer',
      before,
      after: x,
    });
    const leadName = (await repo.findTaskView(tx, task.id))!.leadName;
    await notifyAssigningSide(tx, env, ctx.actor, messages.explanationAnswered(task, x, leadName));
    return task.id;
  });
  return getTask(ctx, env, taskId);
}
