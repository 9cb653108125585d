import { Alert, Card, List, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatProgramTime } from '../components/Deadline';
import { type Proposal, type SelectionStatus, useProposal } from './api';

type Summary = SelectionStatus['proposals'][number];
type Person = Proposal['selected'][number];

const two = (value: number) => value.toFixed(2);
const percent = (part: number, whole: number) => (whole ? `${Math.round((100 * part) / whole)} %` : '—');

/** Staff pick two selection runs and see them side by side: totals, shares, and who is in only one. */
export function ProposalCompare({ cohortId, proposals }: { cohortId: string; proposals: Summary[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const [leftId, setLeftId] = useState<string | null>(proposals[1]?.id ?? null);
  const [rightId, setRightId] = useState<string | null>(proposals[0]?.id ?? null);
  const left = useProposal(cohortId, leftId);
  const right = useProposal(cohortId, rightId);
  const options = proposals.map((p) => ({
    value: p.id,
    label: t('selection.compare.run', {
      when: formatProgramTime(p.createdAt, language),
      size: p.size,
      objective: two(p.objective),
      status: t(`selection.proposalStatus.${p.status as 'proposed'}`),
    }),
  }));
  const a = left.data;
  const b = right.data;
  const same = leftId !== null && leftId === rightId;
  return (
    <Card withBorder padding="md" data-testid="proposal-compare">
      <Title order={2} size="h4">
        {t('selection.compare.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('selection.compare.help')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('selection.compare.left')}
          data={options}
          value={leftId}
          allowDeselect={false}
          onChange={setLeftId}
        />
        <Select
          label={t('selection.compare.right')}
          data={options}
          value={rightId}
          allowDeselect={false}
          onChange={setRightId}
        />
      </SimpleGrid>
      {same && (
        <Alert color="yellow" mt="sm">
          {t('selection.compare.pickTwo')}
        </Alert>
      )}
      {a && b && !same && <Comparison a={a} b={b} />}
    </Card>
  );
}

function Comparison({ a, b }: { a: Proposal; b: Proposal }) {
  const { t } = useTranslation();
  const inB = new Set(b.selected.map((p) => p.applicationId));
  const inA = new Set(a.selected.map((p) => p.applicationId));
  const onlyA = a.selected.filter((p) => !inB.has(p.applicationId));
  const onlyB = b.selected.filter((p) => !inA.has(p.applicationId));
  const regions = [...new Set([...a.selected, ...b.selected].map((p) => p.region).filter(Boolean))].sort() as string[];
  const share = (people: Person[], test: (p: Person) => boolean) => percent(people.filter(test).length, people.length);
  const rows: Array<[string, string, string]> = [
    [t('selection.compare.size'), String(a.selected.length), String(b.selected.length)],
    [t('selection.compare.total'), two(a.objective), two(b.objective)],
    [t('selection.compare.unconstrained'), two(a.unconstrainedObjective), two(b.unconstrainedObjective)],
    [
      t('selection.compare.female'),
      share(a.selected, (p) => p.gender === 'female'),
      share(b.selected, (p) => p.gender === 'female'),
    ],
    ...regions.map((region): [string, string, string] => [
      t('selection.compare.region', { region: t(`options.region.${region}` as never, { defaultValue: region }) }),
      share(a.selected, (p) => p.region === region),
      share(b.selected, (p) => p.region === region),
    ]),
  ];
  const names = (people: Person[]) => people.map((p) => p.fullName ?? p.applicationId);
  return (
    <Stack gap="sm" mt="sm">
      <Table.ScrollContainer minWidth={360}>
        <Table striped data-testid="compare-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('selection.compare.metric')}</Table.Th>
              <Table.Th>{t('selection.compare.left')}</Table.Th>
              <Table.Th>{t('selection.compare.right')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(([label, left, right]) => (
              <Table.Tr key={label}>
                <Table.Th scope="row">{label}</Table.Th>
                <Table.Td>{left}</Table.Td>
                <Table.Td>{right}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {onlyA.length === 0 && onlyB.length === 0 ? (
        <Text size="sm">{t('selection.compare.same')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {(
            [
              ['only-a', t('selection.compare.left'), onlyA],
              ['only-b', t('selection.compare.right'), onlyB],
            ] as const
          ).map(([id, name, people]) => (
            <div key={id} data-testid={id}>
              <Text fw={600} size="sm">
                {t('selection.compare.onlyIn', { name, count: people.length })}
              </Text>
              <List size="sm">
                {names(people).map((n) => (
                  <List.Item key={n}>{n}</List.Item>
                ))}
              </List>
            </div>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
