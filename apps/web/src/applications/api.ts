import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, CSRF_COOKIE, CSRF_HEADER, type ProblemDetails, api, call, readCookie } from '../api/client';
import type { components } from '../api/schema';

export type ApplicationView = components['schemas']['ApplicationView'];
export type ApplicationStatus = ApplicationView['status'];
export type CohortView = components['schemas']['CohortView'];
export type FormOptions = components['schemas']['FormOptionsView'];
export type StatusChange = components['schemas']['StatusChangeView'];

/** The editable sections, in the order the form asks for them; each is saved by its own PATCH. */
export const SECTIONS = ['personal', 'enterprise', 'languages', 'hubs', 'essays', 'referees'] as const;
export type Section = (typeof SECTIONS)[number];

/** Statuses after which nothing changes any more (the API's FINAL_STATUSES): no withdraw offered. */
export const FINAL_STATUSES: readonly ApplicationStatus[] = [
  'ineligible',
  'rejected',
  'accepted',
  'declined',
  'withdrawn',
];

export const applicationKey = (id: string) => ['application', id] as const;
export const MINE_KEY = ['applications', 'mine'] as const;

export function useFormOptions() {
  return useQuery({
    queryKey: ['form-options'],
    queryFn: () => call(api.GET('/api/v1/applications/form-options')),
    staleTime: Infinity,
  });
}

export function useOpenCohorts() {
  return useQuery({ queryKey: ['cohorts', 'open'], queryFn: () => call(api.GET('/api/v1/cohorts/open')) });
}

export function useMyApplications() {
  return useQuery({ queryKey: MINE_KEY, queryFn: () => call(api.GET('/api/v1/applications/mine')) });
}

export function useApplication(id: string) {
  return useQuery({
    queryKey: applicationKey(id),
    queryFn: () => call(api.GET('/api/v1/applications/{id}', { params: { path: { id } } })),
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

export function useHistory(id: string) {
  return useQuery({
    queryKey: [...applicationKey(id), 'history'],
    queryFn: () => call(api.GET('/api/v1/applications/{id}/history', { params: { path: { id } } })),
  });
}

export function useStartApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (cohortId: string) =>
      call(api.POST('/api/v1/cohorts/{cohortId}/applications', { params: { path: { cohortId } } })),
    onSuccess: (view) => {
      queryClient.setQueryData(applicationKey(view.id), view);
      void queryClient.invalidateQueries({ queryKey: MINE_KEY });
    },
  });
}

/**
 * Saves one section as a draft. A field sent as null is cleared (the API merges the fields it is
 * given and keeps the others), so emptying an input really empties it.
 */
export function useSaveSection(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ section, body }: { section: Section; body: Record<string, unknown> }) => {
      const params = { params: { path: { id } } };
      // The generated types describe fields as optional strings; null (clear) is accepted too.
      const anyBody = body as never;
      switch (section) {
        case 'personal':
          return call(api.PATCH('/api/v1/applications/{id}/personal', { ...params, body: anyBody }));
        case 'enterprise':
          return call(api.PATCH('/api/v1/applications/{id}/enterprise', { ...params, body: anyBody }));
        case 'languages':
          return call(api.PATCH('/api/v1/applications/{id}/languages', { ...params, body: anyBody }));
        case 'hubs':
          return call(api.PATCH('/api/v1/applications/{id}/hubs', { ...params, body: anyBody }));
        case 'essays':
          return call(api.PATCH('/api/v1/applications/{id}/essays', { ...params, body: anyBody }));
        case 'referees':
          return call(api.PATCH('/api/v1/applications/{id}/referees', { ...params, body: anyBody }));
      }
    },
    onSuccess: (view) => queryClient.setQueryData(applicationKey(id), view),
  });
}

/** A key per submit attempt of this page: a retried click (or a lost answer) submits once. */
export function useSubmit(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (idempotencyKey: string) =>
      call(
        api.POST('/api/v1/applications/{id}/submit', {
          params: { path: { id }, header: { 'idempotency-key': idempotencyKey } },
        }),
      ),
    onSuccess: (view) => {
      queryClient.setQueryData(applicationKey(id), view);
      void queryClient.invalidateQueries({ queryKey: applicationKey(id) });
      void queryClient.invalidateQueries({ queryKey: MINE_KEY });
    },
  });
}

export function useWithdraw(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      call(
        api.POST('/api/v1/applications/{id}/withdraw', {
          params: { path: { id } },
          body: reason.trim() ? { reason: reason.trim() } : {},
        }),
      ),
    onSuccess: (view) => {
      queryClient.setQueryData(applicationKey(id), view);
      void queryClient.invalidateQueries({ queryKey: applicationKey(id) });
      void queryClient.invalidateQueries({ queryKey: MINE_KEY });
    },
  });
}

/**
 * Uploads one PDF with progress (fetch cannot report upload progress; XMLHttpRequest can). Rejects
 * with an ApiError carrying the API's problem details, like every other call.
 */
export function uploadDocument(
  applicationId: string,
  kind: string,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/applications/${encodeURIComponent(applicationId)}/documents?kind=${kind}`);
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
        resolve(xhr.response);
        return;
      }
      const body = (xhr.response ?? {}) as Partial<ProblemDetails>;
      reject(new ApiError({ ...body, status: xhr.status }));
    };
    xhr.onerror = () => reject(new ApiError({ status: 0, code: 'network' }));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** Staff reopen one draft's submission for some days after its cohort stopped taking them (audited). */
export function useReopenSubmission(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { reason: string; days: number }) =>
      call(api.POST('/api/v1/applications/{id}/reopen-submission', { params: { path: { id } }, body })),
    onSuccess: (app) => {
      queryClient.setQueryData(applicationKey(id), app);
    },
  });
}
