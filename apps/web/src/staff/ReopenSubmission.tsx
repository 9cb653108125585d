import { Alert, Button, Card, Group, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../components/problems';
import { type ApplicationView, useReopenSubmission } from '../applications/api';
import { formatProgramTime } from '../components/Deadline';

/**
 * Staff let one draft be edited and submitted again for some days, after its cohort stopped taking
 * submissions (the deadline passed or review began): a deliberate act, with a reason, audited.
 */
export function ReopenSubmission({ app }: { app: ApplicationView }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const reopen = useReopenSubmission(app.id);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [days, setDays] = useState<number | string>(7);
  if (app.status !== 'draft') return null;
  const until = app.submissionReopenedUntil;
  const current = until && new Date(until) > new Date();
  return (
    <Card withBorder padding="md" data-testid="reopen-submission">
      <Title order={2} size="h4" mb="xs">
        {t('staffApps.reopen.title')}
      </Title>
      <Stack gap="xs">
        <Text size="sm">{t('staffApps.reopen.help')}</Text>
        {current && (
          <Alert color="teal" variant="light" data-testid="reopened-until">
            {t('staffApps.reopen.until', { until: formatProgramTime(until, language) })}
          </Alert>
        )}
        {!open ? (
          <Button variant="light" size="sm" style={{ alignSelf: 'flex-start' }} onClick={() => setOpen(true)}>
            {t('staffApps.reopen.open')}
          </Button>
        ) : (
          <>
            <TextInput
              label={t('staffApps.reopen.reason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              maxLength={1000}
              required
            />
            <NumberInput label={t('staffApps.reopen.days')} min={1} max={30} value={days} onChange={setDays} w={160} />
            {reopen.error && (
              <Alert color="red" role="alert">
                {problemMessage(reopen.error, t)}
              </Alert>
            )}
            <Group gap="xs">
              <Button
                size="sm"
                loading={reopen.isPending}
                disabled={!reason.trim() || !(Number(days) >= 1 && Number(days) <= 30)}
                onClick={() =>
                  reopen.mutate(
                    { reason: reason.trim(), days: Number(days) },
                    {
                      onSuccess: () => {
                        setOpen(false);
                        setReason('');
                      },
                    },
                  )
                }
              >
                {t('staffApps.reopen.confirm')}
              </Button>
              <Button size="sm" variant="subtle" onClick={() => setOpen(false)}>
                {t('staffApps.reopen.cancel')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
}
