import { Alert, Anchor, Button, Card, Radio, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call, type Language, type User } from '../api/client';
import { useChangeLanguage } from '../auth/session';
import { Done } from '../components/AuthCard';
import { PasswordField } from '../components/PasswordField';
import { problemMessage, showProblem } from '../components/problems';
import { PASSWORD_MIN, newPassword, required, sameAs } from '../components/validation';
import { LANGUAGES } from '../i18n';

function LanguageCard() {
  const { t, i18n } = useTranslation();
  const { change, saving, error } = useChangeLanguage();
  const [saved, setSaved] = useState(false);
  return (
    <Card withBorder radius="md" padding="lg">
      <Radio.Group
        label={
          <Title order={2} size="h4">
            {t('account.languageTitle')}
          </Title>
        }
        description={t('account.languageHelp')}
        // The language shown (switched at once), which is the account's once the save is done.
        value={i18n.resolvedLanguage ?? 'vi'}
        onChange={(value) => {
          setSaved(false);
          void change(value as Language).then(
            () => setSaved(true),
            () => undefined,
          );
        }}
      >
        <Stack gap="xs" mt="sm">
          {LANGUAGES.map((language) => (
            <Radio
              key={language}
              value={language}
              label={t(`language.${language}`)}
              disabled={saving}
              lang={language}
            />
          ))}
        </Stack>
      </Radio.Group>
      {error && (
        <Alert color="red" mt="sm" role="alert">
          {problemMessage(error, t)}
        </Alert>
      )}
      {saved && !error && (
        <Text c="teal" size="sm" mt="sm" role="status">
          {t('language.saved')}
        </Text>
      )}
    </Card>
  );
}

function PasswordCard() {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      call(api.POST('/api/v1/me/password', { body })),
  });
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validate: { currentPassword: required(t), newPassword: newPassword(t), confirm: sameAs(t, 'newPassword') },
  });
  const submit = form.onSubmit((values) => {
    setError(null);
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => form.reset(),
        onError: (problem) => setError(showProblem(form, problem, t)),
      },
    );
  });
  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={2} size="h4">
        {t('account.passwordTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('account.passwordHelp')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          {change.isSuccess && <Done title={t('account.passwordDone')}>{null}</Done>}
          <PasswordField
            label={t('fields.currentPassword')}
            autoComplete="current-password"
            withAsterisk
            key={form.key('currentPassword')}
            {...form.getInputProps('currentPassword')}
          />
          <PasswordField
            label={t('fields.newPassword')}
            description={t('register.passwordHint', { min: PASSWORD_MIN })}
            autoComplete="new-password"
            withAsterisk
            key={form.key('newPassword')}
            {...form.getInputProps('newPassword')}
          />
          <PasswordField
            label={t('fields.confirmPassword')}
            autoComplete="new-password"
            withAsterisk
            key={form.key('confirm')}
            {...form.getInputProps('confirm')}
          />
          <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('account.passwordSubmit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

export function AccountPage({ user }: { user: User }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={640}>
      <Title order={1} size="h2">
        {t('account.title')}
      </Title>
      <Card withBorder radius="md" padding="lg">
        <Title order={2} size="h4" mb="xs">
          {t('account.profile')}
        </Title>
        <Text fw={500}>{user.fullName}</Text>
        <Text size="sm" c="dimmed">
          {user.email}
        </Text>
      </Card>
      <LanguageCard />
      <Card withBorder radius="md" padding="lg">
        <Title order={2} size="h4" mb="xs">
          {t('notificationSettings.title')}
        </Title>
        <Anchor component={Link} to="/settings/notifications" size="sm">
          {t('notificationSettings.change')}
        </Anchor>
      </Card>
      <PasswordCard />
      <Card withBorder radius="md" padding="lg">
        <Title order={2} size="h4" mb="xs">
          {t('dataRequests.mine.title')}
        </Title>
        <Anchor component={Link} to="/my-data" size="sm">
          {t('dataRequests.mine.new')}
        </Anchor>
      </Card>
    </Stack>
  );
}
