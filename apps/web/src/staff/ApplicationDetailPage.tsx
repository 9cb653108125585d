import { Alert, Anchor, Card, Center, Group, Loader, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Facts, languageAndHubRows, show } from '../components/Facts';
import { problemMessage } from '../components/problems';
import { useApplication, useHistory } from '../applications/api';
import { formatProgramTime } from '../components/Deadline';
import { StatusBadge } from '../components/StatusBadge';
import { BlindPreview } from './BlindPreview';
import { ReopenSubmission } from './ReopenSubmission';
import { ApplicantMessages } from './ApplicantMessages';
import { StaffNotes } from './StaffNotes';
import { useVocabulary } from '../vocabulary/vocabulary';
import { DocumentLink } from '../components/DocumentLink';
import { scalarText } from '../vocabulary/text';

/** /staff/applications/:id — everything the applicant filled in, their documents, what reviewers read of it, and the history. */
export function ApplicationDetailPage() {
  const { t, i18n } = useTranslation();
  const vocabulary = useVocabulary();
  const language = i18n.resolvedLanguage ?? 'vi';
  const { id = '' } = useParams();
  const application = useApplication(id);
  const history = useHistory(id);
  if (application.error) {
    return (
      <Alert color="red" role="alert">
        {problemMessage(application.error, t)}
      </Alert>
    );
  }
  if (!application.data) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  const app = application.data;
  const p = app.personal as Record<string, unknown>;
  const e = app.enterprise as Record<string, unknown>;
  const essays = app.essays as Record<string, unknown>;
  return (
    <Stack gap="md">
      <Anchor component={Link} to={-1 as never} size="sm">
        ← {t('staffApps.back')}
      </Anchor>
      <Group gap="sm">
        <Title order={1} size="h2">
          {show(p.fullName)}
        </Title>
        <StatusBadge status={app.status} />
      </Group>
      <ReopenSubmission app={app} />
      <StaffNotes applicationId={app.id} />
      <ApplicantMessages applicationId={app.id} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder padding="md">
          <Title order={2} size="h4" mb="xs">
            {t('form.steps.personal')}
          </Title>
          <Facts
            rows={[
              [t('form.personal.dateOfBirth'), show(p.dateOfBirth)],
              [t('form.personal.gender'), p.gender ? vocabulary.label('gender', p.gender) : '—'],
              [
                t('form.personal.province'),
                `${show(p.province)}${app.region ? ` (${vocabulary.label('region', app.region)})` : ''}`,
              ],
              [t('form.personal.phone'), show(p.phone)],
              [t('form.personal.citizenship'), p.citizenship ? vocabulary.country(scalarText(p.citizenship)) : '—'],
            ]}
          />
        </Card>
        <Card withBorder padding="md">
          <Title order={2} size="h4" mb="xs">
            {t('form.steps.enterprise')}
          </Title>
          <Facts
            rows={[
              [t('form.enterprise.name'), show(e.name)],
              [t('form.enterprise.taxCode'), show(e.taxCode)],
              [t('form.enterprise.foundingYear'), show(e.foundingYear)],
              [t('form.enterprise.sector'), e.sector ? vocabulary.label('sector', e.sector) : '—'],
              [t('form.enterprise.employeesBand'), vocabulary.label('employeesBand', e.employeesBand)],
              [t('form.enterprise.revenueBand'), e.revenueBand ? vocabulary.label('revenueBand', e.revenueBand) : '—'],
              [
                t('form.enterprise.exportMarkets'),
                Array.isArray(e.exportMarkets) && e.exportMarkets.length
                  ? (e.exportMarkets as string[]).map(vocabulary.country).join(', ')
                  : '—',
              ],
            ]}
          />
        </Card>
        <Card withBorder padding="md">
          <Title order={2} size="h4" mb="xs">
            {t('form.steps.languages')} · {t('form.steps.hubs')}
          </Title>
          <Facts rows={languageAndHubRows(t, app.languages, app.hubPreferences, (code) => vocabulary.hubLabel(code))} />
        </Card>
        <Card withBorder padding="md">
          <Title order={2} size="h4" mb="xs">
            {t('form.steps.referees')} · {t('form.steps.documents')}
          </Title>
          <Facts
            rows={[
              ...(app.referees as Array<Record<string, unknown>>).map(
                (r, i) =>
                  [
                    t('form.referees.title', { n: i + 1 }),
                    `${show(r.name)} — ${show(r.relation)}\n${show(r.email)}`,
                  ] as [string, ReactNode],
              ),
              ...app.documents.map(
                (d) =>
                  [
                    t(`form.documents.kind.${d.kind}`),
                    <DocumentLink key={d.id} applicationId={app.id} document={d} />,
                  ] as [string, ReactNode],
              ),
            ]}
          />
        </Card>
      </SimpleGrid>
      <Card withBorder padding="md">
        <Title order={2} size="h4" mb="xs">
          {t('form.steps.essays')}
        </Title>
        <Facts
          rows={(['motivation', 'marketEntryPlan', 'ambassador'] as const).map((k) => [
            t(`form.essays.${k}`),
            show(essays[k]),
          ])}
        />
      </Card>
      <BlindPreview applicationId={app.id} />
      <Card withBorder padding="md">
        <Title order={2} size="h4" mb="xs">
          {t('statusPage.history')}
        </Title>
        <Timeline active={history.data?.length ?? 0} bulletSize={12}>
          {(history.data ?? []).map((change) => (
            <Timeline.Item key={`${change.at}-${change.to}`} title={t(`status.${change.to}`)}>
              <Text size="xs" c="dimmed">
                {formatProgramTime(change.at, language)}
              </Text>
              {change.reason && <Text size="sm">{change.reason}</Text>}
            </Timeline.Item>
          ))}
        </Timeline>
      </Card>
    </Stack>
  );
}
