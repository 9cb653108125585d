import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { components } from '../api/schema';

export type PairView = components['schemas']['PairView'];
export type SessionView = components['schemas']['SessionView'];
export type LogSession = components['schemas']['LogSessionDto'];
export type SessionTopic = LogSession['topics'][number];
export type SessionMode = LogSession['mode'];
export type PlannedSessionView = components['schemas']['PlannedSessionView'];
export type PlanSession = components['schemas']['PlanSessionDto'];
export type CheckpointView = components['schemas']['CheckpointView'];
export type FellowView = components['schemas']['FellowView'];
export type MentorView = components['schemas']['MentorView'];
export type MentorProfileInput = components['schemas']['UpdateOwnMentorDto'];
export type ExpertiseArea = components['schemas']['FellowGoalsDto']['goals'][number];
export type Sector = MentorProfileInput['sectors'][number];

export const PAIRS_KEY = ['mentoring', 'pairs'] as const;
const sessionsKey = (pairingId: string) => ['mentoring', 'sessions', pairingId] as const;
const plansKey = (pairingId: string) => ['mentoring', 'planned-sessions', pairingId] as const;
const feedbackKey = (pairingId: string) => ['mentoring', 'feedback', pairingId] as const;
const FELLOW_KEY = ['fellows', 'me'] as const;
const MENTOR_KEY = ['mentors', 'me'] as const;

/** The caller's pairs: a mentor's fellows, or a fellow's mentor, each with its stats. */
export function useMyPairs() {
  return useQuery({ queryKey: PAIRS_KEY, queryFn: () => call(api.GET('/api/v1/mentoring/pairs')) });
}

export function useSessions(pairingId: string) {
  return useQuery({
    queryKey: sessionsKey(pairingId),
    queryFn: () => call(api.GET('/api/v1/mentoring/pairs/{pairingId}/sessions', { params: { path: { pairingId } } })),
  });
}

/** A change to a session changes the pair's stats too. */
function useSessionsChanged(pairingId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: sessionsKey(pairingId) });
    void queryClient.invalidateQueries({ queryKey: plansKey(pairingId) });
    void queryClient.invalidateQueries({ queryKey: PAIRS_KEY });
  };
}

export function useLogSession(pairingId: string) {
  const changed = useSessionsChanged(pairingId);
  return useMutation({
    mutationFn: (body: LogSession) =>
      call(api.POST('/api/v1/mentoring/pairs/{pairingId}/sessions', { params: { path: { pairingId } }, body })),
    onSuccess: changed,
  });
}

export function useUpdateSession(pairingId: string) {
  const changed = useSessionsChanged(pairingId);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: LogSession }) =>
      call(api.PATCH('/api/v1/mentoring/sessions/{id}', { params: { path: { id } }, body })),
    onSuccess: changed,
  });
}

export function useDeleteSession(pairingId: string) {
  const changed = useSessionsChanged(pairingId);
  return useMutation({
    mutationFn: (id: string) => call(api.DELETE('/api/v1/mentoring/sessions/{id}', { params: { path: { id } } })),
    onSuccess: changed,
  });
}

export function useConfirmSession(pairingId: string) {
  const changed = useSessionsChanged(pairingId);
  return useMutation({
    mutationFn: ({ id, rating, comment }: { id: string; rating: number; comment: string }) =>
      call(
        api.POST('/api/v1/mentoring/sessions/{id}/confirm', {
          params: { path: { id } },
          body: comment.trim() ? { rating, comment: comment.trim() } : { rating },
        }),
      ),
    onSuccess: changed,
  });
}

export function useFeedback(pairingId: string) {
  return useQuery({
    queryKey: feedbackKey(pairingId),
    queryFn: () => call(api.GET('/api/v1/mentoring/pairs/{pairingId}/feedback', { params: { path: { pairingId } } })),
  });
}

export function useSubmitFeedback(pairingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ checkpoint, answers }: { checkpoint: string; answers: Record<string, unknown> }) =>
      call(
        api.PUT('/api/v1/mentoring/pairs/{pairingId}/feedback/{checkpoint}', {
          params: { path: { pairingId, checkpoint } },
          body: { answers },
        }),
      ),
    onSuccess: (view) => queryClient.setQueryData(feedbackKey(pairingId), view),
  });
}

