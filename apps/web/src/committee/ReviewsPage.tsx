import { Alert, Badge, Button, Card, Center, Group, Loader, Progress, Select, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConflictPicker } from '../components/ConflictPicker';
import { problemMessage } from '../components/problems';
import { formatProgramTime } from '../applications/Deadline';
import { useOpenCohorts } from '../applications/api';
import { type MyAssignment, useApplicantSearch, useDeclareConflict, useMyAssignments } from './api';

/** The reviewer declares a conflict with an applicant found by name; it holds at once. */
function ConflictDeclaration({ cohorts }: { cohorts: Array<{ value: string; label: string }> }) {
  const { t } = useTranslation();
  const [cohortId, setCohortId] = useState<string | null>(cohorts[0]?.value ?? null);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const matches = useApplicantSearch(cohortId ?? '', q);
  const declare = useDeclareConflict();
  const [declared, setDeclared] = useState<string | null>(null);
  return (
    <Card withBorder padding="md" data-testid="conflicts">
      <Title order={2} size="h4">
        {t('reviews.conflictTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('reviews.conflictHelp')}
      </Text>
      {declared && (
        <Alert color="green" mb="sm" role="status">
          {t('reviews.conflictDeclared', { name: declared })}
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
        <ConflictPicker
          search={search}
          onSearch={setSearch}
          candidates={
            search.trim().length >= 2 && q.trim().length >= 2
              ? matches.data?.map((m) => ({
                  id: m.applicationId,
                  fullName: m.fullName,
                  enterpriseName: m.enterpriseName,
                }))
              : undefined
          }
          labels={{
            search: t('reviews.searchApplicant'),
            searchPlaceholder: t('reviews.searchPlaceholder'),
            person: t('reviews.applicant'),
            pick: t('reviews.pickApplicant'),
            noMatch: t('reviews.noMatch'),
            reason: t('reviews.reason'),
            reasonPlaceholder: t('reviews.reasonPlaceholder'),
            declare: t('reviews.declare'),
          }}
          declare={{
            send: (applicationId, reason, done) =>
              declare.mutate(
                { applicationId, reason },
                {
                  onSuccess: () => {
                    setDeclared(matches.data?.find((m) => m.applicationId === applicationId)?.fullName ?? '');
                    done();
                  },
                },
              ),
            isPending: declare.isPending,
            error: declare.error,
          }}
        />
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
          <Text fw={600}>{assignment.enterpriseName ?? t('reviews.unnamedEnterprise')}</Text>
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
