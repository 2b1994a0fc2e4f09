import { z } from 'zod';
import {
  COMPLETION_FACETS,
  LIMITS,
  RECURRENCES,
  REQUEST_STATUSES,
  TASK_PRIORITIES,
  TASK_SOURCE_KINDS,
  TIMELINESS_FACETS,
} from '@caunoi/shared';
import { isoDate, optionalText, pageMeta, paging, text } from '../../http/schemas.js';
import { unitRefSchema } from '../programmes/lineage.js';

const uuid = (what: string) => z.uuid({ message: `${what} không hợp lệ.` });

const sourceKind = z.enum(TASK_SOURCE_KINDS, {
  message: `Nguồn nhiệm vụ phải là một trong: ${TASK_SOURCE_KINDS.join(', ')}.`,
});
const priority = z.enum(TASK_PRIORITIES, {
  message: `Mức ưu tiên phải là một trong: ${TASK_PRIORITIES.join(', ')}.`,
});
const recurrence = z.enum(RECURRENCES, {
  message: `Chu kỳ phải là một trong: ${RECURRENCES.join(', ')}.`,
});
/** A query-string flag: true/false (or 1/0). */
const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();

/* ───────── Writing ───────── */

/** What a task is, whichever way it is created. */
const taskFields = {
  number: optionalText(20).meta({
    description: 'Số thứ tự trong nguồn (vd. 2, 1.3); bỏ trống để tự đánh số',
  }),
  title: text(LIMITS.nameMax),
  description: optionalText(),
  leadOrganisationId: uuid('Đơn vị chủ trì'),
  cooperatorOrganisationIds: z
    .array(uuid('Đơn vị phối hợp'))
    .max(50)
    .default([])
    .meta({ description: 'Đơn vị phối hợp (của Bộ hoặc địa phương)' }),
  deadline: isoDate
    .nullable()
    .optional()
    .meta({ description: 'Hạn hoàn thành (nhiệm vụ có thời hạn)' }),
  recurrence: recurrence
    .nullable()
    .optional()
    .meta({ description: 'Chu kỳ báo cáo (nhiệm vụ thường xuyên, không có hạn cố định)' }),
  recurrenceEndsOn: isoDate
    .nullable()
    .optional()
    .meta({ description: 'Ngày kết thúc nghĩa vụ định kỳ (bỏ trống: không thời hạn)' }),
  expectedProduct: optionalText(LIMITS.nameMax),
  priority: priority.default('normal'),
};

const assignment = {
  assignedOn: isoDate.optional().meta({ description: 'Ngày giao (mặc định hôm nay)' }),
  assignedByOrganisationId: uuid('Cơ quan giao')
    .optional()
    .meta({ description: 'Cơ quan giao nhiệm vụ (mặc định Bộ KH&CN)' }),
};

const source = { sourceKind, sourceId: uuid('Nguồn nhiệm vụ') };

export const createTaskBody = z.object({ ...source, ...assignment, ...taskFields });

export const batchTaskItem = z.object(taskFields);
export const batchTasksBody = z.object({
  ...source,
  ...assignment,
  tasks: z
    .array(batchTaskItem)
    .min(1, { message: 'Cần ít nhất một nhiệm vụ.' })
    .max(100, { message: 'Tối đa 100 nhiệm vụ mỗi lần.' }),
});

export const updateTaskBody = z
  .object({
    number: taskFields.number,
    title: text(LIMITS.nameMax).optional(),
    description: taskFields.description,
    leadOrganisationId: taskFields.leadOrganisationId.optional(),
    cooperatorOrganisationIds: z.array(uuid('Đơn vị phối hợp')).max(50).optional(),
    assignedOn: isoDate.optional(),
    assignedByOrganisationId: uuid('Cơ quan giao').optional(),
    deadline: taskFields.deadline,
    recurrence: taskFields.recurrence,
    recurrenceEndsOn: taskFields.recurrenceEndsOn,
    expectedProduct: taskFields.expectedProduct,
    priority: priority.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'Không có trường nào để cập nhật.' });

