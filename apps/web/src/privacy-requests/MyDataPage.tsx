import { Alert, Anchor, Button, Card, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage, showProblem } from '../components/problems';
import { DeadlineBadge } from './DeadlineBadge';
import { KINDS, type RequestKind, exportUrl, useFileMyDataRequest, useMyDataRequests } from './api';

/** /my-data — make a request about my personal data, follow my requests, download my export when ready. */
export function MyDataPage() {
  const { t } = useTranslation();
  const mine = useMyDataRequests();
  const file = useFileMyDataRequest();
  const [sent, setSent] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<{ kind: RequestKind; details: string }>({ initialValues: { kind: 'access', details: '' } });

  const submit = form.onSubmit((values) => {
    setSent(false);
    setProblem(null);
    file.mutate(values, {
      onSuccess: () => {
        setSent(true);
        form.reset();
      },
      onError: (error) => setProblem(showProblem(form, error, t)),
    });
  });

  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          {t('dataRequests.mine.title')}
        </Title>
        <Text c="dimmed">{t('dataRequests.mine.intro')}</Text>
      </div>
      <Card withBorder padding="md">
        <form onSubmit={submit}>
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('dataRequests.mine.new')}
            </Title>
            <Select
              label={t('dataRequests.mine.kindLabel')}
              data={KINDS.map((k) => ({ value: k, label: t(`dataRequests.kind.${k}`) }))}
              allowDeselect={false}
              {...form.getInputProps('kind')}
            />
            <Textarea
              label={t('dataRequests.mine.details')}
              description={t('dataRequests.mine.detailsHint')}
              autosize
              minRows={3}
              required
              {...form.getInputProps('details')}
            />
            {problem && (
              <Alert color="red" role="alert">
                {problem}
              </Alert>
            )}
            {sent && (
              <Alert color="green" role="status">
                {t('dataRequests.mine.sent')}
              </Alert>
            )}
            <Button type="submit" loading={file.isPending} w="fit-content">
              {t('dataRequests.mine.submit')}
            </Button>
          </Stack>
        </form>
      </Card>
      <Title order={2} size="h4">
        {t('dataRequests.mine.list')}
      </Title>
      {mine.error && (
        <Alert color="red" role="alert">
          {problemMessage(mine.error, t)}
        </Alert>
      )}
      {mine.data?.length === 0 && <Text c="dimmed">{t('dataRequests.mine.none')}</Text>}
      {!!mine.data?.length && (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dataRequests.columns.kind')}</Table.Th>
              <Table.Th>{t('dataRequests.columns.received')}</Table.Th>
              <Table.Th>{t('dataRequests.columns.state')}</Table.Th>
              <Table.Th>{t('dataRequests.columns.deadline')}</Table.Th>
              <Table.Th>{t('dataRequests.columns.answer')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {mine.data.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{t(`dataRequests.kind.${r.kind}`)}</Table.Td>
                <Table.Td>{r.receivedOn}</Table.Td>
                <Table.Td>{t(`dataRequests.state.${r.state}`)}</Table.Td>
                <Table.Td>
                  <DeadlineBadge request={r} />
                </Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    {r.answer && <Text size="sm">{r.answer}</Text>}
                    {r.exportReady && (
                      <Anchor href={exportUrl(r.id)} download>
                        {t('dataRequests.mine.download')}
                      </Anchor>
                    )}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
