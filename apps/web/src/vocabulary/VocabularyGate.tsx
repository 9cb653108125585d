import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useVocabularyQuery } from './vocabulary';

/**
 * Waits for the vocabulary before the first page renders, so no page ever shows a raw code while it
 * loads. Should it fail to load, the pages still open (showing codes) rather than not at all.
 */
export function VocabularyGate({ children }: { children: ReactNode }) {
  const vocabulary = useVocabularyQuery();
  if (vocabulary.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="…" />
      </Center>
    );
  }
  return <>{children}</>;
}
