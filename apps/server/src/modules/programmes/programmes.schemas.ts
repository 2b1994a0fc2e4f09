import { z } from 'zod';
import {
  ENGAGEMENT_KINDS,
  LIMITS,
  ORGANISATION_KINDS,
  PROGRAMME_STATUSES,
  STORED_PROGRAMME_STATUSES,
} from '@caunoi/shared';
import { isoDate, optionalText, pageMeta, paging, text } from '../../http/schemas.js';
import { unitRefSchema } from './lineage.js';

const ref = z.object({ id: z.string(), title: z.string() });

export const partySchema = z.object({
  id: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  organisationKind: z.enum(ORGANISATION_KINDS),
  side: z.enum(['ministry', 'province']),
  unit: unitRefSchema.nullable(),
  signatoryPersonId: z.string().nullable(),
  signatoryName: z.string().nullable(),
});

export const programmeSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    documentNumber: z.string().nullable(),
    signedOn: z.string().nullable(),
    periodStartYear: z.number().int(),
    periodEndYear: z.number().int(),
    horizonYear: z.number().int().nullable(),
    /** Derived: a programme stored in force whose period has ended is "expired". */
    status: z.enum(PROGRAMME_STATUSES),
    storedStatus: z.enum(STORED_PROGRAMME_STATUSES),
    /** Last day of the period (31/12 of the end year). */
    endsOn: z.string(),
    supersededBy: ref.nullable(),
    summary: z.string().nullable(),
    notes: z.string().nullable(),
    parties: z.array(partySchema),
    contentCount: z.number().int(),
    taskCount: z.number().int(),
    /** Mean progress of the action items (%), null when there are none. */
    progress: z.number().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Programme' });

export const contentSchema = z
  .object({
    id: z.string(),
    programmeId: z.string(),
    number: z.number().int(),
    title: z.string(),
    description: z.string().nullable(),
    /** Action items (tasks) of this content. */
    taskCount: z.number().int(),
    completedCount: z.number().int(),
    /** Mean over the items of 100 when completed, else the latest reported percentage, else 0. */
    progress: z.number().nullable(),
  })
  .meta({ id: 'ProgrammeContent' });

export const programmeDetailSchema = programmeSchema
  .extend({
    contents: z.array(contentSchema),
    supersedes: z.array(ref),
    engagements: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        kind: z.enum(ENGAGEMENT_KINDS),
        startsOn: z.string(),
      }),
    ),
    attachmentCount: z.number().int(),
    canEdit: z.boolean(),
  })
  .meta({ id: 'ProgrammeDetail' });

const days = z.coerce.number().int().min(1).max(3650);

export const listProgrammesQuery = z.object({
  q: z.string().max(LIMITS.searchMax).optional().meta({ description: 'Tìm theo tên, số hiệu' }),
  unitId: z.string().optional().meta({
    description: 'Tỉnh, thành phố (mã@ngày); gồm cả các đơn vị trước và sau sắp xếp của nó',
  }),
  status: z.enum(PROGRAMME_STATUSES).optional(),
  signedFrom: isoDate.optional(),
  signedTo: isoDate.optional(),
  expiringWithinDays: days.optional().meta({
    description: 'Chỉ các chương trình đang hiệu lực sẽ hết hạn trong số ngày này',
  }),
  sort: z
    .enum(['signed', 'title'])
    .default('signed')
    .meta({ description: 'signed: ký gần nhất trước; title: theo tên (tiếng Việt)' }),
  ...paging,
});

export const programmeListResponse = z.object({ ...pageMeta, items: z.array(programmeSchema) });

export const expiringQuery = z.object({ withinDays: days.default(180) });

export const expiringResponse = z.object({
  asOf: z.string(),
  withinDays: z.number().int(),
  items: z.array(programmeSchema.extend({ daysLeft: z.number().int() })),
});

export const byProvinceQuery = z.object({
  asOf: isoDate
    .optional()
    .meta({ description: 'Các đơn vị hành chính có hiệu lực vào ngày này (mặc định hôm nay)' }),
});

const statusCounts = z.object(
  Object.fromEntries(PROGRAMME_STATUSES.map((s) => [s, z.number().int()])) as Record<
    (typeof PROGRAMME_STATUSES)[number],
    z.ZodNumber
  >,
);

export const byProvinceResponse = z.object({
  asOf: z.string(),
  units: z.array(
    z.object({
      unitId: z.string(),
      code: z.string(),
      nameVi: z.string(),
      total: z.number().int(),
      counts: statusCounts,
    }),
  ),
});

const year = z
  .number({ message: 'Năm phải là số.' })
  .int({ message: 'Năm phải là số nguyên.' })
  .min(1990, { message: 'Năm không hợp lệ (từ 1990).' })
  .max(2100, { message: 'Năm không hợp lệ (đến 2100).' });

export const partyBody = z.object({
  organisationId: z.uuid({ message: 'Chọn tổ chức.' }),
  signatoryPersonId: z.uuid().nullable().optional(),
});

const programmeFields = {
  title: text(1000),
  documentNumber: optionalText(100),
  signedOn: isoDate.nullable().optional(),
  periodStartYear: year,
  periodEndYear: year,
  horizonYear: year.nullable().optional(),
  status: z.enum(STORED_PROGRAMME_STATUSES, {
    message: `Trạng thái phải là một trong: ${STORED_PROGRAMME_STATUSES.join(', ')}.`,
  }),
  supersededById: z.uuid().nullable().optional(),
  summary: optionalText(),
  notes: optionalText(),
  parties: z.array(partyBody).max(100),
};

export const createProgrammeBody = z.object({
  ...programmeFields,
  status: programmeFields.status.optional(),
});

export const updateProgrammeBody = z
  .object(programmeFields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'Không có trường nào để cập nhật.' });

export const createContentBody = z.object({
  title: text(1000),
  description: optionalText(),
  number: z.number().int().min(1).optional().meta({
    description: 'Vị trí (1 = đầu tiên); mặc định thêm vào cuối, các nội dung sau được đánh số lại',
  }),
});

export const updateContentBody = createContentBody
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'Không có trường nào để cập nhật.' });
