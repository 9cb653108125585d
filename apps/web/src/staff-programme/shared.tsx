import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMatchReasonText } from '../components/matchReasons';
import { useVocabulary } from '../vocabulary/vocabulary';
import type { MatchReason, NotHigher, PlacementHub } from './api';

const SUFFIX: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };
const ordinalRules = new Intl.PluralRules('en', { type: 'ordinal' });

/** "1st choice" / "Nguyện vọng 1". */
export function useChoiceLabel() {
  const { t } = useTranslation();
  return (n: number) => t('staffPlacement.choice', { n, nth: `${n}${SUFFIX[ordinalRules.select(n)] ?? 'th'}` });
}

/** "1st choice", "2nd choice"… or "Not ranked". */
export function RankBadge({ rank }: { rank: number | null }) {
  const { t } = useTranslation();
  const choice = useChoiceLabel();
  const color = rank === 1 ? 'green' : rank === 2 ? 'teal' : rank === 3 ? 'yellow' : 'orange';
  return (
    <Badge size="sm" variant="light" color={rank === null ? 'gray' : color} data-testid="rank-badge">
      {rank === null ? t('staffPlacement.notRanked') : choice(rank)}
    </Badge>
  );
}

/** Why a fellow did not get a hub they ranked higher, as a sentence built from the structured reason. */
export function useNotHigherSentence(hubs: PlacementHub[]) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const hub = (code: string | undefined) => hubs.find((h) => h.code === code);
  const name = (code: string | undefined) => {
    const found = hub(code);
    return found ? vocabulary.hubName(found) : (code ?? '');
  };
  return (r: NotHigher): string => {
    switch (r.reason) {
      case 'capacity':
        return t('staffPlacement.reasons.capacity', {
          hub: name(r.hub),
          count: r.capacity ?? 0,
          higher: r.higherScored ?? 0,
        });
      case 'language':
        return t('staffPlacement.reasons.language', {
          hub: name(r.hub),
          rule: vocabulary.languageRule(hub(r.hub)?.languageRequirements ?? []) || (r.languageRule ?? ''),
        });
      case 'forbidden':
        return t('staffPlacement.reasons.forbidden', { hub: name(r.hub) });
      case 'locked':
        return t('staffPlacement.reasons.locked', { hub: name(r.hub) });
      case 'minimum':
        return t('staffPlacement.reasons.minimum', { hub: name(r.minimumHub), minimum: r.minimum ?? 0 });
      default:
        return r.detail;
    }
  };
}

export function ReasonChips({ reasons }: { reasons: MatchReason[] }) {
  const text = useMatchReasonText();
  return (
    <Group gap={4} data-testid="match-reasons">
      {reasons.map((r, i) => (
        <Badge key={`${r.kind}-${i}`} size="sm" variant="light" color={r.points > 0 ? 'blue' : 'gray'} tt="none">
          {text(r)}
        </Badge>
      ))}
    </Group>
  );
}
