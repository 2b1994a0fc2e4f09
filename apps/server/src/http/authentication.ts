import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { resolveSession, resolveToken } from '../modules/auth/auth.service.js';
import { safeEqual } from '../modules/auth/auth.crypto.js';
import { AppError } from './errors.js';

export const SESSION_COOKIE = 'caunoi_sid';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Sets the session cookie until `expires`, counted from `now` on the server's clock. The browser
 * is told how long the cookie lasts (Max-Age, which takes precedence over Expires), so that a
 * computer whose clock is off, or a server clock moved in tests, does not end the session early.
 */
export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expires: Date,
  now: Date,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    // Secure whenever the request came over HTTPS (directly or, with TRUST_PROXY, via a proxy).
    secure: request.protocol === 'https',
    maxAge: Math.max(0, Math.floor((expires.getTime() - now.getTime()) / 1000)),
    expires,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
  });
}

/**
 * Resolves who is calling: an API token (`Authorization: Bearer …`, no CSRF token needed) or a
 * session cookie (writes must echo the session's CSRF token in `X-CSRF-Token`).
 */
export function installAuthentication(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('mustChangePassword', false);
  app.decorateRequest('authFailure', null);
  app.decorateRequest('account', null);

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const deps = request.server.deps;
    const authorization = request.headers.authorization;
    if (authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      const caller = match ? await resolveToken(deps, match[1]!) : null;
      if (caller) {
        request.actor = caller.actor;
        request.account = caller.account;
      } else request.authFailure = 'INVALID_TOKEN';
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const session = await resolveSession(deps, cookie);
    if (!session) {
      request.authFailure = 'SESSION_EXPIRED';
      clearSessionCookie(request, reply);
      return;
    }
    request.actor = session.actor;
    request.account = session.account;
    request.csrfToken = session.csrfToken;
    request.mustChangePassword = session.mustChangePassword;
    if (!SAFE_METHODS.has(request.method) && !request.routeOptions.config.csrfExempt) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !safeEqual(sent, session.csrfToken)) {
        throw new AppError('CSRF_INVALID');
      }
    }
  });
}
