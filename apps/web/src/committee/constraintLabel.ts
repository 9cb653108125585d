import { useTranslation } from 'react-i18next';
import { useFormOptions } from '../applications/api';
import { useVocabulary } from '../vocabulary/vocabulary';
import type { SelectionRequest } from './api';

export type Attribute = 'region' | 'gender' | 'sector';
type Share = NonNullable<SelectionRequest['shares']>[number];

/** A fraction as a percentage with two decimals: 0.3 → 30. */
export const pct = (fraction: number) => Math.round(fraction * 10000) / 100;

/** The attribute values a share can name, with their words in the UI's language. */
export function useShareValues() {
  const vocabulary = useVocabulary();
  const options = useFormOptions();
  return (attribute: Attribute) => {
    if (attribute === 'region') return vocabulary.options('region');
    if (attribute === 'gender')
      return (options.data?.genders ?? []).map((g) => ({ value: g, label: vocabulary.label('gender', g) }));
    return (options.data?.sectors ?? []).map((s) => ({ value: s, label: vocabulary.label('sector', s) }));
  };
}

/** A constraint named in staff's words: "at least 30 % from North", or the built-in ones (hubs, pins). */
export function useConstraintLabel(shares: Share[]) {
  const { t } = useTranslation();
  const values = useShareValues();
  return (id: string) => {
    const share = shares.find((s) => s.id === id);
    if (!share) return t(`selection.builtIn.${id as 'hubs'}`, { defaultValue: id });
    const value = values(share.attribute).find((v) => v.value === share.value)?.label ?? share.value;
    if (share.min !== undefined && share.max !== undefined)
      return t('selection.shareBetween', { value, min: pct(share.min), max: pct(share.max) });
    if (share.min !== undefined) return t('selection.shareMin', { value, min: pct(share.min) });
    return t('selection.shareMax', { value, max: pct(share.max ?? 1) });
  };
}
