import {
  Alert,
  Anchor,
  Button,
  Card,
  Center,
  Group,
  Loader,
  MultiSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../api/client';
import { ConflictPicker } from '../components/ConflictPicker';
import { problemMessage } from '../components/problems';
import {
  type MentorProfileInput,
  type MentorView,
  useDeclareMentorConflict,
  useFellowsDirectory,
  useMyConflicts,
  useMyMentorProfile,
  useUpdateMentorProfile,
} from './api';
import { placeFieldErrors } from '../components/format';
import { foldedFilter, useVocabulary } from '../vocabulary/vocabulary';

interface Values {
  organisation: string;
  title: string;
  sectors: string[];
  expertise: string[];
  languages: string[];
  city: string;
  timeZone: string;
  capacity: number | string;
  availableFrom: string;
  availableTo: string;
  bio: string;
}

const FIELDS = [
  'organisation',
  'title',
  'sectors',
  'expertise',
  'languages',
  'city',
  'timeZone',
  'capacity',
  'availableFrom',
  'availableTo',
  'bio',
] as const;

const orNull = (value: string) => (value.trim() ? value.trim() : null);

function ProfileForm({ profile }: { profile: MentorView }) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const update = useUpdateMentorProfile();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: {
      organisation: profile.organisation ?? '',
      title: profile.title ?? '',
      sectors: profile.sectors,
      expertise: profile.expertise,
      languages: profile.languages,
      city: profile.city ?? '',
      timeZone: profile.timeZone,
      capacity: profile.capacity,
      availableFrom: profile.availableFrom ?? '',
      availableTo: profile.availableTo ?? '',
      bio: profile.bio ?? '',
    },
  });
  const submit = form.onSubmit((v) => {
    setProblem(null);
    const body: MentorProfileInput = {
      organisation: orNull(v.organisation),
      title: orNull(v.title),
      sectors: v.sectors as MentorProfileInput['sectors'],
      expertise: v.expertise as MentorProfileInput['expertise'],
      languages: v.languages.map((l) => l.trim().toLowerCase()),
      city: orNull(v.city),
      timeZone: v.timeZone.trim(),
      capacity: Number(v.capacity),
      availableFrom: orNull(v.availableFrom),
      availableTo: orNull(v.availableTo),
      bio: orNull(v.bio),
    };
    update.mutate(body, { onError: (error) => setProblem(placeFieldErrors(form, FIELDS, error, t)) });
  });
  return (
    <Card withBorder padding="md">
      <form onSubmit={submit} noValidate data-testid="mentor-profile">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('mentorProfile.organisation')}
              maxLength={200}
              {...form.getInputProps('organisation')}
            />
            <TextInput label={t('mentorProfile.jobTitle')} maxLength={200} {...form.getInputProps('title')} />
          </SimpleGrid>
          <MultiSelect
            label={t('mentorProfile.sectors')}
            data={vocabulary.options('sector')}
            {...form.getInputProps('sectors')}
          />
          <MultiSelect
            label={t('mentorProfile.expertise')}
            data={vocabulary.options('expertiseArea')}
            {...form.getInputProps('expertise')}
          />
          <MultiSelect
            label={t('mentorProfile.languages')}
            description={t('mentorProfile.languagesHelp')}
            searchable
            filter={foldedFilter}
            data={vocabulary.languages}
            maxValues={10}
            {...form.getInputProps('languages')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('mentorProfile.city')}
              description={t('mentorProfile.cityHelp')}
              maxLength={100}
              {...form.getInputProps('city')}
            />
            <TextInput
              label={t('mentorProfile.timeZone')}
              description={t('mentorProfile.timeZoneHelp')}
              required
              {...form.getInputProps('timeZone')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <NumberInput label={t('mentorProfile.capacity')} min={1} max={10} {...form.getInputProps('capacity')} />
            <TextInput type="date" label={t('mentorProfile.availableFrom')} {...form.getInputProps('availableFrom')} />
            <TextInput type="date" label={t('mentorProfile.availableTo')} {...form.getInputProps('availableTo')} />
          </SimpleGrid>
          <Textarea
            label={t('mentorProfile.bio')}
            autosize
            minRows={3}
            maxLength={2000}
            {...form.getInputProps('bio')}
          />
          {problem && (
            <Alert color="red" role="alert">
              {problem}
            </Alert>
          )}
          {update.isSuccess && (
            <Alert color="green" role="status">
              {t('mentorProfile.saved')}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={update.isPending}>
              {t('mentorProfile.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** The mentor declares a conflict with a fellow found by name; the matching never pairs them. */
function ConflictDeclaration() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [declared, setDeclared] = useState<string | null>(null);
  const matches = useFellowsDirectory(q);
  const conflicts = useMyConflicts();
  const declare = useDeclareMentorConflict();
  return (
    <Card withBorder padding="md" data-testid="conflicts">
      <Title order={2} size="h4">
        {t('mentorProfile.conflictTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('mentorProfile.conflictHelp')}
      </Text>
      {declared && (
        <Alert color="green" mb="sm" role="status">
          {t('mentorProfile.declared', { name: declared })}
        </Alert>
      )}
      <Stack gap="xs">
        <ConflictPicker
          search={search}
          onSearch={setSearch}
          candidates={
            search.trim().length >= 2 && q.trim().length >= 2
              ? matches.data?.map((m) => ({ id: m.fellowId, fullName: m.fullName, enterpriseName: m.enterpriseName }))
              : undefined
          }
          labels={{
            search: t('mentorProfile.search'),
            searchPlaceholder: t('mentorProfile.searchPlaceholder'),
            person: t('mentorProfile.fellow'),
            pick: t('mentorProfile.pick'),
            noMatch: t('mentorProfile.noMatch'),
            reason: t('mentorProfile.reason'),
            reasonPlaceholder: t('mentorProfile.reasonPlaceholder'),
            declare: t('mentorProfile.declare'),
          }}
          declare={{
            send: (fellowId, reason, done) =>
              declare.mutate(
                { fellowId, reason },
                {
                  onSuccess: () => {
                    setDeclared(matches.data?.find((m) => m.fellowId === fellowId)?.fullName ?? '');
                    done();
                  },
                },
              ),
            isPending: declare.isPending,
            error: declare.error,
          }}
        />
        {conflicts.data && conflicts.data.length > 0 && (
          <>
            <Text size="sm" fw={600} mt="sm">
              {t('mentorProfile.myConflicts')}
            </Text>
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {conflicts.data.map((c) => (
                <li key={c.id}>
                  <Text size="sm" span>
                    {c.fellowName}: {c.reason}
                  </Text>
                </li>
              ))}
            </ul>
          </>
        )}
      </Stack>
    </Card>
  );
}

/** /mentoring/profile — the mentor keeps their profile up to date and declares conflicts. */
export function MentorProfilePage() {
  const { t } = useTranslation();
  const profile = useMyMentorProfile();
  return (
    <Stack gap="lg" maw={800}>
      <Anchor component={Link} to="/mentoring" size="sm">
        ← {t('mentorProfile.back')}
      </Anchor>
      <div>
        <Title order={1} size="h2">
          {t('mentorProfile.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('mentorProfile.intro')}
        </Text>
      </div>
      {profile.error ? (
        <Alert color={profile.error instanceof ApiError && profile.error.status === 404 ? 'gray' : 'red'} role="alert">
          {profile.error instanceof ApiError && profile.error.status === 404
            ? t('mentorProfile.missing')
            : problemMessage(profile.error, t)}
        </Alert>
      ) : profile.data ? (
        <ProfileForm key={profile.data.userId} profile={profile.data} />
      ) : (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      )}
      <ConflictDeclaration />
    </Stack>
  );
}
