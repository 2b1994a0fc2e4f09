import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, requireActor } from '../../http/access.js';
import { clearSessionCookie, setSessionCookie } from '../../http/authentication.js';
import { errorResponses, uuidParam } from '../../http/schemas.js';
import { assignmentsOf } from '../users/users.repo.js';
import { organisationNames, presentUser } from '../users/users.presenter.js';
import * as service from './auth.service.js';
import type { Account } from './auth.service.js';
import type { ApiTokenRow } from './auth.repo.js';
import {
  apiTokenSchema,
  changePasswordBody,
  createTokenBody,
  createTokenResponse,
  loginBody,
  meResponse,
  preferencesBody,
  sessionResponse,
} from './auth.schemas.js';

const tags = ['Xác thực'];

function presentToken(row: ApiTokenRow) {
  return {
    id: row.id,
    name: row.name,
    tokenPrefix: row.tokenPrefix,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;

  const presentMe = async (
    { user, assignments }: Account,
    csrfToken: string | null,
    channel: 'web' | 'api' | 'cli' | 'system',
  ) => {
    const names = await organisationNames(deps.database.db, [
      user.organisationId,
      ...assignments.map((a) => a.scopeOrganisationId),
    ]);
    return {
      user: presentUser(user, assignments, deps.units.registry, names, deps.now()),
      csrfToken,
      channel,
    };
  };

  app.post(
    '/auth/login',
    {
      config: {
        access: 'public',
        csrfExempt: true,
        rateLimit: {
          max: deps.config.login.rateLimitMax,
          timeWindow: deps.config.login.rateLimitWindowMs,
        },
      },
      schema: {
        tags,
        summary: 'Đăng nhập bằng tên đăng nhập và mật khẩu',
        description:
          'Trả về csrfToken và đặt cookie phiên (httpOnly, SameSite=Lax). Sai mật khẩu nhiều lần liên tiếp sẽ tạm khóa tài khoản (423); quá nhiều yêu cầu từ một địa chỉ bị chặn (429).',
        body: loginBody,
        security: [],
        response: {
          200: meResponse,
          ...errorResponses,
          423: errorResponses[400],
          429: errorResponses[400],
        },
      },
    },
    async (request, reply) => {
      const result = await service.login(deps, request.body, {
        ip: request.ip ?? null,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: String(request.id),
      });
      setSessionCookie(request, reply, result.sessionToken, result.expiresAt, deps.now());
      const assignments = await assignmentsOf(deps.database.db, result.user.id);
      return presentMe({ user: result.user, assignments }, result.csrfToken, 'web');
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { access: 'signed-in', allowPasswordChangePending: true },
      schema: {
        tags,
        summary: 'Đăng xuất (kết thúc phiên hiện tại)',
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await service.logout(ctxOf(request));
      clearSessionCookie(request, reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      config: { access: 'signed-in', allowPasswordChangePending: true },
      schema: {
        tags,
        summary: 'Người dùng hiện tại, vai trò và mã CSRF của phiên',
        response: { 200: meResponse, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return presentMe(request.account!, request.csrfToken, actor.channel);
    },
  );

  app.get(
    '/auth/session',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Phiên hiện tại của trình duyệt (không lỗi khi chưa đăng nhập)',
        description:
          'Dùng khi giao diện khởi động: trả về người dùng và mã CSRF nếu cookie phiên còn hiệu lực, ngược lại `me: null`.',
        security: [],
        response: { 200: sessionResponse },
      },
    },
    async (request) => {
      const actor = request.actor;
      if (!actor) return { me: null, expired: request.authFailure === 'SESSION_EXPIRED' };
      return {
        me: await presentMe(request.account!, request.csrfToken, actor.channel),
        expired: false,
      };
    },
  );

  app.post(
    '/auth/password',
    {
      config: { access: 'signed-in', allowPasswordChangePending: true },
      schema: {
        tags,
        summary: 'Đổi mật khẩu của chính mình (các phiên khác bị đăng xuất)',
        body: changePasswordBody,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await service.changePassword(ctxOf(request), request.body, deps.now());
      return reply.status(204).send(null);
    },
  );

  app.patch(
    '/auth/me/preferences',
    {
      config: { access: 'signed-in', allowPasswordChangePending: true },
      schema: {
        tags,
        summary: 'Lưu tùy chọn (ngôn ngữ giao diện)',
        body: preferencesBody,
        response: { 200: meResponse, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const updated = await service.setPreferences(ctx, request.body);
      return presentMe(
        { user: updated, assignments: request.account!.assignments },
        request.csrfToken,
        ctx.actor.channel,
      );
    },
  );

  app.get(
    '/auth/tokens',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Mã truy cập API của tôi',
        response: { 200: z.object({ items: z.array(apiTokenSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: (await service.listTokens(ctxOf(request))).map(presentToken) }),
  );

  app.post(
    '/auth/tokens',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Tạo mã truy cập API (hiển thị một lần)',
        body: createTokenBody,
        response: { 201: createTokenResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { row, token } = await service.createToken(ctxOf(request), request.body, deps.now());
      return reply.status(201).send({ ...presentToken(row), token });
    },
  );

  app.delete(
    '/auth/tokens/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Thu hồi mã truy cập API',
        params: uuidParam,
        response: { 200: apiTokenSchema, ...errorResponses },
      },
    },
    async (request) =>
      presentToken(await service.revokeToken(ctxOf(request), request.params.id, deps.now())),
  );
};
