import { formatDateVi } from '@caunoi/shared';
import type { NotificationEvent } from '../notifications/notifications.service.js';
import type { ExplanationRow, ExtensionRow, ReportRow, TaskRow } from './tasks.repo.js';

/** The notifications the task events and reminders send, in Vietnamese. */

type TaskRef = Pick<TaskRow, 'id' | 'title'>;

const about = (task: TaskRef) => ({ entityType: 'task', entityId: task.id });
const quoted = (task: TaskRef) => `“${task.title}”`;

export function taskAssigned(
  task: Pick<TaskRow, 'id' | 'title' | 'deadline' | 'recurrence' | 'leadOrganisationId'>,
  leadName: string,
  assignedByName: string,
): NotificationEvent {
  const when = task.deadline
    ? `, hạn hoàn thành ${formatDateVi(task.deadline)}`
    : ', báo cáo định kỳ';
  return {
    ...about(task),
    kind: 'task_assigned',
    title: `Nhiệm vụ mới: ${task.title}`,
    body: `${assignedByName} giao ${leadName} chủ trì nhiệm vụ ${quoted(task)}${when}.`,
    dedupeKey: `task_assigned:${task.id}:${task.leadOrganisationId}`,
  };
}

export function progressReported(
  task: TaskRef,
  report: ReportRow,
  leadName: string,
): NotificationEvent {
  const percent = report.percent === null ? '' : ` (${report.percent}%)`;
  const cycle = report.cycle ? ` kỳ ${report.cycle}` : '';
  return {
    ...about(task),
    kind: 'progress_reported',
    title: `Báo cáo tiến độ: ${task.title}`,
    body: `${leadName} đã báo cáo tiến độ${cycle}${percent} ngày ${formatDateVi(report.reportedOn)}.`,
    dedupeKey: `progress_reported:${report.id}`,
  };
}

export function taskCompleted(
  task: TaskRef,
  completedOn: string,
  leadName: string,
): NotificationEvent {
  return {
    ...about(task),
    kind: 'progress_reported',
    title: `Đã hoàn thành: ${task.title}`,
    body: `${leadName} báo cáo hoàn thành nhiệm vụ ${quoted(task)} ngày ${formatDateVi(completedOn)}.`,
    dedupeKey: `task_completed:${task.id}:${completedOn}`,
  };
}

export function extensionRequested(
  task: TaskRef,
  ext: ExtensionRow,
  leadName: string,
): NotificationEvent {
  return {
    ...about(task),
    kind: 'extension_requested',
    title: `Đề nghị gia hạn: ${task.title}`,
    body: `${leadName} đề nghị gia hạn từ ${formatDateVi(ext.previousDeadline)} đến ${formatDateVi(ext.requestedDeadline)}. Lý do: ${ext.reason}`,
    dedupeKey: `extension_requested:${ext.id}`,
  };
}

export function extensionDecided(task: TaskRef, ext: ExtensionRow): NotificationEvent {
  const approved = ext.status === 'approved';
  const note = ext.decisionNote ? ` Ý kiến: ${ext.decisionNote}` : '';
  return {
    ...about(task),
    kind: 'extension_decided',
    title: `${approved ? 'Đồng ý' : 'Không đồng ý'} gia hạn: ${task.title}`,
    body: approved
      ? `Hạn hoàn thành mới là ${formatDateVi(ext.requestedDeadline)} (trước đây ${formatDateVi(ext.previousDeadline)}).${note}`
      : `Hạn hoàn thành giữ nguyên ${formatDateVi(ext.previousDeadline)}.${note}`,
    dedupeKey: `extension_decided:${ext.id}`,
  };
}

export function explanationRequested(task: TaskRef, x: ExplanationRow): NotificationEvent {
  const due = x.answerDueOn ? ` trước ngày ${formatDateVi(x.answerDueOn)}` : '';
  return {
    ...about(task),
    kind: 'explanation_requested',
    title: `Yêu cầu giải trình: ${task.title}`,
    body: `Nhiệm vụ ${quoted(task)} đã quá hạn. Đề nghị giải trình${due}: ${x.requestText}`,
    dedupeKey: `explanation_requested:${x.id}`,
  };
}

export function explanationAnswered(
  task: TaskRef,
  x: ExplanationRow,
  leadName: string,
): NotificationEvent {
  return {
    ...about(task),
    kind: 'explanation_answered',
    title: `Đã giải trình: ${task.title}`,
    body: `${leadName} đã giải trình: ${x.answerText ?? ''}`,
    dedupeKey: `explanation_answered:${x.id}`,
  };
}

/* Reminders of the daily job: once per obligation (task and due date, so a cycle or a deadline
   moved by an extension is reminded again), and once per pending extension request. */

export function dueSoonReminder(
  task: TaskRef,
  dueOn: string,
  cycle: string | null,
): NotificationEvent {
  const what = cycle ? `Báo cáo kỳ ${cycle}` : 'Nhiệm vụ';
  return {
    ...about(task),
    kind: 'task_due_soon',
    title: `Sắp đến hạn (${formatDateVi(dueOn)}): ${task.title}`,
    body: `${what} ${quoted(task)} đến hạn ngày ${formatDateVi(dueOn)}.`,
    dedupeKey: `due_soon:${task.id}:${dueOn}`,
  };
}

export function overdueReminder(
  task: TaskRef,
  dueOn: string,
  cycle: string | null,
): NotificationEvent {
  const what = cycle ? `Báo cáo kỳ ${cycle} của nhiệm vụ` : 'Nhiệm vụ';
  return {
    ...about(task),
    kind: 'task_overdue',
    title: `Quá hạn: ${task.title}`,
    body: `${what} ${quoted(task)} đã quá hạn ngày ${formatDateVi(dueOn)} mà chưa ${cycle ? 'có báo cáo' : 'hoàn thành'}.`,
    dedupeKey: `overdue:${task.id}:${dueOn}`,
  };
}

export function extensionWaiting(task: TaskRef, ext: ExtensionRow): NotificationEvent {
  return {
    ...about(task),
    kind: 'extension_requested',
    title: `Đề nghị gia hạn đang chờ quyết định: ${task.title}`,
    body: `Đề nghị gia hạn đến ${formatDateVi(ext.requestedDeadline)} (hạn hiện tại ${formatDateVi(ext.previousDeadline)}) chưa được quyết định.`,
    dedupeKey: `extension_waiting:${ext.id}`,
  };
}
