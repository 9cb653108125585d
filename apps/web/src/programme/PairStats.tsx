import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PairView } from './api';
import { formatLocalTime } from '../components/format';

/** A pair's mentoring so far, in five numbers. */
export function PairStats({ stats }: { stats: PairView['stats'] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const items: Array<[string, string, string]> = [
    ['sessionsThisMonth', t('mentorship.stats.sessionsThisMonth'), String(stats.sessionsThisMonth)],
    ['hours', t('mentorship.stats.hours'), String(stats.hours)],
    [
      'lastSession',
      t('mentorship.stats.lastSession'),
      stats.lastSessionAt ? formatLocalTime(stats.lastSessionAt, language) : t('mentorship.stats.never'),
    ],
    [
      'averageRating',
      t('mentorship.stats.averageRating'),
      stats.averageRating === null ? '—' : `★${stats.averageRating.toFixed(1)}`,
    ],
    ['unconfirmed', t('mentorship.stats.unconfirmed'), String(stats.unconfirmed)],
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="xs" data-testid="pair-stats">
      {items.map(([key, label, value]) => (
        <Stack key={key} gap={0} data-testid={`stat-${key}`}>
          <Text size="xs" c="dimmed">
            {label}
          </Text>
          <Text size="sm" fw={600}>
            {value}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}
