import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProgrammeStatus } from '@caunoi/shared';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import type {
  ContentInput,
  ExpiringProgrammes,
  Programme,
  ProgrammeContent,
  ProgrammeDetail,
  ProgrammeInput,
  ProgrammesByProvince,
} from './types';

export interface ProgrammeFilters {
  q?: string;
  unitId?: string;
  status?: ProgrammeStatus;
  signedFrom?: string;
  signedTo?: string;
  sort?: 'signed' | 'title';
  page?: number;
  pageSize?: number;
}

export function useProgrammes(filters: ProgrammeFilters, enabled = true) {
  return useQuery({
    queryKey: ['programmes', 'list', filters],
    queryFn: ({ signal }) => api<Page<Programme>>('/programmes', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useExpiringProgrammes(withinDays = 180) {
  return useQuery({
    queryKey: ['programmes', 'expiring', withinDays],
    queryFn: ({ signal }) =>
      api<ExpiringProgrammes>('/programmes/expiring', { query: { withinDays }, signal }),
  });
}

export function useProgrammesByProvince(enabled = true) {
  return useQuery({
    queryKey: ['programmes', 'by-province'],
    queryFn: ({ signal }) => api<ProgrammesByProvince>('/programmes/by-province', { signal }),
    enabled,
  });
}

export function useProgramme(id: string) {
  return useQuery({
    queryKey: ['programmes', 'detail', id],
    queryFn: ({ signal }) => api<ProgrammeDetail>(`/programmes/${id}`, { signal }),
  });
}

function useInvalidate(refetchType: 'active' | 'none' = 'active') {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['programmes'], refetchType });
}

export function useSaveProgramme(id?: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: ProgrammeInput) =>
      id
        ? api<ProgrammeDetail>(`/programmes/${id}`, { method: 'PATCH', body: input })
        : api<ProgrammeDetail>('/programmes', { method: 'POST', body: input }),
    onSuccess: invalidate,
  });
}

export function useDeleteProgramme() {
  // The deleted programme's page is left right away: mark, but do not refetch, its data.
  const invalidate = useInvalidate('none');
  return useMutation({
    mutationFn: (id: string) => api<unknown>(`/programmes/${id}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

export function useSaveContent(programmeId: string, contentId?: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: ContentInput) =>
      contentId
        ? api<ProgrammeContent>(`/programme-contents/${contentId}`, {
            method: 'PATCH',
            body: input,
          })
        : api<ProgrammeContent>(`/programmes/${programmeId}/contents`, {
            method: 'POST',
            body: input,
          }),
    onSuccess: invalidate,
  });
}

export function useDeleteContent() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => api<unknown>(`/programme-contents/${id}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}
