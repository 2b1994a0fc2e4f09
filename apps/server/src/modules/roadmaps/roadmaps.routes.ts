import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../http/access.js';
import { deleteRoute } from '../../http/routes.js';
import { errorResponses, uuidParam, writeErrors } from '../../http/schemas.js';
import { DOCX_CONTENT_TYPE, sendFile, XLSX_CONTENT_TYPE } from '../../http/download.js';
import { coordinationEnv } from '../programmes/programmes.routes.js';
import type { ModuleEnv } from '../proposals/proposals.service.js';
import { MARGIN_PRESETS } from './decree30.js';
import { roadmapAnnex } from './roadmaps.annex.js';
import { roadmapWorkbook } from './roadmaps.export.js';
import { presentRoadmap, presentRoadmapDetail } from './roadmaps.presenter.js';
import {
  addItemsBody,
  annexQuery,
  createRoadmapBody,
  dependenciesBody,
  envelopesBody,
  listRoadmapsQuery,
  planBody,
  roadmapDetailSchema,
  roadmapListResponse,
  updateItemBody,
  updateRoadmapBody,
} from './roadmaps.schemas.js';
import * as service from './roadmaps.service.js';

const tags = ['Lộ trình triển khai'];
const detailResponse = { 200: roadmapDetailSchema, ...writeErrors };
const fileResponse = {
  200: z.string().meta({ description: 'Nội dung tệp', format: 'binary' }),
  ...errorResponses,
};

