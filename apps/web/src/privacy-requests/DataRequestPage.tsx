import { Alert, Anchor, Button, Card, Group, NumberInput, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { problemMessage } from '../components/problems';
import { DeadlineBadge } from './DeadlineBadge';
import { type StaffAction, exportUrl, useDataRequest, useDataRequestAction } from './api';

/** /staff/data-requests/:id — one request with its person; acknowledge, start, extend once, complete or refuse (each audited, the person emailed). */
export function DataRequestPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const request = useDataRequest(id);
  const act = useDataRequestAction(id);
  const [days, setDays] = useState<number | string>(15);
  const [reason, setReason] = useState('');
  const [answer, setAnswer] = useState('');
  const [done, setDone] = useState(false);

  const run = (action: StaffAction) => {
    setDone(false);
    act.mutate(action, { onSuccess: () => setDone(true) });
  };
  const r = request.data;
  const can = (a: string) => r?.actions.includes(a as never) ?? false;

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('dataRequests.detail.title')}
      </Title>
      {request.error && (
        <Alert color="red" role="alert">
          {problemMessage(request.error, t)}
        </Alert>
      )}
      {r && (
        <>
          <Card withBorder padding="md">
            <Stack gap="xs">
              <Text>
                <b>{t('dataRequests.detail.person')}:</b> {r.person.fullName} ({r.person.email})
              </Text>
              <Text>
                <b>{t('dataRequests.columns.kind')}:</b> {t(`dataRequests.kind.${r.kind}`)} ·{' '}
                {t(`dataRequests.state.${r.state}`)}
              </Text>
              <Text>
                <b>{t('dataRequests.detail.channel')}:</b> {t(`dataRequests.channel.${r.channel}`)} · {r.receivedOn}
              </Text>
              <Text>
                <b>{t('dataRequests.detail.details')}:</b> {r.details}
              </Text>
              <DeadlineBadge request={r} />
              {r.extensionDays !== null && (
                <Text size="sm">
                  {t('dataRequests.detail.extension', { days: r.extensionDays, reason: r.extensionReason ?? '' })}
                </Text>
              )}
              {r.answer && (
                <Text>
                  <b>{t('dataRequests.columns.answer')}:</b> {r.answer}
                </Text>
              )}
              {r.exportReady && (
                <Anchor href={exportUrl(r.id)} download>
                  {t('dataRequests.detail.download')}
                </Anchor>
              )}
            </Stack>
          </Card>
          {act.error && (
            <Alert color="red" role="alert">
              {problemMessage(act.error, t)}
            </Alert>
          )}
          {done && (
            <Alert color="green" role="status">
              {t('dataRequests.detail.done')}
            </Alert>
          )}
          <Group>
            {can('acknowledge') && (
              <Button onClick={() => run({ action: 'acknowledge' })} loading={act.isPending}>
                {t('dataRequests.detail.acknowledge')}
              </Button>
            )}
            {can('start') && (
              <Button variant="light" onClick={() => run({ action: 'start' })} loading={act.isPending}>
                {t('dataRequests.detail.start')}
              </Button>
            )}
          </Group>
          {(can('extend') || can('refuse')) && (
            <Card withBorder padding="md">
              <Stack gap="sm">
                <Textarea
                  label={t('dataRequests.detail.reason')}
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value)}
                />
                {can('extend') && (
                  <Group align="end">
                    <NumberInput
                      label={t('dataRequests.detail.extendDays')}
                      min={1}
                      max={15}
                      value={days}
                      onChange={setDays}
                    />
                    <Button variant="light" onClick={() => run({ action: 'extend', days: Number(days), reason })}>
                      {t('dataRequests.detail.extend')}
                    </Button>
                  </Group>
                )}
                {can('refuse') && (
                  <Button color="red" variant="light" w="fit-content" onClick={() => run({ action: 'refuse', reason })}>
                    {t('dataRequests.detail.refuse')}
                  </Button>
                )}
              </Stack>
            </Card>
          )}
          {can('complete') && (
            <Card withBorder padding="md">
              <Stack gap="sm">
                <Textarea
                  label={t('dataRequests.detail.answer')}
                  value={answer}
                  onChange={(e) => setAnswer(e.currentTarget.value)}
                />
                <Button w="fit-content" onClick={() => run({ action: 'complete', answer })}>
                  {t('dataRequests.detail.complete')}
                </Button>
              </Stack>
            </Card>
          )}
        </>
      )}
    </Stack>
  );
}
