import { Alert, Badge, Button, Group, Pagination, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAllCohorts } from '../committee/api';
import { problemMessage } from '../components/problems';
import { useVocabulary } from '../vocabulary/vocabulary';
import { RECIPIENT_KINDS, type TransferQuery, transfersExportUrl, useTransferCountries, useTransfers } from './api';

/**
 * /staff/privacy/transfers — the transfer register (Sổ chuyển dữ liệu ra nước ngoài): each time a
 * person's data was made available abroad, filtered by cohort, country and recipient kind; CSV export.
 */
export function TransfersPage() {
  const { t, i18n } = useTranslation();
  const vocabulary = useVocabulary();
  // ZZ: the register's "unknown" (ISO 3166 user-assigned) for a recipient whose time zone has no country.
  const countryName = (code: string) => (code === 'ZZ' ? t('transfers.countryUnknown') : vocabulary.country(code));
  const cohorts = useAllCohorts();
  const countries = useTransferCountries();
  const [filters, setFilters] = useState<{
    cohortId: string | null;
    country: string | null;
    recipientKind: string | null;
  }>({ cohortId: null, country: null, recipientKind: null });
  const [page, setPage] = useState(1);
  const set = (key: keyof typeof filters) => (value: string | null) => {
    setFilters({ ...filters, [key]: value });
    setPage(1);
  };
  const query: TransferQuery = {
    page,
    pageSize: 25,
    ...(filters.cohortId ? { cohortId: filters.cohortId } : {}),
    ...(filters.country ? { country: filters.country } : {}),
    ...(filters.recipientKind ? { recipientKind: filters.recipientKind as (typeof RECIPIENT_KINDS)[number] } : {}),
  };
  const register = useTransfers(query);
  const when = new Intl.DateTimeFormat(i18n.language === 'vi' ? 'vi-VN' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Asia/Ho_Chi_Minh',
  });
  return (
    <Stack gap="md">
      <Title order={1}>{t('transfers.title')}</Title>
      <Text c="dimmed">{t('transfers.intro')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        <Select
          label={t('transfers.cohort')}
          placeholder={t('transfers.all')}
          clearable
          data={(cohorts.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={filters.cohortId}
          onChange={set('cohortId')}
        />
        <Select
          label={t('transfers.country')}
          placeholder={t('transfers.all')}
          clearable
          data={(countries.data?.countries ?? []).map((code) => ({ value: code, label: countryName(code) }))}
          value={filters.country}
          onChange={set('country')}
        />
        <Select
          label={t('transfers.recipientKind')}
          placeholder={t('transfers.all')}
          clearable
          data={RECIPIENT_KINDS.map((kind) => ({ value: kind, label: t(`transfers.kinds.${kind}`) }))}
          value={filters.recipientKind}
          onChange={set('recipientKind')}
        />
      </SimpleGrid>
      <Group justify="space-between">
        <Text size="sm">{register.data ? t('transfers.total', { count: register.data.meta.total }) : ''}</Text>
        <Button component="a" href={transfersExportUrl(query)} variant="default" download>
          {t('transfers.export')}
        </Button>
      </Group>
      {register.error && (
        <Alert color="red" role="alert">
          {problemMessage(register.error, t)}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={900}>
        <Table striped aria-label={t('transfers.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('transfers.when')}</Table.Th>
              <Table.Th>{t('transfers.person')}</Table.Th>
              <Table.Th>{t('transfers.cohort')}</Table.Th>
              <Table.Th>{t('transfers.source')}</Table.Th>
              <Table.Th>{t('transfers.recipient')}</Table.Th>
              <Table.Th>{t('transfers.country')}</Table.Th>
              <Table.Th>{t('transfers.categories')}</Table.Th>
              <Table.Th>{t('transfers.basis')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {register.data?.items.map((row) => (
              <Table.Tr key={row.id}>
                <Table.Td>{when.format(new Date(row.transferredAt))}</Table.Td>
                <Table.Td>{row.subjectName ?? t('transfers.unknownPerson')}</Table.Td>
                <Table.Td>{row.cohortName ?? '—'}</Table.Td>
                <Table.Td>{t(`transfers.sources.${row.sourceKind === 'pairing' ? 'pairing' : 'placement'}`)}</Table.Td>
                <Table.Td>
                  <Stack gap={0}>
                    <Text size="sm">{row.recipientName}</Text>
                    <Text size="xs" c="dimmed">
                      {t(`transfers.kinds.${row.recipientKind}`)}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td>{countryName(row.country)}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {row.categories.map((c) => (
                      <Badge key={c} variant="light" size="sm">
                        {vocabulary.label('dataCategory', c)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>{t(`transfers.bases.${row.basis}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {register.data && register.data.items.length === 0 && <Text>{t('transfers.none')}</Text>}
      {register.data && register.data.meta.pageCount > 1 && (
        <Pagination total={register.data.meta.pageCount} value={page} onChange={setPage} withEdges={false} />
      )}
    </Stack>
  );
}
