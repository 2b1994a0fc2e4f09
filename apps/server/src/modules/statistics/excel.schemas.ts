import { z } from 'zod';
import { MAX_TEMPLATE_UNITS } from './excel.service.js';

const uuid = z.uuid({ message: 'Mã định danh (UUID) không hợp lệ.' });
const unitId = z.string().min(3).max(40);
const periodCode = z.string().min(4).max(12);

export const templateQuery = z.object({
  formId: uuid,
  periodCode,
  unitIds: z
    .string()
    .max(4000)
    .optional()
    .transform((s) =>
      s === undefined
        ? undefined
        : s
            .split(',')
            .map((id) => id.trim())
            .filter(Boolean),
    )
    .pipe(
      z
        .array(unitId)
        .min(1, { message: 'Chọn ít nhất một đơn vị.' })
        .max(MAX_TEMPLATE_UNITS, {
          message: `Tối đa ${MAX_TEMPLATE_UNITS} đơn vị trong một tệp.`,
        })
        .optional(),
    )
    .meta({
      description:
        'Mã đơn vị, cách nhau bởi dấu phẩy (31@2025-07-01,37@2025-07-01). Bỏ trống: mọi đơn vị báo cáo kỳ này mà người gọi được xem.',
    }),
});

export const uploadQuery = z.object({
  dryRun: z
    .enum(['true', 'false'], { message: 'dryRun phải là true hoặc false.' })
    .default('true')
    .transform((v) => v === 'true')
    .meta({ description: 'true (mặc định): chỉ xem trước, không ghi. false: ghi số liệu.' }),
  formId: uuid.optional(),
  periodCode: periodCode.optional(),
  unitId: unitId.optional(),
});

const valuePair = z.object({ num: z.number().nullable(), txt: z.string().nullable() });
const issue = z.object({
  sheet: z.string(),
  cell: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});

export const uploadResponse = z
  .object({
    dryRun: z.boolean(),
    committed: z.boolean(),
    uploadId: z.string().nullable(),
    workbook: z.object({
      formId: z.string(),
      formCode: z.string(),
      periodCode: z.string(),
      units: z.array(z.object({ unitId: z.string(), nameVi: z.string(), sheet: z.string() })),
    }),
    summary: z.object({
      created: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
      errors: z.number().int(),
      warnings: z.number().int(),
    }),
    changes: z.array(
      z.object({
        sheet: z.string(),
        cell: z.string(),
        unitId: z.string(),
        indicatorCode: z.string(),
        optionCode: z.string(),
        old: valuePair.nullable(),
        new: valuePair,
        comment: z.string().nullable().optional(),
      }),
    ),
    errors: z.array(issue),
    warnings: z.array(issue),
  })
  .meta({ id: 'StatisticsUpload' });
