import { Alert, List, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationView } from './api';

/** The form step each missing path belongs to (`personal.phone` → personal, `referees.1` → referees). */
export function stepOfMissing(path: string): string {
  return path.split('.')[0] ?? path;
}

/** The words for a missing path, in the UI's language; the path itself if we have none. */
export function useMissingLabel() {
  const { t, i18n } = useTranslation();
  return (path: string): string => {
    const key = `form.missing.${path.replace(/\./g, '_')}`;
    return i18n.exists(key) ? t(key as never) : path;
  };
}

/** What this step still needs before submitting. */
export function MissingInStep({ app, step }: { app: ApplicationView; step: string }) {
  const { t } = useTranslation();
  const label = useMissingLabel();
  const missing = app.missing.filter((path) => stepOfMissing(path) === step);
  if (missing.length === 0) {
    return (
      <Text size="sm" c="teal" data-testid="step-complete">
        {t('form.stepComplete')}
      </Text>
    );
  }
  return (
    <Alert color="yellow" variant="light" title={t('form.stillMissing')} data-testid="step-missing">
      <List size="sm">
        {missing.map((path) => (
          <List.Item key={path}>{label(path)}</List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** A step's body: what is missing, the save state, then the inputs. */
export function StepFrame(props: {
  app: ApplicationView;
  step: string;
  error: string | null;
  savedAt: Date | null;
  intro?: ReactNode;
  children: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="md">
      {props.intro}
      <MissingInStep app={props.app} step={props.step} />
      {props.error && (
        <Alert color="red" role="alert">
          {props.error}
        </Alert>
      )}
      {props.savedAt && !props.error && (
        <Text size="xs" c="dimmed" role="status">
          {t('form.savedAt', {
            time: props.savedAt.toLocaleTimeString(i18n.resolvedLanguage === 'vi' ? 'vi-VN' : 'en-GB', {
              hour: '2-digit',
              minute: '2-digit',
            }),
          })}
        </Text>
      )}
      {props.children}
    </Stack>
  );
}
