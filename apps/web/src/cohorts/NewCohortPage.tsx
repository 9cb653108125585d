import { Alert, Anchor, Button, Card, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { type EligibilityRule, type Hub, useCreateCohort } from './api';
import { BasicsFields } from './BasicsFields';
import { EligibilityFields } from './EligibilityFields';
import { basicsBody, basicsOf, type BasicsValues, DEFAULT_RULES, hubBody, placeProblem } from './form';
import { HubsFields } from './HubsFields';

type Values = BasicsValues & { hubs: Hub[]; eligibilityRules: EligibilityRule[] };

/** /staff/cohorts/new — a cohort from nothing: its settings, hubs and eligibility rules; then its page. */
export function NewCohortPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateCohort();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm<Values>({ initialValues: { ...basicsOf(), hubs: [], eligibilityRules: DEFAULT_RULES } });
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/staff/cohorts" size="sm">
        ← {t('cohorts.back')}
      </Anchor>
      <Title order={1}>{t('cohorts.newTitle')}</Title>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setMessage(null);
          const { hubs, eligibilityRules, ...basics } = values;
          create.mutate(
            { ...basicsBody(basics), eligibilityRules, ...(hubs.length ? { hubs: hubs.map(hubBody) } : {}) },
            {
              onSuccess: (cohort) => void navigate(`/staff/cohorts/${cohort.id}`),
              onError: (error) => setMessage(placeProblem(form, error, t)),
            },
          );
        })}
      >
        <Stack gap="md">
          <Card withBorder padding="md">
            <Title order={2} size="h4" mb="xs">
              {t('cohorts.basics')}
            </Title>
            <BasicsFields form={form} />
          </Card>
          <Card withBorder padding="md">
            <Title order={2} size="h4">
              {t('cohorts.hubs')}
            </Title>
            <Text size="sm" c="dimmed" mb="xs">
              {t('cohorts.hubsHelp')}
            </Text>
            <HubsFields form={form} />
          </Card>
          <Card withBorder padding="md">
            <Title order={2} size="h4">
              {t('cohorts.eligibility')}
            </Title>
            <Text size="sm" c="dimmed" mb="xs">
              {t('cohorts.eligibilityHelp')}
            </Text>
            <EligibilityFields
              value={form.values.eligibilityRules}
              onChange={(rules) => form.setFieldValue('eligibilityRules', rules)}
              errors={form.errors}
            />
          </Card>
          {message && (
            <Alert color="red" role="alert">
              {message}
            </Alert>
          )}
          <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('cohorts.create')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
