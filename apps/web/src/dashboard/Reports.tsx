import { Alert, Anchor, Badge, Button, Card, Group, Progress, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../components/problems';
import { formatVietnamTime } from '../components/format';
import {
  REPORT_FORMATS,
  REPORT_KINDS,
  type ReportFormat,
  type ReportJob,
  type ReportKind,
  reportDownloadUrl,
  useReports,
  useRequestReport,
} from './api';

const STATUS_COLOR: Record<ReportJob['status'], string> = {
  queued: 'gray',
  running: 'blue',
  done: 'green',
  failed: 'red',
};

function ReportRow({ job, cohortName }: { job: ReportJob; cohortName: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  return (
    <Table.Tr data-testid="report-row" data-status={job.status}>
      <Table.Td>
        {t(`dashboard.reports.kinds.${job.kind}`)}
        <Text size="xs" c="dimmed">
          {cohortName} · {job.format.toUpperCase()} ·{' '}
          <span data-testid="report-requested-at">{formatVietnamTime(job.createdAt, language)}</span>
        </Text>
      </Table.Td>
      <Table.Td w={220}>
        {job.status === 'done' || job.status === 'failed' ? (
          <Badge color={STATUS_COLOR[job.status]} variant="light" tt="none">
            {t(`dashboard.reports.status.${job.status}`)}
          </Badge>
        ) : (
          <Progress
            value={Math.max(job.progress, 3)}
            animated
            aria-label={t('dashboard.reports.progress', { percent: job.progress })}
          />
        )}
        {job.error && (
          <Text size="xs" c="red">
            {job.error}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {job.status === 'done' && (
          <Anchor href={reportDownloadUrl(job.id)} size="sm" data-testid="report-download">
            {t('dashboard.reports.download', { name: job.filename ?? '' })}
          </Anchor>
        )}
        {job.rows !== null && (
          <Text size="xs" c="dimmed">
            {t('dashboard.reports.rows', { count: job.rows })}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** On-demand reports: request one (kind, format); the list shows progress while the worker runs it. */
export function Reports({ cohortId, cohorts }: { cohortId: string; cohorts: Array<{ id: string; name: string }> }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ReportKind>('cohort_progress');
  const [format, setFormat] = useState<ReportFormat>('xlsx');
  const reports = useReports(cohortId);
  const request = useRequestReport();
  const name = (id: string | null) => cohorts.find((c) => c.id === id)?.name ?? '';
  return (
    <Card withBorder padding="md" data-testid="reports">
      <Title order={2} size="h4" mb="xs">
        {t('dashboard.reports.title')}
      </Title>
      <Stack gap="sm">
        <Group align="flex-end" wrap="wrap" gap="xs">
          <Select
            label={t('dashboard.reports.kind')}
            data={REPORT_KINDS.map((k) => ({ value: k, label: t(`dashboard.reports.kinds.${k}`) }))}
            value={kind}
            allowDeselect={false}
            onChange={(value) => value && setKind(value)}
            w={260}
          />
          <Select
            label={t('dashboard.reports.format')}
            data={REPORT_FORMATS.map((f) => ({ value: f, label: f.toUpperCase() }))}
            value={format}
            allowDeselect={false}
            onChange={(value) => value && setFormat(value)}
            w={120}
          />
          <Button loading={request.isPending} onClick={() => request.mutate({ kind, format, cohortId })}>
            {t('dashboard.reports.request')}
          </Button>
        </Group>
        {(request.error ?? reports.error) && (
          <Alert color="red" role="alert">
            {problemMessage(request.error ?? reports.error, t)}
          </Alert>
        )}
        {reports.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('dashboard.reports.none')}
          </Text>
        )}
        {!!reports.data?.length && (
          <Table.ScrollContainer minWidth={600}>
            <Table fz="sm" verticalSpacing="xs">
              <Table.Tbody>
                {reports.data.map((job) => (
                  <ReportRow key={job.id} job={job} cohortName={name(job.cohortId)} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}
