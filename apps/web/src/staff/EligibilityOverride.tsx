import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../components/problems';
import { formatProgramTime } from '../components/Deadline';
import { type StaffPanel, useOverrideEligibility } from './staff-notes-api';

/** Staff accept an application as eligible despite the cohort's rules, with a reason (audited). */
export function EligibilityOverride({
  applicationId,
  current,
}: {
  applicationId: string;
  current: StaffPanel['eligibilityOverride'];
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const override = useOverrideEligibility(applicationId);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <Stack gap="xs">
      {current && (
        <Alert color="yellow" variant="light" data-testid="eligibility-override">
          {t('staffNotes.override.shown', {
            reason: current.reason,
            name: current.byName,
            at: formatProgramTime(current.at, language),
          })}
        </Alert>
      )}
      {!open ? (
        <Button variant="light" size="sm" style={{ alignSelf: 'flex-start' }} onClick={() => setOpen(true)}>
          {t('staffNotes.override.open')}
        </Button>
      ) : (
        <>
          <TextInput
            label={t('staffNotes.override.reason')}
            description={t('staffNotes.override.help')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            maxLength={1000}
            required
          />
          {override.error && (
            <Alert color="red" role="alert">
              {problemMessage(override.error, t)}
            </Alert>
          )}
          <Group gap="xs">
            <Button
              size="sm"
              disabled={!reason.trim()}
              loading={override.isPending}
              onClick={() =>
                override.mutate(reason.trim(), {
                  onSuccess: () => {
                    setOpen(false);
                    setReason('');
                  },
                })
              }
            >
              {t('staffNotes.override.confirm')}
            </Button>
            <Button size="sm" variant="subtle" onClick={() => setOpen(false)}>
              {t('staffNotes.override.cancel')}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
