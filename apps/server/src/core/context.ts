import type { Database, Tx } from '../db/database.js';
import { auditLog } from '../db/schema.js';
import type { Actor } from '../policy/policy.js';

/** What every service call knows: the database, who acts, and where the request came from. */
export interface Ctx {
  database: Database;
  actor: Actor;
  requestId: string | null;
  ip: string | null;
}

export interface AuditEntry {
  entityType: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
}

/** Records an audit entry inside the caller's transaction. */
export type AuditFn = (entry: AuditEntry) => Promise<void>;

export interface WriteScope {
  tx: Tx;
  audit: AuditFn;
}

// Secrets only: `mustChangePassword` and `passwordChangedAt` are facts worth auditing.
const SECRET_KEY = /(hash|secret|csrf|^(current|new)?password$|^token$)/i;

/** Columns the database derives from others: recording them would only repeat the others. */
const DERIVED_KEYS = new Set(['searchText']);

/** Drops secrets from audit snapshots and turns dates into ISO strings. */
export function auditSnapshot(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(auditSnapshot);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (SECRET_KEY.test(k) || DERIVED_KEYS.has(k)) continue;
      out[k] = auditSnapshot(v);
    }
    return out;
  }
  return value;
}

/**
 * Runs `fn` in one transaction in which every audit entry is written together with the change:
 * either both land or neither does.
 */
export async function writeTransaction<T>(
  ctx: Ctx,
  fn: (scope: WriteScope) => Promise<T>,
): Promise<T> {
  return ctx.database.db.transaction(async (tx) => {
    const audit: AuditFn = async (entry) => {
      await tx.insert(auditLog).values({
        // Only sessions and API tokens act as a user account; the command line and the app do not.
        actorUserId:
          ctx.actor.channel === 'web' || ctx.actor.channel === 'api' ? ctx.actor.userId : null,
        actorUsername: ctx.actor.username,
        channel: ctx.actor.channel,
        entityType: entry.entityType,
        entityId: entry.entityId,
        action: entry.action,
        before: auditSnapshot(entry.before) ?? null,
        after: auditSnapshot(entry.after) ?? null,
        requestId: ctx.requestId,
        ip: ctx.ip,
      });
    };
    return fn({ tx, audit });
  });
}

/** The actor for writes the application makes by itself (reference data, demo seed). */
export const SYSTEM_ACTOR: Actor = {
  userId: '00000000-0000-0000-0000-000000000000',
  username: 'system',
  displayName: 'Hệ thống',
  channel: 'system',
  assignments: [],
};

export function systemCtx(database: Database, username = 'system'): Ctx {
  return { database, actor: { ...SYSTEM_ACTOR, username }, requestId: null, ip: null };
}
