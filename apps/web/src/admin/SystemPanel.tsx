import { Alert, Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useReadiness } from './api';

const KNOWN = ['postgres', 'redis'] as const;

/** System health from /health/ready, and the way to the queue dashboard (bull-board, served by the API). */
export function SystemPanel() {
  const { t } = useTranslation();
  const ready = useReadiness();
  return (
    <Stack gap="md">
      <Card withBorder padding="md">
        <Title order={2} size="h3" mb="sm">
          {t('admin.system.health')}
        </Title>
        {ready.data && (
          <Alert color={ready.data.ok ? 'green' : 'red'} role="status" mb="sm">
            {ready.data.ok ? t('admin.system.allUp') : t('admin.system.someDown')}
          </Alert>
        )}
        <Stack gap={6}>
          {ready.data?.components.map((c) => (
            <Group key={c.name} justify="space-between" maw={420}>
              <Text>
                {(KNOWN as readonly string[]).includes(c.name)
                  ? t(`admin.system.component.${c.name as (typeof KNOWN)[number]}`)
                  : c.name}
              </Text>
              <Badge color={c.up ? 'green' : 'red'}>{c.up ? t('admin.system.up') : t('admin.system.down')}</Badge>
            </Group>
          ))}
        </Stack>
      </Card>
      <Card withBorder padding="md">
        <Title order={2} size="h3" mb="xs">
          {t('admin.system.queues')}
        </Title>
        <Text mb="sm">{t('admin.system.queuesText')}</Text>
        {/* A page the API serves itself (not this app): a full page load, in a new tab. */}
        <Anchor href="/admin/queues" target="_blank" rel="noopener">
          {t('admin.system.openQueues')}
        </Anchor>
      </Card>
    </Stack>
  );
}
