import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  Select,
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
  type PlacementFellow,
  type PlacementHub,
  type PlacementOverview,
  type PlacementProposal,
  infeasibleReasons,
  useConfirmPlacement,
  useMoveFellow,
  usePlacement,
  useProposePlacement,
  useSetHubConstraints,
} from './api';
import { LockForbidEditor, RankBadge, useChoiceLabel, useNotHigherSentence } from './shared';
import { useVocabulary } from '../vocabulary/vocabulary';
import { ProblemAlert } from '../components/ProblemAlert';

function HubsCard({ hubs }: { hubs: PlacementHub[] }) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4" mb="xs">
        {t('staffPlacement.hubs')}
      </Title>
      <Table.ScrollContainer minWidth={560}>
        <Table striped fz="sm" data-testid="placement-hubs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('staffPlacement.hub')}</Table.Th>
              <Table.Th>{t('staffPlacement.capacity')}</Table.Th>
              <Table.Th>{t('staffPlacement.minimum')}</Table.Th>
              <Table.Th>{t('staffPlacement.languageRule')}</Table.Th>
              <Table.Th>{t('staffPlacement.placed')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {hubs.map((hub) => (
              <Table.Tr key={hub.id}>
                <Table.Td>
                  {vocabulary.hubName(hub)} · {hub.city}
                </Table.Td>
                <Table.Td>{hub.capacity}</Table.Td>
                <Table.Td>{hub.minimumFellows}</Table.Td>
                <Table.Td>
                  {vocabulary.languageRule(hub.languageRequirements) || t('staffPlacement.anyLanguage')}
                </Table.Td>
                <Table.Td>{hub.placed}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

/** One fellow's lock and forbidden hubs, saved together (the API replaces both). */
function ConstraintsRow({
  cohortId,
  fellow,
  hubs,
  confirmed,
  onMove,
}: {
  cohortId: string;
  fellow: PlacementFellow;
  hubs: PlacementHub[];
  confirmed: boolean;
  onMove: (fellow: PlacementFellow) => void;
}) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const save = useSetHubConstraints(cohortId);
  const options = hubs.map((h) => ({ value: h.id, label: `${h.code} — ${vocabulary.hubName(h)}` }));
  return (
    <Table.Tr data-testid="placement-fellow">
      <Table.Td>
        <Text size="sm" fw={500}>
          {fellow.fullName}
        </Text>
        <Text size="xs" c="dimmed">
          {t('staffPlacement.score', { score: fellow.selectionScore?.toFixed(2) ?? '—' })}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">
          {fellow.hubPreferences.map((code, i) => `${i + 1}. ${vocabulary.hubLabel(code, hubs)}`).join('  ') || '—'}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {fellow.eligibleHubs.map((code) => (
            <Badge key={code} size="xs" variant="light" color="green">
              {vocabulary.hubLabel(code, hubs)}
            </Badge>
          ))}
          {fellow.eligibleHubs.length === 0 && (
            <Text size="xs" c="red">
              {t('staffPlacement.noEligible')}
            </Text>
          )}
        </Group>
      </Table.Td>
      {confirmed ? (
        <Table.Td>
          <Group gap="xs" wrap="nowrap">
            <Badge>{fellow.hub ? vocabulary.hubLabel(fellow.hub, hubs) : '—'}</Badge>
            <Button
              size="compact-xs"
              variant="light"
              onClick={() => onMove(fellow)}
              aria-label={t('staffPlacement.moveFor', { name: fellow.fullName })}
            >
              {t('staffPlacement.move')}
            </Button>
          </Group>
        </Table.Td>
      ) : (
        <Table.Td>
          <LockForbidEditor
            saved={{ locked: fellow.lockedHubId, forbidden: fellow.forbiddenHubIds }}
            options={options}
            labels={{
              lock: t('staffPlacement.lockFor', { name: fellow.fullName }),
              noLock: t('staffPlacement.noLock'),
              forbid: t('staffPlacement.forbidFor', { name: fellow.fullName }),
              noForbidden: t('staffPlacement.noForbidden'),
            }}
            save={{
              mutate: (locked, forbidden) =>
                save.mutate({ fellowId: fellow.id, lockedHubId: locked, forbiddenHubIds: forbidden }),
              isPending: save.isPending,
              error: save.error,
            }}
          />
        </Table.Td>
      )}
    </Table.Tr>
  );
}

function FellowsCard({ overview, onMove }: { overview: PlacementOverview; onMove: (f: PlacementFellow) => void }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4" mb="xs">
        {t('staffPlacement.fellows', { count: overview.fellows.length })}
      </Title>
      {overview.fellows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('staffPlacement.noFellows')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped fz="sm" verticalSpacing="xs" data-testid="placement-fellows">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('staffProgramme.fellow')}</Table.Th>
                <Table.Th>{t('staffPlacement.ranking')}</Table.Th>
                <Table.Th>{t('staffPlacement.eligible')}</Table.Th>
                <Table.Th w={260}>
                  {overview.confirmed ? t('staffPlacement.placedHub') : t('staffPlacement.constraints')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {overview.fellows.map((fellow) => (
                <ConstraintsRow
                  key={`${fellow.id}-${fellow.lockedHubId}-${fellow.forbiddenHubIds.join()}`}
                  cohortId={overview.cohortId}
                  fellow={fellow}
                  hubs={overview.hubs}
                  confirmed={overview.confirmed}
                  onMove={onMove}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

/** Points per rank (never rising) and the run. */
function RunCard({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation();
  const { rankWeights } = useVocabulary();
  const [weights, setWeights] = useState<number[]>(rankWeights);
  const propose = useProposePlacement(cohortId);
  const reasons = infeasibleReasons(propose.error);
  return (
    <Card withBorder padding="md" data-testid="placement-run">
      <Title order={2} size="h4" mb={4}>
        {t('staffPlacement.weights')}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('staffPlacement.weightsHelp')}
      </Text>
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
      {reasons ? (
        <Alert color="red" role="alert" mt="sm" title={t('staffPlacement.infeasible')} data-testid="infeasible">
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
          {t('staffPlacement.run')}
        </Button>
      </Group>
    </Card>
  );
}

function ProposalCard({ overview, proposal }: { overview: PlacementOverview; proposal: PlacementProposal }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const confirm = useConfirmPlacement(overview.cohortId);
  const sentence = useNotHigherSentence(overview.hubs);
  const vocabulary = useVocabulary();
  const choice = useChoiceLabel();
  const confirmed = proposal.status === 'confirmed';
  const ranks = Object.entries(proposal.byRank).sort(([a], [b]) => {
    const n = (k: string) => (Number.isFinite(Number(k)) ? Number(k) : 99);
    return n(a) - n(b);
  });
  return (
    <Card withBorder padding="md" data-testid="placement-proposal">
      <Group justify="space-between" wrap="wrap" mb="xs">
        <Title order={2} size="h4">
          {confirmed ? t('staffPlacement.confirmedTitle') : t('staffPlacement.proposal')}
        </Title>
        <Badge color={confirmed ? 'green' : proposal.status === 'superseded' ? 'gray' : 'blue'} variant="light">
          {t(`staffPlacement.status.${proposal.status as 'proposed'}`)}
        </Badge>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" mb="sm">
        <div>
          <Text size="xs" c="dimmed">
            {t('staffPlacement.totalPoints')}
          </Text>
          <Text fw={700} size="lg" data-testid="total-points">
            {proposal.totalPoints}
          </Text>
        </div>
        {ranks.map(([rank, count]) => (
          <div key={rank}>
            <Text size="xs" c="dimmed">
              {Number.isFinite(Number(rank)) ? choice(Number(rank)) : t('staffPlacement.notRanked')}
            </Text>
            <Text fw={700}>{t('staffPlacement.fellowsCount', { count })}</Text>
          </div>
        ))}
      </SimpleGrid>
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
      <ProblemAlert error={confirm.error} />
      {proposal.status === 'proposed' && (
        <Group mt="sm">
          <Button color="green" onClick={() => setConfirming(true)}>
            {t('staffPlacement.confirm')}
          </Button>
        </Group>
      )}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('staffPlacement.confirmTitle')} centered>
        <Stack gap="sm">
          <Text size="sm">{t('staffPlacement.confirmWarning', { count: proposal.placements.length })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('staffProgramme.cancel')}
            </Button>
            <Button
              color="green"
              loading={confirm.isPending}
              onClick={() => confirm.mutate(proposal.id, { onSettled: () => setConfirming(false) })}
            >
              {t('staffPlacement.confirmAndEmail')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

/** After confirmation: one fellow to another hub, with the reason they are emailed. */
function MoveModal({
  cohortId,
  fellow,
  hubs,
  onClose,
}: {
  cohortId: string;
  fellow: PlacementFellow | null;
  hubs: PlacementHub[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const [hubId, setHubId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const move = useMoveFellow(cohortId);
  const close = () => {
    setHubId(null);
    setReason('');
    setTried(false);
    move.reset();
    onClose();
  };
  const submit = () => {
    setTried(true);
    if (!fellow || !hubId || !reason.trim()) return;
    move.mutate({ fellowId: fellow.id, hubId, reason: reason.trim() }, { onSuccess: close });
  };
  return (
    <Modal
      opened={!!fellow}
      onClose={close}
      title={t('staffPlacement.moveTitle', { name: fellow?.fullName ?? '' })}
      centered
    >
      <Stack gap="sm">
        <Select
          label={t('staffPlacement.newHub')}
          data={hubs
            .filter((h) => h.code !== fellow?.hub)
            .map((h) => ({ value: h.id, label: `${h.code} — ${vocabulary.hubName(h)} (${h.placed}/${h.capacity})` }))}
          value={hubId}
          onChange={setHubId}
          error={tried && !hubId ? t('staffProgramme.required') : undefined}
        />
        <Textarea
          label={t('staffPlacement.moveReason')}
          description={t('staffPlacement.moveReasonHelp')}
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={tried && !reason.trim() ? t('staffProgramme.required') : undefined}
        />
        <ProblemAlert error={move.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('staffProgramme.cancel')}
          </Button>
          <Button loading={move.isPending} onClick={submit}>
            {t('staffPlacement.move')}
          </Button>
        </Group>
      </Stack>
    </Modal>
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
          {data.proposal && <ProposalCard overview={data} proposal={data.proposal} />}
          <MoveModal cohortId={data.cohortId} fellow={moving} hubs={data.hubs} onClose={() => setMoving(null)} />
        </>
      )}
    </Stack>
  );
}
