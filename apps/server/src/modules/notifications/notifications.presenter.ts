import type { JobRunRow, NotificationRow, OutboxRow } from './notifications.repo.js';
import { outboxStatus, pathOf } from './notifications.service.js';

const iso = (at: Date | null) => at?.toISOString() ?? null;

export function presentNotification(n: NotificationRow) {
  return {
    id: n.id,
    kind: n.kind,
    entityType: n.entityType,
    entityId: n.entityId,
    title: n.title,
    body: n.body,
    path: pathOf(n.entityType, n.entityId),
    createdAt: n.createdAt.toISOString(),
    readAt: iso(n.readAt),
  };
}

export function presentOutbox(m: OutboxRow) {
  return {
    id: m.id,
    toAddress: m.toAddress,
    subject: m.subject,
    body: m.body,
    status: outboxStatus(m),
    attempts: m.attempts,
    lastError: m.lastError,
    createdAt: m.createdAt.toISOString(),
    sentAt: iso(m.sentAt),
  };
}

export function presentJobRun(r: JobRunRow) {
  return {
    job: r.job,
    runKey: r.runKey,
    instance: r.instance,
    startedAt: r.startedAt.toISOString(),
    finishedAt: iso(r.finishedAt),
    result: (r.result as Record<string, unknown> | null) ?? null,
    error: r.error,
  };
}
