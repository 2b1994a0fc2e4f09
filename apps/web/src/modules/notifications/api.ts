import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type {
  AppNotification,
  JobRun,
  JobsOverview,
  NotificationPage,
  OutboxPage,
  OutboxStatus,
} from './types';

export function useNotifications(params: {
  unreadOnly?: boolean;
  page?: number;
  pageSize?: number;
}) {
  return useQuery({
    queryKey: ['notifications', 'list', params],
    queryFn: ({ signal }) =>
      api<NotificationPage>('/notifications', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The latest notifications and the unread count, polled every minute and on window focus. */
export function useLatestNotifications() {
  return useQuery({
    queryKey: ['notifications', 'latest'],
    queryFn: ({ signal }) =>
      api<NotificationPage>('/notifications', { query: { pageSize: 8 }, signal }),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
}

function useNotificationMutation<V>(fn: (vars: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
}

export const useMarkRead = () =>
  useNotificationMutation((id: string) =>
    api<AppNotification>(`/notifications/${id}/read`, { method: 'POST' }),
  );

/** Marks read everything received up to `until` (the newest notification the user has seen). */
export const useMarkAllRead = () =>
  useNotificationMutation((until: string) =>
    api<{ updated: number }>('/notifications/read-all', { method: 'POST', body: { until } }),
  );

export function useOutbox(params: { status?: OutboxStatus; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['system', 'outbox', params],
    queryFn: ({ signal }) => api<OutboxPage>('/system/outbox', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useJobs() {
  return useQuery({
    queryKey: ['system', 'jobs'],
    queryFn: ({ signal }) => api<JobsOverview>('/system/jobs', { signal }),
  });
}

export function useRunDailyReminders() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api<{ run: JobRun | null }>('/system/jobs/daily-reminders/run', { method: 'POST' }),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ['system'] }),
        qc.invalidateQueries({ queryKey: ['notifications'] }),
      ]),
  });
}
