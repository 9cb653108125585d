import { Button, Group, Loader, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, call } from '../api/client';
import { AuthCard, Done } from '../components/AuthCard';
import { problemMessage } from '../components/problems';
import { ResendVerification } from '../components/ResendVerification';

/** The link in the verification email lands here; the token is spent on load, once. */
export function VerifyEmailPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  // A query rather than an effect: React Query runs it once per token even when React renders twice.
  const verify = useQuery({
    queryKey: ['verify-email', token],
    queryFn: async () => {
      await call(api.POST('/api/v1/auth/verify-email', { body: { token } }));
      return true;
    },
    enabled: token.length > 0,
    retry: false,
    staleTime: Infinity,
    gcTime: Infinity,
  });

  const error = !token ? t('errors.missingToken') : verify.isError ? problemMessage(verify.error, t) : null;
  return (
    <AuthCard title={t('verify.title')} error={error}>
      {verify.isPending && token && (
        <Group gap="sm">
          <Loader size="sm" />
          <Text>{t('verify.working')}</Text>
        </Group>
      )}
      {/* An expired, used or broken link is not a dead end: a new one is a click away. */}
      {error && <ResendVerification />}
      {verify.isSuccess && (
        <>
          <Done title={t('verify.doneTitle')}>{t('verify.done')}</Done>
          <Button component={Link} to="/login" fullWidth size="md">
            {t('verify.login')}
          </Button>
        </>
      )}
    </AuthCard>
  );
}
