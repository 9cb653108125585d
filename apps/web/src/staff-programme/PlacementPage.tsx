import { ActionIcon, Alert, Badge, Button, Group, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CohortPicker, useCohortParam } from '../components/CohortPicker';
import { ProposalCard, ProposeCard } from '../components/proposals';
import { useVocabulary } from '../vocabulary/vocabulary';
import {
  type PlacementFellow,
  type PlacementOverview,
  type PlacementProposal,
  infeasibleReasons,
  useConfirmPlacement,
  usePlacement,
  useProposePlacement,
} from './api';
import { FellowsCard, HubsCard } from './PlacementFellows';
import { MoveModal } from './PlacementMove';
import { ProblemAlert } from '../components/ProblemAlert';
import { RankBadge, useChoiceLabel, useNotHigherSentence } from './shared';

/** Points per rank (never rising) and the run. */
function RunCard({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation();
  const { rankWeights } = useVocabulary();
  const [weights, setWeights] = useState<number[]>(rankWeights);
  const propose = useProposePlacement(cohortId);
  return (
    <ProposeCard
      testId="placement-run"
      words={{
        title: t('staffPlacement.weights'),
        help: t('staffPlacement.weightsHelp'),
        run: t('staffPlacement.run'),
        infeasible: t('staffPlacement.infeasible'),
      }}
      reasons={infeasibleReasons(propose.error)}
      error={propose.error}
      onRun={() => propose.mutate(weights)}
      running={propose.isPending}
    >
      <Group gap="xs" align="flex-end" wrap="wrap">
        {weights.map((weight, i) => (
          <NumberInput
            key={i}
            w={110}
            label={t('staffPlacement.rankN', { n: i + 1 })}
            min={0}
            max={1000}
            allowDecimal={false}
            value={weight}
            onChange={(value) => setWeights((w) => w.map((x, j) => (j === i ? Number(value) || 0 : x)))}
          />
        ))}
        {weights.length > 1 && (
          <ActionIcon
            variant="subtle"
            size="lg"
            aria-label={t('staffPlacement.removeRank')}
            onClick={() => setWeights((w) => w.slice(0, -1))}
          >
            −
          </ActionIcon>
        )}
        {weights.length < 10 && (
          <ActionIcon
            variant="subtle"
            size="lg"
            aria-label={t('staffPlacement.addRank')}
            onClick={() => setWeights((w) => [...w, 0])}
          >
            +
          </ActionIcon>
        )}
        <Button variant="default" size="sm" onClick={() => setWeights(rankWeights)}>
          {t('staffProgramme.defaults')}
        </Button>
      </Group>
    </ProposeCard>
  );
}

/** The placement's view of a proposal: each fellow's hub, the choice it was, and why not a higher one. */
function PlacementRows({ overview, proposal }: { overview: PlacementOverview; proposal: PlacementProposal }) {
  const { t } = useTranslation();
  const sentence = useNotHigherSentence(overview.hubs);
  const vocabulary = useVocabulary();
  const choice = useChoiceLabel();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped fz="sm" verticalSpacing="xs" data-testid="placement-rows">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('staffProgramme.fellow')}</Table.Th>
            <Table.Th>{t('staffPlacement.hub')}</Table.Th>
            <Table.Th>{t('staffPlacement.points')}</Table.Th>
            <Table.Th>{t('staffPlacement.whyNotHigher')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {proposal.placements.map((p) => (
            <Table.Tr key={p.fellowId} data-testid="placement-row">
              <Table.Td>{p.fullName}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Badge size="sm">{vocabulary.hubLabel(p.hub, overview.hubs)}</Badge>
                  <RankBadge rank={p.rank} />
                  {p.locked && (
                    <Badge size="sm" color="grape" variant="light">
                      {t('staffPlacement.locked')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>{p.points}</Table.Td>
              <Table.Td>
                {p.notHigher.length === 0 ? (
                  <Text size="xs" c="dimmed">
                    —
                  </Text>
                ) : (
                  <Stack gap={2}>
                    {p.notHigher.map((r) => (
                      <Text key={`${r.hub}-${r.rank}`} size="xs" data-testid="not-higher">
                        <b>{choice(r.rank)}:</b> {sentence(r)}
                      </Text>
                    ))}
                  </Stack>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function PlacementProposalCard({ overview, proposal }: { overview: PlacementOverview; proposal: PlacementProposal }) {
  const { t } = useTranslation();
  const confirm = useConfirmPlacement(overview.cohortId);
  const choice = useChoiceLabel();
  const rankOf = (k: string) => (Number.isFinite(Number(k)) ? Number(k) : 99);
  const ranks = Object.entries(proposal.byRank).sort(([a], [b]) => rankOf(a) - rankOf(b));
  return (
    <ProposalCard
      testId="placement-proposal"
      title={proposal.status === 'confirmed' ? t('staffPlacement.confirmedTitle') : t('staffPlacement.proposal')}
      status={proposal.status}
      facts={[
        {
          key: 'total',
          label: t('staffPlacement.totalPoints'),
          value: proposal.totalPoints,
          testId: 'total-points',
          size: 'lg',
        },
        ...ranks.map(([rank, count]) => ({
          key: rank,
          label: Number.isFinite(Number(rank)) ? choice(Number(rank)) : t('staffPlacement.notRanked'),
          value: t('staffPlacement.fellowsCount', { count }),
        })),
      ]}
      proposalId={proposal.id}
      canConfirm={proposal.status === 'proposed'}
      confirm={confirm}
      words={{
        button: t('staffPlacement.confirm'),
        title: t('staffPlacement.confirmTitle'),
        warning: t('staffPlacement.confirmWarning', { count: proposal.placements.length }),
        action: t('staffPlacement.confirmAndEmail'),
      }}
    >
      <PlacementRows overview={overview} proposal={proposal} />
    </ProposalCard>
  );
}

/** /staff/placement — hubs, fellows with locks and forbids, the optimal proposal with its reasons, confirmation, moves. */
export function PlacementPage() {
  const { t } = useTranslation();
  const { cohortId, cohorts, setCohortId } = useCohortParam();
  const overview = usePlacement(cohortId);
  const [moving, setMoving] = useState<PlacementFellow | null>(null);
  const data = overview.data;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1} size="h2">
          {t('staffPlacement.title')}
        </Title>
        <CohortPicker cohortId={cohortId} cohorts={cohorts.data ?? []} onChange={setCohortId} />
      </Group>
      <ProblemAlert error={cohorts.error ?? overview.error} />
      {data && (
        <>
          {data.confirmed && (
            <Alert color="green" role="status" data-testid="placement-confirmed">
              {t('staffPlacement.confirmedNote')}
            </Alert>
          )}
          <HubsCard hubs={data.hubs} />
          <FellowsCard overview={data} onMove={setMoving} />
          {!data.confirmed && data.fellows.length > 0 && <RunCard key={data.cohortId} cohortId={data.cohortId} />}
          {data.proposal && <PlacementProposalCard overview={data} proposal={data.proposal} />}
          <MoveModal cohortId={data.cohortId} fellow={moving} hubs={data.hubs} onClose={() => setMoving(null)} />
        </>
      )}
    </Stack>
  );
}
