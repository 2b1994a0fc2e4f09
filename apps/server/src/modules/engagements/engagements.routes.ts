import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../http/access.js';
import { errorResponses, uuidParam } from '../../http/schemas.js';
import { coordinationEnv, writeErrors } from '../programmes/programmes.routes.js';
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
const deleted = { 204: z.null(), ...writeErrors };

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

  app.delete(
    '/engagements/:id',
    {
      config: { access: 'engagements.write' },
      schema: {
        tags,
        summary: 'Xóa sự kiện (không được khi còn thông báo kết luận hoặc nhiệm vụ theo chỉ đạo)',
        params: uuidParam,
        response: deleted,
      },
    },
    async (request, reply) => {
      await service.deleteEngagement(ctxOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/engagements/:id/participants',
    {
      config: { access: 'engagements.write' },
      schema: {
        tags,
        summary: 'Thêm người tham dự (bỏ trống chức danh: lấy chức vụ giữ vào ngày diễn ra)',
        params: uuidParam,
        body: createParticipantBody,
        response: { 201: participantSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          presentParticipant(
            await service.addParticipant(ctxOf(request), request.params.id, request.body),
          ),
        ),
  );

  app.patch(
    '/engagement-participants/:id',
    {
      config: { access: 'engagements.write' },
      schema: {
        tags,
        summary: 'Sửa người tham dự (chức danh, tổ chức, phía, thứ tự)',
        params: uuidParam,
        body: updateParticipantBody,
        response: { 200: participantSchema, ...writeErrors },
      },
    },
    async (request) =>
      presentParticipant(
        await service.updateParticipant(ctxOf(request), request.params.id, request.body),
      ),
  );

  app.delete(
    '/engagement-participants/:id',
    {
      config: { access: 'engagements.write' },
      schema: { tags, summary: 'Bỏ người tham dự', params: uuidParam, response: deleted },
    },
    async (request, reply) => {
      await service.removeParticipant(ctxOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/engagements/:id/directives',
    {
      config: { access: 'coordination.manage' },
      schema: {
        tags,
        summary: 'Thêm chỉ đạo (đánh số lại các chỉ đạo sau)',
        params: uuidParam,
        body: createDirectiveBody,
        response: { 201: directiveSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          presentDirective(
            await service.addDirective(ctxOf(request), request.params.id, request.body),
          ),
        ),
  );

  app.patch(
    '/directives/:id',
    {
      config: { access: 'coordination.manage' },
      schema: {
        tags,
        summary: 'Sửa hoặc chuyển vị trí một chỉ đạo',
        params: uuidParam,
        body: updateDirectiveBody,
        response: { 200: directiveSchema, ...writeErrors },
      },
    },
    async (request) =>
      presentDirective(
        await service.updateDirective(ctxOf(request), request.params.id, request.body),
      ),
  );

  app.delete(
    '/directives/:id',
    {
      config: { access: 'coordination.manage' },
      schema: {
        tags,
        summary: 'Xóa chỉ đạo (không được khi đã giao nhiệm vụ theo chỉ đạo)',
        params: uuidParam,
        response: deleted,
      },
    },
    async (request, reply) => {
      await service.deleteDirective(ctxOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/engagements/:id/conclusion-notices',
    {
      config: { access: 'coordination.manage' },
      schema: {
        tags,
        summary: 'Thêm thông báo kết luận của sự kiện',
        params: uuidParam,
        body: createNoticeBody,
        response: { 201: noticeDetailSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          presentNoticeDetail(
            await service.addNotice(ctxOf(request), request.params.id, request.body),
          ),
        ),
  );

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

  app.patch(
    '/conclusion-notices/:id',
    {
      config: { access: 'coordination.manage' },
      schema: {
        tags,
        summary: 'Sửa thông báo kết luận',
        params: uuidParam,
        body: updateNoticeBody,
        response: { 200: noticeDetailSchema, ...writeErrors },
      },
    },
    async (request) =>
      presentNoticeDetail(
        await service.updateNotice(ctxOf(request), request.params.id, request.body),
      ),
  );

  app.delete(
    '/conclusion-notices/:id',
    {
      config: { access: 'coordination.manage' },
      schema: {
        tags,
        summary: 'Xóa thông báo kết luận (không được khi đã giao nhiệm vụ theo thông báo)',
        params: uuidParam,
        response: deleted,
      },
    },
    async (request, reply) => {
      await service.deleteNotice(ctxOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
