import { z } from 'zod';
import { NOTIFICATION_KINDS } from '@caunoi/shared';
import { pageMeta, paging } from '../../http/schemas.js';

export const listNotificationsQuery = z.object({
  unreadOnly: z
    .enum(['true', 'false', '1', '0'])
    .transform((v) => v === 'true' || v === '1')
    .default(false),
  ...paging,
});

export const readAllBody = z.object({
  until: z.iso.datetime({ offset: true, message: 'Thời điểm phải theo ISO 8601.' }).meta({
    description:
      'Đánh dấu đã đọc các thông báo nhận đến thời điểm này (thông báo mới nhất đang xem), để thông báo đến sau vẫn chưa đọc',
  }),
});

export const notificationSchema = z
  .object({
    id: z.string(),
    kind: z.enum(NOTIFICATION_KINDS),
    entityType: z.string(),
    entityId: z.string(),
    title: z.string(),
    body: z.string().nullable(),
    /** The page of the web app it links to. */
    path: z.string().nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });

export const notificationListResponse = z.object({
  ...pageMeta,
  unread: z.number().int(),
  items: z.array(notificationSchema),
});

export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const;

export const outboxQuery = z.object({ status: z.enum(OUTBOX_STATUSES).optional(), ...paging });

export const outboxItemSchema = z.object({
  id: z.string(),
  toAddress: z.string(),
  subject: z.string(),
  body: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

export const outboxResponse = z.object({
  ...pageMeta,
  /** Whether an SMTP server is configured (otherwise e-mails stay here). */
  smtpConfigured: z.boolean(),
  maxAttempts: z.number().int(),
  counts: z.object({ pending: z.number().int(), sent: z.number().int(), failed: z.number().int() }),
  items: z.array(outboxItemSchema),
});

export const jobRunSchema = z
  .object({
    job: z.string(),
    runKey: z.string(),
    instance: z.string(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    result: z.record(z.string(), z.unknown()).nullable(),
    error: z.string().nullable(),
  })
  .meta({ id: 'JobRun' });

export const jobsResponse = z.object({
  /** Vietnam time of the daily run, HH:MM. */
  dailyAt: z.string(),
  today: z.string(),
  /** Whether today's daily run has taken place. */
  ranToday: z.boolean(),
  items: z.array(jobRunSchema),
});

export const runResponse = z.object({
  /** The run, or null when another instance had just run it. */
  run: jobRunSchema.nullable(),
});
