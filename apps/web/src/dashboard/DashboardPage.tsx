import { Anchor, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CohortPicker, useCohortParam } from '../components/CohortPicker';
import { useDashboard } from './api';
import { AtRiskList } from './AtRisk';
import { DashboardCharts } from './Charts';
import { UpcomingReminders } from './Reminders';
import { Reports } from './Reports';
import { formatDay } from '../components/format';
import { ProblemAlert } from '../components/ProblemAlert';

/**
 * /staff/dashboard?cohortId= — a cohort at a glance: the funnel, who the fellows are, milestones
 * and sessions over time, who is at risk, the week's reminders, and reports to download.
 */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const { cohortId, cohorts, setCohortId } = useCohortParam();
  const dashboard = useDashboard(cohortId);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1} size="h2">
            {t('dashboard.title')}
          </Title>
          {dashboard.data && (
            <Text size="sm" c="dimmed">
              {t('dashboard.asOf', { day: formatDay(dashboard.data.today, i18n.resolvedLanguage ?? 'vi') })}
            </Text>
          )}
        </div>
        <Group gap="sm" align="flex-end">
          <Anchor component={Link} to={`/staff/milestones?cohortId=${cohortId}`} size="sm">
            {t('milestones.queue.title')}
          </Anchor>
          <CohortPicker cohortId={cohortId} cohorts={cohorts.data ?? []} onChange={setCohortId} />
        </Group>
      </Group>
      <ProblemAlert error={cohorts.error ?? dashboard.error} />
      {dashboard.isLoading && (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      )}
      {dashboard.data && (
        <>
          <DashboardCharts dashboard={dashboard.data} hubs={cohorts.data?.find((c) => c.id === cohortId)?.hubs ?? []} />
          <AtRiskList
            cohortId={cohortId}
            firstPage={dashboard.data.atRisk}
            hubs={cohorts.data?.find((c) => c.id === cohortId)?.hubs ?? []}
          />
        </>
      )}
      {cohortId && <UpcomingReminders cohortId={cohortId} />}
      {cohortId && <Reports cohortId={cohortId} cohorts={cohorts.data ?? []} />}
    </Stack>
  );
}
