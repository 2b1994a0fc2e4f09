import { z } from 'zod';
import { LIMITS, ORGANISATION_KINDS } from '@caunoi/shared';
import { isoDate, optionalText, pageMeta, paging, text } from '../../http/schemas.js';

export const organisationSchema = z
  .object({
    id: z.string(),
    code: z.string().nullable(),
    kind: z.enum(ORGANISATION_KINDS),
    nameVi: z.string(),
    nameEn: z.string().nullable(),
    shortName: z.string().nullable(),
    parentId: z.string().nullable(),
    parentName: z.string().nullable(),
    unitId: z.string().nullable(),
    unit: z.object({ id: z.string(), code: z.string(), nameVi: z.string() }).nullable(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    address: z.string().nullable(),
    website: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    notes: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Organisation' });

export const organisationPositionSchema = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  title: z.string(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  source: z.string().nullable(),
});

export const organisationDetailSchema = organisationSchema
  .extend({
    children: z.array(
      z.object({ id: z.string(), nameVi: z.string(), kind: z.enum(ORGANISATION_KINDS) }),
    ),
    positions: z.array(organisationPositionSchema),
    /** Whether the caller may edit or delete this organisation. */
    canEdit: z.boolean(),
  })
  .meta({ id: 'OrganisationDetail' });

export const listOrganisationsQuery = z.object({
  q: z
    .string()
    .max(LIMITS.searchMax)
    .optional()
    .meta({ description: 'Tìm theo tên (có dấu hoặc không dấu)' }),
  kind: z.enum(ORGANISATION_KINDS).optional(),
  unitId: z.string().optional().meta({ description: 'Đơn vị hành chính (mã@ngày)' }),
  parentId: z.uuid().optional(),
  asOf: isoDate.optional().meta({ description: 'Chỉ các tổ chức còn hiệu lực vào ngày này' }),
  ...paging,
});

export const organisationListResponse = z.object({
  ...pageMeta,
  items: z.array(organisationSchema),
});

const url = z.url({ message: 'Địa chỉ website không hợp lệ.' }).max(500).nullable().optional();

export const organisationBody = z.object({
  kind: z.enum(ORGANISATION_KINDS, {
    message: `Loại tổ chức phải là một trong: ${ORGANISATION_KINDS.join(', ')}.`,
  }),
  nameVi: text(LIMITS.nameMax),
  nameEn: optionalText(LIMITS.nameMax),
  shortName: optionalText(200),
  code: optionalText(100),
  parentId: z.uuid().nullable().optional(),
  unitId: z.string().nullable().optional(),
  validFrom: isoDate.nullable().optional(),
  validTo: isoDate.nullable().optional(),
  address: optionalText(500),
  website: url,
  email: z.email({ message: 'Địa chỉ email không hợp lệ.' }).nullable().optional(),
  phone: optionalText(50),
  notes: optionalText(),
});

export const createOrganisationBody = organisationBody;
export const updateOrganisationBody = organisationBody
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'Không có trường nào để cập nhật.' });
