import type { ComboboxItem, ComboboxParsedItem, OptionsFilter } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type Language } from '../api/client';
import type { components } from '../api/schema';
import { scalarText } from './text';

export type Vocabulary = components['schemas']['VocabularyView'];
export type Label = components['schemas']['LabelView'];
export type ProvinceLabel = components['schemas']['ProvinceLabelView'];

/** The enumerations of GET /vocabulary (config/vocabulary.json on the server): the only copy of their values and words. */
export type EnumerationName =
  | 'applicationStatus'
  | 'region'
  | 'sector'
  | 'gender'
  | 'employeesBand'
  | 'revenueBand'
  | 'role'
  | 'languageTest'
  | 'sessionTopic'
  | 'sessionMode'
  | 'expertiseArea'
  | 'certificationPillar'
  | 'evidenceKind'
  | 'milestoneStatus'
  | 'reportKind'
  | (string & {});

export const VOCABULARY_KEY = ['vocabulary'] as const;

/** Loaded once per visit: the server answers with an ETag, so the browser revalidates cheaply. */
export function useVocabularyQuery() {
  return useQuery({
    queryKey: VOCABULARY_KEY,
    queryFn: () => call(api.GET('/api/v1/vocabulary')),
    staleTime: Infinity,
    gcTime: Infinity,
    retry: 2,
  });
}

/** Case- and diacritic-insensitive form for search: "Đà Nẵng" → "da nang", so "Ha Noi" finds Hà Nội. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().trim();
}

/** A Mantine Select/MultiSelect filter that ignores diacritics and case (groups kept, emptied ones dropped). */
export const foldedFilter: OptionsFilter = ({ options, search }) => {
  const query = fold(search);
  if (!query) return options;
  const matches = (item: ComboboxItem) => fold(item.label).includes(query);
  return options.flatMap((option: ComboboxParsedItem): ComboboxParsedItem[] => {
    if ('group' in option) {
      const items = option.items.filter(matches);
      return items.length ? [{ ...option, items }] : [];
    }
    return matches(option) ? [option] : [];
  });
};

function labelIn(language: Language, list: Label[] | undefined, value: string): string {
  const found = list?.find((l) => l.value === value);
  return found ? found[language] : value;
}

/**
 * The vocabulary in the reader's language: `label('sector', 'fintech')`, `options('region')` for a
 * Select, and the localized lists of provinces, countries and languages (ISO codes underneath).
 */
export function useVocabulary() {
  const { i18n } = useTranslation();
  const language: Language = i18n.resolvedLanguage === 'en' ? 'en' : 'vi';
  const { data } = useVocabularyQuery();
  const label = useCallback(
    (name: EnumerationName, value: unknown): string =>
      value === null || value === undefined || value === ''
        ? '—'
        : labelIn(language, data?.enumerations[name], scalarText(value)),
    [data, language],
  );
  return useMemo(() => {
    const items = (list: Label[] | undefined): ComboboxItem[] =>
      (list ?? []).map((l) => ({ value: l.value, label: l[language] }));
    return {
      ready: !!data,
      language,
      label,
      values: (name: EnumerationName): string[] => (data?.enumerations[name] ?? []).map((l) => l.value),
      options: (name: EnumerationName): ComboboxItem[] => items(data?.enumerations[name]),
      provinces: data?.provinces ?? [],
      countries: items(data?.countries),
      languages: items(data?.languages),
      country: (code: string) => labelIn(language, data?.countries, code),
      languageName: (code: string) => labelIn(language, data?.languages, code),
      hubTemplate: (code: string) => labelIn(language, data?.hubs, code),
      /** "JLPT N3 hoặc IELTS 6.5": a hub's language rule (any one test at its minimum) in the reader's language. */
      languageRule: (requirements: ReadonlyArray<{ test: string; minimum: string }>) =>
        new Intl.ListFormat(language, { type: 'disjunction' }).format(
          requirements.map((r) => `${labelIn(language, data?.enumerations.languageTest, r.test)} ${r.minimum}`),
        ),
      /** A cohort's hub in the reader's language (its Vietnamese name when it has one). */
      hubName: (hub: { name: string; nameVi?: string | null }) => (language === 'vi' && hub.nameVi) || hub.name,
      /** A hub named by its code ("JP" → "Nhật Bản"): the cohort's hub when given, else the template's; never the bare code unless unknown. */
      hubLabel: (code: string, hubs: ReadonlyArray<{ code: string; name: string; nameVi?: string | null }> = []) => {
        const hub = hubs.find((h) => h.code === code);
        return hub ? (language === 'vi' && hub.nameVi) || hub.name : labelIn(language, data?.hubs, code);
      },
      rankWeights: data?.defaults.rankWeights ?? [],
    };
  }, [data, language, label]);
}
