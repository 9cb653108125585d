import { Alert, Button, Card, Group, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, call } from '../api/client';
import { formatProgramTime } from '../components/Deadline';
import { defaultCohortId, rememberCohortId } from '../components/currentCohort';
import { showProblem } from '../components/problems';
import { useVocabulary } from '../vocabulary/vocabulary';
import {
  type AnnouncementDraft,
  type AnnouncementTemplateCode,
  type Audience,
  useAnnouncementTemplates,
  usePreviewAnnouncement,
  useSendAnnouncement,
  useSentAnnouncements,
} from './api';

const AUDIENCES: Audience[] = ['fellows', 'applicants', 'mentors'];
const TEMPLATES: AnnouncementTemplateCode[] = ['deadline-approaching', 'event', 'free-text'];
type Fields = Omit<AnnouncementDraft, 'cohortId'>;

/**
 * /staff/announcements — write to a cohort's applicants, fellows or mentors from a template, see it as
 * each language's recipients will, send it once (an Idempotency-Key per draft), and the list of sent ones.
 */
export function StaffAnnouncementsPage() {
  const { t, i18n } = useTranslation();
  const vocabulary = useVocabulary();
  const language = i18n.resolvedLanguage ?? 'vi';
  const [params, setParams] = useSearchParams();
  const cohorts = useQuery({ queryKey: ['cohorts', 'all'], queryFn: () => call(api.GET('/api/v1/cohorts')) });
  const cohortId = defaultCohortId(params.get('cohortId'), cohorts.data);
  const templates = useAnnouncementTemplates(cohortId);
  const sent = useSentAnnouncements(cohortId);
  const preview = usePreviewAnnouncement();
  const send = useSendAnnouncement(cohortId);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [previewed, setPreviewed] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const form = useForm<Fields>({
    initialValues: {
      audience: 'fellows',
      purpose: null,
      template: 'event',
      subjectVi: '',
      bodyVi: '',
      subjectEn: '',
      bodyEn: '',
    },
  });

  const fill = (code: AnnouncementTemplateCode) => {
    const found = templates.data?.find((x) => x.code === code);
    if (!found) return;
    form.setValues({
      template: code,
      subjectVi: found.vi.subject,
      bodyVi: found.vi.body,
      subjectEn: found.en.subject,
      bodyEn: found.en.body,
    });
  };
  useEffect(() => {
    if (cohortId) rememberCohortId(cohortId);
    if (cohortId && !params.get('cohortId')) setParams({ cohortId }, { replace: true });
  }, [cohortId, params, setParams]);
  // Fills the chosen template once the templates arrive; `fill` and `form` are new on every render and
  // re-running on them would overwrite what staff typed.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => fill(form.getValues().template), [templates.data]);

  const draft = (): AnnouncementDraft => ({ cohortId, ...form.getValues() });
  const current = JSON.stringify(draft());
  const onError = (error: unknown) => setProblem(showProblem(form, error, t));
  const onPreview = () => {
    setProblem(null);
    setDone(null);
    preview.mutate(draft(), { onSuccess: () => setPreviewed(current), onError });
  };
  const onSend = () =>
    send.mutate(
      { body: draft(), key },
      {
        onSuccess: (result) => {
          setDone(result.recipientCount);
          setKey(crypto.randomUUID());
          setPreviewed('');
          preview.reset();
        },
        onError,
      },
    );
  const count = preview.data?.recipientCount ?? 0;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1} size="h2">
            {t('announcements.staff.title')}
          </Title>
          <Text c="dimmed" maw={720}>
            {t('announcements.staff.intro')}
          </Text>
        </div>
        <Select
          aria-label={t('staffApps.cohort')}
          placeholder={t('staffApps.cohort')}
          data={(cohorts.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={cohortId || null}
          allowDeselect={false}
          onChange={(value) => value && setParams({ cohortId: value })}
        />
      </Group>
      {!cohortId && cohorts.data && <Text c="dimmed">{t('announcements.staff.pickCohort')}</Text>}
      {cohortId && (
        <Card withBorder padding="md" component="section" aria-labelledby="compose-title">
          <Title order={2} size="h4" mb="sm" id="compose-title">
            {t('announcements.staff.compose')}
          </Title>
          <Stack gap="sm">
            <Group grow align="flex-start">
              <Select
                label={t('announcements.staff.audience')}
                data={AUDIENCES.map((a) => ({ value: a, label: vocabulary.label('announcementAudience', a) }))}
                allowDeselect={false}
                {...form.getInputProps('audience')}
              />
              <Select
                label={t('consent.announcementPurpose')}
                description={t('consent.announcementPurposeHint')}
                data={[
                  { value: 'notice', label: t('consent.announcementNotice') },
                  ...(['communications', 'marketing'] as const).map((p) => ({
                    value: p,
                    label: vocabulary.label('consentPurpose', p),
                  })),
                ]}
                allowDeselect={false}
                value={form.getValues().purpose ?? 'notice'}
                onChange={(value) =>
                  form.setFieldValue('purpose', value === 'communications' || value === 'marketing' ? value : null)
                }
                data-testid="announcement-purpose"
              />
              <Select
                label={t('announcements.staff.template')}
                data={TEMPLATES.map((code) => ({ value: code, label: vocabulary.label('announcementTemplate', code) }))}
                allowDeselect={false}
                value={form.getValues().template}
                error={form.errors.template}
                onChange={(value) => value && fill(value)}
              />
            </Group>
            <TextInput
              label={t('announcements.staff.subjectVi')}
              maxLength={200}
              {...form.getInputProps('subjectVi')}
            />
            <Textarea
              label={t('announcements.staff.bodyVi')}
              autosize
              minRows={4}
              maxLength={5000}
              {...form.getInputProps('bodyVi')}
            />
            <TextInput
              label={t('announcements.staff.subjectEn')}
              maxLength={200}
              {...form.getInputProps('subjectEn')}
            />
            <Textarea
              label={t('announcements.staff.bodyEn')}
              autosize
              minRows={4}
              maxLength={5000}
              {...form.getInputProps('bodyEn')}
            />
            {problem && (
              <Alert color="red" role="alert">
                {problem}
              </Alert>
            )}
            {done !== null && (
              <Alert color="green" role="status">
                {t('announcements.staff.sent', { count: done })}
              </Alert>
            )}
            <Group>
              <Button variant="light" onClick={onPreview} loading={preview.isPending}>
                {t('announcements.staff.preview')}
              </Button>
              <Button
                onClick={onSend}
                loading={send.isPending}
                disabled={!preview.data || previewed !== current || count === 0}
              >
                {t('announcements.staff.send', { count })}
              </Button>
            </Group>
            {preview.data && previewed === current && (
              <Stack
                gap="sm"
                data-testid="announcement-preview"
                aria-label={t('announcements.staff.previewTitle')}
                role="region"
              >
                <Text fw={600}>{t('announcements.staff.recipients', { count })}</Text>
                {count === 0 && <Text c="dimmed">{t('announcements.staff.noRecipients')}</Text>}
                {preview.data.languages.map((l) => (
                  <Card key={l.language} withBorder padding="sm" data-testid={`preview-${l.language}`}>
                    <Text size="sm" c="dimmed">
                      {t('announcements.staff.languageCount', {
                        language: t(`language.${l.language}`),
                        count: l.recipientCount,
                        name: l.sampleName,
                      })}
                    </Text>
                    <Text fw={600}>{l.subject}</Text>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lang={l.language}>
                      {l.text}
                    </Text>
                  </Card>
                ))}
              </Stack>
            )}
          </Stack>
        </Card>
      )}
      {cohortId && (
        <Card withBorder padding="md" component="section" aria-labelledby="history-title">
          <Title order={2} size="h4" mb="sm" id="history-title">
            {t('announcements.staff.history')}
          </Title>
          {sent.data?.length === 0 ? (
            <Text c="dimmed">{t('announcements.staff.historyEmpty')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table data-testid="sent-announcements">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('announcements.staff.columns.subject')}</Table.Th>
                    <Table.Th>{t('announcements.staff.columns.audience')}</Table.Th>
                    <Table.Th>{t('announcements.staff.columns.count')}</Table.Th>
                    <Table.Th>{t('announcements.staff.columns.sender')}</Table.Th>
                    <Table.Th>{t('announcements.staff.columns.at')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {sent.data?.map((a) => (
                    <Table.Tr key={a.id}>
                      <Table.Td>{language === 'en' ? a.en.subject : a.vi.subject}</Table.Td>
                      <Table.Td>{vocabulary.label('announcementAudience', a.audience)}</Table.Td>
                      <Table.Td>{a.recipientCount}</Table.Td>
                      <Table.Td>{a.senderName}</Table.Td>
                      <Table.Td>{formatProgramTime(a.createdAt, language)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Card>
      )}
    </Stack>
  );
}
