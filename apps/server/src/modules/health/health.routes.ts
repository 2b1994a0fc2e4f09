import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { APP_VERSION } from '../../version.js';

const healthResponse = z
  .object({
    status: z.enum(['ok', 'degraded']),
    database: z.enum(['embedded', 'postgres']),
    version: z.string(),
    uptimeSeconds: z.number(),
    time: z.string(),
  })
  .meta({ id: 'Health' });

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Hệ thống'],
        summary: 'Tình trạng hoạt động của ứng dụng và cơ sở dữ liệu',
        security: [],
        response: { 200: healthResponse, 503: healthResponse },
      },
    },
    async (_request, reply) => {
      const database = app.deps.database;
      let ok = true;
      try {
        await database.pool.query('SELECT 1');
      } catch {
        ok = false;
      }
      return reply.status(ok ? 200 : 503).send({
        status: ok ? 'ok' : 'degraded',
        database: database.kind,
        version: APP_VERSION,
        uptimeSeconds: Math.round(process.uptime()),
        time: new Date().toISOString(),
      });
    },
  );
};
