import { z } from 'zod';
import {
  PII_NODE_TYPES,
  PII_PLACEMENT,
  PII_UNIT_BASES,
  type PiiEdition,
  type PiiEditionSummary,
  type PiiNode,
  type PiiPublishedResult,
} from '@caunoi/shared';
import { optionalText, text } from '../../http/schemas.js';

/** The most rows a framework may have (the PII has about 80). */
export const MAX_NODES = 2000;

const year = z
  .number({ message: 'Năm phải là một số nguyên.' })
  .int({ message: 'Năm phải là một số nguyên.' })
  .min(2000, { message: 'Năm không hợp lệ.' })
  .max(2100, { message: 'Năm không hợp lệ.' });

const nullableText = (max: number) => optionalText(max).transform((v) => v ?? null);

const code = z
  .string({ message: 'Mã phải là chuỗi ký tự.' })
  .transform((s) => s.normalize('NFC').trim())
  .pipe(
    z.string().min(1, { message: 'Không được để trống.' }).max(64, { message: 'Tối đa 64 ký tự.' }),
  );
const nullableCode = z
  .string()
  .max(64, { message: 'Tối đa 64 ký tự.' })
  .transform((s) => {
    const t = s.normalize('NFC').trim();
    return t === '' ? null : t;
  })
  .nullable()
  .optional()
  .transform((v) => v ?? null);

export const nodeBody = z.object({
  code,
  type: z.enum(PII_NODE_TYPES, {
    message: 'Loại dòng phải là Indicator, Aggregate, Denominator hoặc Group.',
  }),
  level: z
    .number({ message: 'Cấp phải là một số nguyên.' })
    .int({ message: 'Cấp phải là một số nguyên.' })
    .min(1, { message: 'Cấp thấp nhất là 1.' })
    .max(20, { message: 'Cấp cao nhất là 20.' })
    .nullable(),
  nameVi: text(500),
  nameEn: nullableText(500),
  parent: nullableCode,
  weight: z
    .number({ message: 'Trọng số phải là một số.' })
    .min(0, { message: 'Trọng số không được âm.' })
    .max(1e9, { message: 'Trọng số quá lớn.' }),
  direction: z.union([z.literal(1), z.literal(-1)], {
    message: 'Chiều tác động phải là 1 hoặc -1.',
  }),
  denominator: nullableCode,
  sourceIndicator: nullableCode,
  unitVi: nullableText(200),
  placement: z
    .enum(PII_PLACEMENT, { message: 'Vị trí phải là confirmed hoặc inferred.' })
    .nullable()
    .optional()
    .transform((v) => v ?? null),
}) satisfies z.ZodType<PiiNode, unknown>;

export const createEditionBody = z.object({
  year,
  title: text(200),
  unitBasis: z.enum(PII_UNIT_BASES, {
    message: 'Phạm vi đơn vị phải là provinces-63 hoặc provinces-34.',
  }),
  dataYear: year,
  notes: optionalText(4000),
  copyFrom: z.uuid({ message: 'Mã ấn bản (UUID) không hợp lệ.' }).optional(),
});
export type CreateEditionInput = z.output<typeof createEditionBody>;

export const updateEditionBody = z.object({
  title: text(200),
  dataYear: year,
  notes: optionalText(4000),
  config: z.record(z.string(), z.unknown(), {
    message: 'Cấu hình tính toán phải là một đối tượng JSON.',
  }),
  /** Leave out to keep the flag; false once the official list has replaced the illustrative one. */
  illustrative: z.boolean().optional(),
  nodes: z
    .array(nodeBody)
    .min(1, { message: 'Khung chỉ số cần ít nhất một dòng.' })
    .max(MAX_NODES, { message: `Tối đa ${MAX_NODES} dòng.` }),
});
export type UpdateEditionInput = z.output<typeof updateEditionBody>;

export const exportQuery = z.object({
  format: z.enum(['csv', 'xlsx'], { message: 'Định dạng phải là csv hoặc xlsx.' }).default('csv'),
});

export const publishedQuery = z.object({
  year: z.coerce
    .number({ message: 'Năm phải là một số nguyên.' })
    .int({ message: 'Năm phải là một số nguyên.' })
    .min(2000, { message: 'Năm không hợp lệ.' })
    .max(2100, { message: 'Năm không hợp lệ.' })
    .optional(),
});

const nodeSchema = z
  .object({
    code: z.string(),
    type: z.enum(PII_NODE_TYPES),
    level: z.number().int().nullable(),
    nameVi: z.string(),
    nameEn: z.string().nullable(),
    parent: z.string().nullable(),
    weight: z.number(),
    direction: z.union([z.literal(1), z.literal(-1)]),
    denominator: z.string().nullable(),
    sourceIndicator: z.string().nullable(),
    unitVi: z.string().nullable(),
    placement: z.enum(PII_PLACEMENT).nullable(),
  })
  .meta({ id: 'PiiNode' }) satisfies z.ZodType<PiiNode>;

const summaryFields = {
  id: z.string(),
  year: z.number().int(),
  title: z.string(),
  illustrative: z.boolean(),
  unitBasis: z.enum(PII_UNIT_BASES),
  dataYear: z.number().int(),
  indicatorCount: z.number().int(),
  runCount: z.number().int(),
  updatedAt: z.string(),
};

export const editionSummarySchema = z
  .object(summaryFields)
  .meta({ id: 'PiiEditionSummary' }) satisfies z.ZodType<PiiEditionSummary>;

export const editionSchema = z
  .object({
    ...summaryFields,
    notes: z.string().nullable(),
    nodes: z.array(nodeSchema),
    config: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'PiiEdition' }) satisfies z.ZodType<PiiEdition>;

export const editionListResponse = z.object({ items: z.array(editionSummarySchema) });

export const publishedSchema = z
  .object({
    year: z.number().int(),
    provinceName: z.string(),
    unitId: z.string().nullable(),
    score: z.number().nullable(),
    rank: z.number().int().nullable(),
    ofN: z.number().int().nullable(),
    inputScore: z.number().nullable(),
    outputScore: z.number().nullable(),
    pillars: z.array(z.number().nullable()),
    notes: z.string().nullable(),
    source: z.string(),
    conflict: z.boolean(),
  })
  .meta({ id: 'PiiPublishedResult' }) satisfies z.ZodType<PiiPublishedResult>;

export const publishedListResponse = z.object({ items: z.array(publishedSchema) });
