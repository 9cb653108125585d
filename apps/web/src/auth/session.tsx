import { Alert, Center, Loader } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { ApiError, api, call, type Language, type Role, type User } from '../api/client';
import { findNavItem } from '../components/navigation';
import { problemMessage } from '../components/problems';
import { ForbiddenPage } from '../components/ForbiddenPage';
import { applyLanguage } from '../i18n';

export const ME_KEY = ['me'] as const;

/** The signed-in user, or null for a visitor. */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async (): Promise<User | null> => {
      try {
        return await call(api.GET('/api/v1/me'));
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

/** Once we know who is signed in, the UI follows their saved language. */
export function LanguageFromAccount() {
  const { data: me } = useMe();
  useEffect(() => {
    if (me) void applyLanguage(me.language);
  }, [me]);
  return null;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => call(api.POST('/api/v1/auth/login', { body })),
    onSuccess: (result) => queryClient.setQueryData(ME_KEY, result.user),
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.POST('/api/v1/auth/logout')),
    onSettled: () => {
      // Whatever the answer, this page no longer acts for anyone.
      queryClient.setQueryData(ME_KEY, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
    },
  });
}

/** Switches the UI language at once and, for a signed-in user, saves it as their preference. */
export function useChangeLanguage() {
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const save = useMutation({
    mutationFn: (language: Language) => call(api.PATCH('/api/v1/me', { body: { language } })),
    onSuccess: (user) => queryClient.setQueryData(ME_KEY, user),
  });
  return {
    change: async (language: Language) => {
      await applyLanguage(language);
      if (me && me.language !== language) await save.mutateAsync(language);
    },
    saving: save.isPending,
    error: save.error,
  };
}

export function PageLoader() {
  return (
    <Center mih="40vh">
      <Loader aria-label="…" />
    </Center>
  );
}

/**
 * Renders its children for a signed-in user who holds one of the page's roles (`roles`, else the
 * navigation config's for this address); another user sees the access-denied page; a visitor is sent
 * to log in and back here afterwards.
 */
export function RequireUser({ children, roles }: { children: (user: User) => ReactNode; roles?: readonly Role[] }) {
  const { data: me, isPending, error } = useMe();
  const location = useLocation();
  const { t } = useTranslation();
  if (isPending) return <PageLoader />;
  // The server could not say who this is (down, unreachable): say so rather than ask to log in again.
  if (error)
    return (
      <Alert color="red" title={t('errors.title')} role="alert">
        {problemMessage(error, t)}
      </Alert>
    );
  if (!me) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  const required = roles ?? findNavItem(location.pathname)?.roles;
  if (required && !required.some((role) => me.roles.includes(role)))
    return <ForbiddenPage user={me} roles={required} />;
  return <>{children(me)}</>;
}
