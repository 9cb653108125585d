import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CohortPicker, useCohortParam } from '../components/CohortPicker';
import { useCohortPairs } from './api';
import { ProblemAlert } from '../components/ProblemAlert';

export const formatDay = (iso: string | null, language: string) =>
  iso ? new Date(iso).toLocaleDateString(language, { timeZone: 'Asia/Ho_Chi_Minh' }) : '—';

function Stat({ label, value }: { label: string; value: string | number }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
    </div>
  );
}

/** /staff/mentoring — a cohort's pairs with how their mentoring goes; each opens its activity. */
export function MentoringPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const { cohortId, cohorts, setCohortId } = useCohortParam();
  const pairs = useCohortPairs(cohortId);
  const totals = pairs.data?.totals;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1} size="h2">
          {t('staffMentoring.title')}
        </Title>
        <CohortPicker cohortId={cohortId} cohorts={cohorts.data ?? []} onChange={setCohortId} />
      </Group>
      <ProblemAlert error={cohorts.error ?? pairs.error} />
      {totals && (
        <Card withBorder padding="md">
          <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="xs" data-testid="mentoring-totals">
            <Stat label={t('staffMentoring.activePairs')} value={`${totals.activePairs}/${totals.pairs}`} />
            <Stat label={t('staffMentoring.sessions')} value={totals.sessions} />
            <Stat label={t('staffMentoring.thisMonth')} value={totals.sessionsThisMonth} />
            <Stat label={t('staffMentoring.hours')} value={totals.hours} />
            <Stat label={t('staffMentoring.averageRating')} value={totals.averageRating ?? '—'} />
            <Stat label={t('staffMentoring.unconfirmed')} value={totals.unconfirmed} />
          </SimpleGrid>
        </Card>
      )}
      {pairs.data && (
        <Card withBorder padding="md">
          {pairs.data.pairs.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('staffMentoring.noPairs')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={860}>
              <Table striped highlightOnHover fz="sm" data-testid="mentoring-pairs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('staffProgramme.fellow')}</Table.Th>
                    <Table.Th>{t('staffProgramme.mentor')}</Table.Th>
                    <Table.Th>{t('staffMentoring.thisMonth')}</Table.Th>
                    <Table.Th>{t('staffMentoring.hours')}</Table.Th>
                    <Table.Th>{t('staffMentoring.lastSession')}</Table.Th>
                    <Table.Th>{t('staffMentoring.averageRating')}</Table.Th>
                    <Table.Th>{t('staffMentoring.unconfirmed')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {pairs.data.pairs.map((pair) => (
                    <Table.Tr key={pair.id} data-testid="mentoring-pair">
                      <Table.Td>
                        <Anchor component={Link} to={`/staff/mentoring/pairs/${pair.id}`} size="sm" fw={500}>
                          {pair.fellow.fullName}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {[pair.fellow.hub, pair.fellow.enterpriseName].filter(Boolean).join(' · ')}
                        </Text>
                        {pair.status !== 'active' && (
                          <Badge size="xs" color="gray">
                            {t(`staffMentoring.pairStatus.${pair.status as 'ended'}`, { defaultValue: pair.status })}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {pair.mentor.fullName}
                        {pair.mentor.organisation && (
                          <Text size="xs" c="dimmed">
                            {pair.mentor.organisation}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{pair.stats.sessionsThisMonth}</Table.Td>
                      <Table.Td>{pair.stats.hours}</Table.Td>
                      <Table.Td>{formatDay(pair.stats.lastSessionAt, language)}</Table.Td>
                      <Table.Td>{pair.stats.averageRating !== null ? `★ ${pair.stats.averageRating}` : '—'}</Table.Td>
                      <Table.Td>
                        {pair.stats.unconfirmed > 0 ? (
                          <Badge size="sm" color="yellow" variant="light">
                            {pair.stats.unconfirmed}
                          </Badge>
                        ) : (
                          0
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Card>
      )}
    </Stack>
  );
}
