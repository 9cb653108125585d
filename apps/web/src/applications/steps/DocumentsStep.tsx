import { Alert, Button, Card, FileButton, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, call } from '../../api/client';
import { fieldErrorMessage, problemMessage } from '../../components/problems';
import { type ApplicationView, applicationKey, uploadDocument } from '../api';
import { MissingInStep } from '../StepFrame';
import { type DocumentView, DocumentLink } from '../../components/DocumentLink';

type Kind = DocumentView['kind'];

/** The API's limit; checked here too so a 40 MB scan is refused before it is sent. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
const KINDS: readonly Kind[] = ['cv', 'business_registration', 'other'];

function KindCard({ app, kind }: { app: ApplicationView; kind: Kind }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const documents = app.documents.filter((d) => d.kind === kind);
  const refresh = () => queryClient.invalidateQueries({ queryKey: applicationKey(app.id) });

  const upload = async (file: File | null) => {
    if (!file) return;
    setError(null);
    if (file.size > MAX_DOCUMENT_BYTES) {
      setError(t('form.documents.tooLarge', { name: file.name }));
      return;
    }
    setProgress(0);
    try {
      await uploadDocument(app.id, kind, file, setProgress);
      await refresh();
    } catch (cause) {
      const first = cause instanceof ApiError ? cause.problem.errors?.[0] : undefined;
      const fieldError = first && fieldErrorMessage(first);
      setError(
        cause instanceof ApiError && cause.problem.code === 'invalid_document'
          ? t('form.documents.notPdf', { name: file.name })
          : (fieldError ?? problemMessage(cause, t)),
      );
    } finally {
      setProgress(null);
    }
  };

  const remove = async (documentId: string) => {
    setError(null);
    setRemoving(documentId);
    try {
      await call(
        api.DELETE('/api/v1/applications/{id}/documents/{documentId}', {
          params: { path: { id: app.id, documentId } },
        }),
      );
      await refresh();
    } catch (cause) {
      setError(problemMessage(cause, t));
    } finally {
      setRemoving(null);
    }
  };

  const replaces = kind !== 'other' && documents.length > 0;
  return (
    <Card withBorder padding="md" data-testid={`document-${kind}`}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <div>
          <Title order={3} size="h5">
            {t(`form.documents.kind.${kind}`)}
          </Title>
          <Text size="xs" c="dimmed">
            {kind === 'other' ? t('form.documents.optional') : t('form.documents.required')}
          </Text>
        </div>
        <FileButton onChange={(file) => void upload(file)} accept="application/pdf,.pdf">
          {(props) => (
            <Button {...props} variant={replaces ? 'default' : 'filled'} size="sm" loading={progress !== null}>
              {replaces ? t('form.documents.replace') : t('form.documents.upload')}
            </Button>
          )}
        </FileButton>
      </Group>
      {progress !== null && (
        <Progress value={Math.round(progress * 100)} mt="sm" aria-label={t('form.documents.uploading')} animated />
      )}
      {error && (
        <Alert color="red" mt="sm" role="alert">
          {error}
        </Alert>
      )}
      <Stack gap={4} mt="sm">
        {documents.map((document) => (
          <Group key={document.id} justify="space-between" wrap="nowrap" gap="xs">
            <DocumentLink applicationId={app.id} document={document} />
            <Button
              variant="subtle"
              color="red"
              size="compact-xs"
              loading={removing === document.id}
              onClick={() => void remove(document.id)}
            >
              {t('form.documents.remove')}
            </Button>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

export function DocumentsStep({ app }: { app: ApplicationView }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Text size="sm">{t('form.documents.intro')}</Text>
      <MissingInStep app={app} step="documents" />
      {KINDS.map((kind) => (
        <KindCard key={kind} app={app} kind={kind} />
      ))}
    </Stack>
  );
}
