import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CohortPicker, useCohortParam } from '../components/CohortPicker';
import {
  type MatchingFellow,
  type MatchingMentor,
  type MatchingOverview,
  type MatchingProposal,
  type MatchingWeights,
  type RematchRequest,
  infeasibleReasons,
  useApproveMatching,
  useMatching,
  useProposeMatching,
  useResolveRematch,
  useSetMentorConstraints,
} from './api';
import { LockForbidEditor, ReasonChips } from './shared';
import { ProblemAlert } from '../components/ProblemAlert';
import { useLabels } from '../components/matchReasons';

const WEIGHT_KEYS = ['sector', 'expertise', 'localLanguage', 'sameCity', 'nearbyTimezone'] as const;

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

function UnmatchedCard({ overview }: { overview: MatchingOverview }) {
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

function MentorsCard({ mentors }: { mentors: MatchingMentor[] }) {
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

function RunCard({ overview }: { overview: MatchingOverview }) {
  const { t } = useTranslation();
  const [weights, setWeights] = useState<MatchingWeights>(overview.defaultWeights);
  const propose = useProposeMatching(overview.cohortId);
  const reasons = infeasibleReasons(propose.error);
  return (
    <Card withBorder padding="md" data-testid="matching-run">
      <Title order={2} size="h4" mb={4}>
        {t('staffMatching.weights')}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('staffMatching.weightsHelp')}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="xs">
        {WEIGHT_KEYS.map((key) => (
          <NumberInput
            key={key}
            label={t(`staffMatching.weight.${key}`)}
            min={0}
            max={100}
            allowDecimal={false}
            value={weights[key]}
            onChange={(value) => setWeights((w) => ({ ...w, [key]: Number(value) || 0 }))}
          />
        ))}
      </SimpleGrid>
      {reasons ? (
        <Alert color="red" role="alert" mt="sm" title={t('staffMatching.infeasible')} data-testid="infeasible">
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {reasons.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </Alert>
      ) : (
        <ProblemAlert error={propose.error} />
      )}
      <Group mt="sm">
        <Button onClick={() => propose.mutate(weights)} loading={propose.isPending}>
          {t('staffMatching.run')}
        </Button>
        <Button variant="default" onClick={() => setWeights(overview.defaultWeights)}>
          {t('staffProgramme.defaults')}
        </Button>
      </Group>
    </Card>
  );
}

function ProposalCard({ cohortId, proposal }: { cohortId: string; proposal: MatchingProposal }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const approve = useApproveMatching(cohortId);
  // Worst first: the pairs that set the fairness floor are the ones staff should look at.
  const pairs = [...proposal.pairs].sort(
    (a, b) => a.score - b.score || a.fellow.fullName.localeCompare(b.fellow.fullName),
  );
  const approved = proposal.status === 'approved';
  return (
    <Card withBorder padding="md" data-testid="matching-proposal">
      <Group justify="space-between" wrap="wrap" mb="xs">
        <Title order={2} size="h4">
          {t('staffMatching.proposal')}
        </Title>
        <Badge color={approved ? 'green' : proposal.status === 'superseded' ? 'gray' : 'blue'} variant="light">
          {t(`staffMatching.status.${proposal.status as 'proposed'}`)}
        </Badge>
      </Group>
      <SimpleGrid cols={{ base: 3 }} spacing="xs" mb="sm">
        <div>
          <Text size="xs" c="dimmed">
            {t('staffMatching.minScore')}
          </Text>
          <Text fw={700} size="xl" data-testid="min-score">
            {proposal.minScore ?? '—'}
          </Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            {t('staffMatching.totalScore')}
          </Text>
          <Text fw={700} size="xl" data-testid="total-score">
            {proposal.totalScore}
          </Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            {t('staffMatching.pairsCount')}
          </Text>
          <Text fw={700} size="xl">
            {proposal.pairs.length}
          </Text>
        </div>
      </SimpleGrid>
      <Text size="xs" c="dimmed" mb="xs">
        {t('staffMatching.floorHelp')}
      </Text>
      <Table.ScrollContainer minWidth={720}>
        <Table striped fz="sm" verticalSpacing="xs" data-testid="proposed-pairs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('staffProgramme.fellow')}</Table.Th>
              <Table.Th>{t('staffProgramme.mentor')}</Table.Th>
              <Table.Th>{t('staffMatching.score')}</Table.Th>
              <Table.Th>{t('staffMatching.why')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {pairs.map((pair) => (
              <Table.Tr key={pair.fellow.id} data-testid="proposed-pair">
                <Table.Td>{pair.fellow.fullName}</Table.Td>
                <Table.Td>
                  <Text size="sm">{pair.mentor.fullName}</Text>
                  {pair.mentorOrganisation && (
                    <Text size="xs" c="dimmed">
                      {pair.mentorOrganisation}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Text fw={pair.score === proposal.minScore ? 700 : undefined}>{pair.score}</Text>
                    {pair.locked && (
                      <Badge size="xs" color="grape" variant="light">
                        {t('staffMatching.locked')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <ReasonChips reasons={pair.reasons} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ProblemAlert error={approve.error} />
      {approve.data && (
        <Alert color="green" role="status" mt="sm" data-testid="matching-approved">
          {t('staffMatching.approvedNote', { count: approve.data.pairs.length })}
        </Alert>
      )}
      {proposal.status === 'proposed' && (
        <Group mt="sm">
          <Button color="green" onClick={() => setConfirming(true)}>
            {t('staffMatching.approve')}
          </Button>
        </Group>
      )}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('staffMatching.approveTitle')} centered>
        <Stack gap="sm">
          <Text size="sm">{t('staffMatching.approveWarning', { count: proposal.pairs.length })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('staffProgramme.cancel')}
            </Button>
            <Button
              color="green"
              loading={approve.isPending}
              onClick={() => approve.mutate(proposal.id, { onSettled: () => setConfirming(false) })}
            >
              {t('staffMatching.approveAndEmail')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

function PairsCard({ overview }: { overview: MatchingOverview }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4" mb="xs">
        {t('staffMatching.activePairs', { count: overview.pairs.length })}
      </Title>
      {overview.pairs.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('staffMatching.noPairs')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640} mah={480}>
          <Table striped fz="sm" data-testid="active-pairs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('staffProgramme.fellow')}</Table.Th>
                <Table.Th>{t('staffProgramme.mentor')}</Table.Th>
                <Table.Th>{t('staffMatching.score')}</Table.Th>
                <Table.Th>{t('staffMatching.why')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {overview.pairs.map((pair) => (
                <Table.Tr key={pair.id} data-testid="active-pair">
                  <Table.Td>{pair.fellow.fullName}</Table.Td>
                  <Table.Td>{pair.mentor.fullName}</Table.Td>
                  <Table.Td>{pair.score}</Table.Td>
                  <Table.Td>
                    <ReasonChips reasons={pair.reasons} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

function RematchItem({ cohortId, request }: { cohortId: string; request: RematchRequest }) {
  const { t, i18n } = useTranslation();
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const resolve = useResolveRematch(cohortId);
  const decide = (decision: 'rematch' | 'keep') => {
    setTried(true);
    if (note.trim()) resolve.mutate({ id: request.id, decision, note: note.trim() });
  };
  return (
    <Card withBorder padding="sm" data-testid="rematch-request">
      <Text size="sm" fw={500}>
        {request.fellow.fullName} ↔ {request.mentor.fullName}
      </Text>
      <Text size="xs" c="dimmed">
        {t('staffMatching.requestedBy', {
          role: t(`staffMatching.roles.${request.requesterRole as 'fellow'}`),
          when: new Date(request.createdAt).toLocaleDateString(i18n.resolvedLanguage ?? 'vi', {
            timeZone: 'Asia/Ho_Chi_Minh',
          }),
        })}
      </Text>
      <Text size="sm" my={6} style={{ whiteSpace: 'pre-wrap' }}>
        “{request.reason}”
      </Text>
      <Textarea
        label={t('staffMatching.note')}
        description={t('staffMatching.noteHelp')}
        autosize
        minRows={2}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={tried && !note.trim() ? t('staffProgramme.required') : undefined}
      />
      <ProblemAlert error={resolve.error} />
      <Group mt="xs" gap="xs">
        <Button size="xs" color="orange" loading={resolve.isPending} onClick={() => decide('rematch')}>
          {t('staffMatching.rematch')}
        </Button>
        <Button size="xs" variant="default" loading={resolve.isPending} onClick={() => decide('keep')}>
          {t('staffMatching.keep')}
        </Button>
      </Group>
    </Card>
  );
}

function RematchCard({ overview }: { overview: MatchingOverview }) {
  const { t } = useTranslation();
  const open = overview.rematchRequests.filter((r) => r.status === 'open');
  if (open.length === 0) return null;
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4" mb="xs">
        {t('staffMatching.rematchRequests', { count: open.length })}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        {open.map((request) => (
          <RematchItem key={request.id} cohortId={overview.cohortId} request={request} />
        ))}
      </SimpleGrid>
    </Card>
  );
}

/** /staff/matching — unmatched fellows with their constraints, free mentors, the proposal (worst pair first), approval, rematches. */
export function MatchingPage() {
  const { t } = useTranslation();
  const { cohortId, cohorts, setCohortId } = useCohortParam();
  const overview = useMatching(cohortId);
  const data = overview.data;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1} size="h2">
          {t('staffMatching.title')}
        </Title>
        <CohortPicker cohortId={cohortId} cohorts={cohorts.data ?? []} onChange={setCohortId} />
      </Group>
      <ProblemAlert error={cohorts.error ?? overview.error} />
      {data && (
        <>
          <RematchCard overview={data} />
          <UnmatchedCard overview={data} />
          <MentorsCard mentors={data.mentors} />
          {data.unmatched.length > 0 && <RunCard key={data.cohortId} overview={data} />}
          {data.proposal && data.proposal.status !== 'superseded' && (
            <ProposalCard cohortId={data.cohortId} proposal={data.proposal} />
          )}
          <PairsCard overview={data} />
        </>
      )}
    </Stack>
  );
}
