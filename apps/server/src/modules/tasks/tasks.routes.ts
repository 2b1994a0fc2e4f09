import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../http/access.js';
import { deleteRoute } from '../../http/routes.js';
import { errorResponses, uuidParam, writeErrors } from '../../http/schemas.js';
import { sendFile, XLSX_CONTENT_TYPE } from '../../http/download.js';
import { league } from './tasks.league.js';
import { presentDetail, presentReport, presentSummary } from './tasks.presenter.js';
import {
  answerBody,
  batchResponse,
  batchTasksBody,
  completeBody,
  createTaskBody,
  decisionBody,
  explanationBody,
  extensionBody,
  leagueQuery,
  leagueResponse,
  listTasksQuery,
  reportBody,
  reportSchema,
  taskDetailSchema,
  taskListResponse,
  updateTaskBody,
} from './tasks.schemas.js';
import * as service from './tasks.service.js';
import { leagueFileName, leagueWorkbook } from './tasks.xlsx.js';

const tags = ['Nhiệm vụ'];

export const tasksRoutes: FastifyPluginAsyncZod = async (app) => {
  const env = () => service.taskEnv(app.deps);

  app.get(
    '/tasks',
    {
      config: { access: 'coordination.read' },
      schema: {
        tags,
        summary: 'Danh sách nhiệm vụ (lọc theo nguồn, đơn vị, tỉnh, trạng thái; sắp theo hạn)',
        description:
          'Trạng thái được tính: completion (open/done), timeliness (within_deadline/overdue khi chưa xong; on_time/late khi đã xong), dueSoon (sắp đến hạn). Lọc theo leadUnitId gồm cả nhiệm vụ của các tỉnh cũ đã hợp thành tỉnh đó.',
        querystring: listTasksQuery,
        response: { 200: taskListResponse, ...errorResponses },
      },
    },
    async (request) => {
      const e = env();
      const result = await service.listTasks(ctxOf(request), e, request.query);
      return { ...result, items: result.items.map((s) => presentSummary(e, s)) };
    },
  );

  app.get(
    '/tasks/league',
    {
      config: { access: 'coordination.read' },
      schema: {
        tags,
        summary: 'Bảng xếp hạng thực hiện nhiệm vụ theo đơn vị chủ trì hoặc tỉnh, thành phố',
        description:
          'Đếm các nghĩa vụ (nhiệm vụ có thời hạn; mỗi kỳ của nhiệm vụ thường xuyên) có hạn trong kỳ theo trạng thái. Tỷ lệ đúng hạn = hoàn thành đúng hạn ÷ đã hoàn thành.',
        querystring: leagueQuery,
        response: { 200: leagueResponse, ...errorResponses },
      },
    },
    async (request) => league(ctxOf(request), env(), request.query),
  );

  app.get(
    '/tasks/league.xlsx',
    {
      config: { access: 'coordination.read' },
      schema: {
        tags,
        summary: 'Bảng xếp hạng dạng Excel (.xlsx)',
        querystring: leagueQuery,
        response: {
          200: z.string().meta({ description: 'Tệp Excel', format: 'binary' }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const e = env();
      const table = await league(ctxOf(request), e, request.query);
      const file = await leagueWorkbook(table, e.now);
      return sendFile(reply, {
        file,
        fileName: leagueFileName(table.meta),
        contentType: XLSX_CONTENT_TYPE,
      });
    },
  );

  app.get(
    '/tasks/:id',
    {
      config: { access: 'coordination.read' },
      schema: {
        tags,
        summary:
          'Một nhiệm vụ: nguồn, đơn vị, hạn (hiện tại và ban đầu), trạng thái, các kỳ, báo cáo, gia hạn, giải trình',
        params: uuidParam,
        response: { 200: taskDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const e = env();
      return presentDetail(e, await service.getTask(ctxOf(request), e, request.params.id));
    },
  );

  app.post(
    '/tasks',
    {
      config: { access: 'coordination.manage' },
      schema: {
        tags,
        summary: 'Giao một nhiệm vụ (có hạn hoàn thành, hoặc thường xuyên theo chu kỳ báo cáo)',
        body: createTaskBody,
        response: { 201: taskDetailSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const e = env();
      const created = await service.createTask(ctxOf(request), e, request.body);
      return reply.status(201).send(presentDetail(e, created));
    },
  );

  app.post(
    '/tasks/batch',
    {
      config: { access: 'coordination.manage' },
      schema: {
        tags,
        summary: 'Giao nhiều nhiệm vụ của một nguồn cùng lúc (vd. các điểm của thông báo kết luận)',
        description: 'Tất cả cùng được lưu, hoặc không nhiệm vụ nào được lưu nếu có lỗi.',
        body: batchTasksBody,
        response: { 201: batchResponse, ...writeErrors },
      },
    },
    async (request, reply) => {
      const e = env();
      const created = await service.createTasks(ctxOf(request), e, request.body);
      return reply.status(201).send({ items: created.map((s) => presentSummary(e, s)) });
    },
  );

  app.patch(
    '/tasks/:id',
    {
      config: { access: 'coordination.manage' },
      schema: {
        tags,
        summary: 'Sửa nhiệm vụ',
        params: uuidParam,
        body: updateTaskBody,
        response: { 200: taskDetailSchema, ...writeErrors },
      },
    },
    async (request) => {
      const e = env();
      return presentDetail(
        e,
        await service.updateTask(ctxOf(request), e, request.params.id, request.body),
      );
    },
  );

  deleteRoute(
    app,
    '/tasks/:id',
    'coordination.manage',
    { tags, summary: 'Xóa nhiệm vụ giao nhầm (không được khi đã có báo cáo tiến độ)' },
    (ctx, id) => service.deleteTask(ctx, env(), id),
  );

  app.post(
    '/tasks/:id/reports',
    {
      config: { access: 'tasks.report' },
      schema: {
        tags,
        summary: 'Báo cáo tiến độ (đơn vị chủ trì); nhiệm vụ thường xuyên ghi rõ kỳ báo cáo',
        description:
          'Tệp minh chứng: đính kèm vào báo cáo với entityType=task_report, purpose=evidence.',
        params: uuidParam,
        body: reportBody,
        response: { 201: reportSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const report = await service.addReport(
        ctxOf(request),
        env(),
        request.params.id,
        request.body,
      );
      const { userId, displayName } = request.actor!;
      return reply.status(201).send(presentReport(report, { id: userId, displayName }));
    },
  );

  app.post(
    '/tasks/:id/complete',
    {
      config: { access: 'tasks.report' },
      schema: {
        tags,
        summary: 'Báo cáo hoàn thành (đơn vị chủ trì): ngày hoàn thành và văn bản, sản phẩm đầu ra',
        description: 'Tệp sản phẩm: đính kèm vào nhiệm vụ với entityType=task, purpose=output.',
        params: uuidParam,
        body: completeBody,
        response: { 200: taskDetailSchema, ...writeErrors },
      },
    },
    async (request) => {
      const e = env();
      return presentDetail(
        e,
        await service.completeTask(ctxOf(request), e, request.params.id, request.body),
      );
    },
  );

  app.post(
    '/tasks/:id/reopen',
    {
      config: { access: 'coordination.manage' },
      schema: {
        tags,
        summary: 'Mở lại nhiệm vụ đã báo cáo hoàn thành (bên giao)',
        params: uuidParam,
        response: { 200: taskDetailSchema, ...writeErrors },
      },
    },
    async (request) => {
      const e = env();
      return presentDetail(e, await service.reopenTask(ctxOf(request), e, request.params.id));
    },
  );

  app.post(
    '/tasks/:id/extensions',
    {
      config: { access: 'tasks.report' },
      schema: {
        tags,
        summary: 'Đề nghị gia hạn (đơn vị chủ trì); mỗi lúc chỉ một đề nghị chờ quyết định',
        params: uuidParam,
        body: extensionBody,
        response: { 201: taskDetailSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const e = env();
      const detail = await service.requestExtension(
        ctxOf(request),
        e,
        request.params.id,
        request.body,
      );
      return reply.status(201).send(presentDetail(e, detail));
    },
  );

  app.post(
    '/task-extensions/:id/decision',
    {
      config: { access: 'coordination.manage' },
      schema: {
        tags,
        summary: 'Quyết định đề nghị gia hạn (bên giao): đồng ý thì hạn mới có hiệu lực',
        params: uuidParam,
        body: decisionBody,
        response: { 200: taskDetailSchema, ...writeErrors },
      },
    },
    async (request) => {
      const e = env();
      return presentDetail(
        e,
        await service.decideExtension(ctxOf(request), e, request.params.id, request.body),
      );
    },
  );

  app.post(
    '/tasks/:id/explanations',
    {
      config: { access: 'coordination.manage' },
      schema: {
        tags,
        summary: 'Yêu cầu giải trình (bên giao), chỉ với nhiệm vụ đang quá hạn',
        params: uuidParam,
        body: explanationBody,
        response: { 201: taskDetailSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const e = env();
      const detail = await service.requestExplanation(
        ctxOf(request),
        e,
        request.params.id,
        request.body,
      );
      return reply.status(201).send(presentDetail(e, detail));
    },
  );

  app.post(
    '/task-explanations/:id/answer',
    {
      config: { access: 'tasks.report' },
      schema: {
        tags,
        summary: 'Trả lời yêu cầu giải trình (đơn vị chủ trì)',
        params: uuidParam,
        body: answerBody,
        response: { 200: taskDetailSchema, ...writeErrors },
      },
    },
    async (request) => {
      const e = env();
      return presentDetail(
        e,
        await service.answerExplanation(ctxOf(request), e, request.params.id, request.body),
      );
    },
  );
};
