/** Cooperation programmes (chương trình phối hợp). "expired" is derived from the period, never stored. */
export const PROGRAMME_STATUSES = ['draft', 'in_force', 'expired', 'superseded'] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];
export const STORED_PROGRAMME_STATUSES = ['draft', 'in_force', 'superseded'] as const;

export const PROGRAMME_STATUS_LABELS: Record<ProgrammeStatus, { vi: string; en: string }> = {
  draft: { vi: 'Dự thảo', en: 'Draft' },
  in_force: { vi: 'Đang hiệu lực', en: 'In force' },
  expired: { vi: 'Hết hiệu lực', en: 'Expired' },
  superseded: { vi: 'Đã được thay thế', en: 'Superseded' },
};

/** Engagements (sự kiện): meetings between the Ministry and provinces. */
export const ENGAGEMENT_KINDS = [
  'working_session',
  'conference',
  'signing_ceremony',
  'field_survey',
] as const;
export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number];

export const ENGAGEMENT_KIND_LABELS: Record<EngagementKind, { vi: string; en: string }> = {
  working_session: { vi: 'Buổi làm việc', en: 'Working session' },
  conference: { vi: 'Hội nghị', en: 'Conference' },
  signing_ceremony: { vi: 'Lễ ký kết', en: 'Signing ceremony' },
  field_survey: { vi: 'Khảo sát', en: 'Field survey' },
};

export const PARTICIPANT_SIDES = ['ministry', 'province', 'other'] as const;
export type ParticipantSide = (typeof PARTICIPANT_SIDES)[number];

/** Proposals (kiến nghị, đề xuất) a province puts to the Ministry. */
export const PROPOSAL_CATEGORIES = [
  'policy',
  'funding',
  'national_task',
  'technology_appraisal',
  'training',
  'other',
] as const;
export type ProposalCategory = (typeof PROPOSAL_CATEGORIES)[number];

export const PROPOSAL_CATEGORY_LABELS: Record<ProposalCategory, { vi: string; en: string }> = {
  policy: { vi: 'Cơ chế, chính sách', en: 'Policy and mechanisms' },
  funding: { vi: 'Kinh phí', en: 'Funding' },
  national_task: { vi: 'Nhiệm vụ KH&CN cấp quốc gia', en: 'National-level S&T task' },
  technology_appraisal: { vi: 'Hỗ trợ thẩm định công nghệ', en: 'Technology appraisal support' },
  training: { vi: 'Đào tạo, nguồn nhân lực', en: 'Training and human resources' },
  other: { vi: 'Khác', en: 'Other' },
};

export const PROPOSAL_ANSWERS = [
  'agreed',
  'agreed_with_conditions',
  'under_study',
  'not_agreed',
] as const;
export type ProposalAnswer = (typeof PROPOSAL_ANSWERS)[number];

export const PROPOSAL_ANSWER_LABELS: Record<ProposalAnswer, { vi: string; en: string }> = {
  agreed: { vi: 'Đồng ý', en: 'Agreed' },
  agreed_with_conditions: { vi: 'Đồng ý có điều kiện', en: 'Agreed with conditions' },
  under_study: { vi: 'Đang nghiên cứu', en: 'Under study' },
  not_agreed: { vi: 'Không đồng ý', en: 'Not agreed' },
};

/** Where a task comes from. */
export const TASK_SOURCE_KINDS = [
  'conclusion_notice',
  'directive',
  'programme_content',
  'proposal',
] as const;
export type TaskSourceKind = (typeof TASK_SOURCE_KINDS)[number];

export const TASK_SOURCE_LABELS: Record<TaskSourceKind, { vi: string; en: string }> = {
  conclusion_notice: { vi: 'Thông báo kết luận', en: 'Conclusion notice' },
  directive: { vi: 'Chỉ đạo', en: 'Directive' },
  programme_content: { vi: 'Chương trình phối hợp', en: 'Cooperation programme' },
  proposal: { vi: 'Kiến nghị đã trả lời', en: 'Answered proposal' },
};

