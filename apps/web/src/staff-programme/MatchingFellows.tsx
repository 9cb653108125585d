import { Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LockForbidEditor } from '../components/proposals';
import { type MatchingFellow, type MatchingMentor, type MatchingOverview, useSetMentorConstraints } from './api';
import { useLabels } from '../components/matchReasons';

function FellowRow({
  cohortId,
  fellow,
  mentors,
}: {
  cohortId: string;
  fellow: MatchingFellow;
  mentors: MatchingMentor[];
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const save = useSetMentorConstraints(cohortId);
  const options = mentors.map((m) => ({ value: m.id, label: m.fullName }));
  return (
    <Table.Tr data-testid="unmatched-fellow">
      <Table.Td>
        <Text size="sm" fw={500}>
          {fellow.fullName}
        </Text>
        <Text size="xs" c="dimmed">
          {fellow.hub ?? t('staffMatching.noHub')}
        </Text>
      </Table.Td>
      <Table.Td>{labels.sector(fellow.sector)}</Table.Td>
      <Table.Td>{fellow.goals.map(labels.expertise).join(', ') || '—'}</Table.Td>
      <Table.Td>{fellow.languages.map(labels.language).join(', ')}</Table.Td>
      <Table.Td>
        <LockForbidEditor
          saved={{ locked: fellow.lockedMentorId, forbidden: fellow.forbiddenMentorIds }}
          options={options}
          searchable
          labels={{
            lock: t('staffMatching.lockFor', { name: fellow.fullName }),
            noLock: t('staffMatching.noLock'),
            forbid: t('staffMatching.forbidFor', { name: fellow.fullName }),
            noForbidden: t('staffMatching.noForbidden'),
          }}
          save={{
            mutate: (locked, forbidden) =>
              save.mutate({ fellowId: fellow.id, lockedMentorId: locked, forbiddenMentorIds: forbidden }),
            isPending: save.isPending,
            error: save.error,
          }}
        />
      </Table.Td>
    </Table.Tr>
  );
}

export function UnmatchedCard({ overview }: { overview: MatchingOverview }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4" mb="xs">
        {t('staffMatching.unmatched', { count: overview.unmatched.length })}
      </Title>
      {overview.unmatched.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('staffMatching.allMatched')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={820}>
          <Table striped fz="sm" verticalSpacing="xs" data-testid="unmatched">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('staffProgramme.fellow')}</Table.Th>
                <Table.Th>{t('staffProgramme.sector')}</Table.Th>
                <Table.Th>{t('staffMatching.goals')}</Table.Th>
                <Table.Th>{t('staffProgramme.languagesLabel')}</Table.Th>
                <Table.Th w={240}>{t('staffMatching.constraints')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {overview.unmatched.map((fellow) => (
                <FellowRow
                  key={`${fellow.id}-${fellow.lockedMentorId}-${fellow.forbiddenMentorIds.join()}`}
                  cohortId={overview.cohortId}
                  fellow={fellow}
                  mentors={overview.mentors}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

export function MentorsCard({ mentors }: { mentors: MatchingMentor[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const open = mentors.filter((m) => m.free > 0);
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4" mb="xs">
        {t('staffMatching.mentorsFree', { count: open.length })}
      </Title>
      <Table.ScrollContainer minWidth={760} mah={360}>
        <Table striped fz="sm" data-testid="matching-mentors">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('staffProgramme.mentor')}</Table.Th>
              <Table.Th>{t('staffProgramme.sector')}</Table.Th>
              <Table.Th>{t('staffMentors.expertise')}</Table.Th>
              <Table.Th>{t('staffProgramme.languagesLabel')}</Table.Th>
              <Table.Th>{t('staffMentors.city')}</Table.Th>
              <Table.Th>{t('staffMatching.free')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {open.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>
                  <Text size="sm">{m.fullName}</Text>
                  {m.organisation && (
                    <Text size="xs" c="dimmed">
                      {m.organisation}
                    </Text>
                  )}
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
                  {m.free}/{m.capacity}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