export function useRequestRematch(pairingId: string) {
  return useMutation({
    mutationFn: (reason: string) =>
      call(
        api.POST('/api/v1/mentoring/pairs/{pairingId}/rematch-requests', {
          params: { path: { pairingId } },
          body: { reason },
        }),
      ),
  });
}

// --- the calendar feed ---------------------------------------------------------------------

export function useCreateCalendarLink() {
  return useMutation({ mutationFn: () => call(api.POST('/api/v1/me/calendar')) });
}

export function useTurnOffCalendarLink() {
  return useMutation({ mutationFn: () => call(api.DELETE('/api/v1/me/calendar')) });
}

// --- the fellow's own record ---------------------------------------------------------------

export function useMyFellowYears(enabled = true) {
  return useQuery({ queryKey: FELLOW_KEY, queryFn: () => call(api.GET('/api/v1/fellows/me')), enabled });
}

export function useSetGoals() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, goals }: { id: string; goals: ExpertiseArea[] }) =>
      call(api.PUT('/api/v1/fellows/{id}/goals', { params: { path: { id } }, body: { goals } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: FELLOW_KEY }),
  });
}

// --- the mentor's own profile and conflicts --------------------------------------------------

export function useMyMentorProfile() {
  return useQuery({ queryKey: MENTOR_KEY, queryFn: () => call(api.GET('/api/v1/mentors/me')), retry: false });
}

export function useUpdateMentorProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MentorProfileInput) => call(api.PATCH('/api/v1/mentors/me', { body })),
    onSuccess: (view) => queryClient.setQueryData(MENTOR_KEY, view),
  });
}

export function useMyConflicts() {
  return useQuery({
    queryKey: [...MENTOR_KEY, 'conflicts'],
    queryFn: () => call(api.GET('/api/v1/mentors/me/conflicts')),
  });
}

export function useFellowsDirectory(q: string) {
  return useQuery({
    queryKey: [...MENTOR_KEY, 'directory', q],
    queryFn: () => call(api.GET('/api/v1/mentors/me/fellows-directory', { params: { query: { q } } })),
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
  });
}

export function useDeclareMentorConflict() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { fellowId: string; reason: string }) =>
      call(api.POST('/api/v1/mentors/me/conflicts', { body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: [...MENTOR_KEY, 'conflicts'] }),
  });
}

/** A pair's upcoming sessions (and those cancelled or logged in the last 30 days), soonest first. */
export function usePlannedSessions(pairingId: string) {
  return useQuery({
    queryKey: plansKey(pairingId),
    queryFn: () =>
      call(api.GET('/api/v1/mentoring/pairs/{pairingId}/planned-sessions', { params: { path: { pairingId } } })),
  });
}

function usePlansChanged(pairingId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: plansKey(pairingId) });
    void queryClient.invalidateQueries({ queryKey: sessionsKey(pairingId) });
    void queryClient.invalidateQueries({ queryKey: PAIRS_KEY });
  };
}

export function usePlanSession(pairingId: string) {
  const changed = usePlansChanged(pairingId);
  return useMutation({
    mutationFn: (body: PlanSession) =>
      call(api.POST('/api/v1/mentoring/pairs/{pairingId}/planned-sessions', { params: { path: { pairingId } }, body })),
    onSuccess: changed,
  });
}

export function useUpdatePlannedSession(pairingId: string) {
  const changed = usePlansChanged(pairingId);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: PlanSession }) =>
      call(api.PATCH('/api/v1/mentoring/planned-sessions/{id}', { params: { path: { id } }, body })),
    onSuccess: changed,
  });
}

export function useCancelPlannedSession(pairingId: string) {
  const changed = usePlansChanged(pairingId);
  return useMutation({
    mutationFn: (id: string) =>
      call(api.POST('/api/v1/mentoring/planned-sessions/{id}/cancel', { params: { path: { id } } })),
    onSuccess: changed,
  });
}
