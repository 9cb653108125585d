import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Pagination,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, call } from '../api/client';
import type { components } from '../api/schema';
import { problemMessage } from '../components/problems';
import { useFormOptions } from '../applications/api';
import { formatProgramTime } from '../components/Deadline';
import { StatusBadge } from '../components/StatusBadge';
import { defaultCohortId, rememberCohortId } from '../components/currentCohort';
import { useVocabulary } from '../vocabulary/vocabulary';

type Status = components['schemas']['ApplicationListItem']['status'];
const STATUSES: readonly Status[] = [
  'draft',
  'submitted',
  'ineligible',
  'under_review',
  'shortlisted',
  'interviewed',
  'offered',
  'waitlisted',
  'rejected',
  'accepted',
  'declined',
  'withdrawn',
];
const FILTERS = ['status', 'hub', 'sector', 'region', 'eligibility'] as const;
type Filter = (typeof FILTERS)[number];
const PAGE_SIZE = 25;

/** The filters live in the URL: a list staff filtered can be bookmarked, shared and reloaded. */
function useListParams() {
  const [params, setParams] = useSearchParams();
  const get = (key: string) => params.get(key) ?? '';
  const set = (changes: Record<string, string | null>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        // Any change of filter starts again from the first page.
        if (!('page' in changes)) next.delete('page');
        return next;
      },
      { replace: true },
    );
  return { get, set, params };
}

