import { Alert, Anchor, Badge, Button, Card, Center, Divider, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Facts } from '../components/Facts';
import { problemMessage } from '../components/problems';
import { type PairView, useMyPairs, useSessions } from './api';
import { CalendarLink } from './CalendarLink';
import { Checkpoints } from './Checkpoints';
import { formatDay } from '../components/format';
import { PairStats } from './PairStats';
import { RematchButton } from './Rematch';
import { SessionForm } from './SessionForm';
import { MentorSessionCard } from './Sessions';
import { UpcomingSessions } from './UpcomingSessions';
import { WhyMatched } from './WhyMatched';
import { useVocabulary } from '../vocabulary/vocabulary';

function PairSessions({ pair }: { pair: PairView }) {
  const { t } = useTranslation();
  const sessions = useSessions(pair.id);
  const [logging, setLogging] = useState(false);
  const [logged, setLogged] = useState(false);
  const active = pair.status === 'active';
  return (
    <Stack gap="xs">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={3} size="h5">
          {t('mentorship.session.list')}
        </Title>
        {active && !logging && (
          <Button
            size="xs"
            onClick={() => {
              setLogged(false);
              setLogging(true);
            }}
          >
            + {t('mentorship.log.open')}
          </Button>
        )}
      </Group>
      {logged && (
        <Alert color="green" role="status">
          {t('mentorship.log.saved')}
        </Alert>
      )}
      {logging && (
        <Card withBorder padding="sm" bg="var(--mantine-color-gray-0)">
          <Title order={4} size="h6" mb="xs">
            {t('mentorship.log.title')}
          </Title>
          <SessionForm
            pairingId={pair.id}
            onDone={(saved) => {
              setLogging(false);
              setLogged(saved);
            }}
          />
        </Card>
      )}
      {sessions.error && (
        <Alert color="red" role="alert">
          {problemMessage(sessions.error, t)}
        </Alert>
      )}
      {sessions.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('mentorship.session.none')}
        </Text>
      )}
      {sessions.data?.map((session) => (
        <MentorSessionCard key={session.id} session={session} pairingId={pair.id} />
      ))}
    </Stack>
  );
}

/** One of the mentor's fellows: who they are, the pair's numbers, sessions, feedback, rematch. */
function FellowCard({ pair }: { pair: PairView }) {
  const { t, i18n } = useTranslation();
  const vocabulary = useVocabulary();
  const language = i18n.resolvedLanguage ?? 'vi';
  const f = pair.fellow;
  return (
    <Card withBorder padding="md" data-testid="fellow-card">
      <Group justify="space-between" wrap="wrap" gap="xs" mb="xs">
        <Title order={2} size="h4">
          {f.fullName}
        </Title>
        {!pair.endedAt && (
          <Anchor
            component={Link}
            to={`/mentoring/fellows/${f.id}/milestones`}
            size="sm"
            data-testid="fellow-milestones"
          >
            {t('milestones.fellowLink')}
          </Anchor>
        )}
        {pair.endedAt && (
          <Badge color="gray" variant="light">
            {t('myMentoring.endedOn', { day: formatDay(pair.endedAt.slice(0, 10), language) })}
          </Badge>
        )}
      </Group>
      <Facts
        labelWidth={110}
        rows={[
          [t('myMentoring.enterprise'), f.enterpriseName ?? '—'],
          [t('myMentoring.sector'), f.sector ? vocabulary.label('sector', f.sector) : '—'],
          [t('myMentoring.hub'), f.hub ? `${f.hub}${f.hubCity ? ` · ${f.hubCity}` : ''}` : '—'],
          [
            t('myMentoring.dates'),
            t('myMentoring.period', { from: formatDay(f.startDate, language), to: formatDay(f.endDate, language) }),
          ],
          [
            t('myMentoring.email'),
            <Anchor key="email" href={`mailto:${f.email}`} size="sm">
              {f.email}
            </Anchor>,
          ],
        ]}
      />
      <WhyMatched reasons={pair.reasons} />
      <Divider my="sm" />
      <PairStats stats={pair.stats} />
      <Divider my="sm" />
      <UpcomingSessions pair={pair} />
      <Divider my="sm" />
      <PairSessions pair={pair} />
      {pair.status === 'active' && (
        <>
          <Divider my="sm" />
          <Checkpoints pairingId={pair.id} />
          <Divider my="sm" />
          <RematchButton pairingId={pair.id} />
        </>
      )}
    </Card>
  );
}

/** /mentoring — the mentor's fellows, their sessions and feedback, and the calendar link. */
export function MentoringPage() {
  const { t } = useTranslation();
  const pairs = useMyPairs();
  if (pairs.error)
    return (
      <Alert color="red" role="alert">
        {problemMessage(pairs.error, t)}
      </Alert>
    );
  if (!pairs.data)
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  const mine = (list: PairView[]) => list.filter((p) => p.viewedAs === 'mentor');
  const active = mine(pairs.data.active);
  const ended = mine(pairs.data.ended);
  return (
    <Stack gap="lg" maw={900}>
      <Group justify="space-between" wrap="wrap" gap="xs" align="flex-start">
        <div>
          <Title order={1} size="h2">
            {t('myMentoring.title')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('myMentoring.intro')}
          </Text>
        </div>
        <Group gap="xs">
          <Button component={Link} to="/reviews/milestones" variant="light" size="sm">
            {t('milestones.queue.title')}
          </Button>
          <Button component={Link} to="/mentoring/profile" variant="light" size="sm">
            {t('myMentoring.profile')}
          </Button>
        </Group>
      </Group>
      {active.length === 0 && <Alert color="gray">{t('myMentoring.none')}</Alert>}
      {active.map((pair) => (
        <FellowCard key={pair.id} pair={pair} />
      ))}
      <CalendarLink />
      {ended.length > 0 && (
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('myMentoring.ended')}
          </Title>
          {ended.map((pair) => (
            <FellowCard key={pair.id} pair={pair} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
