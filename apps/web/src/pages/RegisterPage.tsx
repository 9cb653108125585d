import { Anchor, Button, Checkbox, Fieldset, Spoiler, Stack, Text, TextInput } from '@mantine/core';
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
import { type Notice, useNotices } from '../privacy-consent/api';

export function RegisterPage() {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  // Never pre-ticked: each purpose starts unticked, with its notice one click away.
  const [consents, setConsents] = useState<Array<Notice['purpose']>>([]);
  const notices = useNotices();
  const vi = currentLanguage() === 'vi';
  const register = useMutation({
    mutationFn: (body: { fullName: string; email: string; password: string; consents: Array<Notice['purpose']> }) =>
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
      { fullName: values.fullName.trim(), email: values.email.trim(), password: values.password, consents },
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
          <Fieldset legend={t('consent.registerTitle')} data-testid="register-consents">
            <Stack gap="xs">
              <Text size="sm">{t('consent.registerIntro')}</Text>
              {(notices.data ?? []).map((notice) => (
                <div key={notice.purpose}>
                  <Checkbox
                    label={`${vi ? notice.titleVi : notice.titleEn} — ${
                      notice.requiredToApply ? t('consent.requiredToApply') : t('consent.optional')
                    }`}
                    checked={consents.includes(notice.purpose)}
                    onChange={(e) => {
                      const checked = e.currentTarget.checked;
                      setConsents((now) =>
                        checked ? [...now, notice.purpose] : now.filter((p) => p !== notice.purpose),
                      );
                    }}
                    data-testid={`register-consent-${notice.purpose}`}
                  />
                  <Spoiler
                    ml={32}
                    maxHeight={0}
                    showLabel={t('consent.readNotice', { version: notice.version })}
                    hideLabel={t('consent.hideNotice')}
                  >
                    <Text size="xs" style={{ whiteSpace: 'pre-line' }}>
                      {vi ? notice.bodyVi : notice.bodyEn}
                    </Text>
                  </Spoiler>
                </div>
              ))}
            </Stack>
          </Fieldset>
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
