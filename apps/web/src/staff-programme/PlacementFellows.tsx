import { Badge, Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LockForbidEditor } from '../components/proposals';
import { useVocabulary } from '../vocabulary/vocabulary';
import { type PlacementFellow, type PlacementHub, type PlacementOverview, useSetHubConstraints } from './api';

export function HubsCard({ hubs }: { hubs: PlacementHub[] }) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4" mb="xs">
        {t('staffPlacement.hubs')}
      </Title>
      <Table.ScrollContainer minWidth={560}>
        <Table striped fz="sm" data-testid="placement-hubs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('staffPlacement.hub')}</Table.Th>
              <Table.Th>{t('staffPlacement.capacity')}</Table.Th>
              <Table.Th>{t('staffPlacement.minimum')}</Table.Th>
              <Table.Th>{t('staffPlacement.languageRule')}</Table.Th>
              <Table.Th>{t('staffPlacement.placed')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {hubs.map((hub) => (
              <Table.Tr key={hub.id}>
                <Table.Td>
                  {vocabulary.hubName(hub)} · {hub.city}
                </Table.Td>
                <Table.Td>{hub.capacity}</Table.Td>
                <Table.Td>{hub.minimumFellows}</Table.Td>
                <Table.Td>
                  {vocabulary.languageRule(hub.languageRequirements) || t('staffPlacement.anyLanguage')}
                </Table.Td>
                <Table.Td>{hub.placed}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

/** One fellow's lock and forbidden hubs, saved together (the API replaces both). */
function ConstraintsRow({
  cohortId,
  fellow,
  hubs,
  confirmed,
  onMove,
}: {
  cohortId: string;
  fellow: PlacementFellow;
  hubs: PlacementHub[];
  confirmed: boolean;
  onMove: (fellow: PlacementFellow) => void;
}) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const save = useSetHubConstraints(cohortId);
  const options = hubs.map((h) => ({ value: h.id, label: `${h.code} — ${vocabulary.hubName(h)}` }));
  return (
    <Table.Tr data-testid="placement-fellow">
      <Table.Td>
        <Text size="sm" fw={500}>
          {fellow.fullName}
        </Text>
        <Text size="xs" c="dimmed">
          {t('staffPlacement.score', { score: fellow.selectionScore?.toFixed(2) ?? '—' })}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">
          {fellow.hubPreferences.map((code, i) => `${i + 1}. ${vocabulary.hubLabel(code, hubs)}`).join('  ') || '—'}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {fellow.eligibleHubs.map((code) => (
            <Badge key={code} size="xs" variant="light" color="green">
              {vocabulary.hubLabel(code, hubs)}
            </Badge>
          ))}
          {fellow.eligibleHubs.length === 0 && (
            <Text size="xs" c="red">
              {t('staffPlacement.noEligible')}
            </Text>
          )}
        </Group>
      </Table.Td>
      {confirmed ? (
        <Table.Td>
          <Group gap="xs" wrap="nowrap">
            <Badge>{fellow.hub ? vocabulary.hubLabel(fellow.hub, hubs) : '—'}</Badge>
            <Button
              size="compact-xs"
              variant="light"
              onClick={() => onMove(fellow)}
              aria-label={t('staffPlacement.moveFor', { name: fellow.fullName })}
            >
              {t('staffPlacement.move')}
            </Button>
          </Group>
        </Table.Td>
      ) : (
        <Table.Td>
          <LockForbidEditor
            saved={{ locked: fellow.lockedHubId, forbidden: fellow.forbiddenHubIds }}
            options={options}
            labels={{
              lock: t('staffPlacement.lockFor', { name: fellow.fullName }),
              noLock: t('staffPlacement.noLock'),
              forbid: t('staffPlacement.forbidFor', { name: fellow.fullName }),
              noForbidden: t('staffPlacement.noForbidden'),
            }}
            save={{
              mutate: (locked, forbidden) =>
                save.mutate({ fellowId: fellow.id, lockedHubId: locked, forbiddenHubIds: forbidden }),
              isPending: save.isPending,
              error: save.error,
            }}
          />
        </Table.Td>
      )}
    </Table.Tr>
  );
}

export function FellowsCard({
  overview,
  onMove,
}: {
  overview: PlacementOverview;
  onMove: (f: PlacementFellow) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4" mb="xs">
        {t('staffPlacement.fellows', { count: overview.fellows.length })}
      </Title>
      {overview.fellows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('staffPlacement.noFellows')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped fz="sm" verticalSpacing="xs" data-testid="placement-fellows">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('staffProgramme.fellow')}</Table.Th>
                <Table.Th>{t('staffPlacement.ranking')}</Table.Th>
                <Table.Th>{t('staffPlacement.eligible')}</Table.Th>
                <Table.Th w={260}>
                  {overview.confirmed ? t('staffPlacement.placedHub') : t('staffPlacement.constraints')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {overview.fellows.map((fellow) => (
                <ConstraintsRow
                  key={`${fellow.id}-${fellow.lockedHubId}-${fellow.forbiddenHubIds.join()}`}
                  cohortId={overview.cohortId}
                  fellow={fellow}
                  hubs={overview.hubs}
                  confirmed={overview.confirmed}
                  onMove={onMove}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
