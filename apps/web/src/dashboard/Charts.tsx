import '@mantine/charts/styles.css';
import { AreaChart, BarChart, DonutChart } from '@mantine/charts';
import { Card, SimpleGrid, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../staff-programme/shared';
import type { Dashboard } from './api';

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
      />
    </ChartCard>
  );
}

/** Fellows by hub, region, sector (bars) and gender (a donut). */
function Composition({ composition }: { composition: Dashboard['composition'] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const label = (dimension: string, key: string) =>
    dimension === 'sector'
      ? labels.sector(key)
      : dimension === 'gender'
        ? t(`dashboard.genders.${key}` as never, { defaultValue: key })
        : key || '—';
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

export function DashboardCharts({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Funnel funnel={dashboard.funnel} />
      <ChartCard title={t('dashboard.milestones.title')} testId="chart-milestones">
        {dashboard.milestonesByWeek.length === 0 ? (
          <Empty />
        ) : (
          <AreaChart
            h={240}
            data={dashboard.milestonesByWeek}
            dataKey="week"
            curveType="monotone"
            withLegend
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
            data={dashboard.sessionsByMonth}
            dataKey="month"
            withLegend
            series={[
              { name: 'sessions', label: t('dashboard.sessions.logged'), color: 'blue.6' },
              { name: 'confirmed', label: t('dashboard.sessions.confirmed'), color: 'green.6' },
            ]}
          />
        )}
      </ChartCard>
      <Composition composition={dashboard.composition} />
    </SimpleGrid>
  );
}
