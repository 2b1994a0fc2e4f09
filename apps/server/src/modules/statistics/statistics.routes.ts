import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { scheduleOf, todayInVietnam } from '@caunoi/shared';
import { ctxOf } from '../../http/access.js';
import { errorResponses, uuidParam, writeErrors } from '../../http/schemas.js';
import { allows } from '../../policy/policy.js';
import { loadCatalogue } from './catalogue.repo.js';
import * as formsRepo from './forms.repo.js';
import {
  catalogueResponse,
  createFormBody,
  formDetailSchema,
  formListResponse,
  formPeriodParams,
  periodScheduleBody,
  updateFormBody,
} from './forms.schemas.js';
import * as forms from './forms.service.js';
import {
  completenessQuery,
  completenessResponse,
  remindBody,
  remindResponse,
  trendQuery,
  trendResponse,
} from './completeness.schemas.js';
import * as completeness from './completeness.service.js';
import {
  actionBody,
  actionParams,
  historyQuery,
  historyResponse,
  reportKeysQuery,
  reportViewSchema,
  saveValuesBody,
  saveValuesResponse,
} from './reports.schemas.js';
import * as reports from './reports.service.js';
import { anySynthetic } from './values.store.js';

export const statisticsEnv = (app: FastifyInstance): forms.StatisticsEnv => {
  const now = app.deps.now();
  return {
    registry: app.deps.units.registry,
    today: todayInVietnam(now),
    now,
    publicUrl: app.deps.config.publicUrl,
  };
};

const tags = ['Thống kê'];

