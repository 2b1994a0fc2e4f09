import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../../http/access.js';
import { childRoutes, deleteRoute } from '../../http/routes.js';
import { errorResponses, uuidParam, writeErrors } from '../../http/schemas.js';
import { presentPerson, presentPersonDetail, presentPosition } from './people.presenter.js';
import {
  createPersonBody,
  listPeopleQuery,
  personDetailSchema,
  personListResponse,
  personQuery,
  positionBody,
  positionSchema,
  updatePersonBody,
  updatePositionBody,
} from './people.schemas.js';
import * as service from './people.service.js';

const tags = ['Cán bộ và chức vụ'];

export const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/people',
    {
      config: { access: 'people.read' },
      schema: {
        tags,
        summary: 'Danh sách cán bộ (tìm không dấu, lọc theo tổ chức và ngày giữ chức vụ)',
        querystring: listPeopleQuery,
        response: { 200: personListResponse, ...errorResponses },
      },
    },
    async (request) => {
      const result = await service.listPeople(ctxOf(request), request.query);
      return {
        ...result,
        items: result.items.map((i) => presentPerson(i.person, i.positions)),
      };
    },
  );

  app.get(
    '/people/:id',
    {
      config: { access: 'people.read' },
      schema: {
        tags,
        summary: 'Một cán bộ: mọi chức vụ, và các chức vụ giữ vào ngày asOf',
        params: uuidParam,
        querystring: personQuery,
        response: { 200: personDetailSchema, ...errorResponses },
      },
    },
    async (request) =>
      presentPersonDetail(
        await service.getPerson(ctxOf(request), request.params.id, request.query.asOf),
      ),
  );

  app.post(
    '/people',
    {
      config: { access: 'people.write' },
      schema: {
        tags,
        summary: 'Thêm cán bộ (kèm chức vụ ban đầu tại tổ chức trong phạm vi được phân công)',
        body: createPersonBody,
        response: { 201: personDetailSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(presentPersonDetail(await service.createPerson(ctxOf(request), request.body))),
  );

  app.patch(
    '/people/:id',
    {
      config: { access: 'people.write' },
      schema: {
        tags,
        summary: 'Sửa thông tin cán bộ',
        params: uuidParam,
        body: updatePersonBody,
        response: { 200: personDetailSchema, ...writeErrors },
      },
    },
    async (request) =>
      presentPersonDetail(
        await service.updatePerson(ctxOf(request), request.params.id, request.body),
      ),
  );

  deleteRoute(
    app,
    '/people/:id',
    'people.write',
    {
      tags,
      summary:
        'Xóa cán bộ và các chức vụ (không được khi có tài khoản người dùng gắn với người này)',
    },
    service.deletePerson,
  );

  childRoutes(app, {
    access: 'people.write',
    tags,
    addPath: '/people/:id/positions',
    path: '/positions/:id',
    schema: positionSchema,
    add: {
      summary: 'Thêm chức vụ cho cán bộ',
      body: positionBody,
      run: async (ctx, id, input) => presentPosition(await service.addPosition(ctx, id, input)),
    },
    update: {
      summary: 'Sửa chức vụ (chuyển sang tổ chức khác cũng phải trong phạm vi được phân công)',
      body: updatePositionBody,
      run: async (ctx, id, input) => presentPosition(await service.updatePosition(ctx, id, input)),
    },
    remove: { summary: 'Xóa chức vụ', run: service.deletePosition },
  });
};
