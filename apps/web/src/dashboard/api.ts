import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { components } from '../api/schema';

export type Dashboard = components['schemas']['DashboardView'];
export type AtRiskFellow = components['schemas']['AtRiskFellowView'];
export type AtRiskPage = components['schemas']['AtRiskView'];
export type Flag = components['schemas']['FlagView'];
export type AtRiskRule = Flag['rule'];
export type UpcomingReminder = components['schemas']['UpcomingReminderView'];
export type ReportJob = components['schemas']['ReportJobView'];
export type ReportKind = ReportJob['kind'];
export type ReportFormat = ReportJob['format'];

/** The API's REPORT_KINDS and REPORT_FORMATS, in display order. */
export const REPORT_KINDS: readonly ReportKind[] = [
  'cohort_progress',
  'milestone_status',
  'mentoring_activity',
  'selection_outcome',
];
export const REPORT_FORMATS: readonly ReportFormat[] = ['xlsx', 'csv'];

const dashboardKey = (cohortId: string) => ['dashboard', cohortId] as const;
const atRiskKey = (cohortId: string) => ['at-risk', cohortId] as const;
const REPORTS_KEY = ['reports'] as const;

export function useDashboard(cohortId: string) {
  return useQuery({
    queryKey: dashboardKey(cohortId),
    queryFn: () => call(api.GET('/api/v1/cohorts/{cohortId}/dashboard', { params: { path: { cohortId } } })),
    enabled: !!cohortId,
  });
}

/**
 * A page of the cohort's at-risk fellows (`pageSize` a page, by name), asked only when `enabled`: the
 * dashboard brings the first page itself.
 */
export function useAtRiskPage(cohortId: string, page: number, pageSize: number, enabled: boolean) {
  return useQuery({
    queryKey: [...atRiskKey(cohortId), page, pageSize],
    queryFn: () =>
      call(
        api.GET('/api/v1/cohorts/{cohortId}/at-risk', {
          params: { path: { cohortId }, query: { page, pageSize } },
        }),
      ),
    enabled: enabled && !!cohortId,
    placeholderData: (previous) => previous,
  });
}

export function useAcknowledge(cohortId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ fellowId, rule, note }: { fellowId: string; rule: AtRiskRule; note: string }) =>
      call(
        api.POST('/api/v1/cohorts/{cohortId}/at-risk/{fellowId}/acknowledgements', {
          params: { path: { cohortId, fellowId } },
          body: { rule, note },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: dashboardKey(cohortId) });
      void queryClient.invalidateQueries({ queryKey: atRiskKey(cohortId) });
    },
  });
}

/** What the daily reminder job would send over the next `days` days (a dry run: nothing is sent). */
export function useUpcomingReminders(cohortId: string, days = 7) {
  return useQuery({
    queryKey: ['reminders', 'upcoming', cohortId, days],
    queryFn: () =>
      call(
        api.GET('/api/v1/cohorts/{cohortId}/reminders/upcoming', {
          params: { path: { cohortId }, query: { days } },
        }),
      ),
    enabled: !!cohortId,
  });
}

const unfinished = (jobs: ReportJob[] | undefined) =>
  (jobs ?? []).some((job) => job.status === 'queued' || job.status === 'running');

/** The caller's reports of one cohort, polled every 1.5 s while one is queued or running. */
export function useReports(cohortId: string) {
  return useQuery({
    queryKey: [...REPORTS_KEY, cohortId],
    queryFn: () => call(api.GET('/api/v1/reports', { params: { query: { cohortId } } })),
    refetchInterval: (query) => (unfinished(query.state.data) ? 1500 : false),
  });
}

export function useRequestReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { kind: ReportKind; format: ReportFormat; cohortId: string }) =>
      call(api.POST('/api/v1/reports', { body })),
    onSuccess: (job) => {
      queryClient.setQueryData<ReportJob[]>([...REPORTS_KEY, job.cohortId], (jobs) => [
        job,
        ...(jobs ?? []).filter((j) => j.id !== job.id),
      ]);
      void queryClient.invalidateQueries({ queryKey: REPORTS_KEY });
    },
  });
}

export const reportDownloadUrl = (id: string) => `/api/v1/reports/${encodeURIComponent(id)}/download`;
