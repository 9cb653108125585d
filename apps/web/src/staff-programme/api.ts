import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, type ProblemParams, api, call } from '../api/client';
import type { components, paths } from '../api/schema';
import { currentLanguage } from '../i18n';
import { problemWords } from '../i18n/problems';

export type PlacementOverview = components['schemas']['PlacementOverview'];
export type PlacementHub = components['schemas']['PlacementHubView'];
export type PlacementFellow = components['schemas']['PlacementFellowView'];
export type PlacementProposal = components['schemas']['PlacementProposalView'];
export type ProposedPlacement = components['schemas']['ProposedPlacementView'];
export type NotHigher = components['schemas']['NotHigherView'];
export type MatchingOverview = components['schemas']['MatchingOverview'];
export type MatchingFellow = components['schemas']['MatchingFellowView'];
export type MatchingMentor = components['schemas']['MatchingMentorView'];
export type MatchingProposal = components['schemas']['MatchingProposalView'];
export type MatchingWeights = components['schemas']['MatchingWeightsDto'];
export type MatchReason = components['schemas']['MatchReasonView'];
export type RematchRequest = components['schemas']['RematchRequestView'];
export type Mentor = components['schemas']['MentorView'];
export type CreateMentor = components['schemas']['CreateMentorDto'];
export type UpdateMentor = components['schemas']['UpdateMentorDto'];
export type MentorImportReport = components['schemas']['MentorImportReport'];
export type MentorConflict = components['schemas']['MentorConflictView'];
export type CohortPairs = components['schemas']['CohortPairsView'];
export type Pair = components['schemas']['PairView'];
export type PairActivity = components['schemas']['PairActivityView'];
export type Session = components['schemas']['SessionView'];
export type MentorQuery = NonNullable<paths['/api/v1/mentors']['get']['parameters']['query']>;

/**
 * The `reasons` of a 422 (placement_infeasible, matching_infeasible) in the reader's language: each
 * is worded from the catalogue by its code and params (its English sentence only for an unknown code).
 */
export function infeasibleReasons(error: unknown): string[] | null {
  if (!(error instanceof ApiError) || error.status !== 422) return null;
  const reasons = (error.problem as { reasons?: Array<{ message?: string; code?: string; params?: ProblemParams }> })
    .reasons;
  return (reasons ?? [])
    .map((r) => problemWords(currentLanguage(), r.code, r.params) ?? r.message ?? '')
    .filter(Boolean);
}

// --- placement -------------------------------------------------------------------------------

const placementKey = (cohortId: string) => ['placement', cohortId] as const;

export function usePlacement(cohortId: string) {
  return useQuery({
    queryKey: placementKey(cohortId),
    queryFn: () => call(api.GET('/api/v1/cohorts/{cohortId}/placement', { params: { path: { cohortId } } })),
    enabled: !!cohortId,
  });
}

export function useSetHubConstraints(cohortId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ fellowId, ...body }: { fellowId: string; lockedHubId: string | null; forbiddenHubIds: string[] }) =>
      call(
        api.PUT('/api/v1/cohorts/{cohortId}/placement/constraints/{fellowId}', {
          params: { path: { cohortId, fellowId } },
          body,
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: placementKey(cohortId) }),
  });
}

export function useProposePlacement(cohortId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rankWeights: number[]) =>
      call(
        api.POST('/api/v1/cohorts/{cohortId}/placement/proposals', {
          params: { path: { cohortId } },
          body: { rankWeights },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: placementKey(cohortId) }),
  });
}

export function useConfirmPlacement(cohortId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      call(
        api.POST('/api/v1/cohorts/{cohortId}/placement/proposals/{id}/confirm', {
          params: { path: { cohortId, id } },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: placementKey(cohortId) }),
  });
}

export function useMoveFellow(cohortId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ fellowId, ...body }: { fellowId: string; hubId: string; reason: string }) =>
      call(api.PUT('/api/v1/fellows/{id}/placement', { params: { path: { id: fellowId } }, body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: placementKey(cohortId) }),
  });
}

// --- matching --------------------------------------------------------------------------------

const matchingKey = (cohortId: string) => ['matching', cohortId] as const;

export function useMatching(cohortId: string) {
  return useQuery({
    queryKey: matchingKey(cohortId),
    queryFn: () => call(api.GET('/api/v1/cohorts/{cohortId}/matching', { params: { path: { cohortId } } })),
    enabled: !!cohortId,
  });
}

