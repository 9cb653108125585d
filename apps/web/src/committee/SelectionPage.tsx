import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../api/client';
import type { CohortView } from '../applications/api';
import { useFormOptions } from '../applications/api';
import { formatProgramTime } from '../components/Deadline';
import { problemMessage } from '../components/problems';
import {
  type Proposal,
  type SelectionRequest,
  useConfirmProposal,
  useOfferPreview,
  usePropose,
  useProposal,
  useRanking,
  useSelectionStatus,
} from './api';
import { ProposalCompare } from './ProposalCompare';
import { CohortPicker, useCohortParam } from '../components/CohortPicker';
import { useVocabulary } from '../vocabulary/vocabulary';

type Attribute = 'region' | 'gender' | 'sector';
type ScoreKind = NonNullable<SelectionRequest['scoreKind']>;
interface ShareRow {
  key: number;
  attribute: Attribute;
  value: string | null;
  min: number | '';
  max: number | '';
}

const pct = (fraction: number) => Math.round(fraction * 10000) / 100;
const two = (value: number) => value.toFixed(2);
let nextKey = 1;

/** The attribute values a share can name, with their words in the UI's language. */
function useShareValues() {
  const vocabulary = useVocabulary();
  const options = useFormOptions();
  return (attribute: Attribute) => {
    if (attribute === 'region') return vocabulary.options('region');
    if (attribute === 'gender')
      return (options.data?.genders ?? []).map((g) => ({ value: g, label: vocabulary.label('gender', g) }));
    return (options.data?.sectors ?? []).map((s) => ({ value: s, label: vocabulary.label('sector', s) }));
  };
}

type Share = NonNullable<SelectionRequest['shares']>[number];

/** A constraint named in staff's words: "at least 30 % from North", or the built-in ones (hubs, pins). */
function useConstraintLabel(shares: Share[]) {
  const { t } = useTranslation();
  const values = useShareValues();
  return (id: string) => {
    const share = shares.find((s) => s.id === id);
    if (!share) return t(`selection.builtIn.${id as 'hubs'}`, { defaultValue: id });
    const value = values(share.attribute).find((v) => v.value === share.value)?.label ?? share.value;
    if (share.min !== undefined && share.max !== undefined)
      return t('selection.shareBetween', { value, min: pct(share.min), max: pct(share.max) });
    if (share.min !== undefined) return t('selection.shareMin', { value, min: pct(share.min) });
    return t('selection.shareMax', { value, max: pct(share.max ?? 1) });
  };
}

