import { createHash } from 'node:crypto';
import { readProgramData } from '@vgbf/config';
import { COUNTRY_CODES } from '@vgbf/core';
import { DEFAULT_RANK_WEIGHTS } from '@vgbf/placement';

export interface Label {
  value: string;
  vi: string;
  en: string;
}
export interface ProvinceLabel extends Label {
  region: string;
  /** The name folded for search: no diacritics, đ → d, lower-case ("ha noi"). */
  search: string;
}
export interface Vocabulary {
  version: string;
  enumerations: Record<string, Label[]>;
  provinces: ProvinceLabel[];
  hubs: Label[];
  rubricCriteria: Label[];
  milestoneKinds: Label[];
  countries: Label[];
  languages: Label[];
  defaults: { rankWeights: number[] };
}

type Bilingual = { vi: string; en: string };

/** Case- and diacritic-insensitive form of a Vietnamese name: "Đà Nẵng" → "da nang". */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().trim();
}

/** The labels of every enumeration, in both languages: config/vocabulary.json, the one place they live. */
export function enumerationLabels(): Record<string, Record<string, Bilingual>> {
  return readProgramData('vocabulary.json') as Record<string, Record<string, Bilingual>>;
}

function displayNames(type: 'region' | 'language', codes: readonly string[]): Label[] {
  const vi = new Intl.DisplayNames('vi', { type, fallback: 'none' });
  const en = new Intl.DisplayNames('en', { type, fallback: 'none' });
  return codes
    .map((value) => ({ value, vi: vi.of(value) ?? '', en: en.of(value) ?? '' }))
    .filter((l) => l.vi && l.en && l.vi !== l.value && l.en !== l.value);
}

/** ISO 639-1 codes that the platform's ICU data names in both languages (the two-letter languages). */
function isoLanguages(): Label[] {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const codes = [...letters].flatMap((a) => [...letters].map((b) => a + b));
  return displayNames('language', codes);
}

const byLabel = (lang: 'vi' | 'en') => (a: Label, b: Label) => a[lang].localeCompare(b[lang], lang);

/**
 * What the web needs to show every code in the reader's language: the enumerations' labels, the
 * provinces (with their region and a folded form for diacritic-free search), the template hubs, the
 * rubric criteria, the milestone kinds, countries and languages by ISO code (names from ICU), and
 * the defaults the web offers. Built once per process; `version` is a hash of the content (the ETag).
 */
export function buildVocabulary(): Vocabulary {
  const labels = enumerationLabels();
  const enumerations = Object.fromEntries(
    Object.entries(labels).map(([name, values]) => [
      name,
      Object.entries(values).map(([value, l]) => ({ value, vi: l.vi, en: l.en })),
    ]),
  );
  const provinces = Object.entries(readProgramData('provinces.json') as Record<string, string[]>).flatMap(
    ([region, names]) =>
      names.map((name) => ({ value: name, vi: name, en: name, region, search: foldForSearch(name) })),
  );
  const hubs = (readProgramData('hubs.json') as Array<{ code: string; name: string; nameVi: string }>).map((h) => ({
    value: h.code,
    vi: h.nameVi,
    en: h.name,
  }));
  const rubric = readProgramData('rubric.json') as { criteria: Array<{ code: string; title: Bilingual }> };
  const rubricCriteria = rubric.criteria.map((c) => ({ value: c.code, ...c.title }));
  const tracks = (
    readProgramData('milestones.json') as { tracks: Record<string, Array<{ code: string; title: Bilingual }>> }
  ).tracks;
  const kinds = new Map<string, Label>();
  for (const items of Object.values(tracks)) for (const m of items) kinds.set(m.code, { value: m.code, ...m.title });
  const content = {
    enumerations,
    provinces,
    hubs,
    rubricCriteria,
    milestoneKinds: [...kinds.values()],
    countries: displayNames('region', [...COUNTRY_CODES]).sort(byLabel('vi')),
    languages: isoLanguages().sort(byLabel('vi')),
    defaults: { rankWeights: [...DEFAULT_RANK_WEIGHTS] },
  };
  const version = createHash('sha256').update(JSON.stringify(content)).digest('base64url').slice(0, 22);
  return { version, ...content };
}
