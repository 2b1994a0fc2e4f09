import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Ctx } from '../core/context.js';
import type { Account } from '../modules/auth/auth.service.js';
import { allows, allowsOn, type Action, type Actor, type Target } from '../policy/policy.js';
import { AppError } from './errors.js';

/**
 * What a route requires. Every API route declares one (the app refuses to start otherwise):
 * - `public`: anyone;
 * - `signed-in`: any signed-in user (record-level checks happen in the service);
 * - an action: the caller must hold a role that may perform it somewhere (else 403).
 */
export type Access = 'public' | 'signed-in' | Action;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Allow while the account must change its password (the password and session routes). */
    allowPasswordChangePending?: boolean;
    /** Skip the CSRF check (sign-in, which has no session yet). */
    csrfExempt?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
    mustChangePassword: boolean;
    /** Why authentication failed, when a credential was presented but refused. */
    authFailure: 'SESSION_EXPIRED' | 'INVALID_TOKEN' | null;
    /** The caller's user row and role assignments, as loaded by authentication. */
    account: Account | null;
  }
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError(request.authFailure ?? 'UNAUTHENTICATED');
  return request.actor;
}

/** The service context of an authenticated request. */
export function ctxOf(request: FastifyRequest): Ctx {
  return {
    database: request.server.deps.database,
    actor: requireActor(request),
    requestId: String(request.id),
    ip: request.ip ?? null,
  };
}

/** Function-level check: 403 when the caller cannot perform the action anywhere. */
export function assertAllowed(actor: Actor, action: Action): void {
  if (!allows(actor, action)) throw new AppError('FORBIDDEN');
}

/** Record-level check: a record outside the caller's scope answers 404, as if it did not exist. */
export function assertAllowedOn(actor: Actor, action: Action, target: Target): void {
  if (!allowsOn(actor, action, target)) throw new AppError('NOT_FOUND');
}

export function enforceAccess(request: FastifyRequest, _reply: FastifyReply): void {
  const access = request.routeOptions.config.access;
  if (access === 'public') return;
  const actor = requireActor(request);
  if (request.mustChangePassword && !request.routeOptions.config.allowPasswordChangePending) {
    throw new AppError('FORBIDDEN', 'Bạn cần đổi mật khẩu trước khi tiếp tục.', {
      mustChangePassword: true,
    });
  }
  if (access === undefined) throw new AppError('FORBIDDEN');
  if (access === 'signed-in') return;
  assertAllowed(actor, access);
}
