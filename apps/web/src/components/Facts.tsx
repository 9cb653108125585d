import { Table } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { scalarText } from '../vocabulary/text';

/** A stored answer as text: a dash when empty, a list joined by commas. */
export const show = (value: unknown): string =>
  value === undefined || value === null || value === ''
    ? '—'
    : Array.isArray(value)
      ? value.map(scalarText).join(', ')
      : scalarText(value);

/** Label → value rows of a read-only application section. */
export function Facts({ rows, labelWidth = 190 }: { rows: Array<[string, ReactNode]>; labelWidth?: number }) {
  return (
    <Table variant="vertical" layout="fixed" withRowBorders={false} verticalSpacing={4}>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={labelWidth}>{label}</Table.Th>
            <Table.Td style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

interface Languages {
  english?: { test: string; score: number };
  jlpt?: string;
  topik?: number;
  other?: string;
}

/** The languages section and the ranked hub choices, as the staff and the (blind) reviewer read them. */
export function languageAndHubRows(
  t: TFunction,
  languages: unknown,
  hubPreferences: string[],
  hubLabel: (code: string) => string,
): Array<[string, ReactNode]> {
  const l = languages as Languages;
  return [
    [t('form.languages.englishTest'), l.english ? `${l.english.test} ${l.english.score}` : '—'],
    [t('form.languages.jlpt'), show(l.jlpt)],
    [t('form.languages.topik'), show(l.topik)],
    [t('form.languages.other'), show(l.other)],
    [t('form.steps.hubs'), hubPreferences.map((code, i) => `${i + 1}. ${hubLabel(code)}`).join('  ') || '—'],
  ];
}
