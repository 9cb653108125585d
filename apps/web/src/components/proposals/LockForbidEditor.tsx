import { Button, Group, MultiSelect, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../problems';

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

export interface LockForbidWords {
  lock: string;
  noLock: string;
  forbid: string;
  noForbidden: string;
}

/**
 * One subject's locks and forbids, the one model every proposal workflow takes: at most one locked
 * choice and any number forbidden, edited together and saved together (the API replaces both).
 */
export function LockForbidEditor({
  saved,
  options,
  labels,
  searchable = false,
  save,
}: {
  saved: { locked: string | null; forbidden: string[] };
  options: Array<{ value: string; label: string }>;
  labels: LockForbidWords;
  searchable?: boolean;
  save: { mutate: (locked: string | null, forbidden: string[]) => void; isPending: boolean; error: unknown };
}) {
  const { t } = useTranslation();
  const [locked, setLocked] = useState<string | null>(saved.locked);
  const [forbidden, setForbidden] = useState<string[]>(saved.forbidden);
  const dirty = locked !== saved.locked || !sameSet(forbidden, saved.forbidden);
  return (
    <Stack gap={4}>
      <Select
        size="xs"
        aria-label={labels.lock}
        placeholder={labels.noLock}
        clearable
        searchable={searchable}
        data={options}
        value={locked}
        onChange={setLocked}
      />
      <MultiSelect
        size="xs"
        aria-label={labels.forbid}
        placeholder={forbidden.length ? undefined : labels.noForbidden}
        clearable
        searchable={searchable}
        data={options}
        value={forbidden}
        onChange={setForbidden}
      />
      {save.error ? (
        <Text size="xs" c="red" role="alert">
          {problemMessage(save.error, t)}
        </Text>
      ) : null}
      {dirty && (
        <Group gap={4}>
          <Button size="compact-xs" loading={save.isPending} onClick={() => save.mutate(locked, forbidden)}>
            {t('proposals.save')}
          </Button>
          <Button
            size="compact-xs"
            variant="default"
            onClick={() => {
              setLocked(saved.locked);
              setForbidden(saved.forbidden);
            }}
          >
            {t('proposals.cancel')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
