import {
  Alert,
  Badge,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Progress,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { problemMessage } from '../components/problems';
import { formatProgramTime } from '../components/Deadline';
import { type MyAssignment, useDeclareConflicts, useMyAssignments, useMyDeclarations } from './api';
import { useVocabulary } from '../vocabulary/vocabulary';

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
  const vocabulary = useVocabulary();
  const state = assignment.reviewed ? 'reviewed' : assignment.drafted ? 'drafted' : 'toReview';
  return (
    <Card withBorder padding="sm" data-testid="assignment" data-state={state}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <div>
          <Text fw={600}>{t('reviews.applicationRef', { reference: assignment.reference })}</Text>
          <Group gap={6} mt={4}>
            {assignment.sector && (
              <Text size="xs" c="dimmed">
                {vocabulary.label('sector', assignment.sector)}
              </Text>
            )}
            {assignment.hubPreferences.map((code, i) => (
              <Badge key={code} size="xs" variant={i === 0 ? 'filled' : 'outline'}>
                {vocabulary.hubLabel(code, assignment.hubs)}
              </Badge>
            ))}
          </Group>
        </div>
        <Group gap="xs">
          <Badge color={state === 'reviewed' ? 'green' : state === 'drafted' ? 'yellow' : 'gray'} variant="light">
            {t(`reviews.${state}`)}
          </Badge>
          <Button
            component={Link}
            to={`/reviews/${assignment.assignmentId}`}
            size="xs"
            variant={assignment.reviewed || !assignment.roundOpen ? 'light' : 'filled'}
          >
            {!assignment.roundOpen ? t('reviews.view') : assignment.reviewed ? t('reviews.revise') : t('reviews.start')}
          </Button>
        </Group>
      </Group>
    </Card>
  );
}

interface RoundGroup {
  cohortId: string;
  cohortName: string;
  open: boolean;
  deadline: string | null;
  items: MyAssignment[];
}

/** Assignments by cohort (one review round each), in the server's order: open rounds first. */
export function groupByRound(list: MyAssignment[]): RoundGroup[] {
  const groups = new Map<string, RoundGroup>();
  for (const a of list) {
    const group = groups.get(a.cohortId) ?? {
      cohortId: a.cohortId,
      cohortName: a.cohortName,
      open: a.roundOpen,
      deadline: a.reviewDeadline ?? null,
      items: [],
    };
    group.items.push(a);
    groups.set(a.cohortId, group);
  }
  return [...groups.values()];
}

/** One round: its cohort, whether it is open, its own deadline and progress, and its assignments. */
function RoundSection({ group, todoOnly }: { group: RoundGroup; todoOnly: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const done = group.items.filter((a) => a.reviewed).length;
  const shown = todoOnly ? group.items.filter((a) => !a.reviewed) : group.items;
  const titleId = `round-${group.cohortId}`;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={titleId} data-testid="round">
      <Group justify="space-between" wrap="wrap" gap="xs" mb={6}>
        <Group gap="xs">
          <Title order={2} size="h4" id={titleId}>
            {group.cohortName}
          </Title>
          <Badge color={group.open ? 'green' : 'gray'} variant="light" data-testid="round-state">
            {group.open ? t('reviews.roundOpen') : t('reviews.roundClosed')}
          </Badge>
        </Group>
        <Text size="sm" data-testid="review-deadline">
          {group.deadline
            ? t('reviews.deadline', { when: formatProgramTime(group.deadline, language) })
            : t('reviews.noDeadline')}
        </Text>
      </Group>
      <Text fw={600} size="sm" data-testid="progress">
        {t('reviews.progress', { done, total: group.items.length })}
      </Text>
      <Progress
        value={group.items.length ? (100 * done) / group.items.length : 0}
        aria-label={`${t('reviews.progressLabel')}: ${group.cohortName}`}
        mb="sm"
      />
      {!group.open && (
        <Text size="sm" c="dimmed" mb="xs">
          {t('reviews.closedNote')}
        </Text>
      )}
      <Stack gap="xs">
        {shown.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('reviews.allDone')}
          </Text>
        )}
        {shown.map((assignment) => (
          <AssignmentCard key={assignment.assignmentId} assignment={assignment} />
        ))}
      </Stack>
    </Card>
  );
}

/** /reviews — the reviewer's assignments by round, each with its progress and deadline, and conflict declaration. */
export function ReviewsPage() {
  const { t } = useTranslation();
  const assignments = useMyAssignments();
  const [params, setParams] = useSearchParams();
  const todoOnly = params.get('show') === 'todo';
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
  const groups = groupByRound(assignments.data);
  const cohorts = groups.map((g) => ({ value: g.cohortId, label: g.cohortName }));
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
      {groups.length === 0 ? (
        <Text c="dimmed">{t('reviews.none')}</Text>
      ) : (
        <SegmentedControl
          aria-label={t('reviews.filterLabel')}
          value={todoOnly ? 'todo' : 'all'}
          onChange={(value) => setParams(value === 'todo' ? { show: 'todo' } : {}, { replace: true })}
          data={[
            { value: 'all', label: t('reviews.filterAll') },
            { value: 'todo', label: t('reviews.filterTodo') },
          ]}
          w="fit-content"
        />
      )}
      {groups.map((group) => (
        <RoundSection key={group.cohortId} group={group} todoOnly={todoOnly} />
      ))}
      {cohorts.length > 0 && <ConflictDeclaration cohorts={cohorts} />}
    </Stack>
  );
}
