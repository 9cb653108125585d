import {
  Alert,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormOptions } from '../applications/api';
import { showProblem } from '../components/problems';
import { type Mentor, useCreateMentor, useUpdateMentor } from './api';
import { foldedFilter } from '../vocabulary/vocabulary';
import { useLabels } from '../components/matchReasons';

interface Values {
  email: string;
  fullName: string;
  language: 'vi' | 'en';
  organisation: string;
  title: string;
  sectors: string[];
  expertise: string[];
  languages: string[];
  city: string;
  timeZone: string;
  capacity: number;
  availableFrom: string;
  availableTo: string;
  bio: string;
  active: boolean;
}

const TIME_ZONES: string[] = (() => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['Asia/Ho_Chi_Minh', 'Asia/Tokyo', 'Asia/Seoul', 'Asia/Singapore', 'Europe/Berlin'];
  }
})();

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** A mentor's profile: a new one (account and invitation with it) or an existing one's changes. */
export function MentorForm({ mentor, onDone }: { mentor?: Mentor; onDone: (mentor: Mentor) => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const options = useFormOptions();
  const create = useCreateMentor();
  const update = useUpdateMentor();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: {
      email: mentor?.email ?? '',
      fullName: mentor?.fullName ?? '',
      language: mentor?.language ?? 'vi',
      organisation: mentor?.organisation ?? '',
      title: mentor?.title ?? '',
      sectors: mentor?.sectors ?? [],
      expertise: mentor?.expertise ?? [],
      languages: mentor?.languages ?? ['vi', 'en'],
      city: mentor?.city ?? '',
      timeZone: mentor?.timeZone ?? 'Asia/Ho_Chi_Minh',
      capacity: mentor?.capacity ?? 2,
      availableFrom: mentor?.availableFrom ?? '',
      availableTo: mentor?.availableTo ?? '',
      bio: mentor?.bio ?? '',
      active: mentor?.active ?? true,
    },
    validate: {
      email: (v) => (!mentor && !/^\S+@\S+\.\S+$/.test(v) ? t('staffMentors.emailInvalid') : null),
      fullName: (v) => (!mentor && !v.trim() ? t('staffProgramme.required') : null),
      languages: (v) => (v.length === 0 ? t('staffMentors.languagesRequired') : null),
      timeZone: (v) => (!v ? t('staffProgramme.required') : null),
    },
  });
  const submit = (values: Values) => {
    setMessage(null);
    const profile = {
      organisation: orNull(values.organisation),
      title: orNull(values.title),
      sectors: values.sectors,
      expertise: values.expertise,
      languages: values.languages.map((l) => l.trim().toLowerCase()),
      city: orNull(values.city),
      timeZone: values.timeZone,
      capacity: values.capacity,
      availableFrom: orNull(values.availableFrom),
      availableTo: orNull(values.availableTo),
      bio: orNull(values.bio),
    };
    const onError = (error: unknown) => setMessage(showProblem(form, error, t));
    if (mentor)
      update.mutate({ userId: mentor.userId, ...profile, active: values.active } as never, {
        onSuccess: onDone,
        onError,
      });
    else
      create.mutate(
        {
          email: values.email.trim(),
          fullName: values.fullName.trim(),
          language: values.language,
          ...profile,
        } as never,
        { onSuccess: onDone, onError },
      );
  };
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack gap="sm">
        {!mentor && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('staffMentors.email')} type="email" required {...form.getInputProps('email')} />
            <TextInput label={t('staffMentors.fullName')} required {...form.getInputProps('fullName')} />
            <Select
              label={t('staffMentors.inviteLanguage')}
              data={[
                { value: 'vi', label: t('language.vi') },
                { value: 'en', label: t('language.en') },
              ]}
              allowDeselect={false}
              {...form.getInputProps('language')}
            />
          </SimpleGrid>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('staffMentors.organisation')} {...form.getInputProps('organisation')} />
          <TextInput label={t('staffMentors.jobTitle')} {...form.getInputProps('title')} />
        </SimpleGrid>
        <MultiSelect
          label={t('staffProgramme.sector')}
          data={(options.data?.sectors ?? []).map((s) => ({ value: s, label: labels.sector(s) }))}
          searchable
          {...form.getInputProps('sectors')}
        />
        <MultiSelect
          label={t('staffMentors.expertise')}
          data={labels.expertiseOptions}
          {...form.getInputProps('expertise')}
        />
        <MultiSelect
          label={t('staffProgramme.languagesLabel')}
          description={t('staffMentors.languagesHelp')}
          required
          searchable
          filter={foldedFilter}
          data={labels.languageOptions}
          maxValues={10}
          {...form.getInputProps('languages')}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label={t('staffMentors.city')}
            description={t('staffMentors.cityHelp')}
            {...form.getInputProps('city')}
          />
          <Select
            label={t('staffMentors.timeZone')}
            data={TIME_ZONES}
            searchable
            required
            {...form.getInputProps('timeZone')}
          />
          <NumberInput
            label={t('staffMentors.capacity')}
            description={t('staffMentors.capacityHelp')}
            min={1}
            max={10}
            allowDecimal={false}
            {...form.getInputProps('capacity')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput type="date" label={t('staffMentors.availableFrom')} {...form.getInputProps('availableFrom')} />
          <TextInput type="date" label={t('staffMentors.availableTo')} {...form.getInputProps('availableTo')} />
        </SimpleGrid>
        <Textarea label={t('staffMentors.bio')} autosize minRows={2} maxRows={6} {...form.getInputProps('bio')} />
        {mentor && (
          <Switch
            label={t('staffMentors.activeLabel')}
            description={t('staffMentors.activeHelp')}
            {...form.getInputProps('active', { type: 'checkbox' })}
          />
        )}
        {message && (
          <Alert color="red" role="alert">
            {message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending || update.isPending}>
            {mentor ? t('staffProgramme.save') : t('staffMentors.createAndInvite')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
