import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const dashboardsRoutes: FastifyPluginAsyncZod = async () => {};
