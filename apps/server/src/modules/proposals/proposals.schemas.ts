import { z } from 'zod';
import { ENGAGEMENT_KINDS, LIMITS, PROPOSAL_ANSWERS, PROPOSAL_CATEGORIES } from '@caunoi/shared';
import { isoDate, optionalText, pageMeta, paging, text } from '../../http/schemas.js';
import { unitRefSchema } from '../programmes/lineage.js';

/** An amount in million VND: ≥ 0, kept to two decimals (the database column's scale). */
export const amount = z
  .number({ message: 'Số tiền phải là một số.' })
  .min(0, { message: 'Số tiền không được âm.' })
  .max(1e13, { message: 'Số tiền quá lớn.' })
  .transform((n) => Math.round(n * 100) / 100);

const categoryEnum = z.enum(PROPOSAL_CATEGORIES, {
  message: `Lĩnh vực phải là một trong: ${PROPOSAL_CATEGORIES.join(', ')}.`,
});
const answerEnum = z.enum(PROPOSAL_ANSWERS, {
  message: `Ý kiến trả lời phải là một trong: ${PROPOSAL_ANSWERS.join(', ')}.`,
});

export const engagementSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(ENGAGEMENT_KINDS),
  startsOn: z.string(),
  endsOn: z.string(),
});

const organisationRefSchema = z.object({
  id: z.string(),
  nameVi: z.string(),
  shortName: z.string().nullable(),
});

export const proposalSchema = z
  .object({
    id: z.string(),
    unit: unitRefSchema,
    title: z.string(),
    category: z.enum(PROPOSAL_CATEGORIES),
    /** Million VND. */
    estimatedCost: z.number().nullable(),
    fundingSource: z.string().nullable(),
    engagement: engagementSummarySchema.nullable(),
    /** Null while the Ministry has not answered. */
    answer: z.enum(PROPOSAL_ANSWERS).nullable(),
    answeredOn: z.string().nullable(),
    assignedUnits: z.array(organisationRefSchema),
    taskCount: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Proposal' });

export const proposalDetailSchema = proposalSchema
  .extend({
    content: z.string().nullable(),
    answerReason: z.string().nullable(),
    answeredBy: organisationRefSchema.nullable(),
    tasks: z.array(
      z.object({
        id: z.string(),
        number: z.string().nullable(),
        title: z.string(),
        deadline: z.string().nullable(),
        completedOn: z.string().nullable(),
      }),
    ),
    roadmaps: z.array(z.object({ id: z.string(), title: z.string() })),
    /** The caller may change the content (the province until it is answered; the Ministry side). */
    canEdit: z.boolean(),
    /** The caller may attach files (the province keeps this after the answer). */
    canAttach: z.boolean(),
    /** The caller answers and assigns Ministry units (the Ministry side). */
    canAnswer: z.boolean(),
  })
  .meta({ id: 'ProposalDetail' });

export const listProposalsQuery = z.object({
  q: z
    .string()
    .max(LIMITS.searchMax)
    .optional()
    .meta({ description: 'Tìm theo tiêu đề, nội dung (có dấu hoặc không dấu)' }),
  unitId: z.string().optional().meta({
    description:
      'Tỉnh/thành phố (mã@ngày); gồm cả kiến nghị của các tỉnh cũ đã hợp nhất vào tỉnh này',
  }),
  category: categoryEnum.optional(),
  answer: z
    .enum([...PROPOSAL_ANSWERS, 'pending'], {
      message: `Ý kiến trả lời phải là một trong: ${[...PROPOSAL_ANSWERS, 'pending'].join(', ')}.`,
    })
    .optional()
    .meta({ description: '`pending` = chưa trả lời' }),
  engagementId: z.uuid().optional(),
  assignedOrganisationId: z
    .uuid()
    .optional()
    .meta({ description: 'Đơn vị thuộc Bộ được giao xử lý' }),
  ...paging,
});

export const proposalListResponse = z.object({
  ...pageMeta,
  items: z.array(proposalSchema),
});

const proposalFields = {
  unitId: z.string({ message: 'Chọn tỉnh/thành phố.' }).min(1, { message: 'Chọn tỉnh/thành phố.' }),
  engagementId: z.uuid({ message: 'Mã sự kiện không hợp lệ.' }).nullable().optional(),
  title: text(LIMITS.nameMax),
  content: optionalText(),
  category: categoryEnum,
  estimatedCost: amount.nullable().optional(),
  fundingSource: optionalText(500),
};

export const createProposalBody = z.object(proposalFields);
export const updateProposalBody = z
  .object(proposalFields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'Không có trường nào để cập nhật.' });

export const answerProposalBody = z.object({
  answer: answerEnum,
  answerReason: optionalText(),
  /** Defaults to today (Vietnam time). */
  answeredOn: isoDate.optional(),
  answeredByOrganisationId: z.uuid({ message: 'Mã tổ chức không hợp lệ.' }).nullable().optional(),
});

export const proposalUnitsBody = z.object({
  organisationIds: z
    .array(z.uuid({ message: 'Mã tổ chức không hợp lệ.' }))
    .max(50, { message: 'Tối đa 50 đơn vị.' }),
});
