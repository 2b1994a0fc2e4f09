import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ATTACHMENT_PURPOSES } from '@caunoi/shared';
import { ctxOf } from '../../http/access.js';
import { validationError } from '../../http/errors.js';
import { sendFile } from '../../http/download.js';
import { readMultipart } from '../../http/multipart.js';
import { errorResponses, uuidParam } from '../../http/schemas.js';
import type { AttachableEntities } from './attachments.registry.js';
import {
  addAttachment,
  listAttachments,
  MAX_FILE_BYTES,
  readAttachment,
  removeAttachment,
} from './attachments.service.js';

const tags = ['Tệp đính kèm'];

export const attachmentSchema = z
  .object({
    id: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    purpose: z.enum(ATTACHMENT_PURPOSES),
    name: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'Attachment' });

const uploadFields = z.object({
  entityType: z.string().min(1, { message: 'Thiếu loại bản ghi (entityType).' }).max(50),
  entityId: z.uuid({ message: 'Mã bản ghi (entityId) không hợp lệ.' }),
  purpose: z.enum(ATTACHMENT_PURPOSES, {
    message: `Mục đích (purpose) phải là một trong: ${ATTACHMENT_PURPOSES.join(', ')}.`,
  }),
});

const listQuery = z.object({ entityType: z.string().min(1).max(50), entityId: z.uuid() });

function present(v: {
  id: string;
  entityType: string;
  entityId: string;
  purpose: (typeof ATTACHMENT_PURPOSES)[number];
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: Date;
}) {
  return {
    id: v.id,
    entityType: v.entityType,
    entityId: v.entityId,
    purpose: v.purpose,
    name: v.name,
    contentType: v.contentType,
    size: v.size,
    sha256: v.sha256,
    createdAt: v.createdAt.toISOString(),
  };
}

export const attachmentRoutes: FastifyPluginAsyncZod<{ entities: AttachableEntities }> = async (
  app,
  { entities },
) => {
  app.post(
    '/attachments',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Đính kèm một tệp vào bản ghi (multipart/form-data)',
        description: `Các trường: entityType, entityId, purpose (${ATTACHMENT_PURPOSES.join(', ')}), rồi file. Tối đa ${MAX_FILE_BYTES / 1024 / 1024} MB; nhận PDF, Word, Excel, ảnh, tệp nén.`,
        consumes: ['multipart/form-data'],
        response: { 201: attachmentSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { file, fields } = await readMultipart(request, MAX_FILE_BYTES);
      const parsed = uploadFields.safeParse(fields);
      if (!parsed.success) {
        const details = parsed.error.issues.map((i) => ({
          path: i.path.join('.'),
          message: i.message,
        }));
        throw validationError(details.map((d) => d.message).join(' '), details);
      }
      if (!file)
        throw validationError('Chưa chọn tệp.', [{ path: 'file', message: 'Chưa chọn tệp.' }]);
      const view = await addAttachment(ctxOf(request), entities, {
        ...parsed.data,
        fileName: file.name,
        contentType: file.type,
        content: file.content,
      });
      return reply.status(201).send(present(view));
    },
  );

  app.get(
    '/attachments',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Các tệp đính kèm của một bản ghi',
        querystring: listQuery,
        response: { 200: z.object({ items: z.array(attachmentSchema) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: (
        await listAttachments(
          ctxOf(request),
          entities,
          request.query.entityType,
          request.query.entityId,
        )
      ).map(present),
    }),
  );

  app.get(
    '/attachments/:id/content',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Tải tệp đính kèm',
        params: uuidParam,
        response: {
          200: z.string().meta({ description: 'Nội dung tệp', format: 'binary' }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const { view, content } = await readAttachment(ctxOf(request), entities, request.params.id);
      return sendFile(reply, { file: content, fileName: view.name, contentType: view.contentType });
    },
  );

  app.delete(
    '/attachments/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Gỡ tệp đính kèm',
        params: uuidParam,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await removeAttachment(ctxOf(request), entities, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
