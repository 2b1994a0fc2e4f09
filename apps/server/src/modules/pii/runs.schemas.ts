/**
 * The API contract of PII runs and their views (`packages/shared/src/pii.ts`), as Zod schemas for
 * validation, serialisation and the OpenAPI document.
 */
import { PII_UNIT_BASES } from '@caunoi/shared';
import { z } from 'zod';

/** Largest uncertainty analysis a run may ask for. */
export const MAX_UNCERTAINTY_RUNS = 5000;
/** Replications when the request does not say. */
export const DEFAULT_UNCERTAINTY_RUNS = 1000;
/** Most units a comparison shows. */
export const MAX_COMPARED = 4;

const uuid = z.uuid({ message: 'Mã định danh (UUID) không hợp lệ.' });

export const computeRunBody = z.object({
  editionId: uuid,
  dataYear: z
    .number({ message: 'Năm số liệu phải là một số nguyên.' })
    .int({ message: 'Năm số liệu phải là một số nguyên.' })
    .min(2000, { message: 'Năm số liệu không hợp lệ.' })
    .max(2100, { message: 'Năm số liệu không hợp lệ.' })
    .optional(),
  uncertaintyRuns: z
    .number({ message: 'Số lần mô phỏng phải là một số nguyên.' })
    .int({ message: 'Số lần mô phỏng phải là một số nguyên.' })
    .min(0, { message: 'Số lần mô phỏng không được âm.' })
    .max(MAX_UNCERTAINTY_RUNS, { message: `Tối đa ${MAX_UNCERTAINTY_RUNS} lần mô phỏng.` })
    .optional(),
});
export type ComputeRunBody = z.infer<typeof computeRunBody>;

export const listRunsQuery = z.object({ editionId: uuid.optional() });

export const unitParams = z.object({
  id: uuid,
  unitId: z.string().min(1).max(40),
});

export const compareQuery = z.object({
  units: z
    .string({ message: 'Chọn từ 1 đến 4 tỉnh, thành phố.' })
    .transform((s) => [
      ...new Set(
        s
          .split(',')
          .map((t) => t.trim())
          .filter((t) => t !== ''),
      ),
    ])
    .pipe(
      z
        .array(z.string().max(40))
        .min(1, { message: 'Chọn ít nhất một tỉnh, thành phố.' })
        .max(MAX_COMPARED, { message: `So sánh tối đa ${MAX_COMPARED} tỉnh, thành phố.` }),
    ),
});

export const historyQuery = z.object({
  unitId: z.string({ message: 'Chọn tỉnh, thành phố.' }).min(1).max(40),
});

const nodeRef = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string().nullable(),
  level: z.number().int().nullable(),
  parent: z.string().nullable(),
});

export const runSummarySchema = z
  .object({
    id: z.string(),
    editionId: z.string(),
    editionYear: z.number().int(),
    editionTitle: z.string(),
    illustrative: z.boolean(),
    unitBasis: z.enum(PII_UNIT_BASES),
    dataYear: z.number().int(),
    unitCount: z.number().int(),
    indicatorCount: z.number().int(),
    inputHash: z.string(),
    createdAt: z.string(),
    createdBy: z.string(),
    uncertaintyRuns: z.number().int(),
  })
  .meta({ id: 'PiiRunSummary' });

const scoreSchema = z.object({ score: z.number().nullable(), rank: z.number().int().nullable() });

const rankIntervalSchema = z.object({
  nominal: z.number().nullable(),
  median: z.number().nullable(),
  q5: z.number().nullable(),
  q95: z.number().nullable(),
});

export const runSchema = runSummarySchema
  .extend({
    aggregates: z.array(nodeRef),
    ranking: z.array(
      z.object({
        unitId: z.string(),
        unitCode: z.string(),
        unitName: z.string(),
        regionVi: z.string().nullable(),
        score: z.number().nullable(),
        rank: z.number().int().nullable(),
        aggregates: z.record(z.string(), scoreSchema),
        rankInterval: rankIntervalSchema.nullable(),
      }),
    ),
  })
  .meta({ id: 'PiiRun' });

export const runListResponse = z.object({ items: z.array(runSummarySchema) });

export const profileSchema = z
  .object({
    runId: z.string(),
    unitId: z.string(),
    unitName: z.string(),
    regionVi: z.string().nullable(),
    unitCount: z.number().int(),
    score: z.number().nullable(),
    rank: z.number().int().nullable(),
    rankInterval: rankIntervalSchema.nullable(),
    aggregates: z.array(nodeRef.extend(scoreSchema.shape)),
    indicators: z.array(
      z.object({
        code: z.string(),
        nameVi: z.string(),
        nameEn: z.string().nullable(),
        parent: z.string().nullable(),
        unitVi: z.string().nullable(),
        value: z.number().nullable(),
        score: z.number().nullable(),
        rank: z.number().int().nullable(),
        mark: z.enum(['strength', 'weakness']).nullable(),
      }),
    ),
    strengths: z.number().int(),
    weaknesses: z.number().int(),
  })
  .meta({ id: 'PiiProfile' });

export const comparisonSchema = z
  .object({ runId: z.string(), profiles: z.array(profileSchema) })
  .meta({ id: 'PiiComparison' });

export const auditSchema = z
  .object({
    correlations: z.array(
      z.object({
        code: z.string(),
        parent: z.string().nullable(),
        withParent: z.number().nullable(),
        withIndex: z.number().nullable(),
      }),
    ),
    matrices: z.array(
      z.object({
        aggregate: z.string(),
        codes: z.array(z.string()),
        values: z.array(z.array(z.number().nullable())),
      }),
    ),
    cronbach: z.array(
      z.object({ aggregate: z.string(), alpha: z.number().nullable(), items: z.number().int() }),
    ),
    pca: z.array(
      z.object({
        aggregate: z.string(),
        eigenvalues: z.array(z.number()),
        varianceExplained: z.array(z.number()),
      }),
    ),
    efficiency: z.array(
      z.object({
        unitId: z.string(),
        ratio: z.number().nullable(),
        rank: z.number().int().nullable(),
      }),
    ),
  })
  .meta({ id: 'PiiAudit' });

export const verificationSchema = z
  .object({
    runId: z.string(),
    inputsIntact: z.boolean(),
    reproduced: z.boolean(),
    maxDifference: z.number(),
    checkedValues: z.number().int(),
  })
  .meta({ id: 'PiiRunVerification' });

export const historyResponse = z.object({
  items: z.array(
    z.object({
      year: z.number().int(),
      unitId: z.string(),
      unitName: z.string(),
      predecessor: z.boolean(),
      source: z.enum(['computed', 'published']),
      runId: z.string().nullable(),
      score: z.number().nullable(),
      rank: z.number().int().nullable(),
      ofN: z.number().int().nullable(),
      illustrative: z.boolean(),
    }),
  ),
});
