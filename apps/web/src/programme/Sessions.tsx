import { Alert, Badge, Button, Card, Group, Modal, Rating, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../components/problems';
import { type SessionView, useConfirmSession, useDeleteSession } from './api';
import { formatDay, formatLocalTime, stars } from '../components/format';
import { SessionForm } from './SessionForm';
import { useVocabulary } from '../vocabulary/vocabulary';

/** "Confirmed ✓ ★★★★☆ 4/5" or "Waiting for the fellow to confirm". */
function ConfirmationBadge({ session }: { session: SessionView }) {
  const { t } = useTranslation();
  if (!session.confirmed)
    return (
      <Badge color="orange" variant="light" data-testid="session-status">
        {t('mentorship.session.waiting')}
      </Badge>
    );
  return (
    <Group gap={6} data-testid="session-status">
      <Badge color="green" variant="light">
        {t('mentorship.session.confirmed')}
      </Badge>
      {session.rating !== null && (
        <Text size="sm" c="yellow" aria-label={t('mentorship.session.rating', { rating: session.rating })}>
          <span aria-hidden>{stars(session.rating)} </span>
          {t('mentorship.session.rating', { rating: session.rating })}
        </Text>
      )}
    </Group>
  );
}

/** What was said and agreed at one session. */
function SessionBody({ session }: { session: SessionView }) {
  const { t, i18n } = useTranslation();
  const vocabulary = useVocabulary();
  const language = i18n.resolvedLanguage ?? 'vi';
  const topics = session.topics.map((topic) =>
    topic === 'other' && session.otherTopic ? session.otherTopic : vocabulary.label('sessionTopic', topic),
  );
  return (
    <Stack gap={6}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fw={600} data-testid="session-when">
          {formatLocalTime(session.heldAt, language)}
        </Text>
        <ConfirmationBadge session={session} />
      </Group>
      <Text size="sm" c="dimmed">
        {t('mentorship.session.minutes', { minutes: session.durationMinutes })} ·{' '}
        {vocabulary.label('sessionMode', session.mode)}
      </Text>
      <Group gap={4}>
        {topics.map((topic) => (
          <Badge key={topic} size="sm" variant="outline">
            {topic}
          </Badge>
        ))}
      </Group>
      {session.notes && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {session.notes}
        </Text>
      )}
      {session.actionItems.length > 0 && (
        <div>
          <Text size="sm" fw={600}>
            {t('mentorship.session.actionItems')}
          </Text>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {session.actionItems.map((item, i) => (
              <li key={i}>
                <Text size="sm" span style={{ overflowWrap: 'anywhere' }}>
                  {item.text}
                </Text>
                {item.dueOn && (
                  <Text size="xs" c="dimmed" span>
                    {' '}
                    ({t('mentorship.session.due', { day: formatDay(item.dueOn, language) })})
                  </Text>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {session.ratingComment && (
        <Text size="sm" fs="italic">
          {t('mentorship.session.fellowComment')}: {session.ratingComment}
        </Text>
      )}
    </Stack>
  );
}

/** The mentor's view of a session: edit or delete it until the fellow confirms. */
export function MentorSessionCard({ session, pairingId }: { session: SessionView; pairingId: string }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const remove = useDeleteSession(pairingId);
  return (
    <Card withBorder padding="sm" data-testid="session">
      {editing ? (
        <SessionForm pairingId={pairingId} session={session} onDone={() => setEditing(false)} />
      ) : (
        <SessionBody session={session} />
      )}
      {!session.confirmed && !editing && (
        <Group gap="xs" mt="sm">
          <Button size="xs" variant="light" onClick={() => setEditing(true)}>
            {t('mentorship.session.edit')}
          </Button>
          <Button size="xs" variant="subtle" color="red" onClick={() => setDeleting(true)}>
            {t('mentorship.session.delete')}
          </Button>
        </Group>
      )}
      <Modal opened={deleting} onClose={() => setDeleting(false)} title={t('mentorship.session.deleteTitle')} centered>
        <Stack gap="sm">
          <Text size="sm">{t('mentorship.session.deleteWarning')}</Text>
          {remove.error && (
            <Alert color="red" role="alert">
              {problemMessage(remove.error, t)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(false)}>
              {t('mentorship.session.keep')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() => remove.mutate(session.id, { onSuccess: () => setDeleting(false) })}
            >
              {t('mentorship.session.confirmDelete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

/** The fellow confirms a session took place and rates it from 1 to 5 stars. */
export function ConfirmSessionCard({ session, pairingId }: { session: SessionView; pairingId: string }) {
  const { t } = useTranslation();
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [tried, setTried] = useState(false);
  const confirm = useConfirmSession(pairingId);
  return (
    <Card
      withBorder
      padding="sm"
      data-testid="session-to-confirm"
      style={{ borderColor: 'var(--mantine-color-orange-4)' }}
    >
      <SessionBody session={session} />
      <Stack gap="xs" mt="sm">
        <Text size="sm" fw={600}>
          {t('mentorship.confirm.help')}
        </Text>
        <div>
          <Text size="sm" id={`rating-${session.id}`}>
            {t('mentorship.confirm.rating')}
          </Text>
          <Rating
            value={rating}
            onChange={setRating}
            size="lg"
            aria-labelledby={`rating-${session.id}`}
            getSymbolLabel={(n) => t('mentorship.confirm.stars', { n })}
            data-testid="rating"
          />
          {tried && rating === 0 && (
            <Text size="xs" c="red" role="alert">
              {t('mentorship.confirm.ratingRequired')}
            </Text>
          )}
        </div>
        <Textarea
          label={t('mentorship.confirm.comment')}
          value={comment}
          maxLength={2000}
          autosize
          minRows={2}
          onChange={(event) => setComment(event.currentTarget.value)}
        />
        {confirm.error && (
          <Alert color="red" role="alert">
            {problemMessage(confirm.error, t)}
          </Alert>
        )}
        <Group>
          <Button
            color="teal"
            loading={confirm.isPending}
            onClick={() => {
              setTried(true);
              if (rating >= 1) confirm.mutate({ id: session.id, rating, comment });
            }}
          >
            {t('mentorship.confirm.submit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** A past session as the fellow reads it. */
export function SessionCard({ session }: { session: SessionView }) {
  return (
    <Card withBorder padding="sm" data-testid="session">
      <SessionBody session={session} />
    </Card>
  );
}
