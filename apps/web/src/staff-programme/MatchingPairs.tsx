import { Button, Card, Group, SimpleGrid, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MatchingOverview, type RematchRequest, useResolveRematch } from './api';
import { ProblemAlert } from '../components/ProblemAlert';
import { ReasonChips } from './shared';

export function PairsCard({ overview }: { overview: MatchingOverview }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4" mb="xs">
        {t('staffMatching.activePairs', { count: overview.pairs.length })}
      </Title>
      {overview.pairs.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('staffMatching.noPairs')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640} mah={480}>
          <Table striped fz="sm" data-testid="active-pairs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('staffProgramme.fellow')}</Table.Th>
                <Table.Th>{t('staffProgramme.mentor')}</Table.Th>
                <Table.Th>{t('staffMatching.score')}</Table.Th>
                <Table.Th>{t('staffMatching.why')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {overview.pairs.map((pair) => (
                <Table.Tr key={pair.id} data-testid="active-pair">
                  <Table.Td>{pair.fellow.fullName}</Table.Td>
                  <Table.Td>{pair.mentor.fullName}</Table.Td>
                  <Table.Td>{pair.score}</Table.Td>
                  <Table.Td>
                    <ReasonChips reasons={pair.reasons} />
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

function RematchItem({ cohortId, request }: { cohortId: string; request: RematchRequest }) {
  const { t, i18n } = useTranslation();
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const resolve = useResolveRematch(cohortId);
  const decide = (decision: 'rematch' | 'keep') => {
    setTried(true);
    if (note.trim()) resolve.mutate({ id: request.id, decision, note: note.trim() });
  };
  return (
    <Card withBorder padding="sm" data-testid="rematch-request">
      <Text size="sm" fw={500}>
        {request.fellow.fullName} ↔ {request.mentor.fullName}
      </Text>
      <Text size="xs" c="dimmed">
        {t('staffMatching.requestedBy', {
          role: t(`staffMatching.roles.${request.requesterRole as 'fellow'}`),
          when: new Date(request.createdAt).toLocaleDateString(i18n.resolvedLanguage ?? 'vi', {
            timeZone: 'Asia/Ho_Chi_Minh',
          }),
        })}
      </Text>
      <Text size="sm" my={6} style={{ whiteSpace: 'pre-wrap' }}>
        “{request.reason}”
      </Text>
      <Textarea
        label={t('staffMatching.note')}
        description={t('staffMatching.noteHelp')}
        autosize
        minRows={2}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={tried && !note.trim() ? t('staffProgramme.required') : undefined}
      />
      <ProblemAlert error={resolve.error} />
      <Group mt="xs" gap="xs">
        <Button size="xs" color="orange" loading={resolve.isPending} onClick={() => decide('rematch')}>
          {t('staffMatching.rematch')}
        </Button>
        <Button size="xs" variant="default" loading={resolve.isPending} onClick={() => decide('keep')}>
          {t('staffMatching.keep')}
        </Button>
      </Group>
    </Card>
  );
}

export function RematchCard({ overview }: { overview: MatchingOverview }) {
  const { t } = useTranslation();
  const open = overview.rematchRequests.filter((r) => r.status === 'open');
  if (open.length === 0) return null;
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4" mb="xs">
        {t('staffMatching.rematchRequests', { count: open.length })}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        {open.map((request) => (
          <RematchItem key={request.id} cohortId={overview.cohortId} request={request} />
        ))}
      </SimpleGrid>
    </Card>
  );
}
