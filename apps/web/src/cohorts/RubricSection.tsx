import { Alert, Button, Card, Group, NumberInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Criterion, LEVELS, criteriaOf, useRound } from '../committee/api';
import { problemMessage } from '../components/problems';
import { useUpdateRubric } from './api';
import { placeProblem } from './form';

type Level = (typeof LEVELS)[number];
interface EditCriterion {
  code: string;
  title: { vi: string; en: string };
  weight: number;
  anchors: Record<Level, { vi: string; en: string }>;
}

const toEdit = (c: Criterion): EditCriterion => ({
  code: c.code,
  title: { ...c.title },
  weight: c.weight,
  anchors: Object.fromEntries(
    LEVELS.map((l) => [l, { vi: c.anchors[l]?.vi ?? '', en: c.anchors[l]?.en ?? '' }]),
  ) as EditCriterion['anchors'],
});

/** Anchors with any text are sent (the server names a level missing one language); empty ones are left out. */
const toBody = (c: EditCriterion) => ({
  code: c.code,
  title: c.title,
  weight: c.weight,
  anchors: Object.fromEntries(
    LEVELS.filter((l) => c.anchors[l].vi.trim() || c.anchors[l].en.trim()).map((l) => [l, c.anchors[l]]),
  ),
});

function RubricForm({ cohortId, criteria, editable }: { cohortId: string; criteria: Criterion[]; editable: boolean }) {
  const { t } = useTranslation();
  const save = useUpdateRubric(cohortId);
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm<{ criteria: EditCriterion[] }>({ initialValues: { criteria: criteria.map(toEdit) } });
  const readOnly = !editable;
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setMessage(null);
        save.mutate(
          { criteria: values.criteria.map(toBody) as never },
          { onError: (error) => setMessage(placeProblem(form, error, t)) },
        );
      })}
    >
      <Stack gap="sm">
        {form.errors.criteria && (
          <Text c="red" size="sm" role="alert">
            {form.errors.criteria}
          </Text>
        )}
        {form.values.criteria.map((_, i) => (
          <Card key={i} withBorder padding="sm" data-testid={`criterion-${i}`}>
            <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="xs">
              <TextInput
                label={t('cohorts.criterionCode')}
                readOnly={readOnly}
                {...form.getInputProps(`criteria.${i}.code`)}
              />
              <TextInput
                label={t('cohorts.criterionTitleVi')}
                readOnly={readOnly}
                {...form.getInputProps(`criteria.${i}.title.vi`)}
              />
              <TextInput
                label={t('cohorts.criterionTitleEn')}
                readOnly={readOnly}
                {...form.getInputProps(`criteria.${i}.title.en`)}
              />
              <NumberInput
                label={t('cohorts.weight')}
                readOnly={readOnly}
                min={1}
                max={100}
                {...form.getInputProps(`criteria.${i}.weight`)}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
              {LEVELS.map((l) => (
                <Stack key={l} gap={2}>
                  <Group grow gap="xs" align="flex-start">
                    <TextInput
                      size="xs"
                      label={t('cohorts.anchorVi', { n: l })}
                      readOnly={readOnly}
                      {...form.getInputProps(`criteria.${i}.anchors.${l}.vi`)}
                    />
                    <TextInput
                      size="xs"
                      label={t('cohorts.anchorEn', { n: l })}
                      readOnly={readOnly}
                      {...form.getInputProps(`criteria.${i}.anchors.${l}.en`)}
                    />
                  </Group>
                  {form.errors[`criteria.${i}.anchors.${l}`] && (
                    <Text c="red" size="xs" role="alert">
                      {form.errors[`criteria.${i}.anchors.${l}`]}
                    </Text>
                  )}
                </Stack>
              ))}
            </SimpleGrid>
            {editable && (
              <Button mt="xs" size="xs" variant="subtle" color="red" onClick={() => form.removeListItem('criteria', i)}>
                {t('cohorts.removeCriterion', { n: i + 1 })}
              </Button>
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
            {t('cohorts.saved')}
          </Text>
        )}
        {editable && (
          <Group gap="xs">
            <Button
              variant="default"
              onClick={() =>
                form.insertListItem('criteria', toEdit({ code: '', title: { vi: '', en: '' }, weight: 1, anchors: {} }))
              }
            >
              {t('cohorts.addCriterion')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('cohorts.saveRubric')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

/** The cohort's rubric: edited until the first review is submitted on it, then shown read-only. */
export function RubricSection({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation();
  const round = useRound(cohortId);
  return (
    <Card withBorder padding="md" data-testid="rubric">
      <Title order={2} size="h4">
        {t('cohorts.rubric')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('cohorts.rubricHelp')}
      </Text>
      {round.error && (
        <Alert color="red" role="alert">
          {problemMessage(round.error, t)}
        </Alert>
      )}
      {round.data && !round.data.rubricEditable && (
        <Alert color="gray" mb="xs">
          {t('cohorts.rubricLocked')}
        </Alert>
      )}
      {round.data && (
        <RubricForm cohortId={cohortId} criteria={criteriaOf(round.data.rubric)} editable={round.data.rubricEditable} />
      )}
    </Card>
  );
}
