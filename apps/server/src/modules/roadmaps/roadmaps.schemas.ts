import { z } from 'zod';
import {
  LIMITS,
  PROPOSAL_ANSWERS,
  PROPOSAL_CATEGORIES,
  ROADMAP_CRITERIA,
  type RoadmapCriterion,
} from '@caunoi/shared';
import { pageMeta, paging, text } from '../../http/schemas.js';
import { unitRefSchema } from '../programmes/lineage.js';
import { amount, engagementSummarySchema } from '../proposals/proposals.schemas.js';

/** Longest roadmap: 15 years (the database allows end − start < 15). */
export const MAX_ROADMAP_YEARS = 15;

const year = z
  .number({ message: 'Năm phải là một số nguyên.' })
  .int({ message: 'Năm phải là một số nguyên.' })
  .min(2000, { message: 'Năm không hợp lệ.' })
  .max(2100, { message: 'Năm không hợp lệ.' });

const criteriaRecord = <T extends z.ZodType>(value: T) =>
  z.object(
    Object.fromEntries(ROADMAP_CRITERIA.map((c) => [c, value])) as Record<RoadmapCriterion, T>,
  );

export const weightsBody = criteriaRecord(
  z
    .number({ message: 'Trọng số phải là một số.' })
    .min(0, { message: 'Trọng số không được âm.' })
    .max(1000, { message: 'Trọng số quá lớn.' }),
).refine((w) => ROADMAP_CRITERIA.some((c) => w[c] > 0), {
  message: 'Cần ít nhất một tiêu chí có trọng số lớn hơn 0.',
});

export const scoresBody = criteriaRecord(
  z
    .number({ message: 'Điểm phải là một số nguyên từ 1 đến 5.' })
    .int({ message: 'Điểm phải là một số nguyên từ 1 đến 5.' })
    .min(1, { message: 'Điểm thấp nhất là 1.' })
    .max(5, { message: 'Điểm cao nhất là 5.' }),
);

const weightsSchema = criteriaRecord(z.number());

export const planIssueSchema = z.object({
  itemId: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});

export const lastPlanSchema = z
  .object({
    status: z.enum(['optimal', 'feasible']),
    /** Σ value of the planned items. */
    objective: z.number(),
    solveMs: z.number(),
    greedy: z.object({
      status: z.enum(['optimal', 'feasible', 'infeasible']),
      objective: z.number().nullable(),
      solveMs: z.number(),
    }),
    /** (MIP − greedy) / MIP in percent; null when the greedy plan could not honour the pins. */
    gapPercent: z.number().nullable(),
    plannedCount: z.number().int(),
    plannedCost: z.number(),
    issues: z.array(planIssueSchema),
    years: z.array(
      z.object({
        year: z.number().int(),
        envelope: z.number(),
        cost: z.number(),
        greedyCost: z.number().nullable(),
      }),
    ),
    /** Start year the greedy plan chose per item id. */
    greedySchedule: z.record(z.string(), z.number().int().nullable()),
    /** Fingerprint of the data planned; the plan is stale when the data no longer matches. */
    inputHash: z.string(),
  })
  .meta({ id: 'RoadmapPlan' });
export type LastPlan = z.infer<typeof lastPlanSchema>;

export const roadmapItemSchema = z
  .object({
    id: z.string(),
    proposalId: z.string(),
    proposalTitle: z.string(),
    proposalCategory: z.enum(PROPOSAL_CATEGORIES),
    proposalAnswer: z.enum(PROPOSAL_ANSWERS).nullable(),
    /** The Ministry's answer still agrees (else the item is left out of the plan). */
    agreed: z.boolean(),
    proposalEstimatedCost: z.number().nullable(),
    scores: weightsSchema,
    /** Σ normalised weight × score (1–5). */
    value: z.number(),
    cost: z.number(),
    durationYears: z.number().int(),
    earliestStartYear: z.number().int().nullable(),
    pinnedYear: z.number().int().nullable(),
    excluded: z.boolean(),
    plannedYear: z.number().int().nullable(),
    dependsOn: z.array(z.string()),
  })
  .meta({ id: 'RoadmapItem' });

