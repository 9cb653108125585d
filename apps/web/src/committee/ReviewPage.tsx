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
import { formatProgramTime } from '../applications/Deadline';
import {
  type BlindReview,
  RECOMMENDATIONS,
  type Recommendation,
  type Scores,
  criteriaOf,
  useBlindReview,
  useSubmitReview,
} from './api';
import { BlindApplicationView } from './BlindApplicationView';
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
  const save = () => {
    setTried(true);
    if (!complete || !recommendation) return;
    submit.mutate({ scores, comment: comment.trim(), recommendation });
  };
  const saved = submit.data ?? view.review;
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
          {t('review.saved', { score: submit.data.weightedScore.toFixed(2) })}
        </Alert>
      )}
      {!readOnly && (
        <Group justify="space-between" wrap="wrap">
          <Text size="xs" c="dimmed">
            {saved ? t('review.lastSaved', { when: formatProgramTime(saved.updatedAt, language) }) : t('review.notYet')}
          </Text>
          <Button onClick={save} loading={submit.isPending}>
            {view.review || submit.isSuccess ? t('review.update') : t('review.submit')}
          </Button>
        </Group>
      )}
    </Stack>
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
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <BlindApplicationView view={view.data} />
        <ReviewForm key={assignmentId} view={view.data} assignmentId={assignmentId} />
      </SimpleGrid>
    </Stack>
  );
}