export const reportBody = z.object({
  reportedOn: isoDate.optional().meta({ description: 'Ngày báo cáo (mặc định hôm nay)' }),
  cycle: z
    .string()
    .max(10)
    .nullable()
    .optional()
    .meta({ description: 'Kỳ báo cáo của nhiệm vụ định kỳ: 2025M07, 2025Q3, 2025H1, 2025' }),
  narrative: text(LIMITS.textMax),
  percent: z
    .number({ message: 'Tỷ lệ hoàn thành phải là số.' })
    .int({ message: 'Tỷ lệ hoàn thành phải là số nguyên.' })
    .min(0, { message: 'Tỷ lệ từ 0 đến 100.' })
    .max(100, { message: 'Tỷ lệ từ 0 đến 100.' })
    .nullable()
    .optional(),
  difficulties: optionalText(),
  requests: optionalText(),
});

export const completeBody = z.object({
  completedOn: isoDate.optional().meta({ description: 'Ngày hoàn thành (mặc định hôm nay)' }),
  output: text(LIMITS.textMax).meta({
    description: 'Sản phẩm / văn bản đầu ra (tệp đính kèm: mục đích output)',
  }),
});

export const extensionBody = z.object({
  requestedDeadline: isoDate,
  reason: text(LIMITS.textMax),
});

export const decisionBody = z.object({
  approve: z.boolean({ message: 'Chọn đồng ý (true) hoặc không đồng ý (false).' }),
  note: optionalText(),
});

export const explanationBody = z.object({
  requestText: text(LIMITS.textMax),
  answerDueOn: isoDate.nullable().optional().meta({ description: 'Hạn giải trình' }),
});

export const answerBody = z.object({ answerText: text(LIMITS.textMax) });

/* ───────── Reading ───────── */

export const listTasksQuery = z.object({
  q: z.string().max(LIMITS.searchMax).optional().meta({ description: 'Tìm theo nội dung' }),
  sourceKind: sourceKind.optional(),
  sourceId: z.uuid().optional(),
  leadOrganisationId: z.uuid().optional(),
  leadUnitId: z
    .string()
    .max(40)
    .optional()
    .meta({ description: 'Tỉnh chủ trì (mã@ngày); gồm cả các tỉnh trước sắp xếp đã hợp thành' }),
  completion: z.enum(COMPLETION_FACETS).optional(),
  timeliness: z.enum(TIMELINESS_FACETS).optional(),
  dueSoon: flag,
  hasPendingExtension: flag,
  hasOpenExplanation: flag,
  deadlineFrom: isoDate.optional(),
  deadlineTo: isoDate.optional(),
  priority: priority.optional(),
  sort: z.enum(['deadline', '-deadline', 'assignedOn', '-assignedOn']).default('deadline'),
  ...paging,
});

const facetFields = {
  completion: z.enum(COMPLETION_FACETS),
  timeliness: z.enum(TIMELINESS_FACETS),
  dueSoon: z.boolean(),
  daysLate: z.number().int(),
};

const orgRef = z.object({ id: z.string(), nameVi: z.string(), unit: unitRefSchema.nullable() });

export const sourceSchema = z.object({
  kind: sourceKind,
  id: z.string(),
  /** "Thông báo kết luận số 123/TB-BKHCN ngày 20/05/2023", "Chỉ đạo 2 — …" */
  label: z.string(),
  /** The page showing the source in the web app. */
  path: z.string().nullable(),
});

export const taskSummarySchema = z
  .object({
    id: z.string(),
    number: z.string().nullable(),
    title: z.string(),
    source: sourceSchema,
    leadOrganisation: orgRef,
    cooperators: z.array(orgRef),
    assignedOn: z.string(),
    deadline: z.string().nullable(),
    originalDeadline: z.string().nullable(),
    recurrence: recurrence.nullable(),
    recurrenceEndsOn: z.string().nullable(),
    /** The date the task answers to now (deadline, or the next cycle's end). */
    dueOn: z.string().nullable(),
    priority,
    completedOn: z.string().nullable(),
    ...facetFields,
    latestPercent: z.number().int().nullable(),
    pendingExtension: z.boolean(),
    openExplanations: z.number().int(),
  })
  .meta({ id: 'TaskSummary' });

export const taskListResponse = z.object({ ...pageMeta, items: z.array(taskSummarySchema) });

const userRef = z.object({ id: z.string(), displayName: z.string() }).nullable();

