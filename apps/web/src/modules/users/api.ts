import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '@caunoi/shared';
import { api } from '../../api/client';
import type {
  AssignmentInput,
  CreateUserInput,
  Page,
  RescopeCandidate,
  UpdateUserInput,
  User,
} from '../../api/types';

export interface UserFilters {
  q?: string;
  role?: Role;
  unitId?: string;
  active?: 'true' | 'false';
  page?: number;
  pageSize?: number;
}

export function useUsers(filters: UserFilters) {
  return useQuery({
    queryKey: ['users', 'list', filters],
    queryFn: ({ signal }) => api<Page<User>>('/users', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useUser(id: string) {
  return useQuery({
    queryKey: ['users', 'detail', id],
    queryFn: ({ signal }) => api<User>(`/users/${id}`, { signal }),
  });
}

export function useRescoping() {
  return useQuery({
    queryKey: ['users', 'rescoping'],
    queryFn: ({ signal }) => api<{ items: RescopeCandidate[] }>('/users/rescoping', { signal }),
  });
}

/** A mutation on users that refreshes every user query when it succeeds. */
function useUserMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }),
  });
}

export const useCreateUser = () =>
  useUserMutation((input: CreateUserInput) => api<User>('/users', { method: 'POST', body: input }));

export const useUpdateUser = (id: string) =>
  useUserMutation((input: UpdateUserInput) =>
    api<User>(`/users/${id}`, { method: 'PATCH', body: input }),
  );

export const useSetAssignments = (id: string) =>
  useUserMutation((assignments: AssignmentInput[]) =>
    api<User>(`/users/${id}/assignments`, { method: 'PUT', body: { assignments } }),
  );

export const useResetPassword = (id: string) =>
  useUserMutation((body: { newPassword: string; mustChangePassword: boolean }) =>
    api<unknown>(`/users/${id}/password`, { method: 'POST', body }),
  );

export const useUnlockUser = (id: string) =>
  useUserMutation(() => api<unknown>(`/users/${id}/unlock`, { method: 'POST' }));

export const useRescope = () =>
  useUserMutation(({ assignmentId, toUnitId }: { assignmentId: string; toUnitId: string }) =>
    api<unknown>(`/role-assignments/${assignmentId}/rescope`, {
      method: 'POST',
      body: { toUnitId },
    }),
  );
