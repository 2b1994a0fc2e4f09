import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../http/access.js';
import { readUploadedFile } from '../../http/multipart.js';
import { deleteRoute } from '../../http/routes.js';
import { errorResponses, uuidParam, writeErrors } from '../../http/schemas.js';
import { sendFile } from '../../http/download.js';
import { MAX_FILE_BYTES } from '../attachments/attachments.service.js';
import {
  createEditionBody,
  editionListResponse,
  editionSchema,
  exportQuery,
  publishedListResponse,
  publishedQuery,
  updateEditionBody,
} from './editions.schemas.js';
import * as service from './editions.service.js';
import { IMETA_COLUMNS } from './imeta.js';
import { listPublished } from './published.service.js';

const tags = ['Bộ chỉ số ĐMST cấp địa phương (PII)'];

/** Editions of the PII framework (edit, import, export) and the published results. */
export const piiEditionsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/pii/editions',
    {
      config: { access: 'pii.read' },
      schema: {
        tags,
        summary: 'Các ấn bản khung Bộ chỉ số, năm mới nhất trước',
        response: { 200: editionListResponse, ...errorResponses },
      },
    },
    async (request) => ({ items: await service.listEditions(ctxOf(request)) }),
  );

  app.get(
    '/pii/editions/:id',
    {
      config: { access: 'pii.read' },
      schema: {
        tags,
        summary: 'Một ấn bản: khung chỉ số (theo thứ tự) và cấu hình tính toán',
        params: uuidParam,
        response: { 200: editionSchema, ...errorResponses },
      },
    },
    async (request) => service.getEdition(ctxOf(request), request.params.id),
  );

  app.post(
    '/pii/editions',
    {
      config: { access: 'pii.manage' },
      schema: {
        tags,
        summary:
          'Tạo ấn bản mới: khung trống (chỉ số tổng hợp, 2 chỉ số phụ, 7 trụ cột) hoặc sao chép khung và cấu hình của một ấn bản (copyFrom)',
        body: createEditionBody,
        response: { 201: editionSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createEdition(ctxOf(request), request.body)),
  );

  app.put(
    '/pii/editions/:id',
    {
      config: { access: 'pii.manage' },
      schema: {
        tags,
        summary:
          'Sửa ấn bản: tên, năm số liệu, ghi chú, cấu hình và toàn bộ khung chỉ số trong một lần',
        description:
          'Khung được kiểm tra bằng bộ máy tính chỉ số (cây, cấp, trọng số, chiều, mẫu số) và mọi SourceIndicator phải có trong danh mục chỉ tiêu thống kê. Khung sai: 400 PII_FRAMEWORK_INVALID, details = { row (từ 1, theo bảng), column (tên cột iMeta), field, code }. Các lần tính đã có giữ nguyên khung của chúng.',
        params: uuidParam,
        body: updateEditionBody,
        response: { 200: editionSchema, ...writeErrors },
      },
    },
    async (request) => service.updateEdition(ctxOf(request), request.params.id, request.body),
  );

  deleteRoute(
    app,
    '/pii/editions/:id',
    'pii.manage',
    { tags, summary: 'Xóa ấn bản chưa có lần tính nào (409 PII_EDITION_HAS_RUNS nếu đã có)' },
    service.deleteEdition,
  );

  app.post(
    '/pii/editions/:id/import',
    {
      config: { access: 'pii.manage' },
      schema: {
        tags,
        summary:
          'Nhập khung chỉ số từ tệp iMeta (.csv hoặc .xlsx): thay toàn bộ khung, hoặc không thay đổi gì nếu tệp còn lỗi',
        description: `multipart/form-data, một trường tệp "file" (tối đa ${MAX_FILE_BYTES / 1024 / 1024} MB). Cột: ${IMETA_COLUMNS.join(', ')} (bắt buộc: Level, iCode, iName, Direction, Weight, Parent, Type). Với .xlsx: trang tính đầu tiên, dòng 1 là tiêu đề. Lỗi: 400 PII_FRAMEWORK_INVALID, details = { row (dòng trong tệp, tiêu đề là dòng 1), column, code }.`,
        consumes: ['multipart/form-data'],
        params: uuidParam,
        response: { 200: editionSchema, ...writeErrors },
      },
    },
    async (request) => {
      const file = await readUploadedFile(request, {
        maxBytes: MAX_FILE_BYTES,
        missingMessage: 'Chưa chọn tệp khung chỉ số (.csv hoặc .xlsx).',
      });
      return service.importEdition(ctxOf(request), request.params.id, {
        name: file.name || null,
        content: file.content,
      });
    },
  );

  app.get(
    '/pii/editions/:id/export',
    {
      config: { access: 'pii.read' },
      schema: {
        tags,
        summary: 'Tải khung chỉ số theo định dạng iMeta (CSV UTF-8 hoặc Excel có trang hướng dẫn)',
        params: uuidParam,
        querystring: exportQuery,
        response: {
          200: z.string().meta({ description: 'Nội dung tệp', format: 'binary' }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const { file, fileName, contentType } = await service.exportEdition(
        ctxOf(request),
        request.params.id,
        request.query.format,
      );
      return sendFile(reply, { file, fileName, contentType });
    },
  );

  app.get(
    '/pii/published',
    {
      config: { access: 'pii.read' },
      schema: {
        tags,
        summary: 'Kết quả PII đã công bố (kèm nguồn), để đối chiếu với các lần tính',
        description:
          'Tỉnh được đối chiếu với danh mục đơn vị hành chính theo phạm vi của ấn bản năm đó (unitId null nếu không khớp). conflict = true khi một số liệu khác cùng năm, cùng tỉnh ghi điểm hoặc thứ hạng khác.',
        querystring: publishedQuery,
        response: { 200: publishedListResponse, ...errorResponses },
      },
    },
    async (request) => ({ items: await listPublished(ctxOf(request), request.query.year) }),
  );
};