export const reportSchema = z
  .object({
    id: z.string(),
    reportedOn: z.string(),
    cycle: z.string().nullable(),
    narrative: z.string(),
    percent: z.number().int().nullable(),
    difficulties: z.string().nullable(),
    requests: z.string().nullable(),
    reportedBy: userRef,
    createdAt: z.string(),
  })
  .meta({ id: 'TaskReport' });

export const extensionSchema = z
  .object({
    id: z.string(),
    taskId: z.string(),
    previousDeadline: z.string(),
    requestedDeadline: z.string(),
    reason: z.string(),
    status: z.enum(REQUEST_STATUSES),
    requestedBy: userRef,
    requestedAt: z.string(),
    decidedBy: userRef,
    decidedAt: z.string().nullable(),
    decisionNote: z.string().nullable(),
  })
  .meta({ id: 'TaskExtension' });

export const explanationSchema = z
  .object({
    id: z.string(),
    taskId: z.string(),
    requestText: z.string(),
    answerDueOn: z.string().nullable(),
    requestedBy: userRef,
    requestedAt: z.string(),
    answerText: z.string().nullable(),
    answeredBy: userRef,
    answeredAt: z.string().nullable(),
  })
  .meta({ id: 'TaskExplanation' });

export const obligationSchema = z.object({
  cycle: z.string().nullable(),
  startsOn: z.string(),
  dueOn: z.string(),
  closedOn: z.string().nullable(),
  ...facetFields,
});

export const taskDetailSchema = taskSummarySchema
  .extend({
    description: z.string().nullable(),
    expectedProduct: z.string().nullable(),
    assignedBy: z.object({ id: z.string(), nameVi: z.string() }),
    completionOutput: z.string().nullable(),
    doneOn: z.string().nullable(),
    obligations: z.array(obligationSchema),
    reports: z.array(reportSchema),
    extensions: z.array(extensionSchema),
    explanations: z.array(explanationSchema),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** What the caller may do on this task. */
    can: z.object({
      edit: z.boolean(),
      delete: z.boolean(),
      report: z.boolean(),
      complete: z.boolean(),
      reopen: z.boolean(),
      requestExtension: z.boolean(),
      decideExtension: z.boolean(),
      requestExplanation: z.boolean(),
      answerExplanation: z.boolean(),
      /** Add or remove the task's files (evidence, output) and its reports' evidence. */
      attach: z.boolean(),
    }),
  })
  .meta({ id: 'TaskDetail' });

export const batchResponse = z.object({ items: z.array(taskSummarySchema) });

/* ───────── League tables ───────── */

export const leagueQuery = z.object({
  groupBy: z
    .enum(['organisation', 'province'], {
      message: 'Nhóm theo organisation (đơn vị chủ trì) hoặc province (tỉnh, thành phố).',
    })
    .default('province'),
  from: isoDate.optional().meta({ description: 'Tính các nghĩa vụ có hạn từ ngày này' }),
  to: isoDate.optional().meta({ description: 'đến ngày này (gồm cả hai đầu)' }),
  sourceKind: sourceKind.optional(),
});

const counts = {
  doneOnTime: z.number().int(),
  doneLate: z.number().int(),
  openWithinDeadline: z.number().int(),
  openOverdue: z.number().int(),
  dueSoon: z.number().int(),
  total: z.number().int(),
  /** doneOnTime / (doneOnTime + doneLate); null when nothing is done. */
  onTimeRate: z.number().nullable(),
};

export const leagueRowSchema = z.object({
  rank: z.number().int(),
  key: z.string(),
  name: z.string(),
  organisationId: z.string().nullable(),
  /** Today's province (for a former province, the one that succeeded it). */
  unit: z.object({ id: z.string(), nameVi: z.string() }).nullable(),
  ...counts,
});

export const leagueResponse = z
  .object({
    meta: z.object({
      groupBy: z.enum(['organisation', 'province']),
      from: z.string().nullable(),
      to: z.string().nullable(),
      sourceKind: sourceKind.nullable(),
      today: z.string(),
      dueSoonDays: z.number().int(),
      formula: z.string(),
      notes: z.array(z.string()),
    }),
    rows: z.array(leagueRowSchema),
    totals: z.object(counts),
  })
  .meta({ id: 'TaskLeague' });
