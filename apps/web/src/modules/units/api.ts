import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { UnitDetail, UnitLineage, UnitList } from '../../api/types';

/** The last day before the 2025 reorganisation of provinces. */
export const BEFORE_REFORM = '2025-06-30';

export function useUnits(asOf?: string) {
  return useQuery({
    queryKey: ['units', asOf ?? 'today'],
    queryFn: ({ signal }) => api<UnitList>('/units', { query: { asOf }, signal }),
    staleTime: 10 * 60_000,
    placeholderData: keepPreviousData,
  });
}

export function useUnit(id: string, asOf?: string) {
  return useQuery({
    queryKey: ['units', 'detail', id, asOf ?? null],
    queryFn: ({ signal }) =>
      api<UnitDetail>(`/units/${encodeURIComponent(id)}`, { query: { asOf }, signal }),
    staleTime: 10 * 60_000,
  });
}

export function useUnitLineage(id: string) {
  return useQuery({
    queryKey: ['units', 'lineage', id],
    queryFn: ({ signal }) =>
      api<UnitLineage>(`/units/${encodeURIComponent(id)}/lineage`, { signal }),
    staleTime: 10 * 60_000,
  });
}
