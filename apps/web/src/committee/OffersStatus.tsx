import { Badge, Card, Group, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatProgramTime } from '../components/Deadline';
import { useSelectionStatus } from './api';

const OFFER_COLORS: Record<string, string> = {
  pending: 'blue',
  accepted: 'green',
  declined: 'orange',
  expired: 'gray',
};

/** After confirmation: every offer and how it was answered, and the waitlist. */
export function OffersStatus({ cohortId }: { cohortId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'vi';
  const status = useSelectionStatus(cohortId);
  if (!status.data?.confirmedRunId) return null;
  const s = status.data;
  return (
    <Card withBorder padding="md" data-testid="offers-status">
      <Group justify="space-between" wrap="wrap" mb="xs">
        <Title order={2} size="h4">
          {t('selection.offersTitle')}
        </Title>
        <Text size="sm" data-testid="seats-held">
          {t('selection.seatsHeld', { held: s.seatsHeld, size: s.size ?? 0 })}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Table.ScrollContainer minWidth={420} mah={480}>
          <Table striped fz="sm" data-testid="offers">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('staffApps.col.name')}</Table.Th>
                <Table.Th>{t('selection.offerStatus')}</Table.Th>
                <Table.Th>{t('selection.expires')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.offers.map((offer) => (
                <Table.Tr key={offer.id}>
                  <Table.Td>{offer.fullName ?? '—'}</Table.Td>
                  <Table.Td>
                    <Badge color={OFFER_COLORS[offer.status]} variant="light" size="sm">
                      {t(`selection.offerStatuses.${offer.status as 'pending'}`)}
                    </Badge>
                    {offer.seatLeftOpen && (
                      <Text size="xs" c="red">
                        {t('selection.seatLeftOpen')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{formatProgramTime(offer.expiresAt, language)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Table.ScrollContainer minWidth={300} mah={480}>
          <Table striped fz="sm" data-testid="waitlist-status">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th>
                <Table.Th>{t('staffApps.col.name')}</Table.Th>
                <Table.Th>{t('selection.offerStatus')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.waitlist.map((entry) => (
                <Table.Tr key={entry.applicationId}>
                  <Table.Td>{entry.rank}</Table.Td>
                  <Table.Td>{entry.fullName ?? '—'}</Table.Td>
                  <Table.Td>{t(`selection.waitStatus.${entry.status as 'waiting'}`)}</Table.Td>
                </Table.Tr>
              ))}
              {s.waitlist.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={3}>
                    <Text size="sm" c="dimmed" ta="center">
                      {t('selection.noWaitlist')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </SimpleGrid>
    </Card>
  );
}
