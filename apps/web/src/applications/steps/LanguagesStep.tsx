import { Group, NumberInput, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FormOptions } from '../api';
import { type StepProps, orNull, text, useSectionForm } from '../section-form';
import { StepFrame } from '../StepFrame';

const SCORE_RANGE: Record<string, { min: number; max: number; step: number }> = {
  IELTS: { min: 0, max: 9, step: 0.5 },
  TOEFL: { min: 0, max: 120, step: 1 },
  TOEIC: { min: 10, max: 990, step: 5 },
};

export function LanguagesStep(props: StepProps & { options: FormOptions }) {
  const { t } = useTranslation();
  const l = props.app.languages as {
    english?: { test?: string; score?: number };
    jlpt?: string;
    topik?: number;
    other?: string;
  };
  const { form, error, savedAt } = useSectionForm(
    'languages',
    props,
    {
      englishTest: l.english?.test ?? '',
      englishScore: typeof l.english?.score === 'number' ? l.english.score : '',
      jlpt: text(l.jlpt),
      topik: typeof l.topik === 'number' ? String(l.topik) : '',
      other: text(l.other),
    },
    (v) => ({
      english: v.englishTest && v.englishScore !== '' ? { test: v.englishTest, score: v.englishScore } : null,
      jlpt: orNull(v.jlpt),
      topik: v.topik ? Number(v.topik) : null,
      other: orNull(v.other.trim()),
    }),
  );
  const range = SCORE_RANGE[form.values.englishTest];
  return (
    <StepFrame
      app={props.app}
      step="languages"
      error={error}
      savedAt={savedAt}
      intro={<Text size="sm">{t('form.languages.intro')}</Text>}
    >
      <Group grow align="flex-start" wrap="wrap">
        <Select
          label={t('form.languages.englishTest')}
          data={props.options.englishTests}
          clearable
          miw={140}
          {...form.getInputProps('englishTest')}
          onChange={(value: string | null) => form.setFieldValue('englishTest', value ?? '')}
        />
        <NumberInput
          label={t('form.languages.englishScore')}
          disabled={!form.values.englishTest}
          decimalScale={1}
          // Never change what was typed (95 is not silently 9): the API's field error names the scale.
          clampBehavior="none"
          min={range?.min}
          max={range?.max}
          step={range?.step}
          miw={140}
          {...form.getInputProps('englishScore')}
          error={form.errors['english.score'] ?? form.errors.english}
        />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <Select
          label={t('form.languages.jlpt')}
          data={props.options.jlptLevels}
          clearable
          {...form.getInputProps('jlpt')}
          onChange={(value: string | null) => form.setFieldValue('jlpt', value ?? '')}
        />
        <Select
          label={t('form.languages.topik')}
          data={['1', '2', '3', '4', '5', '6'].map((level) => ({ value: level, label: `TOPIK ${level}` }))}
          clearable
          {...form.getInputProps('topik')}
          onChange={(value: string | null) => form.setFieldValue('topik', value ?? '')}
        />
        <TextInput label={t('form.languages.other')} placeholder="Français B2" {...form.getInputProps('other')} />
      </SimpleGrid>
    </StepFrame>
  );
}
