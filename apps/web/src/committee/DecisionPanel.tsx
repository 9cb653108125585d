import {
  Alert,
  Badge,
  Button,
  Drawer,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../components/problems';
import { StatusBadge } from '../components/StatusBadge';
import type { ApplicationStatus } from '../applications/api';
import { type Criterion, type Decision, type Scores, useBreakdown, useDecision } from './api';
import { RubricScores, localText } from './RubricScores';

const score = (value: number | null | undefined) => (value === null || value === undefined ? '—' : value.toFixed(2));

/** Which decisions the application's status allows (the API's transitions table). */
const DECISIONS_FROM: Partial<Record<ApplicationStatus, Decision[]>> = {
  under_review: ['shortlist', 'reject'],
  shortlisted: ['interviewed', 'reject'],
  interviewed: ['reject'],
};

function DecisionForm({
  cohortId,
  applicationId,
  status,
  criteria,
}: {
  cohortId: string;
  applicationId: string;
  status: ApplicationStatus;
  criteria: Criterion[];
}) {
  const { t } = useTranslation();
  const allowed = DECISIONS_FROM[status] ?? [];
  const [decision, setDecision] = useState<Decision | null>(allowed[0] ?? null);
  const [rationale, setRationale] = useState('');
  const [scores, setScores] = useState<Scores>({});
  const [tried, setTried] = useState(false);
  const decide = useDecision(cohortId);
  if (!decision || allowed.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('committee.noDecision')}
      </Text>
    );
  }
  const scoresComplete = decision !== 'interviewed' || criteria.every((c) => scores[c.code]);
  const submit = () => {
    setTried(true);
    if (!rationale.trim() || !scoresComplete) return;
    decide.mutate(
      {
        applicationId,
        decision,
        rationale: rationale.trim(),
        ...(decision === 'interviewed' ? { interviewScores: scores } : {}),
      },
      { onSuccess: () => setRationale('') },
    );
  };
  return (
    <Stack gap="sm" data-testid="decision-form">
      <Title order={3} size="h5">
        {t('committee.decide')}
      </Title>
      <SegmentedControl
        aria-label={t('committee.decision')}
        data={allowed.map((d) => ({ value: d, label: t(`committee.decisions.${d}`) }))}
        value={decision}
        onChange={(value) => setDecision(value)}
      />
      {decision === 'interviewed' && (
        <>
          <Text size="sm">{t('committee.interviewScores')}</Text>
          <RubricScores
            criteria={criteria}
            scores={scores}
            onChange={(code, value) => setScores((current) => ({ ...current, [code]: value }))}
            errors={Object.fromEntries(
              criteria.map((c) => [c.code, tried && !scores[c.code] ? t('review.scoreRequired') : undefined]),
            )}
          />
        </>
      )}
      <Textarea
        label={t('committee.rationale')}
        description={t('committee.rationaleHelp')}
        required
        value={rationale}
        maxLength={2000}
        autosize
        minRows={2}
        error={tried && !rationale.trim() ? t('validation.required') : undefined}
        onChange={(event) => setRationale(event.currentTarget.value)}
      />
      {decide.error && (
        <Alert color="red" role="alert">
          {problemMessage(decide.error, t)}
        </Alert>
      )}
      <Group>
        <Button color={decision === 'reject' ? 'red' : undefined} loading={decide.isPending} onClick={submit}>
          {t(`committee.confirmDecision.${decision}`)}
        </Button>
      </Group>
    </Stack>
  );
}

/** A row's breakdown: each review's scores (raw and normalized), comments, and the decision form. */
export function DecisionPanel({
  cohortId,
  applicationId,
  criteria,
  onClose,
}: {
  cohortId: string;
  applicationId: string | null;
  criteria: Criterion[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const breakdown = useBreakdown(cohortId, applicationId);
  const row = breakdown.data?.row;
  return (
    <Drawer
      opened={!!applicationId}
      onClose={onClose}
      position="right"
      size="lg"
      title={row ? (row.fullName ?? t('staffApps.unnamed')) : t('app.loading')}
    >
      {breakdown.error && (
        <Alert color="red" role="alert">
          {problemMessage(breakdown.error, t)}
        </Alert>
      )}
      {row && breakdown.data && (
        <Stack gap="md" data-testid="breakdown">
          <Group gap="xs">
            <StatusBadge status={row.status as ApplicationStatus} />
            <Text size="sm">{row.enterpriseName ?? '—'}</Text>
          </Group>
          <Group gap="lg">
            <Text size="sm">{t('committee.normalizedScore', { score: score(row.normalizedScore) })}</Text>
            <Text size="sm">{t('committee.rawScore', { score: score(row.rawScore) })}</Text>
            <Text size="sm">{t('committee.spreadIs', { spread: score(row.spread) })}</Text>
            {row.interview && (
              <Text size="sm" fw={600} data-testid="breakdown-interview">
                {t('committee.interviewScore', { score: score(row.interview.score) })}
              </Text>
            )}
            {row.disagreement && <Badge color="orange">{t('committee.disagreement')}</Badge>}
          </Group>
          <Table.ScrollContainer minWidth={360}>
            <Table striped withTableBorder fz="xs" data-testid="breakdown-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('committee.criterion')}</Table.Th>
                  {breakdown.data.reviews.map((review) => (
                    <Table.Th key={review.reviewerId}>{review.reviewerName}</Table.Th>
                  ))}
                  {row.interview && <Table.Th>{t('committee.col.interview')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {criteria.map((c) => (
                  <Table.Tr key={c.code}>
                    <Table.Td>{localText(c.title)}</Table.Td>
                    {breakdown.data.reviews.map((review) => (
                      <Table.Td key={review.reviewerId}>{(review.scores as Scores)[c.code] ?? '—'}</Table.Td>
                    ))}
                    {row.interview && <Table.Td>{(row.interview.scores as Scores)[c.code] ?? '—'}</Table.Td>}
                  </Table.Tr>
                ))}
                <Table.Tr fw={700}>
                  <Table.Td>{t('committee.col.raw')}</Table.Td>
                  {breakdown.data.reviews.map((review) => (
                    <Table.Td key={review.reviewerId}>{score(review.weightedScore)}</Table.Td>
                  ))}
                  {row.interview && <Table.Td>{score(row.interview.score)}</Table.Td>}
                </Table.Tr>
                <Table.Tr fw={700}>
                  <Table.Td>{t('committee.col.normalized')}</Table.Td>
                  {breakdown.data.reviews.map((review) => (
                    <Table.Td key={review.reviewerId}>{score(review.normalizedScore)}</Table.Td>
                  ))}
                  {row.interview && <Table.Td />}
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {breakdown.data.reviews.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('committee.noReviews')}
            </Text>
          )}
          {breakdown.data.reviews.map((review) => (
            <div key={review.reviewerId}>
              <Text size="sm" fw={600}>
                {review.reviewerName} · {t(`review.recommendations.${review.recommendation as 'yes'}`)}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {review.comment}
              </Text>
            </div>
          ))}
          <DecisionForm
            key={`${applicationId}-${row.status}`}
            cohortId={cohortId}
            applicationId={row.applicationId}
            status={row.status as ApplicationStatus}
            criteria={criteria}
          />
        </Stack>
      )}
    </Drawer>
  );
}
