import { Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../api/client';
import { AuthCard, Done } from '../components/AuthCard';
import { showProblem } from '../components/problems';
import { email } from '../components/validation';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const request = useMutation({
    mutationFn: async (address: string) => {
      await call(api.POST('/api/v1/auth/forgot-password', { body: { email: address } }));
      return address;
    },
  });
  const form = useForm({ mode: 'uncontrolled', initialValues: { email: '' }, validate: { email: email(t) } });
  const submit = form.onSubmit((values) => {
    setError(null);
    request.mutate(values.email.trim(), { onError: (problem) => setError(showProblem(form, problem, t)) });
  });

  return (
    <AuthCard title={t('forgot.title')} subtitle={request.isSuccess ? undefined : t('forgot.subtitle')} error={error}>
      {request.isSuccess ? (
        // The API answers 202 whether or not the account exists, and so does this page.
        <Done title={t('forgot.doneTitle')}>{t('forgot.done', { email: request.data })}</Done>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <TextInput
              label={t('fields.email')}
              type="email"
              autoComplete="email"
              inputMode="email"
              withAsterisk
              key={form.key('email')}
              {...form.getInputProps('email')}
            />
            <Button type="submit" fullWidth size="md" loading={request.isPending}>
              {t('forgot.submit')}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/login" size="sm" ta="center">
        {t('forgot.back')}
      </Anchor>
    </AuthCard>
  );
}
