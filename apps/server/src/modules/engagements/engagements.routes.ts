import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../../http/access.js';
import { childRoutes, deleteRoute } from '../../http/routes.js';
import { errorResponses, uuidParam, writeErrors } from '../../http/schemas.js';
import { coordinationEnv } from '../programmes/programmes.routes.js';
import {
  presentDirective,
  presentEngagement,
  presentEngagementDetail,
  presentNoticeDetail,
  presentParticipant,
} from './engagements.presenter.js';
import {
  createDirectiveBody,
  createEngagementBody,
  createNoticeBody,
  createParticipantBody,
  directiveSchema,
  engagementDetailSchema,
  engagementListResponse,
  listEngagementsQuery,
  noticeDetailSchema,
  participantSchema,
  updateDirectiveBody,
  updateEngagementBody,
  updateNoticeBody,
  updateParticipantBody,
} from './engagements.schemas.js';
import * as service from './engagements.service.js';

const tags = ['Sự kiện, làm việc'];

export const engagementsRoutes: FastifyPluginAsyncZod = async (app) => {
  const env = () => coordinationEnv(app);

  app.get(
    '/engagements',
    {
      config: { access: 'coordination.read' },
      schema: {
        tags,
        summary: 'Danh sách sự kiện (buổi làm việc, hội nghị, lễ ký kết, khảo sát), mới nhất trước',
        description:
          'Sự kiện không gắn tỉnh nào (hội nghị toàn quốc) hiển thị cho mọi người được xem dữ liệu phối hợp; sự kiện khác hiển thị cho tỉnh tham gia (kể cả tỉnh kế thừa sau sắp xếp).',
        querystring: listEngagementsQuery,
        response: { 200: engagementListResponse, ...errorResponses },
      },
    },
    async (request) => {
      const e = env();
      const result = await service.listEngagements(ctxOf(request), e, request.query);
      return { ...result, items: result.items.map((s) => presentEngagement(e, s)) };
    },
  );

  app.get(
    '/engagements/:id',
    {
      config: { access: 'coordination.read' },
      schema: {
        tags,
        summary: 'Một sự kiện: thành phần tham dự, chỉ đạo, thông báo kết luận, kiến nghị',
        params: uuidParam,
        response: { 200: engagementDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const e = env();
      return presentEngagementDetail(
        e,
        await service.getEngagement(ctxOf(request), e, request.params.id),
      );
    },
  );

  app.post(
    '/engagements',
    {
      config: { access: 'engagements.write' },
      schema: {
        tags,
        summary: 'Ghi nhận sự kiện (tỉnh chỉ ghi sự kiện mà mọi tỉnh tham gia đều là của mình)',
        body: createEngagementBody,
        response: { 201: engagementDetailSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const e = env();
      const created = await service.createEngagement(ctxOf(request), e, request.body);
      return reply.status(201).send(presentEngagementDetail(e, created));
    },
  );

  app.patch(
    '/engagements/:id',
    {
      config: { access: 'engagements.write' },
      schema: {
        tags,
        summary: 'Sửa sự kiện (danh sách tỉnh, nếu gửi, thay cho danh sách cũ)',
        params: uuidParam,
        body: updateEngagementBody,
        response: { 200: engagementDetailSchema, ...writeErrors },
      },
    },
    async (request) => {
      const e = env();
      return presentEngagementDetail(
        e,
        await service.updateEngagement(ctxOf(request), e, request.params.id, request.body),
      );
    },
  );

  deleteRoute(
    app,
    '/engagements/:id',
    'engagements.write',
    {
      tags,
      summary: 'Xóa sự kiện (không được khi còn thông báo kết luận hoặc nhiệm vụ theo chỉ đạo)',
    },
    service.deleteEngagement,
  );

  childRoutes(app, {
    access: 'engagements.write',
    tags,
    addPath: '/engagements/:id/participants',
    path: '/engagement-participants/:id',
    schema: participantSchema,
    add: {
      summary: 'Thêm người tham dự (bỏ trống chức danh: lấy chức vụ giữ vào ngày diễn ra)',
      body: createParticipantBody,
      run: async (ctx, id, input) =>
        presentParticipant(await service.addParticipant(ctx, id, input)),
    },
    update: {
      summary: 'Sửa người tham dự (chức danh, tổ chức, phía, thứ tự)',
      body: updateParticipantBody,
      run: async (ctx, id, input) =>
        presentParticipant(await service.updateParticipant(ctx, id, input)),
    },
    remove: { summary: 'Bỏ người tham dự', run: service.removeParticipant },
  });

  childRoutes(app, {
    access: 'coordination.manage',
    tags,
    addPath: '/engagements/:id/directives',
    path: '/directives/:id',
    schema: directiveSchema,
    add: {
      summary: 'Thêm chỉ đạo (đánh số lại các chỉ đạo sau)',
      body: createDirectiveBody,
      run: async (ctx, id, input) => presentDirective(await service.addDirective(ctx, id, input)),
    },
    update: {
      summary: 'Sửa hoặc chuyển vị trí một chỉ đạo',
      body: updateDirectiveBody,
      run: async (ctx, id, input) =>
        presentDirective(await service.updateDirective(ctx, id, input)),
    },
    remove: {
      summary: 'Xóa chỉ đạo (không được khi đã giao nhiệm vụ theo chỉ đạo)',
      run: service.deleteDirective,
    },
  });

  childRoutes(app, {
    access: 'coordination.manage',
    tags,
    addPath: '/engagements/:id/conclusion-notices',
    path: '/conclusion-notices/:id',
    schema: noticeDetailSchema,
    add: {
      summary: 'Thêm thông báo kết luận của sự kiện',
      body: createNoticeBody,
      run: async (ctx, id, input) => presentNoticeDetail(await service.addNotice(ctx, id, input)),
    },
    update: {
      summary: 'Sửa thông báo kết luận',
      body: updateNoticeBody,
      run: async (ctx, id, input) =>
        presentNoticeDetail(await service.updateNotice(ctx, id, input)),
    },
    remove: {
      summary: 'Xóa thông báo kết luận (không được khi đã giao nhiệm vụ theo thông báo)',
      run: service.deleteNotice,
    },
  });

  app.get(
    '/conclusion-notices/:id',
    {
      config: { access: 'coordination.read' },
      schema: {
        tags,
        summary: 'Một thông báo kết luận',
        params: uuidParam,
        response: { 200: noticeDetailSchema, ...errorResponses },
      },
    },
    async (request) =>
      presentNoticeDetail(await service.getNotice(ctxOf(request), request.params.id)),
  );
};
