import { z } from 'zod';
import { PiiError } from './errors.js';

const imputeSchema = z
  .object({
    method: z.enum(['mean', 'median', 'group-mean', 'group-median']),
    group: z.string().min(1).optional(),
  })
  .strict()
  .refine((v) => !v.method.startsWith('group-') || v.group !== undefined, {
    message: 'group methods need a group column',
    path: ['group'],
  });

export const pipelineConfigSchema = z
  .object({
    denominate: z.boolean().optional(),
    impute: imputeSchema.optional(),
    screen: z
      .object({ minDataShare: z.number().min(0).max(1) })
      .strict()
      .optional(),
    treat: z
      .object({
        winmax: z.number().int().min(0).nullable().default(5),
        skewThreshold: z.number().positive().default(2),
        kurtosisThreshold: z.number().default(3.5),
        fallback: z.enum(['log_CT', 'log_GII', 'none']).default('log_CT'),
      })
      .strict()
      .optional(),
    normalise: z
      .object({
        method: z.enum(['minmax', 'zscore', 'rank', 'prank', 'dist2max']).default('minmax'),
        range: z
          .tuple([z.number(), z.number()])
          .refine(([lo, hi]) => lo < hi, { message: 'range must be increasing' })
          .default([0, 100]),
        mean: z.number().default(0),
        sd: z.number().positive().default(1),
      })
      .strict()
      .optional(),
    aggregate: z
      .object({ method: z.enum(['arithmetic', 'geometric', 'harmonic']).default('arithmetic') })
      .strict()
      .optional(),
  })
  .strict();

export type PipelineConfig = z.output<typeof pipelineConfigSchema>;
export type PipelineConfigInput = z.input<typeof pipelineConfigSchema>;

/** Validates a pipeline configuration (e.g. parsed JSON); throws INVALID_CONFIG. */
export function parsePipelineConfig(input: unknown): PipelineConfig {
  const r = pipelineConfigSchema.safeParse(input);
  if (!r.success) {
    const issues = r.error.issues
      .map((i) => `${i.path.length > 0 ? i.path.join('.') : '(root)'}: ${i.message}`)
      .join('; ');
    throw new PiiError('INVALID_CONFIG', `pipeline config: ${issues}`, {
      column: r.error.issues[0]?.path.join('.') ?? '',
    });
  }
  return r.data;
}
