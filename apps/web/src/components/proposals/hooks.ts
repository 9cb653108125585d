import { useCallback, useState } from 'react';

/** A confirm mutation as the panel uses it: react-query's `useMutation` over the proposal's id. */
export interface ConfirmMutation {
  mutate: (proposalId: string, options?: { onSettled?: () => void }) => void;
  isPending: boolean;
  error: unknown;
}

/** The confirm dialog's state: opened by the page's confirm button, closed by cancel or once the confirmation settles. */
export function useConfirmDialog(mutation: ConfirmMutation, proposalId: string) {
  const [opened, setOpened] = useState(false);
  const { mutate } = mutation;
  const open = useCallback(() => setOpened(true), []);
  const close = useCallback(() => setOpened(false), []);
  const confirm = useCallback(() => mutate(proposalId, { onSettled: () => setOpened(false) }), [mutate, proposalId]);
  return { opened, open, close, confirm };
}

/**
 * The proposal a page shows: the one staff just ran, else the latest one the server kept (which
 * `reset` goes back to, e.g. when another cohort is picked).
 */
export function useShownProposal<P>(latest: P | null | undefined) {
  const [fresh, setFresh] = useState<P | null>(null);
  const reset = useCallback(() => setFresh(null), []);
  return { shown: fresh ?? latest ?? null, fresh, show: setFresh, reset };
}
