import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type {
  Page,
  Person,
  PersonDetail,
  PersonInput,
  Position,
  PositionInput,
} from '../../api/types';

export interface PeopleFilters {
  q?: string;
  organisationId?: string;
  asOf?: string;
  page?: number;
  pageSize?: number;
}

export function usePeople(filters: PeopleFilters) {
  return useQuery({
    queryKey: ['people', 'list', filters],
    queryFn: ({ signal }) => api<Page<Person>>('/people', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePerson(id: string, asOf?: string) {
  return useQuery({
    queryKey: ['people', 'detail', id, asOf ?? null],
    queryFn: ({ signal }) => api<PersonDetail>(`/people/${id}`, { query: { asOf }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Every change to people or positions also shows on organisation pages. */
function useInvalidate(refetchType: 'active' | 'none' = 'active') {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['people'], refetchType }),
      qc.invalidateQueries({ queryKey: ['organisations', 'detail'], refetchType }),
    ]);
}

export function useSavePerson(id?: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: PersonInput) =>
      id
        ? api<Person>(`/people/${id}`, { method: 'PATCH', body: input })
        : api<Person>('/people', { method: 'POST', body: { ...input, positions: [] } }),
    onSuccess: invalidate,
  });
}

export function useDeletePerson() {
  // The deleted person's page is left right away: mark, but do not refetch, its data.
  const invalidate = useInvalidate('none');
  return useMutation({
    mutationFn: (id: string) => api<unknown>(`/people/${id}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

export function useSavePosition(personId: string, positionId?: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: PositionInput) =>
      positionId
        ? api<Position>(`/positions/${positionId}`, { method: 'PATCH', body: input })
        : api<Position>(`/people/${personId}/positions`, { method: 'POST', body: input }),
    onSuccess: invalidate,
  });
}

export function useDeletePosition() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => api<unknown>(`/positions/${id}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}
