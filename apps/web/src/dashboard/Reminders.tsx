import { Alert, Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../components/problems';
import { formatDay } from '../components/format';
import { useUpcomingReminders } from './api';
import { useLocalized } from '../components/localized';

/** The reminders the daily job would send in the next 7 days (a dry run), with who gets each. */
export function UpcomingReminders({ cohortId }: { cohortId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const localized = useLocalized();
  const reminders = useUpcomingReminders(cohortId, 7);
  return (
    <Card withBorder padding="md" data-testid="upcoming-reminders">
      <Title order={2} size="h4">
        {t('dashboard.reminders.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('dashboard.reminders.help')}
      </Text>
      {reminders.error && (
        <Alert color="red" role="alert">
          {problemMessage(reminders.error, t)}
        </Alert>
      )}
      {reminders.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('dashboard.reminders.none')}
        </Text>
      )}
      {!!reminders.data?.length && (
        <Table.ScrollContainer minWidth={760}>
          <Table striped fz="sm" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dashboard.reminders.day')}</Table.Th>
                <Table.Th>{t('dashboard.reminders.step')}</Table.Th>
                <Table.Th>{t('dashboard.reminders.fellow')}</Table.Th>
                <Table.Th>{t('dashboard.reminders.milestone')}</Table.Th>
                <Table.Th>{t('dashboard.reminders.recipients')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {reminders.data.map((r) => (
                <Table.Tr key={`${r.day}-${r.step}-${r.milestone.id}`} data-testid="reminder-row">
                  <Table.Td>{formatDay(r.day, language)}</Table.Td>
                  <Table.Td>
                    {t(`dashboard.reminders.steps.${r.step}`)}
                    {r.mandatory && (
                      <Text size="xs" c="red">
                        {t('dashboard.reminders.mandatory')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{r.fellow.fullName}</Table.Td>
                  <Table.Td>
                    {localized(r.milestone.title)}
                    <Text size="xs" c="dimmed">
                      {t('milestones.dueOn', { day: formatDay(r.milestone.dueOn, language) })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {r.recipients
                      .map(
                        (p) =>
                          `${p.fullName} (${t(`milestones.roles.${p.audience}`)}, ${t(`dashboard.reminders.delivery.${p.delivery}`)})`,
                      )
                      .join('; ')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
