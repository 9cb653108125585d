import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type PairView,
  type PlanSession,
  type PlannedSessionView,
  type SessionMode,
  type SessionTopic,
  useCancelPlannedSession,
  usePlanSession,
  usePlannedSessions,
  useUpdatePlannedSession,
} from './api';
import { formatLocalTime, placeFieldErrors } from '../components/format';
import { SessionForm } from './SessionForm';
import { useVocabulary } from '../vocabulary/vocabulary';

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** The datetime-local value of an instant in Vietnam time (UTC+7 all year). */
const toVietnamInput = (iso: string) => new Date(Date.parse(iso) + VIETNAM_OFFSET_MS).toISOString().slice(0, 16);

/** An instant as people in Hà Nội read it: "14:00, 02/10/2027". */
export function formatVietnamTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

interface Values {
  startsAt: string;
  durationMinutes: number | string;
  mode: SessionMode;
  topics: string[];
  agenda: string;
}

const FIELDS = ['startsAt', 'durationMinutes', 'mode', 'topics', 'agenda'] as const;

/** Schedule a session, or move one: the time is entered in Vietnam time and sent with its offset. */
function PlanForm({ pairingId, plan, onDone }: { pairingId: string; plan?: PlannedSessionView; onDone: () => void }) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const create = usePlanSession(pairingId);
  const update = useUpdatePlannedSession(pairingId);
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: {
      startsAt: plan ? toVietnamInput(plan.startsAt) : '',
      durationMinutes: plan?.durationMinutes ?? 60,
      mode: plan?.mode ?? 'online',
      topics: plan?.topics ?? [],
      agenda: plan?.agenda ?? '',
    },
    validate: { startsAt: (v) => (v ? null : t('mentorship.log.required')) },
  });
  const submit = form.onSubmit((values) => {
    setProblem(null);
    const body: PlanSession = {
      startsAt: `${values.startsAt}:00+07:00`,
      durationMinutes: Number(values.durationMinutes),
      mode: values.mode,
      topics: values.topics as SessionTopic[],
      agenda: values.agenda,
    };
    const handlers = { onSuccess: onDone, onError: (e: unknown) => setProblem(placeFieldErrors(form, FIELDS, e, t)) };
    if (plan) update.mutate({ id: plan.id, body }, handlers);
    else create.mutate(body, handlers);
  });
  return (
    <form onSubmit={submit} noValidate data-testid="plan-form">
      <Stack gap="sm">
        <Group grow align="flex-start" wrap="wrap" gap="sm">
          <TextInput
            type="datetime-local"
            label={t('mentorship.upcoming.startsAt')}
            description={t('mentorship.upcoming.startsAtHelp')}
            required
            miw={200}
            {...form.getInputProps('startsAt')}
          />
          <NumberInput
            label={t('mentorship.log.duration')}
            min={15}
            max={480}
            step={15}
            required
            miw={140}
            {...form.getInputProps('durationMinutes')}
          />
        </Group>
        <div>
          <Text size="sm" fw={500} mb={4} id="plan-mode-label">
            {t('mentorship.log.mode')}
          </Text>
          <SegmentedControl
            aria-labelledby="plan-mode-label"
            data={vocabulary.options('sessionMode')}
            {...form.getInputProps('mode')}
          />
        </div>
        <MultiSelect
          label={t('mentorship.upcoming.topics')}
          data={vocabulary.options('sessionTopic')}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('topics')}
        />
        <Textarea
          label={t('mentorship.upcoming.agenda')}
          autosize
          minRows={2}
          maxLength={2000}
          {...form.getInputProps('agenda')}
        />
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('mentorship.log.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {plan ? t('mentorship.upcoming.saveMove') : t('mentorship.upcoming.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const STATUS_COLOR = { planned: 'blue', cancelled: 'gray', logged: 'green' } as const;

function PlanCard({ plan, pairingId, side }: { plan: PlannedSessionView; pairingId: string; side: string }) {
  const { t, i18n } = useTranslation();
  const vocabulary = useVocabulary();
  const language = i18n.resolvedLanguage ?? 'vi';
  const cancel = useCancelPlannedSession(pairingId);
  const [editing, setEditing] = useState<'move' | 'log' | null>(null);
  const [shownAt] = useState(Date.now);
  const open = plan.status === 'planned';
  const tookPlace = Date.parse(plan.startsAt) <= shownAt;
  return (
    <Card withBorder padding="sm" data-testid="planned-session" data-status={plan.status}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <div>
          <Text fw={600} data-testid="planned-session-time">
            {t('mentorship.upcoming.when', { time: formatVietnamTime(plan.startsAt, language) })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('mentorship.upcoming.yourClock', { time: formatLocalTime(plan.startsAt, language) })} ·{' '}
            {t('mentorship.upcoming.minutes', { count: plan.durationMinutes })} ·{' '}
            {vocabulary.label('sessionMode', plan.mode)}
          </Text>
        </div>
        <Badge color={STATUS_COLOR[plan.status]} variant="light" tt="none">
          {t(`mentorship.upcoming.status.${plan.status}`)}
        </Badge>
      </Group>
      {plan.agenda && (
        <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
          {plan.agenda}
        </Text>
      )}
      {open && !editing && (
        <Group gap="xs" mt="xs">
          {side === 'mentor' && tookPlace && (
            <Button size="xs" onClick={() => setEditing('log')}>
              {t('mentorship.upcoming.log')}
            </Button>
          )}
          <Button size="xs" variant="light" onClick={() => setEditing('move')}>
            {t('mentorship.upcoming.move')}
          </Button>
          <Button
            size="xs"
            variant="subtle"
            color="red"
            loading={cancel.isPending}
            onClick={() => cancel.mutate(plan.id)}
          >
            {t('mentorship.upcoming.cancel')}
          </Button>
        </Group>
      )}
      {editing === 'move' && (
        <Card withBorder padding="sm" mt="xs">
          <PlanForm pairingId={pairingId} plan={plan} onDone={() => setEditing(null)} />
        </Card>
      )}
      {editing === 'log' && (
        <Card withBorder padding="sm" mt="xs">
          <SessionForm pairingId={pairingId} plan={plan} onDone={() => setEditing(null)} />
        </Card>
      )}
    </Card>
  );
}

/** Upcoming sessions of a pair, as its mentor or its fellow sees them: either schedules, moves or cancels one. */
export function UpcomingSessions({ pair }: { pair: PairView }) {
  const { t } = useTranslation();
  const plans = usePlannedSessions(pair.id);
  const [planning, setPlanning] = useState(false);
  const active = pair.status === 'active';
  return (
    <Stack gap="xs" data-testid="upcoming-sessions">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={3} size="h5">
          {t('mentorship.upcoming.title')}
        </Title>
        {active && !planning && (
          <Button size="xs" variant="light" onClick={() => setPlanning(true)}>
            + {t('mentorship.upcoming.open')}
          </Button>
        )}
      </Group>
      {planning && (
        <Card withBorder padding="sm" bg="var(--mantine-color-gray-0)">
          <PlanForm pairingId={pair.id} onDone={() => setPlanning(false)} />
        </Card>
      )}
      {plans.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('mentorship.upcoming.none')}
        </Text>
      )}
      {plans.data?.map((plan) => (
        <PlanCard key={plan.id} plan={plan} pairingId={pair.id} side={pair.viewedAs} />
      ))}
    </Stack>
  );
}
