import { Alert, Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { Facts } from '../components/Facts';
import { type PairActivity, type Session, usePairActivity } from './api';
import { formatDay } from './MentoringPage';
import { useVocabulary } from '../vocabulary/vocabulary';
import { ProblemAlert } from '../components/ProblemAlert';
import { useLabels } from '../components/matchReasons';
import { scalarText } from '../vocabulary/text';

const formatWhen = (iso: string, language: string) =>
  new Date(iso).toLocaleString(language, { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'medium', timeStyle: 'short' });

function SessionRow({ session }: { session: Session }) {
  const { t, i18n } = useTranslation();
  const vocabulary = useVocabulary();
  const labels = useLabels();
  const topics = [
    ...session.topics.filter((x) => x !== 'other').map(labels.topic),
    ...(session.otherTopic ? [session.otherTopic] : []),
  ];
  return (
    <Table.Tr data-testid="session-row">
      <Table.Td>
        <Text size="sm" data-testid="session-date">
          {formatWhen(session.heldAt, i18n.resolvedLanguage ?? 'vi')}
        </Text>
        <Text size="xs" c="dimmed">
          {vocabulary.label('sessionMode', session.mode)}
        </Text>
      </Table.Td>
      <Table.Td data-testid="session-duration">
        {t('staffMentoring.minutes', { count: session.durationMinutes })}
      </Table.Td>
      <Table.Td>
        <Text size="sm" data-testid="session-topics">
          {topics.join(', ')}
        </Text>
        {session.notes && (
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
            {session.notes}
          </Text>
        )}
        {session.actionItems.length > 0 && (
          <ul style={{ margin: '4px 0 0', paddingLeft: 18, fontSize: 12 }}>
            {session.actionItems.map((item, i) => (
              <li key={i}>
                {item.text}
                {item.dueOn ? ` (${t('staffMentoring.due', { day: item.dueOn })})` : ''}
              </li>
            ))}
          </ul>
        )}
      </Table.Td>
      <Table.Td>
        <Badge
          size="sm"
          variant="light"
          color={session.confirmed ? 'green' : 'yellow'}
          data-testid="session-confirmed"
          tt="none"
        >
          {session.confirmed ? t('staffMentoring.confirmed') : t('staffMentoring.notConfirmed')}
        </Badge>
      </Table.Td>
      <Table.Td>
        {session.rating !== null ? (
          <Text
            size="sm"
            fw={600}
            data-testid="session-rating"
            aria-label={t('staffMentoring.ratingLabel', { rating: session.rating })}
          >
            ★ {session.rating}/5
          </Text>
        ) : (
          <Text size="sm" c="dimmed" data-testid="session-rating">
            —
          </Text>
        )}
        {session.ratingComment && (
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
            “{session.ratingComment}”
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function answerText(value: unknown, t: (key: 'staffMentoring.yes' | 'staffMentoring.no') => string): string {
  if (typeof value === 'boolean') return value ? t('staffMentoring.yes') : t('staffMentoring.no');
  if (value === null || value === undefined || value === '') return '—';
  return scalarText(value);
}

function Feedback({ activity }: { activity: PairActivity }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  return (
    <Card withBorder padding="md" data-testid="pair-feedback">
      <Title order={2} size="h4" mb="xs">
        {t('staffMentoring.feedback')}
      </Title>
      {activity.feedback.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('staffMentoring.noFeedback')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          {activity.feedback.map((f) => (
            <Card key={`${f.checkpoint}-${f.authorRole}`} withBorder padding="sm" data-testid="feedback-answers">
              <Group justify="space-between" mb={4} wrap="wrap">
                <Text size="sm" fw={600}>
                  {f.checkpoint.replace(/_/g, ' ')}
                </Text>
                <Badge size="sm" variant="light">
                  {t(`staffMentoring.by.${f.authorRole}`)}
                </Badge>
              </Group>
              <Text size="xs" c="dimmed" mb={4}>
                {formatDay(f.answeredAt, language)}
              </Text>
              <Facts
                labelWidth={140}
                rows={Object.entries(f.answers).map(([code, value]) => [code.replace(/_/g, ' '), answerText(value, t)])}
              />
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Card>
  );
}

/** /staff/mentoring/pairs/:pairingId — one pair's sessions (confirmed or not, rated) and both sides' feedback. */
export function PairActivityPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const { pairingId = '' } = useParams();
  const activity = usePairActivity(pairingId);
  const data = activity.data;
  const back = data ? `/staff/mentoring?cohortId=${data.pair.cohortId}` : '/staff/mentoring';
  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to={back} size="sm">
          ← {t('staffMentoring.back')}
        </Anchor>
        <Title order={1} size="h2">
          {data
            ? t('staffMentoring.pairTitle', { fellow: data.pair.fellow.fullName, mentor: data.pair.mentor.fullName })
            : t('staffMentoring.activity')}
        </Title>
      </div>
      {activity.error instanceof ApiError && activity.error.status === 404 ? (
        <Alert color="yellow">{t('staffMentoring.notFound')}</Alert>
      ) : (
        <ProblemAlert error={activity.error} />
      )}
      {data && (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Card withBorder padding="md">
              <Facts
                rows={[
                  [t('staffProgramme.fellow'), `${data.pair.fellow.fullName} (${data.pair.fellow.email})`],
                  [t('staffMentoring.enterprise'), data.pair.fellow.enterpriseName ?? '—'],
                  [
                    t('staffMentoring.hub'),
                    [data.pair.fellow.hub, data.pair.fellow.hubCity].filter(Boolean).join(' · ') || '—',
                  ],
                  [t('staffProgramme.mentor'), `${data.pair.mentor.fullName} (${data.pair.mentor.email})`],
                  [t('staffMentoring.pairedAt'), formatDay(data.pair.pairedAt, language)],
                  [
                    t('staffMentoring.state'),
                    t(`staffMentoring.pairStatus.${data.pair.status as 'active'}`, { defaultValue: data.pair.status }),
                  ],
                ]}
              />
            </Card>
            <Card withBorder padding="md">
              <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs">
                <div>
                  <Text size="xs" c="dimmed">
                    {t('staffMentoring.sessions')}
                  </Text>
                  <Text fw={700}>{data.pair.stats.sessions}</Text>
                </div>
                <div>
                  <Text size="xs" c="dimmed">
                    {t('staffMentoring.thisMonth')}
                  </Text>
                  <Text fw={700}>{data.pair.stats.sessionsThisMonth}</Text>
                </div>
                <div>
                  <Text size="xs" c="dimmed">
                    {t('staffMentoring.hours')}
                  </Text>
                  <Text fw={700}>{data.pair.stats.hours}</Text>
                </div>
                <div>
                  <Text size="xs" c="dimmed">
                    {t('staffMentoring.lastSession')}
                  </Text>
                  <Text fw={700}>{formatDay(data.pair.stats.lastSessionAt, language)}</Text>
                </div>
                <div>
                  <Text size="xs" c="dimmed">
                    {t('staffMentoring.averageRating')}
                  </Text>
                  <Text fw={700}>{data.pair.stats.averageRating ?? '—'}</Text>
                </div>
                <div>
                  <Text size="xs" c="dimmed">
                    {t('staffMentoring.unconfirmed')}
                  </Text>
                  <Text fw={700}>{data.pair.stats.unconfirmed}</Text>
                </div>
              </SimpleGrid>
            </Card>
          </SimpleGrid>
          <Card withBorder padding="md">
            <Title order={2} size="h4" mb="xs">
              {t('staffMentoring.sessionsTitle')}
            </Title>
            {data.sessions.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('staffMentoring.noSessions')}
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={720}>
                <Table striped fz="sm" verticalSpacing="xs" data-testid="pair-sessions">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('staffMentoring.date')}</Table.Th>
                      <Table.Th>{t('staffMentoring.duration')}</Table.Th>
                      <Table.Th>{t('staffMentoring.topics')}</Table.Th>
                      <Table.Th>{t('staffMentoring.confirmation')}</Table.Th>
                      <Table.Th>{t('staffMentoring.rating')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.sessions.map((session) => (
                      <SessionRow key={session.id} session={session} />
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Card>
          <Feedback activity={data} />
        </>
      )}
    </Stack>
  );
}
