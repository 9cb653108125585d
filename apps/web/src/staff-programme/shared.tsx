import { Alert, Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../components/problems';
import { useVocabulary } from '../vocabulary/vocabulary';
import type { MatchReason, NotHigher, PlacementHub } from './api';

/** An error as an alert in the UI's words; nothing without an error. */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" role="alert" mt="sm">
      {problemMessage(error, t)}
    </Alert>
  );
}

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

/** Labels of the codes the mentoring pages show, from the vocabulary. */
export function useLabels() {
  const vocabulary = useVocabulary();
  return {
    sector: (code: string | null | undefined) => vocabulary.label('sector', code),
    expertise: (code: string) => vocabulary.label('expertiseArea', code),
    language: (code: string) => vocabulary.languageName(code),
    topic: (code: string) => vocabulary.label('sessionTopic', code),
    expertiseOptions: vocabulary.options('expertiseArea'),
    languageOptions: vocabulary.languages,
  };
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

/** A pair's reason as a short phrase with its points: "Same sector: Fintech (+3)". */
export function useMatchReasonText({ withPoints = true }: { withPoints?: boolean } = {}) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (r: MatchReason): string => {
    const points = withPoints && r.points > 0 ? ` (+${r.points})` : '';
    switch (r.kind) {
      case 'sector':
        return t('staffMatching.reasons.sector', { sector: labels.sector(r.sector) }) + points;
      case 'expertise':
        return (
          t('staffMatching.reasons.expertise', { areas: (r.areas ?? []).map(labels.expertise).join(', ') }) + points
        );
      case 'language': {
        const languages = (r.languages ?? []).map(labels.language).join(', ');
        return (
          (r.local
            ? t('staffMatching.reasons.localLanguage', { languages })
            : t('staffMatching.reasons.language', { languages })) + points
        );
      }
      case 'same_city':
        return t('staffMatching.reasons.sameCity', { city: r.city ?? '' }) + points;
      case 'timezone':
        return t('staffMatching.reasons.timezone', { count: r.hoursApart ?? 0 }) + points;
      default:
        return r.kind + points;
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
