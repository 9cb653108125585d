import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../components/format';
import { useLocalized } from '../components/localized';
import { type Milestone, type MilestoneStatus, STATUS_COLORS, evidenceFileUrl } from './api';
import { EvidenceForm } from './EvidenceForm';
import { type ExtensionContext, StaffActions } from './StaffActions';

/** Who reads the timeline: the fellow submits, staff waive and extend, a mentor only reads. */
export type TimelineMode = 'fellow' | 'staff' | 'mentor';

export function StatusBadge({ status }: { status: MilestoneStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" tt="none" data-testid="milestone-status">
      {t(`milestones.status.${status}`)}
    </Badge>
  );
}

/** The latest submission's evidence (text, link, PDF) and the reviewers' decisions on it. */
export function Evidence({ milestone }: { milestone: Milestone }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const submission = milestone.latestSubmission;
  if (!submission && milestone.reviews.length === 0 && !milestone.waivedReason) return null;
  return (
    <Stack gap={6} data-testid="milestone-evidence">
      {submission && (
        <>
          <Text size="xs" c="dimmed">
            {t('milestones.submittedVersion', {
              version: submission.version,
              day: formatDay(submission.submittedAt.slice(0, 10), language),
            })}
          </Text>
          {submission.text && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="evidence-text">
              {submission.text}
            </Text>
          )}
          {submission.link && (
            <Anchor href={submission.link} target="_blank" rel="noopener noreferrer" size="sm">
              {submission.link}
            </Anchor>
          )}
          {submission.file && (
            <Anchor href={evidenceFileUrl(milestone.id, submission.id)} size="sm" data-testid="evidence-file">
              {t('milestones.downloadFile', { name: submission.file.filename })}
            </Anchor>
          )}
        </>
      )}
      {milestone.reviews.map((review, i) => (
        <Alert
          key={`${review.reviewedAt}-${i}`}
          color={review.decision === 'approved' ? 'green' : 'yellow'}
          variant="light"
          p="xs"
          data-testid="milestone-review"
          title={t(`milestones.decision.${review.decision}`, { role: t(`milestones.roles.${review.reviewerRole}`) })}
        >
          {review.comment && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {review.comment}
            </Text>
          )}
        </Alert>
      ))}
      {milestone.waivedReason && (
        <Text size="sm" c="dimmed">
          {t('milestones.waivedBecause', { reason: milestone.waivedReason })}
        </Text>
      )}
    </Stack>
  );
}

function MilestoneCard({
  milestone,
  mode,
  timeline,
}: {
  milestone: Milestone;
  mode: TimelineMode;
  timeline?: ExtensionContext;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const localized = useLocalized();
  const open = ['upcoming', 'due_soon', 'overdue', 'changes_requested'].includes(milestone.status);
  // Forms of milestones not yet near their date stay folded, so the timeline reads as a list.
  const [writing, setWriting] = useState(milestone.status !== 'upcoming');
  return (
    <Card withBorder padding="md" data-testid="milestone" data-code={milestone.code}>
      <Group justify="space-between" wrap="wrap" gap="xs" align="flex-start">
        <div>
          <Title order={3} size="h5">
            {milestone.position}. {localized(milestone.title)}
          </Title>
          <Text size="sm" c="dimmed" data-testid="milestone-due">
            {t('milestones.dueOn', { day: formatDay(milestone.dueOn, language) })}
            {milestone.extensionDays > 0 && ` · ${t('milestones.extended', { count: milestone.extensionDays })}`}
          </Text>
        </div>
        <StatusBadge status={milestone.status} />
      </Group>
      {localized(milestone.description) && (
        <Text size="sm" mt={4}>
          {localized(milestone.description)}
        </Text>
      )}
      <Group gap={4} mt="xs">
        {milestone.pillars.map((pillar) => (
          <Badge key={pillar} size="sm" variant="outline" color="indigo" tt="none">
            {t(`milestones.pillars.${pillar}`)}
          </Badge>
        ))}
        <Text size="xs" c="dimmed" ml={4}>
          {t('milestones.evidenceKinds', {
            kinds: milestone.evidence.map((k) => t(`milestones.kinds.${k}`)).join(', '),
          })}
          {' · '}
          {t(`milestones.reviewer.${milestone.reviewer}`)}
        </Text>
      </Group>
      <Stack gap="sm" mt="sm">
        <Evidence milestone={milestone} />
        {mode === 'fellow' && open && writing && <EvidenceForm milestone={milestone} />}
        {mode === 'fellow' && open && !writing && (
          <Group>
            <Button size="xs" variant="light" onClick={() => setWriting(true)}>
              {t('milestones.form.early')}
            </Button>
          </Group>
        )}
        {mode === 'staff' && milestone.status !== 'approved' && milestone.status !== 'waived' && (
          <StaffActions milestone={milestone} timeline={timeline} />
        )}
      </Stack>
    </Card>
  );
}

/** A fellow's milestones in order, each with its status, pillars, evidence and what the reader may do. */
export function Timeline({
  milestones,
  mode,
  endDate,
}: {
  milestones: Milestone[];
  mode: TimelineMode;
  /** The fellow's end date: staff see where an extension would move the milestones against it. */
  endDate?: string;
}) {
  const { t } = useTranslation();
  if (milestones.length === 0) return <Alert color="gray">{t('milestones.none')}</Alert>;
  return (
    <Stack gap="sm" data-testid="timeline">
      {[...milestones]
        .sort((a, b) => a.position - b.position)
        .map((milestone) => (
          <MilestoneCard
            key={milestone.id}
            milestone={milestone}
            mode={mode}
            timeline={endDate ? { milestones, endDate } : undefined}
          />
        ))}
    </Stack>
  );
}
