import type { LanguageRequirement } from '@vgbf/cohorts';
import type { LanguageCertificate } from './entities/fellow.entity';

/** The application's languages section, as stored (validated when it was saved). */
export interface ApplicationLanguages {
  english?: { test: string; score: number };
  jlpt?: string;
  topik?: number;
  other?: string;
}

const OTHER_LANGUAGES: Array<[RegExp, string]> = [
  [/\b(french|français|francais|tiếng pháp|tieng phap)\b/i, 'fr'],
  [/\b(german|deutsch|tiếng đức|tieng duc)\b/i, 'de'],
  [/\b(chinese|mandarin|tiếng trung|tieng trung|hsk)\b/i, 'zh'],
  [/\b(spanish|español|espanol|tiếng tây ban nha)\b/i, 'es'],
  [/\b(japanese|tiếng nhật|tieng nhat)\b/i, 'ja'],
  [/\b(korean|tiếng hàn|tieng han)\b/i, 'ko'],
  [/\b(russian|tiếng nga|tieng nga)\b/i, 'ru'],
  [/\b(thai|tiếng thái|tieng thai)\b/i, 'th'],
];

/** ISO 639-1 codes a fellow speaks, from their application: Vietnamese always, then what they certified. */
export function spokenLanguages(section: ApplicationLanguages): string[] {
  const spoken = new Set(['vi']);
  if (section.english) spoken.add('en');
  if (section.jlpt) spoken.add('ja');
  if (section.topik) spoken.add('ko');
  for (const [pattern, code] of OTHER_LANGUAGES) if (section.other && pattern.test(section.other)) spoken.add(code);
  return [...spoken];
}

/** The certificates a hub's language rule can read. */
export function languageCertificates(section: ApplicationLanguages): LanguageCertificate[] {
  const certificates: LanguageCertificate[] = [];
  if (section.english) certificates.push({ test: section.english.test, level: String(section.english.score) });
  if (section.jlpt) certificates.push({ test: 'JLPT', level: section.jlpt });
  if (section.topik) certificates.push({ test: 'TOPIK', level: String(section.topik) });
  if (section.other) certificates.push({ test: 'OTHER', level: section.other });
  return certificates;
}

/** Whether one certificate reaches one minimum: JLPT N1 is the highest level, the other tests count up. */
function reaches(certificate: LanguageCertificate, requirement: LanguageRequirement): boolean {
  if (certificate.test !== requirement.test) return false;
  if (requirement.test === 'JLPT') {
    const level = /^N([1-5])$/.exec(certificate.level)?.[1];
    const minimum = /^N([1-5])$/.exec(requirement.minimum)?.[1];
    return level !== undefined && minimum !== undefined && Number(level) <= Number(minimum);
  }
  if (requirement.test === 'OTHER') return certificate.level.toLowerCase().includes(requirement.minimum.toLowerCase());
  const level = Number(certificate.level);
  const minimum = Number(requirement.minimum);
  return Number.isFinite(level) && Number.isFinite(minimum) && level >= minimum;
}

/** A hub's rule is met by any one of its requirements (none: everyone meets it). */
export function meetsLanguageRule(certificates: LanguageCertificate[], requirements: LanguageRequirement[]): boolean {
  return requirements.length === 0 || requirements.some((r) => certificates.some((c) => reaches(c, r)));
}

/** The rule as people read it: "JLPT N3 or IELTS 6.5". */
export function describeLanguageRule(requirements: LanguageRequirement[]): string {
  return requirements.map((r) => `${r.test === 'OTHER' ? '' : `${r.test} `}${r.minimum}`.trim()).join(' or ');
}
