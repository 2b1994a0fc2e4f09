import { z } from 'zod';
import { PROPOSAL_ANSWERS } from '@caunoi/shared';
import { engagementSchema } from '../engagements/engagements.schemas.js';
import { unitRefSchema } from '../programmes/lineage.js';
import {
  byProvinceResponse,
  expiringResponse,
  programmeSchema,
} from '../programmes/programmes.schemas.js';
import { proposalSchema } from '../proposals/proposals.schemas.js';
import { roadmapSchema } from '../roadmaps/roadmaps.schemas.js';
import { leagueRowSchema, taskSummarySchema } from '../tasks/tasks.schemas.js';

export const dashboardQuery = z.object({
  unitId: z
    .string()
    .regex(/^\d{2}@\d{4}-\d{2}-\d{2}$/, {
      message: 'Mã tỉnh, thành phố phải có dạng mã@ngày-bắt-đầu, ví dụ 31@2025-07-01.',
    })
    .optional()
    .meta({
      description:
        'Xem tổng quan của một tỉnh, thành phố (mã@ngày), gồm cả hồ sơ của các tỉnh trước sắp xếp đã hợp thành. Bỏ trống: tỉnh của tài khoản địa phương, hoặc toàn quốc với tài khoản cấp Bộ.',
    }),
});

const count = z.number().int();

/** Tasks counted by the facets of the tasks list (each count matches the list's filter). */
const taskCounts = z.object({
  total: count,
  open: count,
  withinDeadline: count,
  overdue: count,
  /** Open, within the deadline and due within `dueSoonDays` days. */
  dueSoon: count,
  done: count,
  onTime: count,
  late: count,
  /** Tasks with an extension request awaiting a decision. */
  pendingExtensions: count,
  /** Tasks with an explanation request not yet answered. */
  openExplanations: count,
});

const named = z.object({ id: z.string(), nameVi: z.string() });

export const roadmapSummarySchema = roadmapSchema.extend({
  /** How many roadmaps the province has (this is the newest). */
  roadmapCount: count,
  /** Σ of the yearly envelopes (million VND). */
  envelopeTotal: z.number(),
  /** From the last plan: Σ cost and Σ value of the planned items; null before any plan. */
  plannedCost: z.number().nullable(),
  plannedValue: z.number().nullable(),
  /** The data changed since the last plan. */
  planStale: z.boolean(),
  years: z.array(
    z.object({
      year: z.number().int(),
      envelope: z.number(),
      /** Cost falling in the year under the last plan (null before any plan). */
      plannedCost: z.number().nullable(),
      /** Items the plan starts in the year. */
      itemCount: count,
    }),
  ),
});

export const dashboardResponse = z
  .object({
    /** The day the figures are computed on (Vietnam time). */
    today: z.string(),
    dueSoonDays: count,
    /** ministry: the Ministry's overview within the caller's scope; province: one province. */
    view: z.enum(['ministry', 'province']),
    /** The province of a province view. */
    unit: unitRefSchema.nullable(),
    tasks: z.object({
      /**
       * Whose tasks the counts and lists cover: every task in scope, those a province leads
       * (with the provinces it was formed from), or those the caller's Ministry unit leads.
       */
      focus: z.enum(['all', 'province', 'organisation']),
      /** The lead organisations of the organisation focus. */
      organisations: z.array(named),
      counts: taskCounts,
      /** The most days late first (at most 10). */
      overdue: z.array(taskSummarySchema),
      /** Not completed, the soonest due first (at most 10). */
      open: z.array(taskSummarySchema),
      /**
       * Ministry view: the lead units with the most overdue obligations, counted as the league
       * table counts them (a periodic task counts once per reporting cycle), over all periods.
       */
      byLead: z
        .object({
          organisations: z.array(leagueRowSchema),
          provinces: z.array(leagueRowSchema),
        })
        .nullable(),
    }),
    programmes: z.object({
      total: count,
      inForce: count,
      /** Province view: its programmes, the latest signed first (at most 10). */
      latest: z.array(programmeSchema).nullable(),
      expiring: expiringResponse,
      /** Ministry view: programmes per province today, for the map. */
      byProvince: byProvinceResponse.nullable(),
    }),
    /** Engagements that have begun, the latest first (at most 5). */
    engagements: z.array(engagementSchema),
    proposals: z.object({
      total: count,
      /** `pending`: not answered yet. */
      byAnswer: z.object(
        Object.fromEntries(['pending', ...PROPOSAL_ANSWERS].map((a) => [a, count])) as Record<
          'pending' | (typeof PROPOSAL_ANSWERS)[number],
          typeof count
        >,
      ),
      /** The latest recorded (at most 5). */
      latest: z.array(proposalSchema),
    }),
    /** Province view: its newest roadmap, summarised. */
    roadmap: roadmapSummarySchema.nullable(),
  })
  .meta({ id: 'Dashboard' });
