import { List, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Proposal, useProposal } from './api';

type Person = Proposal['selected'][number];

const two = (value: number) => value.toFixed(2);
const percent = (part: number, whole: number) => (whole ? `${Math.round((100 * part) / whole)} %` : '—');

/** Two selection runs side by side (inside the shared ProposalCompare): totals, shares, and who is in only one. */
export function SelectionComparison({
  cohortId,
  leftId,
  rightId,
}: {
  cohortId: string;
  leftId: string;
  rightId: string;
}) {
  const left = useProposal(cohortId, leftId);
  const right = useProposal(cohortId, rightId);
  return left.data && right.data ? <Comparison a={left.data} b={right.data} /> : null;
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
              <Table.Th>{t('proposals.compare.left')}</Table.Th>
              <Table.Th>{t('proposals.compare.right')}</Table.Th>
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
              ['only-a', t('proposals.compare.left'), onlyA],
              ['only-b', t('proposals.compare.right'), onlyB],
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
