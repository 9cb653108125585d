import { Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { components } from '../api/schema';
import { Facts, languageAndHubRows, show } from './Facts';
import { useVocabulary } from '../vocabulary/vocabulary';

export type BlindApplicationData = components['schemas']['BlindApplication'];

/** Every redaction code in a value's strings, shown in the reader's language ("[đã ẩn]", "[hidden]"). */
function localise<T>(value: T, marker: string, word: string): T {
  if (typeof value === 'string') return value.split(marker).join(word) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => localise(v, marker, word)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, localise(v, marker, word)])) as T;
  }
  return value;
}

/**
 * What a reviewer reads of an application — the enterprise's sector and size, languages, hub choices
 * and essays, redacted by the server — never who applied. Staff see the same as a preview.
 */
export function BlindApplicationView({ view }: { view: BlindApplicationData }) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const v = localise(view, view.redactedMarker, t('review.redacted'));
  const e = v.enterprise;
  return (
    <Stack gap="md">
      <Card withBorder padding="md">
        <Title order={2} size="h4" mb="xs">
          {t('form.steps.enterprise')}
        </Title>
        <Facts
          labelWidth={150}
          rows={[
            [t('form.enterprise.sector'), e.sector ? vocabulary.label('sector', e.sector) : '—'],
            [t('form.enterprise.foundingYear'), show(e.foundingYear)],
            [t('form.enterprise.employeesBand'), vocabulary.label('employeesBand', e.employeesBand)],
            [t('form.enterprise.revenueBand'), e.revenueBand ? vocabulary.label('revenueBand', e.revenueBand) : '—'],
            [
              t('form.enterprise.exportMarkets'),
              Array.isArray(e.exportMarkets) && e.exportMarkets.length
                ? e.exportMarkets.map(vocabulary.country).join(', ')
                : '—',
            ],
            [t('staffApps.region'), v.region ? vocabulary.label('region', v.region) : '—'],
          ]}
        />
      </Card>
      <Card withBorder padding="md">
        <Title order={2} size="h4" mb="xs">
          {t('form.steps.languages')} · {t('form.steps.hubs')}
        </Title>
        <Facts
          labelWidth={150}
          rows={languageAndHubRows(t, v.languages, v.hubPreferences, (code) => vocabulary.hubLabel(code, v.hubs))}
        />
      </Card>
      <Card withBorder padding="md">
        <Title order={2} size="h4" mb="xs">
          {t('form.steps.essays')}
        </Title>
        <Stack gap="sm">
          {(['motivation', 'marketEntryPlan', 'ambassador'] as const).map((k) => (
            <div key={k}>
              <Text fw={600} size="sm">
                {t(`form.essays.${k}`)}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid={`essay-${k}`}>
                {show(v.essays[k])}
              </Text>
            </div>
          ))}
        </Stack>
      </Card>
    </Stack>
  );
}
