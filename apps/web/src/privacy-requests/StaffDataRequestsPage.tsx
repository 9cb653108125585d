import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemMessage, showProblem } from '../components/problems';
import { DeadlineBadge } from './DeadlineBadge';
import {
  KINDS,
  type RequestKind,
  type RequestState,
  STATES,
  type StaffDataRequest,
  useDataRequestQueue,
  useFileDataRequest,
} from './api';

const CHANNELS: StaffDataRequest['channel'][] = ['email', 'letter', 'in_person'];

/** /staff/data-requests — the queue (nearest deadline first, due soon / overdue badges), filters, and filing on someone's behalf. */
export function StaffDataRequestsPage() {
  const { t } = useTranslation();
  const [state, setState] = useState<RequestState | 'open'>('open');
  const [kind, setKind] = useState<RequestKind | undefined>(undefined);
  const queue = useDataRequestQueue(state, kind);
  const file = useFileDataRequest();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<StaffDataRequest>({
    initialValues: { subjectUserId: '', kind: 'access', details: '', channel: 'email', processorMustAct: false },
  });
  const submit = form.onSubmit((values) => {
    setProblem(null);
    file.mutate(values, {
      onSuccess: () => form.reset(),
      onError: (error) => setProblem(showProblem(form, error, t)),
    });
  });

  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          {t('dataRequests.staff.title')}
        </Title>
        <Text c="dimmed">{t('dataRequests.staff.intro')}</Text>
      </div>
      <Group>
        <Select
          label={t('dataRequests.staff.filterState')}
          value={state}
          allowDeselect={false}
          onChange={(v) => setState((v ?? 'open'))}
          data={[
            { value: 'open', label: t('dataRequests.staff.open') },
            ...STATES.map((s) => ({ value: s, label: t(`dataRequests.state.${s}`) })),
          ]}
        />
        <Select
          label={t('dataRequests.staff.filterKind')}
          value={kind ?? ''}
          allowDeselect={false}
          onChange={(v) => setKind(v ? (v) : undefined)}
          data={[
            { value: '', label: t('dataRequests.staff.all') },
            ...KINDS.map((k) => ({ value: k, label: t(`dataRequests.kind.${k}`) })),
          ]}
        />
      </Group>
      {queue.error && (
        <Alert color="red" role="alert">
          {problemMessage(queue.error, t)}
        </Alert>
      )}
      {queue.data?.length === 0 && <Text c="dimmed">{t('dataRequests.staff.none')}</Text>}
      {!!queue.data?.length && (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dataRequests.columns.person')}</Table.Th>
              <Table.Th>{t('dataRequests.columns.kind')}</Table.Th>
              <Table.Th>{t('dataRequests.columns.received')}</Table.Th>
              <Table.Th>{t('dataRequests.columns.state')}</Table.Th>
              <Table.Th>{t('dataRequests.columns.deadline')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {queue.data.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/staff/data-requests/${r.id}`}>
                    {r.person.fullName || r.person.email}
                  </Anchor>
                </Table.Td>
                <Table.Td>{t(`dataRequests.kind.${r.kind}`)}</Table.Td>
                <Table.Td>
                  {r.receivedOn} · {t(`dataRequests.channel.${r.channel}`)}
                </Table.Td>
                <Table.Td>{t(`dataRequests.state.${r.state}`)}</Table.Td>
                <Table.Td>
                  <DeadlineBadge request={r} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Card withBorder padding="md">
        <form onSubmit={submit}>
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('dataRequests.staff.fileTitle')}
            </Title>
            <TextInput label={t('dataRequests.staff.subject')} required {...form.getInputProps('subjectUserId')} />
            <Select
              label={t('dataRequests.mine.kindLabel')}
              allowDeselect={false}
              data={KINDS.map((k) => ({ value: k, label: t(`dataRequests.kind.${k}`) }))}
              {...form.getInputProps('kind')}
            />
            <Select
              label={t('dataRequests.staff.channelLabel')}
              allowDeselect={false}
              data={CHANNELS.map((c) => ({ value: c, label: t(`dataRequests.channel.${c}`) }))}
              {...form.getInputProps('channel')}
            />
            <Textarea
              label={t('dataRequests.mine.details')}
              autosize
              minRows={2}
              required
              {...form.getInputProps('details')}
            />
            <Checkbox
              label={t('dataRequests.staff.processor')}
              {...form.getInputProps('processorMustAct', { type: 'checkbox' })}
            />
            {problem && (
              <Alert color="red" role="alert">
                {problem}
              </Alert>
            )}
            <Button type="submit" loading={file.isPending} w="fit-content">
              {t('dataRequests.staff.file')}
            </Button>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
