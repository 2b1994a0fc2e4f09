import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../http/access.js';
import { AppError, validationError } from '../../http/errors.js';
import { errorResponses, errorSchema } from '../../http/schemas.js';
import { cleanFileName } from '../attachments/attachments.service.js';
import { detectFormat } from './import.parse.js';
import {
  importListResponse,
  importQuery,
  importSummarySchema,
  listImportsQuery,
  MAX_IMPORT_BYTES,
  type ImportFormat,
} from './import.schemas.js';
import { importValues, listImports } from './import.service.js';

const tags = ['Thống kê: nhập dữ liệu hàng loạt'];
const MB = 1024 * 1024;

const tooLarge = () =>
  new AppError(
    'PAYLOAD_TOO_LARGE',
    `Tệp vượt quá ${MAX_IMPORT_BYTES / MB} MB. Hãy chia tệp, ví dụ theo năm hoặc theo nhóm chỉ tiêu.`,
    { limitBytes: MAX_IMPORT_BYTES },
  );

/** A raw body read whole, refused as soon as it passes the import limit. */
async function readBody(request: FastifyRequest, payload: NodeJS.ReadableStream): Promise<Buffer> {
  if (Number(request.headers['content-length'] ?? 0) > MAX_IMPORT_BYTES) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of payload) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > MAX_IMPORT_BYTES) throw tooLarge();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, size);
}

const CSV_TYPES = ['text/csv', 'application/csv', 'text/plain'];

/** The file of the request: a multipart upload, or the body itself (CSV or JSON). */
async function fileOf(
  request: FastifyRequest,
  declared: ImportFormat | undefined,
  declaredName: string | undefined,
): Promise<{ content: Buffer; format: ImportFormat; fileName: string | null }> {
  const name = (n: string | undefined) => (n && n.trim() !== '' ? cleanFileName(n) : null);
  if (request.isMultipart()) {
    const part = await request.file({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } });
    if (!part) {
      throw validationError('Chưa chọn tệp.', [{ path: 'file', message: 'Chưa chọn tệp.' }]);
    }
    let content: Buffer;
    try {
      content = await part.toBuffer();
    } catch (error) {
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
      throw error;
    }
    const fileName = name(declaredName) ?? name(part.filename);
    const format =
      declared ?? (part.mimetype.includes('json') ? 'json' : detectFormat(content, fileName));
    return { content, format, fileName };
  }
  if (!Buffer.isBuffer(request.body)) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Gửi tệp dạng multipart/form-data, hoặc nội dung với Content-Type text/csv hay application/json.',
    );
  }
  const content = request.body;
  const type = String(request.headers['content-type'] ?? '').toLowerCase();
  const fileName = name(declaredName);
  const format =
    declared ??
    (type.startsWith('application/json')
      ? 'json'
      : type.startsWith('text/csv') || type.startsWith('application/csv')
        ? 'csv'
        : detectFormat(content, fileName));
  return { content, format, fileName };
}

export const statisticsImportRoutes: FastifyPluginAsyncZod = async (app) => {
  // In this plugin only, JSON and CSV bodies arrive as the bytes sent: the file is decoded and
  // read by the import, which tells the line of each problem.
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser(['application/json', ...CSV_TYPES], readBody);

  app.post(
    '/statistics/imports',
    {
      config: { access: 'statistics.import' },
      schema: {
        tags,
        summary: 'Nhập số liệu hàng loạt từ tệp CSV hoặc JSON (quản trị hệ thống)',
        description: [
          `Gửi tệp dạng multipart/form-data (trường file) hoặc gửi thẳng nội dung với Content-Type text/csv hoặc application/json; tối đa ${MAX_IMPORT_BYTES / MB} MB.`,
          'CSV: dòng tiêu đề indicator,option,unit,period,value,comment (phân cách bằng dấu phẩy hoặc dấu chấm phẩy, UTF-8, có hoặc không có BOM). JSON: mảng các bản ghi cùng các trường, hoặc {"values": [...]}.',
          'unit: mã đơn vị (31@2025-07-01) hoặc mã tỉnh, hiểu theo ngày cuối kỳ (36 năm 2024 là Nam Định cũ). period: 2024, 2024H1, 2024Q3, 2024M07, thêm -AD cho kỳ hành chính. value: số viết kiểu Việt Nam hoặc quốc tế; ô trống là trống, không phải 0. Số tổng của chỉ tiêu có phân tổ được tính, không nhập.',
          'Có lỗi thì không ghi gì (committed: false, danh sách lỗi kèm số dòng); không lỗi thì ghi tất cả trong một giao dịch. dryRun=true: chỉ kiểm tra và đếm.',
        ].join('\n\n'),
        consumes: ['text/csv', 'application/json', 'multipart/form-data'],
        querystring: importQuery,
        body: z.unknown().meta({
          description: 'Nội dung tệp CSV hoặc JSON, hoặc biểu mẫu multipart có trường file',
          format: 'binary',
        }),
        response: {
          200: importSummarySchema,
          ...errorResponses,
          413: errorSchema,
          415: errorSchema,
        },
      },
    },
    async (request) => {
      const file = await fileOf(request, request.query.format, request.query.fileName);
      if (file.content.length === 0) {
        throw validationError('Tệp không có dữ liệu.', { reason: 'EMPTY_FILE' });
      }
      return importValues(ctxOf(request), app.deps.units.registry, {
        ...file,
        dryRun: request.query.dryRun === 'true',
      });
    },
  );

  app.get(
    '/statistics/imports',
    {
      config: { access: 'statistics.import' },
      schema: {
        tags,
        summary: 'Các lần nhập số liệu hàng loạt, mới nhất trước',
        querystring: listImportsQuery,
        response: { 200: importListResponse, ...errorResponses },
      },
    },
    async (request) => listImports(app.deps.database, request.query),
  );
};
