import { Alert, Anchor, Badge, Card, Modal, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CohortView } from '../applications/api';
import { formatProgramTime } from '../components/Deadline';
import { ProposalCard } from '../components/proposals';
import { problemMessage } from '../components/problems';
import { useVocabulary } from '../vocabulary/vocabulary';
import { type Proposal, useConfirmProposal, useOfferPreview } from './api';
import { useConstraintLabel } from './constraintLabel';

const two = (value: number) => value.toFixed(2);

function OfferPreview({
  cohortId,
  proposalId,
  applicationId,
  onClose,
}: {
  cohortId: string;
  proposalId: string;
  applicationId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const preview = useOfferPreview(cohortId, proposalId, applicationId);
  return (
    <Modal opened={!!applicationId} onClose={onClose} title={t('selection.previewTitle')} size="lg">
      {preview.error && (
        <Alert color="red" role="alert">
          {problemMessage(preview.error, t)}
        </Alert>
      )}
      {preview.data && (
        <Stack gap="xs" data-testid="offer-preview">
          <Text size="sm">
            <b>{t('selection.to')}:</b> {preview.data.to} ({preview.data.language.toUpperCase()})
          </Text>
          <Text size="sm">
            <b>{t('selection.subject')}:</b> {preview.data.subject}
          </Text>
          <Card withBorder padding="sm">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {preview.data.text}
            </Text>
          </Card>
        </Stack>
      )}
    </Modal>
  );
}

/** The price of each constraint: the total score the proposal would reach without it. */
function PricesTable({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const describe = useConstraintLabel(proposal.input.shares);
  if (proposal.prices.length === 0) return null;
  return (
    <>
      <Title order={3} size="h5" mb={4}>
        {t('selection.prices')}
      </Title>
      <Table withTableBorder fz="sm" mb="sm" data-testid="prices">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('selection.constraint')}</Table.Th>
            <Table.Th>{t('selection.without')}</Table.Th>
            <Table.Th>{t('selection.price')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {proposal.prices.map((price) => (
            <Table.Tr key={price.constraint}>
              <Table.Td>{describe(price.constraint)}</Table.Td>
              <Table.Td>{two(price.objectiveWithout)}</Table.Td>
              <Table.Td fw={price.price > 0 ? 700 : undefined}>{two(price.price)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}

/** The selected (with the offer each would get) and the waitlist in its order. */
function SelectedAndWaitlist({ cohort, proposal }: { cohort: CohortView; proposal: Proposal }) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const [preview, setPreview] = useState<string | null>(null);
  const label = (c: { region: string | null; gender: string | null; sector: string | null }) =>
    [
      c.region ? vocabulary.label('region', c.region) : null,
      c.gender ? vocabulary.label('gender', c.gender) : null,
      c.sector ? vocabulary.label('sector', c.sector) : null,
    ]
      .filter(Boolean)
      .join(' · ');
  return (
    <>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <div>
          <Title order={3} size="h5" mb={4}>
            {t('selection.selected')}
          </Title>
          <Table.ScrollContainer minWidth={420} mah={420}>
            <Table striped fz="sm" data-testid="selected">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('staffApps.col.name')}</Table.Th>
                  <Table.Th>{t('selection.hub')}</Table.Th>
                  <Table.Th>{t('selection.score')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {proposal.selected.map((c) => (
                  <Table.Tr key={c.applicationId}>
                    <Table.Td>
                      <Text size="sm">{c.fullName ?? '—'}</Text>
                      <Text size="xs" c="dimmed">
                        {label(c)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge size="sm">{vocabulary.hubLabel(c.hub, cohort.hubs)}</Badge>
                    </Table.Td>
                    <Table.Td>{two(c.score)}</Table.Td>
                    <Table.Td>
                      <Anchor
                        component="button"
                        type="button"
                        size="xs"
                        onClick={() => setPreview(c.applicationId)}
                        aria-label={t('selection.previewFor', { name: c.fullName ?? '' })}
                      >
                        {t('selection.preview')}
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </div>
        <div>
          <Title order={3} size="h5" mb={4}>
            {t('selection.waitlist')}
          </Title>
          <Table.ScrollContainer minWidth={320} mah={420}>
            <Table striped fz="sm" data-testid="waitlist">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>#</Table.Th>
                  <Table.Th>{t('staffApps.col.name')}</Table.Th>
                  <Table.Th>{t('selection.score')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {proposal.waitlist.map((c) => (
                  <Table.Tr key={c.applicationId}>
                    <Table.Td>{c.rank}</Table.Td>
                    <Table.Td>{c.fullName ?? '—'}</Table.Td>
                    <Table.Td>{two(c.score)}</Table.Td>
                  </Table.Tr>
                ))}
                {proposal.waitlist.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={3}>
                      <Text size="sm" c="dimmed" ta="center">
                        {t('selection.noWaitlist')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </div>
      </SimpleGrid>
      <OfferPreview
        cohortId={cohort.id}
        proposalId={proposal.id}
        applicationId={preview}
        onClose={() => setPreview(null)}
      />
    </>
  );
}

/** The proposal: objective against the unconstrained top-N, the price of each constraint, the selected and the waitlist. */
export function SelectionProposal({
  cohort,
  proposal,
  confirmed,
}: {
  cohort: CohortView;
  proposal: Proposal;
  confirmed: boolean;
}) {
  const { t, i18n } = useTranslation();
  const confirm = useConfirmProposal(cohort.id);
  return (
    <ProposalCard
      testId="proposal"
      title={t('selection.proposal')}
      status={confirm.data ? 'confirmed' : proposal.status}
      facts={[
        {
          key: 'selected',
          label: t('selection.selectedCount'),
          value: proposal.selected.length,
          testId: 'selected-count',
        },
        {
          key: 'candidates',
          label: t('selection.candidates'),
          value: (
            <>
              {proposal.candidates}
              {proposal.withoutScore > 0 && (
                <Text span size="xs" c="dimmed">
                  {' '}
                  {t('selection.withoutScore', { count: proposal.withoutScore })}
                </Text>
              )}
            </>
          ),
        },
        { key: 'objective', label: t('selection.objective'), value: two(proposal.objective), testId: 'objective' },
        { key: 'unconstrained', label: t('selection.unconstrained'), value: two(proposal.unconstrainedObjective) },
      ]}
      proposalId={proposal.id}
      canConfirm={proposal.status === 'proposed' && !confirmed && !confirm.data}
      confirm={confirm}
      words={{
        button: t('selection.confirm'),
        title: t('selection.confirmTitle'),
        warning: t('selection.confirmWarning', {
          offers: proposal.selected.length,
          waitlisted: proposal.waitlist.length,
          days: cohort.offerResponseDays,
        }),
        action: t('selection.confirmAndSend'),
      }}
      done={
        confirm.data && (
          <Alert color="green" role="status" mt="sm" data-testid="confirmed">
            {t('selection.confirmedSummary', {
              offers: confirm.data.offers,
              waitlisted: confirm.data.waitlisted,
              when: formatProgramTime(confirm.data.expiresAt, i18n.resolvedLanguage ?? 'vi'),
            })}
          </Alert>
        )
      }
    >
      <PricesTable proposal={proposal} />
      <SelectedAndWaitlist cohort={cohort} proposal={proposal} />
    </ProposalCard>
  );
}
