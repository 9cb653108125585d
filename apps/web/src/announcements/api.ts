import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { components } from '../api/schema';

export type AnnouncementDraft = components['schemas']['AnnouncementDto'];
export type Audience = AnnouncementDraft['audience'];
export type AnnouncementTemplateCode = AnnouncementDraft['template'];
export type MyAnnouncement = components['schemas']['MyAnnouncementView'];

const MINE = ['announcements', 'mine'] as const;

/** The announcements addressed to the signed-in person, newest first. */
export function useMyAnnouncements() {
  return useQuery({ queryKey: MINE, queryFn: () => call(api.GET('/api/v1/announcements/mine')) });
}

export function useAnnouncementTemplates(cohortId: string) {
  return useQuery({
    queryKey: ['announcements', 'templates', cohortId],
    queryFn: () => call(api.GET('/api/v1/announcements/templates', { params: { query: { cohortId } } })),
    enabled: Boolean(cohortId),
  });
}

export function useSentAnnouncements(cohortId: string) {
  return useQuery({
    queryKey: ['announcements', 'sent', cohortId],
    queryFn: () => call(api.GET('/api/v1/announcements', { params: { query: { cohortId } } })),
    enabled: Boolean(cohortId),
  });
}

export function usePreviewAnnouncement() {
  return useMutation({
    mutationFn: (body: AnnouncementDraft) => call(api.POST('/api/v1/announcements/preview', { body })),
  });
}

/** Sends with an Idempotency-Key per draft, so a double click or a retry sends it once. */
export function useSendAnnouncement(cohortId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: AnnouncementDraft; key: string }) =>
      call(api.POST('/api/v1/announcements', { body, params: { header: { 'idempotency-key': key } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['announcements', 'sent', cohortId] }),
  });
}
