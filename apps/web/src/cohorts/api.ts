import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, call } from '../api/client';
import type { components } from '../api/schema';

export type Cohort = components['schemas']['CohortView'];
export type CohortStatus = Cohort['status'];
export type CreateCohort = components['schemas']['CreateCohortDto'];
export type UpdateCohort = components['schemas']['UpdateCohortDto'];
export type Hub = components['schemas']['HubDto'];
export type EligibilityRule = components['schemas']['EligibilityRuleDto'];
export type TransitionOption = components['schemas']['TransitionOptionView'];
export type Rubric = components['schemas']['RubricDto'];
export type TemplateView = components['schemas']['TemplateView'];
export type TemplateItem = components['schemas']['TemplateItemDto'];
export type CheckpointsView = components['schemas']['FeedbackCheckpointsView'];
export type Checkpoint = components['schemas']['FeedbackCheckpointDto'];

export const RULE_CODES: readonly EligibilityRule['code'][] = ['max_age', 'vietnamese_citizen', 'enterprise_min_years'];
export const STAGES: readonly CohortStatus[] = ['draft', 'open', 'reviewing', 'selecting', 'running', 'closed'];

const noRetryOn4xx = (count: number, error: unknown) => !(error instanceof ApiError && error.status < 500) && count < 2;

// The committee pages read the same list under ['cohorts', 'all']: invalidating ['cohorts'] refreshes both.
const cohortKey = (id: string) => ['cohorts', 'one', id] as const;

export function useCohorts() {
  return useQuery({ queryKey: ['cohorts', 'all'], queryFn: () => call(api.GET('/api/v1/cohorts')) });
}

export function useCohort(id: string) {
  return useQuery({
    queryKey: cohortKey(id),
    queryFn: () => call(api.GET('/api/v1/cohorts/{id}', { params: { path: { id } } })),
    retry: noRetryOn4xx,
    enabled: !!id,
  });
}

function useCohortMutation<T>(mutationFn: (body: T) => Promise<Cohort>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (cohort) => {
      queryClient.setQueryData(cohortKey(cohort.id), cohort);
      void queryClient.invalidateQueries({ queryKey: ['cohorts'] });
    },
  });
}

export const useCreateCohort = () =>
  useCohortMutation((body: CreateCohort) => call(api.POST('/api/v1/cohorts', { body })));

export const useUpdateCohort = (id: string) =>
  useCohortMutation((body: UpdateCohort) =>
    call(api.PATCH('/api/v1/cohorts/{id}', { params: { path: { id } }, body })),
  );

export const useReplaceHubs = (id: string) =>
  useCohortMutation((hubs: Hub[]) =>
    call(api.PUT('/api/v1/cohorts/{id}/hubs', { params: { path: { id } }, body: { hubs } })),
  );

export const useCopyCohort = (id: string) =>
  useCohortMutation((name: string) =>
    call(api.POST('/api/v1/cohorts/{id}/copy', { params: { path: { id } }, body: { name } })),
  );

export function useTransitionOptions(id: string) {
  return useQuery({
    queryKey: ['cohorts', 'transitions', id],
    queryFn: () => call(api.GET('/api/v1/cohorts/{id}/transitions', { params: { path: { id } } })),
    enabled: !!id,
  });
}

export const useTransition = (id: string) =>
  useCohortMutation((body: { status: CohortStatus; reason?: string; override?: boolean }) =>
    call(api.POST('/api/v1/cohorts/{id}/transitions', { params: { path: { id } }, body })),
  );

/** The live count of the cohort's applications that rules would pass (the server judges them). */
export function useEligibilityPreview(cohortId: string, rules: EligibilityRule[]) {
  return useQuery({
    queryKey: ['cohorts', 'eligibility-preview', cohortId, rules],
    queryFn: () =>
      call(
        api.POST('/api/v1/cohorts/{cohortId}/eligibility-preview', {
          params: { path: { cohortId } },
          body: { rules },
        }),
      ),
    enabled: !!cohortId,
    placeholderData: keepPreviousData,
    retry: noRetryOn4xx,
  });
}

export function useMilestoneTemplate(cohortId: string) {
  return useQuery({
    queryKey: ['cohorts', 'milestone-template', cohortId],
    queryFn: () => call(api.GET('/api/v1/cohorts/{cohortId}/milestone-template', { params: { path: { cohortId } } })),
    enabled: !!cohortId,
  });
}

export function usePutMilestoneTemplate(cohortId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (milestones: TemplateItem[]) =>
      call(
        api.PUT('/api/v1/cohorts/{cohortId}/milestone-template', {
          params: { path: { cohortId } },
          body: { milestones },
        }),
      ),
    onSuccess: (view) => queryClient.setQueryData(['cohorts', 'milestone-template', cohortId], view),
  });
}

export function useUpdateRubric(cohortId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rubric: Rubric) =>
      call(api.PUT('/api/v1/cohorts/{cohortId}/review-round/rubric', { params: { path: { cohortId } }, body: rubric })),
    onSuccess: (round) => queryClient.setQueryData(['committee', cohortId, 'round'], round),
  });
}

export function useFeedbackCheckpoints(id: string) {
  return useQuery({
    queryKey: ['cohorts', 'feedback-checkpoints', id],
    queryFn: () => call(api.GET('/api/v1/cohorts/{id}/feedback-checkpoints', { params: { path: { id } } })),
    enabled: !!id,
  });
}

export function usePutFeedbackCheckpoints(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (checkpoints: Checkpoint[]) =>
      call(api.PUT('/api/v1/cohorts/{id}/feedback-checkpoints', { params: { path: { id } }, body: { checkpoints } })),
    onSuccess: (view) => queryClient.setQueryData(['cohorts', 'feedback-checkpoints', id], view),
  });
}
