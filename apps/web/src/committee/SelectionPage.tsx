import { Alert, Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatProgramTime } from '../components/Deadline';
import { ProposalCompare, useShownProposal } from '../components/proposals';
import { problemMessage } from '../components/problems';
import { useProposal, useSelectionStatus } from './api';
import { CohortPicker, useCohortParam } from '../components/CohortPicker';
import { OffersStatus } from './OffersStatus';
import { SelectionComparison } from './SelectionComparison';
import { SelectionConstraints } from './SelectionConstraints';
import { SelectionProposal } from './SelectionProposal';

const two = (value: number) => value.toFixed(2);

/** /staff/selection — constraints → optimal proposal with prices → offer preview → confirm; then offers and waitlist. */
export function SelectionPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const { cohortId, cohort, cohorts, setCohortId } = useCohortParam();
  const status = useSelectionStatus(cohortId);
  const confirmed = !!status.data?.confirmedRunId;
  // The server keeps every run: on opening the page, the newest one (or the confirmed one) is shown again.
  const runs = status.data?.proposals ?? [];
  const latestId = status.data?.confirmedRunId ?? runs[0]?.id ?? null;
  const latest = useProposal(cohortId, latestId);
  const { shown, fresh, show, reset } = useShownProposal(latest.data);
  const ready = !!status.data && (!latestId || !!latest.data || !!latest.error);
  const runOptions = runs.map((p) => ({
    value: p.id,
    label: t('selection.compare.run', {
      when: formatProgramTime(p.createdAt, language),
      size: p.size,
      objective: two(p.objective),
      status: t(`proposals.status.${p.status as 'proposed'}`),
    }),
  }));
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1} size="h2">
            {t('selection.title')}
          </Title>
          {cohort && (
            <Anchor component={Link} to={`/staff/committee?cohortId=${cohortId}`} size="sm">
              ← {t('selection.toBoard')}
            </Anchor>
          )}
        </div>
        <CohortPicker
          cohortId={cohortId}
          cohorts={cohorts.data ?? []}
          onChange={(id) => {
            reset();
            setCohortId(id);
          }}
        />
      </Group>
      {(cohorts.error ?? status.error) && (
        <Alert color="red" role="alert">
          {problemMessage(cohorts.error ?? status.error, t)}
        </Alert>
      )}
      {cohort && cohort.status !== 'selecting' && !confirmed && (
        <Alert color="yellow">
          {t('selection.notSelecting', { status: t(`selection.cohortStatus.${cohort.status}`) })}
        </Alert>
      )}
      {cohort && !confirmed && ready && (
        <SelectionConstraints
          key={`${cohort.id}-${latest.data?.id ?? 'none'}`}
          cohort={cohort}
          initial={latest.data?.input ?? null}
          onProposal={show}
        />
      )}
      {!fresh && latest.data && (
        <Text size="sm" c="dimmed" data-testid="latest-shown">
          {t('selection.latestShown', { when: formatProgramTime(latest.data.createdAt, language) })}
        </Text>
      )}
      {cohort && shown && (
        <SelectionProposal key={`proposal-${shown.id}`} cohort={cohort} proposal={shown} confirmed={confirmed} />
      )}
      {cohort && runs.length > 1 && (
        <ProposalCompare key={`compare-${runs[0]?.id}`} runs={runOptions}>
          {(leftId, rightId) => <SelectionComparison cohortId={cohortId} leftId={leftId} rightId={rightId} />}
        </ProposalCompare>
      )}
      <OffersStatus cohortId={cohortId} />
    </Stack>
  );
}
