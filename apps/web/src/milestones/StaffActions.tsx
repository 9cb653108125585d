import { Alert, Button, Checkbox, Group, List, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../components/problems';
import { formatDay } from '../components/format';
import { type Milestone, previewExtension, useExtendMilestone, useWaiveMilestone } from './api';

/** The fellow's timeline and end date, so an extension shows where it moves everything before it is saved. */
export interface ExtensionContext {
  milestones: Milestone[];
  endDate: string;
}

/** The new due dates an extension gives, and the end date it would need (then confirmed on purpose). */
function ExtensionPreview({
  preview,
  confirmed,
  onConfirm,
  endDate,
}: {
  preview: ReturnType<typeof previewExtension>;
  confirmed: boolean;
  onConfirm: (value: boolean) => void;
  endDate: string;
}) {
  const { t, i18n } = useTranslation();
  const day = (d: string) => formatDay(d, i18n.language);
  const title = (m: Milestone) => (i18n.language === 'vi' ? m.title.vi : m.title.en);
  return (
    <Stack gap={4} data-testid="extension-preview">
      <Text size="sm" fw={500}>
        {t('milestones.staff.newDates')}
      </Text>
      <List size="sm">
        {preview.moved.map(({ milestone, from, to }) => (
          <List.Item key={milestone.id}>
            {t('milestones.staff.moves', { title: title(milestone), from: day(from), to: day(to) })}
          </List.Item>
        ))}
      </List>
      {preview.newEndDate && (
        <Alert color="orange" variant="light" data-testid="extension-end-date">
          <Stack gap="xs">
            <Text size="sm">
              {t('milestones.staff.pastEnd', { endDate: day(endDate), newEndDate: day(preview.newEndDate) })}
            </Text>
            <Checkbox
              checked={confirmed}
              onChange={(e) => onConfirm(e.currentTarget.checked)}
              label={t('milestones.staff.moveEndDate', { newEndDate: day(preview.newEndDate) })}
            />
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}

/** Staff grant days on a milestone (later ones move too) or waive it, each with a reason (audited). */
export function StaffActions({ milestone, timeline }: { milestone: Milestone; timeline?: ExtensionContext }) {
  const { t } = useTranslation();
  const [moveEndDate, setMoveEndDate] = useState(false);
  const [open, setOpen] = useState<'extend' | 'waive' | null>(null);
  const [days, setDays] = useState<number | string>(14);
  const [reason, setReason] = useState('');
  const extend = useExtendMilestone();
  const waive = useWaiveMilestone();
  const error = extend.error ?? waive.error;
  const close = () => {
    setOpen(null);
    setReason('');
    setMoveEndDate(false);
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
  const preview =
    open === 'extend' && timeline && Number(days) >= 1
      ? previewExtension(timeline.milestones, milestone, Number(days), timeline.endDate)
      : null;
  const needsConfirmation = !!preview?.newEndDate && !moveEndDate;
  return (
    <Stack gap="xs" data-testid="staff-actions">
      {open === 'extend' && (
        <NumberInput label={t('milestones.staff.days')} min={1} max={180} value={days} onChange={setDays} w={160} />
      )}
      {preview && timeline && (
        <ExtensionPreview
          preview={preview}
          confirmed={moveEndDate}
          onConfirm={setMoveEndDate}
          endDate={timeline.endDate}
        />
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
          disabled={!reason.trim() || (open === 'extend' && (!(Number(days) >= 1) || needsConfirmation))}
          onClick={() =>
            open === 'extend'
              ? extend.mutate(
                  {
                    id: milestone.id,
                    days: Number(days),
                    reason: reason.trim(),
                    moveEndDate: !!preview?.newEndDate && moveEndDate,
                  },
                  { onSuccess: close },
                )
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
