import { z } from 'zod';
import { pageMeta, paging } from '../../http/schemas.js';

/** File formats of a bulk import. */
export const IMPORT_FORMATS = ['csv', 'json'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The columns of a CSV file (and the fields of a JSON record), in their usual order. */
export const IMPORT_COLUMNS = [
  'indicator',
  'option',
  'unit',
  'period',
  'value',
  'comment',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
/** Columns a file must have; `option` and `comment` may be left out. */
export const REQUIRED_COLUMNS: readonly ImportColumn[] = ['indicator', 'unit', 'period', 'value'];

/** Largest file accepted, in bytes (about 4 million values in CSV). */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
/** Most values one import may carry. */
export const MAX_IMPORT_VALUES = 2_000_000;
/** Errors and warnings listed in a summary; the count covers them all. */
export const MAX_LISTED_ISSUES = 1_000;

export const importIssueSchema = z
  .object({
    record: z.number().int().nullable().meta({
      description: 'Số thứ tự của bản ghi dữ liệu (1 = bản ghi đầu tiên sau dòng tiêu đề)',
    }),
    line: z.number().int().nullable().meta({
      description: 'Dòng trong tệp CSV nơi bản ghi bắt đầu (dòng tiêu đề là dòng 1)',
    }),
    field: z.enum(IMPORT_COLUMNS).nullable(),
    code: z.string().meta({
      description:
        'Mã lỗi ổn định: UNKNOWN_INDICATOR, UNKNOWN_OPTION, OPTION_NOT_ALLOWED, TOTAL_IS_DERIVED, UNKNOWN_UNIT, UNIT_NOT_IN_FORCE, BAD_PERIOD, MISSING_FIELD, FIELD_COUNT, BAD_FIELD, NOT_A_NUMBER, AMBIGUOUS_SEPARATOR, NOT_AN_INTEGER, NOT_YES_NO, PERCENT_NOT_ALLOWED, TEXT_TOO_LONG, DUPLICATE_KEY, LOCKED_BY_REPORT; cảnh báo: EXTRA_COLUMNS, BLANK_RECORDS',
    }),
    message: z.string(),
  })
  .meta({ id: 'StatisticsImportIssue' });

const issueList = z.object({
  count: z.number().int(),
  items: z.array(importIssueSchema).meta({ description: `Tối đa ${MAX_LISTED_ISSUES} mục đầu` }),
});

export const importSummarySchema = z
  .object({
    importId: z
      .string()
      .nullable()
      .meta({ description: 'Mã lần nhập (ghi trong lịch sử từng giá trị); null khi chưa ghi' }),
    dryRun: z.boolean(),
    committed: z.boolean().meta({ description: 'true khi các giá trị đã được ghi' }),
    format: z.enum(IMPORT_FORMATS),
    fileName: z.string().nullable(),
    total: z.number().int().meta({ description: 'Số giá trị (bản ghi) trong tệp' }),
    created: z.number().int().meta({ description: 'Giá trị mới (đã hoặc, khi chạy thử, sẽ tạo)' }),
    updated: z.number().int().meta({ description: 'Giá trị thay đổi so với số đã lưu' }),
    ignored: z.number().int().meta({ description: 'Giá trị trùng với số đã lưu, bỏ qua' }),
    errors: issueList,
    warnings: issueList,
  })
  .meta({ id: 'StatisticsImportSummary' });
export type ImportSummary = z.output<typeof importSummarySchema>;
export type ImportIssue = z.output<typeof importIssueSchema>;

export const importQuery = z.object({
  dryRun: z
    .enum(['true', 'false'], { message: 'dryRun phải là true hoặc false.' })
    .default('false')
    .meta({ description: 'true: kiểm tra và tính kết quả, không ghi gì' }),
  format: z
    .enum(IMPORT_FORMATS, { message: 'format phải là csv hoặc json.' })
    .optional()
    .meta({ description: 'Định dạng tệp; mặc định theo Content-Type hoặc đuôi tên tệp' }),
  fileName: z
    .string()
    .max(200, { message: 'Tên tệp tối đa 200 ký tự.' })
    .optional()
    .meta({ description: 'Tên tệp ghi vào lịch sử nhập, khi gửi nội dung trực tiếp' }),
});

export const importRecordSchema = z
  .object({
    id: z.string(),
    fileName: z.string().nullable(),
    actorUsername: z.string(),
    createdAt: z.string(),
    summary: importSummarySchema,
  })
  .meta({ id: 'StatisticsImport' });

export const listImportsQuery = z.object({ ...paging });
export const importListResponse = z.object({ ...pageMeta, items: z.array(importRecordSchema) });
