import { Alert, Anchor, Button, Card, Code, FileInput, Group, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { fieldErrorMessage } from '../components/problems';
import { type MentorImportReport, useImportMentors } from './api';
import { ProblemAlert } from '../components/ProblemAlert';

/** The mentor CSV's header (POST /mentors/import reads these names; the export writes them). */
const MENTOR_CSV_COLUMNS =
  'email,full_name,language,organisation,title,sectors,expertise,languages,city,time_zone,capacity,available_from,available_to';

function Count({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg" data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}

function Report({ report }: { report: MentorImportReport }) {
  const { t } = useTranslation();
  return (
    <div data-testid="import-report">
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="xs" my="sm">
        <Count label={t('staffMentors.import.imported')} value={report.imported} testId="import-imported" />
        <Count label={t('staffMentors.import.created')} value={report.created} testId="import-created" />
        <Count label={t('staffMentors.import.updated')} value={report.updated} testId="import-updated" />
        <Count label={t('staffMentors.import.unchanged')} value={report.unchanged} testId="import-unchanged" />
        <Count label={t('staffMentors.import.rejected')} value={report.rejected.length} testId="import-rejected" />
      </SimpleGrid>
      {report.rejected.length > 0 && (
        <Table.ScrollContainer minWidth={520} mah={360}>
          <Table striped fz="sm" data-testid="rejected-rows">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>{t('staffMentors.import.line')}</Table.Th>
                <Table.Th>{t('staffMentors.email')}</Table.Th>
                <Table.Th>{t('staffMentors.import.reasons')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.rejected.map((row) => (
                <Table.Tr key={row.line} data-testid="rejected-row">
                  <Table.Td>{t('staffMentors.import.lineN', { n: row.line })}</Table.Td>
                  <Table.Td>{row.email ?? '—'}</Table.Td>
                  <Table.Td>
                    {row.errors.map((e) => (
                      <Text key={`${e.field}-${e.message}`} size="xs">
                        <b>{e.field}</b>: {fieldErrorMessage(e)}
                      </Text>
                    ))}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </div>
  );
}

/** The mentor list as a CSV: import (a report by line) and export (the same columns, so it imports back). */
export function MentorImport() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const upload = useImportMentors();
  // A file refused as a whole (wrong header, not CSV) says why in field errors.
  const fileErrors = upload.error instanceof ApiError ? (upload.error.problem.errors ?? []) : [];
  return (
    <Card withBorder padding="md" data-testid="mentor-import">
      <Group justify="space-between" wrap="wrap" mb={4}>
        <Title order={2} size="h4">
          {t('staffMentors.import.title')}
        </Title>
        <Anchor href="/api/v1/mentors/export.csv" download size="sm" data-testid="export-csv">
          {t('staffMentors.import.export')}
        </Anchor>
      </Group>
      <Text size="xs" c="dimmed">
        {t('staffMentors.import.help')}
      </Text>
      {/* The file's header as the import reads it: literal column names, the same in every language. */}
      <Code block my={4} fz="xs">
        {MENTOR_CSV_COLUMNS}
      </Code>
      <Text size="xs" c="dimmed" mb="xs">
        {t('staffMentors.import.helpRows')}
      </Text>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <FileInput
          label={t('staffMentors.import.file')}
          placeholder={t('staffMentors.import.choose')}
          accept=".csv,text/csv"
          clearable
          value={file}
          onChange={(value) => {
            upload.reset();
            setFile(value);
          }}
          w={{ base: '100%', sm: 320 }}
        />
        <Button disabled={!file} loading={upload.isPending} onClick={() => file && upload.mutate(file)}>
          {t('staffMentors.import.run')}
        </Button>
      </Group>
      {fileErrors.length > 0 ? (
        <Alert color="red" role="alert" mt="sm">
          {fileErrors.map((e) => (
            <Text key={e.message} size="sm">
              {fieldErrorMessage(e)}
            </Text>
          ))}
        </Alert>
      ) : (
        <ProblemAlert error={upload.error} />
      )}
      {upload.data && <Report report={upload.data} />}
    </Card>
  );
}
