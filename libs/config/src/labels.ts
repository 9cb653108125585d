import { readProgramData } from './program-data';

/** The two languages people read the programme in. */
export const LABEL_LANGUAGES = ['vi', 'en'] as const;
export type LabelLanguage = (typeof LABEL_LANGUAGES)[number];

type Bilingual = Record<LabelLanguage, string>;

let enumerations: Record<string, Record<string, Bilingual>> | undefined;
let hubs: Map<string, Bilingual> | undefined;

/**
 * A code's label in one language, from config/vocabulary.json (the vocabulary test fails on an
 * unlabelled value); an unknown code comes back as it is rather than as nothing.
 */
export function labelOf(enumeration: string, value: string, language: LabelLanguage): string {
  enumerations ??= readProgramData('vocabulary.json') as Record<string, Record<string, Bilingual>>;
  return enumerations[enumeration]?.[value]?.[language] ?? value;
}

/** A template hub's name in one language (config/hubs.json: "JP" → "Nhật Bản" / "Japan"). */
export function hubLabel(code: string, language: LabelLanguage): string {
  hubs ??= new Map(
    (readProgramData('hubs.json') as Array<{ code: string; name: string; nameVi: string }>).map((h) => [
      h.code,
      { vi: h.nameVi, en: h.name },
    ]),
  );
  return hubs.get(code)?.[language] ?? code;
}

/**
 * The language a request asks for: an explicit choice (a `lang` query) first, then the first of
 * Accept-Language's languages that is Vietnamese or English (by weight), else `fallback`.
 */
export function requestedLanguage(
  explicit: string | undefined,
  acceptLanguage: string | undefined,
  fallback: LabelLanguage = 'vi',
): LabelLanguage {
  if (explicit === 'vi' || explicit === 'en') return explicit;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { language: tag.trim().toLowerCase().split('-')[0], weight: q === undefined ? 1 : Number(q), index };
    })
    .filter((l) => l.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  const found = ranked.find((l) => l.language === 'vi' || l.language === 'en');
  return (found?.language as LabelLanguage | undefined) ?? fallback;
}
