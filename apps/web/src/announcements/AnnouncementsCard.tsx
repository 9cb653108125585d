import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AnnouncementItem } from './AnnouncementText';
import { useMyAnnouncements } from './api';

/** The home page's card: the three latest announcements addressed to the person, and a link to all. */
export function AnnouncementsCard() {
  const { t } = useTranslation();
  const mine = useMyAnnouncements();
  if (!mine.data) return null;
  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      data-testid="announcements-card"
      component="section"
      aria-labelledby="announcements-card-title"
    >
      <Title order={2} size="h4" mb="xs" id="announcements-card-title">
        {t('announcements.recent')}
      </Title>
      {mine.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('announcements.none')}
        </Text>
      ) : (
        <Stack gap="md">
          {mine.data.slice(0, 3).map((item) => (
            <AnnouncementItem key={item.id} item={item} level={3} />
          ))}
          <Anchor component={Link} to="/announcements" size="sm">
            {t('announcements.seeAll')}
          </Anchor>
        </Stack>
      )}
    </Card>
  );
}
