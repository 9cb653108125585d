import { Alert, Badge, Button, Card, Center, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../components/problems';
import { useConflicts } from './api';

/**
 * Staff: who must not review whom in the cohort, and why — a reviewer's declaration (with the name it
 * matched, which the reviewer is never shown) or a detection. Loaded when opened.
 */
export function ConflictsPanel({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const conflicts = useConflicts(cohortId, open);
  return (
    <Card withBorder padding="md" data-testid="conflicts-panel">
      <Title order={2} size="h4" mb={4}>
        {t('committee.conflicts.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('committee.conflicts.help')}
      </Text>
      <Stack gap="sm">
        <div>
          <Button size="xs" variant="light" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
            {open ? t('committee.conflicts.hide') : t('committee.conflicts.show')}
          </Button>
        </div>
        {open && conflicts.error && (
          <Alert color="red" role="alert">
            {problemMessage(conflicts.error, t)}
          </Alert>
        )}
        {open && !conflicts.data && !conflicts.error && (
          <Center py="sm">
            <Loader size="sm" aria-label={t('app.loading')} />
          </Center>
        )}
        {open && conflicts.data?.length === 0 && <Text c="dimmed">{t('committee.conflicts.none')}</Text>}
        {open && !!conflicts.data?.length && (
          <Table.ScrollContainer minWidth={640}>
            <Table striped verticalSpacing="xs" data-testid="conflicts-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('committee.conflicts.col.reviewer')}</Table.Th>
                  <Table.Th>{t('committee.conflicts.col.applicant')}</Table.Th>
                  <Table.Th>{t('committee.conflicts.col.status')}</Table.Th>
                  <Table.Th>{t('committee.conflicts.col.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {conflicts.data.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{c.reviewerName}</Table.Td>
                    <Table.Td>
                      {c.applicantName ?? '—'}
                      {c.enterpriseName && (
                        <Text size="xs" c="dimmed">
                          {c.enterpriseName}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={c.status === 'dismissed' ? 'gray' : 'orange'}>
                        {t(`committee.conflicts.source.${c.source}`)} · {t(`committee.conflicts.status.${c.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{c.reason}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}