/** Staff's constraints: size, hub capacities, shares and pins; run gives a proposal (or the clash). */
function ConstraintsForm({
  cohort,
  initial,
  onProposal,
}: {
  cohort: CohortView;
  initial: Proposal['input'] | null;
  onProposal: (proposal: Proposal) => void;
}) {
  const { t } = useTranslation();
  const values = useShareValues();
  const ranking = useRanking(cohort.id, { score: 'normalized' });
  const [scoreKind, setScoreKind] = useState<ScoreKind>(initial?.scoreKind ?? 'normalized');
  const [size, setSize] = useState<number>(initial?.size ?? Math.min(100, Math.max(50, cohort.targetSize)));
  const [capacities, setCapacities] = useState<Record<string, number>>(() =>
    initial ? { ...initial.hubCapacities } : Object.fromEntries(cohort.hubs.map((h) => [h.code, h.capacity])),
  );
  const [shares, setShares] = useState<ShareRow[]>(() =>
    (initial?.shares ?? []).map((share) => ({
      key: nextKey++,
      attribute: share.attribute,
      value: share.value,
      min: share.min !== undefined ? pct(share.min) : '',
      max: share.max !== undefined ? pct(share.max) : '',
    })),
  );
  const [pinnedIn, setPinnedIn] = useState<string[]>(initial?.pinnedIn ?? []);
  const [pinnedOut, setPinnedOut] = useState<string[]>(initial?.pinnedOut ?? []);
  const propose = usePropose(cohort.id);
  const candidates = (ranking.data ?? [])
    .filter((row) => row.status === 'interviewed')
    .map((row) => ({ value: row.applicationId, label: row.fullName ?? row.applicationId }));
  const updateShare = (key: number, changes: Partial<ShareRow>) =>
    setShares((rows) => rows.map((row) => (row.key === key ? { ...row, ...changes } : row)));
  const shareId = (row: ShareRow, i: number) =>
    `${row.attribute}-${row.value ?? 'x'}-${i + 1}`.replace(/[^A-Za-z0-9_-]/g, '_');
  const run = () => {
    const body: SelectionRequest = {
      scoreKind,
      size,
      hubCapacities: Object.entries(capacities).map(([code, capacity]) => ({ code, capacity })),
      shares: shares
        .filter((row) => row.value)
        .map((row, i) => ({
          id: shareId(row, i),
          attribute: row.attribute,
          value: row.value as string,
          ...(row.min !== '' ? { min: row.min / 100 } : {}),
          ...(row.max !== '' ? { max: row.max / 100 } : {}),
        })),
      ...(pinnedIn.length ? { pinnedIn } : {}),
      ...(pinnedOut.length ? { pinnedOut } : {}),
    };
    propose.mutate(body, { onSuccess: onProposal });
  };
  // A 422 names the constraints that clash: show them in staff's words.
  const clash =
    propose.error instanceof ApiError && propose.error.code === 'selection_infeasible'
      ? ((propose.error.problem as { clash?: string[] }).clash ?? [])
      : null;
  const describe = useConstraintLabel(propose.variables?.shares ?? []);
  return (
    <Card withBorder padding="md" data-testid="constraints">
      <Title order={2} size="h4" mb="sm">
        {t('selection.constraints')}
      </Title>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <div>
            <Text size="sm" fw={500} mb={4} id="selection-score">
              {t('selection.scoreKind')}
            </Text>
            <SegmentedControl
              aria-labelledby="selection-score"
              fullWidth
              data={(['normalized', 'raw', 'interview'] as const).map((k) => ({
                value: k,
                label: t(`selection.scoreKinds.${k}`),
              }))}
              value={scoreKind}
              onChange={(value) => setScoreKind(value)}
            />
          </div>
          <NumberInput
            label={t('selection.size')}
            description={t('selection.sizeHelp')}
            min={1}
            max={100}
            value={size}
            onChange={(value) => setSize(Number(value) || 50)}
          />
        </SimpleGrid>
        <div>
          <Text size="sm" fw={500}>
            {t('selection.hubCapacities')}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
            {cohort.hubs.map((hub) => (
              <NumberInput
                key={hub.code}
                label={`${hub.code} — ${hub.city}`}
                min={0}
                max={100}
                value={capacities[hub.code]}
                onChange={(value) => setCapacities((current) => ({ ...current, [hub.code]: Number(value) || 0 }))}
              />
            ))}
          </SimpleGrid>
        </div>
        <div>
          <Text size="sm" fw={500}>
            {t('selection.shares')}
          </Text>
          <Text size="xs" c="dimmed" mb={4}>
            {t('selection.sharesHelp')}
          </Text>
          <Stack gap="xs">
            {shares.map((row, i) => (
              <Group key={row.key} gap="xs" align="flex-end" wrap="wrap" data-testid="share-row">
                <Select
                  label={t('selection.attribute')}
                  w={130}
                  data={(['region', 'gender', 'sector'] as const).map((a) => ({
                    value: a,
                    label: t(`selection.attributes.${a}`),
                  }))}
                  value={row.attribute}
                  allowDeselect={false}
                  onChange={(value) => updateShare(row.key, { attribute: value as Attribute, value: null })}
                />
                <Select
                  label={t('selection.value')}
                  w={190}
                  searchable
                  data={values(row.attribute)}
                  value={row.value}
                  onChange={(value) => updateShare(row.key, { value })}
                />
                <NumberInput
                  label={t('selection.min')}
                  w={100}
                  min={0}
                  max={100}
                  suffix=" %"
                  value={row.min}
                  onChange={(value) => updateShare(row.key, { min: value === '' ? '' : Number(value) })}
                />
                <NumberInput
                  label={t('selection.max')}
                  w={100}
                  min={0}
                  max={100}
                  suffix=" %"
                  value={row.max}
                  onChange={(value) => updateShare(row.key, { max: value === '' ? '' : Number(value) })}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={t('selection.removeShare', { n: i + 1 })}
                  onClick={() => setShares((rows) => rows.filter((r) => r.key !== row.key))}
                >
                  ✕
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="light"
                size="xs"
                onClick={() =>
                  setShares((rows) => [...rows, { key: nextKey++, attribute: 'region', value: null, min: '', max: '' }])
                }
              >
                {t('selection.addShare')}
              </Button>
            </Group>
          </Stack>
        </div>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <MultiSelect
            label={t('selection.pinnedIn')}
            searchable
            clearable
            data={candidates.filter((c) => !pinnedOut.includes(c.value))}
            value={pinnedIn}
            onChange={setPinnedIn}
          />
          <MultiSelect
            label={t('selection.pinnedOut')}
            searchable
            clearable
            data={candidates.filter((c) => !pinnedIn.includes(c.value))}
            value={pinnedOut}
            onChange={setPinnedOut}
          />
        </SimpleGrid>
        {clash ? (
          <Alert color="red" role="alert" title={t('selection.infeasible')} data-testid="clash">
            <Text size="sm">{t('selection.clashHelp')}</Text>
            <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
              {clash.map((id) => (
                <li key={id}>{describe(id)}</li>
              ))}
            </ul>
          </Alert>
        ) : (
          propose.error && (
            <Alert color="red" role="alert">
              {problemMessage(propose.error, t)}
            </Alert>
          )
        )}
        <Group>
          <Button onClick={run} loading={propose.isPending}>
            {t('selection.run')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function OfferPreview({
  cohortId,
  proposalId,
  applicationId,
  onClose,
}: {
  cohortId: string;
  proposalId: string;
  applicationId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const preview = useOfferPreview(cohortId, proposalId, applicationId);
  return (
    <Modal opened={!!applicationId} onClose={onClose} title={t('selection.previewTitle')} size="lg">
      {preview.error && (
        <Alert color="red" role="alert">
          {problemMessage(preview.error, t)}
        </Alert>
      )}
      {preview.data && (
        <Stack gap="xs" data-testid="offer-preview">
          <Text size="sm">
            <b>{t('selection.to')}:</b> {preview.data.to} ({preview.data.language.toUpperCase()})
          </Text>
          <Text size="sm">
            <b>{t('selection.subject')}:</b> {preview.data.subject}
          </Text>
          <Card withBorder padding="sm">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {preview.data.text}
            </Text>
          </Card>
        </Stack>
      )}
    </Modal>
  );
}

/** The proposal: objective against the unconstrained top-N, the price of each constraint, the selected and the waitlist. */
function ProposalCard({ cohort, proposal, confirmed }: { cohort: CohortView; proposal: Proposal; confirmed: boolean }) {
  const { t, i18n } = useTranslation();
  const vocabulary = useVocabulary();
  const [preview, setPreview] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const confirm = useConfirmProposal(cohort.id);
  const describe = useConstraintLabel(proposal.input.shares);
  const label = (c: { region: string | null; gender: string | null; sector: string | null }) =>
    [
      c.region ? vocabulary.label('region', c.region) : null,
      c.gender ? vocabulary.label('gender', c.gender) : null,
      c.sector ? vocabulary.label('sector', c.sector) : null,
    ]
      .filter(Boolean)
      .join(' · ');
  return (
    <Card withBorder padding="md" data-testid="proposal">
      <Group justify="space-between" wrap="wrap" mb="xs">
        <Title order={2} size="h4">
          {t('selection.proposal')}
        </Title>
        <Badge variant="light" color={confirm.data ? 'green' : undefined}>
          {t(`selection.proposalStatus.${confirm.data ? 'confirmed' : (proposal.status as 'proposed')}`)}
        </Badge>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" mb="sm">
        <div>
          <Text size="xs" c="dimmed">
            {t('selection.selectedCount')}
          </Text>
          <Text fw={700} data-testid="selected-count">
            {proposal.selected.length}
          </Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            {t('selection.candidates')}
          </Text>
          <Text fw={700}>
            {proposal.candidates}
            {proposal.withoutScore > 0 && (
              <Text span size="xs" c="dimmed">
                {' '}
                {t('selection.withoutScore', { count: proposal.withoutScore })}
              </Text>
            )}
          </Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            {t('selection.objective')}
          </Text>
          <Text fw={700} data-testid="objective">
            {two(proposal.objective)}
          </Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            {t('selection.unconstrained')}
          </Text>
          <Text fw={700}>{two(proposal.unconstrainedObjective)}</Text>
        </div>
      </SimpleGrid>
      {proposal.prices.length > 0 && (
        <>
          <Title order={3} size="h5" mb={4}>
            {t('selection.prices')}
          </Title>
          <Table withTableBorder fz="sm" mb="sm" data-testid="prices">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('selection.constraint')}</Table.Th>
                <Table.Th>{t('selection.without')}</Table.Th>
                <Table.Th>{t('selection.price')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {proposal.prices.map((price) => (
                <Table.Tr key={price.constraint}>
                  <Table.Td>{describe(price.constraint)}</Table.Td>
                  <Table.Td>{two(price.objectiveWithout)}</Table.Td>
                  <Table.Td fw={price.price > 0 ? 700 : undefined}>{two(price.price)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <div>
          <Title order={3} size="h5" mb={4}>
            {t('selection.selected')}
          </Title>
          <Table.ScrollContainer minWidth={420} mah={420}>
            <Table striped fz="sm" data-testid="selected">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('staffApps.col.name')}</Table.Th>
                  <Table.Th>{t('selection.hub')}</Table.Th>
                  <Table.Th>{t('selection.score')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {proposal.selected.map((c) => (
                  <Table.Tr key={c.applicationId}>
                    <Table.Td>
                      <Text size="sm">{c.fullName ?? '—'}</Text>
                      <Text size="xs" c="dimmed">
                        {label(c)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge size="sm">{vocabulary.hubLabel(c.hub, cohort.hubs)}</Badge>
                    </Table.Td>
                    <Table.Td>{two(c.score)}</Table.Td>
                    <Table.Td>
                      <Anchor
                        component="button"
                        type="button"
                        size="xs"
                        onClick={() => setPreview(c.applicationId)}
                        aria-label={t('selection.previewFor', { name: c.fullName ?? '' })}
                      >
                        {t('selection.preview')}
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </div>
        <div>
          <Title order={3} size="h5" mb={4}>
            {t('selection.waitlist')}
          </Title>
          <Table.ScrollContainer minWidth={320} mah={420}>
            <Table striped fz="sm" data-testid="waitlist">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>#</Table.Th>
                  <Table.Th>{t('staffApps.col.name')}</Table.Th>
                  <Table.Th>{t('selection.score')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {proposal.waitlist.map((c) => (
                  <Table.Tr key={c.applicationId}>
                    <Table.Td>{c.rank}</Table.Td>
                    <Table.Td>{c.fullName ?? '—'}</Table.Td>
                    <Table.Td>{two(c.score)}</Table.Td>
                  </Table.Tr>
                ))}
                {proposal.waitlist.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={3}>
                      <Text size="sm" c="dimmed" ta="center">
                        {t('selection.noWaitlist')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </div>
      </SimpleGrid>
      {confirm.error && (
        <Alert color="red" role="alert" mt="sm">
          {problemMessage(confirm.error, t)}
        </Alert>
      )}
      {confirm.data && (
        <Alert color="green" role="status" mt="sm" data-testid="confirmed">
          {t('selection.confirmedSummary', {
            offers: confirm.data.offers,
            waitlisted: confirm.data.waitlisted,
            when: formatProgramTime(confirm.data.expiresAt, i18n.resolvedLanguage ?? 'vi'),
          })}
        </Alert>
      )}
      {proposal.status === 'proposed' && !confirmed && !confirm.data && (
        <Group mt="sm">
          <Button color="green" onClick={() => setConfirming(true)}>
            {t('selection.confirm')}
          </Button>
        </Group>
      )}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('selection.confirmTitle')} centered>
        <Stack gap="sm">
          <Text size="sm">
            {t('selection.confirmWarning', {
              offers: proposal.selected.length,
              waitlisted: proposal.waitlist.length,
              days: cohort.offerResponseDays,
            })}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('selection.cancel')}
            </Button>
            <Button
              color="green"
              loading={confirm.isPending}
              onClick={() => confirm.mutate(proposal.id, { onSettled: () => setConfirming(false) })}
            >
              {t('selection.confirmAndSend')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <OfferPreview
        cohortId={cohort.id}
        proposalId={proposal.id}
        applicationId={preview}
        onClose={() => setPreview(null)}
      />
    </Card>
  );
}

const OFFER_COLORS: Record<string, string> = {
  pending: 'blue',
  accepted: 'green',
  declined: 'orange',
  expired: 'gray',
};

/** After confirmation: every offer and how it was answered, and the waitlist. */
function OffersStatus({ cohortId }: { cohortId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const status = useSelectionStatus(cohortId);
  if (!status.data?.confirmedRunId) return null;
  const s = status.data;
  return (
    <Card withBorder padding="md" data-testid="offers-status">
      <Group justify="space-between" wrap="wrap" mb="xs">
        <Title order={2} size="h4">
          {t('selection.offersTitle')}
        </Title>
        <Text size="sm" data-testid="seats-held">
          {t('selection.seatsHeld', { held: s.seatsHeld, size: s.size ?? 0 })}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Table.ScrollContainer minWidth={420} mah={480}>
          <Table striped fz="sm" data-testid="offers">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('staffApps.col.name')}</Table.Th>
                <Table.Th>{t('selection.offerStatus')}</Table.Th>
                <Table.Th>{t('selection.expires')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.offers.map((offer) => (
                <Table.Tr key={offer.id}>
                  <Table.Td>{offer.fullName ?? '—'}</Table.Td>
                  <Table.Td>
                    <Badge color={OFFER_COLORS[offer.status]} variant="light" size="sm">
                      {t(`selection.offerStatuses.${offer.status as 'pending'}`)}
                    </Badge>
                    {offer.seatLeftOpen && (
                      <Text size="xs" c="red">
                        {t('selection.seatLeftOpen')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{formatProgramTime(offer.expiresAt, language)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Table.ScrollContainer minWidth={300} mah={480}>
          <Table striped fz="sm" data-testid="waitlist-status">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th>
                <Table.Th>{t('staffApps.col.name')}</Table.Th>
                <Table.Th>{t('selection.offerStatus')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.waitlist.map((entry) => (
                <Table.Tr key={entry.applicationId}>
                  <Table.Td>{entry.rank}</Table.Td>
                  <Table.Td>{entry.fullName ?? '—'}</Table.Td>
                  <Table.Td>{t(`selection.waitStatus.${entry.status as 'waiting'}`)}</Table.Td>
                </Table.Tr>
              ))}
              {s.waitlist.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={3}>
                    <Text size="sm" c="dimmed" ta="center">
                      {t('selection.noWaitlist')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </SimpleGrid>
    </Card>
  );
}

/** /staff/selection — constraints → optimal proposal with prices → offer preview → confirm; then offers and waitlist. */
export function SelectionPage() {
  const { t, i18n } = useTranslation();
  const { cohortId, cohort, cohorts, setCohortId } = useCohortParam();
  const status = useSelectionStatus(cohortId);
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const confirmed = !!status.data?.confirmedRunId;
  // The server keeps every run: on opening the page, the newest one (or the confirmed one) is shown again.
  const runs = status.data?.proposals ?? [];
  const latestId = status.data?.confirmedRunId ?? runs[0]?.id ?? null;
  const latest = useProposal(cohortId, latestId);
  const shown = proposal ?? latest.data ?? null;
  const ready = !!status.data && (!latestId || !!latest.data || !!latest.error);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1} size="h2">
            {t('selection.title')}
          </Title>
          {cohort && (
            <Anchor component={Link} to={`/staff/committee?cohortId=${cohortId}`} size="sm">
              ← {t('selection.toBoard')}
            </Anchor>
          )}
        </div>
        <CohortPicker
          cohortId={cohortId}
          cohorts={cohorts.data ?? []}
          onChange={(id) => {
            setProposal(null);
            setCohortId(id);
          }}
        />
      </Group>
      {(cohorts.error ?? status.error) && (
        <Alert color="red" role="alert">
          {problemMessage(cohorts.error ?? status.error, t)}
        </Alert>
      )}
      {cohort && cohort.status !== 'selecting' && !confirmed && (
        <Alert color="yellow">
          {t('selection.notSelecting', { status: t(`selection.cohortStatus.${cohort.status}`) })}
        </Alert>
      )}
      {cohort && !confirmed && ready && (
        <ConstraintsForm
          key={`${cohort.id}-${latest.data?.id ?? 'none'}`}
          cohort={cohort}
          initial={latest.data?.input ?? null}
          onProposal={setProposal}
        />
      )}
      {!proposal && latest.data && (
        <Text size="sm" c="dimmed" data-testid="latest-shown">
          {t('selection.latestShown', {
            when: formatProgramTime(latest.data.createdAt, i18n.resolvedLanguage ?? 'vi'),
          })}
        </Text>
      )}
      {cohort && shown && (
        <ProposalCard key={`proposal-${shown.id}`} cohort={cohort} proposal={shown} confirmed={confirmed} />
      )}
      {cohort && runs.length > 1 && (
        <ProposalCompare key={`compare-${runs[0]?.id}`} cohortId={cohortId} proposals={runs} />
      )}
      <OffersStatus cohortId={cohortId} />
    </Stack>
  );
}
