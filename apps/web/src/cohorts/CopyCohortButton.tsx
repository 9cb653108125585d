import { Alert, Button, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type Cohort, useCopyCohort } from './api';
import { placeProblem } from './form';

/** "Start from a copy": asks the new cohort's name, copies on the server, opens the copy. */
export function CopyCohortButton({ source, label }: { source: Cohort; label: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const copy = useCopyCohort(source.id);
  const form = useForm({ initialValues: { name: source.name.replace(/\d{4}/, String(source.year + 1)) } });
  return (
    <>
      <Button variant="default" onClick={() => setOpened(true)}>
        {label}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('cohorts.copyTitle', { name: source.name })}>
        <form
          onSubmit={form.onSubmit((values) => {
            setMessage(null);
            copy.mutate(values.name, {
              onSuccess: (created) => void navigate(`/staff/cohorts/${created.id}`),
              onError: (error) => setMessage(placeProblem(form, error, t)),
            });
          })}
        >
          <Stack gap="sm">
            <Text size="sm">{t('cohorts.copyHelp')}</Text>
            <TextInput label={t('cohorts.copyName')} required {...form.getInputProps('name')} />
            {message && (
              <Alert color="red" role="alert">
                {message}
              </Alert>
            )}
            <Button type="submit" loading={copy.isPending}>
              {t('cohorts.copyConfirm')}
            </Button>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
