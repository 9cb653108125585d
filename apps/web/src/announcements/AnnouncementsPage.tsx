import { Alert, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../components/problems';
import { AnnouncementItem } from './AnnouncementText';
import { useMyAnnouncements } from './api';

/** /announcements — every announcement addressed to the signed-in person, newest first. */
export function AnnouncementsPage() {
  const { t } = useTranslation();
  const mine = useMyAnnouncements();
  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          {t('announcements.title')}
        </Title>
        <Text c="dimmed">{t('announcements.intro')}</Text>
      </div>
      {mine.error && (
        <Alert color="red" role="alert">
          {problemMessage(mine.error, t)}
        </Alert>
      )}
      {mine.data?.length === 0 && <Text c="dimmed">{t('announcements.none')}</Text>}
      {mine.data?.map((item) => (
        <Card key={item.id} withBorder padding="md">
          <AnnouncementItem item={item} level={2} />
        </Card>
      ))}
    </Stack>
  );
}