export const TASK_PRIORITIES = ['high', 'normal', 'low'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

export const TASK_PRIORITY_LABELS: Record<TaskPriority, { vi: string; en: string }> = {
  high: { vi: 'Cao', en: 'High' },
  normal: { vi: 'Bình thường', en: 'Normal' },
  low: { vi: 'Thấp', en: 'Low' },
};

/** Reporting cycles of periodic ("thường xuyên") tasks. */
export const RECURRENCES = ['monthly', 'quarterly', 'half_yearly', 'yearly'] as const;
export type Recurrence = (typeof RECURRENCES)[number];

export const RECURRENCE_LABELS: Record<Recurrence, { vi: string; en: string }> = {
  monthly: { vi: 'Hằng tháng', en: 'Monthly' },
  quarterly: { vi: 'Hằng quý', en: 'Quarterly' },
  half_yearly: { vi: 'Sáu tháng một lần', en: 'Half-yearly' },
  yearly: { vi: 'Hằng năm', en: 'Yearly' },
};

/** The two facets Vietnamese government reports count tasks by. */
export const COMPLETION_FACETS = ['open', 'done'] as const;
export type CompletionFacet = (typeof COMPLETION_FACETS)[number];
export const TIMELINESS_FACETS = ['within_deadline', 'overdue', 'on_time', 'late'] as const;
export type TimelinessFacet = (typeof TIMELINESS_FACETS)[number];

export const COMPLETION_LABELS: Record<CompletionFacet, { vi: string; en: string }> = {
  open: { vi: 'Chưa hoàn thành', en: 'Not completed' },
  done: { vi: 'Đã hoàn thành', en: 'Completed' },
};

export const TIMELINESS_LABELS: Record<TimelinessFacet, { vi: string; en: string }> = {
  within_deadline: { vi: 'Trong hạn', en: 'Within deadline' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  on_time: { vi: 'Đúng hạn', en: 'On time' },
  late: { vi: 'Quá hạn', en: 'Late' },
};

export const REQUEST_STATUSES = ['pending', 'approved', 'refused'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const NOTIFICATION_KINDS = [
  'task_assigned',
  'task_due_soon',
  'task_overdue',
  'extension_requested',
  'extension_decided',
  'explanation_requested',
  'explanation_answered',
  'progress_reported',
  'proposal_answered',
  'report_submitted',
  'report_approved',
  'report_accepted',
  'report_returned',
  'report_reopened',
  'report_reminder',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Roadmap scoring criteria (each scored 1–5 by the province; higher is better, so a cheap proposal scores high on cost). */
export const ROADMAP_CRITERIA = ['alignment', 'impact', 'readiness', 'cost'] as const;
export type RoadmapCriterion = (typeof ROADMAP_CRITERIA)[number];

export const ROADMAP_CRITERION_LABELS: Record<RoadmapCriterion, { vi: string; en: string }> = {
  alignment: { vi: 'Phù hợp chiến lược của tỉnh', en: 'Alignment with the provincial strategy' },
  impact: { vi: 'Tác động dự kiến', en: 'Expected impact' },
  readiness: { vi: 'Mức độ sẵn sàng', en: 'Readiness' },
  cost: { vi: 'Chi phí (điểm cao = chi phí thấp)', en: 'Cost (high score = low cost)' },
};

export const DEFAULT_ROADMAP_WEIGHTS: Record<RoadmapCriterion, number> = {
  alignment: 0.3,
  impact: 0.35,
  readiness: 0.2,
  cost: 0.15,
};

/** Days before a deadline when a task counts as "sắp đến hạn" (configurable). */
export const DEFAULT_DUE_SOON_DAYS = 7;

/** Kinds of files attached to records. */
export const ATTACHMENT_PURPOSES = [
  'signed_document',
  'evidence',
  'minutes',
  'output',
  'other',
] as const;
export type AttachmentPurpose = (typeof ATTACHMENT_PURPOSES)[number];
