import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, CSRF_COOKIE, CSRF_HEADER, type ProblemDetails, api, call, readCookie } from '../api/client';
import type { components } from '../api/schema';

export type MilestoneReview = components['schemas']['MilestoneReviewView'];
export type Milestone = components['schemas']['MilestoneView'];
export type MilestoneStatus = Milestone['status'];
export type ReviewQueueItem = components['schemas']['ReviewQueueItemView'];
export type ReviewDecision = components['schemas']['ReviewDto']['decision'];
export type NotificationSettings = components['schemas']['NotificationSettingsDto'];

/** Badge colour of each derived status: overdue red, due soon orange, done green. */
export const STATUS_COLORS: Record<MilestoneStatus, string> = {
  upcoming: 'gray',
  due_soon: 'orange',
  submitted: 'blue',
  changes_requested: 'yellow',
  approved: 'green',
  overdue: 'red',
  waived: 'grape',
};

const MINE_KEY = ['milestones', 'mine'] as const;
const fellowKey = (fellowId: string) => ['milestones', 'fellow', fellowId] as const;
const QUEUE_KEY = ['milestones', 'review-queue'] as const;
const NOTIFICATIONS_KEY = ['me', 'notifications'] as const;

/** The fellow's own timelines, newest programme year first. */
export type Timeline = Omit<components['schemas']['TimelineView'], 'milestones'> & { milestones: Milestone[] };

export function useMyTimelines() {
  return useQuery({
    queryKey: MINE_KEY,
    queryFn: async () => (await call(api.GET('/api/v1/milestones/mine'))) as unknown as Timeline[],
  });
}

/** One fellow's timeline, as staff and the fellow's mentor read it. */
export function useFellowTimeline(fellowId: string) {
  return useQuery({
    queryKey: fellowKey(fellowId),
    queryFn: async () =>
      (await call(
        api.GET('/api/v1/fellows/{fellowId}/milestones', { params: { path: { fellowId } } }),
      )) as unknown as Timeline,
    enabled: !!fellowId,
  });
}

export function useReviewQueue(cohortId?: string) {
  return useQuery({
    queryKey: [...QUEUE_KEY, cohortId ?? ''],
    queryFn: () =>
      call(api.GET('/api/v1/milestones/review-queue', { params: { query: cohortId ? { cohortId } : {} } })),
  });
}

/** Any change to a milestone changes the timelines and the queue that show it. */
function useMilestonesChanged() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: ['milestones'] });
}

export interface EvidenceInput {
  text?: string;
  link?: string;
}

/** Text and link evidence, as JSON. */
export function useSubmitEvidence(milestoneId: string) {
  const changed = useMilestonesChanged();
  return useMutation({
    mutationFn: (body: EvidenceInput) =>
      call(api.POST('/api/v1/milestones/{id}/submissions', { params: { path: { id: milestoneId } }, body })),
    onSuccess: changed,
  });
}

/**
 * Evidence with a PDF, as multipart with upload progress (fetch cannot report it; XMLHttpRequest
 * can). The fields go before the file: the API reads them first. Rejects with an ApiError.
 */
export function uploadEvidence(
  milestoneId: string,
  fields: EvidenceInput,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<Milestone> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/milestones/${encodeURIComponent(milestoneId)}/submissions`);
    xhr.withCredentials = true;
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) xhr.setRequestHeader(CSRF_HEADER, csrf);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(xhr.response as Milestone);
        return;
      }
      const body = (xhr.response ?? {}) as Partial<ProblemDetails>;
      reject(new ApiError({ ...body, status: xhr.status }));
    };
    xhr.onerror = () => reject(new ApiError({ status: 0, code: 'network' }));
    const form = new FormData();
    if (fields.text) form.append('text', fields.text);
    if (fields.link) form.append('link', fields.link);
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

export function useUploadEvidence(milestoneId: string, onProgress: (fraction: number) => void) {
  const changed = useMilestonesChanged();
  return useMutation({
    mutationFn: ({ fields, file }: { fields: EvidenceInput; file: File }) =>
      uploadEvidence(milestoneId, fields, file, onProgress),
    onSuccess: changed,
  });
}

export function useReviewMilestone() {
  const changed = useMilestonesChanged();
  return useMutation({
    mutationFn: ({ id, decision, comment }: { id: string; decision: ReviewDecision; comment: string }) =>
      call(
        api.POST('/api/v1/milestones/{id}/reviews', {
          params: { path: { id } },
          body: comment.trim() ? { decision, comment: comment.trim() } : { decision },
        }),
      ),
    onSuccess: changed,
  });
}

export function useWaiveMilestone() {
  const changed = useMilestonesChanged();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      call(api.POST('/api/v1/milestones/{id}/waive', { params: { path: { id } }, body: { reason } })),
    onSuccess: changed,
  });
}

export function useExtendMilestone() {
  const changed = useMilestonesChanged();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; days: number; reason: string; moveEndDate: boolean }) =>
      call(api.POST('/api/v1/milestones/{id}/extensions', { params: { path: { id } }, body })),
    onSuccess: changed,
  });
}

/** Where a submission's PDF downloads (same origin: the session cookie goes with it). */
export const evidenceFileUrl = (milestoneId: string, submissionId: string) =>
  `/api/v1/milestones/${encodeURIComponent(milestoneId)}/submissions/${encodeURIComponent(submissionId)}/file`;

// --- notification settings -------------------------------------------------------------------

export function useNotificationSettings() {
  return useQuery({ queryKey: NOTIFICATIONS_KEY, queryFn: () => call(api.GET('/api/v1/me/notifications')) });
}

export function useUpdateNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationSettings) => call(api.PUT('/api/v1/me/notifications', { body })),
    onSuccess: (view) => queryClient.setQueryData(NOTIFICATIONS_KEY, view),
  });
}

/** Adds days to a YYYY-MM-DD day. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * Where an extension of `days` on `milestone` moves the timeline, as the API computes it: that
 * milestone and every one at or after its position move by the days. The last due date, and the
 * end date it would need when that falls after the fellow's end.
 */
export function previewExtension(
  milestones: Milestone[],
  milestone: Milestone,
  days: number,
  endDate: string,
): { moved: Array<{ milestone: Milestone; from: string; to: string }>; newEndDate: string | null } {
  const moved = milestones
    .filter((m) => m.position >= milestone.position)
    .sort((a, b) => a.position - b.position)
    .map((m) => ({ milestone: m, from: m.dueOn, to: addDays(m.dueOn, days) }));
  const last = [...milestones.map((m) => m.dueOn), ...moved.map((m) => m.to)].sort().at(-1) ?? endDate;
  return { moved, newEndDate: last > endDate ? last : null };
}
