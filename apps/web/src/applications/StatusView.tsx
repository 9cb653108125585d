import { Alert, Button, Card, Group, Modal, Stack, Text, Textarea, Timeline, Title } from '@mantine/core';
import { ApplicationSummary } from './ApplicationSummary';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../components/problems';
import { type ApplicationView, type CohortView, FINAL_STATUSES, useHistory, useWithdraw } from './api';
import { formatProgramTime } from '../components/Deadline';
import { OfferCard } from './OfferCard';
import { StatusBadge } from '../components/StatusBadge';
import { DocumentLink } from '../components/DocumentLink';

function WithdrawButton({ app }: { app: ApplicationView }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const withdraw = useWithdraw(app.id);
  return (
    <>
      <Button variant="outline" color="red" onClick={() => setOpen(true)}>
        {t('statusPage.withdraw')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('statusPage.withdrawTitle')} centered>
        <Stack gap="sm">
          <Text size="sm">{t('statusPage.withdrawWarning')}</Text>
          <Textarea
            label={t('statusPage.withdrawReason')}
            value={reason}
            maxLength={500}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
          {withdraw.error && (
            <Alert color="red" role="alert">
              {problemMessage(withdraw.error, t)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('statusPage.keep')}
            </Button>
            <Button
              color="red"
              loading={withdraw.isPending}
              onClick={() => withdraw.mutate(reason, { onSuccess: () => setOpen(false) })}
            >
              {t('statusPage.withdrawConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** A submitted (or later) application: its status, what happens next, the history and the documents. */
export function StatusView({ app, cohort }: { app: ApplicationView; cohort: CohortView | undefined }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const history = useHistory(app.id);
  const canWithdraw = !FINAL_STATUSES.includes(app.status);
  return (
    <Stack gap="md" maw={760}>
      <div>
        <Title order={1} size="h2">
          {t('statusPage.title', { cohort: app.cohortName })}
        </Title>
        <Group gap="xs" mt="xs">
          <StatusBadge status={app.status} size="lg" />
          {app.submittedAt && (
            <Text size="sm" c="dimmed">
              {t('statusPage.submittedAt', { when: formatProgramTime(app.submittedAt, language) })}
            </Text>
          )}
        </Group>
      </div>
      <Alert variant="light" color="indigo">
        {t(`statusPage.next.${app.status}`)}
      </Alert>
      <OfferCard applicationId={app.id} />
      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb="md">
          {t('statusPage.history')}
        </Title>
        {history.data && (
          <Timeline active={history.data.length} bulletSize={14} lineWidth={2} data-testid="history">
            <Timeline.Item title={t('status.draft')}>
              <Text size="xs" c="dimmed">
                {t('statusPage.started')}
              </Text>
            </Timeline.Item>
            {history.data.map((change) => (
              <Timeline.Item key={`${change.at}-${change.to}`} title={t(`status.${change.to}`)}>
                <Text size="sm">{t(`historySentence.${change.to}`)}</Text>
                <Text size="xs" c="dimmed">
                  {formatProgramTime(change.at, language)}
                </Text>
                {change.reason && <Text size="sm">{change.reason}</Text>}
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </Card>
      {app.documents.length > 0 && (
        <Card withBorder padding="lg">
          <Title order={2} size="h4" mb="xs">
            {t('form.steps.documents')}
          </Title>
          {app.documents.map((document) => (
            <Group key={document.id} gap="xs">
              <Text size="sm" c="dimmed" w={170}>
                {t(`form.documents.kind.${document.kind}`)}
              </Text>
              <DocumentLink applicationId={app.id} document={document} />
            </Group>
          ))}
        </Card>
      )}
      {app.status !== 'draft' && <ApplicationSummary app={app} cohort={cohort} />}
      <Group>
        {app.status !== 'draft' && (
          <Button component="a" variant="light" href={`/api/v1/applications/${app.id}/pdf`} download>
            {t('pdf.download')}
          </Button>
        )}
        {canWithdraw && <WithdrawButton app={app} />}
      </Group>
    </Stack>
  );
}
