import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, call } from '../api/client';
import type { components, paths } from '../api/schema';

export type MyAssignment = components['schemas']['MyAssignment'];
export type BlindReview = components['schemas']['BlindReviewView'];
export type LocalText = components['schemas']['LocalTextDto'];
export type RankingRow = components['schemas']['RankingRow'];
export type Breakdown = components['schemas']['ApplicationBreakdown'];
export type RoundView = components['schemas']['RoundView'];
export type AutoAssignResult = components['schemas']['AutoAssignResult'];
export type Proposal = components['schemas']['ProposalView'];
export type SelectionRequest = components['schemas']['SelectionRequestDto'];
export type SelectionStatus = components['schemas']['SelectionStatusView'];
export type OfferView = components['schemas']['OfferView'];
export type Decision = components['schemas']['DecisionDto']['decision'];
export type Recommendation = NonNullable<components['schemas']['SubmitReviewDto']['recommendation']>;
export type ReviewInput = Omit<components['schemas']['SubmitReviewDto'], 'scores'> & { scores: Scores };
export type Scores = Record<string, number>;

export const RECOMMENDATIONS: readonly Recommendation[] = ['strong_yes', 'yes', 'maybe', 'no'];
export const LEVELS = ['1', '2', '3', '4', '5'] as const;

/** A rubric criterion as the UI reads it (the generated type knows the anchors only as an object). */
export interface Criterion {
  code: string;
  title: LocalText;
  weight: number;
  anchors: Partial<Record<(typeof LEVELS)[number], LocalText>>;
}

export const criteriaOf = (rubric: { criteria: unknown[] }): Criterion[] => rubric.criteria as Criterion[];

const noRetryOn4xx = (count: number, error: unknown) => !(error instanceof ApiError && error.status < 500) && count < 2;

// --- the reviewer's side -------------------------------------------------------------------

export const ASSIGNMENTS_KEY = ['reviews', 'assignments'] as const;

export function useMyAssignments() {
  return useQuery({ queryKey: ASSIGNMENTS_KEY, queryFn: () => call(api.GET('/api/v1/reviews/assignments')) });
}

export function useBlindReview(assignmentId: string) {
  return useQuery({
    queryKey: [...ASSIGNMENTS_KEY, assignmentId],
    queryFn: () => call(api.GET('/api/v1/reviews/assignments/{assignmentId}', { params: { path: { assignmentId } } })),
    retry: noRetryOn4xx,
  });
}

export function useSubmitReview(assignmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReviewInput) =>
      call(
        api.PUT('/api/v1/reviews/assignments/{assignmentId}/review', {
          params: { path: { assignmentId } },
          body: body as never,
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ASSIGNMENTS_KEY }),
  });
}

const DECLARATIONS_KEY = ['reviews', 'conflict-declarations'] as const;

/** The reviewer's own declarations, as they wrote them. */
export function useMyDeclarations() {
  return useQuery({
    queryKey: DECLARATIONS_KEY,
    queryFn: () => call(api.GET('/api/v1/reviews/conflict-declarations')),
  });
}

/** Names whom the reviewer knows; the answer never says whether anyone matched. */
export function useDeclareConflicts() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { cohortId: string; names: string[]; emails: string[]; reason: string }) =>
      call(api.POST('/api/v1/reviews/conflict-declarations', { body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ASSIGNMENTS_KEY });
      void queryClient.invalidateQueries({ queryKey: DECLARATIONS_KEY });
    },
  });
}

/** Staff: what an application's reviewers read (blind, redacted). */
export function useBlindPreview(applicationId: string) {
  return useQuery({
    queryKey: ['applications', applicationId, 'blind-preview'],
    queryFn: () =>
      call(api.GET('/api/v1/applications/{id}/blind-preview', { params: { path: { id: applicationId } } })),
    retry: noRetryOn4xx,
  });
}

// --- the committee board ---------------------------------------------------------------------

export function useAllCohorts(enabled = true) {
  return useQuery({ queryKey: ['cohorts', 'all'], queryFn: () => call(api.GET('/api/v1/cohorts')), enabled });
}

const roundKey = (cohortId: string) => ['committee', cohortId, 'round'] as const;
const rankingKey = (cohortId: string) => ['committee', cohortId, 'ranking'] as const;

export function useRound(cohortId: string) {
  return useQuery({
    queryKey: roundKey(cohortId),
    queryFn: () => call(api.GET('/api/v1/cohorts/{cohortId}/review-round', { params: { path: { cohortId } } })),
    enabled: !!cohortId,
  });
}

export function useUpdateRound(cohortId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: components['schemas']['UpdateRoundDto']) =>
      call(api.PATCH('/api/v1/cohorts/{cohortId}/review-round', { params: { path: { cohortId } }, body })),
    onSuccess: (round) => queryClient.setQueryData(roundKey(cohortId), round),
  });
}

export function useAutoAssign(cohortId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/v1/cohorts/{cohortId}/assignments/auto', {
          params: { path: { cohortId } },
          body: { keepExisting: true },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: rankingKey(cohortId) }),
  });
}

export type RankingQuery = NonNullable<paths['/api/v1/cohorts/{cohortId}/ranking']['get']['parameters']['query']>;

