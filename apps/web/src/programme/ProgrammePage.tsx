import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Divider,
  Group,
  Loader,
  MultiSelect,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Facts } from '../components/Facts';
import { problemMessage } from '../components/problems';
import {
  type ExpertiseArea,
  type FellowView,
  type PairView,
  useMyFellowYears,
  useMyPairs,
  useSessions,
  useSetGoals,
} from './api';
import { MyTimeline } from '../milestones/MilestonesPage';
import { CalendarLink } from './CalendarLink';
import { Checkpoints } from './Checkpoints';
import { formatDay } from '../components/format';
import { PairStats } from './PairStats';
import { RematchButton } from './Rematch';
import { ConfirmSessionCard, SessionCard } from './Sessions';
import { UpcomingSessions } from './UpcomingSessions';
import { WhyMatched } from './WhyMatched';
import { useVocabulary } from '../vocabulary/vocabulary';

/** Hub, dates and placement of the fellow's programme year. */
function YearCard({ year }: { year: FellowView }) {
  const { t, i18n } = useTranslation();
  const vocabulary = useVocabulary();
  const language = i18n.resolvedLanguage ?? 'vi';
  return (
    <Card withBorder padding="md" data-testid="programme-year">
      <Group justify="space-between" wrap="wrap" gap="xs" mb="xs">
        <Title order={2} size="h4">
          {year.cohortName}
        </Title>
        <Badge color={year.hub ? 'green' : 'gray'} variant="light" data-testid="placement">
          {year.hub ? t('myProgramme.placed') : t('myProgramme.notPlacedShort')}
        </Badge>
      </Group>
      <Facts
        labelWidth={130}
        rows={[
          [
            t('myProgramme.hub'),
            year.hub ? `${vocabulary.hubName(year.hub)} · ${year.hub.city}` : t('myProgramme.notPlaced'),
          ],
          [
            t('myProgramme.dates'),
            t('myMentoring.period', {
              from: formatDay(year.startDate, language),
              to: formatDay(year.endDate, language),
            }),
          ],
        ]}
      />
    </Card>
  );
}

/** What the fellow wants from a mentor: the matching reads it. */
function GoalsCard({ year }: { year: FellowView }) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const [goals, setGoals] = useState<string[]>(year.goals);
  const save = useSetGoals();
  return (
    <Card withBorder padding="md" data-testid="goals">
      <Title order={2} size="h4">
        {t('myProgramme.goals')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('myProgramme.goalsHelp')}
      </Text>
      <Stack gap="sm">
        <MultiSelect
          aria-label={t('myProgramme.goals')}
          placeholder={t('myProgramme.goalsPlaceholder')}
          data={vocabulary.options('expertiseArea')}
          value={goals}
          onChange={(value) => {
            save.reset();
            setGoals(value);
          }}
        />
        {save.error && (
          <Alert color="red" role="alert">
            {problemMessage(save.error, t)}
          </Alert>
        )}
        {save.isSuccess && (
          <Alert color="green" role="status">
            {t('myProgramme.goalsSaved')}
          </Alert>
        )}
        <Group>
          <Button
            size="sm"
            loading={save.isPending}
            onClick={() => save.mutate({ id: year.id, goals: goals as ExpertiseArea[] })}
          >
            {t('myProgramme.saveGoals')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** The fellow's mentor, the sessions to confirm first, then the past ones, feedback and rematch. */
function MentorCard({ pair }: { pair: PairView }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const m = pair.mentor;
  const sessions = useSessions(pair.id);
  const toConfirm = (sessions.data ?? []).filter((s) => !s.confirmed);
  const past = (sessions.data ?? []).filter((s) => s.confirmed);
  return (
    <Card withBorder padding="md" data-testid="mentor-card">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {t('myProgramme.mentor')}
      </Text>
      <Title order={2} size="h4" mb="xs">
        {m.fullName}
      </Title>
      <Facts
        labelWidth={130}
        rows={[
          [t('myProgramme.organisation'), m.organisation ?? '—'],
          [
            t('myProgramme.email'),
            <Anchor key="email" href={`mailto:${m.email}`} size="sm">
              {m.email}
            </Anchor>,
          ],
          [t('myProgramme.where'), [m.city, m.timeZone].filter(Boolean).join(' · ') || '—'],
        ]}
      />
      <Text size="xs" c="dimmed" mt={4}>
        {t('myProgramme.pairedSince', { day: formatDay(pair.pairedAt.slice(0, 10), language) })}
      </Text>
      <WhyMatched reasons={pair.reasons} />
      <Divider my="sm" />
      <PairStats stats={pair.stats} />
      <Divider my="sm" />
      <UpcomingSessions pair={pair} />
      <Divider my="sm" />
      {sessions.error && (
        <Alert color="red" role="alert">
          {problemMessage(sessions.error, t)}
        </Alert>
      )}
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('myProgramme.toConfirm')}
        </Title>
        {sessions.data && toConfirm.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('myProgramme.nothingToConfirm')}
          </Text>
        )}
        {toConfirm.map((session) => (
          <ConfirmSessionCard key={session.id} session={session} pairingId={pair.id} />
        ))}
      </Stack>
      {past.length > 0 && (
        <Stack gap="xs" mt="md">
          <Title order={3} size="h5">
            {t('myProgramme.past')}
          </Title>
          {past.map((session) => (
            <SessionCard key={session.id} session={session} />
          ))}
        </Stack>
      )}
      <Divider my="sm" />
      <Checkpoints pairingId={pair.id} />
      <Divider my="sm" />
      <RematchButton pairingId={pair.id} />
    </Card>
  );
}

/** /programme — the fellow's hub and dates, goals, mentor, sessions, feedback and calendar. */
export function ProgrammePage() {
  const { t } = useTranslation();
  const years = useMyFellowYears();
  const pairs = useMyPairs();
  const error = years.error ?? pairs.error;
  if (error)
    return (
      <Alert color="red" role="alert">
        {problemMessage(error, t)}
      </Alert>
    );
  if (!years.data || !pairs.data)
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  // The newest programme year is the one that counts; earlier ones are history.
  const year = years.data[0];
  const mine = pairs.data.active.filter((p) => p.viewedAs === 'fellow');
  return (
    <Stack gap="lg" maw={900}>
      <Title order={1} size="h2">
        {t('myProgramme.title')}
      </Title>
      {!year && <Alert color="gray">{t('myProgramme.notFellow')}</Alert>}
      {year && <YearCard year={year} />}
      {year && <MyTimeline />}
      {mine.length === 0 && year && <Alert color="gray">{t('myProgramme.noMentor')}</Alert>}
      {mine.map((pair) => (
        <MentorCard key={pair.id} pair={pair} />
      ))}
      {year && <GoalsCard key={year.id} year={year} />}
      <CalendarLink />
    </Stack>
  );
}
