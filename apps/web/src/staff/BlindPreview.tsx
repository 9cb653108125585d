import { Alert, Button, Card, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BlindApplicationView } from '../components/BlindApplicationView';
import { useBlindPreview } from '../committee/api';
import { problemMessage } from '../components/problems';

function Preview({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation();
  const preview = useBlindPreview(applicationId);
  if (preview.error) {
    return (
      <Alert color="red" role="alert">
        {problemMessage(preview.error, t)}
      </Alert>
    );
  }
  if (!preview.data) {
    return (
      <Center py="md">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  return <BlindApplicationView view={preview.data} />;
}

/** Staff: the application as its reviewers read it — blind, with names and contacts redacted. */
export function BlindPreview({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Card withBorder padding="md" data-testid="blind-preview">
      <Title order={2} size="h4" mb={4}>
        {t('review.preview.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('review.preview.help')}
      </Text>
      <Stack gap="sm">
        <div>
          <Button size="xs" variant="light" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
            {open ? t('review.preview.hide') : t('review.preview.show')}
          </Button>
        </div>
        {open && <Preview applicationId={applicationId} />}
      </Stack>
    </Card>
  );
}