export const roadmapSchema = z
  .object({
    id: z.string(),
    unit: unitRefSchema,
    title: z.string(),
    startYear: z.number().int(),
    endYear: z.number().int(),
    itemCount: z.number().int(),
    plannedCount: z.number().int(),
    plannedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Roadmap' });

export const roadmapDetailSchema = roadmapSchema
  .extend({
    engagement: engagementSummarySchema.nullable(),
    /** Normalised: the weights sum to 1. */
    weights: weightsSchema,
    envelopes: z.array(z.object({ year: z.number().int(), amount: z.number() })),
    items: z.array(roadmapItemSchema),
    lastPlan: lastPlanSchema.nullable(),
    /** The data changed since the last plan. */
    planStale: z.boolean(),
    canEdit: z.boolean(),
  })
  .meta({ id: 'RoadmapDetail' });

export const listRoadmapsQuery = z.object({
  unitId: z.string().optional().meta({
    description:
      'Tỉnh/thành phố (mã@ngày); gồm cả lộ trình của các tỉnh cũ đã hợp nhất vào tỉnh này',
  }),
  ...paging,
});

export const roadmapListResponse = z.object({ ...pageMeta, items: z.array(roadmapSchema) });

const roadmapFields = {
  unitId: z.string({ message: 'Chọn tỉnh/thành phố.' }).min(1, { message: 'Chọn tỉnh/thành phố.' }),
  title: text(LIMITS.nameMax),
  startYear: year,
  endYear: year,
  weights: weightsBody.optional(),
  engagementId: z.uuid({ message: 'Mã sự kiện không hợp lệ.' }).nullable().optional(),
};

export const createRoadmapBody = z.object(roadmapFields);
export const updateRoadmapBody = z
  .object(roadmapFields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'Không có trường nào để cập nhật.' });

export const envelopesBody = z.object({
  envelopes: z
    .array(z.object({ year, amount }))
    .max(MAX_ROADMAP_YEARS, { message: `Tối đa ${MAX_ROADMAP_YEARS} năm.` }),
});

export const addItemsBody = z.object({
  proposalIds: z
    .array(z.uuid({ message: 'Mã kiến nghị không hợp lệ.' }))
    .min(1, { message: 'Chọn ít nhất một kiến nghị.' })
    .max(200, { message: 'Tối đa 200 kiến nghị mỗi lần.' }),
});

export const updateItemBody = z
  .object({
    scores: scoresBody,
    cost: amount,
    durationYears: z
      .number()
      .int({ message: 'Thời gian thực hiện là số năm nguyên.' })
      .min(1, { message: 'Thời gian thực hiện ít nhất 1 năm.' })
      .max(MAX_ROADMAP_YEARS, { message: `Thời gian thực hiện tối đa ${MAX_ROADMAP_YEARS} năm.` }),
    earliestStartYear: year.nullable(),
    /** Fixes the start year (the officer "moves" an item); clears `excluded`. */
    pinnedYear: year.nullable(),
    /** Leaves the item out of the roadmap; clears `pinnedYear`. */
    excluded: z.boolean(),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'Không có trường nào để cập nhật.' })
  .refine((b) => !(b.excluded === true && b.pinnedYear != null), {
    message: 'Một kiến nghị không thể vừa cố định năm vừa bị loại khỏi lộ trình.',
    path: ['pinnedYear'],
  });

export const dependenciesBody = z.object({
  dependsOnItemIds: z
    .array(z.uuid({ message: 'Mã mục lộ trình không hợp lệ.' }))
    .max(200, { message: 'Tối đa 200 phụ thuộc.' }),
});

export const planBody = z
  .object({
    timeLimitSeconds: z
      .number()
      .min(1, { message: 'Ít nhất 1 giây.' })
      .max(60, { message: 'Tối đa 60 giây.' })
      .optional(),
  })
  .default({});

export const planResponse = roadmapDetailSchema;

export const annexQuery = z.object({
  fontSize: z.coerce
    .number()
    .pipe(z.union([z.literal(13), z.literal(14)], { message: 'Cỡ chữ là 13 hoặc 14.' }))
    .default(14)
    .meta({ description: 'Cỡ chữ nội dung (13 hoặc 14 pt theo Nghị định 30/2020/NĐ-CP)' }),
  margins: z
    .enum(['convention', 'government'], { message: 'Lề là convention hoặc government.' })
    .default('convention')
    .meta({
      description:
        'Lề trang: convention = trên, dưới 20 mm, trái 30 mm, phải 15 mm; government = trên 25 mm, dưới 20 mm, trái 35 mm, phải 20 mm',
    }),
});
