import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { components } from '../api/schema';

export type Notice = components['schemas']['NoticeView'];
export type PersonConsents = components['schemas']['PersonConsentsView'];
export type Consent = components['schemas']['ConsentView'];
export type PurposeNotices = components['schemas']['PurposeNoticesView'];
export type PublishNotice = components['schemas']['PublishNoticeDto'];

const MINE_KEY = ['privacy', 'consents', 'mine'] as const;
const NOTICES_KEY = ['privacy', 'notices'] as const;
const VERSIONS_KEY = ['privacy', 'notices', 'versions'] as const;

/** Each purpose's current notice (public: the registration form shows them too). */
export function useNotices() {
  return useQuery({ queryKey: NOTICES_KEY, queryFn: () => call(api.GET('/api/v1/privacy/notices')) });
}

export function useMyConsents() {
  return useQuery({ queryKey: MINE_KEY, queryFn: () => call(api.GET('/api/v1/privacy/consents/mine')) });
}

export function useChangeMyConsent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: components['schemas']['ConsentChangeDto']) =>
      call(api.POST('/api/v1/privacy/consents/mine', { body })),
    onSuccess: (view) => queryClient.setQueryData(MINE_KEY, view),
  });
}

/** Staff: a person's consents and their history. */
export function usePersonConsents(userId: string | null) {
  return useQuery({
    queryKey: ['privacy', 'consents', 'user', userId],
    enabled: !!userId,
    queryFn: () => call(api.GET('/api/v1/privacy/consents/users/{userId}', { params: { path: { userId: userId! } } })),
  });
}

export function useNoticeVersions() {
  return useQuery({ queryKey: VERSIONS_KEY, queryFn: () => call(api.GET('/api/v1/privacy/notices/versions')) });
}

export function usePublishNotice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PublishNotice) => call(api.POST('/api/v1/privacy/notices', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['privacy'] }),
  });
}

/** Staff record a consent the person gave or withdrew another way, with how they told us (audited). */
export function useChangeConsentOnBehalf(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: components['schemas']['OnBehalfConsentChangeDto']) =>
      call(api.POST('/api/v1/privacy/consents/users/{userId}', { params: { path: { userId } }, body })),
    onSuccess: (view) => queryClient.setQueryData(['privacy', 'consents', 'user', userId], view),
  });
}
