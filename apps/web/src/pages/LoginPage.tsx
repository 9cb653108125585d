import { Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useLogin, useMe } from '../auth/session';
import { AuthCard, Done } from '../components/AuthCard';
import { PasswordField } from '../components/PasswordField';
import { ResendVerification } from '../components/ResendVerification';
import { ApiError } from '../api/client';
import { showProblem } from '../components/problems';
import { email, required } from '../components/validation';

/** Only paths inside this app, so a crafted ?next= cannot send the user elsewhere. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { data: me } = useMe();
  const login = useLogin();
  const [error, setError] = useState<string | null>(null);
  const [unverified, setUnverified] = useState<string | null>(null);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { email: '', password: '' },
    validate: { email: email(t), password: required(t) },
  });

  if (me && !login.isPending) return <Navigate to={safeNext(params.get('next'))} replace />;

  const submit = form.onSubmit((values) => {
    setError(null);
    setUnverified(null);
    login.mutate(
      { email: values.email.trim(), password: values.password },
      {
        onSuccess: () => void navigate(safeNext(params.get('next')), { replace: true }),
        onError: (problem) => {
          setError(showProblem(form, problem, t));
          if (problem instanceof ApiError && problem.code === 'email_not_verified') setUnverified(values.email.trim());
        },
      },
    );
  });

  return (
    <AuthCard title={t('login.title')} subtitle={t('login.subtitle')} error={error}>
      {params.get('loggedOut') && <Done title={t('login.sessionEnded')}>{null}</Done>}
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('fields.email')}
            type="email"
            autoComplete="username"
            inputMode="email"
            withAsterisk
            key={form.key('email')}
            {...form.getInputProps('email')}
          />
          <PasswordField
            label={t('fields.password')}
            autoComplete="current-password"
            withAsterisk
            key={form.key('password')}
            {...form.getInputProps('password')}
          />
          <Group justify="flex-end">
            <Anchor component={Link} to="/forgot-password" size="sm">
              {t('login.forgot')}
            </Anchor>
          </Group>
          <Button type="submit" fullWidth size="md" loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Stack>
      </form>
      {unverified !== null && <ResendVerification key={unverified} initialEmail={unverified} />}
      <Text size="sm" ta="center">
        {t('login.noAccount')}{' '}
        <Anchor component={Link} to="/register">
          {t('login.register')}
        </Anchor>
      </Text>
    </AuthCard>
  );
}
