import { MultiSelect, NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FormOptions } from '../api';
import { type StepProps, orNull, text, useSectionForm } from '../section-form';
import { StepFrame } from '../StepFrame';
import { foldedFilter, useVocabulary } from '../../vocabulary/vocabulary';

export function EnterpriseStep(props: StepProps & { options: FormOptions }) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const e = props.app.enterprise;
  const { form, error, savedAt } = useSectionForm(
    'enterprise',
    props,
    {
      name: text(e.name),
      taxCode: text(e.taxCode),
      foundingYear: typeof e.foundingYear === 'number' ? e.foundingYear : '',
      sector: text(e.sector),
      employeesBand: text(e.employeesBand),
      revenueBand: text(e.revenueBand),
      exportMarkets: Array.isArray(e.exportMarkets) ? (e.exportMarkets as string[]) : [],
    },
    (v) => ({
      name: orNull(v.name.trim()),
      taxCode: orNull(v.taxCode.trim()),
      foundingYear: orNull(v.foundingYear),
      sector: orNull(v.sector),
      employeesBand: orNull(v.employeesBand),
      revenueBand: orNull(v.revenueBand),
      exportMarkets: v.exportMarkets,
    }),
  );
  const select = (field: 'sector' | 'employeesBand' | 'revenueBand') => ({
    ...form.getInputProps(field),
    onChange: (value: string | null) => form.setFieldValue(field, value ?? ''),
    clearable: true,
  });
  return (
    <StepFrame app={props.app} step="enterprise" error={error} savedAt={savedAt}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label={t('form.enterprise.name')}
          placeholder="Công ty TNHH Cà Phê Tây Nguyên"
          autoComplete="organization"
          {...form.getInputProps('name')}
        />
        <TextInput
          label={t('form.enterprise.taxCode')}
          description={t('form.enterprise.taxCodeHint')}
          placeholder="0101234567"
          inputMode="numeric"
          maxLength={14}
          {...form.getInputProps('taxCode')}
        />
        <NumberInput
          label={t('form.enterprise.foundingYear')}
          min={1800}
          max={new Date().getFullYear()}
          // Never change what was typed: an out-of-range year is kept and the API's field error shown.
          clampBehavior="none"
          allowDecimal={false}
          thousandSeparator={false}
          {...form.getInputProps('foundingYear')}
        />
        <Select
          label={t('form.enterprise.sector')}
          data={props.options.sectors.map((s) => ({ value: s, label: vocabulary.label('sector', s) }))}
          {...select('sector')}
        />
        <Select
          label={t('form.enterprise.employeesBand')}
          data={props.options.employeesBands.map((b) => ({ value: b, label: vocabulary.label('employeesBand', b) }))}
          {...select('employeesBand')}
        />
        <Select
          label={t('form.enterprise.revenueBand')}
          data={props.options.revenueBands.map((b) => ({ value: b, label: vocabulary.label('revenueBand', b) }))}
          {...select('revenueBand')}
        />
      </SimpleGrid>
      <MultiSelect
        label={t('form.enterprise.exportMarkets')}
        description={t('form.enterprise.exportMarketsHint')}
        data={vocabulary.countries}
        searchable
        filter={foldedFilter}
        nothingFoundMessage={t('form.nothingFound')}
        maxValues={30}
        {...form.getInputProps('exportMarkets')}
        onChange={(codes) => form.setFieldValue('exportMarkets', codes)}
      />
    </StepFrame>
  );
}
