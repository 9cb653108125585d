import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../components/problems';
import { type Checkpoint, type CheckpointsView, useFeedbackCheckpoints, usePutFeedbackCheckpoints } from './api';
import { placeProblem } from './form';

const ANCHORS = ['start', 'midpoint', 'end'] as const;
const KINDS = ['rating', 'yes_no', 'text'] as const;

const copyOf = (c: Checkpoint): Checkpoint => ({
  ...c,
  title: { ...c.title },
  opens: { ...c.opens },
  questions: c.questions.map((q) => ({ ...q, title: { ...q.title } })),
});

const newQuestion = (): Checkpoint['questions'][number] => ({
  code: `q_${Date.now().toString(36)}`,
  kind: 'rating',
  required: true,
  title: { vi: '', en: '' },
});

/** What the browser can tell at once; the server checks the rest (codes, opening inside the year) and says where. */
function validate(t: TFunction) {
  const text = (value: string) => (value.trim() ? null : t('checkpoints.requiredText'));
  return {
    checkpoints: {
      title: { vi: text, en: text },
      opens: { days: (value: number) => (Number.isInteger(value) ? null : t('checkpoints.wholeDays')) },
      openForDays: (value: number) =>
        Number.isInteger(value) && value >= 1 && value <= 90 ? null : t('checkpoints.openRange'),
      questions: {
        title: { vi: text, en: text },
      },
    },
  };
}

