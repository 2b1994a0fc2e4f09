import { z } from 'zod';
import { LIMITS } from '@caunoi/shared';
import { isoDate, optionalText, pageMeta, paging, text } from '../../http/schemas.js';

export const positionSchema = z
  .object({
    id: z.string(),
    personId: z.string(),
    organisationId: z.string(),
    organisationName: z.string(),
    title: z.string(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    source: z.string().nullable(),
  })
  .meta({ id: 'Position' });

export const personSchema = z
  .object({
    id: z.string(),
    fullName: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    notes: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    positions: z.array(positionSchema),
  })
  .meta({ id: 'Person' });

export const personDetailSchema = personSchema
  .extend({
    /** Positions held on `asOf` (when asked), e.g. "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh" on 2023-05-11. */
    asOf: z.string().nullable(),
    positionsOn: z.array(positionSchema),
    canEdit: z.boolean(),
  })
  .meta({ id: 'PersonDetail' });

export const listPeopleQuery = z.object({
  q: z.string().max(LIMITS.searchMax).optional(),
  organisationId: z.uuid().optional(),
  asOf: isoDate.optional().meta({ description: 'Chỉ người giữ chức vụ vào ngày này' }),
  ...paging,
});

export const personListResponse = z.object({ ...pageMeta, items: z.array(personSchema) });

export const personQuery = z.object({ asOf: isoDate.optional() });

export const positionBody = z
  .object({
    organisationId: z.uuid({ message: 'Chọn tổ chức.' }),
    title: text(LIMITS.nameMax),
    validFrom: isoDate.nullable().optional(),
    validTo: isoDate.nullable().optional(),
    source: optionalText(1000),
  })
  .refine((p) => !p.validFrom || !p.validTo || p.validFrom <= p.validTo, {
    message: 'Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.',
    path: ['validTo'],
  });

export const createPersonBody = z.object({
  fullName: text(200),
  email: z.email({ message: 'Địa chỉ email không hợp lệ.' }).nullable().optional(),
  phone: optionalText(50),
  notes: optionalText(),
  positions: z.array(positionBody).max(50).default([]),
});

export const updatePersonBody = z
  .object({
    fullName: text(200).optional(),
    email: z.email({ message: 'Địa chỉ email không hợp lệ.' }).nullable().optional(),
    phone: optionalText(50),
    notes: optionalText(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'Không có trường nào để cập nhật.' });

export const updatePositionBody = z
  .object({
    organisationId: z.uuid().optional(),
    title: text(LIMITS.nameMax).optional(),
    validFrom: isoDate.nullable().optional(),
    validTo: isoDate.nullable().optional(),
    source: optionalText(1000),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'Không có trường nào để cập nhật.' });
