import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../http/access.js';
import { readUploadedFile } from '../../http/multipart.js';
import { errorResponses } from '../../http/schemas.js';
import { sendFile, XLSX_CONTENT_TYPE } from '../../http/download.js';
import { MAX_FILE_BYTES } from '../attachments/attachments.service.js';
import { templateQuery, uploadQuery, uploadResponse } from './excel.schemas.js';
import { downloadTemplate, uploadWorkbook } from './excel.service.js';
import { statisticsEnv } from './statistics.routes.js';

const tags = ['Thống kê'];

/** The Excel template of a form, and the upload of a filled one (preview, then commit). */
export const statisticsExcelRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/statistics/templates',
    {
      config: { access: 'statistics.read' },
      schema: {
        tags,
        summary: 'Tải mẫu Excel của một biểu mẫu cho một kỳ và một hoặc nhiều đơn vị (.xlsx)',
        description:
          'Một trang số liệu cho mỗi đơn vị (số liệu đang lưu được điền sẵn, ô trống vẫn để trống), trang hướng dẫn tiếng Việt, mã chỉ tiêu ở cột ẩn, trang tính được bảo vệ (không mật khẩu), kiểm tra dữ liệu theo loại chỉ tiêu. Dòng tổng và tỷ lệ tính tự động bằng công thức.',
        querystring: templateQuery,
        response: {
          200: z.string().meta({ description: 'Tệp Excel', format: 'binary' }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const { file, fileName } = await downloadTemplate(
        ctxOf(request),
        statisticsEnv(app),
        request.query,
      );
      return sendFile(reply, { file, fileName, contentType: XLSX_CONTENT_TYPE });
    },
  );

  app.post(
    '/statistics/uploads',
    {
      config: { access: 'statistics.enter' },
      schema: {
        tags,
        summary: 'Tải lên mẫu Excel đã điền: xem trước mọi thay đổi và lỗi theo ô, rồi ghi một lần',
        description: `multipart/form-data, một trường tệp "file" (.xlsx, tối đa ${MAX_FILE_BYTES / 1024 / 1024} MB). dryRun=true (mặc định) chỉ trả về bản xem trước; dryRun=false ghi toàn bộ trong một giao dịch, hoặc trả 400 UPLOAD_INVALID (details = bản xem trước) và không ghi gì khi còn lỗi. formId, periodCode, unitId: biểu, kỳ, đơn vị của trang đang mở; tệp của biểu, kỳ hoặc đơn vị khác bị từ chối (WORKBOOK_MISMATCH).`,
        consumes: ['multipart/form-data'],
        querystring: uploadQuery,
        response: { 200: uploadResponse, ...errorResponses },
      },
    },
    async (request) => {
      const file = await readUploadedFile(request, {
        maxBytes: MAX_FILE_BYTES,
        missingMessage: 'Chưa chọn tệp Excel.',
      });
      const { dryRun, ...expected } = request.query;
      return uploadWorkbook(ctxOf(request), statisticsEnv(app), {
        file: file.content,
        fileName: file.name || null,
        dryRun,
        expected,
      });
    },
  );
};
