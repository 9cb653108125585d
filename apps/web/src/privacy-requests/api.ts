import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { components } from '../api/schema';

export type DataRequest = components['schemas']['DataRequestView'];
export type RequestKind = DataRequest['kind'];
export type RequestState = DataRequest['state'];
export type StaffDataRequest = components['schemas']['StaffDataRequestDto'];

export const KINDS: RequestKind[] = ['access', 'correction', 'deletion', 'withdrawal', 'restriction', 'objection'];
export const STATES: RequestState[] = ['received', 'acknowledged', 'in_progress', 'completed', 'refused'];

const MINE = ['data-requests', 'mine'] as const;

export function useMyDataRequests() {
  return useQuery({ queryKey: MINE, queryFn: () => call(api.GET('/api/v1/me/data-requests')) });
}

export function useFileMyDataRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { kind: RequestKind; details: string }) => call(api.POST('/api/v1/me/data-requests', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: MINE }),
  });
}

export function useDataRequestQueue(state: RequestState | 'open', kind: RequestKind | undefined) {
  return useQuery({
    queryKey: ['data-requests', 'queue', state, kind ?? ''],
    queryFn: () => call(api.GET('/api/v1/data-requests', { params: { query: { state, kind } } })),
  });
}

export function useFileDataRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StaffDataRequest) => call(api.POST('/api/v1/data-requests', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['data-requests'] }),
  });
}

export function useDataRequest(id: string) {
  return useQuery({
    queryKey: ['data-requests', 'one', id],
    queryFn: () => call(api.GET('/api/v1/data-requests/{id}', { params: { path: { id } } })),
  });
}

export type StaffAction =
  | { action: 'acknowledge' }
  | { action: 'start' }
  | { action: 'extend'; days: number; reason: string }
  | { action: 'complete'; answer: string }
  | { action: 'refuse'; reason: string };

export function useDataRequestAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (a: StaffAction) => {
      const path = { params: { path: { id } } };
      switch (a.action) {
        case 'acknowledge':
          return call(api.POST('/api/v1/data-requests/{id}/acknowledge', path));
        case 'start':
          return call(api.POST('/api/v1/data-requests/{id}/start', path));
        case 'extend':
          return call(
            api.POST('/api/v1/data-requests/{id}/extend', { ...path, body: { days: a.days, reason: a.reason } }),
          );
        case 'complete':
          return call(api.POST('/api/v1/data-requests/{id}/complete', { ...path, body: { answer: a.answer } }));
        case 'refuse':
          return call(api.POST('/api/v1/data-requests/{id}/refuse', { ...path, body: { reason: a.reason } }));
      }
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['data-requests'] }),
  });
}

/** The export's URL: a plain link, so the browser streams the ZIP to disk (the session cookie goes with it). */
export const exportUrl = (id: string): string => `/api/v1/data-requests/${id}/export`;
