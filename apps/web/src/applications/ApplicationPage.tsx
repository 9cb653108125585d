import { Alert, Center, Loader } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../api/client';
import { problemMessage } from '../components/problems';
import { useApplication, useFormOptions, useOpenCohorts } from './api';
import { ApplicationForm } from './ApplicationForm';
import { StatusView } from './StatusView';

/** /applications/:id — the form while it is a draft in an open window, the status page after. */
export function ApplicationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const application = useApplication(id);
  const options = useFormOptions();
  const cohorts = useOpenCohorts();
  // The window is judged once, when the page opens (not anew on every render).
  const [openedAt] = useState(Date.now);
  const error = application.error ?? options.error ?? cohorts.error;
  if (error) {
    return (
      <Alert color="red" role="alert">
        {error instanceof ApiError && error.status === 404 ? t('apply.notFound') : problemMessage(error, t)}
      </Alert>
    );
  }
  if (!application.data || !options.data || !cohorts.data) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  const app = application.data;
  const cohort = cohorts.data.find((c) => c.id === app.cohortId);
  const windowOpen = cohort !== undefined && Date.parse(cohort.applicationClosesAt) > openedAt;
  if (app.status === 'draft' && windowOpen) {
    return <ApplicationForm app={app} cohort={cohort} options={options.data} />;
  }
  return <StatusView app={app} cohort={cohort} />;
}
