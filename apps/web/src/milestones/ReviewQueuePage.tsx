import { Alert, Anchor, Badge, Button, Card, Group, Loader, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../auth/session';
import { CohortPicker, useCohortParam } from '../components/CohortPicker';
import { problemMessage } from '../components/problems';
import { formatDay } from '../components/format';
import {
  type ReviewDecision,
  type ReviewQueueItem,
  useFellowTimeline,
  useReviewMilestone,
  useReviewQueue,
} from './api';
import { Evidence, StatusBadge } from './Timeline';
import { useLocalized } from '../components/localized';

/** One submitted milestone: its evidence (read from the fellow's timeline) and the reviewer's decision. */
function QueueItem({ item, staff }: { item: ReviewQueueItem; staff: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const localized = useLocalized();
  const timeline = useFellowTimeline(item.fellowId);
  const milestone = timeline.data?.milestones.find((m) => m.id === item.milestoneId);
  const [comment, setComment] = useState('');
  const [missingComment, setMissingComment] = useState(false);
  const review = useReviewMilestone();
  const decide = (decision: ReviewDecision) => {
    if (decision === 'changes_requested' && !comment.trim()) {
      setMissingComment(true);
      return;
    }
    review.mutate({ id: item.milestoneId, decision, comment });
  };
  return (
    <Card withBorder padding="md" data-testid="queue-item">
      <Group justify="space-between" wrap="wrap" gap="xs" align="flex-start">
        <div>
          <Text size="sm" fw={600} data-testid="queue-fellow">
            {staff ? (
              <Anchor component={Link} to={`/staff/fellows/${item.fellowId}/milestones`} inherit>
                {item.fellowName}
              </Anchor>
            ) : (
              item.fellowName
            )}
          </Text>
          <Title order={2} size="h5">
            {localized(item.title)}
          </Title>
          <Text size="xs" c="dimmed">
            {t('milestones.dueOn', { day: formatDay(item.dueOn, language) })}
            {' · '}
            {t('milestones.submittedVersion', {
              version: item.version,
              day: formatDay(item.submittedAt.slice(0, 10), language),
            })}
          </Text>
        </div>
        <Group gap={4}>
          <Badge variant="outline" tt="none" size="sm">
            {t('milestones.queue.side', { role: t(`milestones.roles.${item.side}`) })}
          </Badge>
          <StatusBadge status={item.status} />
        </Group>
      </Group>
      <Stack gap="xs" mt="sm">
        {timeline.isLoading && <Loader size="sm" aria-label={t('app.loading')} />}
        {milestone && <Evidence milestone={milestone} />}
        <Textarea
          label={t('milestones.queue.comment')}
          description={t('milestones.queue.commentHelp')}
          autosize
          minRows={2}
          maxLength={5000}
          value={comment}
          error={missingComment ? t('milestones.queue.commentRequired') : undefined}
          onChange={(e) => {
            setMissingComment(false);
            setComment(e.currentTarget.value);
          }}
        />
        {review.error && (
          <Alert color="red" role="alert">
            {problemMessage(review.error, t)}
          </Alert>
        )}
        <Group gap="xs">
          <Button size="sm" color="green" loading={review.isPending} onClick={() => decide('approved')}>
            {t('milestones.queue.approve')}
          </Button>
          <Button
            size="sm"
            variant="light"
            color="yellow"
            loading={review.isPending}
            onClick={() => decide('changes_requested')}
          >
            {t('milestones.queue.requestChanges')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function Queue({ cohortId, staff }: { cohortId?: string; staff: boolean }) {
  const { t } = useTranslation();
  const queue = useReviewQueue(cohortId);
  if (queue.error)
    return (
      <Alert color="red" role="alert">
        {problemMessage(queue.error, t)}
      </Alert>
    );
  if (!queue.data) return <Loader aria-label={t('app.loading')} />;
  if (queue.data.length === 0) return <Alert color="gray">{t('milestones.queue.empty')}</Alert>;
  return (
    <Stack gap="sm" data-testid="review-queue">
      {queue.data.map((item) => (
        <QueueItem key={`${item.milestoneId}-${item.side}`} item={item} staff={staff} />
      ))}
    </Stack>
  );
}

function StaffQueue() {
  const { cohortId, cohorts, setCohortId } = useCohortParam();
  return (
    <>
      <CohortPicker cohortId={cohortId} cohorts={cohorts.data ?? []} onChange={setCohortId} />
      {cohortId && <Queue cohortId={cohortId} staff />}
    </>
  );
}

/**
 * /reviews/milestones (mentors) and /staff/milestones (staff, by cohort) — submitted milestones
 * awaiting the reader's decision: approve, or ask for changes with a comment.
 */
export function ReviewQueuePage({ staffView = false }: { staffView?: boolean }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const staff = !!me && (me.roles.includes('staff') || me.roles.includes('admin'));
  return (
    <Stack gap="md" maw={900}>
      <div>
        <Title order={1} size="h2">
          {t('milestones.queue.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('milestones.queue.help')}
        </Text>
      </div>
      {staffView && staff ? <StaffQueue /> : <Queue staff={staff} />}
    </Stack>
  );
}
