import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../../http/access.js';
import { errorResponses } from '../../http/schemas.js';
import { taskEnv } from '../tasks/tasks.service.js';
import { presentDashboard } from './dashboards.presenter.js';
import { dashboardQuery, dashboardResponse } from './dashboards.schemas.js';
import { dashboard } from './dashboards.service.js';

export const dashboardsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/dashboard',
    {
      config: { access: 'coordination.read' },
      schema: {
        tags: ['Tổng quan'],
        summary:
          'Tổng quan phối hợp: nhiệm vụ theo trạng thái, quá hạn, chương trình theo tỉnh, sự kiện, kiến nghị, lộ trình',
        description:
          'Trong phạm vi được xem của tài khoản. Tài khoản cấp Bộ: toàn bộ (chuyên viên đơn vị thuộc Bộ: nhiệm vụ do đơn vị mình chủ trì), hoặc một tỉnh, thành phố khi truyền unitId. Tài khoản địa phương: tỉnh, thành phố của mình, gồm cả hồ sơ của các tỉnh trước sắp xếp đã hợp thành; unitId của tỉnh khác trả về 404. Số nhiệm vụ theo trạng thái khớp với bộ lọc của danh sách nhiệm vụ; số theo đơn vị chủ trì tính như bảng xếp hạng (mỗi kỳ của nhiệm vụ thường xuyên là một nghĩa vụ).',
        querystring: dashboardQuery,
        response: { 200: dashboardResponse, ...errorResponses },
      },
    },
    async (request) => {
      const env = taskEnv(app.deps);
      return presentDashboard(env, await dashboard(ctxOf(request), env, request.query.unitId));
    },
  );
};
