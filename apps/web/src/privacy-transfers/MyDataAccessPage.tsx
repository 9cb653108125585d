import { Pagination, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMyAccess } from './api';

/** /account/data-access — who opened my application or documents: which kind of person and when, never who. */
export function MyDataAccessPage() {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const mine = useMyAccess(page);
  const when = new Intl.DateTimeFormat(i18n.language === 'vi' ? 'vi-VN' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Asia/Ho_Chi_Minh',
  });
  return (
    <Stack gap="md" maw={760}>
      <Title order={1}>{t('accessLog.mine.title')}</Title>
      <Text c="dimmed">{t('accessLog.mine.intro')}</Text>
      <Table striped aria-label={t('accessLog.mine.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('accessLog.when')}</Table.Th>
            <Table.Th>{t('accessLog.mine.by')}</Table.Th>
            <Table.Th>{t('accessLog.resource')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {mine.data?.items.map((row, i) => (
            <Table.Tr key={`${row.accessedAt}-${i}`}>
              <Table.Td>{when.format(new Date(row.accessedAt))}</Table.Td>
              <Table.Td>{t(`accessLog.mine.roles.${row.by}`)}</Table.Td>
              <Table.Td>
                {t(`accessLog.resources.${row.resource === 'document' ? 'document' : 'application'}`)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {mine.data && mine.data.items.length === 0 && <Text>{t('accessLog.mine.none')}</Text>}
      {mine.data && mine.data.meta.pageCount > 1 && (
        <Pagination total={mine.data.meta.pageCount} value={page} onChange={setPage} withEdges={false} />
      )}
    </Stack>
  );
}
