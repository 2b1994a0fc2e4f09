import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { todayInVietnam } from '@caunoi/shared';
import { ctxOf } from '../../http/access.js';
import { childRoutes, deleteRoute } from '../../http/routes.js';
import { errorResponses, uuidParam, writeErrors } from '../../http/schemas.js';
import type { CoordinationEnv } from './lineage.js';
import {
  presentContent,
  presentProgramme,
  presentProgrammeDetail,
} from './programmes.presenter.js';
import {
  byProvinceQuery,
  byProvinceResponse,
  contentSchema,
  createContentBody,
  createProgrammeBody,
  expiringQuery,
  expiringResponse,
  listProgrammesQuery,
  programmeDetailSchema,
  programmeListResponse,
  updateContentBody,
  updateProgrammeBody,
} from './programmes.schemas.js';
import * as service from './programmes.service.js';

const tags = ['Chương trình phối hợp'];

/** The units and today's date (Vietnam time, from the application's clock). */
export const coordinationEnv = (app: FastifyInstance): CoordinationEnv => ({
  registry: app.deps.units.registry,
  today: todayInVietnam(app.deps.now()),
});

export const programmesRoutes: FastifyPluginAsyncZod = async (app) => {
  const env = () => coordinationEnv(app);

  app.get(
    '/programmes',
    {
      config: { access: 'coordination.read' },
      schema: {
        tags,
        summary: 'Danh sách chương trình phối hợp (lọc theo tỉnh qua các lần sắp xếp, trạng thái)',
        description:
          'Trạng thái "expired" được suy ra: chương trình đang hiệu lực mà giai đoạn đã kết thúc (sau 31/12 năm cuối, giờ Việt Nam). Tỉnh chỉ thấy chương trình mình (hoặc tỉnh cũ trước sắp xếp của mình) là một bên.',
        querystring: listProgrammesQuery,
        response: { 200: programmeListResponse, ...errorResponses },
      },
    },
    async (request) => {
      const e = env();
      const result = await service.listProgrammes(ctxOf(request), e, request.query);
      return { ...result, items: result.items.map((s) => presentProgramme(e, s)) };
    },
  );

  app.get(
    '/programmes/expiring',
    {
      config: { access: 'coordination.read' },
      schema: {
        tags,
        summary: 'Chương trình đang hiệu lực sắp hết hạn (mặc định trong 180 ngày)',
        querystring: expiringQuery,
        response: { 200: expiringResponse, ...errorResponses },
      },
    },
    async (request) => {
      const e = env();
      const result = await service.expiringProgrammes(ctxOf(request), e, request.query.withinDays);
      return {
        ...result,
        items: result.items.map((s) => ({ ...presentProgramme(e, s), daysLeft: s.daysLeft })),
      };
    },
  );

  app.get(
    '/programmes/by-province',
    {
      config: { access: 'coordination.read' },
      schema: {
        tags,
        summary: 'Số chương trình theo tỉnh, thành phố và trạng thái (cho bản đồ)',
        description:
          'Mỗi đơn vị có hiệu lực vào ngày asOf (mặc định hôm nay); chương trình của tỉnh cũ được tính cho đơn vị kế thừa. Trạng thái tính theo hôm nay.',
        querystring: byProvinceQuery,
        response: { 200: byProvinceResponse, ...errorResponses },
      },
    },
    async (request) => service.programmesByProvince(ctxOf(request), env(), request.query.asOf),
  );

  app.get(
    '/programmes/:id',
    {
      config: { access: 'coordination.read' },
      schema: {
        tags,
        summary: 'Một chương trình: các bên, nội dung và tiến độ, sự kiện liên quan',
        params: uuidParam,
        response: { 200: programmeDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const e = env();
      return presentProgrammeDetail(
        e,
        await service.getProgramme(ctxOf(request), e, request.params.id),
      );
    },
  );

  app.post(
    '/programmes',
    {
      config: { access: 'coordination.manage' },
      schema: {
        tags,
        summary: 'Thêm chương trình phối hợp (kèm danh sách các bên)',
        body: createProgrammeBody,
        response: { 201: programmeDetailSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const e = env();
      const created = await service.createProgramme(ctxOf(request), e, request.body);
      return reply.status(201).send(presentProgrammeDetail(e, created));
    },
  );

  app.patch(
    '/programmes/:id',
    {
      config: { access: 'coordination.manage' },
      schema: {
        tags,
        summary: 'Sửa chương trình (danh sách các bên, nếu gửi, thay cho danh sách cũ)',
        params: uuidParam,
        body: updateProgrammeBody,
        response: { 200: programmeDetailSchema, ...writeErrors },
      },
    },
    async (request) => {
      const e = env();
      return presentProgrammeDetail(
        e,
        await service.updateProgramme(ctxOf(request), e, request.params.id, request.body),
      );
    },
  );

  deleteRoute(
    app,
    '/programmes/:id',
    'coordination.manage',
    { tags, summary: 'Xóa chương trình (không được khi nội dung còn nhiệm vụ)' },
    (ctx, id) => service.deleteProgramme(ctx, env(), id),
  );

  childRoutes(app, {
    access: 'coordination.manage',
    tags,
    addPath: '/programmes/:id/contents',
    path: '/programme-contents/:id',
    schema: contentSchema,
    add: {
      summary: 'Thêm nội dung phối hợp (đánh số lại các nội dung sau)',
      body: createContentBody,
      run: async (ctx, id, input) =>
        presentContent(await service.createContent(ctx, env(), id, input)),
    },
    update: {
      summary: 'Sửa hoặc chuyển vị trí một nội dung phối hợp',
      body: updateContentBody,
      run: async (ctx, id, input) =>
        presentContent(await service.updateContent(ctx, env(), id, input)),
    },
    remove: {
      summary: 'Xóa nội dung phối hợp (không được khi còn hoạt động/nhiệm vụ)',
      run: (ctx, id) => service.deleteContent(ctx, env(), id),
    },
  });
};
