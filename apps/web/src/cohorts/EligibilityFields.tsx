import { Checkbox, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type EligibilityRule, RULE_CODES, useEligibilityPreview } from './api';

const PARAM: Partial<Record<EligibilityRule['code'], 'maxAge' | 'years'>> = {
  max_age: 'maxAge',
  enterprise_min_years: 'years',
};
const DEFAULT_PARAM = { maxAge: 40, years: 2 };

/** How many of the cohort's current applications the rules being edited would pass, asked of the server. */
function LiveCount({ cohortId, rules }: { cohortId: string; rules: EligibilityRule[] }) {
  const { t } = useTranslation();
  const [debounced] = useDebouncedValue(rules, 300);
  const preview = useEligibilityPreview(cohortId, debounced);
  if (!preview.data) return null;
  const { applications, passing, failingByRule } = preview.data;
  if (applications === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('cohorts.liveCountNone')}
      </Text>
    );
  return (
    <Stack gap={2} data-testid="live-count" aria-live="polite">
      <Text size="sm" fw={600}>
        {t('cohorts.liveCount', { passing, applications })}
      </Text>
      {Object.entries(failingByRule)
        .filter(([, n]) => n > 0)
        .map(([code, n]) => (
          <Text key={code} size="xs">
            {t('cohorts.liveCountFailing', { rule: t(`cohorts.rules.${code as EligibilityRule['code']}`), n })}
          </Text>
        ))}
    </Stack>
  );
}

/** The rules the server knows, each switched on or off with its parameter; the live count beside them. */
export function EligibilityFields({
  value,
  onChange,
  errors,
  cohortId,
  readOnly = false,
}: {
  value: EligibilityRule[];
  onChange: (rules: EligibilityRule[]) => void;
  errors: Record<string, ReactNode>;
  cohortId?: string;
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const index = (code: EligibilityRule['code']) => value.findIndex((r) => r.code === code);
  const toggle = (code: EligibilityRule['code'], on: boolean) => {
    const param = PARAM[code];
    const rule: EligibilityRule = { code, params: param ? { [param]: DEFAULT_PARAM[param] } : {} };
    onChange(on ? [...value, rule] : value.filter((r) => r.code !== code));
  };
  const setParam = (code: EligibilityRule['code'], param: 'maxAge' | 'years', n: number | undefined) =>
    onChange(value.map((r) => (r.code === code ? { ...r, params: { ...r.params, [param]: n } } : r)));
  return (
    <Stack gap="xs">
      {errors.eligibilityRules && (
        <Text c="red" size="sm" role="alert">
          {errors.eligibilityRules}
        </Text>
      )}
      {RULE_CODES.map((code) => {
        const i = index(code);
        const param = PARAM[code];
        const rule = value[i];
        return (
          <Group key={code} gap="sm" align="flex-end" wrap="wrap">
            <Checkbox
              label={t(`cohorts.rules.${code}`)}
              checked={i >= 0}
              disabled={readOnly}
              onChange={(event) => toggle(code, event.currentTarget.checked)}
            />
            {param && rule && (
              <NumberInput
                aria-label={t(`cohorts.rules.${code}`)}
                w={110}
                readOnly={readOnly}
                value={rule.params[param] ?? ''}
                onChange={(n) => setParam(code, param, typeof n === 'number' ? n : undefined)}
                error={errors[`eligibilityRules.${i}.params.${param}`] ?? errors[`rules.${i}.params.${param}`]}
              />
            )}
          </Group>
        );
      })}
      {cohortId ? (
        <LiveCount cohortId={cohortId} rules={value} />
      ) : (
        <Text size="sm" c="dimmed">
          {t('cohorts.liveCountNew')}
        </Text>
      )}
    </Stack>
  );
}
