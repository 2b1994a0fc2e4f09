import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const clockBody = z.object({
  now: z.iso
    .datetime({
      offset: true,
      message: 'Thời điểm phải theo ISO 8601, ví dụ 2026-12-01T08:00:00+07:00.',
    })
    .nullable()
    .meta({ description: 'Thời điểm mới của đồng hồ; null để trở về giờ hệ thống' }),
});
const clockResponse = z.object({ now: z.string() });

/**
 * The test clock, registered only when CAUNOI_TEST_CLOCK=true (never in production): browser
 * tests move time forward to see deadlines pass.
 */
export const testClockRoutes: FastifyPluginAsyncZod = async (app) => {
  const clock = app.deps.clock;
  app.get(
    '/api/test/clock',
    { config: { access: 'public' }, schema: { hide: true, response: { 200: clockResponse } } },
    async () => ({ now: clock.now().toISOString() }),
  );
  app.put(
    '/api/test/clock',
    {
      config: { access: 'public', csrfExempt: true },
      schema: { hide: true, body: clockBody, response: { 200: clockResponse } },
    },
    async (request) => {
      clock.set?.(request.body.now ? new Date(request.body.now) : null);
      return { now: clock.now().toISOString() };
    },
  );
};
