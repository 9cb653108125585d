import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../api/client';
import { AuthCard, Done } from '../components/AuthCard';
import { PasswordField } from '../components/PasswordField';
import { showProblem } from '../components/problems';
import { PASSWORD_MIN, email, newPassword, required } from '../components/validation';
import { currentLanguage } from '../i18n';

export function RegisterPage() {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const register = useMutation({
    mutationFn: (body: { fullName: string; email: string; password: string }) =>
      // The account keeps the language the visitor is reading in; emails follow it.
      call(api.POST('/api/v1/auth/register', { body: { ...body, language: currentLanguage() } })),
  });
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { fullName: '', email: '', password: '' },
    validate: { fullName: required(t), email: email(t), password: newPassword(t) },
  });

  const submit = form.onSubmit((values) => {
    setError(null);
    register.mutate(
      { fullName: values.fullName.trim(), email: values.email.trim(), password: values.password },
      { onError: (problem) => setError(showProblem(form, problem, t)) },
    );
  });

  if (register.isSuccess) {
    return (
      <AuthCard title={t('register.title')}>
        <Done title={t('register.doneTitle')}>{t('register.done', { email: register.data.email })}</Done>
        <Anchor component={Link} to="/login" ta="center">
          {t('register.login')}
        </Anchor>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t('register.title')} subtitle={t('register.subtitle')} error={error}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('fields.fullName')}
            placeholder={t('fields.fullNamePlaceholder')}
            autoComplete="name"
            withAsterisk
            key={form.key('fullName')}
            {...form.getInputProps('fullName')}
          />
          <TextInput
            label={t('fields.email')}
            type="email"
            autoComplete="email"
            inputMode="email"
            withAsterisk
            key={form.key('email')}
            {...form.getInputProps('email')}
          />
          <PasswordField
            label={t('fields.password')}
            description={t('register.passwordHint', { min: PASSWORD_MIN })}
            autoComplete="new-password"
            withAsterisk
            key={form.key('password')}
            {...form.getInputProps('password')}
          />
          <Button type="submit" fullWidth size="md" loading={register.isPending}>
            {t('register.submit')}
          </Button>
        </Stack>
      </form>
      <Text size="sm" ta="center">
        {t('register.haveAccount')}{' '}
        <Anchor component={Link} to="/login">
          {t('register.login')}
        </Anchor>
      </Text>
    </AuthCard>
  );
}
