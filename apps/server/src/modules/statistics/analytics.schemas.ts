import { z } from 'zod';
import { PERIOD_FORMS, PERIOD_TYPES, UNIT_AGGREGATIONS, VALUE_TYPES } from '@caunoi/shared';
import { ANALYTICS_FLAGS, BOUNDARIES, LEVELS } from './analytics.restate.js';

/** Most cells one answer (or one export) may hold: indicators × periods × rows. */
export const MAX_ANALYTICS_CELLS = 200_000;
/** Most periods one query may name (a range counts each of its periods). */
export const MAX_ANALYTICS_PERIODS = 400;

export const analyticsQuery = z.object({
  indicators: z.string().min(1, { message: 'Chọn ít nhất một chỉ tiêu.' }).max(20_000).meta({
    description:
      'Mã chỉ tiêu, cách nhau bởi dấu phẩy. `CODE` là tổng của chỉ tiêu (chỉ tiêu có phân tổ: tổng các phân tổ), `CODE.OPTION` là một phân tổ.',
    example: 'TASK_STARTED,TASK_STARTED.TINH,BUDGET_ST_SHARE',
  }),
  periods: z.string().min(1, { message: 'Chọn ít nhất một kỳ.' }).max(10_000).meta({
    description:
      'Kỳ báo cáo, cách nhau bởi dấu phẩy: `2024`, `2024H1`, `2024Q3`, `2024M07` (thêm `-AD` cho kỳ hành chính), hoặc một dãy kỳ cùng loại `2019..2025`.',
    example: '2019..2025',
  }),
  units: z.string().max(5_000).optional().meta({
    description:
      'Đơn vị (mã@ngày-bắt-đầu), cách nhau bởi dấu phẩy. Bỏ trống: mọi đơn vị trong phạm vi được xem. Theo địa giới hiện nay, tỉnh trước sắp xếp được thay bằng tỉnh hiện nay gồm nó; theo đơn vị báo cáo, tỉnh hiện nay kèm các tỉnh trước sắp xếp đã hợp thành.',
    example: '31@2025-07-01,37@2025-07-01',
  }),
  boundaries: z.enum(BOUNDARIES).default('as-reported').meta({
    description:
      '`as-reported`: theo đơn vị đã báo cáo (63 tỉnh trước 01/07/2025, 34 tỉnh từ đó). `current`: quy đổi về 34 tỉnh, thành phố hiện nay.',
  }),
  levels: z.string().max(100).optional().meta({
    description:
      'Cấp trả về, cách nhau bởi dấu phẩy: `unit` (tỉnh, thành phố), `region` (vùng), `nation` (cả nước). Mặc định: cả ba với tài khoản cấp Bộ, chỉ `unit` với tài khoản địa phương.',
    example: 'unit,region,nation',
  }),
});
export type AnalyticsQuery = z.infer<typeof analyticsQuery>;

export const analyticsExportQuery = analyticsQuery.extend({
  format: z.enum(['xlsx', 'csv']).default('xlsx').meta({
    description: '`xlsx` (Excel) hoặc `csv` (UTF-8 có BOM, mở được bằng Excel).',
  }),
});

const count = z.number().int();

const indicatorDim = z.object({
  /** What the query named: `CODE` or `CODE.OPTION`. */
  key: z.string(),
  code: z.string(),
  optionCode: z.string().nullable(),
  nameVi: z.string(),
  nameEn: z.string(),
  optionNameVi: z.string().nullable(),
  optionNameEn: z.string().nullable(),
  unitVi: z.string(),
  unitEn: z.string(),
  valueType: z.enum(VALUE_TYPES),
  unitAggregation: z.enum(UNIT_AGGREGATIONS),
  ratio: z
    .object({ numerator: z.string(), denominator: z.string(), factor: z.number() })
    .nullable(),
});

const periodDim = z.object({
  code: z.string(),
  type: z.enum(PERIOD_TYPES),
  form: z.enum(PERIOD_FORMS),
  start: z.string(),
  end: z.string(),
  labelVi: z.string(),
  labelEn: z.string(),
});

const rowDim = z.object({
  level: z.enum(LEVELS),
  /** The unit's id, `region:<tên vùng>` or `nation`. */
  key: z.string(),
  unitId: z.string().nullable(),
  code: z.string().nullable(),
  nameVi: z.string(),
  nameEn: z.string(),
  regionVi: z.string().nullable(),
  regionEn: z.string().nullable(),
});

const unitDim = z.object({
  id: z.string(),
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  regionVi: z.string(),
  regionEn: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});

const cellNote = z.object({
  at: count.meta({ description: 'Vị trí của ô trong `values`.' }),
  flags: z.array(z.enum(ANALYTICS_FLAGS)).optional(),
  coverage: z
    .object({ reported: count, expected: count })
    .optional()
    .meta({ description: 'Số đơn vị có số liệu / số đơn vị phải có.' }),
  missing: z
    .array(z.string())
    .optional()
    .meta({ description: 'Các đơn vị (xem `units`) chưa có số liệu.' }),
});

export const analyticsResponse = z.object({
  boundaries: z.enum(BOUNDARIES),
  /** Today: the day whose boundaries `current` restates on. */
  asOf: z.string(),
  levels: z.array(z.enum(LEVELS)),
  scope: z.enum(['national', 'province']),
  /** At least one cell is built from synthetic (demonstration) values. */
  synthetic: z.boolean(),
  notes: z.array(z.string()),
  indicators: z.array(indicatorDim),
  periods: z.array(periodDim),
  rows: z.array(rowDim),
  /** Every unit named by a row or a `missing` list. */
  units: z.array(unitDim),
  size: z.tuple([count, count, count]).meta({
    description: 'Số chỉ tiêu, số dòng, số kỳ: `values` có tích ba số này phần tử.',
  }),
  values: z.array(z.union([z.number(), z.string(), z.boolean(), z.null()])).meta({
    description:
      'Giá trị các ô theo thứ tự chỉ tiêu × dòng × kỳ (như JSON-stat): ô của chỉ tiêu i, dòng r, kỳ p ở vị trí (i × số dòng + r) × số kỳ + p. null: trống.',
  }),
  marks: z.string().meta({
    description:
      'Một ký tự cho mỗi ô: `-` dòng không có số trong kỳ đó (theo đơn vị báo cáo: tỉnh chưa hoặc không còn tồn tại vào ngày cuối kỳ), `0` số liệu báo cáo (hoặc trống), `1` tính từ ít nhất một số liệu mô phỏng.',
  }),
  cellNotes: z.array(cellNote).meta({
    description:
      'Các ô có cờ, số đơn vị có số liệu (vùng, cả nước; tỉnh quy đổi còn thiếu) hoặc danh sách đơn vị thiếu.',
  }),
});
export type AnalyticsResponse = z.infer<typeof analyticsResponse>;
