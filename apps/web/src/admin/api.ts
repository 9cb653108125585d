import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Language, type Role, api, call } from '../api/client';
import type { components, paths } from '../api/schema';

export type AdminUser = components['schemas']['UserAdminView'];
export type UserStatus = AdminUser['status'];
export type Invitation = components['schemas']['InvitationView'];
export type UserQuery = NonNullable<paths['/api/v1/users']['get']['parameters']['query']>;
export type AuditQuery = NonNullable<paths['/api/v1/audit-log']['get']['parameters']['query']>;
export type InvitableRole = components['schemas']['InviteDto']['roles'][number];
export type AssignableRole = components['schemas']['SetRolesDto']['roles'][number];

export const USER_STATUSES: readonly UserStatus[] = ['active', 'invited', 'deactivated'];
export const ASSIGNABLE_ROLES: readonly AssignableRole[] = ['reviewer', 'mentor', 'staff', 'admin'];
/** Only an admin hands out these (the API refuses staff otherwise). */
export const ADMIN_GRANTED: readonly Role[] = ['staff', 'admin'];

export type AuditEntry = components['schemas']['AuditEntryView'];
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

// --- users -------------------------------------------------------------------------------------

export function useUsers(query: UserQuery) {
  return useQuery({
    queryKey: ['admin', 'users', query],
    queryFn: () => call(api.GET('/api/v1/users', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

function useInvalidateAdmin() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['admin'] });
}

export function useSetRoles() {
  const invalidate = useInvalidateAdmin();
  return useMutation({
    mutationFn: ({ id, roles }: { id: string; roles: AssignableRole[] }) =>
      call(api.PUT('/api/v1/users/{id}/roles', { params: { path: { id } }, body: { roles } })),
    onSuccess: invalidate,
  });
}

export function useDeactivate() {
  const invalidate = useInvalidateAdmin();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason?: string }) =>
      call(api.POST('/api/v1/users/{id}/deactivate', { params: { path: { id } }, body: reason ? { reason } : {} })),
    onSuccess: invalidate,
  });
}

export function useReactivate() {
  const invalidate = useInvalidateAdmin();
  return useMutation({
    mutationFn: (id: string) => call(api.POST('/api/v1/users/{id}/reactivate', { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}

// --- invitations -------------------------------------------------------------------------------

export function useInvitations(page: number) {
  return useQuery({
    queryKey: ['admin', 'invitations', page],
    queryFn: () => call(api.GET('/api/v1/invitations', { params: { query: { page, pageSize: 25 } } })),
    placeholderData: keepPreviousData,
  });
}

export function useInvite() {
  const invalidate = useInvalidateAdmin();
  return useMutation({
    mutationFn: (body: { email: string; fullName: string; roles: InvitableRole[]; language: Language }) =>
      call(api.POST('/api/v1/invitations', { body })),
    onSuccess: invalidate,
  });
}

export function useResendInvitation() {
  const invalidate = useInvalidateAdmin();
  return useMutation({
    mutationFn: (userId: string) =>
      call(api.POST('/api/v1/invitations/{userId}/resend', { params: { path: { userId } } })),
    onSuccess: invalidate,
  });
}

export function useRevokeInvitation() {
  const invalidate = useInvalidateAdmin();
  return useMutation({
    mutationFn: (userId: string) => call(api.DELETE('/api/v1/invitations/{userId}', { params: { path: { userId } } })),
    onSuccess: invalidate,
  });
}

// --- audit log ---------------------------------------------------------------------------------

export function useAuditLog(query: AuditQuery) {
  return useQuery({
    queryKey: ['admin', 'audit', query],
    queryFn: () => call(api.GET('/api/v1/audit-log', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** The export's URL for the same filters (a plain link: the browser streams the download). */
export function auditExportUrl(query: AuditQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (key === 'page' || key === 'pageSize' || value === undefined || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `/api/v1/audit-log/export.csv${search ? `?${search}` : ''}`;
}

// --- email templates ---------------------------------------------------------------------------

export function useEmailTemplates() {
  return useQuery({
    queryKey: ['admin', 'email-templates'],
    queryFn: async () => (await call(api.GET('/api/v1/emails/templates'))) as unknown as { templates: string[] },
    staleTime: Infinity,
  });
}

export function useEmailPreview(name: string | null, language: Language) {
  return useQuery({
    queryKey: ['admin', 'email-preview', name, language],
    queryFn: async () =>
      (await call(
        api.GET('/api/v1/emails/templates/{name}/preview', {
          params: { path: { name: name ?? '' }, query: { language } },
        }),
      )) as unknown as RenderedMail,
    enabled: !!name,
  });
}

// --- system health -----------------------------------------------------------------------------

export interface Readiness {
  ok: boolean;
  components: Array<{ name: string; up: boolean }>;
}

/** `/health/ready` answers 503 with the same body when a part is down: both are an answer here. */
export function useReadiness() {
  return useQuery({
    queryKey: ['admin', 'health'],
    queryFn: async (): Promise<Readiness> => {
      const res = await fetch('/health/ready', { credentials: 'include' });
      const body = (await res.json()) as { status?: string; details?: Record<string, { status?: string }> };
      const components = Object.entries(body.details ?? {}).map(([name, v]) => ({ name, up: v.status === 'up' }));
      return { ok: res.ok && body.status === 'ok', components };
    },
    refetchInterval: 30_000,
  });
}

/** Error codes of the admin routes that the console words itself, in both languages. */
const ADMIN_CODES = ['own_account', 'no_role_left', 'invitation_not_pending', 'user_not_found'] as const;
export type AdminCode = (typeof ADMIN_CODES)[number];

export function adminCode(code: string | undefined): AdminCode | null {
  return (ADMIN_CODES as readonly (string | undefined)[]).includes(code) ? (code as AdminCode) : null;
}
