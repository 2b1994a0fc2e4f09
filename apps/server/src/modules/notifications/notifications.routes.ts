import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { todayInVietnam } from '@caunoi/shared';
import { ctxOf } from '../../http/access.js';
import { errorResponses, uuidParam } from '../../http/schemas.js';
import { DAILY_REMINDERS, runDailyReminders } from './jobs.js';
import { presentJobRun, presentNotification, presentOutbox } from './notifications.presenter.js';
import { findJobRun, recentJobRuns } from './notifications.repo.js';
import {
  jobsResponse,
  listNotificationsQuery,
  notificationListResponse,
  notificationSchema,
  outboxQuery,
  outboxResponse,
  readAllBody,
  runResponse,
} from './notifications.schemas.js';
import * as service from './notifications.service.js';

const tags = ['Thông báo'];
const systemTags = ['Vận hành'];

export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;

  app.get(
    '/notifications',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Thông báo của tôi (chưa đọc trước, mới nhất trước) và số chưa đọc',
        querystring: listNotificationsQuery,
        response: { 200: notificationListResponse, ...errorResponses },
      },
    },
    async (request) => {
      const result = await service.listMine(ctxOf(request), request.query);
      return { ...result, items: result.items.map(presentNotification) };
    },
  );

  app.post(
    '/notifications/:id/read',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Đánh dấu đã đọc',
        params: uuidParam,
        response: { 200: notificationSchema, ...errorResponses },
      },
    },
    async (request) =>
      presentNotification(await service.markRead(ctxOf(request), request.params.id, deps.now())),
  );

  app.post(
    '/notifications/read-all',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Đánh dấu tất cả đã đọc (đến thông báo mới nhất đang xem)',
        body: readAllBody,
        response: { 200: z.object({ updated: z.number().int() }), ...errorResponses },
      },
    },
    async (request) =>
      service.markAllRead(ctxOf(request), new Date(request.body.until), deps.now()),
  );

  app.get(
    '/system/outbox',
    {
      config: { access: 'system.operate' },
      schema: {
        tags: systemTags,
        summary: 'Hộp thư đi: thư điện tử đã và sẽ gửi (khi chưa cấu hình SMTP, thư nằm lại đây)',
        querystring: outboxQuery,
        response: { 200: outboxResponse, ...errorResponses },
      },
    },
    async (request) => {
      const result = await service.listOutbox(ctxOf(request), request.query);
      return {
        ...result,
        smtpConfigured: deps.config.smtp !== null,
        maxAttempts: service.MAX_EMAIL_ATTEMPTS,
        items: result.items.map(presentOutbox),
      };
    },
  );

  app.get(
    '/system/jobs',
    {
      config: { access: 'system.operate' },
      schema: {
        tags: systemTags,
        summary: 'Các lần chạy gần đây của tác vụ định kỳ (nhắc việc hằng ngày)',
        response: { 200: jobsResponse, ...errorResponses },
      },
    },
    async () => {
      const today = todayInVietnam(deps.now());
      return {
        dailyAt: deps.config.jobsDailyAt,
        today,
        ranToday: (await findJobRun(deps.database.db, DAILY_REMINDERS, today)) !== undefined,
        items: (await recentJobRuns(deps.database.db, 30)).map(presentJobRun),
      };
    },
  );

  app.post(
    '/system/jobs/daily-reminders/run',
    {
      config: { access: 'system.operate' },
      schema: {
        tags: systemTags,
        summary: 'Chạy ngay tác vụ nhắc việc (không gửi trùng các nhắc việc đã gửi)',
        response: { 200: runResponse, ...errorResponses },
      },
    },
    async (request) => {
      const run = await runDailyReminders(deps, ctxOf(request), true);
      return { run: run ? presentJobRun(run) : null };
    },
  );
};
