import { Button, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, call } from '../api/client';
import { AuthCard, Done } from '../components/AuthCard';
import { PasswordField } from '../components/PasswordField';
import { showProblem } from '../components/problems';
import { PASSWORD_MIN, newPassword, sameAs } from '../components/validation';

type Purpose = 'reset' | 'invitation';

const ENDPOINT = {
  reset: '/api/v1/auth/reset-password',
  invitation: '/api/v1/auth/accept-invitation',
} as const;

/**
 * Choosing a password from an emailed link: /reset-password?token=… (forgotten password) and
 * /accept-invitation?token=… (an invited reviewer, mentor or staff member). Same form, other words.
 */
export function SetPasswordPage({ purpose }: { purpose: Purpose }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [error, setError] = useState<string | null>(token ? null : t('errors.missingToken'));
  const save = useMutation({
    mutationFn: (password: string) => call(api.POST(ENDPOINT[purpose], { body: { token, password } })),
  });
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { password: '', confirm: '' },
    validate: { password: newPassword(t), confirm: sameAs(t, 'password') },
  });
  const submit = form.onSubmit((values) => {
    setError(null);
    save.mutate(values.password, { onError: (problem) => setError(showProblem(form, problem, t)) });
  });

  const texts = purpose === 'reset' ? ('reset' as const) : ('invitation' as const);
  return (
    <AuthCard
      title={t(`${texts}.title`)}
      subtitle={purpose === 'invitation' && !save.isSuccess ? t('invitation.subtitle') : undefined}
      error={error}
    >
      {save.isSuccess ? (
        <>
          <Done title={t(`${texts}.doneTitle`)}>{t(`${texts}.done`)}</Done>
          <Button component={Link} to="/login" fullWidth size="md">
            {t(`${texts}.login`)}
          </Button>
        </>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <PasswordField
              label={t('fields.newPassword')}
              description={t('register.passwordHint', { min: PASSWORD_MIN })}
              autoComplete="new-password"
              withAsterisk
              key={form.key('password')}
              {...form.getInputProps('password')}
            />
            <PasswordField
              label={t('fields.confirmPassword')}
              autoComplete="new-password"
              withAsterisk
              key={form.key('confirm')}
              {...form.getInputProps('confirm')}
            />
            <Button type="submit" fullWidth size="md" loading={save.isPending} disabled={!token}>
              {t(`${texts}.submit`)}
            </Button>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
