import { Alert, Anchor, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { useMe } from '../auth/session';
import { problemMessage } from '../components/problems';
import { formatDay } from '../components/format';
import { type Timeline as TimelineData, useFellowTimeline, useMyTimelines } from './api';
import { Timeline, type TimelineMode } from './Timeline';

function Loading() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Loader aria-label={t('app.loading')} />
    </Center>
  );
}

function Period({ timeline }: { timeline: TimelineData }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const approved = timeline.milestones.filter((m) => m.status === 'approved' || m.status === 'waived').length;
  return (
    <Text size="sm" c="dimmed">
      {t('milestones.period', {
        from: formatDay(timeline.startDate, language),
        to: formatDay(timeline.endDate, language),
      })}
      {' · '}
      {t('milestones.doneCount', { done: approved, total: timeline.milestones.length })}
    </Text>
  );
}

/** The fellow's newest timeline: a section of /programme, and the whole of /milestones. */
export function MyTimeline({ heading = 'h2' }: { heading?: 'h1' | 'h2' }) {
  const { t } = useTranslation();
  const timelines = useMyTimelines();
  if (timelines.error)
    return (
      <Alert color="red" role="alert">
        {problemMessage(timelines.error, t)}
      </Alert>
    );
  if (!timelines.data) return <Loading />;
  const timeline = timelines.data[0];
  return (
    <Stack gap="sm" data-testid="my-timeline">
      <div>
        <Title order={heading === 'h1' ? 1 : 2} size={heading === 'h1' ? 'h2' : 'h3'}>
          {t('milestones.title')}
        </Title>
        {timeline && <Period timeline={timeline} />}
      </div>
      {timeline ? (
        <Timeline milestones={timeline.milestones} mode="fellow" />
      ) : (
        <Alert color="gray">{t('milestones.noTimeline')}</Alert>
      )}
    </Stack>
  );
}

/** /milestones — where the reminder emails link: the fellow's timeline. */
export function MilestonesPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={900}>
      <MyTimeline heading="h1" />
      <Anchor component={Link} to="/settings/notifications" size="sm">
        {t('notificationSettings.link')}
      </Anchor>
    </Stack>
  );
}

/**
 * /staff/fellows/:fellowId/milestones — one fellow's timeline: staff waive and grant extensions;
 * the fellow's mentor reads it.
 */
export function FellowMilestonesPage() {
  const { t } = useTranslation();
  const { fellowId = '' } = useParams();
  const { data: me } = useMe();
  const timeline = useFellowTimeline(fellowId);
  const staff = !!me && (me.roles.includes('staff') || me.roles.includes('admin'));
  const mode: TimelineMode = staff ? 'staff' : 'mentor';
  return (
    <Stack gap="md" maw={900}>
      <Group gap="md">
        <Anchor component={Link} to={staff ? '/staff/milestones' : '/reviews/milestones'} size="sm">
          ← {t('milestones.queue.title')}
        </Anchor>
        {staff && timeline.data && (
          <Anchor component={Link} to={`/staff/dashboard?cohortId=${timeline.data.cohortId}`} size="sm">
            {t('dashboard.title')}
          </Anchor>
        )}
      </Group>
      <div>
        <Title order={1} size="h2">
          {timeline.data ? t('milestones.fellowTitle', { name: timeline.data.fullName }) : t('milestones.title')}
        </Title>
        {timeline.data && <Period timeline={timeline.data} />}
      </div>
      {timeline.error instanceof ApiError && timeline.error.status === 404 ? (
        <Alert color="yellow">{t('milestones.notFound')}</Alert>
      ) : (
        timeline.error && (
          <Alert color="red" role="alert">
            {problemMessage(timeline.error, t)}
          </Alert>
        )
      )}
      {!timeline.data && !timeline.error && <Loading />}
      {timeline.data && <Timeline milestones={timeline.data.milestones} mode={mode} endDate={timeline.data.endDate} />}
    </Stack>
  );
}
