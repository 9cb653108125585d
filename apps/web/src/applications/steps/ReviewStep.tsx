import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { problemMessage } from '../../components/problems';
import { type ApplicationView, type CohortView, useSubmit } from '../api';
import { ApplicationSummary } from '../ApplicationSummary';
import { stepOfMissing, useMissingLabel } from '../StepFrame';

interface FailedRule {
  code: string;
  reason: string;
  params?: Record<string, unknown>;
}

/** Our words for a failed eligibility rule where we know it; the API's (English) reason otherwise. */
function useRuleText() {
  const { t, i18n } = useTranslation();
  return (rule: FailedRule): string => {
    const key = `form.review.rules.${rule.code}`;
    if (!i18n.exists(key) || !rule.params) return rule.reason;
    // t() answers the rule's text; its declared type is lost to the `never` that lets a dynamic key through.
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    return String(t(key as never, rule.params as never));
  };
}

export function ReviewStep({
  app,
  cohort,
  onGoTo,
}: {
  app: ApplicationView;
  cohort: CohortView | undefined;
  onGoTo: (step: string) => void;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const label = useMissingLabel();
  const ruleText = useRuleText();
  const submit = useSubmit(app.id);
  // One key for this page's submit: clicking again after a lost answer cannot submit twice.
  const idempotencyKey = useRef(crypto.randomUUID());
  const error = submit.error;
  const problem =
    error instanceof ApiError ? (error.problem as ApiError['problem'] & { rules?: FailedRule[] }) : undefined;

  const byStep = new Map<string, string[]>();
  for (const path of app.missing) byStep.set(stepOfMissing(path), [...(byStep.get(stepOfMissing(path)) ?? []), path]);

  return (
    <Stack gap="md">
      {app.complete ? (
        <Alert color="teal" variant="light" title={t('form.review.readyTitle')}>
          {t('form.review.ready')}
        </Alert>
      ) : (
        <Alert color="yellow" variant="light" title={t('form.review.incompleteTitle')} data-testid="review-missing">
          <Stack gap="xs">
            {[...byStep.entries()].map(([step, paths]) => (
              <div key={step}>
                <Button variant="subtle" size="compact-sm" px={0} onClick={() => onGoTo(step)}>
                  {t(`form.steps.${step}` as never)}
                </Button>
                <List size="sm">
                  {paths.map((path) => (
                    <List.Item key={path}>{label(path)}</List.Item>
                  ))}
                </List>
              </div>
            ))}
            {app.flags.length > 0 && (
              <div data-testid="review-flags">
                <Button variant="subtle" size="compact-sm" px={0} onClick={() => onGoTo('essays')}>
                  {t('form.steps.essays')}
                </Button>
                <List size="sm">
                  {app.flags.map((flag) => (
                    <List.Item key={flag.field}>
                      {t('form.review.overLimit', {
                        essay: t(`form.essays.${flag.field.replace('essays.', '')}` as never),
                        count: flag.words,
                        limit: flag.maxWords,
                      })}
                    </List.Item>
                  ))}
                </List>
              </div>
            )}
          </Stack>
        </Alert>
      )}
      <ApplicationSummary app={app} cohort={cohort} onEdit={onGoTo} />
      <Text size="sm">{t('form.review.declaration')}</Text>
      {error && (
        <Alert color="red" role="alert" title={t('form.review.notSubmitted')} data-testid="submit-error">
          {problem?.code === 'not_eligible' ? (
            <List size="sm">
              {(problem.rules ?? []).map((rule) => (
                <List.Item key={rule.code}>{ruleText(rule)}</List.Item>
              ))}
            </List>
          ) : problem?.code === 'application_incomplete' ? (
            t('form.review.incomplete')
          ) : problem?.code === 'application_invalid' ? (
            <>
              {t('form.review.invalid')}
              <List size="sm">
                {(problem.errors ?? []).map((e) => (
                  <List.Item key={e.field}>{label(e.field)}</List.Item>
                ))}
              </List>
            </>
          ) : problem?.code === 'cohort_not_open' ? (
            t('form.review.cohortNotOpen')
          ) : (
            problemMessage(error, t)
          )}
        </Alert>
      )}
      <Button
        size="md"
        disabled={!app.complete}
        loading={submit.isPending}
        onClick={() => setConfirming(true)}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('form.review.submit')}
      </Button>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('confirmSubmit.title')} centered>
        <Stack gap="sm">
          <Text size="sm" fw={600}>
            {t('confirmSubmit.final')}
          </Text>
          <Text size="sm">{t('confirmSubmit.check')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('confirmSubmit.cancel')}
            </Button>
            <Button
              loading={submit.isPending}
              onClick={() => submit.mutate(idempotencyKey.current, { onSettled: () => setConfirming(false) })}
            >
              {t('confirmSubmit.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
