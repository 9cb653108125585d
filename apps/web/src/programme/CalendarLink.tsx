import { Alert, Button, Card, CopyButton, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../components/problems';
import { useCreateCalendarLink, useTurnOffCalendarLink } from './api';

/**
 * The secret iCal link of the signed-in user: shown once when made (the API keeps only its hash), with
 * a copy button and how to subscribe; a new link or "turn off" makes the old one stop working.
 */
export function CalendarLink() {
  const { t } = useTranslation();
  const create = useCreateCalendarLink();
  const turnOff = useTurnOffCalendarLink();
  const url = create.data?.url;
  const error = create.error ?? turnOff.error;
  return (
    <Card withBorder padding="md" data-testid="calendar">
      <Title order={2} size="h4">
        {t('mentorship.calendar.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('mentorship.calendar.help')}
      </Text>
      <Stack gap="sm">
        {url && (
          <>
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <TextInput
                label={t('mentorship.calendar.urlLabel')}
                value={url}
                readOnly
                style={{ flex: 1, minWidth: 0 }}
                onFocus={(event) => event.currentTarget.select()}
              />
              <CopyButton value={url}>
                {({ copied, copy }) => (
                  <Button color={copied ? 'teal' : 'blue'} onClick={copy}>
                    {copied ? t('mentorship.calendar.copied') : t('mentorship.calendar.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Alert color="yellow" variant="light">
              {t('mentorship.calendar.once')}
            </Alert>
            <Text size="sm">{t('mentorship.calendar.how')}</Text>
          </>
        )}
        {turnOff.isSuccess && !url && (
          <Alert color="gray" role="status">
            {t('mentorship.calendar.turnedOff')}
          </Alert>
        )}
        {error && (
          <Alert color="red" role="alert">
            {problemMessage(error, t)}
          </Alert>
        )}
        <Group gap="sm">
          <Button
            variant={url ? 'light' : 'filled'}
            loading={create.isPending}
            onClick={() => {
              turnOff.reset();
              create.mutate();
            }}
          >
            {url ? t('mentorship.calendar.again') : t('mentorship.calendar.get')}
          </Button>
          <Button
            variant="subtle"
            color="red"
            loading={turnOff.isPending}
            onClick={() => turnOff.mutate(undefined, { onSuccess: () => create.reset() })}
          >
            {t('mentorship.calendar.turnOff')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
