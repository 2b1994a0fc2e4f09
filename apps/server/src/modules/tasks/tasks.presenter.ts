import { formatDateVi } from '@caunoi/shared';
import { unitRef, type CoordinationEnv } from '../programmes/lineage.js';
import type { ReportRow, TaskView } from './tasks.repo.js';
import type { TaskDetail, TaskSummary } from './tasks.service.js';

const shorten = (text: string, max = 90) =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;

/** Where the task comes from, named as a civil servant would cite it, with its page. */
export function presentSource(v: TaskView) {
  const base = { kind: v.sourceKind };
  switch (v.sourceKind) {
    case 'conclusion_notice':
      return {
        ...base,
        id: v.conclusionNoticeId!,
        label: `Thông báo kết luận số ${v.notice?.documentNumber ?? '—'} ngày ${formatDateVi(v.notice?.issuedOn)}`,
        path: v.notice?.engagementId ? `/engagements/${v.notice.engagementId}` : null,
      };
    case 'directive':
      return {
        ...base,
        id: v.directiveId!,
        label: `Chỉ đạo ${v.directive?.number ?? ''}${v.directive?.engagementTitle ? ` tại ${v.directive.engagementTitle}` : ''}: ${shorten(v.directive?.text ?? '')}`,
        path: v.directive?.engagementId ? `/engagements/${v.directive.engagementId}` : null,
      };
    case 'programme_content':
      return {
        ...base,
        id: v.programmeContentId!,
        label: `${v.content?.programmeTitle ?? 'Chương trình phối hợp'} — nội dung ${v.content?.number ?? ''}: ${shorten(v.content?.title ?? '')}`,
        path: v.content?.programmeId ? `/programmes/${v.content.programmeId}` : null,
      };
    case 'proposal':
      return {
        ...base,
        id: v.proposalId!,
        label: `Kiến nghị: ${shorten(v.proposal?.title ?? '')}`,
        path: `/proposals/${v.proposalId}`,
      };
  }
}

const orgRef = (env: CoordinationEnv, id: string, nameVi: string, unitId: string | null) => ({
  id,
  nameVi,
  unit: unitId ? unitRef(env, unitId) : null,
});

export function presentSummary(env: CoordinationEnv, s: TaskSummary) {
  const { view: v, evaluation: e } = s;
  return {
    id: v.id,
    number: v.number,
    title: v.title,
    source: presentSource(v),
    leadOrganisation: orgRef(env, v.leadOrganisationId, v.leadName, v.leadUnitId),
    cooperators: s.cooperators.map((c) => orgRef(env, c.organisationId, c.nameVi, c.unitId)),
    assignedOn: v.assignedOn,
    deadline: v.deadline,
    originalDeadline: v.originalDeadline,
    recurrence: v.recurrence,
    recurrenceEndsOn: v.recurrenceEndsOn,
    dueOn: e.dueOn,
    priority: v.priority,
    completedOn: v.completedOn,
    completion: e.completion,
    timeliness: e.timeliness,
    dueSoon: e.dueSoon,
    daysLate: e.daysLate,
    latestPercent: s.latestPercent,
    pendingExtension: v.pendingExtension,
    openExplanations: Number(v.openExplanations),
  };
}

type UserRef = { id: string; displayName: string } | null;

export function presentReport(r: ReportRow, reportedBy: UserRef) {
  return {
    id: r.id,
    reportedOn: r.reportedOn,
    cycle: r.cycle,
    narrative: r.narrative,
    percent: r.percent,
    difficulties: r.difficulties,
    requests: r.requests,
    reportedBy,
    createdAt: r.createdAt.toISOString(),
  };
}

export function presentDetail(env: CoordinationEnv, d: TaskDetail) {
  const v = d.view;
  const user = (id: string | null): UserRef =>
    id ? { id, displayName: d.userNames.get(id) ?? 'Tài khoản đã xóa' } : null;
  const iso = (at: Date | null) => at?.toISOString() ?? null;
  return {
    ...presentSummary(env, d),
    description: v.description,
    expectedProduct: v.expectedProduct,
    assignedBy: { id: v.assignedByOrganisationId, nameVi: v.assignedByName },
    completionOutput: v.completionOutput,
    doneOn: d.evaluation.doneOn,
    obligations: d.evaluation.obligations,
    reports: d.reports.map((r) => presentReport(r, user(r.reportedBy))),
    extensions: d.extensions.map((x) => ({
      id: x.id,
      taskId: x.taskId,
      previousDeadline: x.previousDeadline,
      requestedDeadline: x.requestedDeadline,
      reason: x.reason,
      status: x.status,
      requestedBy: user(x.requestedBy),
      requestedAt: x.requestedAt.toISOString(),
      decidedBy: user(x.decidedBy),
      decidedAt: iso(x.decidedAt),
      decisionNote: x.decisionNote,
    })),
    explanations: d.explanations.map((x) => ({
      id: x.id,
      taskId: x.taskId,
      requestText: x.requestText,
      answerDueOn: x.answerDueOn,
      requestedBy: user(x.requestedBy),
      requestedAt: x.requestedAt.toISOString(),
      answerText: x.answerText,
      answeredBy: user(x.answeredBy),
      answeredAt: iso(x.answeredAt),
    })),
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
    can: d.can,
  };
}
