import { Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { Done } from './AuthCard';
import { problemMessage, showProblem } from './problems';
import { email } from './validation';

/**
 * "Send the verification email again": where a verification link is expired, used or missing, and where
 * an unconfirmed account tries to log in. The API answers 202 whether or not the account exists, and so
 * does this form.
 */
export function ResendVerification({ initialEmail = '' }: { initialEmail?: string }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const resend = useMutation({
    mutationFn: async (address: string) => {
      await call(api.POST('/api/v1/auth/resend-verification', { body: { email: address } }));
      return address;
    },
  });
  const form = useForm({ mode: 'uncontrolled', initialValues: { email: initialEmail }, validate: { email: email(t) } });
  const submit = form.onSubmit((values) => {
    setError(null);
    resend.mutate(values.email.trim(), {
      onError: (problem) => setError(showProblem(form, problem, t) ?? problemMessage(problem, t)),
    });
  });

  if (resend.isSuccess) return <Done title={t('resend.doneTitle')}>{t('resend.done', { email: resend.data })}</Done>;
  return (
    <form onSubmit={submit} noValidate aria-label={t('resend.title')}>
      <Stack gap="sm">
        <Text size="sm">{t('resend.help')}</Text>
        <TextInput
          label={t('fields.email')}
          type="email"
          autoComplete="email"
          inputMode="email"
          withAsterisk
          key={form.key('email')}
          {...form.getInputProps('email')}
        />
        {error && (
          <Text c="red.8" size="sm" role="alert">
            {error}
          </Text>
        )}
        <Button type="submit" variant="light" fullWidth loading={resend.isPending}>
          {t('resend.submit')}
        </Button>
      </Stack>
    </form>
  );
}
