import { Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FormOptions } from '../api';
import { type StepProps, orNull, text, useSectionForm } from '../section-form';
import { StepFrame } from '../StepFrame';

const ESSAYS = ['motivation', 'marketEntryPlan', 'ambassador'] as const;

/** Counted the way the API counts: runs of non-space characters. */
export const countWords = (value: string): number => value.trim().split(/\s+/u).filter(Boolean).length;

export function EssaysStep(props: StepProps & { options: FormOptions }) {
  const { t } = useTranslation();
  const e = props.app.essays;
  const { form, error, savedAt } = useSectionForm(
    'essays',
    props,
    { motivation: text(e.motivation), marketEntryPlan: text(e.marketEntryPlan), ambassador: text(e.ambassador) },
    (v) => ({
      motivation: orNull(v.motivation.trim()),
      marketEntryPlan: orNull(v.marketEntryPlan.trim()),
      ambassador: orNull(v.ambassador.trim()),
    }),
  );
  return (
    <StepFrame app={props.app} step="essays" error={error} savedAt={savedAt}>
      {ESSAYS.map((essay) => {
        const limit = props.options.essayLimits[essay];
        const words = countWords(form.values[essay]);
        const flagged = props.app.flags.some((f) => f.field === `essays.${essay}`);
        return (
          <div key={essay}>
            <Textarea
              label={t(`form.essays.${essay}`)}
              description={t(`form.essays.${essay}Hint`)}
              autosize
              minRows={5}
              maxRows={18}
              {...form.getInputProps(essay)}
            />
            <Text size="xs" mt={4} c={words > limit ? 'red' : 'dimmed'} aria-live="polite">
              {t('form.essays.words', { count: words, limit })}
            </Text>
            {(flagged || words > limit) && (
              <Text size="xs" c="red" data-testid={`essay-over-limit-${essay}`}>
                {t('form.essays.overLimit', { limit })}
              </Text>
            )}
          </div>
        );
      })}
    </StepFrame>
  );
}
