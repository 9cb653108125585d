import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { problemMessage } from './problems';

/** An error as an alert in the UI's words; nothing without an error. */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" role="alert" mt="sm">
      {problemMessage(error, t)}
    </Alert>
  );
}
