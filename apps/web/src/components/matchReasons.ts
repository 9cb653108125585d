import { useTranslation } from 'react-i18next';
import type { MatchReason } from '../staff-programme/api';
import { useVocabulary } from '../vocabulary/vocabulary';

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
      default: {
        const kind: string = r.kind;
        return kind + points;
      }
    }
  };
}
