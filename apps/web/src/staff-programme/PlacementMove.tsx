import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVocabulary } from '../vocabulary/vocabulary';
import { type PlacementFellow, type PlacementHub, useMoveFellow } from './api';
import { ProblemAlert } from '../components/ProblemAlert';

/** After confirmation: one fellow to another hub, with the reason they are emailed. */
export function MoveModal({
  cohortId,
  fellow,
  hubs,
  onClose,
}: {
  cohortId: string;
  fellow: PlacementFellow | null;
  hubs: PlacementHub[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const [hubId, setHubId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const move = useMoveFellow(cohortId);
  const close = () => {
    setHubId(null);
    setReason('');
    setTried(false);
    move.reset();
    onClose();
  };
  const submit = () => {
    setTried(true);
    if (!fellow || !hubId || !reason.trim()) return;
    move.mutate({ fellowId: fellow.id, hubId, reason: reason.trim() }, { onSuccess: close });
  };
  return (
    <Modal
      opened={!!fellow}
      onClose={close}
      title={t('staffPlacement.moveTitle', { name: fellow?.fullName ?? '' })}
      centered
    >
      <Stack gap="sm">
        <Select
          label={t('staffPlacement.newHub')}
          data={hubs
            .filter((h) => h.code !== fellow?.hub)
            .map((h) => ({ value: h.id, label: `${h.code} — ${vocabulary.hubName(h)} (${h.placed}/${h.capacity})` }))}
          value={hubId}
          onChange={setHubId}
          error={tried && !hubId ? t('staffProgramme.required') : undefined}
        />
        <Textarea
          label={t('staffPlacement.moveReason')}
          description={t('staffPlacement.moveReasonHelp')}
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={tried && !reason.trim() ? t('staffProgramme.required') : undefined}
        />
        <ProblemAlert error={move.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('staffProgramme.cancel')}
          </Button>
          <Button loading={move.isPending} onClick={submit}>
            {t('staffPlacement.move')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
