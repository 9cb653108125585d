import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../problems';
import { isStaleProposal } from './stale';

/**
 * A failed propose or confirm in the UI's words; nothing without an error. A stale or superseded
 * proposal is a warning (yellow, with what to do) rather than a failure.
 */
export function ProposalProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const stale = isStaleProposal(error);
  return (
    <Alert
      color={stale ? 'yellow' : 'red'}
      role="alert"
      mt="sm"
      title={stale ? t('proposals.staleTitle') : undefined}
      data-testid={stale ? 'proposal-stale' : undefined}
    >
      {problemMessage(error, t)}
    </Alert>
  );
}
