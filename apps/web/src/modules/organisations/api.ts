import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrganisationKind } from '@caunoi/shared';
import { api } from '../../api/client';
import type { Organisation, OrganisationDetail, OrganisationInput, Page } from '../../api/types';

export interface OrganisationFilters {
  q?: string;
  kind?: OrganisationKind;
  unitId?: string;
  parentId?: string;
  asOf?: string;
  page?: number;
  pageSize?: number;
}

export function useOrganisations(filters: OrganisationFilters, enabled = true) {
  return useQuery({
    queryKey: ['organisations', 'list', filters],
    queryFn: ({ signal }) =>
      api<Page<Organisation>>('/organisations', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useOrganisation(id: string) {
  return useQuery({
    queryKey: ['organisations', 'detail', id],
    queryFn: ({ signal }) => api<OrganisationDetail>(`/organisations/${id}`, { signal }),
  });
}

export function useSaveOrganisation(id?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: OrganisationInput) =>
      id
        ? api<Organisation>(`/organisations/${id}`, { method: 'PATCH', body: input })
        : api<Organisation>('/organisations', { method: 'POST', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['organisations'] }),
  });
}

export function useDeleteOrganisation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<unknown>(`/organisations/${id}`, { method: 'DELETE' }),
    // The page of the deleted record is left right away: mark, but do not refetch, its data.
    onSuccess: () => qc.invalidateQueries({ queryKey: ['organisations'], refetchType: 'none' }),
  });
}
