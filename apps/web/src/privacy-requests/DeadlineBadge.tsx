import { Badge, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DataRequest } from './api';

const COLORS = { on_track: 'green', due_soon: 'orange', overdue: 'red' } as const;

/** The deadline that applies now (acknowledgement while received, completion after) and its badge. */
export function DeadlineBadge({ request }: { request: DataRequest }) {
  const { t } = useTranslation();
  if (!request.urgency) return <Text size="sm">{t('dataRequests.deadline.complete', { day: request.dueOn })}</Text>;
  const received = request.state === 'received';
  const left = request.workingDaysLeft ?? 0;
  return (
    <Stack gap={2}>
      <Text size="sm">
        {received
          ? t('dataRequests.deadline.acknowledge', { day: request.acknowledgeBy })
          : t('dataRequests.deadline.complete', { day: request.dueOn })}
      </Text>
      <Badge color={COLORS[request.urgency]} variant="light">
        {t(`dataRequests.urgency.${request.urgency}`)} ·{' '}
        {left < 0
          ? t('dataRequests.deadline.overdueBy', { count: -left })
          : t('dataRequests.deadline.left', { count: left })}
      </Badge>
    </Stack>
  );
}
