import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { components } from '../api/schema';

export type ApplicantMessageDraft = components['schemas']['ApplicantMessageDto'];
export type ApplicantMessageTemplateCode = ApplicantMessageDraft['template'];

const key = (id: string) => ['applications', id, 'messages'] as const;

/** Staff only: the message log of an application and the templates in the applicant's language. */
export function useApplicantMessages(id: string) {
  return useQuery({
    queryKey: key(id),
    queryFn: () => call(api.GET('/api/v1/applications/{id}/messages', { params: { path: { id } } })),
    enabled: Boolean(id),
  });
}

export function usePreviewApplicantMessage(id: string) {
  return useMutation({
    mutationFn: (body: ApplicantMessageDraft) =>
      call(api.POST('/api/v1/applications/{id}/messages/preview', { params: { path: { id } }, body })),
  });
}

/** Sends with an Idempotency-Key per draft, so a double click or a retry sends it once. */
export function useSendApplicantMessage(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: ApplicantMessageDraft; idempotencyKey: string }) =>
      call(
        api.POST('/api/v1/applications/{id}/messages', {
          params: { path: { id }, header: { 'idempotency-key': idempotencyKey } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key(id) }),
  });
}
