import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Ctx } from '../core/context.js';
import type { Action } from '../policy/policy.js';
import { ctxOf } from './access.js';
import { uuidParam, writeErrors } from './schemas.js';

type App = Parameters<FastifyPluginAsyncZod>[0];
interface Doc {
  tags: string[];
  summary: string;
}

/** `DELETE path` (with `:id`): the service removes the record; the answer is 204. */
export function deleteRoute(
  app: App,
  path: string,
  access: Action,
  doc: Doc,
  remove: (ctx: Ctx, id: string) => Promise<void>,
): void {
  app.delete(
    path,
    {
      config: { access },
      schema: { ...doc, params: uuidParam, response: { 204: z.null(), ...writeErrors } },
    },
    async (request, reply) => {
      await remove(ctxOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}

/**
 * The routes of the records kept under a parent (a person's positions, an engagement's
 * participants): `POST {parent}/:id/{children}` adds one (201), `PATCH` and `DELETE
 * {child}/:id` change and remove one. `add` and `update` return the record as presented.
 */
export function childRoutes<C extends z.ZodType, U extends z.ZodType, R>(
  app: App,
  spec: {
    access: Action;
    tags: string[];
    /** Where records are added, e.g. `/engagements/:id/participants`. */
    addPath: string;
    /** One record, e.g. `/engagement-participants/:id`. */
    path: string;
    schema: z.ZodType<R>;
    add: {
      summary: string;
      body: C;
      run: (ctx: Ctx, parentId: string, input: z.output<C>) => Promise<R>;
    };
    update: {
      summary: string;
      body: U;
      run: (ctx: Ctx, id: string, input: z.output<U>) => Promise<R>;
    };
    remove: { summary: string; run: (ctx: Ctx, id: string) => Promise<void> };
  },
): void {
  // The schemas validate and serialise at run time; the handlers see the types of `spec`.
  const { access, tags } = spec;
  const schema: z.ZodType = spec.schema;
  app.post(
    spec.addPath,
    {
      config: { access },
      schema: {
        tags,
        summary: spec.add.summary,
        params: uuidParam,
        body: spec.add.body as z.ZodType,
        response: { 201: schema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await spec.add.run(ctxOf(request), request.params.id, request.body as z.output<C>)),
  );
  app.patch(
    spec.path,
    {
      config: { access },
      schema: {
        tags,
        summary: spec.update.summary,
        params: uuidParam,
        body: spec.update.body as z.ZodType,
        response: { 200: schema, ...writeErrors },
      },
    },
    async (request) =>
      spec.update.run(ctxOf(request), request.params.id, request.body as z.output<U>),
  );
  deleteRoute(app, spec.path, access, { tags, summary: spec.remove.summary }, spec.remove.run);
}
