import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, buildQuery } from '../../../api/client';
import type { AnalyticsView } from './types';

/** The figures of a query (null: nothing chosen yet). */
export function useAnalytics(params: Record<string, string> | null) {
  return useQuery({
    queryKey: ['statistics', 'analytics', params],
    queryFn: ({ signal }) => api<AnalyticsView>('/analytics', { query: params!, signal }),
    enabled: !!params,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** The address of the server's export of a query, downloaded by the browser. */
export const exportUrl = (params: Record<string, string>, format: 'xlsx' | 'csv'): string =>
  `/api/v1/analytics/export${buildQuery({ ...params, format })}`;
