import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  PiiComparison,
  PiiProfile,
  PiiRun,
  PiiRunSummary,
  PiiRunVerification,
} from '@caunoi/shared';
import { api } from '../../api/client';

/** Every query of the index starts with this key (the editions' hooks are in `api-editions.ts`). */
export const PII_ROOT = ['pii'] as const;

export function usePiiRuns(editionId?: string) {
  return useQuery({
    queryKey: [...PII_ROOT, 'runs', editionId ?? null],
    queryFn: ({ signal }) =>
      api<{ items: PiiRunSummary[] }>('/pii/runs', { query: { editionId }, signal }),
  });
}

/** A run never changes once stored. */
export function usePiiRun(id: string | undefined) {
  return useQuery({
    queryKey: [...PII_ROOT, 'run', id],
    queryFn: ({ signal }) => api<PiiRun>(`/pii/runs/${id}`, { signal }),
    enabled: !!id,
    staleTime: Infinity,
  });
}

export function usePiiProfile(runId: string | undefined, unitId: string | undefined) {
  return useQuery({
    queryKey: [...PII_ROOT, 'run', runId, 'unit', unitId],
    queryFn: ({ signal }) =>
      api<PiiProfile>(`/pii/runs/${runId}/units/${encodeURIComponent(unitId!)}`, { signal }),
    enabled: !!runId && !!unitId,
    staleTime: Infinity,
  });
}

export function usePiiComparison(runId: string | undefined, unitIds: string[]) {
  return useQuery({
    queryKey: [...PII_ROOT, 'run', runId, 'compare', unitIds.join(',')],
    queryFn: ({ signal }) =>
      api<PiiComparison>(`/pii/runs/${runId}/compare`, {
        query: { units: unitIds.join(',') },
        signal,
      }),
    enabled: !!runId && unitIds.length > 0,
    staleTime: Infinity,
  });
}

export interface NewRunInput {
  editionId: string;
  dataYear?: number;
  uncertaintyRuns?: number;
}

/** Computes a run; the runs list and the editions' run counts are refreshed. */
export function useCreateRun() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: NewRunInput) => api<PiiRun>('/pii/runs', { method: 'POST', body: input }),
    onSuccess: (run) => {
      qc.setQueryData([...PII_ROOT, 'run', run.id], run);
      return Promise.all([
        qc.invalidateQueries({ queryKey: [...PII_ROOT, 'runs'] }),
        qc.invalidateQueries({ queryKey: [...PII_ROOT, 'editions'] }),
      ]);
    },
  });
}

export function useVerifyRun() {
  return useMutation({
    mutationFn: (runId: string) =>
      api<PiiRunVerification>(`/pii/runs/${runId}/verify`, { method: 'POST' }),
  });
}

/** The .xlsx of a whole run (a plain link: the browser downloads it with the session cookie). */
export const runExportUrl = (runId: string): string => `/api/v1/pii/runs/${runId}/export`;
