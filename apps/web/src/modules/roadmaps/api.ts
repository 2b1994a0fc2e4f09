import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import type { ItemPatch, Roadmap, RoadmapDetail, RoadmapInput } from './types';

export function useRoadmaps(filters: { unitId?: string; page?: number; pageSize?: number }) {
  return useQuery({
    queryKey: ['roadmaps', 'list', filters],
    queryFn: ({ signal }) => api<Page<Roadmap>>('/roadmaps', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

const detailKey = (id: string) => ['roadmaps', 'detail', id];

export function useRoadmap(id: string) {
  return useQuery({
    queryKey: detailKey(id),
    queryFn: ({ signal }) => api<RoadmapDetail>(`/roadmaps/${id}`, { signal }),
  });
}

export function useSaveRoadmap(id?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<RoadmapInput>) =>
      id
        ? api<RoadmapDetail>(`/roadmaps/${id}`, { method: 'PATCH', body: input })
        : api<RoadmapDetail>('/roadmaps', { method: 'POST', body: input }),
    onSuccess: (saved) => {
      qc.setQueryData(detailKey(saved.id), saved);
      return qc.invalidateQueries({ queryKey: ['roadmaps', 'list'] });
    },
  });
}

export function useDeleteRoadmap() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<unknown>(`/roadmaps/${id}`, { method: 'DELETE' }),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ['roadmaps'], refetchType: 'none' }),
        qc.invalidateQueries({ queryKey: ['proposals'], refetchType: 'none' }),
      ]),
  });
}

/**
 * The workspace's edits: each answers the whole roadmap, which replaces the cached one (the
 * computed values, the staleness of the plan and the plan itself come from the server).
 */
export function useRoadmapEdits(id: string) {
  const qc = useQueryClient();
  const adopt = (d: RoadmapDetail) => qc.setQueryData(detailKey(id), d);
  const refetch = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: detailKey(id) }),
      qc.invalidateQueries({ queryKey: ['proposals', 'detail'] }),
    ]);
  return {
    envelopes: useMutation({
      mutationFn: (envelopes: Array<{ year: number; amount: number }>) =>
        api<RoadmapDetail>(`/roadmaps/${id}/envelopes`, { method: 'PUT', body: { envelopes } }),
      onSuccess: adopt,
    }),
    addItems: useMutation({
      mutationFn: (proposalIds: string[]) =>
        api<RoadmapDetail>(`/roadmaps/${id}/items`, { method: 'POST', body: { proposalIds } }),
      onSuccess: adopt,
    }),
    updateItem: useMutation({
      mutationFn: ({ itemId, patch }: { itemId: string; patch: ItemPatch }) =>
        api<RoadmapDetail>(`/roadmap-items/${itemId}`, { method: 'PATCH', body: patch }),
      onSuccess: adopt,
    }),
    removeItem: useMutation({
      mutationFn: (itemId: string) =>
        api<unknown>(`/roadmap-items/${itemId}`, { method: 'DELETE' }),
      onSuccess: refetch,
    }),
    dependencies: useMutation({
      mutationFn: ({ itemId, dependsOnItemIds }: { itemId: string; dependsOnItemIds: string[] }) =>
        api<RoadmapDetail>(`/roadmap-items/${itemId}/dependencies`, {
          method: 'PUT',
          body: { dependsOnItemIds },
        }),
      onSuccess: adopt,
    }),
    plan: useMutation({
      mutationFn: () => api<RoadmapDetail>(`/roadmaps/${id}/plan`, { method: 'POST', body: {} }),
      onSuccess: adopt,
    }),
  };
}
