import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TaskSourceKind } from '@caunoi/shared';
import { api, buildQuery } from '../../api/client';
import type { Attachment, AttachmentPurpose, Page } from '../../api/types';
import type {
  League,
  LeagueFilters,
  TaskDetail,
  TaskFilters,
  TaskInput,
  TaskReport,
  TaskSummary,
} from './types';

export function useTasks(filters: TaskFilters) {
  return useQuery({
    queryKey: ['tasks', 'list', filters],
    queryFn: ({ signal }) => api<Page<TaskSummary>>('/tasks', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useTask(id: string) {
  return useQuery({
    queryKey: ['tasks', 'detail', id],
    queryFn: ({ signal }) => api<TaskDetail>(`/tasks/${id}`, { signal }),
  });
}

export function useLeague(filters: LeagueFilters) {
  return useQuery({
    queryKey: ['tasks', 'league', filters],
    queryFn: ({ signal }) => api<League>('/tasks/league', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The address of the league table as an Excel workbook (downloaded by the browser). */
export const leagueWorkbookUrl = (filters: LeagueFilters) =>
  `/api/v1/tasks/league.xlsx${buildQuery({ ...filters })}`;

/** Uploads files to a record, one after the other. */
export async function uploadFiles(
  entityType: string,
  entityId: string,
  purpose: AttachmentPurpose,
  files: File[],
): Promise<void> {
  for (const file of files) {
    const form = new FormData();
    form.append('entityType', entityType);
    form.append('entityId', entityId);
    form.append('purpose', purpose);
    form.append('file', file, file.name);
    await api<Attachment>('/attachments', { method: 'POST', body: form });
  }
}

/** A write on tasks; every task query is refreshed afterwards (facets may have changed). */
function useTaskMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: ['tasks'] }),
        qc.invalidateQueries({ queryKey: ['attachments'] }),
        qc.invalidateQueries({ queryKey: ['notifications'] }),
      ]);
    },
  });
}

export const useCreateTasks = () =>
  useTaskMutation(
    (body: {
      sourceKind: TaskSourceKind;
      sourceId: string;
      assignedOn?: string | null;
      tasks: TaskInput[];
    }) => api<{ items: TaskSummary[] }>('/tasks/batch', { method: 'POST', body }),
  );

export const useUpdateTask = (id: string) =>
  useTaskMutation((body: Partial<TaskInput> & { assignedOn?: string }) =>
    api<TaskDetail>(`/tasks/${id}`, { method: 'PATCH', body }),
  );

export const useDeleteTask = () =>
  useTaskMutation((id: string) => api<unknown>(`/tasks/${id}`, { method: 'DELETE' }));

export interface ReportInput {
  reportedOn?: string | null;
  cycle?: string | null;
  narrative: string;
  percent?: number | null;
  difficulties?: string | null;
  requests?: string | null;
  files: File[];
}

export const useReport = (id: string) =>
  useTaskMutation(async ({ files, ...body }: ReportInput) => {
    const report = await api<TaskReport>(`/tasks/${id}/reports`, { method: 'POST', body });
    await uploadFiles('task_report', report.id, 'evidence', files);
    return report;
  });

export const useComplete = (id: string) =>
  useTaskMutation(
    async ({ files, ...body }: { completedOn?: string | null; output: string; files: File[] }) => {
      const task = await api<TaskDetail>(`/tasks/${id}/complete`, { method: 'POST', body });
      await uploadFiles('task', id, 'output', files);
      return task;
    },
  );

export const useReopen = (id: string) =>
  useTaskMutation(() => api<TaskDetail>(`/tasks/${id}/reopen`, { method: 'POST' }));

export const useRequestExtension = (id: string) =>
  useTaskMutation((body: { requestedDeadline: string; reason: string }) =>
    api<TaskDetail>(`/tasks/${id}/extensions`, { method: 'POST', body }),
  );

export const useDecideExtension = () =>
  useTaskMutation(
    ({ extensionId, ...body }: { extensionId: string; approve: boolean; note?: string | null }) =>
      api<TaskDetail>(`/task-extensions/${extensionId}/decision`, { method: 'POST', body }),
  );

export const useRequestExplanation = (id: string) =>
  useTaskMutation((body: { requestText: string; answerDueOn?: string | null }) =>
    api<TaskDetail>(`/tasks/${id}/explanations`, { method: 'POST', body }),
  );

export const useAnswerExplanation = () =>
  useTaskMutation(({ explanationId, answerText }: { explanationId: string; answerText: string }) =>
    api<TaskDetail>(`/task-explanations/${explanationId}/answer`, {
      method: 'POST',
      body: { answerText },
    }),
  );