export const roadmapsRoutes: FastifyPluginAsyncZod = async (app) => {
  const env = (): ModuleEnv => ({
    ...coordinationEnv(app),
    now: app.deps.now(),
    publicUrl: app.deps.config.publicUrl,
  });
  const detail = (d: service.RoadmapDetail) => presentRoadmapDetail(env(), d);

  app.get(
    '/roadmaps',
    {
      config: { access: 'coordination.read' },
      schema: {
        tags,
        summary: 'Danh sách lộ trình triển khai của các tỉnh',
        querystring: listRoadmapsQuery,
        response: { 200: roadmapListResponse, ...errorResponses },
      },
    },
    async (request) => {
      const e = env();
      const result = await service.listRoadmaps(ctxOf(request), e, request.query);
      return { ...result, items: result.items.map((s) => presentRoadmap(e, s)) };
    },
  );

  app.get(
    '/roadmaps/:id',
    {
      config: { access: 'coordination.read' },
      schema: {
        tags,
        summary:
          'Một lộ trình: trọng số, hạn mức từng năm, các kiến nghị với điểm và năm bố trí, lần lập gần nhất',
        params: uuidParam,
        response: { 200: roadmapDetailSchema, ...errorResponses },
      },
    },
    async (request) => detail(await service.getRoadmap(ctxOf(request), request.params.id)),
  );

  app.post(
    '/roadmaps',
    {
      config: { access: 'roadmaps.write' },
      schema: {
        tags,
        summary: 'Tạo lộ trình triển khai từng năm (tối đa 15 năm) cho một tỉnh',
        body: createRoadmapBody,
        response: { 201: roadmapDetailSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(detail(await service.createRoadmap(ctxOf(request), env(), request.body))),
  );

  app.patch(
    '/roadmaps/:id',
    {
      config: { access: 'roadmaps.write' },
      schema: {
        tags,
        summary: 'Sửa lộ trình (tên, giai đoạn, trọng số tiêu chí, sự kiện)',
        params: uuidParam,
        body: updateRoadmapBody,
        response: detailResponse,
      },
    },
    async (request) =>
      detail(await service.updateRoadmap(ctxOf(request), env(), request.params.id, request.body)),
  );

  deleteRoute(
    app,
    '/roadmaps/:id',
    'roadmaps.write',
    { tags, summary: 'Xóa lộ trình (các kiến nghị vẫn còn)' },
    service.deleteRoadmap,
  );

  app.put(
    '/roadmaps/:id/envelopes',
    {
      config: { access: 'roadmaps.write' },
      schema: {
        tags,
        summary: 'Hạn mức kinh phí từng năm (triệu đồng), gửi tất cả các năm một lần',
        params: uuidParam,
        body: envelopesBody,
        response: detailResponse,
      },
    },
    async (request) =>
      detail(await service.setEnvelopes(ctxOf(request), env(), request.params.id, request.body)),
  );

  app.post(
    '/roadmaps/:id/items',
    {
      config: { access: 'roadmaps.write' },
      schema: {
        tags,
        summary: 'Đưa kiến nghị đã được Bộ đồng ý vào lộ trình',
        params: uuidParam,
        body: addItemsBody,
        response: detailResponse,
      },
    },
    async (request) =>
      detail(await service.addItems(ctxOf(request), env(), request.params.id, request.body)),
  );

  app.patch(
    '/roadmap-items/:id',
    {
      config: { access: 'roadmaps.write' },
      schema: {
        tags,
        summary:
          'Chấm điểm, kinh phí, thời gian, cố định năm hoặc loại một kiến nghị khỏi lộ trình',
        params: uuidParam,
        body: updateItemBody,
        response: detailResponse,
      },
    },
    async (request) =>
      detail(await service.updateItem(ctxOf(request), env(), request.params.id, request.body)),
  );

  deleteRoute(
    app,
    '/roadmap-items/:id',
    'roadmaps.write',
    { tags, summary: 'Bỏ một kiến nghị khỏi lộ trình' },
    (ctx, id) => service.deleteItem(ctx, env(), id),
  );

  app.put(
    '/roadmap-items/:id/dependencies',
    {
      config: { access: 'roadmaps.write' },
      schema: {
        tags,
        summary: 'Các kiến nghị phải hoàn thành trước (không được tạo vòng lặp)',
        params: uuidParam,
        body: dependenciesBody,
        response: detailResponse,
      },
    },
    async (request) =>
      detail(await service.setDependencies(ctxOf(request), env(), request.params.id, request.body)),
  );

  app.post(
    '/roadmaps/:id/plan',
    {
      config: { access: 'roadmaps.write' },
      schema: {
        tags,
        summary: 'Lập lộ trình: phương án tối ưu (MIP, HiGHS) so với cách xếp tham lam',
        description:
          'Giữ các kiến nghị đã cố định năm hoặc bị loại, bố trí các kiến nghị còn lại để tổng giá trị lớn nhất trong hạn mức từng năm. Nếu không thể đáp ứng các năm cố định: 400 với các giải thích (details.issues), không thay đổi gì.',
        params: uuidParam,
        body: planBody,
        response: detailResponse,
      },
    },
    async (request) =>
      detail(
        await service.planRoadmapOf(
          ctxOf(request),
          env(),
          request.params.id,
          request.body.timeLimitSeconds,
        ),
      ),
  );

  app.get(
    '/roadmaps/:id/export.xlsx',
    {
      config: { access: 'coordination.read' },
      schema: {
        tags,
        summary: 'Xuất Excel: lộ trình theo năm, ngân sách, chấm điểm',
        params: uuidParam,
        response: fileResponse,
      },
    },
    async (request, reply) => {
      const { doc } = await service.roadmapDocument(ctxOf(request), env(), request.params.id);
      const content = await roadmapWorkbook(doc);
      return sendFile(reply, {
        file: content,
        fileName: `Lộ trình - ${doc.detail.roadmap.title}.xlsx`,
        contentType: XLSX_CONTENT_TYPE,
      });
    },
  );

  app.get(
    '/roadmaps/:id/annex.docx',
    {
      config: { access: 'coordination.read' },
      schema: {
        tags,
        summary: 'Xuất phụ lục Word theo thể thức Nghị định 30/2020/NĐ-CP',
        params: uuidParam,
        querystring: annexQuery,
        response: fileResponse,
      },
    },
    async (request, reply) => {
      const { doc, agency } = await service.roadmapDocument(
        ctxOf(request),
        env(),
        request.params.id,
      );
      const content = await roadmapAnnex(doc, agency, {
        bodySize: request.query.fontSize,
        margins: MARGIN_PRESETS[request.query.margins],
      });
      return sendFile(reply, {
        file: content,
        fileName: `Phụ lục - ${doc.detail.roadmap.title}.docx`,
        contentType: DOCX_CONTENT_TYPE,
      });
    },
  );
};
