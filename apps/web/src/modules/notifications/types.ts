import type { NotificationKind } from '@caunoi/shared';
import type { Page } from '../../api/types';

export interface AppNotification {
  id: string;
  kind: NotificationKind;
  entityType: string;
  entityId: string;
  title: string;
  body: string | null;
  /** The page of the app it is about. */
  path: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage extends Page<AppNotification> {
  unread: number;
}

export type OutboxStatus = 'pending' | 'sent' | 'failed';

export interface OutboxItem {
  id: string;
  toAddress: string;
  subject: string;
  body: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface OutboxPage extends Page<OutboxItem> {
  smtpConfigured: boolean;
  maxAttempts: number;
  counts: Record<OutboxStatus, number>;
}

export interface JobRun {
  job: string;
  runKey: string;
  instance: string;
  startedAt: string;
  finishedAt: string | null;
  result: Record<string, unknown> | null;
  error: string | null;
}

export interface JobsOverview {
  dailyAt: string;
  today: string;
  ranToday: boolean;
  items: JobRun[];
}