/** The catalogue, the forms and the reports with their values and workflow. */
export const statisticsRoutes: FastifyPluginAsyncZod = async (app) => {
  const env = () => statisticsEnv(app);

  app.get(
    '/statistics/catalogue',
    {
      config: { access: 'statistics.read' },
      schema: {
        tags,
        summary: 'Danh mục chỉ tiêu thống kê: nhóm, phân tổ, chỉ tiêu, quy tắc kiểm tra',
        response: { 200: catalogueResponse, ...errorResponses },
      },
    },
    async (request) => {
      const q = ctxOf(request).database.db;
      const catalogue = await loadCatalogue(q);
      return {
        groups: catalogue.groups,
        disaggregations: [...catalogue.disaggregations.values()],
        indicators: [...catalogue.indicators.values()].map((i) => ({
          ...i,
          ratio: i.ratio ?? null,
          disaggregation: i.disaggregation ?? null,
        })),
        rules: catalogue.rules.map(({ parsed: _parsed, ...r }) => r),
        syntheticValues: await anySynthetic(q),
      };
    },
  );

  app.get(
    '/statistics/forms',
    {
      config: { access: 'statistics.read' },
      schema: {
        tags,
        summary: 'Danh sách biểu mẫu báo cáo',
        response: { 200: formListResponse, ...errorResponses },
      },
    },
    async (request) => ({ items: await formsRepo.listForms(ctxOf(request).database.db) }),
  );

  app.get(
    '/statistics/forms/:id',
    {
      config: { access: 'statistics.read' },
      schema: {
        tags,
        summary:
          'Một biểu mẫu: chỉ tiêu, tỉnh được giao, các kỳ đã mở với ngày mở, hạn nộp, ngày khóa',
        params: uuidParam,
        response: { 200: formDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const e = env();
      const { form, indicators, units, overrides } = await forms.getForm(ctx, request.params.id);
      const byCode = new Map(overrides.map((o) => [o.periodCode, o]));
      return {
        ...form,
        indicators,
        units,
        periods: forms.openedPeriods(form, e.today).map((p) => {
          const o = byCode.get(p.code);
          return forms.periodView(
            form,
            p,
            o
              ? { opensOn: o.opensOn, deadline: o.deadline, locksOn: o.locksOn }
              : scheduleOf(p, form),
          );
        }),
        canManage: allows(ctx.actor, 'statistics.manage'),
      };
    },
  );

  app.post(
    '/statistics/forms',
    {
      config: { access: 'statistics.manage' },
      schema: {
        tags,
        summary: 'Tạo biểu mẫu báo cáo (Bộ)',
        body: createFormBody,
        response: { 201: uuidParam, ...writeErrors },
      },
    },
    async (request, reply) => {
      const id = await forms.createForm(ctxOf(request), env(), request.body);
      return reply.status(201).send({ id });
    },
  );

  app.patch(
    '/statistics/forms/:id',
    {
      config: { access: 'statistics.manage' },
      schema: {
        tags,
        summary: 'Sửa biểu mẫu: tên, lịch (mở nhập, hạn nộp, khóa), chỉ tiêu, tỉnh được giao',
        params: uuidParam,
        body: updateFormBody,
        response: { 204: z.null(), ...writeErrors },
      },
    },
    async (request, reply) => {
      await forms.updateForm(ctxOf(request), env(), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/statistics/forms/:id/periods/:period',
    {
      config: { access: 'statistics.manage' },
      schema: {
        tags,
        summary: 'Đặt ngày mở nhập, hạn nộp, ngày khóa riêng cho một kỳ (gia hạn)',
        params: formPeriodParams,
        body: periodScheduleBody,
        response: { 204: z.null(), ...writeErrors },
      },
    },
    async (request, reply) => {
      await forms.setPeriodSchedule(
        ctxOf(request),
        request.params.id,
        request.params.period,
        request.body,
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/statistics/reports',
    {
      config: { access: 'statistics.read' },
      schema: {
        tags,
        summary: 'Báo cáo của một tỉnh cho một biểu mẫu và một kỳ: số liệu, kiểm tra, trạng thái',
        description:
          'Trả về cả khi tỉnh chưa nhập (trạng thái not_started, id null). Ô có lỗi quy tắc, cảnh báo, giá trị bất thường so với lịch sử của tỉnh hoặc các tỉnh khác được liệt kê trong rules, blockers, outliers.',
        querystring: reportKeysQuery,
        response: { 200: reportViewSchema, ...errorResponses },
      },
    },
    async (request) => reports.getReport(ctxOf(request), env(), request.query),
  );

  app.get(
    '/statistics/reports/:id',
    {
      config: { access: 'statistics.read' },
      schema: {
        tags,
        summary: 'Một báo cáo theo mã định danh',
        params: uuidParam,
        response: { 200: reportViewSchema, ...errorResponses },
      },
    },
    async (request) => reports.getReportById(ctxOf(request), env(), request.params.id),
  );

  app.put(
    '/statistics/reports/values',
    {
      config: { access: 'statistics.enter' },
      schema: {
        tags,
        summary: 'Lưu một loạt ô số liệu (tất cả hoặc không ô nào)',
        description:
          'Giá trị nhập như người dùng gõ: "1.234,5" hoặc "1,234.5" khi không nhập nhằng, phần trăm có hoặc không có dấu %, Có/Không; null là để trống (khác số 0). Lần lưu đầu tiên mở báo cáo ở trạng thái đang nhập. Trả về phần thay đổi của báo cáo (state): trạng thái, các ô vừa ghi, các số tổng và tỷ lệ được tính, kết quả quy tắc, vướng mắc và giá trị bất thường; phần còn lại của báo cáo không đổi.',
        body: saveValuesBody,
        response: { 200: saveValuesResponse, ...writeErrors },
      },
    },
    async (request) => {
      const { values, ...keys } = request.body;
      return reports.saveValues(ctxOf(request), env(), keys, values);
    },
  );

  app.post(
    '/statistics/reports/:id/:action',
    {
      config: { access: 'statistics.read' },
      schema: {
        tags,
        summary: 'Chuyển bước: gửi, phê duyệt, tiếp nhận, trả lại (kèm ý kiến), mở lại (kèm lý do)',
        description:
          'submit: chuyên viên Sở; approve/return từ "đã gửi": lãnh đạo Sở; accept/return từ "đã phê duyệt", reopen: Bộ. Mỗi bước thông báo người thực hiện bước tiếp theo.',
        params: actionParams,
        body: actionBody,
        response: { 200: reportViewSchema, ...writeErrors },
      },
    },
    async (request) =>
      reports.transition(
        ctxOf(request),
        env(),
        request.params.id,
        request.params.action,
        request.body.comment,
      ),
  );

  app.get(
    '/statistics/reports/history',
    {
      config: { access: 'statistics.read' },
      schema: {
        tags,
        summary: 'Lịch sử một ô số liệu: ai, khi nào, cũ → mới, qua kênh nào',
        querystring: historyQuery,
        response: { 200: historyResponse, ...errorResponses },
      },
    },
    async (request) => {
      const items = await reports.cellHistory(ctxOf(request), env(), request.query);
      return { items: items.map((h) => ({ ...h, at: h.at.toISOString() })) };
    },
  );

  app.get(
    '/statistics/completeness',
    {
      config: { access: 'statistics.read' },
      schema: {
        tags,
        summary: 'Tình hình nộp báo cáo của một biểu mẫu trong một kỳ: trạng thái, đúng hạn, tỷ lệ',
        description:
          'Các tỉnh phải báo cáo là các tỉnh được giao biểu mẫu còn tồn tại vào ngày cuối kỳ. Tỉnh chỉ thấy dòng của mình.',
        querystring: completenessQuery,
        response: { 200: completenessResponse, ...errorResponses },
      },
    },
    async (request) =>
      completeness.completeness(
        ctxOf(request),
        env(),
        request.query.formId,
        request.query.periodCode,
      ),
  );

  app.get(
    '/statistics/completeness/trend',
    {
      config: { access: 'statistics.read' },
      schema: {
        tags,
        summary: 'Tỷ lệ báo cáo và tỷ lệ đúng hạn qua các kỳ',
        querystring: trendQuery,
        response: { 200: trendResponse, ...errorResponses },
      },
    },
    async (request) =>
      completeness.completenessTrend(
        ctxOf(request),
        env(),
        request.query.formId,
        request.query.from,
        request.query.to,
      ),
  );

  app.post(
    '/statistics/completeness/remind',
    {
      config: { access: 'statistics.accept' },
      schema: {
        tags,
        summary: 'Nhắc các tỉnh chưa gửi báo cáo (một lần bấm)',
        description:
          'Gửi thông báo (và thư điện tử) tới chuyên viên và lãnh đạo Sở của các tỉnh chưa gửi; mỗi tỉnh nhận tối đa một lời nhắc mỗi ngày cho một kỳ.',
        body: remindBody,
        response: { 200: remindResponse, ...writeErrors },
      },
    },
    async (request) => completeness.remind(ctxOf(request), env(), request.body),
  );
};
