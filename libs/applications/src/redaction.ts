/**
 * Blind review: what in an application's free text would tell a reviewer who applied, and its removal.
 * Pure functions, no Nest or database: `redact(text, identity)` replaces each identifying span with
 * REDACTED, a code the web renders in the reader's language.
 */
export const REDACTED = '[redacted]';

/** What identifies an applicant, from their application and account. */
export interface ApplicantIdentity {
  fullName?: string | null;
  email?: string | null;
  phone?: string | null;
  taxCode?: string | null;
  enterpriseName?: string | null;
  /** Websites or domains of the applicant or their enterprise. */
  websites?: Array<string | null | undefined>;
  referees?: Array<{ name?: string | null; email?: string | null }>;
}

/** Legal forms that say nothing about which enterprise it is (folded). */
const LEGAL_FORMS = [
  'cong ty trach nhiem huu han',
  'cong ty co phan',
  'cong ty tnhh',
  'cong ty cp',
  'tnhh mtv',
  'tnhh',
  'hop tac xa',
  'doanh nghiep tu nhan',
  'cong ty',
  'joint stock company',
  'company limited',
  'co ltd',
  'jsc',
  'ltd',
  'llc',
  'inc',
];

/** One character folded: lower case, no diacritics, đ → d (may be empty for a lone combining mark). */
function foldChar(c: string): string {
  return c.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** Lower case without Vietnamese diacritics (đ → d), single spaces. */
export function foldText(text: string): string {
  return Array.from(text.normalize('NFC'), foldChar).join('').replace(/\s+/g, ' ').trim();
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const WORD_BEFORE = '(?<![\\p{L}\\p{N}])';
const WORD_AFTER = '(?![\\p{L}\\p{N}])';
const tokens = (name: string): string[] =>
  foldText(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

interface Pattern {
  /** Folded words, matched in order with spaces or hyphens between them. */
  words: string[];
  /** A single name part: matched only as written (its diacritics, any case) or written without any diacritics. */
  exact?: string;
}

/**
 * A person's name: the whole name and every run of two or more of its parts (diacritics and case
 * ignored), the given name before the family name, and the first and last parts alone. A middle part
 * alone (Văn, Thị, Đức…) is an everyday word or a country and identifies nobody, so it stays.
 */
function namePatterns(name: string): Pattern[] {
  const words = tokens(name);
  const original = name
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (words.length === 0) return [];
  const patterns: Pattern[] = [];
  for (let i = 0; i < words.length; i++) {
    for (let j = i + 2; j <= words.length; j++) patterns.push({ words: words.slice(i, j) });
  }
  if (words.length >= 2) patterns.push({ words: [words[words.length - 1], words[0]] as string[] });
  for (const i of new Set([0, words.length - 1])) {
    patterns.push({ words: [words[i]], exact: (original[i] ?? words[i] ?? '').toLowerCase() });
  }
  return patterns;
}

/**
 * An enterprise's name as written, its distinctive part without the legal form, and its brand: the
 * capitalised words it ends with ("Gia Bảo" of "Công ty TNHH Thương mại Gia Bảo").
 */
function enterprisePatterns(name: string): Pattern[] {
  const words = tokens(name);
  if (words.length === 0) return [];
  let key = ` ${words.join(' ')} `;
  for (const form of LEGAL_FORMS) key = key.replace(` ${form} `, ' ');
  const keyWords = key.trim().split(' ').filter(Boolean);
  const patterns: Pattern[] = [{ words }];
  if (keyWords.length > 0 && keyWords.join('').length >= 3) {
    patterns.push({ words: keyWords }, { words: [keyWords.join('')] });
  }
  const written = name
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  let brand = 0;
  while (brand < written.length && /^\p{Lu}/u.test(written[written.length - 1 - brand])) brand++;
  const brandWords = words.slice(words.length - brand);
  if (brand < keyWords.length && (brand >= 2 || (brand === 1 && brandWords[0].length >= 4))) {
    patterns.push({ words: brandWords }, { words: [brandWords.join('')] });
  }
  return patterns;
}

/** Every address, URL and web domain (a reviewer never needs one to judge an application). */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const URL = /(?:https?:\/\/|www\.)[^\s<>"')\]]+/giu;
const DOMAIN =
  /(?<![\p{L}\p{N}@.-])(?:[a-z0-9-]+\.)+(?:vn|com|net|org|io|co|asia|biz|info|xyz|shop|store|online|app|dev|tech|me)(?:\.[a-z]{2})?(?:\/[^\s<>"')\]]*)?(?![\p{L}\p{N}])/giu;
/** Vietnamese phone numbers however written: +84 / 84 / 0, then 8–10 digits with spaces, dots or dashes. */
const PHONE = /(?<![\p{N}+])(?:\(?\+?84\)?[\s.-]?|0)(?:\d[\s.-]?){8,9}\d(?![\p{N}])/gu;
/** Tax codes: 10 digits, or 13 written XXXXXXXXXX-XXX. */
const TAX_CODE = /(?<![\p{N}])\d{10}(?:[\s-]?\d{3})?(?![\p{N}])/gu;

function digitsPattern(value: string): RegExp | null {
  const digits = value.replace(/\D/g, '');
  if (digits.length < 6) return null;
  const local = digits.startsWith('84') && digits.length >= 11 ? digits.slice(2) : digits.replace(/^0/, '');
  return new RegExp(`(?<![\\p{N}])(?:\\+?84|0)?[\\s.-]?${local.split('').join('[\\s.-]?')}(?![\\p{N}])`, 'gu');
}

function domainOf(value: string): string | null {
  const host = value
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .split(/[/@?#]/)
    .filter(Boolean);
  const domain = value.includes('@') ? value.split('@').pop() : host[0];
  return domain && domain.includes('.') ? domain : null;
}

type Span = [start: number, end: number];

/** The text folded character by character, with where each folded character came from. */
function foldWithMap(text: string): { folded: string; from: number[] } {
  let folded = '';
  const from: number[] = [];
  let index = 0;
  for (const c of text) {
    for (const f of foldChar(c)) {
      folded += f;
      from.push(index);
    }
    index += c.length;
  }
  return { folded, from };
}

const hasDiacritics = (s: string): boolean => foldChar(s) !== s.toLowerCase() || /[đĐ]/.test(s);

function patternSpans(text: string, patterns: Pattern[]): Span[] {
  const { folded, from } = foldWithMap(text);
  const spans: Span[] = [];
  for (const p of patterns) {
    const re = new RegExp(`${WORD_BEFORE}${p.words.map(escape).join('[\\s\\-]+')}${WORD_AFTER}`, 'gu');
    for (const m of folded.matchAll(re)) {
      const start = from[m.index];
      const last = from[m.index + m[0].length - 1];
      const end = last + (text.codePointAt(last)! > 0xffff ? 2 : 1);
      if (p.exact !== undefined) {
        const written = text.slice(start, end);
        // Written as in the name (any case), or capitalised without diacritics (Tung, TUNG): "tung ra"
        // (launch) or "năm" (year) is not Tùng or Nam. A two-letter part (An, Lê, Hà) only when capitalised.
        const capitalised = written[0] !== written[0]?.toLowerCase();
        const short = p.words[0].length < 3;
        const asWritten = written.toLowerCase() === p.exact || (!hasDiacritics(written) && capitalised);
        if (!asWritten || (short && !capitalised)) continue;
      }
      spans.push([start, end]);
    }
  }
  return spans;
}

function regexSpans(text: string, re: RegExp): Span[] {
  return [...text.matchAll(re)].map((m) => [m.index, m.index + m[0].length] as Span);
}

/**
 * The text with everything that names its applicant replaced by REDACTED: their name and its parts,
 * email, phone, tax code, enterprise, website or domain and their referees' names and emails, with or
 * without diacritics, in any case; and any email address, URL, web domain, phone number or tax code.
 */
export function redact(text: string, who: ApplicantIdentity): string {
  if (!text) return text;
  const source = text.normalize('NFC');
  const patterns: Pattern[] = [
    ...namePatterns(who.fullName ?? ''),
    ...(who.referees ?? []).flatMap((r) => namePatterns(r.name ?? '')),
    ...enterprisePatterns(who.enterpriseName ?? ''),
  ];
  const domains = [who.email, ...(who.referees ?? []).map((r) => r.email), ...(who.websites ?? [])]
    .map((v) => (v ? domainOf(v) : null))
    .filter((d): d is string => !!d);
  // The enterprise's own site may be written as its bare name ("giabao" for giabao.vn).
  for (const site of who.websites ?? []) {
    const label = site ? domainOf(site)?.split('.')[0] : undefined;
    if (label && label.length >= 4) patterns.push({ words: [foldText(label)] });
  }
  const spans = [
    ...patternSpans(source, patterns),
    ...[EMAIL, URL, DOMAIN, PHONE, TAX_CODE].flatMap((re) => regexSpans(source, re)),
    ...domains.flatMap((d) => regexSpans(source, new RegExp(`${WORD_BEFORE}${escape(d)}${WORD_AFTER}`, 'giu'))),
    ...[who.phone, who.taxCode]
      .map((v) => (v ? digitsPattern(v) : null))
      .filter((re): re is RegExp => !!re)
      .flatMap((re) => regexSpans(source, re)),
  ].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let out = '';
  let at = 0;
  for (const [start, end] of spans) {
    if (end <= at) continue;
    if (start >= at) {
      out += source.slice(at, start) + REDACTED;
    }
    at = end;
  }
  return out + source.slice(at);
}

/** Every string inside a value (objects, arrays) redacted; other values as they are. */
export function redactDeep<T>(value: T, who: ApplicantIdentity): T {
  if (typeof value === 'string') return redact(value, who) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => redactDeep(v, who)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, who)])) as T;
  }
  return value;
}
