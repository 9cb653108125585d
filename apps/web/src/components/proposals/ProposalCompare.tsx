import { Alert, Card, Select, SimpleGrid, Text, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Staff pick two of a cohort's runs (newest first; each new run supersedes the one before) and the
 * page shows them side by side: `children` gets the two ids once they differ.
 */
export function ProposalCompare({
  runs,
  children,
}: {
  runs: Array<{ value: string; label: string }>;
  children: (leftId: string, rightId: string) => ReactNode;
}) {
  const { t } = useTranslation();
  const [leftId, setLeftId] = useState<string | null>(runs[1]?.value ?? null);
  const [rightId, setRightId] = useState<string | null>(runs[0]?.value ?? null);
  const same = leftId !== null && leftId === rightId;
  return (
    <Card withBorder padding="md" data-testid="proposal-compare">
      <Title order={2} size="h4">
        {t('proposals.compare.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('proposals.compare.help')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('proposals.compare.left')}
          data={runs}
          value={leftId}
          allowDeselect={false}
          onChange={setLeftId}
        />
        <Select
          label={t('proposals.compare.right')}
          data={runs}
          value={rightId}
          allowDeselect={false}
          onChange={setRightId}
        />
      </SimpleGrid>
      {same && (
        <Alert color="yellow" mt="sm">
          {t('proposals.compare.pickTwo')}
        </Alert>
      )}
      {leftId && rightId && !same && children(leftId, rightId)}
    </Card>
  );
}
