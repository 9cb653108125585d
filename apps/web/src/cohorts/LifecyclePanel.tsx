import { Alert, Badge, Button, Card, Checkbox, Group, List, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../components/problems';
import {
  type Cohort,
  type CohortStatus,
  STAGES,
  type TransitionOption,
  useTransition,
  useTransitionOptions,
} from './api';
import { STAGE_COLOR } from './CohortsListPage';

type Target = Exclude<CohortStatus, 'draft'>;

/** A blocker's words, its instants shown in Vietnam time. */
function useBlockerText() {
  const { t, i18n } = useTranslation();
  const when = (iso: unknown) =>
    typeof iso === 'string'
      ? new Intl.DateTimeFormat(i18n.language, {
          dateStyle: 'medium',
          timeStyle: 'short',
          timeZone: 'Asia/Ho_Chi_Minh',
        }).format(new Date(iso))
      : '';
  return (b: TransitionOption['blockers'][number]) =>
    t(`cohorts.blockers.${b.code as 'no_hubs'}`, {
      ...b.params,
      closesAt: when(b.params.closesAt),
      defaultValue: b.code,
    });
}

function ConfirmTransition({
  cohort,
  option,
  onClose,
}: {
  cohort: Cohort;
  option: TransitionOption;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const blockerText = useBlockerText();
  const move = useTransition(cohort.id);
  const [override, setOverride] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const to = option.to as Target;
  const blocked = option.blockers.length > 0;
  const submit = () => {
    if (blocked && override && !reason.trim()) return setReasonError(t('cohorts.reasonRequired'));
    move.mutate(
      { status: to, ...(reason.trim() ? { reason: reason.trim() } : {}), ...(blocked && override ? { override } : {}) },
      { onSuccess: onClose },
    );
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('cohorts.confirmTitle', { action: t(`cohorts.moveTo.${to}`), name: cohort.name })}
    >
      <Stack gap="sm">
        <Text fw={600}>{t('cohorts.whatHappens')}</Text>
        <Text size="sm" data-testid="transition-effects">
          {t(`cohorts.effects.${to}`)}
        </Text>
        {blocked && (
          <Alert color="orange" title={t('cohorts.unmet')}>
            <List size="sm">
              {option.blockers.map((b) => (
                <List.Item key={b.code}>{blockerText(b)}</List.Item>
              ))}
            </List>
            <Checkbox
              mt="xs"
              label={t('cohorts.override')}
              checked={override}
              onChange={(e) => setOverride(e.currentTarget.checked)}
            />
          </Alert>
        )}
        <Textarea
          label={t('cohorts.reason')}
          value={reason}
          error={reasonError}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setReasonError(null);
          }}
        />
        {move.error && (
          <Alert color="red" role="alert">
            {problemMessage(move.error, t)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cohorts.cancel')}
          </Button>
          <Button onClick={submit} loading={move.isPending} disabled={blocked && !override}>
            {t('cohorts.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The cohort's stage on the lifecycle, and a button per next stage with its preconditions. */
export function LifecyclePanel({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation();
  const options = useTransitionOptions(cohort.id);
  const blockerText = useBlockerText();
  const [chosen, setChosen] = useState<TransitionOption | null>(null);
  return (
    <Card withBorder padding="md" data-testid="lifecycle">
      <Title order={2} size="h4" mb="xs">
        {t('cohorts.lifecycle')}
      </Title>
      <Group gap={6} mb="sm" wrap="wrap" aria-label={t('cohorts.stage')}>
        {STAGES.map((stage) => (
          <Badge
            key={stage}
            color={STAGE_COLOR[stage]}
            variant={stage === cohort.status ? 'filled' : 'outline'}
            aria-current={stage === cohort.status ? 'step' : undefined}
          >
            {t(`cohorts.stages.${stage}`)}
          </Badge>
        ))}
      </Group>
      {options.data?.length === 0 && <Text size="sm">{t('cohorts.finalStage')}</Text>}
      <Stack gap="sm">
        {options.data?.map((option) => (
          <Group key={option.to} align="flex-start" gap="sm" wrap="nowrap">
            <Button
              variant={option.blockers.length ? 'default' : 'filled'}
              color={option.to === 'closed' ? 'red' : undefined}
              onClick={() => setChosen(option)}
            >
              {t(`cohorts.moveTo.${option.to as Target}`)}
            </Button>
            <Stack gap={2}>
              {option.blockers.length === 0 ? (
                <Text size="sm" c="green">
                  {t('cohorts.ready')}
                </Text>
              ) : (
                option.blockers.map((b) => (
                  <Text key={b.code} size="sm" c="orange">
                    {blockerText(b)}
                  </Text>
                ))
              )}
            </Stack>
          </Group>
        ))}
      </Stack>
      {chosen && <ConfirmTransition cohort={cohort} option={chosen} onClose={() => setChosen(null)} />}
    </Card>
  );
}
