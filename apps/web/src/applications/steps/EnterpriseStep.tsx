import { NumberInput, Select, SimpleGrid, TagsInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FormOptions } from '../api';
import { type StepProps, orNull, text, useSectionForm } from '../section-form';
import { StepFrame } from '../StepFrame';

/** Markets Vietnamese enterprises export to most; any other two-letter code can be typed. */
const COMMON_MARKETS = ['JP', 'KR', 'SG', 'CN', 'US', 'DE', 'FR', 'NL', 'GB', 'AU', 'TH', 'MY', 'ID', 'TW', 'IN'];

export function EnterpriseStep(props: StepProps & { options: FormOptions }) {
  const { t } = useTranslation();
  const e = props.app.enterprise;
  const { form, error, savedAt } = useSectionForm(
    'enterprise',
    props,
    {
      name: text(e.name),
      taxCode: text(e.taxCode),
      foundingYear: typeof e.foundingYear === 'number' ? e.foundingYear : ('' as number | ''),
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
          data={props.options.sectors.map((s) => ({ value: s, label: t(`options.sector.${s}` as never) }))}
          {...select('sector')}
        />
        <Select
          label={t('form.enterprise.employeesBand')}
          data={props.options.employeesBands.map((b) => ({ value: b, label: t('options.employees', { band: b }) }))}
          {...select('employeesBand')}
        />
        <Select
          label={t('form.enterprise.revenueBand')}
          data={props.options.revenueBands.map((b) => ({ value: b, label: t(`options.revenue.${b}` as never) }))}
          {...select('revenueBand')}
        />
      </SimpleGrid>
      <TagsInput
        label={t('form.enterprise.exportMarkets')}
        description={t('form.enterprise.exportMarketsHint')}
        data={COMMON_MARKETS}
        maxTags={30}
        splitChars={[',', ' ']}
        {...form.getInputProps('exportMarkets')}
        onChange={(codes) =>
          form.setFieldValue(
            'exportMarkets',
            [...new Set(codes.map((c) => c.trim().toUpperCase()))].filter((c) => /^[A-Z]{2}$/.test(c)),
          )
        }
      />
    </StepFrame>
  );
}
