import { z } from 'zod';
import {
  ENGAGEMENT_KINDS,
  LIMITS,
  PARTICIPANT_SIDES,
  PROPOSAL_ANSWERS,
  PROPOSAL_CATEGORIES,
} from '@caunoi/shared';
import { isoDate, optionalText, pageMeta, paging, text } from '../../http/schemas.js';
import { unitRefSchema } from '../programmes/lineage.js';

const named = z.object({ id: z.string(), nameVi: z.string() });

export const engagementSchema = z
  .object({
    id: z.string(),
    kind: z.enum(ENGAGEMENT_KINDS),
    title: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    place: z.string().nullable(),
    hostOrganisation: named.nullable(),
    programme: z.object({ id: z.string(), title: z.string() }).nullable(),
    /** The provinces involved (none for a national conference). */
    units: z.array(unitRefSchema),
    summary: z.string().nullable(),
    notes: z.string().nullable(),
    participantCount: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Engagement' });

export const participantSchema = z
  .object({
    id: z.string(),
    engagementId: z.string(),
    personId: z.string(),
    personName: z.string(),
    organisationId: z.string().nullable(),
    organisationName: z.string().nullable(),
    /** The title held on the engagement's date, as recorded then (later changes do not alter it). */
    title: z.string(),
    side: z.enum(PARTICIPANT_SIDES),
    sortOrder: z.number().int(),
  })
  .meta({ id: 'EngagementParticipant' });

export const directiveSchema = z
  .object({
    id: z.string(),
    engagementId: z.string(),
    number: z.number().int(),
    text: z.string(),
    issuedByPersonId: z.string().nullable(),
    issuedByName: z.string().nullable(),
    taskCount: z.number().int(),
  })
  .meta({ id: 'Directive' });

export const noticeSchema = z
  .object({
    id: z.string(),
    engagementId: z.string().nullable(),
    documentNumber: z.string(),
    issuedOn: z.string(),
    issuingOrganisation: named.nullable(),
    signerPersonId: z.string().nullable(),
    signerName: z.string().nullable(),
    signerText: z.string().nullable(),
    summary: z.string().nullable(),
    taskCount: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ConclusionNotice' });

export const noticeDetailSchema = noticeSchema
  .extend({
    engagement: z
      .object({
        id: z.string(),
        title: z.string(),
        kind: z.enum(ENGAGEMENT_KINDS),
        startsOn: z.string(),
      })
      .nullable(),
    attachmentCount: z.number().int(),
    canEdit: z.boolean(),
  })
  .meta({ id: 'ConclusionNoticeDetail' });

export const engagementDetailSchema = engagementSchema
  .extend({
    participants: z.array(participantSchema),
    directives: z.array(directiveSchema),
    conclusionNotices: z.array(noticeSchema),
    proposals: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        category: z.enum(PROPOSAL_CATEGORIES),
        answer: z.enum(PROPOSAL_ANSWERS).nullable(),
        unit: unitRefSchema,
      }),
    ),
    attachmentCount: z.number().int(),
    /** The caller may edit the engagement and its participants. */
    canEdit: z.boolean(),
    /** The caller may record directives and conclusion notices. */
    canManage: z.boolean(),
  })
  .meta({ id: 'EngagementDetail' });

export const listEngagementsQuery = z.object({
  q: z.string().max(LIMITS.searchMax).optional().meta({ description: 'Tìm theo tên, địa điểm' }),
  kind: z.enum(ENGAGEMENT_KINDS).optional(),
  unitId: z.string().optional().meta({
    description: 'Tỉnh, thành phố (mã@ngày); gồm cả các đơn vị trước và sau sắp xếp của nó',
  }),
  from: isoDate.optional().meta({ description: 'Diễn ra từ ngày' }),
  to: isoDate.optional().meta({ description: 'Diễn ra đến ngày' }),
  ...paging,
});

export const engagementListResponse = z.object({ ...pageMeta, items: z.array(engagementSchema) });

const engagementFields = {
  kind: z.enum(ENGAGEMENT_KINDS, {
    message: `Loại sự kiện phải là một trong: ${ENGAGEMENT_KINDS.join(', ')}.`,
  }),
  title: text(1000),
  startsOn: isoDate,
  endsOn: isoDate,
  place: optionalText(500),
  hostOrganisationId: z.uuid().nullable().optional(),
  programmeId: z.uuid().nullable().optional(),
  summary: optionalText(),
  notes: optionalText(),
  unitIds: z
    .array(z.string().min(1).max(40))
    .max(70)
    .meta({ description: 'Các tỉnh, thành phố (mã@ngày) có hiệu lực vào ngày bắt đầu' }),
};

export const createEngagementBody = z.object({
  ...engagementFields,
  endsOn: isoDate.optional().meta({ description: 'Mặc định bằng ngày bắt đầu' }),
  unitIds: engagementFields.unitIds.default([]),
});

export const updateEngagementBody = z
  .object(engagementFields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'Không có trường nào để cập nhật.' });

const sortOrder = z.number().int().min(0).max(10_000);

export const createParticipantBody = z.object({
  personId: z.uuid({ message: 'Chọn người tham dự.' }),
  title: optionalText(LIMITS.nameMax).meta({
    description: 'Bỏ trống: lấy chức danh người đó giữ vào ngày bắt đầu sự kiện',
  }),
  organisationId: z.uuid().nullable().optional(),
  side: z.enum(PARTICIPANT_SIDES).optional(),
  sortOrder: sortOrder.optional(),
});

export const updateParticipantBody = z
  .object({
    title: text(LIMITS.nameMax),
    organisationId: z.uuid().nullable(),
    side: z.enum(PARTICIPANT_SIDES),
    sortOrder,
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'Không có trường nào để cập nhật.' });

export const createDirectiveBody = z.object({
  text: text(LIMITS.textMax),
  issuedByPersonId: z.uuid().nullable().optional(),
  number: z.number().int().min(1).optional().meta({
    description: 'Vị trí (1 = đầu tiên); mặc định thêm vào cuối',
  }),
});

export const updateDirectiveBody = createDirectiveBody
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'Không có trường nào để cập nhật.' });

const noticeFields = {
  documentNumber: text(100),
  issuedOn: isoDate,
  issuingOrganisationId: z.uuid().nullable().optional(),
  signerPersonId: z.uuid().nullable().optional(),
  signerText: optionalText(300).meta({ description: 'Người ký như in trên văn bản' }),
  summary: optionalText(),
};

export const createNoticeBody = z.object(noticeFields);
export const updateNoticeBody = z
  .object(noticeFields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'Không có trường nào để cập nhật.' });
