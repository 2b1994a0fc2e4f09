import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../http/access.js';
import { errorResponses, uuidParam, writeErrors } from '../../http/schemas.js';
import { sendFile, XLSX_CONTENT_TYPE } from '../../http/download.js';
import { runFileName, runWorkbook } from './runs.export.js';
import { rankHistory } from './runs.history.js';
import { presentAudit, presentProfile, presentRun, presentRunSummary } from './runs.presenter.js';
import {
  auditSchema,
  compareQuery,
  comparisonSchema,
  computeRunBody,
  historyQuery,
  historyResponse,
  listRunsQuery,
  profileSchema,
  runListResponse,
  runSchema,
  unitParams,
  verificationSchema,
} from './runs.schemas.js';
import * as service from './runs.service.js';

const tags = ['Chỉ số đổi mới sáng tạo địa phương (PII)'];

export const piiRunsRoutes: FastifyPluginAsyncZod = async (app) => {
  const registry = () => app.deps.units.registry;

  app.get(
    '/pii/runs',
    {
      config: { access: 'pii.read' },
      schema: {
        tags,
        summary: 'Các lần tính chỉ số, mới nhất trước (của một ấn bản hoặc tất cả)',
        querystring: listRunsQuery,
        response: { 200: runListResponse, ...errorResponses },
      },
    },
    async (request) => ({
      items: (await service.listRuns(ctxOf(request), request.query.editionId)).map(
        presentRunSummary,
      ),
    }),
  );

  app.post(
    '/pii/runs',
    {
      config: { access: 'pii.manage' },
      schema: {
        tags,
        summary: 'Tính chỉ số của một ấn bản từ số liệu thống kê đã được chấp nhận',
        description:
          'Đọc khung và cấu hình của ấn bản, số liệu đã được Bộ chấp nhận của năm số liệu (mặc định: năm số liệu của ấn bản) trên các tỉnh, thành phố mà ấn bản xếp hạng (quy đổi theo quan hệ kế thừa khi số liệu được báo cáo theo địa giới khác), chạy toàn bộ các bước tính, kiểm định thống kê, điểm mạnh, điểm yếu và phân tích bất định (mặc định 1.000 lần mô phỏng), rồi lưu đầu vào, kết quả và mã băm SHA-256 của đầu vào; lần tính không bao giờ bị sửa. Từ chối với PII_NO_DATA, PII_INDICATOR_NO_DATA, PII_UNIT_NO_DATA, PII_BASIS_MISMATCH, PII_FRAMEWORK_INVALID, PII_COMPUTE_FAILED.',
        body: computeRunBody,
        response: { 201: runSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const run = await service.computeRun(ctxOf(request), { registry: registry() }, request.body);
      return reply.status(201).send(presentRun(registry(), run));
    },
  );

  app.get(
    '/pii/runs/:id',
    {
      config: { access: 'pii.read' },
      schema: {
        tags,
        summary: 'Một lần tính: bảng xếp hạng theo thứ hạng, điểm các trụ cột, khoảng thứ hạng',
        params: uuidParam,
        response: { 200: runSchema, ...errorResponses },
      },
    },
    async (request) =>
      presentRun(registry(), await service.getRun(ctxOf(request), request.params.id)),
  );

  app.get(
    '/pii/runs/:id/units/:unitId',
    {
      config: { access: 'pii.read' },
      schema: {
        tags,
        summary:
          'Hồ sơ một tỉnh, thành phố: điểm và hạng từng trụ cột, nhóm; giá trị, điểm, hạng, điểm mạnh, điểm yếu từng chỉ số',
        params: unitParams,
        response: { 200: profileSchema, ...errorResponses },
      },
    },
    async (request) =>
      presentProfile(
        registry(),
        await service.getRun(ctxOf(request), request.params.id),
        request.params.unitId,
      ),
  );

  app.get(
    '/pii/runs/:id/compare',
    {
      config: { access: 'pii.read' },
      schema: {
        tags,
        summary: 'So sánh hồ sơ của 1 đến 4 tỉnh, thành phố trong một lần tính',
        params: uuidParam,
        querystring: compareQuery,
        response: { 200: comparisonSchema, ...errorResponses },
      },
    },
    async (request) => {
      const run = await service.getRun(ctxOf(request), request.params.id);
      return {
        runId: run.id,
        profiles: request.query.units.map((id) => presentProfile(registry(), run, id)),
      };
    },
  );

  app.get(
    '/pii/runs/:id/audit',
    {
      config: { access: 'pii.read' },
      schema: {
        tags,
        summary:
          'Kiểm định thống kê: tương quan, hệ số Cronbach alpha, phân tích thành phần chính, hiệu quả',
        params: uuidParam,
        response: { 200: auditSchema, ...errorResponses },
      },
    },
    async (request) => presentAudit(await service.getRun(ctxOf(request), request.params.id)),
  );

  app.post(
    '/pii/runs/:id/verify',
    {
      config: { access: 'pii.manage' },
      schema: {
        tags,
        summary: 'Tính lại từ đầu vào đã lưu và so sánh với kết quả đã lưu',
        description:
          'Băm lại đầu vào đã lưu (`inputsIntact`), tính lại toàn bộ và so sánh từng con số với kết quả đã lưu (`reproduced`, `maxDifference`, `checkedValues`). Không ghi gì.',
        params: uuidParam,
        response: { 200: verificationSchema, ...errorResponses },
      },
    },
    async (request) => service.verifyRun(ctxOf(request), request.params.id),
  );

  app.get(
    '/pii/runs/:id/export',
    {
      config: { access: 'pii.read' },
      schema: {
        tags,
        summary: 'Xuất toàn bộ lần tính ra Excel (.xlsx)',
        params: uuidParam,
        response: {
          200: z.string().meta({ description: 'Tệp Excel', format: 'binary' }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const run = await service.getRun(ctxOf(request), request.params.id);
      const file = await runWorkbook(registry(), run, app.deps.now());
      return sendFile(reply, {
        file,
        fileName: runFileName(run),
        contentType: XLSX_CONTENT_TYPE,
      });
    },
  );

  app.get(
    '/pii/history',
    {
      config: { access: 'pii.read' },
      schema: {
        tags,
        summary:
          'Thứ hạng của một tỉnh, thành phố qua các kỳ: kết quả tính và kết quả đã công bố, gồm các tỉnh trước sắp xếp đã hợp thành',
        querystring: historyQuery,
        response: { 200: historyResponse, ...errorResponses },
      },
    },
    async (request) => ({
      items: await rankHistory(ctxOf(request), registry(), request.query.unitId),
    }),
  );
};
