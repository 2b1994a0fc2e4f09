import { z } from 'zod';
import {
  DIRECTIONS,
  INDICATOR_CODE,
  PERIOD_AGGREGATIONS,
  PERIOD_FORMS,
  PERIOD_TYPES,
  UNIT_AGGREGATIONS,
  VALUE_TYPES,
} from '@caunoi/shared';
import { isoDate, optionalText, text } from '../../http/schemas.js';

const formCode = z
  .string()
  .trim()
  .regex(/^[A-Z0-9][A-Z0-9._-]{1,39}$/, {
    message: 'Mã biểu mẫu gồm chữ in hoa, chữ số, dấu chấm, gạch ngang (2–40 ký tự).',
  });
const indicatorCode = z
  .string()
  .regex(INDICATOR_CODE, { message: 'Mã chỉ tiêu gồm chữ in hoa, chữ số và dấu gạch dưới.' });
const days = z.number().int().min(-366).max(3660);

const formFields = {
  code: formCode,
  nameVi: text(300),
  nameEn: text(300),
  description: optionalText(4000),
  periodType: z.enum(PERIOD_TYPES),
  periodForm: z.enum(PERIOD_FORMS),
  opensAfterDays: days,
  deadlineAfterDays: days,
  locksAfterDays: days,
  firstPeriod: z.string().trim().min(4).max(12),
  active: z.boolean(),
  indicators: z
    .array(indicatorCode)
    .min(1, { message: 'Biểu mẫu cần ít nhất một chỉ tiêu.' })
    .max(2000),
  units: z.array(z.string().min(3).max(40)).max(500),
};

export const createFormBody = z.object({
  ...formFields,
  description: formFields.description.default(null),
  active: formFields.active.default(true),
});

export const updateFormBody = z
  .object(formFields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'Không có thay đổi nào.' });

export const periodScheduleBody = z.object({
  opensOn: isoDate,
  deadline: isoDate,
  locksOn: isoDate,
});

export const formPeriodParams = z.object({
  id: z.uuid({ message: 'Mã định danh (UUID) không hợp lệ.' }),
  period: z.string().min(4).max(12),
});

const formBase = z.object({
  id: z.string(),
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  description: z.string().nullable(),
  periodType: z.enum(PERIOD_TYPES),
  periodForm: z.enum(PERIOD_FORMS),
  opensAfterDays: z.number().int(),
  deadlineAfterDays: z.number().int(),
  locksAfterDays: z.number().int(),
  firstPeriod: z.string(),
  active: z.boolean(),
});

export const periodSchema = z.object({
  code: z.string(),
  labelVi: z.string(),
  labelEn: z.string(),
  start: z.string(),
  end: z.string(),
  opensOn: z.string(),
  deadline: z.string(),
  locksOn: z.string(),
});

export const formListResponse = z.object({
  items: z.array(
    formBase.extend({ indicatorCount: z.number().int(), unitCount: z.number().int() }),
  ),
});

export const formDetailSchema = formBase.extend({
  indicators: z.array(z.string()),
  units: z.array(z.string()),
  /** Periods already open, newest first, with their dates. */
  periods: z.array(periodSchema),
  /** The caller may change the form (the Ministry). */
  canManage: z.boolean(),
});

const labelled = { code: z.string(), nameVi: z.string(), nameEn: z.string() };

/** How an indicator is typed and added up: shared by the catalogue and the report view. */
export const indicatorTyping = {
  unitVi: z.string(),
  unitEn: z.string(),
  valueType: z.enum(VALUE_TYPES),
  unitAggregation: z.enum(UNIT_AGGREGATIONS),
  ratio: z
    .object({ numerator: z.string(), denominator: z.string(), factor: z.number() })
    .nullable(),
};

export const catalogueResponse = z.object({
  groups: z.array(z.object(labelled)),
  disaggregations: z.array(z.object({ ...labelled, options: z.array(z.object(labelled)) })),
  indicators: z.array(
    z.object({
      ...labelled,
      group: z.string(),
      definitionVi: z.string(),
      definitionEn: z.string(),
      ...indicatorTyping,
      periodAggregation: z.enum(PERIOD_AGGREGATIONS),
      direction: z.enum(DIRECTIONS),
      sourceVi: z.string(),
      legalBasis: z.string(),
      evidenceRequired: z.boolean(),
      disaggregation: z.string().nullable(),
    }),
  ),
  rules: z.array(
    z.object({
      code: z.string(),
      expression: z.string(),
      severity: z.enum(['error', 'warning']),
      messageVi: z.string(),
      messageEn: z.string(),
      scopeFormCodes: z.array(z.string()).nullable(),
      scopeUnitIds: z.array(z.string()).nullable(),
    }),
  ),
  /** Values generated for demonstration exist: every view and export labels them. */
  syntheticValues: z.boolean(),
});
