import { z } from 'zod';
import { isIsoDate, LIMITS } from '@caunoi/shared';

/** A real calendar date written YYYY-MM-DD. */
export const isoDate = z
  .string()
  .refine(isIsoDate, { message: 'Ngày phải có dạng YYYY-MM-DD và là ngày có thật.' })
  .meta({ example: '2025-07-01', format: 'date' });

export const uuidParam = z.object({ id: z.uuid({ message: 'Mã định danh (UUID) không hợp lệ.' }) });

/** Trimmed, NFC-normalised text. */
export const text = (max: number = LIMITS.nameMax) =>
  z
    .string()
    .transform((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim())
    .pipe(
      z
        .string()
        .min(1, { message: 'Không được để trống.' })
        .max(max, { message: `Tối đa ${max} ký tự.` }),
    );

/** Optional text: empty strings become null. */
export const optionalText = (max: number = LIMITS.textMax) =>
  z
    .string()
    .max(max, { message: `Tối đa ${max} ký tự.` })
    .transform((s) => {
      const t = s.normalize('NFC').trim();
      return t === '' ? null : t;
    })
    .nullable()
    .optional();

export const paging = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
};

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });

/** Standard error responses for the OpenAPI document. */
export const errorResponses = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
} as const;

/** The error responses of a write, which may also meet a conflict (409). */
export const writeErrors = { ...errorResponses, 409: errorSchema } as const;

export function page<T>(items: T[], pageNo: number, pageSize: number) {
  const start = (pageNo - 1) * pageSize;
  return {
    total: items.length,
    page: pageNo,
    pageSize,
    items: items.slice(start, start + pageSize),
  };
}

export const pageMeta = {
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
};
