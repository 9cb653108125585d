import {
  Badge,
  Button,
  Card,
  Divider,
  Drawer,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormOptions } from '../applications/api';
import { type Mentor, type MentorQuery, useMentors } from './api';
import { MentorConflicts } from './MentorConflicts';
import { MentorForm } from './MentorForm';
import { MentorImport } from './MentorImport';
import { ProblemAlert } from '../components/ProblemAlert';
import { useLabels } from '../components/matchReasons';

/** /staff/mentors — the mentor list with search and filters, one by one or as a CSV, and each mentor's conflicts. */
export function MentorsPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const options = useFormOptions();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 300);
  const [sector, setSector] = useState<string | null>(null);
  const [expertise, setExpertise] = useState<string | null>(null);
  const [language, setLanguage] = useState('');
  const [city, setCity] = useState('');
  const [active, setActive] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Mentor | null>(null);
  const query: MentorQuery = {
    ...(debouncedQ.trim() ? { q: debouncedQ.trim() } : {}),
    ...(sector ? { sector: sector as MentorQuery['sector'] } : {}),
    ...(expertise ? { expertise: expertise as MentorQuery['expertise'] } : {}),
    ...(/^[a-z]{2}$/.test(language.trim().toLowerCase()) ? { language: language.trim().toLowerCase() } : {}),
    ...(city.trim() ? { city: city.trim() } : {}),
    ...(active ? { active: active === 'true' } : {}),
  };
  const mentors = useMentors(query);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1} size="h2">
          {t('staffMentors.title')}
        </Title>
        <Button onClick={() => setAdding(true)}>{t('staffMentors.add')}</Button>
      </Group>
      <MentorImport />
      <Card withBorder padding="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 6 }} spacing="xs" mb="sm">
          <TextInput
            label={t('staffMentors.search')}
            placeholder={t('staffMentors.searchPlaceholder')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
          />
          <Select
            label={t('staffProgramme.sector')}
            clearable
            data={(options.data?.sectors ?? []).map((s) => ({ value: s, label: labels.sector(s) }))}
            value={sector}
            onChange={setSector}
          />
          <Select
            label={t('staffMentors.expertise')}
            clearable
            data={labels.expertiseOptions}
            value={expertise}
            onChange={setExpertise}
          />
          <TextInput
            label={t('staffMentors.language')}
            placeholder="ja"
            maxLength={2}
            value={language}
            onChange={(e) => setLanguage(e.currentTarget.value)}
          />
          <TextInput label={t('staffMentors.city')} value={city} onChange={(e) => setCity(e.currentTarget.value)} />
          <Select
            label={t('staffMentors.state')}
            clearable
            data={[
              { value: 'true', label: t('staffMentors.active') },
              { value: 'false', label: t('staffMentors.inactive') },
            ]}
            value={active}
            onChange={setActive}
          />
        </SimpleGrid>
        <ProblemAlert error={mentors.error} />
        <Text size="xs" c="dimmed" mb={4}>
          {t('staffMentors.count', { count: mentors.data?.length ?? 0 })}
        </Text>
        <Table.ScrollContainer minWidth={860} mah={640}>
          <Table striped highlightOnHover fz="sm" data-testid="mentors">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('staffProgramme.mentor')}</Table.Th>
                <Table.Th>{t('staffProgramme.sector')}</Table.Th>
                <Table.Th>{t('staffMentors.expertise')}</Table.Th>
                <Table.Th>{t('staffProgramme.languagesLabel')}</Table.Th>
                <Table.Th>{t('staffMentors.city')}</Table.Th>
                <Table.Th>{t('staffMentors.load')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(mentors.data ?? []).map((m) => (
                <Table.Tr key={m.userId} data-testid="mentor-row">
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {m.fullName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {[m.organisation, m.email].filter(Boolean).join(' · ')}
                    </Text>
                    <Group gap={4} mt={2}>
                      {!m.active && (
                        <Badge size="xs" color="gray">
                          {t('staffMentors.inactive')}
                        </Badge>
                      )}
                      {m.invitationPending && (
                        <Badge size="xs" color="yellow" variant="light">
                          {t('staffMentors.invitationPending')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{m.sectors.map(labels.sector).join(', ') || '—'}</Table.Td>
                  <Table.Td>{m.expertise.map(labels.expertise).join(', ') || '—'}</Table.Td>
                  <Table.Td>{m.languages.map(labels.language).join(', ')}</Table.Td>
                  <Table.Td>
                    {m.city ?? t('staffMentors.remote')}
                    <Text size="xs" c="dimmed">
                      {m.timeZone}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {m.activePairings}/{m.capacity}
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      variant="light"
                      onClick={() => setEditing(m)}
                      aria-label={t('staffMentors.editFor', { name: m.fullName })}
                    >
                      {t('staffMentors.edit')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
              {mentors.data?.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={7}>
                    <Text size="sm" c="dimmed" ta="center">
                      {t('staffMentors.none')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('staffMentors.addTitle')} size="lg">
        {adding && <MentorForm onDone={() => setAdding(false)} />}
      </Modal>
      <Drawer
        opened={!!editing}
        onClose={() => setEditing(null)}
        position="right"
        size="lg"
        title={editing ? t('staffMentors.editTitle', { name: editing.fullName }) : ''}
      >
        {editing && (
          <Stack gap="md">
            <MentorForm key={editing.userId} mentor={editing} onDone={() => setEditing(null)} />
            <Divider />
            <MentorConflicts mentor={editing} />
          </Stack>
        )}
      </Drawer>
    </Stack>
  );
}
