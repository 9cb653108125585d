import { Alert, Anchor, Badge, Button, Card, Group, Pagination, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../components/ProblemAlert';
import { problemMessage } from '../components/problems';
import { formatDay, vietnamDay } from '../components/format';
import { useVocabulary } from '../vocabulary/vocabulary';
import { type AtRiskPage, type Flag, useAcknowledge, useAtRiskPage } from './api';
import { scalarText } from '../vocabulary/text';

type Reason = Record<string, unknown>;
const str = (value: unknown) => (value === null || value === undefined ? '' : scalarText(value));

/** Why a flag is raised, as a short line in the reader's language. */
function useReasonsText() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage === 'en' ? 'en' : 'vi';
  /** A {vi, en} title from the API in the reader's language, else the code it stands for. */
  const titled = (title: unknown, code: unknown) =>
    str((title as Record<string, string> | null)?.[language] ?? str(code).replace(/_/g, ' '));
  return (flag: Flag): string =>
    (flag.reasons as Reason[])
      .map((r) => {
        switch (flag.rule) {
          case 'milestone_overdue':
            return t('dashboard.atRisk.reasons.milestone_overdue', {
              code: titled(r.title, r.code),
              dueOn: str(r.dueOn),
              count: Number(r.daysOverdue ?? 0),
            });
          case 'no_confirmed_session':
            return t('dashboard.atRisk.reasons.no_confirmed_session', { count: Number(r.days ?? 0) });
          case 'low_ratings':
            return t('dashboard.atRisk.reasons.low_ratings', { rating: str(r.rating) });
          case 'negative_feedback':
            return t('dashboard.atRisk.reasons.negative_feedback', {
              role: t(`dashboard.atRisk.roles.${str(r.authorRole)}`, { defaultValue: str(r.authorRole) }),
              checkpoint: titled(r.checkpointTitle, r.checkpoint),
              question: titled(r.title, r.question),
              answer: r.answer === false ? t('dashboard.atRisk.no') : str(r.answer),
            });
          default:
            return JSON.stringify(r);
        }
      })
      .join('; ');
}

function FlagRow({ cohortId, fellowId, flag }: { cohortId: string; fellowId: string; flag: Flag }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const reasons = useReasonsText();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const acknowledge = useAcknowledge(cohortId);
  return (
    <Stack gap={4} data-testid="at-risk-flag" data-rule={flag.rule}>
      <Group gap="xs" wrap="wrap">
        <Badge color={flag.acknowledgement ? 'gray' : 'red'} variant="light" tt="none">
          {t(`dashboard.atRisk.rules.${flag.rule}`)}
        </Badge>
        <Text size="sm" data-testid="flag-reasons">
          {reasons(flag)}
        </Text>
      </Group>
      {flag.acknowledgement && (
        <Text size="xs" c="dimmed" data-testid="acknowledgement">
          {t('dashboard.atRisk.acknowledged', {
            day: formatDay(vietnamDay(flag.acknowledgement.acknowledgedAt), language),
            note: flag.acknowledgement.note,
          })}
        </Text>
      )}
      {open ? (
        <Group gap="xs" align="flex-end" wrap="wrap">
          <TextInput
            label={t('dashboard.atRisk.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            maxLength={2000}
            style={{ flex: 1, minWidth: 220 }}
          />
          <Button
            size="xs"
            disabled={!note.trim()}
            loading={acknowledge.isPending}
            onClick={() =>
              acknowledge.mutate({ fellowId, rule: flag.rule, note: note.trim() }, { onSuccess: () => setOpen(false) })
            }
          >
            {t('dashboard.atRisk.save')}
          </Button>
        </Group>
      ) : (
        <Group>
          {/* A new acknowledgement replaces the note while the rule still holds. */}
          <Button size="compact-xs" variant="light" onClick={() => setOpen(true)}>
            {flag.acknowledgement ? t('dashboard.atRisk.changeNote') : t('dashboard.atRisk.acknowledge')}
          </Button>
        </Group>
      )}
      {acknowledge.error && (
        <Alert color="red" role="alert" p="xs">
          {problemMessage(acknowledge.error, t)}
        </Alert>
      )}
    </Stack>
  );
}

/**
 * Fellows with at least one at-risk flag, a page at a time (the dashboard brings the first; the next come
 * from the at-risk list), each flag's reasons, and staff's acknowledgement with a note.
 */
export function AtRiskList({
  cohortId,
  firstPage,
  hubs,
}: {
  cohortId: string;
  firstPage: AtRiskPage;
  /** The cohort's hubs: the list names a fellow's hub (the API gives its English name) in the reader's language. */
  hubs: ReadonlyArray<{ name: string; nameVi?: string | null }>;
}) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const hubName = (name: string) => {
    const hub = hubs.find((h) => h.name === name);
    return hub ? vocabulary.hubName(hub) : name;
  };
  const pageSize = firstPage.meta.pageSize;
  const { total, pageCount } = firstPage.meta;
  const [chosen, setPage] = useState(1);
  // A page that still exists when a new day shortens the list.
  const page = Math.min(chosen, Math.max(pageCount, 1));
  const next = useAtRiskPage(cohortId, page, pageSize, page > 1);
  const shown = page > 1 && next.data ? next.data : firstPage;
  const from = (shown.meta.page - 1) * pageSize + 1;
  return (
    <Card withBorder padding="md" data-testid="at-risk">
      <Title order={2} size="h4" mb="xs">
        {t('dashboard.atRisk.title', { count: total })}
      </Title>
      {total === 0 ? (
        <Text size="sm" c="dimmed">
          {t('dashboard.atRisk.none')}
        </Text>
      ) : (
        <Stack gap="md">
          {pageCount > 1 && (
            <Text size="xs" c="dimmed" data-testid="at-risk-shown">
              {t('dashboard.atRisk.shown', { from, to: from + shown.items.length - 1, total })}
            </Text>
          )}
          <ProblemAlert error={next.error} />
          {shown.items.map((fellow) => (
            <div key={fellow.fellowId} data-testid="at-risk-fellow">
              <Group gap="xs" mb={4}>
                <Anchor component={Link} to={`/staff/fellows/${fellow.fellowId}/milestones`} fw={600} size="sm">
                  {fellow.fullName}
                </Anchor>
                {fellow.hub && (
                  <Text size="xs" c="dimmed">
                    {hubName(fellow.hub)}
                  </Text>
                )}
              </Group>
              <Stack gap="xs" pl="sm">
                {fellow.flags.map((flag) => (
                  <FlagRow key={flag.rule} cohortId={cohortId} fellowId={fellow.fellowId} flag={flag} />
                ))}
              </Stack>
            </div>
          ))}
          {pageCount > 1 && (
            <Pagination
              data-testid="at-risk-pages"
              aria-label={t('dashboard.atRisk.pages')}
              total={pageCount}
              value={page}
              onChange={setPage}
              siblings={1}
              withEdges
            />
          )}
        </Stack>
      )}
    </Card>
  );
}