/** /staff/applications — the cohort's pipeline, filters, diacritic-insensitive search and exports. */
export function ApplicationsListPage() {
  const { t, i18n } = useTranslation();
  const vocabulary = useVocabulary();
  const language = i18n.resolvedLanguage ?? 'vi';
  const { get, set } = useListParams();
  const options = useFormOptions();
  const cohorts = useQuery({ queryKey: ['cohorts', 'all'], queryFn: () => call(api.GET('/api/v1/cohorts')) });
  const cohortId = defaultCohortId(get('cohortId'), cohorts.data);
  const [search, setSearch] = [get('q'), (q: string) => set({ q })];
  const [q] = useDebouncedValue(search, 300);
  const page = Number(get('page')) || 1;

  const filters: Partial<Record<Filter, string>> = Object.fromEntries(
    FILTERS.map((f): [Filter, string] => [f, get(f)]).filter(([, v]) => v),
  );
  const query = { cohortId, page, pageSize: PAGE_SIZE, ...filters, ...(q.trim() ? { q: q.trim() } : {}) };
  const list = useQuery({
    queryKey: ['applications', 'list', query],
    queryFn: () => call(api.GET('/api/v1/applications', { params: { query: query as never } })),
    enabled: !!cohortId,
    placeholderData: keepPreviousData,
  });
  const pipeline = useQuery({
    queryKey: ['applications', 'pipeline', cohortId],
    queryFn: () => call(api.GET('/api/v1/applications/pipeline', { params: { query: { cohortId } } })),
    enabled: !!cohortId,
  });
  const cohort = cohorts.data?.find((c) => c.id === cohortId);

  useEffect(() => {
    if (cohortId) rememberCohortId(cohortId);
    // Remember the cohort in the URL once the default (the newest) is known.
    if (cohortId && !get('cohortId')) set({ cohortId, page: get('page') || null });
    // Runs when the cohort is known or changes; `get` and `set` are new on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cohortId]);

  const exportUrl = (format: 'csv' | 'xlsx') => {
    // The file speaks the reader's language (headers, statuses, bands, hubs), not the browser's.
    const lang = i18n.resolvedLanguage === 'en' ? 'en' : 'vi';
    const p = new URLSearchParams({ format, cohortId, lang, ...filters, ...(q.trim() ? { q: q.trim() } : {}) });
    return `/api/v1/applications/export?${p.toString()}`;
  };
  const error = cohorts.error ?? list.error ?? pipeline.error;
  const hubCity = (code: string) => cohort?.hubs.find((h) => h.code === code)?.city;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1} size="h2">
          {t('staffApps.title')}
        </Title>
        <Select
          aria-label={t('staffApps.cohort')}
          placeholder={t('staffApps.cohort')}
          data={(cohorts.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={cohortId || null}
          allowDeselect={false}
          onChange={(value) => set({ cohortId: value, ...Object.fromEntries(FILTERS.map((f) => [f, null])) })}
        />
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {problemMessage(error, t)}
        </Alert>
      )}
      {pipeline.data && (
        <Card withBorder padding="sm" aria-label={t('staffApps.pipeline')}>
          <Group justify="space-between" mb={6}>
            <Text size="sm" fw={600}>
              {t('staffApps.pipeline')}
            </Text>
            <Text size="sm" c="dimmed" data-testid="pipeline-total">
              {t('staffApps.total', { count: pipeline.data.total })}
            </Text>
          </Group>
          <SimpleGrid cols={{ base: 3, sm: 6, lg: 12 }} spacing={6}>
            {STATUSES.map((status) => {
              const selected = get('status') === status;
              return (
                <UnstyledButton
                  key={status}
                  onClick={() => set({ status: selected ? null : status })}
                  aria-pressed={selected}
                  data-testid={`pipeline-${status}`}
                  style={{
                    borderRadius: 6,
                    padding: '6px 4px',
                    textAlign: 'center',
                    background: selected ? 'var(--mantine-color-indigo-1)' : 'var(--mantine-color-gray-0)',
                  }}
                >
                  <Text fw={700} size="lg" lh={1.1}>
                    {(pipeline.data.counts as Record<Status, number>)[status] ?? 0}
                  </Text>
                  <Text size="xs" c="dimmed" truncate>
                    {t(`status.${status}`)}
                  </Text>
                </UnstyledButton>
              );
            })}
          </SimpleGrid>
        </Card>
      )}
      <Card withBorder padding="sm">
        <SimpleGrid cols={{ base: 1, sm: 3, lg: 6 }} spacing="xs">
          <TextInput
            label={t('staffApps.search')}
            placeholder={t('staffApps.searchPlaceholder')}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            type="search"
          />
          <Select
            label={t('staffApps.status')}
            clearable
            data={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            value={get('status') || null}
            onChange={(value) => set({ status: value })}
          />
          <Select
            label={t('staffApps.hub')}
            clearable
            data={(cohort?.hubs ?? []).map((h) => ({ value: h.code, label: `${vocabulary.hubName(h)} — ${h.city}` }))}
            value={get('hub') || null}
            onChange={(value) => set({ hub: value })}
          />
          <Select
            label={t('staffApps.sector')}
            clearable
            searchable
            data={(options.data?.sectors ?? []).map((s) => ({ value: s, label: vocabulary.label('sector', s) }))}
            value={get('sector') || null}
            onChange={(value) => set({ sector: value })}
          />
          <Select
            label={t('staffApps.region')}
            clearable
            data={vocabulary.options('region')}
            value={get('region') || null}
            onChange={(value) => set({ region: value })}
          />
          <Select
            label={t('staffApps.eligibility')}
            clearable
            data={(['eligible', 'ineligible', 'unchecked'] as const).map((e) => ({
              value: e,
              label: t(`staffApps.eligibilityValue.${e}`),
            }))}
            value={get('eligibility') || null}
            onChange={(value) => set({ eligibility: value })}
          />
        </SimpleGrid>
      </Card>
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" c="dimmed" role="status" data-testid="result-count">
          {list.data ? t('staffApps.found', { count: list.data.meta.total }) : ''}
        </Text>
        <Group gap="xs">
          <Button component="a" href={exportUrl('csv')} variant="default" size="xs" disabled={!cohortId} download>
            {t('staffApps.exportCsv')}
          </Button>
          <Button component="a" href={exportUrl('xlsx')} variant="default" size="xs" disabled={!cohortId} download>
            {t('staffApps.exportXlsx')}
          </Button>
        </Group>
      </Group>
      <Table.ScrollContainer minWidth={760}>
        <Table striped highlightOnHover verticalSpacing="xs" data-testid="applications-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('staffApps.col.name')}</Table.Th>
              <Table.Th>{t('staffApps.col.enterprise')}</Table.Th>
              <Table.Th>{t('staffApps.col.sector')}</Table.Th>
              <Table.Th>{t('staffApps.col.region')}</Table.Th>
              <Table.Th>{t('staffApps.col.hubs')}</Table.Th>
              <Table.Th>{t('staffApps.col.status')}</Table.Th>
              <Table.Th>{t('staffApps.col.submitted')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/staff/applications/${item.id}`} fw={500}>
                    {item.fullName ?? t('staffApps.unnamed')}
                  </Anchor>
                </Table.Td>
                <Table.Td>{item.enterpriseName ?? '—'}</Table.Td>
                <Table.Td>{item.sector ? vocabulary.label('sector', item.sector) : '—'}</Table.Td>
                <Table.Td>{item.region ? vocabulary.label('region', item.region) : '—'}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {item.hubPreferences.map((code, i) => (
                      <Badge key={code} size="xs" variant={i === 0 ? 'filled' : 'outline'} title={hubCity(code)}>
                        {vocabulary.hubLabel(code, cohort?.hubs)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={item.status} size="sm" />
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{item.submittedAt ? formatProgramTime(item.submittedAt, language) : '—'}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
            {list.data?.items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={7}>
                  <Text c="dimmed" ta="center" py="md">
                    {t('staffApps.none')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {list.data && list.data.meta.pageCount > 1 && (
        <Pagination
          total={list.data.meta.pageCount}
          value={page}
          onChange={(next) => set({ page: String(next) })}
          siblings={1}
        />
      )}
    </Stack>
  );
}