export function useSetMentorConstraints(cohortId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      fellowId,
      ...body
    }: {
      fellowId: string;
      lockedMentorId: string | null;
      forbiddenMentorIds: string[];
    }) =>
      call(
        api.PUT('/api/v1/cohorts/{cohortId}/matching/constraints/{fellowId}', {
          params: { path: { cohortId, fellowId } },
          body,
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: matchingKey(cohortId) }),
  });
}

export function useProposeMatching(cohortId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (weights: MatchingWeights) =>
      call(
        api.POST('/api/v1/cohorts/{cohortId}/matching/proposals', {
          params: { path: { cohortId } },
          body: { weights },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: matchingKey(cohortId) }),
  });
}

export function useApproveMatching(cohortId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      call(
        api.POST('/api/v1/cohorts/{cohortId}/matching/proposals/{id}/approve', {
          params: { path: { cohortId, id } },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: matchingKey(cohortId) });
      void queryClient.invalidateQueries({ queryKey: pairsKey(cohortId) });
    },
  });
}

export function useResolveRematch(cohortId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; decision: 'rematch' | 'keep'; note: string }) =>
      call(api.POST('/api/v1/rematch-requests/{id}/resolve', { params: { path: { id } }, body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: matchingKey(cohortId) });
      void queryClient.invalidateQueries({ queryKey: pairsKey(cohortId) });
    },
  });
}

// --- mentors ---------------------------------------------------------------------------------

const MENTORS_KEY = ['mentors'] as const;

export function useMentors(query: MentorQuery) {
  return useQuery({
    queryKey: [...MENTORS_KEY, 'list', query],
    queryFn: () => call(api.GET('/api/v1/mentors', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useCreateMentor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateMentor) => call(api.POST('/api/v1/mentors', { body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: MENTORS_KEY }),
  });
}

export function useUpdateMentor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, ...body }: UpdateMentor & { userId: string }) =>
      call(api.PATCH('/api/v1/mentors/{userId}', { params: { path: { userId } }, body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: MENTORS_KEY }),
  });
}

export function useImportMentors() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return call(
        api.POST('/api/v1/mentors/import', {
          body: form as never,
          bodySerializer: (body: unknown) => body as FormData,
        }),
      );
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: MENTORS_KEY }),
  });
}

const conflictsKey = (userId: string) => [...MENTORS_KEY, userId, 'conflicts'] as const;

export function useMentorConflicts(userId: string) {
  return useQuery({
    queryKey: conflictsKey(userId),
    queryFn: () => call(api.GET('/api/v1/mentors/{userId}/conflicts', { params: { path: { userId } } })),
    enabled: !!userId,
  });
}

export function useAddConflict(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { fellowId: string; reason: string }) =>
      call(api.POST('/api/v1/mentors/{userId}/conflicts', { params: { path: { userId } }, body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: conflictsKey(userId) }),
  });
}

export function useRemoveConflict(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (conflictId: string) =>
      call(
        api.DELETE('/api/v1/mentors/{userId}/conflicts/{conflictId}', {
          params: { path: { userId, conflictId } },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: conflictsKey(userId) }),
  });
}

/** A cohort's fellows, for naming the fellow of a conflict. */
export function useCohortFellows(cohortId: string) {
  return useQuery({
    queryKey: ['fellows', cohortId],
    queryFn: () => call(api.GET('/api/v1/cohorts/{cohortId}/fellows', { params: { path: { cohortId } } })),
    enabled: !!cohortId,
  });
}

// --- mentoring pairs -------------------------------------------------------------------------

const pairsKey = (cohortId: string) => ['mentoring', 'pairs', cohortId] as const;

export function useCohortPairs(cohortId: string) {
  return useQuery({
    queryKey: pairsKey(cohortId),
    queryFn: () => call(api.GET('/api/v1/cohorts/{cohortId}/mentoring/pairs', { params: { path: { cohortId } } })),
    enabled: !!cohortId,
  });
}

export function usePairActivity(pairingId: string) {
  return useQuery({
    queryKey: ['mentoring', 'activity', pairingId],
    queryFn: () => call(api.GET('/api/v1/mentoring/pairs/{pairingId}/activity', { params: { path: { pairingId } } })),
    enabled: !!pairingId,
  });
}
