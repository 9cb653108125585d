import { Alert, Badge, Button, Group, NumberInput, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CohortPicker, useCohortParam } from '../components/CohortPicker';
import { ProposalCard, ProposeCard } from '../components/proposals';
import {
  type MatchingOverview,
  type MatchingProposal,
  type MatchingWeights,
  infeasibleReasons,
  useApproveMatching,
  useMatching,
  useProposeMatching,
} from './api';
import { MentorsCard, UnmatchedCard } from './MatchingFellows';
import { PairsCard, RematchCard } from './MatchingPairs';
import { ProblemAlert } from '../components/ProblemAlert';
import { ReasonChips } from './shared';

const WEIGHT_KEYS = ['sector', 'expertise', 'localLanguage', 'sameCity', 'nearbyTimezone'] as const;

/** The weight of each reason a pair scores for, and the run. */
function RunCard({ overview }: { overview: MatchingOverview }) {
  const { t } = useTranslation();
  const [weights, setWeights] = useState<MatchingWeights>(overview.defaultWeights);
  const propose = useProposeMatching(overview.cohortId);
  return (
    <ProposeCard
      testId="matching-run"
      words={{
        title: t('staffMatching.weights'),
        help: t('staffMatching.weightsHelp'),
        run: t('staffMatching.run'),
        infeasible: t('staffMatching.infeasible'),
      }}
      reasons={infeasibleReasons(propose.error)}
      error={propose.error}
      onRun={() => propose.mutate(weights)}
      running={propose.isPending}
      actions={
        <Button variant="default" onClick={() => setWeights(overview.defaultWeights)}>
          {t('staffProgramme.defaults')}
        </Button>
      }
    >
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
    </ProposeCard>
  );
}

/** The matching's view of a proposal: every pair, worst first, with the reasons it scores. */
function ProposedPairs({ proposal }: { proposal: MatchingProposal }) {
  const { t } = useTranslation();
  // Worst first: the pairs that set the fairness floor are the ones staff should look at.
  const pairs = [...proposal.pairs].sort(
    (a, b) => a.score - b.score || a.fellow.fullName.localeCompare(b.fellow.fullName),
  );
  return (
    <>
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
    </>
  );
}

function MatchingProposalCard({ cohortId, proposal }: { cohortId: string; proposal: MatchingProposal }) {
  const { t } = useTranslation();
  const approve = useApproveMatching(cohortId);
  return (
    <ProposalCard
      testId="matching-proposal"
      title={t('staffMatching.proposal')}
      status={proposal.status}
      facts={[
        {
          key: 'min',
          label: t('staffMatching.minScore'),
          value: proposal.minScore ?? '—',
          testId: 'min-score',
          size: 'xl',
        },
        {
          key: 'total',
          label: t('staffMatching.totalScore'),
          value: proposal.totalScore,
          testId: 'total-score',
          size: 'xl',
        },
        { key: 'pairs', label: t('staffMatching.pairsCount'), value: proposal.pairs.length, size: 'xl' },
      ]}
      factCols={{ base: 3 }}
      proposalId={proposal.id}
      canConfirm={proposal.status === 'proposed'}
      confirm={approve}
      words={{
        button: t('staffMatching.approve'),
        title: t('staffMatching.approveTitle'),
        warning: t('staffMatching.approveWarning', { count: proposal.pairs.length }),
        action: t('staffMatching.approveAndEmail'),
      }}
      done={
        approve.data && (
          <Alert color="green" role="status" mt="sm" data-testid="matching-approved">
            {t('staffMatching.approvedNote', { count: approve.data.pairs.length })}
          </Alert>
        )
      }
    >
      <ProposedPairs proposal={proposal} />
    </ProposalCard>
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
            <MatchingProposalCard cohortId={data.cohortId} proposal={data.proposal} />
          )}
          <PairsCard overview={data} />
        </>
      )}
    </Stack>
  );
}
