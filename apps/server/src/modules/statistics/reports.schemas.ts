import { z } from 'zod';
import {
  MAX_VALUES_PER_SAVE,
  PERIOD_FORMS,
  PERIOD_TYPES,
  REPORT_ACTIONS,
  REPORT_STATUSES,
  VALUE_CHANNELS,
} from '@caunoi/shared';
import { indicatorTyping, periodSchema } from './forms.schemas.js';

const uuid = z.uuid({ message: 'Mã định danh (UUID) không hợp lệ.' });
const unitId = z.string().min(3).max(40);
const periodCode = z.string().min(4).max(12);
const code = z.string().min(1).max(60);

export const reportKeysQuery = z.object({ formId: uuid, unitId, periodCode });

export const cellInput = z.object({
  indicatorCode: code,
  optionCode: z.string().max(60).default(''),
  value: z.union([z.string().max(4000), z.number(), z.boolean(), z.null()]).optional(),
  comment: z.string().max(2000).nullable().optional(),
});

export const saveValuesBody = z.object({
  formId: uuid,
  unitId,
  periodCode,
  values: z
    .array(cellInput)
    .min(1, { message: 'Không có ô nào để lưu.' })
    .max(MAX_VALUES_PER_SAVE, { message: `Tối đa ${MAX_VALUES_PER_SAVE} ô mỗi lần lưu.` }),
});

export const actionParams = z.object({ id: uuid, action: z.enum(REPORT_ACTIONS) });
export const actionBody = z.object({
  comment: z
    .string()
    .max(4000)
    .transform((s) => (s.trim() === '' ? null : s.trim()))
    .nullable()
    .default(null),
});

export const historyQuery = reportKeysQuery.extend({
  indicatorCode: code,
  optionCode: z.string().max(60).default(''),
});

const cell = z.object({ indicatorCode: z.string(), optionCode: z.string() });

const storedValue = z.object({
  id: z.string(),
  num: z.number().nullable(),
  txt: z.string().nullable(),
  comment: z.string().nullable(),
  synthetic: z.boolean(),
  channel: z.enum(VALUE_CHANNELS),
  updatedBy: z.string(),
  updatedAt: z.string(),
  evidenceCount: z.number().int(),
});

export const reportViewSchema = z.object({
  id: z.string().nullable(),
  form: z.object({
    id: z.string(),
    code: z.string(),
    nameVi: z.string(),
    nameEn: z.string(),
    periodType: z.enum(PERIOD_TYPES),
    periodForm: z.enum(PERIOD_FORMS),
  }),
  unit: z.object({ id: z.string(), code: z.string(), nameVi: z.string(), nameEn: z.string() }),
  period: periodSchema,
  status: z.enum(REPORT_STATUSES),
  reopened: z.boolean(),
  returnComment: z.string().nullable(),
  firstSubmittedOn: z.string().nullable(),
  timeliness: z.enum(['on_time', 'late', 'pending', 'overdue']),
  editable: z.boolean(),
  lockReason: z.enum(['not_allowed', 'status', 'not_open', 'locked']).nullable(),
  lockMessage: z.string().nullable(),
  actions: z.array(z.enum(REPORT_ACTIONS)),
  indicators: z.array(
    z.object({
      code: z.string(),
      group: z.string(),
      nameVi: z.string(),
      nameEn: z.string(),
      definitionVi: z.string(),
      ...indicatorTyping,
      evidenceRequired: z.boolean(),
      derived: z.number().nullable(),
      cells: z.array(
        z.object({
          optionCode: z.string(),
          optionNameVi: z.string().nullable(),
          optionNameEn: z.string().nullable(),
          value: storedValue.nullable(),
        }),
      ),
    }),
  ),
  rules: z.array(
    z.object({
      code: z.string(),
      expression: z.string(),
      severity: z.enum(['error', 'warning']),
      messageVi: z.string(),
      messageEn: z.string(),
      status: z.enum(['passed', 'failed', 'skipped']),
      left: z.number().nullable(),
      right: z.number().nullable(),
      cells: z.array(cell),
    }),
  ),
  blockers: z.array(
    z.object({
      code: z.enum(['RULE_ERROR', 'WARNING_UNEXPLAINED', 'EVIDENCE_MISSING', 'EMPTY_REPORT']),
      message: z.string(),
      ruleCode: z.string().optional(),
      cells: z.array(cell).optional(),
    }),
  ),
  outliers: z.array(
    z.object({
      indicatorCode: z.string(),
      optionCode: z.string(),
      against: z.enum(['history', 'peers']),
      z: z.number().nullable(),
      modifiedZ: z.number().nullable(),
      references: z.number().int(),
    }),
  ),
  events: z.array(
    z.object({
      action: z.string(),
      fromStatus: z.enum(REPORT_STATUSES),
      toStatus: z.enum(REPORT_STATUSES),
      comment: z.string().nullable(),
      actorUsername: z.string(),
      at: z.string(),
    }),
  ),
});

/** What a save changes in the report's view: see `reportState` in reports.service.ts. */
export const reportStateSchema = reportViewSchema
  .pick({
    id: true,
    status: true,
    reopened: true,
    returnComment: true,
    firstSubmittedOn: true,
    timeliness: true,
    editable: true,
    lockReason: true,
    lockMessage: true,
    actions: true,
    rules: true,
    blockers: true,
    outliers: true,
  })
  .extend({
    cells: z.array(cell.extend({ value: storedValue })),
    derived: z.array(z.object({ indicatorCode: z.string(), value: z.number().nullable() })),
  });

export const saveValuesResponse = z.object({
  summary: z.object({
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
  }),
  state: reportStateSchema,
});

export const historyResponse = z.object({
  items: z.array(
    z.object({
      oldNum: z.number().nullable(),
      oldTxt: z.string().nullable(),
      newNum: z.number().nullable(),
      newTxt: z.string().nullable(),
      oldComment: z.string().nullable(),
      newComment: z.string().nullable(),
      channel: z.enum(VALUE_CHANNELS),
      batchId: z.string().nullable(),
      actorUsername: z.string(),
      at: z.string(),
    }),
  ),
});
