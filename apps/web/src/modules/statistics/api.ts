import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { withSavedState, type ReportAction } from '@caunoi/shared';
import { api } from '../../api/client';
import type {
  Catalogue,
  CellInput,
  CellRef,
  Completeness,
  FormDetail,
  FormInput,
  FormListItem,
  HistoryEntry,
  RemindResult,
  ReportKeys,
  ReportView,
  SaveResult,
  TrendPoint,
} from './types';

const ROOT = ['statistics'] as const;
export const reportKey = (k: ReportKeys) => [...ROOT, 'report', k.formId, k.unitId, k.periodCode];

export function useCatalogue() {
  return useQuery({
    queryKey: [...ROOT, 'catalogue'],
    queryFn: ({ signal }) => api<Catalogue>('/statistics/catalogue', { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useForms() {
  return useQuery({
    queryKey: [...ROOT, 'forms'],
    queryFn: ({ signal }) => api<{ items: FormListItem[] }>('/statistics/forms', { signal }),
    staleTime: 60_000,
  });
}

export function useForm(id: string | undefined) {
  return useQuery({
    queryKey: [...ROOT, 'form', id],
    queryFn: ({ signal }) => api<FormDetail>(`/statistics/forms/${id}`, { signal }),
    enabled: !!id,
    staleTime: 60_000,
  });
}

export function useSaveForm(id?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (input: Partial<FormInput>): Promise<{ id: string }> => {
      if (!id) return api<{ id: string }>('/statistics/forms', { method: 'POST', body: input });
      await api(`/statistics/forms/${id}`, { method: 'PATCH', body: input });
      return { id };
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ROOT }),
  });
}

export function useSetPeriodSchedule(formId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      periodCode: string;
      opensOn: string;
      deadline: string;
      locksOn: string;
    }) => {
      const { periodCode, ...body } = input;
      return api(`/statistics/forms/${formId}/periods/${encodeURIComponent(periodCode)}`, {
        method: 'PUT',
        body,
      });
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ROOT }),
  });
}

export function useReport(keys: ReportKeys | null) {
  return useQuery({
    queryKey: keys ? reportKey(keys) : [...ROOT, 'report', null],
    queryFn: ({ signal }) =>
      api<ReportView>('/statistics/reports', { query: { ...keys! }, signal }),
    enabled: !!keys,
    // A report being edited is refreshed by its own saves, not behind the user's back.
    refetchOnWindowFocus: false,
  });
}

export function useReportById(id: string) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: [...ROOT, 'report-by-id', id],
    queryFn: async ({ signal }) => {
      const r = await api<ReportView>(`/statistics/reports/${id}`, { signal });
      // The entry page then starts from the report just read instead of asking for it again.
      qc.setQueryData(
        reportKey({ formId: r.form.id, unitId: r.unit.id, periodCode: r.period.code }),
        r,
      );
      return r;
    },
  });
}

/** After a change of a report, the figures that count reports are stale. */
const invalidateCounts = (qc: ReturnType<typeof useQueryClient>) =>
  qc.invalidateQueries({ queryKey: [...ROOT, 'completeness'] });

export function useSaveValues(keys: ReportKeys) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (values: CellInput[]) =>
      api<SaveResult>('/statistics/reports/values', {
        method: 'PUT',
        body: { ...keys, values },
      }),
    onSuccess: (result) => {
      // The save answers what it changed; the rest of the report is the view already shown.
      const shown = qc.getQueryData<ReportView>(reportKey(keys));
      if (shown) qc.setQueryData(reportKey(keys), withSavedState(shown, result.state));
      else void qc.invalidateQueries({ queryKey: reportKey(keys) });
      void qc.invalidateQueries({ queryKey: [...ROOT, 'history'] });
      return invalidateCounts(qc);
    },
  });
}

export function useReportTransition(keys: ReportKeys) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, comment }: { id: string; action: ReportAction; comment?: string }) =>
      api<ReportView>(`/statistics/reports/${id}/${action}`, {
        method: 'POST',
        body: comment ? { comment } : {},
      }),
    onSuccess: (report) => {
      qc.setQueryData(reportKey(keys), report);
      return invalidateCounts(qc);
    },
  });
}

export function useCellHistory(keys: ReportKeys, cell: CellRef | null) {
  return useQuery({
    queryKey: [...ROOT, 'history', keys.formId, keys.unitId, keys.periodCode, cell],
    queryFn: ({ signal }) =>
      api<{ items: HistoryEntry[] }>('/statistics/reports/history', {
        query: { ...keys, ...cell! },
        signal,
      }),
    enabled: !!cell,
  });
}

export function useCompleteness(formId: string | undefined, periodCode: string | undefined) {
  return useQuery({
    queryKey: [...ROOT, 'completeness', formId, periodCode],
    queryFn: ({ signal }) =>
      api<Completeness>('/statistics/completeness', { query: { formId, periodCode }, signal }),
    enabled: !!formId && !!periodCode,
    placeholderData: keepPreviousData,
  });
}

export function useCompletenessTrend(
  formId: string | undefined,
  from: string | undefined,
  to: string | undefined,
) {
  return useQuery({
    queryKey: [...ROOT, 'completeness', 'trend', formId, from, to],
    queryFn: ({ signal }) =>
      api<{ items: TrendPoint[] }>('/statistics/completeness/trend', {
        query: { formId, from, to },
        signal,
      }),
    enabled: !!formId && !!from && !!to,
  });
}

export function useRemind() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { formId: string; periodCode: string; unitIds?: string[] }) =>
      api<RemindResult>('/statistics/completeness/remind', { method: 'POST', body: input }),
    onSuccess: () => invalidateCounts(qc),
  });
}
