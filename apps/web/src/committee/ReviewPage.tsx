import {
  Alert,
  Anchor,
  Button,
  Center,
  Group,
  Loader,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { problemMessage } from '../components/problems';
import { formatProgramTime } from '../components/Deadline';
import {
  type BlindReview,
  RECOMMENDATIONS,
  type Recommendation,
  type Scores,
  criteriaOf,
  useBlindReview,
  useMyAssignments,
  useSubmitReview,
} from './api';
import { BlindApplicationView } from '../components/BlindApplicationView';
import { RubricScores } from './RubricScores';

/** The rubric form: a score per criterion, a comment and a recommendation; revisable while the round is open. */
function ReviewForm({ view, assignmentId }: { view: BlindReview; assignmentId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const criteria = criteriaOf(view.rubric);
  const [scores, setScores] = useState<Scores>({ ...((view.review?.scores ?? {}) as Scores) });
  const [comment, setComment] = useState(view.review?.comment ?? '');
  const [recommendation, setRecommendation] = useState<Recommendation | null>(view.review?.recommendation ?? null);
  const [tried, setTried] = useState(false);
  const submit = useSubmitReview(assignmentId);
  const readOnly = !view.editable;
  const missing = criteria.filter((c) => !scores[c.code]);
  const complete = missing.length === 0 && comment.trim() !== '' && recommendation !== null;
  const saved = submit.data ?? view.review;
  const finished = saved?.status === 'submitted';
  const save = () => {
    setTried(true);
    if (!complete || !recommendation) return;
    submit.mutate({ status: 'submitted', scores, comment: comment.trim(), recommendation });
  };
  // A draft needs nothing complete: the scores chosen so far, and the comment and recommendation if any.
  const saveDraft = () =>
    submit.mutate({
      status: 'draft',
      scores,
      ...(comment.trim() ? { comment: comment.trim() } : {}),
      ...(recommendation ? { recommendation } : {}),
    });
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={2} size="h4">
          {t('review.rubric')}
        </Title>
        {view.reviewDeadline && (
          <Text size="xs" c="dimmed">
            {t('reviews.deadline', { when: formatProgramTime(view.reviewDeadline, language) })}
          </Text>
        )}
      </Group>
      {readOnly && (
        <Alert color="gray" data-testid="review-closed">
          {t('review.closed')}
        </Alert>
      )}
      <RubricScores
        criteria={criteria}
        scores={scores}
        readOnly={readOnly}
        onChange={(code, score) => setScores((current) => ({ ...current, [code]: score }))}
        errors={Object.fromEntries(missing.map((c) => [c.code, tried ? t('review.scoreRequired') : undefined]))}
      />
      <Textarea
        label={t('review.comment')}
        description={t('review.commentHelp')}
        value={comment}
        readOnly={readOnly}
        maxLength={5000}
        autosize
        minRows={4}
        error={tried && !comment.trim() ? t('validation.required') : undefined}
        onChange={(event) => setComment(event.currentTarget.value)}
      />
      <Radio.Group
        label={t('review.recommendation')}
        value={recommendation ?? ''}
        readOnly={readOnly}
        error={tried && !recommendation ? t('validation.required') : undefined}
        onChange={(value) => setRecommendation(value as Recommendation)}
      >
        <Group gap="md" mt={6} wrap="wrap">
          {RECOMMENDATIONS.map((r) => (
            <Radio key={r} value={r} label={t(`review.recommendations.${r}`)} disabled={readOnly} />
          ))}
        </Group>
      </Radio.Group>
      {submit.error && (
        <Alert color="red" role="alert">
          {submit.error instanceof ApiError && submit.error.code === 'review_closed'
            ? t('review.closed')
            : problemMessage(submit.error, t)}
        </Alert>
      )}
      {submit.isSuccess && (
        <Alert color="green" role="status" data-testid="review-saved">
          {submit.data.status === 'draft'
            ? t('review.draftSaved')
            : t('review.saved', { score: (submit.data.weightedScore ?? 0).toFixed(2) })}
        </Alert>
      )}
      {!submit.isSuccess && saved?.status === 'draft' && (
        <Text size="sm" c="dimmed" data-testid="draft-note">
          {t('review.draftNote')}
        </Text>
      )}
      {!readOnly && (
        <Group justify="space-between" wrap="wrap">
          <Text size="xs" c="dimmed">
            {saved ? t('review.lastSaved', { when: formatProgramTime(saved.updatedAt, language) }) : t('review.notYet')}
          </Text>
          <Group gap="xs">
            {!finished && (
              <Button variant="default" onClick={saveDraft} loading={submit.isPending}>
                {t('review.saveDraft')}
              </Button>
            )}
            <Button onClick={save} loading={submit.isPending}>
              {finished ? t('review.update') : t('review.submit')}
            </Button>
          </Group>
        </Group>
      )}
    </Stack>
  );
}

/** Previous and next among the reviewer's assignments of the same round, in the order of their list. */
function Neighbours({ assignmentId }: { assignmentId: string }) {
  const { t } = useTranslation();
  const mine = useMyAssignments();
  const current = mine.data?.find((a) => a.assignmentId === assignmentId);
  if (!current) return null;
  const round = (mine.data ?? []).filter((a) => a.cohortId === current.cohortId);
  const i = round.findIndex((a) => a.assignmentId === assignmentId);
  const previous = round[i - 1];
  const next = round[i + 1];
  return (
    <Group justify="space-between" wrap="wrap" gap="xs" component="nav" aria-label={current.cohortName}>
      <Text size="sm" c="dimmed">
        {current.cohortName} · {t('review.position', { n: i + 1, total: round.length })}
      </Text>
      <Group gap="xs">
        {previous && (
          <Button component={Link} to={`/reviews/${previous.assignmentId}`} size="xs" variant="default">
            ← {t('review.previous')}
          </Button>
        )}
        {next && (
          <Button component={Link} to={`/reviews/${next.assignmentId}`} size="xs" variant="default">
            {t('review.next')} →
          </Button>
        )}
      </Group>
    </Group>
  );
}

/** /reviews/:assignmentId — the blind application on one side, the rubric on the other. */
export function ReviewPage() {
  const { t } = useTranslation();
  const { assignmentId = '' } = useParams();
  const view = useBlindReview(assignmentId);
  if (view.error) {
    return (
      <Alert color="red" role="alert">
        {view.error instanceof ApiError && view.error.status === 404
          ? t('review.notFound')
          : problemMessage(view.error, t)}
      </Alert>
    );
  }
  if (!view.data) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/reviews" size="sm">
        ← {t('review.back')}
      </Anchor>
      <Title order={1} size="h2">
        {t('review.title', { reference: view.data.reference })}
      </Title>
      <Neighbours assignmentId={assignmentId} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <BlindApplicationView view={view.data} />
        <ReviewForm key={assignmentId} view={view.data} assignmentId={assignmentId} />
      </SimpleGrid>
    </Stack>
  );
}
