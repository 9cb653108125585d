import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  CloseButton,
  Group,
  NumberInput,
  Pagination,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApplicationStatus } from '../applications/api';
import { useFormOptions } from '../applications/api';
import { formatProgramTime } from '../components/Deadline';
import { StatusBadge } from '../components/StatusBadge';
import { ApiError } from '../api/client';
import { problemMessage } from '../components/problems';
import {
  type RankingQuery,
  type RoundView,
  criteriaOf,
  useAutoAssign,
  useRanking,
  useRound,
  useUpdateRound,
} from './api';
import { CohortPicker, useCohortParam } from '../components/CohortPicker';
import { ConflictsPanel } from './ConflictsPanel';
import { DecisionPanel } from './DecisionPanel';
import { useVocabulary } from '../vocabulary/vocabulary';

/** Rows per page of the board (the API allows up to 100). */
const PAGE_SIZE = 25;

const score = (value: number | null) => (value === null ? '—' : value.toFixed(2));

/** A Vietnam-time "YYYY-MM-DDTHH:MM" (UTC+7, no daylight saving) that lies in the past. */
const deadlinePassed = (local: string): boolean =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(local) && Date.parse(`${local.slice(0, 16)}:00+07:00`) <= Date.now();

/** The review round: reviewers per application, deadline (Vietnam time), disagreement gap, and auto-assignment. */
function RoundPanel({ cohortId, round }: { cohortId: string; round: RoundView }) {
  const { t } = useTranslation();
  const [k, setK] = useState<number>(round.reviewersPerApplication);
  const [deadline, setDeadline] = useState(round.reviewDeadlineLocal ?? '');
  const [gap, setGap] = useState<number>(round.disagreementGap);
  const update = useUpdateRound(cohortId);
  const assign = useAutoAssign(cohortId);
  const summary = assign.data;
  return (
    <Card withBorder padding="md" data-testid="round-panel">
      <Title order={2} size="h4" mb="xs">
        {t('committee.round')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <NumberInput
          label={t('committee.k')}
          min={1}
          max={7}
          value={k}
          onChange={(value) => setK(Number(value) || 1)}
        />
        <TextInput
          type="datetime-local"
          label={t('committee.reviewDeadline')}
          value={deadline}
          onChange={(event) => setDeadline(event.currentTarget.value)}
          rightSectionWidth={deadline ? 36 : undefined}
          rightSection={
            deadline ? (
              <CloseButton size="sm" aria-label={t('committee.clearDeadline')} onClick={() => setDeadline('')} />
            ) : null
          }
        />
        <NumberInput
          label={t('committee.gap')}
          min={0.1}
          max={4}
          step={0.1}
          decimalScale={2}
          value={gap}
          onChange={(value) => setGap(Number(value) || 0.1)}
        />
      </SimpleGrid>
      {deadlinePassed(deadline) && (
        <Alert color="yellow" mt="sm" data-testid="deadline-past">
          {t('committee.deadlinePast')}
        </Alert>
      )}
      {(update.error || assign.error) && (
        <Alert color="red" role="alert" mt="sm">
          {problemMessage(update.error ?? assign.error, t)}
          {assign.error instanceof ApiError && assign.error.code === 'review_round_not_open' && (
            <Anchor component={Link} to={`/staff/cohorts/${cohortId}`} size="sm" display="block" mt={4}>
              {t('cohorts.toCohortPage')} →
            </Anchor>
          )}
        </Alert>
      )}
      {update.isSuccess && (
        <Text size="sm" c="green" mt="xs" role="status">
          {t('committee.roundSaved')}
        </Text>
      )}
      <Group mt="sm" gap="xs">
        <Button
          variant="default"
          loading={update.isPending}
          onClick={() =>
            update.mutate({
              reviewersPerApplication: k,
              disagreementGap: gap,
              reviewDeadline: deadline ? deadline.slice(0, 16) : null,
            })
          }
        >
          {t('committee.saveRound')}
        </Button>
        <Button loading={assign.isPending} onClick={() => assign.mutate()}>
          {t('committee.autoAssign')}
        </Button>
      </Group>
      {summary && (
        <Alert color="indigo" mt="sm" data-testid="assign-summary" title={t('committee.assignedTitle')}>
          <Text size="sm">
            {t('committee.assignedSummary', {
              applications: summary.applications,
              k: summary.reviewersPerApplication,
              assigned: summary.assigned,
              kept: summary.kept,
              imbalance: summary.imbalance,
              mismatches: summary.sectorMismatches,
            })}
          </Text>
          <Group gap={6} mt={6}>
            {summary.loads.map((load) => (
              <Badge key={load.reviewerId} variant="outline" size="sm">
                {load.reviewerName}: {load.load}
              </Badge>
            ))}
          </Group>
        </Alert>
      )}
    </Card>
  );
}

/** /staff/committee — the ranking board with its filters, a row's breakdown and decisions, and the review round. */
export function CommitteePage() {
  const { t, i18n } = useTranslation();
  const vocabulary = useVocabulary();
  const { cohortId, cohort, cohorts, setCohortId } = useCohortParam();
  const options = useFormOptions();
  const round = useRound(cohortId);
  const [query, setQuery] = useState<RankingQuery>({ score: 'normalized', page: 1, pageSize: PAGE_SIZE });
  const ranking = useRanking(cohortId, query);
  const rows = ranking.data?.items;
  const [open, setOpen] = useState<string | null>(null);
  // Any change of order or filter starts again from the first page.
  const set = (changes: Partial<RankingQuery>) => setQuery((current) => ({ ...current, page: 1, ...changes }));
  const error = cohorts.error ?? round.error ?? ranking.error;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1} size="h2">
            {t('committee.title')}
          </Title>
          {cohort && (
            <Anchor component={Link} to={`/staff/selection?cohortId=${cohortId}`} size="sm">
              {t('committee.toSelection')} →
            </Anchor>
          )}
        </div>
        <CohortPicker
          cohortId={cohortId}
          cohorts={cohorts.data ?? []}
          onChange={(id) => {
            setCohortId(id);
            set({});
          }}
        />
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {problemMessage(error, t)}
        </Alert>
      )}
      {cohort && (cohort.status === 'draft' || cohort.status === 'open') && (
        <Alert color="blue" data-testid="cohort-not-reviewing">
          <Text size="sm">{t('cohorts.cohortOpenNotice', { stage: t(`cohorts.stages.${cohort.status}`) })}</Text>
          <Anchor component={Link} to={`/staff/cohorts/${cohortId}`} size="sm" fw={600}>
            {t('cohorts.toCohortPage')} →
          </Anchor>
        </Alert>
      )}
      {round.data && <RoundPanel key={cohortId} cohortId={cohortId} round={round.data} />}
      {cohortId && <ConflictsPanel key={`conflicts-${cohortId}`} cohortId={cohortId} />}
      <Card withBorder padding="sm">
        <SimpleGrid cols={{ base: 1, sm: 3, lg: 5 }} spacing="xs">
          <div>
            <Text size="sm" fw={500} mb={4} id="score-kind">
              {t('committee.orderBy')}
            </Text>
            <SegmentedControl
              aria-labelledby="score-kind"
              fullWidth
              data={[
                { value: 'normalized', label: t('committee.normalized') },
                { value: 'raw', label: t('committee.raw') },
              ]}
              value={query.score ?? 'normalized'}
              onChange={(value) => set({ score: value })}
            />
          </div>
          <Select
            label={t('staffApps.hub')}
            clearable
            data={(cohort?.hubs ?? []).map((h) => ({ value: h.code, label: `${vocabulary.hubName(h)} — ${h.city}` }))}
            value={query.hub ?? null}
            onChange={(value) => set({ hub: value ?? undefined })}
          />
          <Select
            label={t('staffApps.region')}
            clearable
            data={vocabulary.options('region')}
            value={query.region ?? null}
            onChange={(value) => set({ region: (value ?? undefined) as RankingQuery['region'] })}
          />
          <Select
            label={t('staffApps.sector')}
            clearable
            searchable
            data={(options.data?.sectors ?? []).map((s) => ({ value: s, label: vocabulary.label('sector', s) }))}
            value={query.sector ?? null}
            onChange={(value) => set({ sector: value ?? undefined })}
          />
          <Select
            label={t('form.personal.gender')}
            clearable
            data={(options.data?.genders ?? []).map((g) => ({ value: g, label: vocabulary.label('gender', g) }))}
            value={query.gender ?? null}
            onChange={(value) => set({ gender: value ?? undefined })}
          />
        </SimpleGrid>
      </Card>
      <Text size="sm" c="dimmed" role="status" data-testid="ranking-count">
        {ranking.data ? t('committee.count', { count: ranking.data.meta.total }) : ''}
      </Text>
      <Table.ScrollContainer minWidth={900}>
        <Table striped highlightOnHover verticalSpacing="xs" data-testid="ranking-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('committee.col.rank')}</Table.Th>
              <Table.Th>{t('staffApps.col.name')}</Table.Th>
              <Table.Th>{t('staffApps.col.enterprise')}</Table.Th>
              <Table.Th>{t('committee.col.normalized')}</Table.Th>
              <Table.Th>{t('committee.col.raw')}</Table.Th>
              <Table.Th>{t('committee.col.spread')}</Table.Th>
              <Table.Th>{t('committee.col.reviews')}</Table.Th>
              <Table.Th>{t('committee.col.interview')}</Table.Th>
              <Table.Th>{t('staffApps.col.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows?.map((row) => (
              <Table.Tr key={row.applicationId}>
                <Table.Td>{row.rank}</Table.Td>
                <Table.Td>
                  <Anchor component="button" type="button" fw={500} onClick={() => setOpen(row.applicationId)}>
                    {row.fullName ?? t('staffApps.unnamed')}
                  </Anchor>
                </Table.Td>
                <Table.Td>{row.enterpriseName ?? '—'}</Table.Td>
                <Table.Td fw={query.score !== 'raw' ? 700 : undefined}>{score(row.normalizedScore)}</Table.Td>
                <Table.Td fw={query.score === 'raw' ? 700 : undefined}>{score(row.rawScore)}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {score(row.spread)}
                    {row.disagreement && (
                      <Badge color="orange" size="xs" miw="max-content" title={t('committee.disagreementHelp')}>
                        {t('committee.disagreement')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {t('committee.reviewsOf', { done: row.reviewsDone, expected: row.reviewsExpected })}
                </Table.Td>
                <Table.Td data-testid="interview-score">
                  {row.interview ? (
                    <Text
                      span
                      size="sm"
                      title={t('committee.interviewHelp', {
                        when: formatProgramTime(row.interview.recordedAt, i18n.resolvedLanguage ?? 'vi'),
                      })}
                    >
                      {score(row.interview.score)}
                    </Text>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={row.status as ApplicationStatus} size="sm" />
                </Table.Td>
              </Table.Tr>
            ))}
            {rows?.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={9}>
                  <Text c="dimmed" ta="center" py="md">
                    {t('committee.none')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {ranking.data && ranking.data.meta.pageCount > 1 && (
        <Pagination
          data-testid="ranking-pages"
          total={ranking.data.meta.pageCount}
          value={query.page ?? 1}
          onChange={(page) => set({ page })}
          siblings={1}
          withEdges
        />
      )}
      <DecisionPanel
        cohortId={cohortId}
        applicationId={open}
        criteria={round.data ? criteriaOf(round.data.rubric) : []}
        onClose={() => setOpen(null)}
      />
    </Stack>
  );
}
