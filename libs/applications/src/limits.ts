import { ESSAY_LIMITS } from './dto/sections.dto';
import { countWords } from './dto/validators';

/** Something a draft holds that submission will refuse, shown next to its field until it is fixed. */
export interface FieldFlag {
  field: string;
  code: 'over_word_limit';
  words: number;
  maxWords: number;
  message: string;
}

/**
 * What a draft keeps but submission refuses: essays over their word limit. Drafts are saved as
 * typed (nothing is lost), so the limits are judged here, on the stored text. Pure.
 */
export function overLimits(essays: Record<string, unknown>): FieldFlag[] {
  const flags: FieldFlag[] = [];
  for (const [essay, maxWords] of Object.entries(ESSAY_LIMITS)) {
    const text = essays[essay];
    if (typeof text !== 'string') continue;
    const words = countWords(text);
    if (words > maxWords) {
      const field = `essays.${essay}`;
      flags.push({
        field,
        code: 'over_word_limit',
        words,
        maxWords,
        message: `${field} has ${words} words; at most ${maxWords} are taken at submission`,
      });
    }
  }
  return flags;
}
