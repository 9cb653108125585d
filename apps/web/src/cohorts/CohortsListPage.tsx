import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemMessage } from '../components/problems';
import { type CohortStatus, useCohorts } from './api';
import { CopyCohortButton } from './CopyCohortButton';

export const STAGE_COLOR: Record<CohortStatus, string> = {
  draft: 'gray',
  open: 'teal',
  reviewing: 'indigo',
  selecting: 'grape',
  running: 'blue',
  closed: 'dark',
};

/** /staff/cohorts — every cohort with its stage and dates; new, or a copy of last year's. */
export function CohortsListPage() {
  const { t } = useTranslation();
  const cohorts = useCohorts();
  const latest = cohorts.data?.[0];
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t('cohorts.title')}</Title>
        <Group gap="xs">
          {latest && <CopyCohortButton source={latest} label={t('cohorts.copyLast')} />}
          <Button component={Link} to="/staff/cohorts/new">
            {t('cohorts.new')}
          </Button>
        </Group>
      </Group>
      <Text c="dimmed">{t('cohorts.intro')}</Text>
      {cohorts.error && (
        <Alert color="red" role="alert">
          {problemMessage(cohorts.error, t)}
        </Alert>
      )}
      {cohorts.data?.length === 0 && <Text>{t('cohorts.none')}</Text>}
      {!!cohorts.data?.length && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('cohorts.name')}</Table.Th>
                <Table.Th>{t('cohorts.year')}</Table.Th>
                <Table.Th>{t('cohorts.stage')}</Table.Th>
                <Table.Th>{t('cohorts.window')}</Table.Th>
                <Table.Th>{t('cohorts.start')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cohorts.data.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/staff/cohorts/${c.id}`}>
                      {c.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{c.year}</Table.Td>
                  <Table.Td>
                    <Badge color={STAGE_COLOR[c.status]} variant="light">
                      {t(`cohorts.stages.${c.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {c.applicationWindowLocal.opens.replace('T', ' ')} →{' '}
                    {c.applicationWindowLocal.closes.replace('T', ' ')}
                  </Table.Td>
                  <Table.Td>{c.programmeStartDate}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
