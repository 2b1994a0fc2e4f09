import { z } from 'zod';
import { LINEAGE_RELATIONS, UNIT_TYPES } from '@caunoi/shared';
import { isoDate } from '../../http/schemas.js';

export const unitIdParam = z.object({
  id: z.string().regex(/^\d{2}@\d{4}-\d{2}-\d{2}$/, {
    message: 'Mã đơn vị phải có dạng mã@ngày-bắt-đầu, ví dụ 31@2025-07-01.',
  }),
});

export const unitRef = z
  .object({
    id: z.string(),
    code: z.string(),
    nameVi: z.string(),
    nameEn: z.string(),
    effectiveDate: z.string(),
    relation: z.enum(LINEAGE_RELATIONS),
    weight: z.number(),
  })
  .meta({ id: 'UnitLineageRef' });

export const unitSnapshot = z
  .object({
    id: z
      .string()
      .meta({ description: 'Định danh: mã@ngày bắt đầu hiệu lực', example: '31@2025-07-01' }),
    code: z.string().meta({ example: '31' }),
    asOf: z.string().meta({ description: 'Ngày mà tên và loại đơn vị được trình bày' }),
    nameVi: z.string(),
    fullNameVi: z.string(),
    nameEn: z.string(),
    nameAscii: z.string(),
    type: z.enum(UNIT_TYPES),
    regionVi: z.string(),
    regionEn: z.string(),
    regionVerified: z.boolean(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    startsBeforeData: z.boolean().meta({
      description:
        'Đơn vị có từ trước mốc đầu của dữ liệu (validFrom là mốc đầu dữ liệu, không phải ngày thành lập)',
    }),
  })
  .meta({ id: 'UnitSnapshot' });

export const unitListItem = unitSnapshot
  .extend({ predecessors: z.array(unitRef), successors: z.array(unitRef) })
  .meta({ id: 'Unit' });

export const unitNameVersion = z.object({
  validFrom: z.string(),
  validTo: z.string().nullable(),
  nameVi: z.string(),
  fullNameVi: z.string(),
  nameEn: z.string(),
  type: z.enum(UNIT_TYPES),
  legalBasis: z.string().nullable(),
  startsBeforeData: z.boolean(),
});

export const unitDetail = unitListItem
  .extend({
    seat: z.string().nullable().meta({ description: 'Trụ sở (nơi đặt trung tâm hành chính)' }),
    names: z.array(unitNameVersion),
  })
  .meta({ id: 'UnitDetail' });

export const lineageLink = z.object({
  unit: unitSnapshot,
  effectiveDate: z.string(),
  relation: z.enum(LINEAGE_RELATIONS),
  weight: z.number(),
  legalBasis: z.string().nullable(),
});

export const lineageResponse = z
  .object({
    unit: unitSnapshot,
    predecessors: z.array(lineageLink),
    successors: z.array(lineageLink),
  })
  .meta({ id: 'UnitLineage' });

export const listQuery = z.object({
  asOf: isoDate.optional().meta({ description: 'Ngày tra cứu (mặc định: hôm nay, giờ Việt Nam)' }),
  q: z
    .string()
    .max(200)
    .optional()
    .meta({ description: 'Tìm theo tên (không dấu cũng được) hoặc mã' }),
});

export const listResponse = z.object({
  asOf: z.string(),
  count: z.number().int(),
  items: z.array(unitListItem),
});

export const mapQuery = z.object({
  from: isoDate.meta({ description: 'Ngày mà đơn vị nguồn có hiệu lực (ngày của số liệu)' }),
  to: isoDate.meta({ description: 'Ngày đích' }),
});

export const mapResponse = z
  .object({
    from: z.object({ unitId: z.string(), date: z.string() }),
    toDate: z.string(),
    direction: z.enum(['same', 'forward', 'backward']),
    units: z.array(z.object({ unit: unitSnapshot, weight: z.number(), path: z.array(z.string()) })),
  })
  .meta({ id: 'UnitMapping' });

export const resolveQuery = z.object({
  code: z.string().regex(/^\d{1,2}$/, { message: 'Mã đơn vị là 1–2 chữ số.' }),
  date: isoDate,
});
