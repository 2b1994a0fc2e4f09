import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from './core/deps.js';
import { enforceAccess } from './http/access.js';
import { installAuthentication, SESSION_COOKIE } from './http/authentication.js';
import { installErrorHandler } from './http/error-handler.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { attachmentRoutes } from './modules/attachments/attachments.routes.js';
import { MAX_FILE_BYTES } from './modules/attachments/attachments.service.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { testClockRoutes } from './modules/system/test-clock.routes.js';
import { organisationRoutes } from './modules/organisations/organisations.routes.js';
import { peopleRoutes } from './modules/people/people.routes.js';
import { unitRoutes } from './modules/units/units.routes.js';
import { userRoutes } from './modules/users/users.routes.js';
import { programmesRoutes } from './modules/programmes/programmes.routes.js';
import { engagementsRoutes } from './modules/engagements/engagements.routes.js';
import { tasksRoutes } from './modules/tasks/tasks.routes.js';
import { notificationsRoutes } from './modules/notifications/notifications.routes.js';
import { proposalsRoutes } from './modules/proposals/proposals.routes.js';
import { roadmapsRoutes } from './modules/roadmaps/roadmaps.routes.js';
import { dashboardsRoutes } from './modules/dashboards/dashboards.routes.js';
import { statisticsAttachables } from './modules/statistics/statistics.attachables.js';
import { statisticsRoutes } from './modules/statistics/statistics.routes.js';
import { analyticsRoutes } from './modules/statistics/analytics.routes.js';
import { statisticsImportRoutes } from './modules/statistics/import.routes.js';
import { statisticsExcelRoutes } from './modules/statistics/excel.routes.js';
import { piiEditionsRoutes } from './modules/pii/editions.routes.js';
import { piiRunsRoutes } from './modules/pii/runs.routes.js';
import { programmesAttachables } from './modules/programmes/programmes.attachables.js';
import { engagementsAttachables } from './modules/engagements/engagements.attachables.js';
import { tasksAttachables } from './modules/tasks/tasks.attachables.js';
import { proposalsAttachables } from './modules/proposals/proposals.attachables.js';
import { roadmapsAttachables } from './modules/roadmaps/roadmaps.attachables.js';
import { APP_VERSION } from './version.js';

z.config(z.locales.vi());

/** Every kind of record files can be attached to, by entity type. */
const ATTACHABLE_ENTITIES = {
  ...programmesAttachables,
  ...engagementsAttachables,
  ...tasksAttachables,
  ...proposalsAttachables,
  ...roadmapsAttachables,
  ...statisticsAttachables,
};

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
}

export type App = FastifyInstance;

export interface BuildOptions {
  logger?: boolean;
  /** Serve the built web app (default true). */
  serveWeb?: boolean;
}

export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger === false ? false : { level: deps.config.logLevel },
    trustProxy: deps.config.trustProxy,
    genReqId: () => randomUUID(),
    bodyLimit: 5 * 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.decorate('deps', deps);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  // Deny by default: an API route without a declared access rule is a programming error.
  app.addHook('onRoute', (route) => {
    const url = route.url;
    if (
      url.startsWith('/api/') &&
      !url.startsWith('/api/docs') &&
      route.config?.access === undefined
    ) {
      throw new Error(`Route ${route.method} ${url} has no access rule (config.access).`);
    }
  });

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, {
    limits: { fields: 20, fieldSize: 100_000, files: 1, fileSize: MAX_FILE_BYTES, parts: 25 },
  });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Cầu Nối API',
        description:
          'API của nền tảng Cầu Nối (Bộ KH&CN và các Sở KH&CN). Xác thực bằng phiên đăng nhập (cookie + X-CSRF-Token cho thao tác ghi) hoặc mã truy cập `Authorization: Bearer cn_…`. Lỗi có dạng `{"error":{"code","message","details"}}`.',
        version: APP_VERSION,
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  installAuthentication(app);
  app.addHook('preValidation', async (request, reply) => {
    if (
      request.routeOptions.url?.startsWith('/api/') &&
      request.routeOptions.config.access !== undefined
    ) {
      enforceAccess(request, reply);
    }
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'same-origin');
  });

  await app.register(healthRoutes);
  if (deps.config.testClock) await app.register(testClockRoutes);
  await app.register(
    async (api) => {
      await api.register(authRoutes);
      await api.register(unitRoutes);
      await api.register(organisationRoutes);
      await api.register(peopleRoutes);
      await api.register(userRoutes);
      await api.register(auditRoutes);
      await api.register(attachmentRoutes, { entities: ATTACHABLE_ENTITIES });
      await api.register(programmesRoutes);
      await api.register(engagementsRoutes);
      await api.register(tasksRoutes);
      await api.register(notificationsRoutes);
      await api.register(proposalsRoutes);
      await api.register(roadmapsRoutes);
      await api.register(dashboardsRoutes);
      await api.register(statisticsRoutes);
      await api.register(analyticsRoutes);
      await api.register(statisticsImportRoutes);
      await api.register(statisticsExcelRoutes);
      await api.register(piiEditionsRoutes);
      await api.register(piiRunsRoutes);
    },
    { prefix: '/api/v1' },
  );

  if (options.serveWeb !== false) await serveWeb(app, deps.config.webDist);
  return app;
}

async function serveWeb(app: App, webDist: string): Promise<void> {
  const indexFile = path.join(webDist, 'index.html');
  if (!existsSync(indexFile)) {
    app.log.warn(`web app not built: ${indexFile} is missing`);
    app.get('/', { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><html lang="vi"><meta charset="utf-8"><title>Cầu Nối</title><p>Giao diện web chưa được build. Chạy <code>npm run build</code> rồi khởi động lại.</p></html>',
        ),
    );
    return;
  }
  const indexHtml = readFileSync(indexFile, 'utf8');
  await app.register(fastifyStatic, {
    root: webDist,
    wildcard: false,
    index: false,
    setHeaders(reply, filePath) {
      if (filePath.includes(`${path.sep}assets${path.sep}`)) {
        reply.header('cache-control', 'public, max-age=31536000, immutable');
      }
    },
  });
  const sendIndex = (reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(indexHtml);
  app.get('/', { schema: { hide: true } }, async (_req, reply) => sendIndex(reply));
  // Client-side routes: any other GET that is not an API call or a file gets the app shell.
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const url = request.url.split('?')[0] ?? '';
    if (url.startsWith('/api/') || path.extname(url) !== '') {
      return reply.callNotFound();
    }
    return sendIndex(reply);
  });
}
