import {
  Alert,
  Badge,
  Button,
  Card,
  Center,
  Checkbox,
  Group,
  Loader,
  Select,
  Spoiler,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../components/problems';
import { type PublishNotice, useNoticeVersions, usePublishNotice } from './api';

const EMPTY: PublishNotice = {
  purpose: 'application',
  titleVi: '',
  titleEn: '',
  bodyVi: '',
  bodyEn: '',
  material: false,
};

/** /staff/privacy — the notices of every purpose with their versions, how many consent, and a new version. */
export function StaffNoticesPage() {
  const { t, i18n } = useTranslation();
  const vi = i18n.resolvedLanguage !== 'en';
  const versions = useNoticeVersions();
  const publish = usePublishNotice();
  const [draft, setDraft] = useState<PublishNotice>(EMPTY);
  const startFrom = (purpose: PublishNotice['purpose']) => {
    const latest = versions.data?.find((p) => p.purpose === purpose)?.versions[0];
    publish.reset();
    setDraft(
      latest
        ? {
            purpose,
            titleVi: latest.titleVi,
            titleEn: latest.titleEn,
            bodyVi: latest.bodyVi,
            bodyEn: latest.bodyEn,
            material: false,
          }
        : { ...EMPTY, purpose },
    );
  };
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('consent.staff.title')}
      </Title>
      <Text>{t('consent.staff.intro')}</Text>
      {versions.error && (
        <Alert color="red" role="alert">
          {problemMessage(versions.error, t)}
        </Alert>
      )}
      {!versions.data && !versions.error && (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      )}
      {versions.data && (
        <Table striped withTableBorder data-testid="notice-counts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('consent.staff.purpose')}</Table.Th>
              <Table.Th>{t('consent.staff.version')}</Table.Th>
              <Table.Th>{t('consent.staff.standing')}</Table.Th>
              <Table.Th>{t('consent.staff.lapsed')}</Table.Th>
              <Table.Th>{t('consent.staff.withdrawn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.data.map((p) => (
              <Table.Tr key={p.purpose}>
                <Table.Td>{vi ? p.versions[0]?.titleVi : p.versions[0]?.titleEn}</Table.Td>
                <Table.Td>{p.versions[0]?.version}</Table.Td>
                <Table.Td>{p.standing}</Table.Td>
                <Table.Td>{p.lapsed}</Table.Td>
                <Table.Td>{p.withdrawn}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {versions.data?.map((p) => (
        <Card key={p.purpose} withBorder padding="md">
          <Stack gap="xs">
            <Group justify="space-between">
              <Text fw={600}>{vi ? p.versions[0]?.titleVi : p.versions[0]?.titleEn}</Text>
              <Button size="xs" variant="default" onClick={() => startFrom(p.purpose)}>
                {t('consent.staff.newVersion')}
              </Button>
            </Group>
            {p.versions.map((v) => (
              <Spoiler
                key={v.version}
                maxHeight={0}
                showLabel={t('consent.staff.versionLine', {
                  version: v.version,
                  at: new Date(v.publishedAt).toLocaleDateString(vi ? 'vi-VN' : 'en-GB'),
                })}
                hideLabel={t('consent.hideNotice')}
              >
                {v.material && <Badge color="orange">{t('consent.staff.material')}</Badge>}
                {v.changeNote && <Text size="sm">{v.changeNote}</Text>}
                <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                  {vi ? v.bodyVi : v.bodyEn}
                </Text>
              </Spoiler>
            ))}
          </Stack>
        </Card>
      ))}
      <Card withBorder padding="lg" data-testid="publish-notice">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('consent.staff.publishTitle')}
          </Title>
          <Select
            label={t('consent.staff.purpose')}
            data={(versions.data ?? []).map((p) => ({
              value: p.purpose,
              label: (vi ? p.versions[0]?.titleVi : p.versions[0]?.titleEn) ?? '',
            }))}
            value={draft.purpose}
            allowDeselect={false}
            onChange={(value) => value && startFrom(value)}
          />
          <TextInput
            label={t('consent.staff.titleVi')}
            value={draft.titleVi}
            onChange={(e) => setDraft({ ...draft, titleVi: e.currentTarget.value })}
          />
          <TextInput
            label={t('consent.staff.titleEn')}
            value={draft.titleEn}
            onChange={(e) => setDraft({ ...draft, titleEn: e.currentTarget.value })}
          />
          <Textarea
            autosize
            minRows={4}
            label={t('consent.staff.bodyVi')}
            value={draft.bodyVi}
            onChange={(e) => setDraft({ ...draft, bodyVi: e.currentTarget.value })}
          />
          <Textarea
            autosize
            minRows={4}
            label={t('consent.staff.bodyEn')}
            value={draft.bodyEn}
            onChange={(e) => setDraft({ ...draft, bodyEn: e.currentTarget.value })}
          />
          <TextInput
            label={t('consent.staff.changeNote')}
            value={draft.changeNote ?? ''}
            onChange={(e) => setDraft({ ...draft, changeNote: e.currentTarget.value })}
          />
          <Checkbox
            label={t('consent.staff.materialLabel')}
            checked={draft.material}
            onChange={(e) => setDraft({ ...draft, material: e.currentTarget.checked })}
          />
          {publish.error && (
            <Alert color="red" role="alert">
              {problemMessage(publish.error, t)}
            </Alert>
          )}
          {publish.isSuccess && (
            <Alert color="green" role="status">
              {t('consent.staff.published', { version: publish.data.version })}
            </Alert>
          )}
          <Group>
            <Button loading={publish.isPending} onClick={() => publish.mutate(draft)}>
              {t('consent.staff.publish')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}