/** One page of the board (ranks are the whole board's). */
export function useRanking(cohortId: string, query: RankingQuery) {
  return useQuery({
    queryKey: [...rankingKey(cohortId), query],
    queryFn: () => call(api.GET('/api/v1/cohorts/{cohortId}/ranking', { params: { path: { cohortId }, query } })),
    enabled: !!cohortId,
    placeholderData: keepPreviousData,
  });
}

/** Every row of the board in one status (e.g. the interviewed, whom selection can pin), page after page. */
export function useRankingInStatus(cohortId: string, status: NonNullable<RankingQuery['status']>) {
  return useQuery({
    queryKey: [...rankingKey(cohortId), 'status', status],
    queryFn: async () => {
      const rows: RankingRow[] = [];
      for (let page = 1; ; page++) {
        const query = { score: 'normalized' as const, status, page, pageSize: 100 };
        const { items, meta } = await call(
          api.GET('/api/v1/cohorts/{cohortId}/ranking', { params: { path: { cohortId }, query } }),
        );
        rows.push(...items);
        if (page >= meta.pageCount) return rows;
      }
    },
    enabled: !!cohortId,
  });
}

export function useBreakdown(cohortId: string, applicationId: string | null) {
  return useQuery({
    queryKey: [...rankingKey(cohortId), 'breakdown', applicationId],
    queryFn: () =>
      call(
        api.GET('/api/v1/cohorts/{cohortId}/ranking/{applicationId}', {
          params: { path: { cohortId, applicationId: applicationId ?? '' } },
        }),
      ),
    enabled: !!cohortId && !!applicationId,
  });
}

export function useDecision(cohortId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      applicationId,
      ...body
    }: {
      applicationId: string;
      decision: Decision;
      rationale: string;
      interviewScores?: Scores;
    }) =>
      call(
        api.POST('/api/v1/applications/{id}/decisions', {
          params: { path: { id: applicationId } },
          body: body as never,
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: rankingKey(cohortId) }),
  });
}

// --- selection, offers and the waitlist ---------------------------------------------------------

const selectionKey = (cohortId: string) => ['selection', cohortId] as const;

export function useSelectionStatus(cohortId: string) {
  return useQuery({
    queryKey: selectionKey(cohortId),
    queryFn: () => call(api.GET('/api/v1/cohorts/{cohortId}/selection', { params: { path: { cohortId } } })),
    enabled: !!cohortId,
  });
}

export function usePropose(cohortId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SelectionRequest) =>
      call(api.POST('/api/v1/cohorts/{cohortId}/selection/proposals', { params: { path: { cohortId } }, body })),
    onSuccess: (run) => {
      // The new run becomes the page's latest one: kept in the cache so the page does not wait to fetch it again.
      queryClient.setQueryData([...selectionKey(cohortId), 'proposal', run.id], run);
      void queryClient.invalidateQueries({ queryKey: selectionKey(cohortId) });
    },
  });
}

export function useOfferPreview(cohortId: string, proposalId: string, applicationId: string | null) {
  return useQuery({
    queryKey: [...selectionKey(cohortId), proposalId, 'preview', applicationId],
    queryFn: () =>
      call(
        api.GET('/api/v1/cohorts/{cohortId}/selection/proposals/{id}/offer-preview', {
          params: { path: { cohortId, id: proposalId }, query: { applicationId: applicationId ?? '' } },
        }),
      ),
    enabled: !!applicationId,
  });
}

export function useConfirmProposal(cohortId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (proposalId: string) =>
      call(
        api.POST('/api/v1/cohorts/{cohortId}/selection/proposals/{id}/confirm', {
          params: { path: { cohortId, id: proposalId } },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: selectionKey(cohortId) }),
  });
}

// --- the applicant's offer --------------------------------------------------------------------

export const OFFERS_KEY = ['offers', 'mine'] as const;

export function useMyOffers(enabled = true) {
  return useQuery({ queryKey: OFFERS_KEY, queryFn: () => call(api.GET('/api/v1/offers/mine')), enabled });
}

export function useAnswerOffer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, answer }: { id: string; answer: 'accept' | 'decline' }) =>
      answer === 'accept'
        ? call(api.POST('/api/v1/offers/{id}/accept', { params: { path: { id } } }))
        : call(api.POST('/api/v1/offers/{id}/decline', { params: { path: { id } } })),
    onSuccess: (offer) => {
      void queryClient.invalidateQueries({ queryKey: OFFERS_KEY });
      void queryClient.invalidateQueries({ queryKey: ['application', offer.applicationId] });
      void queryClient.invalidateQueries({ queryKey: ['applications', 'mine'] });
    },
  });
}

/** Staff: the cohort's reviewer conflicts — declared (with the name a declaration matched) and detected. */
export function useConflicts(cohortId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['committee', cohortId, 'conflicts'],
    queryFn: () => call(api.GET('/api/v1/cohorts/{cohortId}/conflicts', { params: { path: { cohortId } } })),
    enabled: !!cohortId && enabled,
  });
}

/** Staff: one selection run as the server kept it (settings, result, prices, waitlist). */
export function useProposal(cohortId: string, proposalId: string | null | undefined) {
  return useQuery({
    queryKey: [...selectionKey(cohortId), 'proposal', proposalId],
    queryFn: () =>
      call(
        api.GET('/api/v1/cohorts/{cohortId}/selection/proposals/{id}', {
          params: { path: { cohortId, id: proposalId ?? '' } },
        }),
      ),
    enabled: !!cohortId && !!proposalId,
    staleTime: Infinity,
  });
}
