import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  PiiAudit,
  PiiComparison,
  PiiEdition,
  PiiEditionSummary,
  PiiHistoryPoint,
  PiiProfile,
  PiiPublishedResult,
  PiiRun,
  PiiRunSummary,
  PiiRunVerification,
  PiiUnitBasis,
} from '@caunoi/shared';
import { api, buildQuery } from '../../api/client';

/** Every query of the index starts with this key, so that one invalidation refreshes them all. */
const ROOT = ['pii'] as const;
const EDITIONS = [...ROOT, 'editions'] as const;

export function usePiiRuns(editionId?: string) {
  return useQuery({
    queryKey: [...ROOT, 'runs', editionId ?? null],
    queryFn: ({ signal }) =>
      api<{ items: PiiRunSummary[] }>('/pii/runs', { query: { editionId }, signal }),
  });
}

/** A run never changes once stored. */
export function usePiiRun(id: string | undefined) {
  return useQuery({
    queryKey: [...ROOT, 'run', id],
    queryFn: ({ signal }) => api<PiiRun>(`/pii/runs/${id}`, { signal }),
    enabled: !!id,
    staleTime: Infinity,
  });
}

export function usePiiProfile(runId: string | undefined, unitId: string | undefined) {
  return useQuery({
    queryKey: [...ROOT, 'run', runId, 'unit', unitId],
    queryFn: ({ signal }) =>
      api<PiiProfile>(`/pii/runs/${runId}/units/${encodeURIComponent(unitId!)}`, { signal }),
    enabled: !!runId && !!unitId,
    staleTime: Infinity,
  });
}

export function usePiiComparison(runId: string | undefined, unitIds: string[]) {
  return useQuery({
    queryKey: [...ROOT, 'run', runId, 'compare', unitIds.join(',')],
    queryFn: ({ signal }) =>
      api<PiiComparison>(`/pii/runs/${runId}/compare`, {
        query: { units: unitIds.join(',') },
        signal,
      }),
    enabled: !!runId && unitIds.length > 0,
    staleTime: Infinity,
  });
}

/** The statistical audit of a run (a run never changes, so neither does its audit). */
export function useRunAudit(runId: string | undefined) {
  return useQuery({
    queryKey: [...ROOT, 'run', runId, 'audit'],
    queryFn: ({ signal }) => api<PiiAudit>(`/pii/runs/${runId}/audit`, { signal }),
    enabled: !!runId,
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
      qc.setQueryData([...ROOT, 'run', run.id], run);
      return Promise.all([
        qc.invalidateQueries({ queryKey: [...ROOT, 'runs'] }),
        qc.invalidateQueries({ queryKey: EDITIONS }),
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

export interface EditionCreateInput {
  year: number;
  title: string;
  unitBasis: PiiUnitBasis;
  dataYear: number;
  notes?: string | null;
  copyFrom?: string;
}

/** What a save sends of an edition: its header, the engine's configuration and its rows. */
export type EditionSaveInput = Pick<
  PiiEdition,
  'title' | 'dataYear' | 'notes' | 'config' | 'nodes'
>;

/** Where a refused framework went wrong: the row (1-based, in framework order) and the column. */
export interface FrameworkIssue {
  row?: number;
  column?: string;
  code?: string;
}

/** The framework editions, newest year first. */
export function useEditions() {
  return useQuery({
    queryKey: EDITIONS,
    queryFn: ({ signal }) => api<{ items: PiiEditionSummary[] }>('/pii/editions', { signal }),
    staleTime: 60_000,
  });
}

export function useEdition(id: string | undefined) {
  return useQuery({
    queryKey: [...EDITIONS, id],
    queryFn: ({ signal }) => api<PiiEdition>(`/pii/editions/${id}`, { signal }),
    enabled: !!id,
    // An edition being edited is replaced by its own saves, not behind the user's back.
    refetchOnWindowFocus: false,
  });
}

/** After an edition is written: its own view is the answer, the list is stale. */
function useEditionWritten() {
  const qc = useQueryClient();
  return (edition: PiiEdition) => {
    qc.setQueryData([...EDITIONS, edition.id], edition);
    return qc.invalidateQueries({ queryKey: EDITIONS, exact: true });
  };
}

export function useCreateEdition() {
  const written = useEditionWritten();
  return useMutation({
    mutationFn: (input: EditionCreateInput) =>
      api<PiiEdition>('/pii/editions', { method: 'POST', body: input }),
    onSuccess: written,
  });
}

export function useSaveEdition(id: string) {
  const written = useEditionWritten();
  return useMutation({
    mutationFn: (input: EditionSaveInput) =>
      api<PiiEdition>(`/pii/editions/${id}`, { method: 'PUT', body: input }),
    onSuccess: written,
  });
}

export function useDeleteEdition() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/pii/editions/${id}`, { method: 'DELETE' }),
    onSuccess: (_, id) => {
      qc.removeQueries({ queryKey: [...EDITIONS, id] });
      return qc.invalidateQueries({ queryKey: EDITIONS, exact: true });
    },
  });
}

/** Replaces an edition's rows with those of an iMeta file (.csv or .xlsx), all or nothing. */
export function useImportEdition(id: string) {
  const written = useEditionWritten();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api<PiiEdition>(`/pii/editions/${id}/import`, { method: 'POST', body: form });
    },
    onSuccess: written,
  });
}

/** The address of an edition's framework file, for a download link. */
export const editionExportHref = (id: string, format: 'csv' | 'xlsx') =>
  `/api/v1/pii/editions/${id}/export${buildQuery({ format })}`;

/** The results the Ministry published, of one year or all. */
export function usePublished(year?: number) {
  return useQuery({
    queryKey: [...ROOT, 'published', year ?? null],
    queryFn: ({ signal }) =>
      api<{ items: PiiPublishedResult[] }>('/pii/published', { query: { year }, signal }),
    staleTime: 10 * 60_000,
  });
}

/** A province's rank across editions, its predecessors' included, computed and published. */
export function useUnitHistory(unitId: string | undefined) {
  return useQuery({
    queryKey: [...ROOT, 'history', unitId],
    queryFn: ({ signal }) =>
      api<{ items: PiiHistoryPoint[] }>('/pii/history', { query: { unitId }, signal }),
    enabled: !!unitId,
    staleTime: 60_000,
  });
}
