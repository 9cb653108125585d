import {
  ActionIcon,
  Alert,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type LogSession,
  type PlannedSessionView,
  type SessionMode,
  type SessionTopic,
  type SessionView,
  useLogSession,
  useUpdateSession,
} from './api';
import { placeFieldErrors, toLocalInput } from '../components/format';
import { useVocabulary } from '../vocabulary/vocabulary';

interface Values {
  heldAt: string;
  durationMinutes: number | string;
  mode: SessionMode;
  topics: string[];
  otherTopic: string;
  notes: string;
  actionItems: Array<{ key: string; text: string; dueOn: string }>;
}

const FIELDS = ['heldAt', 'durationMinutes', 'mode', 'topics', 'otherTopic', 'notes', 'actionItems'] as const;

const newKey = () => Math.random().toString(36).slice(2);

/** A session to correct, or a planned one that took place (date, length, mode and topics prefilled). */
function initial(session?: SessionView, plan?: PlannedSessionView): Values {
  const from = session ?? plan;
  const when = session?.heldAt ?? plan?.startsAt;
  return {
    heldAt: when ? toLocalInput(when) : '',
    durationMinutes: from?.durationMinutes ?? 60,
    mode: from?.mode ?? 'online',
    topics: from?.topics ?? [],
    otherTopic: session?.otherTopic ?? '',
    notes: session?.notes ?? '',
    actionItems: (session?.actionItems ?? []).map((a) => ({ key: newKey(), text: a.text, dueOn: a.dueOn ?? '' })),
  };
}

function body(values: Values, plannedSessionId?: string): LogSession {
  const topics = values.topics as SessionTopic[];
  return {
    ...(plannedSessionId ? { plannedSessionId } : {}),
    // The datetime-local value is on the reader's clock; the API stores the instant.
    heldAt: new Date(values.heldAt).toISOString(),
    durationMinutes: Number(values.durationMinutes),
    mode: values.mode,
    topics,
    ...(topics.includes('other') ? { otherTopic: values.otherTopic.trim() } : {}),
    notes: values.notes,
    actionItems: values.actionItems.map((a) => ({ text: a.text.trim(), dueOn: a.dueOn || null })),
  };
}

/**
 * The mentor logs a session, or corrects one the fellow has not confirmed yet. The API's field
 * errors (a date in the future, "other" without its topic…) appear next to their fields.
 */
export function SessionForm({
  pairingId,
  session,
  plan,
  onDone,
}: {
  pairingId: string;
  session?: SessionView;
  /** The planned session this log records: the log closes it. */
  plan?: PlannedSessionView;
  /** Called with true once saved, with false on cancel. */
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const log = useLogSession(pairingId);
  const update = useUpdateSession(pairingId);
  const mutation = session ? update : log;
  const [problem, setProblem] = useState<string | null>(null);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const form = useForm<Values>({
    initialValues: initial(session, plan),
    validate: {
      heldAt: (v) => (v ? null : t('mentorship.log.required')),
      topics: (v) => (v.length ? null : t('mentorship.log.topicsRequired')),
      otherTopic: (v, values) => (values.topics.includes('other') && !v.trim() ? t('mentorship.log.required') : null),
      actionItems: { text: (v) => (v.trim() ? null : t('mentorship.log.required')) },
    },
  });
  const submit = form.onSubmit((values) => {
    setProblem(null);
    const onError = (error: unknown) => setProblem(placeFieldErrors(form, FIELDS, error, t));
    const onSuccess = () => {
      form.reset();
      onDone(true);
    };
    if (session) update.mutate({ id: session.id, body: body(values) }, { onSuccess, onError });
    else log.mutate(body(values, plan?.id), { onSuccess, onError });
  });
  return (
    <form onSubmit={submit} noValidate data-testid="session-form">
      <Stack gap="sm">
        <Group grow align="flex-start" wrap="wrap" gap="sm">
          <TextInput
            type="datetime-local"
            label={t('mentorship.log.heldAt')}
            description={t('mentorship.log.heldAtHelp', { zone })}
            required
            miw={200}
            {...form.getInputProps('heldAt')}
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
          <Text size="sm" fw={500} mb={4} id="session-mode-label">
            {t('mentorship.log.mode')}
          </Text>
          <SegmentedControl
            aria-labelledby="session-mode-label"
            data={vocabulary.options('sessionMode')}
            {...form.getInputProps('mode')}
          />
        </div>
        <MultiSelect
          label={t('mentorship.log.topics')}
          placeholder={t('mentorship.log.topicsPlaceholder')}
          data={vocabulary.options('sessionTopic')}
          required
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('topics')}
        />
        {form.values.topics.includes('other') && (
          <TextInput
            label={t('mentorship.log.otherTopic')}
            maxLength={200}
            required
            {...form.getInputProps('otherTopic')}
          />
        )}
        <Textarea
          label={t('mentorship.log.notes')}
          autosize
          minRows={3}
          maxLength={5000}
          {...form.getInputProps('notes')}
        />
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            {t('mentorship.log.actionItems')}
          </Text>
          {form.values.actionItems.map((item, i) => (
            <Group key={item.key} align="flex-end" gap="xs" wrap="wrap" data-testid="action-item-input">
              <TextInput
                label={t('mentorship.log.actionText')}
                style={{ flex: '1 1 200px' }}
                maxLength={500}
                {...form.getInputProps(`actionItems.${i}.text`)}
              />
              <TextInput
                type="date"
                label={t('mentorship.log.dueOn')}
                w={160}
                {...form.getInputProps(`actionItems.${i}.dueOn`)}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                mb={2}
                aria-label={t('mentorship.log.removeAction')}
                onClick={() => form.removeListItem('actionItems', i)}
              >
                ✕
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              variant="light"
              size="xs"
              disabled={form.values.actionItems.length >= 20}
              onClick={() => form.insertListItem('actionItems', { key: newKey(), text: '', dueOn: '' })}
            >
              + {t('mentorship.log.addAction')}
            </Button>
          </Group>
        </Stack>
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={() => onDone(false)}>
            {t('mentorship.log.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {session ? t('mentorship.log.saveEdit') : t('mentorship.log.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
