import { Badge, Button, Card, Group, Progress, Select, Stack, Stepper, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ApplicationView, CohortView, FormOptions } from './api';
import { DeadlineCountdown } from '../components/Deadline';
import type { SaveStep } from './section-form';
import { stepOfMissing } from './StepFrame';
import { DocumentsStep } from './steps/DocumentsStep';
import { EnterpriseStep } from './steps/EnterpriseStep';
import { EssaysStep } from './steps/EssaysStep';
import { HubsStep } from './steps/HubsStep';
import { LanguagesStep } from './steps/LanguagesStep';
import { PersonalStep } from './steps/PersonalStep';
import { RefereesStep } from './steps/RefereesStep';
import { ReviewStep } from './steps/ReviewStep';

export const STEPS = [
  'personal',
  'enterprise',
  'languages',
  'hubs',
  'essays',
  'referees',
  'documents',
  'review',
] as const;
type Step = (typeof STEPS)[number];

/**
 * The application as a multi-step form. Each step saves its section when the applicant moves on
 * (next, back, or a jump to any step) and with its own button, so closing the phone loses little;
 * the step is kept in the URL, so a reload or the next evening's visit opens where they were.
 */
export function ApplicationForm(props: { app: ApplicationView; cohort: CohortView | undefined; options: FormOptions }) {
  const { t } = useTranslation();
  const { app } = props;
  const phone = useMediaQuery('(max-width: 48em)');
  const [params, setParams] = useSearchParams();
  const fromUrl = STEPS.indexOf(params.get('step') as Step);
  const active = fromUrl >= 0 ? fromUrl : 0;
  const saveCurrent = useRef<SaveStep>(() => Promise.resolve(true));
  const [moving, setMoving] = useState(false);

  const register = (save: SaveStep) => {
    saveCurrent.current = save;
  };
  const goTo = async (index: number) => {
    if (index === active || index < 0 || index >= STEPS.length) return;
    setMoving(true);
    try {
      // A step whose save was refused stays on screen with the errors next to the fields.
      if (!(await saveCurrent.current())) return;
    } finally {
      setMoving(false);
    }
    saveCurrent.current = () => Promise.resolve(true);
    setParams({ step: STEPS[index] ?? 'personal' }, { replace: false });
    window.scrollTo({ top: 0 });
  };

  const missingIn = (step: Step) => app.missing.filter((path) => stepOfMissing(path) === step).length;
  const stepLabel = (step: Step) => t(`form.steps.${step}`);
  const step = STEPS[active] ?? 'personal';
  const stepProps = { app, onRegister: register };

  const body = (() => {
    switch (step) {
      case 'personal':
        return <PersonalStep key={step} {...stepProps} options={props.options} />;
      case 'enterprise':
        return <EnterpriseStep key={step} {...stepProps} options={props.options} />;
      case 'languages':
        return <LanguagesStep key={step} {...stepProps} options={props.options} />;
      case 'hubs':
        return <HubsStep key={step} {...stepProps} cohort={props.cohort} />;
      case 'essays':
        return <EssaysStep key={step} {...stepProps} options={props.options} />;
      case 'referees':
        return <RefereesStep key={step} {...stepProps} />;
      case 'documents':
        return <DocumentsStep key={step} app={app} />;
      case 'review':
        return (
          <ReviewStep key={step} app={app} cohort={props.cohort} onGoTo={(s) => void goTo(STEPS.indexOf(s as Step))} />
        );
    }
  })();

  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          {t('form.title', { cohort: app.cohortName })}
        </Title>
        {props.cohort && <DeadlineCountdown closesAt={props.cohort.applicationClosesAt} />}
      </div>
      {phone ? (
        // Eight steps do not fit across a phone: a progress bar and a step picker instead.
        <Stack gap={6}>
          <Progress value={((active + 1) / STEPS.length) * 100} size="sm" aria-hidden />
          <Select
            aria-label={t('form.stepPicker')}
            value={step}
            allowDeselect={false}
            data={STEPS.map((s, i) => ({
              value: s,
              label: `${i + 1}/${STEPS.length} · ${stepLabel(s)}${missingIn(s) ? ` (${missingIn(s)})` : ''}`,
            }))}
            onChange={(value) => void goTo(STEPS.indexOf(value as Step))}
          />
        </Stack>
      ) : (
        <Stepper active={active} onStepClick={(i) => void goTo(i)} size="xs" allowNextStepsSelect wrap>
          {STEPS.map((s) => (
            <Stepper.Step
              key={s}
              label={stepLabel(s)}
              description={
                s === 'review' ? undefined : missingIn(s) ? (
                  <Badge size="xs" color="yellow" variant="light">
                    {t('form.missingCount', { count: missingIn(s) })}
                  </Badge>
                ) : (
                  <Badge size="xs" color="teal" variant="light">
                    {t('form.done')}
                  </Badge>
                )
              }
            />
          ))}
        </Stepper>
      )}
      <Card withBorder padding="lg">
        <Title order={2} size="h3" mb="md">
          {stepLabel(step)}
        </Title>
        {body}
      </Card>
      <Group justify="space-between">
        <Button variant="default" disabled={active === 0} loading={moving} onClick={() => void goTo(active - 1)}>
          {t('form.back')}
        </Button>
        <Group gap="xs">
          {step !== 'documents' && step !== 'review' && (
            <Button variant="light" loading={moving} onClick={() => void saveCurrent.current()}>
              {t('form.saveDraft')}
            </Button>
          )}
          {active < STEPS.length - 1 && (
            <Button loading={moving} onClick={() => void goTo(active + 1)}>
              {t('form.next')}
            </Button>
          )}
        </Group>
      </Group>
      <Text size="xs" c="dimmed">
        {t('form.autosaveNote')}
      </Text>
    </Stack>
  );
}
