import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { components } from '../api/schema';

export type StaffPanel = components['schemas']['StaffPanelView'];

const panelKey = (id: string) => ['applications', id, 'staff-panel'] as const;

/** Staff only: the applicant's contact details, internal notes and tags. */
export function useStaffPanel(id: string) {
  return useQuery({
    queryKey: panelKey(id),
    queryFn: () => call(api.GET('/api/v1/applications/{id}/staff-panel', { params: { path: { id } } })),
    enabled: Boolean(id),
  });
}

export function useAddNote(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      call(api.POST('/api/v1/applications/{id}/notes', { params: { path: { id } }, body: { body } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: panelKey(id) }),
  });
}

export function useSetTags(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tags: string[]) =>
      call(api.PUT('/api/v1/applications/{id}/tags', { params: { path: { id } }, body: { tags } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: panelKey(id) }),
  });
}

export function useOverrideEligibility(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      call(api.POST('/api/v1/applications/{id}/eligibility-override', { params: { path: { id } }, body: { reason } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: panelKey(id) }),
  });
}
