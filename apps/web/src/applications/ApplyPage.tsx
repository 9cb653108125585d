import { Alert, Button, Card, Center, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../api/client';
import { problemMessage } from '../components/problems';
import { useMyApplications, useOpenCohorts, useStartApplication } from './api';
import { DeadlineCountdown } from '../components/Deadline';
import { ApplyConsent } from './ApplyConsent';
import { StatusBadge } from '../components/StatusBadge';

/** /apply — the applicant's applications and the cohorts open to apply to now. */
export function ApplyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mine = useMyApplications();
  const open = useOpenCohorts();
  const start = useStartApplication();
  if (mine.error || open.error) {
    return (
      <Alert color="red" role="alert">
        {problemMessage(mine.error ?? open.error, t)}
      </Alert>
    );
  }
  if (!mine.data || !open.data) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  const notYetApplied = open.data.filter((c) => !mine.data.some((a) => a.cohortId === c.id));
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        {t('apply.title')}
      </Title>
      {mine.data.length > 0 && (
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('apply.mine')}
          </Title>
          {mine.data.map((app) => (
            <Card key={app.id} withBorder padding="md" data-testid="my-application">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <div>
                  <Text fw={600}>{app.cohortName}</Text>
                  <Group gap="xs" mt={4}>
                    <StatusBadge status={app.status} size="sm" />
                    {app.status === 'draft' && (
                      <Text size="xs" c="dimmed">
                        {app.complete
                          ? t('apply.readyToSubmit')
                          : t('apply.missingCount', { count: app.missing.length + app.flags.length })}
                      </Text>
                    )}
                  </Group>
                </div>
                <Button
                  component={Link}
                  to={`/applications/${app.id}`}
                  variant={app.status === 'draft' ? 'filled' : 'light'}
                >
                  {app.status === 'draft' ? t('apply.continue') : t('apply.viewStatus')}
                </Button>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('apply.open')}
        </Title>
        {notYetApplied.length === 0 && (
          <Text c="dimmed" size="sm">
            {open.data.length === 0 ? t('apply.noneOpen') : t('apply.allApplied')}
          </Text>
        )}
        {start.error instanceof ApiError && start.error.code === 'consent_missing' && start.variables ? (
          <ApplyConsent
            onGiven={() => {
              const cohortId = start.variables;
              start.mutate(cohortId, { onSuccess: (app) => void navigate(`/applications/${app.id}`) });
            }}
          />
        ) : (
          start.error && (
            <Alert color="red" role="alert">
              {start.error instanceof ApiError && start.error.code === 'deadline_passed'
                ? t('apply.closedNow')
                : problemMessage(start.error, t)}
            </Alert>
          )
        )}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {notYetApplied.map((cohort) => (
            <Card key={cohort.id} withBorder padding="lg" data-testid="open-cohort">
              <Title order={3} size="h4">
                {cohort.name}
              </Title>
              <Text size="sm" c="dimmed" mb="xs">
                {t('apply.cohortFacts', {
                  months: cohort.trackMonths,
                  hubs: cohort.hubs.map((h) => h.city).join(', '),
                })}
              </Text>
              <DeadlineCountdown closesAt={cohort.applicationClosesAt} />
              <Button
                mt="md"
                loading={start.isPending && start.variables === cohort.id}
                onClick={() =>
                  start.mutate(cohort.id, { onSuccess: (app) => void navigate(`/applications/${app.id}`) })
                }
              >
                {t('apply.start')}
              </Button>
            </Card>
          ))}
        </SimpleGrid>
      </Stack>
    </Stack>
  );
}
