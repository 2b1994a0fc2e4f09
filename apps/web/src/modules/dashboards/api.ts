import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Dashboard } from './types';

/** The dashboard of the caller's scope, or of one province (`unitId`). */
export function useDashboard(unitId: string | undefined) {
  return useQuery({
    queryKey: ['dashboard', unitId ?? null],
    queryFn: ({ signal }) => api<Dashboard>('/dashboard', { query: { unitId }, signal }),
  });
}