function CheckpointsForm({ cohortId, view }: { cohortId: string; view: CheckpointsView }) {
  const { t } = useTranslation();
  const save = usePutFeedbackCheckpoints(cohortId);
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm<{ checkpoints: Checkpoint[] }>({
    initialValues: { checkpoints: view.checkpoints.map(copyOf) },
    validate: validate(t),
    validateInputOnBlur: true,
  });
  const readOnly = !view.editable;
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setMessage(null);
        save.mutate(values.checkpoints, { onError: (error) => setMessage(placeProblem(form, error, t)) });
      })}
    >
      <Stack gap="sm">
        {form.values.checkpoints.map((checkpoint, i) => (
          <Card key={i} withBorder padding="xs" data-testid={`checkpoint-${i}`}>
            <Title order={3} size="h6" mb={4}>
              {t('checkpoints.checkpoint', { n: i + 1 })}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 5 }} spacing="xs">
              <TextInput
                size="xs"
                label={t('checkpoints.titleVi')}
                readOnly={readOnly}
                {...form.getInputProps(`checkpoints.${i}.title.vi`)}
              />
              <TextInput
                size="xs"
                label={t('checkpoints.titleEn')}
                readOnly={readOnly}
                {...form.getInputProps(`checkpoints.${i}.title.en`)}
              />
              <Select
                size="xs"
                label={t('checkpoints.from')}
                readOnly={readOnly}
                allowDeselect={false}
                data={ANCHORS.map((a) => ({ value: a, label: t(`checkpoints.anchors.${a}`) }))}
                {...form.getInputProps(`checkpoints.${i}.opens.from`)}
              />
              <NumberInput
                size="xs"
                label={t('checkpoints.days')}
                readOnly={readOnly}
                allowDecimal={false}
                {...form.getInputProps(`checkpoints.${i}.opens.days`)}
              />
              <NumberInput
                size="xs"
                label={t('checkpoints.openForDays')}
                readOnly={readOnly}
                allowDecimal={false}
                {...form.getInputProps(`checkpoints.${i}.openForDays`)}
              />
            </SimpleGrid>
            {form.errors[`checkpoints.${i}.code`] && (
              <Text c="red" size="xs" role="alert">
                {form.errors[`checkpoints.${i}.code`]}
              </Text>
            )}
            <Text size="xs" fw={600} mt="xs">
              {t('checkpoints.questions')}
            </Text>
            {checkpoint.questions.map((_, j) => (
              <Group key={j} gap="xs" align="flex-end" wrap="wrap" data-testid={`checkpoint-${i}-question-${j}`}>
                <TextInput
                  size="xs"
                  style={{ flex: '1 1 12rem' }}
                  label={t('checkpoints.questionVi', { n: j + 1 })}
                  readOnly={readOnly}
                  {...form.getInputProps(`checkpoints.${i}.questions.${j}.title.vi`)}
                />
                <TextInput
                  size="xs"
                  style={{ flex: '1 1 12rem' }}
                  label={t('checkpoints.questionEn', { n: j + 1 })}
                  readOnly={readOnly}
                  {...form.getInputProps(`checkpoints.${i}.questions.${j}.title.en`)}
                />
                <Select
                  size="xs"
                  w={130}
                  label={t('checkpoints.kind')}
                  readOnly={readOnly}
                  allowDeselect={false}
                  data={KINDS.map((k) => ({ value: k, label: t(`checkpoints.kinds.${k}`) }))}
                  {...form.getInputProps(`checkpoints.${i}.questions.${j}.kind`)}
                />
                <Checkbox
                  size="xs"
                  mb={6}
                  label={t('checkpoints.required')}
                  disabled={readOnly}
                  {...form.getInputProps(`checkpoints.${i}.questions.${j}.required`, { type: 'checkbox' })}
                />
                {!readOnly && checkpoint.questions.length > 1 && (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => form.removeListItem(`checkpoints.${i}.questions`, j)}
                    aria-label={t('checkpoints.removeQuestion', { n: j + 1, c: i + 1 })}
                  >
                    ×
                  </Button>
                )}
                {form.errors[`checkpoints.${i}.questions.${j}.code`] && (
                  <Text c="red" size="xs" role="alert" w="100%">
                    {form.errors[`checkpoints.${i}.questions.${j}.code`]}
                  </Text>
                )}
              </Group>
            ))}
            {form.errors[`checkpoints.${i}.questions`] && (
              <Text c="red" size="xs" role="alert">
                {form.errors[`checkpoints.${i}.questions`]}
              </Text>
            )}
            {!readOnly && (
              <Group gap="xs" mt="xs">
                {checkpoint.questions.length < 6 && (
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => form.insertListItem(`checkpoints.${i}.questions`, newQuestion())}
                  >
                    {t('checkpoints.addQuestion')}
                  </Button>
                )}
                {form.values.checkpoints.length > 1 && (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => form.removeListItem('checkpoints', i)}
                    aria-label={t('checkpoints.remove', { n: i + 1 })}
                  >
                    ×
                  </Button>
                )}
              </Group>
            )}
          </Card>
        ))}
        {message && (
          <Alert color="red" role="alert">
            {message}
          </Alert>
        )}
        {save.isSuccess && (
          <Text size="sm" c="green" role="status">
            {t('checkpoints.saved')}
          </Text>
        )}
        {!readOnly && (
          <Group gap="xs">
            {form.values.checkpoints.length < 8 && (
              <Button
                variant="default"
                onClick={() =>
                  form.insertListItem('checkpoints', {
                    code: `checkpoint_${Date.now().toString(36)}`,
                    title: { vi: '', en: '' },
                    opens: { from: 'start', days: 60 },
                    openForDays: 14,
                    questions: [newQuestion()],
                  } satisfies Checkpoint)
                }
              >
                {t('checkpoints.add')}
              </Button>
            )}
            <Button type="submit" loading={save.isPending}>
              {t('checkpoints.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

/** The cohort's feedback checkpoints: editable until the programme starts, read-only after. */
export function CheckpointsSection({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation();
  const checkpoints = useFeedbackCheckpoints(cohortId);
  return (
    <Card withBorder padding="md" data-testid="feedback-checkpoints">
      <Title order={2} size="h4">
        {t('checkpoints.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('checkpoints.help')}
      </Text>
      {checkpoints.error && (
        <Alert color="red" role="alert">
          {problemMessage(checkpoints.error, t)}
        </Alert>
      )}
      {checkpoints.data && !checkpoints.data.editable && (
        <Alert color="gray" mb="xs">
          {t('checkpoints.locked')}
        </Alert>
      )}
      {checkpoints.data && <CheckpointsForm cohortId={cohortId} view={checkpoints.data} />}
    </Card>
  );
}
