import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../http/access.js';
import { errorResponses } from '../../http/schemas.js';
import { CSV_CONTENT_TYPE, sendFile, XLSX_CONTENT_TYPE } from '../../http/download.js';
import { analyticsCsv, analyticsWorkbook, exportFileName } from './analytics.export.js';
import { presentAnalytics } from './analytics.presenter.js';
import { analyticsExportQuery, analyticsQuery, analyticsResponse } from './analytics.schemas.js';
import { analytics, analyticsEnv } from './analytics.service.js';

const tags = ['Thống kê'];

const DESCRIPTION =
  'Giá trị và số tổng hợp (vùng, cả nước) theo quy tắc tổng hợp của từng chỉ tiêu: cộng dồn, bình quân, tỷ lệ tính lại từ tử số và mẫu số; chỉ tiêu không tổng hợp, văn bản, Có/Không chỉ theo từng đơn vị. `boundaries=current` quy đổi số liệu của 63 tỉnh trước sắp xếp về 34 tỉnh, thành phố hiện nay; số liệu không quy đổi được thì để trống và gắn cờ, không suy đoán. Ô có cờ `incomplete` kèm danh sách đơn vị thiếu; số tổng hợp kèm số đơn vị có số liệu / phải có. Tài khoản địa phương chỉ xem tỉnh mình và các tỉnh trước sắp xếp đã hợp thành, không có số tổng hợp; đơn vị ngoài phạm vi trả về 404.';

export const analyticsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/analytics',
    {
      config: { access: 'statistics.read' },
      // The answer can hold a hundred thousand cells: its shape is fixed by the types of the
      // presenter, so it is written out directly rather than checked cell by cell (decision 0015).
      serializerCompiler: () => (data) => JSON.stringify(data),
      schema: {
        tags,
        summary:
          'Phân tích số liệu thống kê theo chỉ tiêu, đơn vị, kỳ; theo đơn vị báo cáo hoặc địa giới hiện nay',
        description: DESCRIPTION,
        querystring: analyticsQuery,
        response: { 200: analyticsResponse, ...errorResponses },
      },
    },
    async (request) => {
      const env = analyticsEnv(app.deps);
      return presentAnalytics(env, await analytics(ctxOf(request), env, request.query));
    },
  );

  app.get(
    '/analytics/export',
    {
      config: { access: 'statistics.read' },
      schema: {
        tags,
        summary: 'Xuất bảng phân tích ra Excel (.xlsx) hoặc CSV',
        description:
          'Cùng tham số với GET /analytics, thêm `format`. Mỗi dòng là một chỉ tiêu × đơn vị × kỳ; đầu tệp ghi truy vấn, địa giới và cách tính; số liệu mô phỏng được ghi rõ ở từng dòng và ở đầu tệp. CSV mã hóa UTF-8 có BOM.',
        querystring: analyticsExportQuery,
        response: {
          200: z.string().meta({ description: 'Tệp Excel hoặc CSV', format: 'binary' }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const env = analyticsEnv(app.deps);
      const { format, ...query } = request.query;
      const view = presentAnalytics(env, await analytics(ctxOf(request), env, query));
      const createdAt = app.deps.now();
      const file =
        format === 'csv'
          ? analyticsCsv(view, query, createdAt)
          : await analyticsWorkbook(view, query, createdAt);
      return sendFile(reply, {
        file,
        fileName: exportFileName(view, format),
        contentType: format === 'csv' ? CSV_CONTENT_TYPE : XLSX_CONTENT_TYPE,
      });
    },
  );
};
