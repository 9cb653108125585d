import { Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type ConfirmMutation, useConfirmDialog } from './hooks';
import { ProposalProblem } from './ProposalProblem';

export type ProposalStatus = 'proposed' | 'confirmed' | 'approved' | 'superseded';

/** One figure of the proposal's summary: "Total points 160". */
export interface ProposalFact {
  key: string;
  label: ReactNode;
  value: ReactNode;
  testId?: string;
  size?: 'md' | 'lg' | 'xl';
}

export interface ConfirmWords {
  /** The button under the proposal: "Confirm placement". */
  button: string;
  /** The dialog's title and its warning of what confirming does (who is emailed). */
  title: string;
  warning: string;
  /** The dialog's action: "Confirm and email". */
  action: string;
}

const STATUS_COLORS: Record<ProposalStatus, string> = {
  proposed: 'blue',
  confirmed: 'green',
  approved: 'green',
  superseded: 'gray',
};

/**
 * A proposal as every workflow shows it: title and status, the summary's figures, the page's own
 * view of it (children: its table of candidates, fellows or pairs and their sentences), then
 * confirmation — the button, the dialog warning what it does, its error (a stale proposal is a
 * warning) and what it did (`done`).
 */
export function ProposalCard({
  testId,
  title,
  status,
  facts,
  factCols = { base: 2, sm: 4 },
  proposalId,
  canConfirm,
  confirm,
  words,
  done,
  children,
}: {
  testId: string;
  title: string;
  status: ProposalStatus;
  facts: ProposalFact[];
  factCols?: { base: number; sm?: number };
  proposalId: string;
  canConfirm: boolean;
  confirm: ConfirmMutation;
  words: ConfirmWords;
  done?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const dialog = useConfirmDialog(confirm, proposalId);
  return (
    <Card withBorder padding="md" data-testid={testId}>
      <Group justify="space-between" wrap="wrap" mb="xs">
        <Title order={2} size="h4">
          {title}
        </Title>
        <Badge color={STATUS_COLORS[status]} variant="light">
          {t(`proposals.status.${status}`)}
        </Badge>
      </Group>
      <SimpleGrid cols={factCols} spacing="xs" mb="sm">
        {facts.map((fact) => (
          <div key={fact.key}>
            <Text size="xs" c="dimmed">
              {fact.label}
            </Text>
            <Text fw={700} size={fact.size} data-testid={fact.testId}>
              {fact.value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      {children}
      <ProposalProblem error={confirm.error} />
      {done}
      {canConfirm && (
        <Group mt="sm">
          <Button color="green" onClick={dialog.open}>
            {words.button}
          </Button>
        </Group>
      )}
      <Modal opened={dialog.opened} onClose={dialog.close} title={words.title} centered>
        <Stack gap="sm">
          <Text size="sm">{words.warning}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={dialog.close}>
              {t('proposals.cancel')}
            </Button>
            <Button color="green" loading={confirm.isPending} onClick={dialog.confirm}>
              {words.action}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
