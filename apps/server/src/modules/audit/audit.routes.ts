import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../http/schemas.js';
import { auditEntrySchema, auditListResponse, listAuditQuery } from './audit.schemas.js';
import { getAuditEntry, listAudit } from './audit.service.js';

const tags = ['Nhật ký thay đổi'];

const auditIdParam = z.object({
  id: z.coerce
    .number({ message: 'Mã mục nhật ký phải là số nguyên dương.' })
    .int({ message: 'Mã mục nhật ký phải là số nguyên dương.' })
    .positive({ message: 'Mã mục nhật ký phải là số nguyên dương.' })
    .max(Number.MAX_SAFE_INTEGER),
});

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const database = app.deps.database;

  app.get(
    '/audit',
    {
      config: { access: 'audit.read' },
      schema: {
        tags,
        summary: 'Nhật ký thay đổi, mới nhất trước',
        description:
          'Lọc theo loại và mã bản ghi, người thực hiện (tên đăng nhập), thao tác, kênh (web, api, cli, system) và khoảng ngày (giờ Việt Nam, tính cả hai đầu).',
        querystring: listAuditQuery,
        response: { 200: auditListResponse, ...errorResponses },
      },
    },
    async (request) => listAudit(database, request.query),
  );

  app.get(
    '/audit/:id',
    {
      config: { access: 'audit.read' },
      schema: {
        tags,
        summary: 'Một mục nhật ký',
        params: auditIdParam,
        response: { 200: auditEntrySchema, ...errorResponses },
      },
    },
    async (request) => getAuditEntry(database, request.params.id),
  );
};
