import { z } from 'zod';
import { REPORT_STATUSES } from '@caunoi/shared';
import { periodSchema } from './forms.schemas.js';

const uuid = z.uuid({ message: 'Mã định danh (UUID) không hợp lệ.' });
const periodCode = z.string().min(4).max(12);

export const completenessQuery = z.object({ formId: uuid, periodCode });
export const trendQuery = z.object({ formId: uuid, from: periodCode, to: periodCode });
export const remindBody = z.object({
  formId: uuid,
  periodCode,
  unitIds: z.array(z.string().min(3).max(40)).min(1).max(200).optional(),
});

const rate = z.number().nullable();

export const completenessResponse = z.object({
  form: z.object({ id: z.string(), code: z.string(), nameVi: z.string(), nameEn: z.string() }),
  period: periodSchema,
  summary: z.object({
    expected: z.number().int(),
    notStarted: z.number().int(),
    draft: z.number().int(),
    submitted: z.number().int(),
    approved: z.number().int(),
    accepted: z.number().int(),
    onTime: z.number().int(),
    late: z.number().int(),
    pending: z.number().int(),
    overdue: z.number().int(),
    reportingRate: rate,
    timelyRate: rate,
  }),
  units: z.array(
    z.object({
      unitId: z.string(),
      code: z.string(),
      nameVi: z.string(),
      nameEn: z.string(),
      regionVi: z.string(),
      status: z.enum(REPORT_STATUSES),
      timeliness: z.enum(['on_time', 'late', 'pending', 'overdue']),
      firstSubmittedOn: z.string().nullable(),
      reportId: z.string().nullable(),
    }),
  ),
});

export const trendResponse = z.object({
  items: z.array(
    z.object({
      periodCode: z.string(),
      labelVi: z.string(),
      labelEn: z.string(),
      expected: z.number().int(),
      reported: z.number().int(),
      onTime: z.number().int(),
      reportingRate: rate,
      timelyRate: rate,
    }),
  ),
});

export const remindResponse = z.object({
  units: z.number().int(),
  notifications: z.number().int(),
});
