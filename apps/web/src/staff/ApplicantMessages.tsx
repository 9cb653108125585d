import { Alert, Badge, Button, Card, Group, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVocabulary } from '../vocabulary/vocabulary';
import { formatProgramTime } from '../components/Deadline';
import { showProblem } from '../components/problems';
import {
  type ApplicantMessageDraft,
  type ApplicantMessageTemplateCode,
  useApplicantMessages,
  usePreviewApplicantMessage,
  useSendApplicantMessage,
} from './applicant-messages-api';

type Delivery = 'pending' | 'queued' | 'done' | 'failed';
const DELIVERY_COLOR: Record<Delivery, string> = { pending: 'gray', queued: 'blue', done: 'green', failed: 'red' };

/**
 * Staff only, on an application: write to the applicant from a template (in their language), preview
 * the email, send it (once, whatever the retries), and the log of messages with sender and time.
 */
export function ApplicantMessages({ applicationId }: { applicationId: string }) {
  const { t, i18n } = useTranslation();
  const vocabulary = useVocabulary();
  const language = i18n.resolvedLanguage ?? 'vi';
  const messages = useApplicantMessages(applicationId);
  const preview = usePreviewApplicantMessage(applicationId);
  const send = useSendApplicantMessage(applicationId);
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [previewed, setPreviewed] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const form = useForm<ApplicantMessageDraft>({
    initialValues: { template: 'missing-document', subject: '', body: '' },
  });
  const templates = messages.data?.templates;
  const fill = (code: ApplicantMessageTemplateCode) => {
    const found = templates?.find((x) => x.code === code);
    if (found) form.setValues({ template: code, subject: found.subject, body: found.body });
  };
  // Fills the chosen template once the templates arrive; `fill` and `form` are new on every render and
  // re-running on them would overwrite what staff typed.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => fill(form.getValues().template), [templates]);

  if (!messages.data) return null;
  const current = JSON.stringify(form.getValues());
  const onError = (error: unknown) => setProblem(showProblem(form, error, t));
  const onPreview = () => {
    setProblem(null);
    setDone(false);
    preview.mutate(form.getValues(), { onSuccess: () => setPreviewed(current), onError });
  };
  const onSend = () =>
    send.mutate(
      { body: form.getValues(), idempotencyKey },
      {
        onSuccess: () => {
          setDone(true);
          setIdempotencyKey(crypto.randomUUID());
          setPreviewed('');
          preview.reset();
          fill(form.getValues().template);
        },
        onError,
      },
    );
  const recipientLanguage = messages.data.language === 'en' ? 'en' : 'vi';

  return (
    <Card
      withBorder
      padding="md"
      data-testid="applicant-messages"
      component="section"
      aria-labelledby="applicant-messages-title"
    >
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="applicant-messages-title">
          {t('applicantMessages.title')}
        </Title>
        <Badge variant="light" color="gray">
          {t('applicantMessages.staffOnly')}
        </Badge>
      </Group>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('applicantMessages.intro', { email: messages.data.to, language: t(`language.${recipientLanguage}`) })}
        </Text>
        <Select
          label={t('applicantMessages.template')}
          data={(templates ?? []).map((x) => ({
            value: x.code,
            label: vocabulary.label('applicantMessageTemplate', x.code),
          }))}
          allowDeselect={false}
          value={form.getValues().template}
          error={form.errors.template}
          onChange={(value) => value && fill(value)}
        />
        <TextInput label={t('applicantMessages.subject')} maxLength={200} {...form.getInputProps('subject')} />
        <Textarea
          label={t('applicantMessages.body')}
          autosize
          minRows={4}
          maxLength={5000}
          {...form.getInputProps('body')}
        />
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        {done && (
          <Alert color="green" role="status">
            {t('applicantMessages.sent')}
          </Alert>
        )}
        <Group>
          <Button variant="light" size="sm" onClick={onPreview} loading={preview.isPending}>
            {t('applicantMessages.preview')}
          </Button>
          <Button size="sm" onClick={onSend} loading={send.isPending} disabled={!preview.data || previewed !== current}>
            {t('applicantMessages.send')}
          </Button>
        </Group>
        {preview.data && previewed === current && (
          <Card
            withBorder
            padding="sm"
            data-testid="message-preview"
            role="region"
            aria-label={t('applicantMessages.previewTitle')}
          >
            <Text fw={600}>{preview.data.subject}</Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lang={preview.data.language}>
              {preview.data.text}
            </Text>
          </Card>
        )}
        {messages.data.messages.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('applicantMessages.none')}
          </Text>
        ) : (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {messages.data.messages.map((m) => (
              <li key={m.id} data-testid="applicant-message">
                <Group gap="xs">
                  <Text size="xs" c="dimmed">
                    {t('applicantMessages.by', { name: m.senderName, at: formatProgramTime(m.createdAt, language) })}
                  </Text>
                  <Badge size="xs" variant="light" color={DELIVERY_COLOR[m.delivery]}>
                    {t(`applicantMessages.delivery.${m.delivery}`)}
                  </Badge>
                </Group>
                <Text size="sm" fw={600}>
                  {m.subject}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {m.body}
                </Text>
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
