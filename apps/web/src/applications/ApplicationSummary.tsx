import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationView, CohortView } from './api';
import { useVocabulary } from '../vocabulary/vocabulary';
import { scalarText } from '../vocabulary/text';

type Step = 'personal' | 'enterprise' | 'languages' | 'hubs' | 'essays' | 'referees' | 'documents';

const text = (value: unknown): string | null =>
  value === undefined || value === null || value === '' ? null : scalarText(value);

function Row({ label, value }: { label: string; value: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <Text size="sm" c="dimmed" w={180} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {value ?? t('summary.empty')}
      </Text>
    </Group>
  );
}

function Section({ step, onEdit, children }: { step: Step; onEdit?: (step: Step) => void; children: ReactNode }) {
  const { t } = useTranslation();
  const title = t(`form.steps.${step}`);
  return (
    <Card withBorder padding="md" data-testid={`summary-${step}`}>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          {title}
        </Title>
        {onEdit && (
          <Button variant="subtle" size="compact-sm" onClick={() => onEdit(step)}>
            {t('summary.edit', { step: title })}
          </Button>
        )}
      </Group>
      <Stack gap={6}>{children}</Stack>
    </Card>
  );
}

/**
 * The whole application, read-only, as staff read it: every section's answers in words (not codes),
 * with a link to edit each step while it is a draft.
 */
export function ApplicationSummary({
  app,
  cohort,
  onEdit,
}: {
  app: ApplicationView;
  cohort: CohortView | undefined;
  onEdit?: (step: Step) => void;
}) {
  const { t, i18n } = useTranslation();
  const vocabulary = useVocabulary();
  const vi = (i18n.resolvedLanguage ?? 'vi') === 'vi';
  const p = app.personal;
  const e = app.enterprise;
  const l = app.languages as {
    english?: { test: string; score: number };
    jlpt?: string;
    topik?: number;
    other?: string;
  };
  const essays = app.essays;
  const hubName = (code: string) => {
    const hub = cohort?.hubs.find((h) => h.code === code);
    return hub ? `${(vi && hub.nameVi) || hub.name} (${hub.city})` : code;
  };
  const markets = Array.isArray(e.exportMarkets)
    ? (e.exportMarkets as string[]).map(vocabulary.country).join(', ')
    : null;
  const referees = app.referees as Array<{ name?: string; email?: string; relation?: string }>;

  return (
    <Stack gap="sm" data-testid="application-summary">
      <Title order={2} size="h4">
        {t('summary.title')}
      </Title>
      <Section step="personal" onEdit={onEdit}>
        <Row label={t('form.personal.fullName')} value={text(p.fullName)} />
        <Row label={t('form.personal.dateOfBirth')} value={text(p.dateOfBirth)} />
        <Row label={t('form.personal.gender')} value={text(p.gender) && vocabulary.label('gender', p.gender)} />
        <Row
          label={t('form.personal.province')}
          value={
            text(p.province) &&
            `${String(p.province)}${app.region ? ` · ${vocabulary.label('region', app.region)}` : ''}`
          }
        />
        <Row label={t('form.personal.phone')} value={text(p.phone)} />
        <Row
          label={t('form.personal.citizenship')}
          value={text(p.citizenship) && vocabulary.country(String(p.citizenship))}
        />
      </Section>
      <Section step="enterprise" onEdit={onEdit}>
        <Row label={t('form.enterprise.name')} value={text(e.name)} />
        <Row label={t('form.enterprise.taxCode')} value={text(e.taxCode)} />
        <Row label={t('form.enterprise.foundingYear')} value={text(e.foundingYear)} />
        <Row label={t('form.enterprise.sector')} value={text(e.sector) && vocabulary.label('sector', e.sector)} />
        <Row
          label={t('form.enterprise.employeesBand')}
          value={text(e.employeesBand) && vocabulary.label('employeesBand', e.employeesBand)}
        />
        <Row
          label={t('form.enterprise.revenueBand')}
          value={text(e.revenueBand) && vocabulary.label('revenueBand', e.revenueBand)}
        />
        <Row label={t('form.enterprise.exportMarkets')} value={markets || null} />
      </Section>
      <Section step="languages" onEdit={onEdit}>
        <Row
          label={t('form.languages.englishTest')}
          value={l.english ? t('summary.english', { test: l.english.test, score: l.english.score }) : null}
        />
        <Row label={t('form.languages.jlpt')} value={text(l.jlpt)} />
        <Row label={t('form.languages.topik')} value={l.topik ? t('summary.topik', { level: l.topik }) : null} />
        <Row label={t('form.languages.other')} value={text(l.other)} />
      </Section>
      <Section step="hubs" onEdit={onEdit}>
        {app.hubPreferences.length === 0 && <Text size="sm">{t('summary.empty')}</Text>}
        {app.hubPreferences.map((code, i) => (
          <Text key={code} size="sm">
            {t('summary.choice', { rank: i + 1, hub: hubName(code) })}
          </Text>
        ))}
      </Section>
      <Section step="essays" onEdit={onEdit}>
        <Row label={t('form.essays.motivation')} value={text(essays.motivation)} />
        <Row label={t('form.essays.marketEntryPlan')} value={text(essays.marketEntryPlan)} />
        <Row label={t('form.essays.ambassador')} value={text(essays.ambassador)} />
      </Section>
      <Section step="referees" onEdit={onEdit}>
        {referees.length === 0 && <Text size="sm">{t('summary.empty')}</Text>}
        {referees.map((r, i) => (
          <Row
            key={i}
            label={t('form.referees.title', { n: i + 1 })}
            value={t('summary.referee', { name: r.name ?? '', email: r.email ?? '', relation: r.relation ?? '' })}
          />
        ))}
      </Section>
      <Section step="documents" onEdit={onEdit}>
        {app.documents.length === 0 && <Text size="sm">{t('summary.noDocuments')}</Text>}
        {app.documents.map((d) => (
          <Row key={d.id} label={t(`form.documents.kind.${d.kind}`)} value={d.filename} />
        ))}
      </Section>
    </Stack>
  );
}
