import { Alert, Anchor, Badge, Box, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../api/client';
import type { components } from '../api/schema';
import { formatProgramTime } from '../components/Deadline';
import { PageLoader } from '../auth/session';
import { problemMessage } from '../components/problems';
import { formatDay } from '../components/format';

type CockpitCohort = components['schemas']['CockpitCohortView'];
type Attention = components['schemas']['AttentionView'];
type Stage = CockpitCohort['status'];
type Item = Exclude<keyof Attention, 'overdueReviewers'>;

const STAGES: readonly Stage[] = ['open', 'reviewing', 'selecting', 'running', 'closed'];

/** Each count and the page that lists that work (with the cohort, and a filter where the page has one). */
const ITEMS: ReadonlyArray<{ key: Item; path: string; query?: string }> = [
  { key: 'applicationsToCheck', path: '/staff/applications', query: 'status=submitted' },
  { key: 'reviewsOverdue', path: '/staff/committee' },
  { key: 'conflictsToDecide', path: '/staff/committee' },
  { key: 'offersExpiring', path: '/staff/selection' },
  { key: 'placementsUnconfirmed', path: '/staff/placement' },
  { key: 'pairsSilent', path: '/staff/mentoring' },
  { key: 'evidenceWaiting', path: '/staff/milestones' },
  { key: 'atRiskUnacknowledged', path: '/staff/dashboard' },
  { key: 'reportsReady', path: '/staff/dashboard' },
];

export function useCockpit() {
  return useQuery({ queryKey: ['cockpit'], queryFn: () => call(api.GET('/api/v1/cockpit')), refetchInterval: 60_000 });
}

/** open → reviewing → selecting → running → closed (a draft first, when the cohort is one), the current stage marked. */
function LifecycleBar({ cohort }: { cohort: CockpitCohort }) {
  const { t } = useTranslation();
  const stages = cohort.status === 'draft' ? (['draft', ...STAGES] as Stage[]) : STAGES;
  const current = stages.indexOf(cohort.status);
  return (
    <Box
      component="ol"
      aria-label={t('cockpit.lifecycle', { name: cohort.name })}
      style={{ display: 'flex', gap: 4, listStyle: 'none', padding: 0, margin: 0 }}
    >
      {stages.map((stage, i) => {
        const here = i === current;
        const done = i < current;
        return (
          <Box
            component="li"
            key={stage}
            aria-current={here ? 'step' : undefined}
            title={here ? `${t(`cockpit.stages.${stage}`)} (${t('cockpit.current')})` : undefined}
            style={{
              flex: 1,
              minWidth: 0,
              textAlign: 'center',
              padding: '4px 2px',
              borderRadius: 4,
              fontSize: 'var(--mantine-font-size-xs)',
              fontWeight: here ? 700 : 500,
              background: here
                ? 'var(--mantine-color-blue-8)'
                : done
                  ? 'var(--mantine-color-blue-1)'
                  : 'var(--mantine-color-gray-1)',
              color: here ? 'white' : 'var(--mantine-color-dark-7)',
              overflow: 'hidden',
              textOverflow: 'ellipsis',
              whiteSpace: 'nowrap',
            }}
          >
            {t(`cockpit.stages.${stage}`)}
          </Box>
        );
      })}
    </Box>
  );
}

function CohortCard({ cohort }: { cohort: CockpitCohort }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const a = cohort.attention;
  const waiting = ITEMS.filter((item) => a[item.key] > 0);
  const href = (item: (typeof ITEMS)[number]) =>
    `${item.path}?cohortId=${encodeURIComponent(cohort.id)}${item.query ? `&${item.query}` : ''}`;
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="section"
      aria-labelledby={`cohort-${cohort.id}`}
      data-testid="cockpit-cohort"
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={2} size="h4" id={`cohort-${cohort.id}`}>
            {cohort.name}
          </Title>
          <Badge variant="light">{t(`cockpit.stages.${cohort.status}`)}</Badge>
        </Group>
        <LifecycleBar cohort={cohort} />
        <Box component="dl" style={{ display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '2px 12px', margin: 0 }}>
          <Text component="dt" size="sm" c="dark.4">
            {t('cockpit.dates.window')}
          </Text>
          <Text component="dd" size="sm" m={0}>
            {formatProgramTime(cohort.applicationOpensAt, language)} –{' '}
            {formatProgramTime(cohort.applicationClosesAt, language)}
          </Text>
          <Text component="dt" size="sm" c="dark.4">
            {t('cockpit.dates.reviewDeadline')}
          </Text>
          <Text component="dd" size="sm" m={0}>
            {cohort.reviewDeadline ? formatProgramTime(cohort.reviewDeadline, language) : t('cockpit.dates.none')}
          </Text>
          <Text component="dt" size="sm" c="dark.4">
            {t('cockpit.dates.programme')}
          </Text>
          <Text component="dd" size="sm" m={0}>
            {formatDay(cohort.programmeStart, language)} – {formatDay(cohort.programmeEnd, language)}
          </Text>
        </Box>
        <div>
          <Title order={3} size="h6" mb={4}>
            {t('cockpit.attentionTitle')}
          </Title>
          {waiting.length === 0 ? (
            <Text size="sm" c="dark.4">
              {t('cockpit.nothing')}
            </Text>
          ) : (
            <Stack component="ul" gap={4} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {waiting.map((item) => (
                <li key={item.key} data-testid={`attention-${item.key}`}>
                  <Anchor component={Link} to={href(item)} size="sm">
                    <Group gap="xs" wrap="nowrap" component="span">
                      <Badge color="orange" variant="filled" size="md" component="span" miw={32}>
                        {a[item.key]}
                      </Badge>
                      <span>{t(`cockpit.items.${item.key}`)}</span>
                    </Group>
                  </Anchor>
                  {item.key === 'reviewsOverdue' && a.overdueReviewers.length > 0 && (
                    <Text size="xs" c="dark.4" ml={44}>
                      {t('cockpit.byReviewer')}:{' '}
                      {a.overdueReviewers.map((r) => `${r.fullName} (${r.count})`).join(', ')}
                    </Text>
                  )}
                </li>
              ))}
            </Stack>
          )}
        </div>
      </Stack>
    </Card>
  );
}

/** The staff home: every cohort's stage on its lifecycle with its dates, and the work waiting in it. */
export function Cockpit() {
  const { t } = useTranslation();
  const cockpit = useCockpit();
  return (
    <Stack gap="sm" data-testid="cockpit">
      <div>
        <Title order={2} size="h3">
          {t('cockpit.title')}
        </Title>
        <Text c="dark.4" size="sm">
          {t('cockpit.intro')}
        </Text>
      </div>
      {cockpit.isPending && <PageLoader />}
      {cockpit.error && (
        <Alert color="red" title={t('cockpit.loadError')} role="alert">
          {problemMessage(cockpit.error, t)}
        </Alert>
      )}
      {cockpit.data && cockpit.data.cohorts.length === 0 && <Text>{t('cockpit.empty')}</Text>}
      {cockpit.data && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {cockpit.data.cohorts.map((cohort) => (
            <CohortCard key={cohort.id} cohort={cohort} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
