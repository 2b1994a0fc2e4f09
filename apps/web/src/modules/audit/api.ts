import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { AuditEntry, Channel, Page } from '../../api/types';

export interface AuditFilters {
  entityType?: string;
  entityId?: string;
  actor?: string;
  action?: string;
  channel?: Channel;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export function useAudit(filters: AuditFilters) {
  return useQuery({
    queryKey: ['audit', filters],
    queryFn: ({ signal }) => api<Page<AuditEntry>>('/audit', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}
