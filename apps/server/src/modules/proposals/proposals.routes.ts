import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../../http/access.js';
import { deleteRoute } from '../../http/routes.js';
import { errorResponses, uuidParam, writeErrors } from '../../http/schemas.js';
import { coordinationEnv } from '../programmes/programmes.routes.js';
import { presentProposal, presentProposalDetail } from './proposals.presenter.js';
import {
  answerProposalBody,
  createProposalBody,
  listProposalsQuery,
  proposalDetailSchema,
  proposalListResponse,
  proposalUnitsBody,
  updateProposalBody,
} from './proposals.schemas.js';
import * as service from './proposals.service.js';

const tags = ['Kiến nghị, đề xuất'];

export const proposalsRoutes: FastifyPluginAsyncZod = async (app) => {
  const env = (): service.ModuleEnv => ({
    ...coordinationEnv(app),
    now: app.deps.now(),
    publicUrl: app.deps.config.publicUrl,
  });

  app.get(
    '/proposals',
    {
      config: { access: 'coordination.read' },
      schema: {
        tags,
        summary: 'Danh sách kiến nghị, đề xuất của các tỉnh (mới nhất trước)',
        description:
          'Lọc theo tỉnh gồm cả kiến nghị của các tỉnh cũ đã hợp nhất vào tỉnh đó (kiến nghị của Nam Định năm 2023 hiện dưới Ninh Bình). Tỉnh chỉ thấy kiến nghị của mình và của các tỉnh cũ trước sắp xếp.',
        querystring: listProposalsQuery,
        response: { 200: proposalListResponse, ...errorResponses },
      },
    },
    async (request) => {
      const e = env();
      const result = await service.listProposals(ctxOf(request), e, request.query);
      return { ...result, items: result.items.map((s) => presentProposal(e, s)) };
    },
  );

  app.get(
    '/proposals/:id',
    {
      config: { access: 'coordination.read' },
      schema: {
        tags,
        summary: 'Một kiến nghị: sự kiện nêu kiến nghị, đơn vị được giao, trả lời của Bộ, nhiệm vụ',
        params: uuidParam,
        response: { 200: proposalDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const e = env();
      return presentProposalDetail(
        e,
        await service.getProposal(ctxOf(request), e, request.params.id),
      );
    },
  );

  app.post(
    '/proposals',
    {
      config: { access: 'proposals.write' },
      schema: {
        tags,
        summary: 'Ghi nhận kiến nghị của tỉnh (Sở KH&CN của tỉnh, hoặc phía Bộ)',
        body: createProposalBody,
        response: { 201: proposalDetailSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const e = env();
      const created = await service.createProposal(ctxOf(request), e, request.body);
      return reply.status(201).send(presentProposalDetail(e, created));
    },
  );

  app.patch(
    '/proposals/:id',
    {
      config: { access: 'proposals.write' },
      schema: {
        tags,
        summary: 'Sửa kiến nghị (tỉnh không sửa được sau khi Bộ đã trả lời: 409)',
        params: uuidParam,
        body: updateProposalBody,
        response: { 200: proposalDetailSchema, ...writeErrors },
      },
    },
    async (request) => {
      const e = env();
      return presentProposalDetail(
        e,
        await service.updateProposal(ctxOf(request), e, request.params.id, request.body),
      );
    },
  );

  deleteRoute(
    app,
    '/proposals/:id',
    'proposals.write',
    {
      tags,
      summary: 'Xóa kiến nghị (không được khi đã trả lời, đã giao nhiệm vụ hoặc đã vào lộ trình)',
    },
    (ctx, id) => service.deleteProposal(ctx, env(), id),
  );

  app.post(
    '/proposals/:id/answer',
    {
      config: { access: 'coordination.manage' },
      schema: {
        tags,
        summary: 'Trả lời kiến nghị (phía Bộ); có thể thay đổi sau, mọi lần đều được ghi nhật ký',
        params: uuidParam,
        body: answerProposalBody,
        response: { 200: proposalDetailSchema, ...writeErrors },
      },
    },
    async (request) => {
      const e = env();
      return presentProposalDetail(
        e,
        await service.answerProposal(ctxOf(request), e, request.params.id, request.body),
      );
    },
  );

  app.put(
    '/proposals/:id/units',
    {
      config: { access: 'coordination.manage' },
      schema: {
        tags,
        summary: 'Giao kiến nghị cho các đơn vị thuộc Bộ theo chức năng (thay toàn bộ danh sách)',
        params: uuidParam,
        body: proposalUnitsBody,
        response: { 200: proposalDetailSchema, ...writeErrors },
      },
    },
    async (request) => {
      const e = env();
      return presentProposalDetail(
        e,
        await service.setAssignedUnits(ctxOf(request), e, request.params.id, request.body),
      );
    },
  );
};
