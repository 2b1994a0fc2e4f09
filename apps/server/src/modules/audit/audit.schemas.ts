import { z } from 'zod';
import { LIMITS } from '@caunoi/shared';
import { isoDate, pageMeta, paging } from '../../http/schemas.js';

export const auditEntrySchema = z
  .object({
    id: z.number().int(),
    occurredAt: z.string(),
    actorUserId: z.string().nullable(),
    actorUsername: z.string(),
    channel: z.enum(['web', 'api', 'cli', 'system']),
    entityType: z.string(),
    entityId: z.string(),
    entityLabel: z.string().nullable().meta({
      description: 'Tên dễ đọc của bản ghi (tên hiện tại, hoặc tên đã ghi nhận nếu bản ghi đã xóa)',
    }),
    action: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    requestId: z.string().nullable(),
    ip: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });

export const listAuditQuery = z.object({
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(200).optional(),
  actor: z
    .string()
    .max(LIMITS.usernameMax)
    .optional()
    .meta({ description: 'Tên đăng nhập của người thực hiện' }),
  action: z.string().max(100).optional(),
  channel: z.enum(['web', 'api', 'cli', 'system']).optional(),
  from: isoDate.optional().meta({ description: 'Từ ngày (giờ Việt Nam, tính cả ngày này)' }),
  to: isoDate.optional().meta({ description: 'Đến ngày (giờ Việt Nam, tính cả ngày này)' }),
  ...paging,
});

export const auditListResponse = z.object({ ...pageMeta, items: z.array(auditEntrySchema) });
