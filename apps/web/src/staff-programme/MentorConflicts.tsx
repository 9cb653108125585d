import { ActionIcon, Badge, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAllCohorts } from '../committee/api';
import { type Mentor, useAddConflict, useCohortFellows, useMentorConflicts, useRemoveConflict } from './api';
import { ProblemAlert } from '../components/ProblemAlert';

/** A mentor's conflicts of interest: the matching never pairs them with these fellows. */
export function MentorConflicts({ mentor }: { mentor: Mentor }) {
  const { t, i18n } = useTranslation();
  const conflicts = useMentorConflicts(mentor.userId);
  const remove = useRemoveConflict(mentor.userId);
  const add = useAddConflict(mentor.userId);
  const cohorts = useAllCohorts();
  const [cohortId, setCohortId] = useState<string | null>(null);
  const fellows = useCohortFellows(cohortId ?? '');
  const [fellowId, setFellowId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const submit = () => {
    setTried(true);
    if (!fellowId || !reason.trim()) return;
    add.mutate(
      { fellowId, reason: reason.trim() },
      {
        onSuccess: () => {
          setFellowId(null);
          setReason('');
          setTried(false);
        },
      },
    );
  };
  return (
    <Stack gap="xs" data-testid="mentor-conflicts">
      <Title order={3} size="h5">
        {t('staffMentors.conflicts.title')}
      </Title>
      <Text size="xs" c="dimmed">
        {t('staffMentors.conflicts.help')}
      </Text>
      {conflicts.data && conflicts.data.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('staffMentors.conflicts.none')}
        </Text>
      )}
      {conflicts.data && conflicts.data.length > 0 && (
        <Table.ScrollContainer minWidth={420}>
          <Table fz="sm">
            <Table.Tbody>
              {conflicts.data.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {c.fellowName}
                    </Text>
                    <Text size="xs">{c.reason}</Text>
                    <Text size="xs" c="dimmed">
                      {new Date(c.createdAt).toLocaleDateString(i18n.resolvedLanguage ?? 'vi', {
                        timeZone: 'Asia/Ho_Chi_Minh',
                      })}{' '}
                      <Badge size="xs" variant="light" color={c.declaredByMentor ? 'blue' : 'gray'}>
                        {c.declaredByMentor
                          ? t('staffMentors.conflicts.byMentor')
                          : t('staffMentors.conflicts.byStaff')}
                      </Badge>
                    </Text>
                  </Table.Td>
                  <Table.Td w={40}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      loading={remove.isPending && remove.variables === c.id}
                      aria-label={t('staffMentors.conflicts.remove', { name: c.fellowName })}
                      onClick={() => remove.mutate(c.id)}
                    >
                      ✕
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ProblemAlert error={conflicts.error ?? remove.error} />
      <Stack gap={6}>
        <Group grow gap="xs" wrap="wrap">
          <Select
            size="xs"
            label={t('staffApps.cohort')}
            data={(cohorts.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            value={cohortId}
            onChange={(value) => {
              setCohortId(value);
              setFellowId(null);
            }}
          />
          <Select
            size="xs"
            label={t('staffProgramme.fellow')}
            searchable
            disabled={!cohortId}
            data={(fellows.data ?? []).map((f) => ({ value: f.id, label: f.fullName }))}
            value={fellowId}
            onChange={setFellowId}
            error={tried && !fellowId ? t('staffProgramme.required') : undefined}
          />
        </Group>
        <TextInput
          size="xs"
          label={t('staffMentors.conflicts.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={tried && !reason.trim() ? t('staffProgramme.required') : undefined}
        />
        <ProblemAlert error={add.error} />
        <Group>
          <Button size="xs" variant="light" loading={add.isPending} onClick={submit}>
            {t('staffMentors.conflicts.add')}
          </Button>
        </Group>
      </Stack>
    </Stack>
  );
}
