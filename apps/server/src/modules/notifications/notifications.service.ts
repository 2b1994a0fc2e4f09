import type { NotificationKind } from '@caunoi/shared';
import type { Ctx } from '../../core/context.js';
import type { Queryable } from '../../db/database.js';
import { notFound } from '../../http/errors.js';
import * as repo from './notifications.repo.js';

/** Attempts after which an e-mail is given up (and shown as failed to administrators). */
export const MAX_EMAIL_ATTEMPTS = 8;

/** What happened, for the users concerned. */
export interface NotificationEvent {
  kind: NotificationKind;
  /** The record it is about (its page is linked from the notification and the e-mail). */
  entityType: string;
  entityId: string;
  /** Short Vietnamese headline and a sentence or two of detail. */
  title: string;
  body: string;
  /** One notification per user and key: repeating an event or a job run adds nothing. */
  dedupeKey: string;
}

export interface NotifyEnv {
  now: Date;
  /** Where users reach the app, for the link in e-mails. */
  publicUrl: string;
}

/** The page of the web app showing a record, when it has one. */
export function pathOf(entityType: string, entityId: string): string | null {
  switch (entityType) {
    case 'task':
      return `/tasks/${entityId}`;
    case 'proposal':
      return `/proposals/${entityId}`;
    case 'stat_report':
      return `/statistics/reports/${entityId}`;
    case 'stat_form':
      // A reminder: the form's entry page, on its newest opened period and the reader's province.
      return `/statistics/entry?formId=${entityId}`;
    default:
      return null;
  }
}

function emailBody(to: repo.Recipient, event: NotificationEvent, link: string | null): string {
  return [
    `Kính gửi ${to.displayName},`,
    '',
    event.title,
    event.body,
    ...(link ? ['', `Xem chi tiết: ${link}`] : []),
    '',
    '—',
    'Cầu Nối · Bộ Khoa học và Công nghệ',
    'Thư được gửi tự động từ hệ thống, vui lòng không trả lời thư này.',
  ].join('\n');
}

/**
 * Notifies the recipients (inside the caller's transaction, so that the notice lands with the
 * event): one in-app notification each, and an e-mail in the outbox for those with an address.
 * `exceptUserId` (the person who acted) is left out. Returns how many notifications were created.
 */
export async function notify(
  tx: Queryable,
  env: NotifyEnv,
  to: readonly repo.Recipient[],
  event: NotificationEvent,
  exceptUserId?: string,
): Promise<number> {
  const byId = new Map(to.filter((r) => r.id !== exceptUserId).map((r) => [r.id, r]));
  const created = await repo.insertNotifications(
    tx,
    [...byId.values()].map((r) => ({
      userId: r.id,
      kind: event.kind,
      entityType: event.entityType,
      entityId: event.entityId,
      title: event.title,
      body: event.body,
      dedupeKey: event.dedupeKey,
      createdAt: env.now,
    })),
  );
  const path = pathOf(event.entityType, event.entityId);
  const link = path ? `${env.publicUrl}${path}` : null;
  await repo.insertOutbox(
    tx,
    created.flatMap((n) => {
      const r = byId.get(n.userId);
      return r?.email
        ? [
            {
              notificationId: n.id,
              toAddress: r.email,
              subject: `[Cầu Nối] ${event.title}`,
              body: emailBody(r, event, link),
              createdAt: env.now,
            },
          ]
        : [];
    }),
  );
  return created.length;
}

export async function listMine(
  ctx: Ctx,
  f: { unreadOnly: boolean; page: number; pageSize: number },
) {
  const result = await repo.notificationsOf(ctx.database.db, ctx.actor.userId, f);
  return { ...result, page: f.page, pageSize: f.pageSize };
}

export async function markRead(ctx: Ctx, id: string, now: Date) {
  const row = await repo.markRead(ctx.database.db, ctx.actor.userId, id, now);
  if (!row) throw notFound();
  return row;
}

export async function markAllRead(ctx: Ctx, until: Date, now: Date) {
  return { updated: await repo.markAllRead(ctx.database.db, ctx.actor.userId, until, now) };
}

export function outboxStatus(row: repo.OutboxRow): repo.OutboxStatus {
  if (row.sentAt) return 'sent';
  return row.attempts >= MAX_EMAIL_ATTEMPTS ? 'failed' : 'pending';
}

export async function listOutbox(
  ctx: Ctx,
  f: { status?: repo.OutboxStatus | undefined; page: number; pageSize: number },
) {
  const result = await repo.outboxPage(ctx.database.db, f, MAX_EMAIL_ATTEMPTS);
  return { ...result, page: f.page, pageSize: f.pageSize };
}
