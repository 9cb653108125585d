import { labelOf } from '@vgbf/config';
import type { MailLanguage } from './template';

/**
 * A code's words in a language: the vocabulary's label (config/vocabulary.json, the same the web
 * shows), so an invitation names "Cố vấn", never "mentor". An unknown code stays as it is rather
 * than vanishing; the mail test fails on a declared enumeration or sample code without a label.
 */
export const codeWord = (enumeration: string, code: string, language: MailLanguage): string =>
  labelOf(enumeration, code, language);

/**
 * A data value holding codes ("mentor" or a list "mentor, reviewer", as outbox rows store it) in the
 * recipient's words, joined as a list.
 */
export const codesInWords = (enumeration: string, value: string, language: MailLanguage): string =>
  value
    .split(/\s*,\s*/)
    .filter(Boolean)
    .map((code) => codeWord(enumeration, code, language))
    .join(', ');
