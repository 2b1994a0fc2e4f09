import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EngagementKind } from '@caunoi/shared';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import type {
  Directive,
  DirectiveInput,
  Engagement,
  EngagementDetail,
  EngagementInput,
  NoticeInput,
  Participant,
  ParticipantInput,
} from './types';

export interface EngagementFilters {
  q?: string;
  kind?: EngagementKind;
  unitId?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export function useEngagements(filters: EngagementFilters) {
  return useQuery({
    queryKey: ['engagements', 'list', filters],
    queryFn: ({ signal }) =>
      api<Page<Engagement>>('/engagements', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useEngagement(id: string) {
  return useQuery({
    queryKey: ['engagements', 'detail', id],
    queryFn: ({ signal }) => api<EngagementDetail>(`/engagements/${id}`, { signal }),
  });
}

/** Engagements change what programme pages show (and the other way round). */
function useInvalidate(refetchType: 'active' | 'none' = 'active') {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['engagements'], refetchType }),
      qc.invalidateQueries({ queryKey: ['programmes', 'detail'], refetchType }),
    ]);
}

export function useSaveEngagement(id?: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: EngagementInput) =>
      id
        ? api<EngagementDetail>(`/engagements/${id}`, { method: 'PATCH', body: input })
        : api<EngagementDetail>('/engagements', { method: 'POST', body: input }),
    onSuccess: invalidate,
  });
}

export function useDeleteEngagement() {
  const invalidate = useInvalidate('none');
  return useMutation({
    mutationFn: (id: string) => api<unknown>(`/engagements/${id}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

/** Saves (creates under the engagement, or updates by id) and deletes one kind of outcome. */
function useOutcome<Input, Result>(collection: string, resource: string) {
  const invalidate = useInvalidate();
  const save = useMutation({
    mutationFn: ({
      engagementId,
      id,
      input,
    }: {
      engagementId: string;
      id?: string;
      input: Input;
    }) =>
      id
        ? api<Result>(`/${resource}/${id}`, { method: 'PATCH', body: input })
        : api<Result>(`/engagements/${engagementId}/${collection}`, {
            method: 'POST',
            body: input,
          }),
    onSuccess: invalidate,
  });
  const remove = useMutation({
    mutationFn: (id: string) => api<unknown>(`/${resource}/${id}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
  return { save, remove };
}

export const useParticipants = () =>
  useOutcome<Partial<ParticipantInput>, Participant>('participants', 'engagement-participants');
export const useDirectives = () =>
  useOutcome<Partial<DirectiveInput>, Directive>('directives', 'directives');
export const useNotices = () =>
  useOutcome<Partial<NoticeInput>, unknown>('conclusion-notices', 'conclusion-notices');
