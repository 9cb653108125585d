import { readProgramData } from '@vgbf/config';

export interface GlossaryTerm {
  id: string;
  en: string;
  vi: string;
  meaning: string;
  /** Synonyms the catalogues must not use for this idea. */
  avoid: { en: string[]; vi: string[] };
}

/** config/glossary.json: the programme's words, one term per idea in each language. */
export function readGlossary(): GlossaryTerm[] {
  return (readProgramData('glossary.json') as { terms: GlossaryTerm[] }).terms;
}

const LETTER = String.raw`[\p{L}\p{M}]`;

/**
 * The avoided synonyms a text uses, once the glossary's own terms are taken out ("thành viên mạng
 * lưới" is the network member; a bare "thành viên" for a fellow is not allowed). Placeholders
 * ({{name}}) are not words people read and are ignored.
 */
export function avoidedWords(text: string, language: 'en' | 'vi', glossary: GlossaryTerm[]): string[] {
  let rest = text
    .normalize('NFC')
    .replace(/\{\{[^}]*\}\}/g, ' ')
    .toLowerCase();
  const terms = glossary.map((t) => t[language].toLowerCase()).sort((a, b) => b.length - a.length);
  for (const term of terms) rest = rest.split(term).join(' · ');
  const found: string[] = [];
  for (const term of glossary) {
    for (const word of term.avoid[language]) {
      const escaped = word.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const pattern = new RegExp(`(?<!${LETTER})${escaped}(?!${LETTER})`, 'u');
      if (pattern.test(rest)) found.push(`${word} → ${term[language]}`);
    }
  }
  return found;
}
