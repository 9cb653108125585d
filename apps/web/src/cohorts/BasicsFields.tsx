import { NumberInput, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { BasicsValues } from './form';

/** Name, year, size, track, window (Vietnam time), offer days and start date: any form holding these values. */
export function BasicsFields<V extends BasicsValues>({ form }: { form: UseFormReturnType<V> }) {
  const { t } = useTranslation();
  const f = form as unknown as UseFormReturnType<BasicsValues>;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label={t('cohorts.name')} required {...f.getInputProps('name')} />
        <NumberInput label={t('cohorts.year')} min={2024} max={2100} {...f.getInputProps('year')} />
        <NumberInput
          label={t('cohorts.targetSize')}
          description={t('cohorts.targetSizeHelp')}
          {...f.getInputProps('targetSize')}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="track-label">
            {t('cohorts.trackMonths')}
          </Text>
          <SegmentedControl
            aria-labelledby="track-label"
            data={['6', '9', '12'].map((n) => ({ value: n, label: t('cohorts.months', { n }) }))}
            {...f.getInputProps('trackMonths')}
          />
        </Stack>
        <TextInput
          type="datetime-local"
          label={t('cohorts.opensAt')}
          description={t('cohorts.windowHelp')}
          {...f.getInputProps('applicationOpensAt')}
        />
        <TextInput
          type="datetime-local"
          label={t('cohorts.closesAt')}
          description={t('cohorts.windowHelp')}
          {...f.getInputProps('applicationClosesAt')}
        />
        <NumberInput
          label={t('cohorts.offerResponseDays')}
          min={1}
          max={60}
          {...f.getInputProps('offerResponseDays')}
        />
        <TextInput type="date" label={t('cohorts.programmeStartDate')} {...f.getInputProps('programmeStartDate')} />
      </SimpleGrid>
    </Stack>
  );
}
