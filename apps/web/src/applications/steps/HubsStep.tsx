import { Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CohortView } from '../api';
import { type StepProps, useSectionForm } from '../section-form';
import { StepFrame } from '../StepFrame';
import { useVocabulary } from '../../vocabulary/vocabulary';

const RANKS = [0, 1, 2, 3] as const;

/** Ranked hub choices: first choice first, each hub at most once, at least one. */
export function HubsStep(props: StepProps & { cohort: CohortView | undefined }) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const saved = props.app.hubPreferences;
  const { form, error, savedAt } = useSectionForm(
    'hubs',
    props,
    { ranking: RANKS.map((i) => saved[i] ?? '') },
    (v) => ({ ranking: v.ranking.filter(Boolean) }),
  );
  const hubs = props.cohort?.hubs ?? [];
  const requirement = (code: string) =>
    hubs
      .find((h) => h.code === code)
      ?.languageRequirements.map((r) => `${r.test} ${r.minimum}`)
      .join(t('form.hubs.or'));
  return (
    <StepFrame
      app={props.app}
      step="hubs"
      error={error}
      savedAt={savedAt}
      intro={<Text size="sm">{t('form.hubs.intro')}</Text>}
    >
      <Stack gap="sm">
        {RANKS.map((i) => {
          const taken = new Set(form.values.ranking.filter((code, j) => code && j !== i));
          const value = form.values.ranking[i] ?? '';
          return (
            <Select
              key={i}
              label={t('form.hubs.rank', { rank: i + 1 })}
              placeholder={i === 0 ? t('form.hubs.pickFirst') : t('form.hubs.optional')}
              // A lower rank opens only once the ones above are chosen.
              disabled={i > 0 && !form.values.ranking[i - 1]}
              clearable
              data={hubs
                .filter((h) => !taken.has(h.code))
                .map((h) => ({ value: h.code, label: `${vocabulary.hubName(h)} — ${h.city}` }))}
              value={value || null}
              description={value ? t('form.hubs.requirement', { requirement: requirement(value) }) : undefined}
              error={form.errors[`ranking.${i}`] ?? (i === 0 ? form.errors.ranking : undefined)}
              onChange={(code) => {
                const next = [...form.values.ranking];
                next[i] = code ?? '';
                // Keep the ranking without gaps: choices below an emptied rank move up.
                const compact = next.filter(Boolean);
                form.setFieldValue(
                  'ranking',
                  RANKS.map((r) => compact[r] ?? ''),
                );
              }}
            />
          );
        })}
      </Stack>
    </StepFrame>
  );
}
