import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../../http/access.js';
import { deleteRoute } from '../../http/routes.js';
import { errorResponses, uuidParam, writeErrors } from '../../http/schemas.js';
import { presentOrganisation, presentOrganisationDetail } from './organisations.presenter.js';
import {
  createOrganisationBody,
  listOrganisationsQuery,
  organisationDetailSchema,
  organisationListResponse,
  updateOrganisationBody,
} from './organisations.schemas.js';
import * as service from './organisations.service.js';

const tags = ['Tổ chức'];

export const organisationRoutes: FastifyPluginAsyncZod = async (app) => {
  const registry = () => app.deps.units.registry;

  app.get(
    '/organisations',
    {
      config: { access: 'organisations.read' },
      schema: {
        tags,
        summary: 'Danh sách tổ chức (lọc, tìm không dấu, sắp xếp theo tiếng Việt)',
        querystring: listOrganisationsQuery,
        response: { 200: organisationListResponse, ...errorResponses },
      },
    },
    async (request) => {
      const result = await service.listOrganisations(ctxOf(request), request.query);
      return { ...result, items: result.items.map((o) => presentOrganisation(registry(), o)) };
    },
  );

  app.get(
    '/organisations/:id',
    {
      config: { access: 'organisations.read' },
      schema: {
        tags,
        summary: 'Một tổ chức: tổ chức trực thuộc, cán bộ giữ chức vụ (mới nhất trước)',
        params: uuidParam,
        response: { 200: organisationDetailSchema, ...errorResponses },
      },
    },
    async (request) =>
      presentOrganisationDetail(
        registry(),
        await service.getOrganisation(ctxOf(request), request.params.id),
      ),
  );

  app.post(
    '/organisations',
    {
      config: { access: 'organisations.write' },
      schema: {
        tags,
        summary: 'Thêm tổ chức (trong phạm vi được phân công)',
        body: createOrganisationBody,
        response: { 201: organisationDetailSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const created = await service.createOrganisation(ctxOf(request), registry(), request.body);
      return reply.status(201).send(presentOrganisationDetail(registry(), created));
    },
  );

  app.patch(
    '/organisations/:id',
    {
      config: { access: 'organisations.write' },
      schema: {
        tags,
        summary: 'Sửa tổ chức',
        params: uuidParam,
        body: updateOrganisationBody,
        response: { 200: organisationDetailSchema, ...writeErrors },
      },
    },
    async (request) =>
      presentOrganisationDetail(
        registry(),
        await service.updateOrganisation(
          ctxOf(request),
          registry(),
          request.params.id,
          request.body,
        ),
      ),
  );

  deleteRoute(
    app,
    '/organisations/:id',
    'organisations.write',
    {
      tags,
      summary:
        'Xóa tổ chức (không được khi còn tổ chức trực thuộc, chức vụ, tài khoản, phân quyền)',
    },
    service.deleteOrganisation,
  );
};
