import { Alert, Button, Group, NumberInput, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../components/problems';
import { type Milestone, useExtendMilestone, useWaiveMilestone } from './api';

/** Staff grant days on a milestone (later ones move too) or waive it, each with a reason (audited). */
export function StaffActions({ milestone }: { milestone: Milestone }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'extend' | 'waive' | null>(null);
  const [days, setDays] = useState<number | string>(14);
  const [reason, setReason] = useState('');
  const extend = useExtendMilestone();
  const waive = useWaiveMilestone();
  const error = extend.error ?? waive.error;
  const close = () => {
    setOpen(null);
    setReason('');
  };
  if (!open)
    return (
      <Group gap="xs" data-testid="staff-actions">
        <Button size="xs" variant="light" onClick={() => setOpen('extend')}>
          {t('milestones.staff.extend')}
        </Button>
        <Button size="xs" variant="light" color="grape" onClick={() => setOpen('waive')}>
          {t('milestones.staff.waive')}
        </Button>
      </Group>
    );
  const pending = extend.isPending || waive.isPending;
  return (
    <Stack gap="xs" data-testid="staff-actions">
      {open === 'extend' && (
        <NumberInput label={t('milestones.staff.days')} min={1} max={180} value={days} onChange={setDays} w={160} />
      )}
      <TextInput
        label={t('milestones.staff.reason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        maxLength={500}
        required
      />
      {error && (
        <Alert color="red" role="alert">
          {problemMessage(error, t)}
        </Alert>
      )}
      <Group gap="xs">
        <Button
          size="xs"
          loading={pending}
          disabled={!reason.trim() || (open === 'extend' && !(Number(days) >= 1))}
          onClick={() =>
            open === 'extend'
              ? extend.mutate({ id: milestone.id, days: Number(days), reason: reason.trim() }, { onSuccess: close })
              : waive.mutate({ id: milestone.id, reason: reason.trim() }, { onSuccess: close })
          }
        >
          {open === 'extend' ? t('milestones.staff.confirmExtend') : t('milestones.staff.confirmWaive')}
        </Button>
        <Button size="xs" variant="subtle" onClick={close}>
          {t('milestones.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
