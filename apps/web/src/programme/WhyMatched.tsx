import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PairView } from './api';
import { useMatchReasonText } from '../components/matchReasons';

/** Why staff matched this pair, in the reader's language (the reasons the matching gave, without its points). */
export function WhyMatched({ reasons }: { reasons: PairView['reasons'] }) {
  const { t } = useTranslation();
  const text = useMatchReasonText({ withPoints: false });
  if (reasons.length === 0) return null;
  return (
    <div data-testid="why-matched">
      <Text size="sm" fw={500} mb={4}>
        {t('mentorship.whyMatched')}
      </Text>
      <Group gap={4}>
        {reasons.map((r, i) => (
          <Badge
            key={`${r.kind}-${i}`}
            size="sm"
            variant="light"
            tt="none"
            maw="100%"
            style={{ whiteSpace: 'normal', height: 'auto' }}
          >
            {text(r)}
          </Badge>
        ))}
      </Group>
    </div>
  );
}
