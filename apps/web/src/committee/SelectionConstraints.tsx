import {
  ActionIcon,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import type { CohortView } from '../applications/api';
import { ProposeCard } from '../components/proposals';
import { type Proposal, type SelectionRequest, usePropose, useRankingInStatus } from './api';
import { type Attribute, pct, useConstraintLabel, useShareValues } from './constraintLabel';

type ScoreKind = NonNullable<SelectionRequest['scoreKind']>;
interface ShareRow {
  key: number;
  attribute: Attribute;
  value: string | null;
  min: number | '';
  max: number | '';
}

let nextKey = 1;

const shareId = (row: ShareRow, i: number) =>
  `${row.attribute}-${row.value ?? 'x'}-${i + 1}`.replace(/[^A-Za-z0-9_-]/g, '_');

/** One share: "between min % and max % of the selected have this region, gender or sector". */
function ShareEditor({
  row,
  n,
  onChange,
  onRemove,
}: {
  row: ShareRow;
  n: number;
  onChange: (changes: Partial<ShareRow>) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const values = useShareValues();
  const percent = (label: string, key: 'min' | 'max') => (
    <NumberInput
      label={label}
      w={100}
      min={0}
      max={100}
      suffix=" %"
      value={row[key]}
      onChange={(value) => onChange({ [key]: value === '' ? '' : Number(value) })}
    />
  );
  return (
    <Group gap="xs" align="flex-end" wrap="wrap" data-testid="share-row">
      <Select
        label={t('selection.attribute')}
        w={130}
        data={(['region', 'gender', 'sector'] as const).map((a) => ({
          value: a,
          label: t(`selection.attributes.${a}`),
        }))}
        value={row.attribute}
        allowDeselect={false}
        onChange={(value) => onChange({ attribute: value as Attribute, value: null })}
      />
      <Select
        label={t('selection.value')}
        w={190}
        searchable
        data={values(row.attribute)}
        value={row.value}
        onChange={(value) => onChange({ value })}
      />
      {percent(t('selection.min'), 'min')}
      {percent(t('selection.max'), 'max')}
      <ActionIcon
        variant="subtle"
        color="red"
        size="lg"
        aria-label={t('selection.removeShare', { n })}
        onClick={onRemove}
      >
        ✕
      </ActionIcon>
    </Group>
  );
}

/** Staff's constraints: score, size, hub capacities, shares and pins; run gives a proposal (or the clash). */
export function SelectionConstraints({
  cohort,
  initial,
  onProposal,
}: {
  cohort: CohortView;
  initial: Proposal['input'] | null;
  onProposal: (proposal: Proposal) => void;
}) {
  const { t } = useTranslation();
  const interviewed = useRankingInStatus(cohort.id, 'interviewed');
  const [scoreKind, setScoreKind] = useState<ScoreKind>(initial?.scoreKind ?? 'normalized');
  const [size, setSize] = useState<number>(initial?.size ?? Math.min(100, Math.max(50, cohort.targetSize)));
  const [capacities, setCapacities] = useState<Record<string, number>>(() =>
    initial ? { ...initial.hubCapacities } : Object.fromEntries(cohort.hubs.map((h) => [h.code, h.capacity])),
  );
  const [shares, setShares] = useState<ShareRow[]>(() =>
    (initial?.shares ?? []).map((share, i) => ({
      key: -(i + 1),
      attribute: share.attribute,
      value: share.value,
      min: share.min !== undefined ? pct(share.min) : '',
      max: share.max !== undefined ? pct(share.max) : '',
    })),
  );
  const [pinnedIn, setPinnedIn] = useState<string[]>(initial?.pinnedIn ?? []);
  const [pinnedOut, setPinnedOut] = useState<string[]>(initial?.pinnedOut ?? []);
  const propose = usePropose(cohort.id);
  const describe = useConstraintLabel(propose.variables?.shares ?? []);
  const candidates = (interviewed.data ?? []).map((row) => ({
    value: row.applicationId,
    label: row.fullName ?? row.applicationId,
  }));
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
      ? ((propose.error.problem as { clash?: string[] }).clash ?? []).map(describe)
      : null;
  return (
    <ProposeCard
      testId="constraints"
      words={{
        title: t('selection.constraints'),
        run: t('selection.run'),
        infeasible: t('selection.infeasible'),
        infeasibleHelp: t('selection.clashHelp'),
      }}
      reasons={clash}
      infeasibleTestId="clash"
      error={propose.error}
      onRun={run}
      running={propose.isPending}
    >
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
            onChange={setScoreKind}
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
            <ShareEditor
              key={row.key}
              row={row}
              n={i + 1}
              onChange={(changes) =>
                setShares((rows) => rows.map((r) => (r.key === row.key ? { ...r, ...changes } : r)))
              }
              onRemove={() => setShares((rows) => rows.filter((r) => r.key !== row.key))}
            />
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
    </ProposeCard>
  );
}
