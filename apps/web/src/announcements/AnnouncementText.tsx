import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatProgramTime } from '../components/Deadline';
import type { MyAnnouncement } from './api';

/** One announcement as its recipient reads it, in the page's language. */
export function AnnouncementItem({ item, level }: { item: MyAnnouncement; level: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage === 'en' ? 'en' : 'vi';
  const text = item[language];
  return (
    <Stack gap={2} component="article" data-testid="announcement">
      <Title order={level} size="h5">
        {text.subject}
      </Title>
      <Text size="xs" c="dimmed">
        {t('announcements.from', { cohort: item.cohortName, at: formatProgramTime(item.createdAt, language) })}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {text.body}
      </Text>
    </Stack>
  );
}
