import type { MatchReason } from '@vgbf/solvers';

type Lang = 'vi' | 'en';

const LANGUAGE_NAMES: Record<string, [vi: string, en: string]> = {
  vi: ['tiếng Việt', 'Vietnamese'],
  en: ['tiếng Anh', 'English'],
  ja: ['tiếng Nhật', 'Japanese'],
  ko: ['tiếng Hàn', 'Korean'],
  de: ['tiếng Đức', 'German'],
  fr: ['tiếng Pháp', 'French'],
  zh: ['tiếng Trung', 'Chinese'],
  es: ['tiếng Tây Ban Nha', 'Spanish'],
};

const language = (code: string, lang: Lang): string => LANGUAGE_NAMES[code]?.[lang === 'vi' ? 0 : 1] ?? code;
const label = (code: string): string => code.replace(/_/g, ' ');

/**
 * A pair's reasons as one line people read: "same sector: fintech; wants legal, esg; both speak
 * Japanese; both in Tokyo". Only the parts that earned points, plus the shared language (the rule).
 */
export function describeReasons(reasons: MatchReason[], lang: Lang = 'en'): string {
  const vi = lang === 'vi';
  const parts = reasons.flatMap((r): string[] => {
    switch (r.kind) {
      case 'sector':
        return [vi ? `cùng lĩnh vực: ${label(r.sector)}` : `same sector: ${label(r.sector)}`];
      case 'expertise':
        return [vi ? `cố vấn về ${r.areas.map(label).join(', ')}` : `mentor covers ${r.areas.map(label).join(', ')}`];
      case 'language': {
        const preferred = r.languages.filter((l) => l !== 'vi' && l !== 'en');
        const shown = (r.local || preferred.length ? preferred : r.languages).map((l) => language(l, lang));
        return [vi ? `cùng nói ${shown.join(', ')}` : `both speak ${shown.join(', ')}`];
      }
      case 'same_city':
        return [vi ? `cùng ở ${r.city}` : `both in ${r.city}`];
      case 'timezone':
        return [vi ? `lệch múi giờ ${r.hoursApart} giờ` : `${r.hoursApart} h apart`];
    }
  });
  return parts.join('; ');
}
