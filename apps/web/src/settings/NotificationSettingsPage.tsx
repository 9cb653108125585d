import { Alert, Anchor, Button, Card, Center, Checkbox, Group, Loader, Radio, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemMessage } from '../components/problems';
import { type NotificationSettings, useNotificationSettings, useUpdateNotificationSettings } from '../milestones/api';

/** /settings/notifications — reminder emails at once or in a daily digest; optional ones on or off. */
export function NotificationSettingsPage() {
  const { t } = useTranslation();
  const settings = useNotificationSettings();
  const save = useUpdateNotificationSettings();
  const [value, setValue] = useState<NotificationSettings | null>(null);
  // The saved settings become the form's first value once they arrive (set while rendering, not in an effect).
  if (settings.data && !value) setValue(settings.data);
  return (
    <Stack gap="md" maw={640}>
      <Anchor component={Link} to="/account" size="sm">
        ← {t('nav.account')}
      </Anchor>
      <Title order={1} size="h2">
        {t('notificationSettings.title')}
      </Title>
      {settings.error && (
        <Alert color="red" role="alert">
          {problemMessage(settings.error, t)}
        </Alert>
      )}
      {!value && !settings.error && (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      )}
      {value && (
        <Card withBorder padding="lg" data-testid="notification-settings">
          <Stack gap="md">
            <Radio.Group
              label={t('notificationSettings.delivery')}
              value={value.delivery}
              onChange={(delivery) => {
                save.reset();
                setValue({ ...value, delivery: delivery });
              }}
            >
              <Stack gap="xs" mt="xs">
                <Radio value="immediate" label={t('notificationSettings.immediate')} />
                <Radio value="digest" label={t('notificationSettings.digest')} />
              </Stack>
            </Radio.Group>
            <div>
              <Checkbox
                label={t('notificationSettings.optionalEmails')}
                checked={value.optionalEmails}
                onChange={(e) => {
                  save.reset();
                  setValue({ ...value, optionalEmails: e.currentTarget.checked });
                }}
              />
              <Text size="xs" c="dimmed" mt={4} ml={32}>
                {t('notificationSettings.mandatoryNote')}
              </Text>
            </div>
            {save.error && (
              <Alert color="red" role="alert">
                {problemMessage(save.error, t)}
              </Alert>
            )}
            {save.isSuccess && (
              <Alert color="green" role="status">
                {t('notificationSettings.saved')}
              </Alert>
            )}
            <Group>
              <Button loading={save.isPending} onClick={() => save.mutate(value)}>
                {t('notificationSettings.save')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
