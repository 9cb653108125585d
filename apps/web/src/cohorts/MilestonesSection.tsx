import {
  Alert,
  Button,
  Card,
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
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../components/problems';
import { type TemplateItem, type TemplateView, useMilestoneTemplate, usePutMilestoneTemplate } from './api';
import { placeProblem } from './form';

const ANCHORS = ['start', 'mid', 'end'] as const;

const toItem = (m: TemplateView['milestones'][number]): TemplateItem => ({
  code: m.code,
  title: { ...m.title },
  description: { ...m.description },
  anchor: m.anchor,
  offsetMonths: m.offsetMonths,
  offsetDays: m.offsetDays,
  evidence: [...m.evidence],
  reviewer: m.reviewer,
  pillars: [...m.pillars],
});

function TemplateForm({ cohortId, view }: { cohortId: string; view: TemplateView }) {
  const { t } = useTranslation();
  const save = usePutMilestoneTemplate(cohortId);
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm<{ milestones: TemplateItem[] }>({ initialValues: { milestones: view.milestones.map(toItem) } });
  const readOnly = !view.editable;
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setMessage(null);
        // The description follows the title when staff left it as it was created (a new milestone).
        const milestones = values.milestones.map((m) => ({
          ...m,
          description: {
            vi: m.description.vi.trim() || m.title.vi,
            en: m.description.en.trim() || m.title.en,
          },
        }));
        save.mutate(milestones, { onError: (error) => setMessage(placeProblem(form, error, t)) });
      })}
    >
      <Stack gap="xs">
        {form.errors.milestones && (
          <Text c="red" size="sm" role="alert">
            {form.errors.milestones}
          </Text>
        )}
        {form.values.milestones.map((_, i) => (
          <Card key={i} withBorder padding="xs" data-testid={`milestone-${i}`}>
            <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="xs">
              <TextInput
                size="xs"
                label={t('cohorts.milestoneTitleVi')}
                readOnly={readOnly}
                {...form.getInputProps(`milestones.${i}.title.vi`)}
              />
              <TextInput
                size="xs"
                label={t('cohorts.milestoneTitleEn')}
                readOnly={readOnly}
                {...form.getInputProps(`milestones.${i}.title.en`)}
              />
              <Select
                size="xs"
                label={t('cohorts.anchor')}
                readOnly={readOnly}
                allowDeselect={false}
                data={ANCHORS.map((a) => ({ value: a, label: t(`cohorts.anchors.${a}`) }))}
                {...form.getInputProps(`milestones.${i}.anchor`)}
              />
              <NumberInput
                size="xs"
                label={t('cohorts.offsetMonths')}
                readOnly={readOnly}
                {...form.getInputProps(`milestones.${i}.offsetMonths`)}
              />
              <NumberInput
                size="xs"
                label={t('cohorts.offsetDays')}
                readOnly={readOnly}
                {...form.getInputProps(`milestones.${i}.offsetDays`)}
              />
            </SimpleGrid>
            {form.errors[`milestones.${i}`] && (
              <Text c="red" size="xs" role="alert">
                {form.errors[`milestones.${i}`]}
              </Text>
            )}
            {!readOnly && (
              <Button
                size="xs"
                variant="subtle"
                color="red"
                mt={4}
                onClick={() => form.removeListItem('milestones', i)}
                aria-label={t('cohorts.removeMilestone', { n: i + 1 })}
              >
                ×
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
        {!readOnly && (
          <Group gap="xs">
            <Button
              variant="default"
              onClick={() =>
                form.insertListItem('milestones', {
                  code: `milestone_${Date.now().toString(36)}`,
                  title: { vi: '', en: '' },
                  description: { vi: '', en: '' },
                  anchor: 'start',
                  offsetMonths: 1,
                  offsetDays: 0,
                  evidence: ['text', 'link'],
                  reviewer: 'mentor',
                  pillars: [],
                } satisfies TemplateItem)
              }
            >
              {t('cohorts.addMilestone')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('cohorts.saveMilestones')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

/** The cohort's milestone template: editable until the programme starts, read-only after. */
export function MilestonesSection({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation();
  const template = useMilestoneTemplate(cohortId);
  return (
    <Card withBorder padding="md" data-testid="milestones">
      <Title order={2} size="h4">
        {t('cohorts.milestones')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('cohorts.milestonesHelp')}
      </Text>
      {template.error && (
        <Alert color="red" role="alert">
          {problemMessage(template.error, t)}
        </Alert>
      )}
      {template.data && !template.data.editable && (
        <Alert color="gray" mb="xs">
          {t('cohorts.milestonesLocked')}
        </Alert>
      )}
      {template.data && <TemplateForm cohortId={cohortId} view={template.data} />}
    </Card>
  );
}
