import { Alert, Button, Group, Radio, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from './problems';

export interface ConflictCandidate {
  id: string;
  fullName: string;
  enterpriseName: string | null;
}

/**
 * Find a person by name, pick them, say why, declare the conflict: the mentor's (with a fellow, whom
 * mentors know by name). Reviewers never look applicants up (blind review): they name whom they know. The caller owns the search and its results
 * (`candidates` only once a search is under way) and sends the declaration.
 */
export function ConflictPicker({
  search,
  onSearch,
  candidates,
  labels,
  declare,
}: {
  search: string;
  onSearch: (search: string) => void;
  candidates: ConflictCandidate[] | undefined;
  labels: {
    search: string;
    searchPlaceholder: string;
    person: string;
    pick: string;
    noMatch: string;
    reason: string;
    reasonPlaceholder: string;
    declare: string;
  };
  declare: {
    send: (id: string, reason: string, done: () => void) => void;
    isPending: boolean;
    error: unknown;
  };
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  return (
    <>
      <TextInput
        type="search"
        label={labels.search}
        placeholder={labels.searchPlaceholder}
        value={search}
        onChange={(event) => {
          onSearch(event.currentTarget.value);
          setChosen(null);
        }}
      />
      {candidates && (
        <Radio.Group
          label={labels.person}
          description={candidates.length ? labels.pick : labels.noMatch}
          value={chosen ?? ''}
          onChange={setChosen}
        >
          <Stack gap={6} mt={6}>
            {candidates.map((c) => (
              <Radio
                key={c.id}
                value={c.id}
                label={c.enterpriseName ? `${c.fullName} — ${c.enterpriseName}` : c.fullName}
              />
            ))}
          </Stack>
        </Radio.Group>
      )}
      <Textarea
        label={labels.reason}
        placeholder={labels.reasonPlaceholder}
        value={reason}
        maxLength={500}
        autosize
        minRows={2}
        onChange={(event) => setReason(event.currentTarget.value)}
      />
      {declare.error ? (
        <Alert color="red" role="alert">
          {problemMessage(declare.error, t)}
        </Alert>
      ) : null}
      <Group>
        <Button
          color="orange"
          disabled={!chosen || !reason.trim()}
          loading={declare.isPending}
          onClick={() =>
            chosen &&
            declare.send(chosen, reason.trim(), () => {
              onSearch('');
              setReason('');
              setChosen(null);
            })
          }
        >
          {labels.declare}
        </Button>
      </Group>
    </>
  );
}
