import { Alert, Badge, Button, Card, Group, Radio, Rating, Stack, Text, Textarea, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { fieldErrorMessage, problemMessage } from '../components/problems';
import { type CheckpointView, useFeedback, useSubmitFeedback } from './api';
import { formatDay, formatLocalTime } from '../components/format';
import { scalarText } from '../vocabulary/text';

const STATE_COLORS: Record<CheckpointView['state'], string> = {
  upcoming: 'gray',
  open: 'teal',
  closed: 'gray',
  answered: 'green',
};

type Question = CheckpointView['questions'][number];

function showAnswer(question: Question, value: unknown, t: TFunction) {
  if (value === undefined || value === null || value === '') return t('mentorship.feedback.notAnswered');
  if (question.kind === 'yes_no') return value ? t('mentorship.feedback.yes') : t('mentorship.feedback.no');
  if (question.kind === 'rating') return `★${scalarText(value)}/5`;
  return scalarText(value);
}

/** An open checkpoint's form, built from its questions (rating 1–5, yes/no, text); answered once. */
function CheckpointForm({ checkpoint, pairingId }: { checkpoint: CheckpointView; pairingId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage === 'en' ? 'en' : 'vi';
  const [answers, setAnswers] = useState<Record<string, unknown>>({});
  const [tried, setTried] = useState(false);
  const submit = useSubmitFeedback(pairingId);
  const set = (code: string, value: unknown) => setAnswers((current) => ({ ...current, [code]: value }));
  const missing = checkpoint.questions.filter(
    (q) => q.required && (answers[q.code] === undefined || answers[q.code] === '' || answers[q.code] === 0),
  );
  const fieldError = (code: string) =>
    submit.error instanceof ApiError
      ? (() => {
          const found = submit.error.problem.errors?.find((e) => e.field === `answers.${code}`);
          return found && fieldErrorMessage(found);
        })()
      : undefined;
  return (
    <Stack gap="sm">
      {checkpoint.questions.map((q) => {
        const error =
          (tried && missing.includes(q) ? t('mentorship.feedback.required') : undefined) ?? fieldError(q.code);
        const label = q.title[lang];
        switch (q.kind) {
          case 'rating':
            return (
              <div key={q.code}>
                <Text size="sm" fw={500} id={`q-${checkpoint.code}-${q.code}`}>
                  {label}
                  {q.required && ' *'}
                </Text>
                <Rating
                  value={(answers[q.code] as number | undefined) ?? 0}
                  onChange={(v) => set(q.code, v)}
                  aria-labelledby={`q-${checkpoint.code}-${q.code}`}
                  getSymbolLabel={(n) => t('mentorship.confirm.stars', { n })}
                />
                {error && (
                  <Text size="xs" c="red">
                    {error}
                  </Text>
                )}
              </div>
            );
          case 'yes_no':
            return (
              <Radio.Group
                key={q.code}
                label={label}
                withAsterisk={q.required}
                error={error}
                value={answers[q.code] === undefined ? '' : answers[q.code] ? 'yes' : 'no'}
                onChange={(v) => set(q.code, v === 'yes')}
              >
                <Group gap="md" mt={4}>
                  <Radio value="yes" label={t('mentorship.feedback.yes')} />
                  <Radio value="no" label={t('mentorship.feedback.no')} />
                </Group>
              </Radio.Group>
            );
          case 'text':
            return (
              <Textarea
                key={q.code}
                label={label}
                withAsterisk={q.required}
                error={error}
                autosize
                minRows={2}
                maxLength={2000}
                value={(answers[q.code] as string | undefined) ?? ''}
                onChange={(event) => set(q.code, event.currentTarget.value)}
              />
            );
        }
      })}
      {submit.error && (
        <Alert color="red" role="alert">
          {problemMessage(submit.error, t)}
        </Alert>
      )}
      <Group>
        <Button
          loading={submit.isPending}
          onClick={() => {
            setTried(true);
            if (missing.length) return;
            const given = Object.fromEntries(
              Object.entries(answers).filter(([, v]) => !(typeof v === 'string' && !v.trim())),
            );
            submit.mutate({ checkpoint: checkpoint.code, answers: given });
          }}
        >
          {t('mentorship.feedback.submit')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The pair's feedback checkpoints for this side: open ones to answer, answered ones to reread. */
export function Checkpoints({ pairingId }: { pairingId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const lang = language === 'en' ? 'en' : 'vi';
  const feedback = useFeedback(pairingId);
  if (feedback.error)
    return (
      <Alert color="red" role="alert">
        {problemMessage(feedback.error, t)}
      </Alert>
    );
  if (!feedback.data) return null;
  return (
    <Stack gap="xs" data-testid="checkpoints">
      <Title order={3} size="h5">
        {t('mentorship.feedback.title')}
      </Title>
      <Text size="xs" c="dimmed">
        {t('mentorship.feedback.help')}
      </Text>
      {feedback.data.checkpoints.map((checkpoint) => (
        <Card key={checkpoint.code} withBorder padding="sm" data-testid="checkpoint">
          <Group justify="space-between" wrap="wrap" gap="xs" mb={4}>
            <Text fw={600}>{checkpoint.title[lang]}</Text>
            <Badge color={STATE_COLORS[checkpoint.state]} variant="light">
              {t(`mentorship.feedback.states.${checkpoint.state}`)}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed" mb="xs">
            {t('mentorship.feedback.window', {
              from: formatDay(checkpoint.opensOn, language),
              to: formatDay(checkpoint.closesOn, language),
            })}
          </Text>
          {checkpoint.state === 'open' && <CheckpointForm checkpoint={checkpoint} pairingId={pairingId} />}
          {checkpoint.state === 'answered' && checkpoint.myAnswers && (
            <Stack gap={4}>
              {checkpoint.answeredAt && (
                <Text size="xs" c="dimmed">
                  {t('mentorship.feedback.answeredAt', { when: formatLocalTime(checkpoint.answeredAt, language) })}
                </Text>
              )}
              {checkpoint.questions.map((q) => (
                <Text key={q.code} size="sm">
                  <b>{q.title[lang]}</b> {showAnswer(q, checkpoint.myAnswers?.[q.code], t)}
                </Text>
              ))}
            </Stack>
          )}
        </Card>
      ))}
    </Stack>
  );
}
