import { z } from 'zod';
import { AGGREGATE_DEFAULT_METHOD } from './aggregate.js';
import { PiiError } from './errors.js';
import { NORMALISE_DEFAULTS } from './normalise.js';
import { TREAT_DEFAULTS } from './treat.js';

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
        winmax: z.number().int().min(0).nullable().default(TREAT_DEFAULTS.winmax),
        skewThreshold: z.number().positive().default(TREAT_DEFAULTS.skewThreshold),
        kurtosisThreshold: z.number().default(TREAT_DEFAULTS.kurtosisThreshold),
        fallback: z.enum(['log_CT', 'log_GII', 'none']).default(TREAT_DEFAULTS.fallback),
      })
      .strict()
      .optional(),
    normalise: z
      .object({
        method: z
          .enum(['minmax', 'zscore', 'rank', 'prank', 'dist2max', 'goalposts'])
          .default(NORMALISE_DEFAULTS.method),
        range: z
          .tuple([z.number(), z.number()])
          .refine(([lo, hi]) => lo < hi, { message: 'range must be increasing' })
          .default([...NORMALISE_DEFAULTS.range]),
        mean: z.number().default(NORMALISE_DEFAULTS.mean),
        sd: z.number().positive().default(NORMALISE_DEFAULTS.sd),
        /** Goalposts of the indicators whose framework row has none. */
        goalposts: z
          .object({
            lower: z.number(),
            upper: z.number(),
            scale: z.number().positive().default(NORMALISE_DEFAULTS.goalpostScale),
          })
          .strict()
          .refine((g) => g.lower < g.upper, { message: 'lower must be below upper' })
          .optional(),
        trunc2posts: z.boolean().default(NORMALISE_DEFAULTS.trunc2posts),
      })
      .strict()
      .optional(),
    aggregate: z
      .object({
        method: z.enum(['arithmetic', 'geometric', 'harmonic']).default(AGGREGATE_DEFAULT_METHOD),
      })
      .strict()
      .optional(),
  })
  .strict();

export type PipelineConfig = z.output<typeof pipelineConfigSchema>;
export type PipelineConfigInput = z.input<typeof pipelineConfigSchema>;

const pathOf = (issue: z.core.$ZodIssue): string =>
  issue.path.length > 0 ? issue.path.join('.') : '(root)';

/** A validation error as text (`path: message; …`) and the path of its first issue. */
export function issuesOf(error: z.ZodError): { key: string; text: string } {
  const first = error.issues[0];
  return {
    key: first === undefined ? '(root)' : pathOf(first),
    text: error.issues.map((i) => `${pathOf(i)}: ${i.message}`).join('; '),
  };
}

/** Validates a pipeline configuration (e.g. parsed JSON); throws INVALID_CONFIG. */
export function parsePipelineConfig(input: unknown): PipelineConfig {
  const r = pipelineConfigSchema.safeParse(input);
  if (!r.success) {
    throw new PiiError('INVALID_CONFIG', `pipeline config: ${issuesOf(r.error).text}`, {
      column: r.error.issues[0]?.path.join('.') ?? '',
    });
  }
  return r.data;
}
