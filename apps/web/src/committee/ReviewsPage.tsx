import {
  Alert,
  Badge,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Progress,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemMessage } from '../components/problems';
import { formatProgramTime } from '../applications/Deadline';
import { useOpenCohorts } from '../applications/api';
import { type MyAssignment, useDeclareConflicts, useMyAssignments, useMyDeclarations } from './api';

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * The reviewer names whom they know; the server matches the names against the cohort's applicants and
 * withdraws what they name. No lookup, and the answer never says whether or whom a name matched.
 */
function ConflictDeclaration({ cohorts }: { cohorts: Array<{ value: string; label: string }> }) {
  const { t, i18n } = useTranslation();
  const [cohortId, setCohortId] = useState<string | null>(cohorts[0]?.value ?? null);
  const [names, setNames] = useState('');
  const [emails, setEmails] = useState('');
  const [reason, setReason] = useState('');
  const declare = useDeclareConflicts();
  const mine = useMyDeclarations();
  const [recorded, setRecorded] = useState(false);
  const send = () =>
    cohortId &&
    declare.mutate(
      { cohortId, names: lines(names), emails: lines(emails), reason: reason.trim() },
      {
        onSuccess: () => {
          setRecorded(true);
          setNames('');
          setEmails('');
          setReason('');
        },
      },
    );
  return (
    <Card withBorder padding="md" data-testid="conflicts">
      <Title order={2} size="h4">
        {t('reviews.conflictTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('reviews.conflictHelp')}
      </Text>
      {recorded && (
        <Alert color="green" mb="sm" role="status">
          {t('reviews.conflictRecorded')}
        </Alert>
      )}
      <Stack gap="xs">
        {cohorts.length > 1 && (
          <Select
            label={t('reviews.cohort')}
            data={cohorts}
            value={cohortId}
            allowDeselect={false}
            onChange={setCohortId}
          />
        )}
        <Textarea
          label={t('reviews.names')}
          description={t('reviews.namesHelp')}
          placeholder={t('reviews.namesPlaceholder')}
          value={names}
          autosize
          minRows={3}
          onChange={(event) => {
            setNames(event.currentTarget.value);
            setRecorded(false);
          }}
        />
        <Textarea
          label={t('reviews.emails')}
          description={t('reviews.emailsHelp')}
          value={emails}
          autosize
          minRows={1}
          onChange={(event) => setEmails(event.currentTarget.value)}
        />
        <Textarea
          label={t('reviews.reason')}
          placeholder={t('reviews.reasonPlaceholder')}
          value={reason}
          maxLength={500}
          autosize
          minRows={2}
          onChange={(event) => setReason(event.currentTarget.value)}
        />
        {declare.error ? (
          <Alert color="red" role="alert">
            {problemMessage(declare.error, t)}
          </Alert>
        ) : null}
        <Group>
          <Button
            color="orange"
            disabled={lines(names).length === 0 || !reason.trim()}
            loading={declare.isPending}
            onClick={send}
          >
            {t('reviews.declare')}
          </Button>
        </Group>
        {mine.data && mine.data.length > 0 && (
          <Stack gap={4} mt="sm" data-testid="declarations">
            <Text fw={600} size="sm">
              {t('reviews.declaredBefore')}
            </Text>
            {mine.data.map((d) => (
              <Text key={d.id} size="sm">
                {[...d.names, ...d.emails].join(', ')} — {d.reason}{' '}
                <Text span size="xs" c="dimmed">
                  (
                  {t('reviews.declaredOn', {
                    when: formatProgramTime(d.createdAt, i18n.resolvedLanguage ?? 'vi'),
                    count: d.names.length + d.emails.length,
                  })}
                  )
                </Text>
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

function AssignmentCard({ assignment }: { assignment: MyAssignment }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm" data-testid="assignment">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <div>
          <Text fw={600}>{t('reviews.applicationRef', { reference: assignment.reference })}</Text>
          <Group gap={6} mt={4}>
            {assignment.sector && (
              <Text size="xs" c="dimmed">
                {t(`options.sector.${assignment.sector}` as never)}
              </Text>
            )}
            {assignment.hubPreferences.map((code, i) => (
              <Badge key={code} size="xs" variant={i === 0 ? 'filled' : 'outline'}>
                {code}
              </Badge>
            ))}
          </Group>
        </div>
        <Group gap="xs">
          <Badge color={assignment.reviewed ? 'green' : 'gray'} variant="light">
            {assignment.reviewed ? t('reviews.reviewed') : t('reviews.toReview')}
          </Badge>
          <Button
            component={Link}
            to={`/reviews/${assignment.assignmentId}`}
            size="xs"
            variant={assignment.reviewed ? 'light' : 'filled'}
          >
            {assignment.reviewed ? t('reviews.revise') : t('reviews.start')}
          </Button>
        </Group>
      </Group>
    </Card>
  );
}

/** /reviews — the reviewer's assignments with their progress and deadline, and conflict declaration. */
export function ReviewsPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const assignments = useMyAssignments();
  const open = useOpenCohorts();
  if (assignments.error) {
    return (
      <Alert color="red" role="alert">
        {problemMessage(assignments.error, t)}
      </Alert>
    );
  }
  if (!assignments.data) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  const list = assignments.data;
  const cohortIds = [...new Set(list.map((a) => a.cohortId))];
  const cohortName = (id: string, i: number) =>
    open.data?.find((c) => c.id === id)?.name ?? t('reviews.cohortN', { n: i + 1 });
  const done = list.filter((a) => a.reviewed).length;
  const deadline = list.find((a) => a.reviewDeadline)?.reviewDeadline;
  return (
    <Stack gap="lg" maw={900}>
      <div>
        <Title order={1} size="h2">
          {t('reviews.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('reviews.blindNote')}
        </Text>
      </div>
      <Card withBorder padding="md">
        <Group justify="space-between" wrap="wrap" gap="xs" mb={6}>
          <Text fw={600} data-testid="progress">
            {t('reviews.progress', { done, total: list.length })}
          </Text>
          {deadline && (
            <Text size="sm" data-testid="review-deadline">
              {t('reviews.deadline', { when: formatProgramTime(deadline, language) })}
            </Text>
          )}
        </Group>
        <Progress value={list.length ? (100 * done) / list.length : 0} aria-label={t('reviews.progressLabel')} />
      </Card>
      <Stack gap="xs">
        {list.length === 0 && <Text c="dimmed">{t('reviews.none')}</Text>}
        {list.map((assignment) => (
          <AssignmentCard key={assignment.assignmentId} assignment={assignment} />
        ))}
      </Stack>
      {cohortIds.length > 0 && (
        <ConflictDeclaration cohorts={cohortIds.map((id, i) => ({ value: id, label: cohortName(id, i) }))} />
      )}
    </Stack>
  );
}
