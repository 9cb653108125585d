import { Alert, Pagination, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../components/problems';
import { useVocabulary } from '../vocabulary/vocabulary';
import { useAccessLog } from './api';

/** /staff/privacy/access-log — who opened a person's full application or downloaded their documents. */
export function AccessLogPage() {
  const { t, i18n } = useTranslation();
  const vocabulary = useVocabulary();
  const [subject, setSubject] = useState('');
  const [debounced] = useDebouncedValue(subject.trim(), 300);
  const [page, setPage] = useState(1);
  const log = useAccessLog({ page, pageSize: 25, ...(debounced ? { subject: debounced } : {}) });
  const when = new Intl.DateTimeFormat(i18n.language === 'vi' ? 'vi-VN' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'medium',
    timeZone: 'Asia/Ho_Chi_Minh',
  });
  return (
    <Stack gap="md">
      <Title order={1}>{t('accessLog.title')}</Title>
      <Text c="dimmed">{t('accessLog.intro')}</Text>
      <TextInput
        label={t('accessLog.person')}
        placeholder={t('accessLog.personHelp')}
        value={subject}
        maw={420}
        onChange={(e) => {
          setSubject(e.currentTarget.value);
          setPage(1);
        }}
      />
      {log.error && (
        <Alert color="red" role="alert">
          {problemMessage(log.error, t)}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={800}>
        <Table striped aria-label={t('accessLog.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('accessLog.when')}</Table.Th>
              <Table.Th>{t('accessLog.person')}</Table.Th>
              <Table.Th>{t('accessLog.actor')}</Table.Th>
              <Table.Th>{t('accessLog.resource')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {log.data?.items.map((row) => (
              <Table.Tr key={row.id}>
                <Table.Td>{when.format(new Date(row.accessedAt))}</Table.Td>
                <Table.Td>{row.subjectName ?? t('accessLog.unknownPerson')}</Table.Td>
                <Table.Td>
                  <Stack gap={0}>
                    <Text size="sm">{row.actorName ?? t('accessLog.unknownPerson')}</Text>
                    <Text size="xs" c="dimmed">
                      {(row.actorRoles ?? []).map((r) => vocabulary.label('role', r)).join(', ')}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  {t(`accessLog.resources.${row.resource === 'document' ? 'document' : 'application'}`)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {log.data && log.data.items.length === 0 && <Text>{t('accessLog.none')}</Text>}
      {log.data && log.data.meta.pageCount > 1 && (
        <Pagination total={log.data.meta.pageCount} value={page} onChange={setPage} withEdges={false} />
      )}
    </Stack>
  );
}
