import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../components/problems';
import { useRequestRematch } from './api';

/** Either side of a pair asks staff for another match, with a reason; the pair goes on meanwhile. */
export function RematchButton({ pairingId }: { pairingId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const request = useRequestRematch(pairingId);
  return (
    <>
      {request.isSuccess ? (
        <Alert color="green" role="status">
          {t('mentorship.rematch.sent')}
        </Alert>
      ) : (
        <Group>
          <Button variant="subtle" color="orange" size="xs" onClick={() => setOpen(true)}>
            {t('mentorship.rematch.open')}
          </Button>
        </Group>
      )}
      <Modal opened={open} onClose={() => setOpen(false)} title={t('mentorship.rematch.title')} centered>
        <Stack gap="sm">
          <Text size="sm">{t('mentorship.rematch.help')}</Text>
          <Textarea
            label={t('mentorship.rematch.reason')}
            value={reason}
            required
            maxLength={1000}
            autosize
            minRows={3}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
          {request.error && (
            <Alert color="red" role="alert">
              {problemMessage(request.error, t)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('mentorship.rematch.cancel')}
            </Button>
            <Button
              color="orange"
              disabled={!reason.trim()}
              loading={request.isPending}
              onClick={() => request.mutate(reason.trim(), { onSuccess: () => setOpen(false) })}
            >
              {t('mentorship.rematch.submit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
