import { Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FormOptions } from '../api';
import { type StepProps, orNull, text, useSectionForm } from '../section-form';
import { StepFrame } from '../StepFrame';
import { foldedFilter, useVocabulary } from '../../vocabulary/vocabulary';

/** 0912 345 678 or 84912345678 → +84912345678, the form the API stores; anything else is left as typed. */
export function normalizePhone(value: string): string {
  const digits = value.replace(/[\s.()-]/g, '');
  if (/^0\d{9}$/.test(digits)) return `+84${digits.slice(1)}`;
  if (/^84\d{9}$/.test(digits)) return `+${digits}`;
  return digits;
}

export function PersonalStep(props: StepProps & { options: FormOptions }) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const p = props.app.personal;
  const { form, error, savedAt } = useSectionForm(
    'personal',
    props,
    {
      fullName: text(p.fullName),
      dateOfBirth: text(p.dateOfBirth),
      gender: text(p.gender),
      province: text(p.province),
      phone: text(p.phone),
      // The program is for Vietnamese citizens: the usual answer is filled in.
      citizenship: text(p.citizenship) || 'VN',
    },
    (v) => ({
      fullName: orNull(v.fullName.trim()),
      dateOfBirth: orNull(v.dateOfBirth),
      gender: orNull(v.gender),
      province: orNull(v.province),
      phone: orNull(normalizePhone(v.phone)),
      citizenship: orNull(v.citizenship.trim().toUpperCase()),
    }),
  );
  const province = props.options.provinces.find((o) => o.name === form.values.province);
  return (
    <StepFrame app={props.app} step="personal" error={error} savedAt={savedAt}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label={t('form.personal.fullName')}
          placeholder="Nguyễn Văn An"
          autoComplete="name"
          {...form.getInputProps('fullName')}
        />
        <TextInput
          type="date"
          label={t('form.personal.dateOfBirth')}
          autoComplete="bday"
          max={new Date().toISOString().slice(0, 10)}
          {...form.getInputProps('dateOfBirth')}
        />
        <Select
          label={t('form.personal.gender')}
          data={props.options.genders.map((g) => ({ value: g, label: vocabulary.label('gender', g) }))}
          clearable
          {...form.getInputProps('gender')}
          onChange={(value: string | null) => form.setFieldValue('gender', value ?? '')}
        />
        <div>
          <Select
            label={t('form.personal.province')}
            searchable
            clearable
            filter={foldedFilter}
            nothingFoundMessage={t('form.nothingFound')}
            data={vocabulary.values('region').map((region) => ({
              group: vocabulary.label('region', region),
              items: props.options.provinces.filter((o) => o.region === region).map((o) => o.name),
            }))}
            {...form.getInputProps('province')}
            onChange={(value: string | null) => form.setFieldValue('province', value ?? '')}
          />
          {province && (
            <Text size="xs" c="dimmed" mt={4} data-testid="region">
              {t('form.personal.region', { region: vocabulary.label('region', province.region) })}
            </Text>
          )}
        </div>
        <TextInput
          type="tel"
          label={t('form.personal.phone')}
          description={t('form.personal.phoneHint')}
          placeholder="+84912345678"
          autoComplete="tel"
          inputMode="tel"
          {...form.getInputProps('phone')}
          onBlur={() => form.setFieldValue('phone', normalizePhone(form.values.phone))}
        />
        <Select
          label={t('form.personal.citizenship')}
          description={t('form.personal.citizenshipHint')}
          searchable
          filter={foldedFilter}
          nothingFoundMessage={t('form.nothingFound')}
          data={vocabulary.countries}
          {...form.getInputProps('citizenship')}
          onChange={(value: string | null) => form.setFieldValue('citizenship', value ?? '')}
        />
      </SimpleGrid>
    </StepFrame>
  );
}
