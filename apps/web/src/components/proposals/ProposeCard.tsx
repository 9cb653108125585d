import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { ProposalProblem } from './ProposalProblem';

export interface ProposeWords {
  title: string;
  help?: string;
  run: string;
  /** The title of the alert listing why no proposal meets every constraint. */
  infeasible: string;
  infeasibleHelp?: string;
}

/**
 * Propose with constraints: the page's own constraint editors (children), the reasons no proposal
 * exists when the constraints clash, any other error, and the run button (with the page's extra actions).
 */
export function ProposeCard({
  testId,
  words,
  reasons,
  infeasibleTestId = 'infeasible',
  error,
  onRun,
  running,
  actions,
  children,
}: {
  testId: string;
  words: ProposeWords;
  /** The clash in staff's words (null when the error is not infeasibility). */
  reasons: string[] | null;
  infeasibleTestId?: string;
  error: unknown;
  onRun: () => void;
  running: boolean;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card withBorder padding="md" data-testid={testId}>
      <Title order={2} size="h4" mb={words.help ? 4 : 'sm'}>
        {words.title}
      </Title>
      {words.help && (
        <Text size="xs" c="dimmed" mb="xs">
          {words.help}
        </Text>
      )}
      <Stack gap="sm">{children}</Stack>
      {reasons ? (
        <Alert color="red" role="alert" mt="sm" title={words.infeasible} data-testid={infeasibleTestId}>
          {words.infeasibleHelp && <Text size="sm">{words.infeasibleHelp}</Text>}
          <ul style={{ margin: words.infeasibleHelp ? '4px 0 0' : 0, paddingLeft: 20 }}>
            {reasons.map((reason, i) => (
              <li key={`${i}-${reason}`}>{reason}</li>
            ))}
          </ul>
        </Alert>
      ) : (
        <ProposalProblem error={error} />
      )}
      <Group mt="sm">
        <Button onClick={onRun} loading={running}>
          {words.run}
        </Button>
        {actions}
      </Group>
    </Card>
  );
}
