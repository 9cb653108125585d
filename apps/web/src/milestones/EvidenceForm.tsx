import { Alert, Button, FileInput, Group, Progress, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showProblem } from '../components/problems';
import { type Milestone, useSubmitEvidence, useUploadEvidence } from './api';

const MAX_BYTES = 10 * 1024 * 1024;

/** The fellow's evidence for a milestone (the kinds it takes); a resubmission after changes requested. */
export function EvidenceForm({ milestone }: { milestone: Milestone }) {
  const { t } = useTranslation();
  const takes = (kind: 'text' | 'link' | 'file') => milestone.evidence.includes(kind);
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const json = useSubmitEvidence(milestone.id);
  const upload = useUploadEvidence(milestone.id, setProgress);
  const form = useForm({
    initialValues: { text: '', link: '', file: null as File | null },
    validate: {
      link: (value) => (value.trim() && !/^https?:\/\/\S+$/i.test(value.trim()) ? t('milestones.form.badLink') : null),
      file: (value) =>
        !value
          ? null
          : value.type && value.type !== 'application/pdf'
            ? t('milestones.form.notPdf')
            : value.size > MAX_BYTES
              ? t('milestones.form.tooLarge')
              : null,
    },
  });
  const pending = json.isPending || upload.isPending;

  const submit = form.onSubmit((values) => {
    setProblem(null);
    setDone(false);
    const fields = { text: values.text.trim() || undefined, link: values.link.trim() || undefined };
    if (!fields.text && !fields.link && !values.file) {
      setProblem(t('milestones.form.nothing'));
      return;
    }
    const handlers = {
      onSuccess: () => {
        setDone(true);
        setProgress(null);
        form.reset();
      },
      onError: (error: unknown) => {
        setProgress(null);
        setProblem(showProblem(form, error, t));
      },
    };
    if (values.file) {
      setProgress(0);
      upload.mutate({ fields, file: values.file }, handlers);
    } else json.mutate(fields, handlers);
  });

  return (
    <form onSubmit={submit} noValidate data-testid="evidence-form">
      <Stack gap="xs">
        <Title order={4} size="h6">
          {milestone.status === 'changes_requested' ? t('milestones.form.resubmit') : t('milestones.form.title')}
        </Title>
        {takes('text') && (
          <Textarea
            label={t('milestones.form.text')}
            autosize
            minRows={3}
            maxLength={5000}
            {...form.getInputProps('text')}
          />
        )}
        {takes('link') && (
          <TextInput
            label={t('milestones.form.link')}
            placeholder="https://"
            type="url"
            {...form.getInputProps('link')}
          />
        )}
        {takes('file') && (
          <FileInput
            label={t('milestones.form.file')}
            description={t('milestones.form.fileHelp')}
            accept="application/pdf"
            clearable
            {...form.getInputProps('file')}
          />
        )}
        {progress !== null && (
          <Progress value={Math.round(progress * 100)} aria-label={t('milestones.form.uploading')} animated />
        )}
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        {done && (
          <Alert color="green" role="status">
            {t('milestones.form.sent')}
          </Alert>
        )}
        <Group>
          <Button type="submit" size="sm" loading={pending}>
            {t('milestones.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
