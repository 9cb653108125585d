import { Alert, Anchor, Badge, Button, CloseButton, Code, Group, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../components/problems';
import { Pager } from './AdminPage';
import { type AuditQuery, auditExportUrl, useAuditLog } from './api';

/** A local date (yyyy-mm-dd) as the start of that day in Vietnam time, as the API wants an instant. */
function vietnamDayStart(day: string, plusDays = 0): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const start = new Date(`${day}T00:00:00+07:00`);
  start.setUTCDate(start.getUTCDate() + plusDays);
  return start.toISOString();
}

/** The audit log: filter by actor, entity, action and date; page through; export the filtered rows as CSV. */
export function AuditPanel() {
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useState({ actor: '', entityType: '', entityId: '', action: '', from: '', to: '' });
  // A click on a name narrows to that one account (two people may share a name); the text filter searches.
  const [only, setOnly] = useState<{ id: string; name: string } | null>(null);
  const [debounced] = useDebouncedValue(filters, 300);
  const [page, setPage] = useState(1);
  const set = (key: keyof typeof filters) => (e: React.ChangeEvent<HTMLInputElement>) => {
    setFilters({ ...filters, [key]: e.currentTarget.value });
    setPage(1);
  };
  const query: AuditQuery = {
    page,
    pageSize: 25,
    ...(only ? { actorId: only.id } : debounced.actor.trim() ? { actor: debounced.actor.trim() } : {}),
    ...(debounced.entityType.trim() ? { entityType: debounced.entityType.trim() } : {}),
    ...(debounced.entityId.trim() ? { entityId: debounced.entityId.trim() } : {}),
    ...(debounced.action.trim() ? { action: debounced.action.trim() } : {}),
    ...(vietnamDayStart(debounced.from) ? { from: vietnamDayStart(debounced.from) } : {}),
    // The "to" day is included: the API's bound is exclusive, so it is the start of the next day.
    ...(vietnamDayStart(debounced.to, 1) ? { to: vietnamDayStart(debounced.to, 1) } : {}),
  };
  const log = useAuditLog(query);
  const when = new Intl.DateTimeFormat(i18n.language === 'vi' ? 'vi-VN' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'medium',
    timeZone: 'Asia/Ho_Chi_Minh',
  });
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 3, lg: 6 }} spacing="xs">
        {only ? (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('admin.audit.actor')}
            </Text>
            <Badge
              size="lg"
              variant="light"
              rightSection={
                <CloseButton
                  size="xs"
                  aria-label={t('admin.audit.clearActor')}
                  onClick={() => {
                    setOnly(null);
                    setPage(1);
                  }}
                />
              }
            >
              {t('admin.audit.onlyActor', { name: only.name })}
            </Badge>
          </Stack>
        ) : (
          <TextInput
            label={t('admin.audit.actor')}
            placeholder={t('admin.audit.actorHelp')}
            value={filters.actor}
            onChange={set('actor')}
          />
        )}
        <TextInput
          label={t('admin.audit.entityType')}
          placeholder="user"
          value={filters.entityType}
          onChange={set('entityType')}
        />
        <TextInput label={t('admin.audit.entityId')} value={filters.entityId} onChange={set('entityId')} />
        <TextInput
          label={t('admin.audit.action')}
          placeholder="user.deactivated"
          value={filters.action}
          onChange={set('action')}
        />
        <TextInput label={t('admin.audit.from')} type="date" value={filters.from} onChange={set('from')} />
        <TextInput label={t('admin.audit.to')} type="date" value={filters.to} onChange={set('to')} />
      </SimpleGrid>
      <Group justify="space-between">
        <Text size="sm">{log.data ? t('admin.audit.total', { count: log.data.meta.total }) : ''}</Text>
        <Button component="a" href={auditExportUrl(query)} variant="default" download>
          {t('admin.audit.export')}
        </Button>
      </Group>
      {log.error && (
        <Alert color="red" role="alert">
          {problemMessage(log.error, t)}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={900}>
        <Table striped aria-label={t('admin.tabs.audit')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.audit.when')}</Table.Th>
              <Table.Th>{t('admin.audit.actor')}</Table.Th>
              <Table.Th>{t('admin.audit.action')}</Table.Th>
              <Table.Th>{t('admin.audit.entity')}</Table.Th>
              <Table.Th>{t('admin.audit.reason')}</Table.Th>
              <Table.Th>{t('admin.audit.details')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {log.data?.items.map((entry) => (
              <Table.Tr key={entry.id}>
                <Table.Td>{when.format(new Date(entry.createdAt))}</Table.Td>
                <Table.Td>
                  {entry.actorId ? (
                    <Stack gap={0}>
                      <Anchor
                        component="button"
                        type="button"
                        size="sm"
                        ta="left"
                        title={t('admin.audit.filterActor', { name: entry.actorName ?? entry.actorId })}
                        onClick={() => {
                          setOnly({ id: entry.actorId ?? '', name: entry.actorName ?? entry.actorId ?? '' });
                          setPage(1);
                        }}
                      >
                        {entry.actorName ?? entry.actorId.slice(0, 8)}
                      </Anchor>
                      {entry.actorEmail && (
                        <Text size="xs" c="dimmed">
                          {entry.actorEmail}
                        </Text>
                      )}
                    </Stack>
                  ) : (
                    t('admin.audit.system')
                  )}
                </Table.Td>
                <Table.Td>
                  <Code>{entry.action}</Code>
                </Table.Td>
                <Table.Td>
                  {entry.entityType} <Code>{entry.entityId}</Code>
                </Table.Td>
                <Table.Td>{entry.reason}</Table.Td>
                <Table.Td>
                  <Text size="xs" style={{ wordBreak: 'break-word' }}>
                    {JSON.stringify(entry.after ?? entry.before ?? {})}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {log.data && log.data.items.length === 0 && <Text>{t('admin.audit.none')}</Text>}
      {log.data && <Pager page={page} pageCount={log.data.meta.pageCount} onChange={setPage} />}
    </Stack>
  );
}
