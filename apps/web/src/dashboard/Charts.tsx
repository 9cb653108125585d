import '@mantine/charts/styles.css';
import { AreaChart, BarChart, DonutChart } from '@mantine/charts';
import { Card, SimpleGrid, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../api/client';
import { useVocabulary } from '../vocabulary/vocabulary';
import type { Dashboard } from './api';

/** A hub of the cohort, as the composition chart names it (by code). */
export interface ChartHub {
  code: string;
  name: string;
  nameVi?: string | null;
}

/** '2027-03-01' (a date, no time) → '1 thg 3' / 'Mar 1'. */
function formatDay(day: string, language: Language): string {
  return new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** '2027-10' → 'thg 10 2027' / 'Oct 2027'. */
function formatMonth(month: string, language: Language): string {
  return new Intl.DateTimeFormat(language, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
}

const FUNNEL_STAGES = ['started', 'submitted', 'reviewed', 'offered', 'accepted', 'fellows'] as const;
const DONUT_COLORS = ['indigo.6', 'pink.6', 'teal.6', 'orange.6', 'gray.5'];

function ChartCard({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md" data-testid={testId}>
      <Title order={3} size="h5" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function Empty() {
  const { t } = useTranslation();
  return (
    <Text size="sm" c="dimmed" py="xl" ta="center">
      {t('dashboard.noData')}
    </Text>
  );
}

/** The application funnel: how many got how far, from a started application to a fellow. */
function Funnel({ funnel }: { funnel: Dashboard['funnel'] }) {
  const { t } = useTranslation();
  const data = FUNNEL_STAGES.map((stage) => ({ stage: t(`dashboard.funnel.${stage}`), count: funnel[stage] }));
  return (
    <ChartCard title={t('dashboard.funnel.title')} testId="chart-funnel">
      <BarChart
        h={240}
        data={data}
        dataKey="stage"
        series={[{ name: 'count', label: t('dashboard.people'), color: 'indigo.6' }]}
        withBarValueLabel
        withLegend
        xAxisLabel={t('charts.axis.stage')}
        yAxisLabel={t('charts.axis.people')}
      />
    </ChartCard>
  );
}

/** Fellows by hub, region, sector (bars) and gender (a donut). */
function Composition({ composition, hubs }: { composition: Dashboard['composition']; hubs: ChartHub[] }) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const label = (dimension: 'hub' | 'region' | 'sector' | 'gender', key: string): string => {
    if (!key || key === 'unknown') return t('charts.unknown');
    if (dimension !== 'hub') return vocabulary.label(dimension, key);
    const hub = hubs.find((h) => h.code === key);
    return hub ? (vocabulary.language === 'vi' && hub.nameVi) || hub.name : vocabulary.hubTemplate(key);
  };
  const bars = (['hub', 'region', 'sector'] as const).map((dimension) => {
    const items = composition[dimension] ?? [];
    return (
      <ChartCard key={dimension} title={t(`dashboard.composition.${dimension}`)} testId={`chart-${dimension}`}>
        {items.length === 0 ? (
          <Empty />
        ) : (
          <BarChart
            h={Math.max(160, items.length * 28)}
            data={items.map((i) => ({ key: label(dimension, i.key), fellows: i.fellows }))}
            dataKey="key"
            orientation="vertical"
            yAxisProps={{ width: 120 }}
            withLegend
            xAxisLabel={t('charts.axis.fellows')}
            series={[{ name: 'fellows', label: t('dashboard.fellows'), color: 'teal.6' }]}
          />
        )}
      </ChartCard>
    );
  });
  const genders = composition.gender ?? [];
  return (
    <>
      {bars}
      <ChartCard title={t('dashboard.composition.gender')} testId="chart-gender">
        {genders.length === 0 ? (
          <Empty />
        ) : (
          <DonutChart
            mx="auto"
            withLabelsLine
            withLabels
            withTooltip
            withLegend
            data={genders.map((g, i) => ({
              name: label('gender', g.key),
              value: g.fellows,
              color: DONUT_COLORS[i % DONUT_COLORS.length] as string,
            }))}
          />
        )}
      </ChartCard>
    </>
  );
}

export function DashboardCharts({ dashboard, hubs }: { dashboard: Dashboard; hubs: ChartHub[] }) {
  const { t } = useTranslation();
  const { language } = useVocabulary();
  const weeks = dashboard.milestonesByWeek.map((w) => ({ ...w, week: formatDay(w.week, language) }));
  const months = dashboard.sessionsByMonth.map((m) => ({ ...m, month: formatMonth(m.month, language) }));
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Funnel funnel={dashboard.funnel} />
      <ChartCard title={t('dashboard.milestones.title')} testId="chart-milestones">
        {dashboard.milestonesByWeek.length === 0 ? (
          <Empty />
        ) : (
          <AreaChart
            h={240}
            data={weeks}
            dataKey="week"
            curveType="monotone"
            withLegend
            xAxisLabel={t('charts.axis.week')}
            yAxisLabel={t('charts.axis.milestones')}
            series={[
              { name: 'due', label: t('dashboard.milestones.due'), color: 'gray.6' },
              { name: 'approved', label: t('dashboard.milestones.approved'), color: 'green.6' },
            ]}
          />
        )}
      </ChartCard>
      <ChartCard title={t('dashboard.sessions.title')} testId="chart-sessions">
        {dashboard.sessionsByMonth.length === 0 ? (
          <Empty />
        ) : (
          <BarChart
            h={240}
            data={months}
            dataKey="month"
            withLegend
            xAxisLabel={t('charts.axis.month')}
            yAxisLabel={t('charts.axis.sessions')}
            series={[
              { name: 'sessions', label: t('dashboard.sessions.logged'), color: 'blue.6' },
              { name: 'confirmed', label: t('dashboard.sessions.confirmed'), color: 'green.6' },
            ]}
          />
        )}
      </ChartCard>
      <Composition composition={dashboard.composition} hubs={hubs} />
    </SimpleGrid>
  );
}
