import type { MailLanguage } from './template';

type Bilingual = Record<MailLanguage, string>;

/**
 * The words of the codes an email's data may carry, by enumeration: the same labels the web shows
 * (the vocabulary's), so an invitation names "Cố vấn", never "mentor". One entry per enumeration a
 * template declares in its `codes`; the mail test fails on a declared enumeration or sample code
 * without words in either language.
 */
export const CODE_WORDS: Readonly<Record<string, Readonly<Record<string, Bilingual>>>> = {
  role: {
    applicant: { vi: 'Ứng viên', en: 'Applicant' },
    reviewer: { vi: 'Hội đồng tuyển chọn', en: 'Selection committee' },
    mentor: { vi: 'Cố vấn', en: 'Mentor' },
    fellow: { vi: 'Học viên', en: 'Fellow' },
    staff: { vi: 'Cán bộ chương trình', en: 'Programme staff' },
    admin: { vi: 'Quản trị viên', en: 'Administrator' },
  },
};

/** A code's words in a language; an unknown code stays as it is rather than vanishing. */
export const codeWord = (enumeration: string, code: string, language: MailLanguage): string =>
  CODE_WORDS[enumeration]?.[code]?.[language] ?? code;

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
