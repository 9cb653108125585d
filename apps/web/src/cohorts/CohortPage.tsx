import { Alert, Anchor, Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { problemMessage } from '../components/problems';
import { type Cohort, type EligibilityRule, type Hub, useCohort, useReplaceHubs, useUpdateCohort } from './api';
import { BasicsFields } from './BasicsFields';
import { STAGE_COLOR } from './CohortsListPage';
import { CopyCohortButton } from './CopyCohortButton';
import { EligibilityFields } from './EligibilityFields';
import { basicsBody, basicsOf, hubBody, placeProblem } from './form';
import { HubsFields } from './HubsFields';
import { LifecyclePanel } from './LifecyclePanel';
import { CheckpointsSection } from './CheckpointsSection';
import { MilestonesSection } from './MilestonesSection';
import { RubricSection } from './RubricSection';

const EDITABLE_UNTIL_REVIEW = ['draft', 'open'];

function Saved({ show }: { show: boolean }) {
  const { t } = useTranslation();
  return show ? (
    <Text size="sm" c="green" role="status">
      {t('cohorts.saved')}
    </Text>
  ) : null;
}

function BasicsSection({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation();
  const update = useUpdateCohort(cohort.id);
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({ initialValues: basicsOf(cohort) });
  return (
    <Card withBorder padding="md" data-testid="basics">
      <Title order={2} size="h4" mb="xs">
        {t('cohorts.basics')}
      </Title>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setMessage(null);
          update.mutate(basicsBody(values), { onError: (error) => setMessage(placeProblem(form, error, t)) });
        })}
      >
        <Stack gap="sm">
          <BasicsFields form={form} />
          {message && (
            <Alert color="red" role="alert">
              {message}
            </Alert>
          )}
          <Saved show={update.isSuccess} />
          <Button type="submit" loading={update.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('cohorts.save')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

function HubsSection({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation();
  const replace = useReplaceHubs(cohort.id);
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm<{ hubs: Hub[] }>({ initialValues: { hubs: cohort.hubs.map(hubBody) } });
  const readOnly = !EDITABLE_UNTIL_REVIEW.includes(cohort.status);
  return (
    <Card withBorder padding="md" data-testid="hubs">
      <Title order={2} size="h4">
        {t('cohorts.hubs')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {readOnly ? t('cohorts.hubsLocked') : t('cohorts.hubsHelp')}
      </Text>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setMessage(null);
          replace.mutate(values.hubs.map(hubBody), { onError: (error) => setMessage(placeProblem(form, error, t)) });
        })}
      >
        <Stack gap="sm">
          <HubsFields form={form} readOnly={readOnly} />
          {message && (
            <Alert color="red" role="alert">
              {message}
            </Alert>
          )}
          <Saved show={replace.isSuccess} />
          {!readOnly && (
            <Button type="submit" loading={replace.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('cohorts.saveHubs')}
            </Button>
          )}
        </Stack>
      </form>
    </Card>
  );
}

function EligibilitySection({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation();
  const update = useUpdateCohort(cohort.id);
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm<{ eligibilityRules: EligibilityRule[] }>({
    initialValues: { eligibilityRules: cohort.eligibilityRules },
  });
  const readOnly = !EDITABLE_UNTIL_REVIEW.includes(cohort.status);
  return (
    <Card withBorder padding="md" data-testid="eligibility">
      <Title order={2} size="h4">
        {t('cohorts.eligibility')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {readOnly ? t('cohorts.eligibilityLocked') : t('cohorts.eligibilityHelp')}
      </Text>
      <Stack gap="sm">
        <EligibilityFields
          cohortId={cohort.id}
          readOnly={readOnly}
          value={form.values.eligibilityRules}
          onChange={(rules) => {
            form.setFieldValue('eligibilityRules', rules);
            form.clearErrors();
          }}
          errors={form.errors}
        />
        {message && (
          <Alert color="red" role="alert">
            {message}
          </Alert>
        )}
        <Saved show={update.isSuccess} />
        {!readOnly && (
          <Button
            loading={update.isPending}
            style={{ alignSelf: 'flex-start' }}
            onClick={() => {
              setMessage(null);
              update.mutate(
                { eligibilityRules: form.values.eligibilityRules },
                { onError: (error) => setMessage(placeProblem(form, error, t)) },
              );
            }}
          >
            {t('cohorts.saveRules')}
          </Button>
        )}
      </Stack>
    </Card>
  );
}

/** /staff/cohorts/:id — the cohort's lifecycle and every one of its settings, each section saved on its own. */
export function CohortPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const cohort = useCohort(id);
  if (cohort.isPending) return <Loader aria-label="…" />;
  if (cohort.error || !cohort.data) {
    return (
      <Alert color="red" role="alert">
        {cohort.error instanceof ApiError && cohort.error.status === 404
          ? t('cohorts.notFound')
          : problemMessage(cohort.error, t)}
      </Alert>
    );
  }
  const c = cohort.data;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/staff/cohorts" size="sm">
        ← {t('cohorts.back')}
      </Anchor>
      <Group justify="space-between" wrap="wrap">
        <Group gap="sm">
          <Title order={1}>{c.name}</Title>
          <Badge color={STAGE_COLOR[c.status]} variant="light" data-testid="stage">
            {t(`cohorts.stages.${c.status}`)}
          </Badge>
        </Group>
        <CopyCohortButton source={c} label={t('cohorts.copyThis')} />
      </Group>
      <LifecyclePanel cohort={c} />
      <BasicsSection key={`basics-${c.id}`} cohort={c} />
      <HubsSection key={`hubs-${c.id}-${c.status}`} cohort={c} />
      <EligibilitySection key={`rules-${c.id}-${c.status}`} cohort={c} />
      <RubricSection cohortId={c.id} />
      <MilestonesSection cohortId={c.id} />
      <CheckpointsSection cohortId={c.id} />
    </Stack>
  );
}
