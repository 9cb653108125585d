import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { problemMessage } from '../components/problems';
import { adminCode } from './api';

/** An error of the console in the reader's language: the admin routes' own codes here, the rest as everywhere. */
export function AdminProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const code = error instanceof ApiError ? adminCode(error.code) : null;
  return (
    <Alert color="red" role="alert">
      {code ? t(`admin.errors.${code}`) : problemMessage(error, t)}
    </Alert>
  );
}
