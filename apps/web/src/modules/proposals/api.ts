import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProposalCategory } from '@caunoi/shared';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import type { AnswerFilter, AnswerInput, Proposal, ProposalDetail, ProposalInput } from './types';

export interface ProposalFilters {
  q?: string;
  unitId?: string;
  category?: ProposalCategory;
  answer?: AnswerFilter;
  engagementId?: string;
  assignedOrganisationId?: string;
  page?: number;
  pageSize?: number;
}

export function useProposals(filters: ProposalFilters, enabled = true) {
  return useQuery({
    queryKey: ['proposals', 'list', filters],
    queryFn: ({ signal }) => api<Page<Proposal>>('/proposals', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useProposal(id: string) {
  return useQuery({
    queryKey: ['proposals', 'detail', id],
    queryFn: ({ signal }) => api<ProposalDetail>(`/proposals/${id}`, { signal }),
  });
}

/** Proposals also show on roadmaps: both are refreshed after a change. */
function useInvalidate(refetchType: 'active' | 'none' = 'active') {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['proposals'], refetchType }),
      qc.invalidateQueries({ queryKey: ['roadmaps'], refetchType }),
    ]);
}

export function useSaveProposal(id?: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: ProposalInput) =>
      id
        ? api<ProposalDetail>(`/proposals/${id}`, { method: 'PATCH', body: input })
        : api<ProposalDetail>('/proposals', { method: 'POST', body: input }),
    onSuccess: invalidate,
  });
}

export function useDeleteProposal() {
  // The deleted proposal's page is left right away: mark, but do not refetch, its data.
  const invalidate = useInvalidate('none');
  return useMutation({
    mutationFn: (id: string) => api<unknown>(`/proposals/${id}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

export function useAnswerProposal(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: AnswerInput) =>
      api<ProposalDetail>(`/proposals/${id}/answer`, { method: 'POST', body: input }),
    onSuccess: invalidate,
  });
}

export function useAssignUnits(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (organisationIds: string[]) =>
      api<ProposalDetail>(`/proposals/${id}/units`, { method: 'PUT', body: { organisationIds } }),
    onSuccess: invalidate,
  });
}
