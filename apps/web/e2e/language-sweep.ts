import { readFileSync, readdirSync } from 'node:fs';
import { type Page, type TestInfo, expect } from '@playwright/test';
import { en } from '../src/i18n/en';
import { vi } from '../src/i18n/vi';

/**
 * The language sweep (issue 14): a page shown in Vietnamese must not show a text of the English
 * catalogue, nor a raw code. What it reads is the visible text of the page's shell (header,
 * navigation) and of <main>, as a person sees it (innerText: hidden parts left out). The rules:
 *
 * (a) English texts: every value of the English web catalogue (src/i18n/en*.ts) and every English
 *     word of the vocabulary (config/vocabulary.json) that differs from its Vietnamese counterpart,
 *     cut at the interpolation placeholders ({{name}}, <1>…</1>, $t(…)); a piece counts only when it
 *     is distinctive — at least two words, or one word of 8 letters or more — and appears in no
 *     Vietnamese text (brand names like "Vietnam Global Biz Fellows" are the same in both), so
 *     "Email", "Hub" or "OK" do not make false hits. Matched whole-word, ignoring case (CSS may
 *     upper-case a label).
 * (b) snake_case tokens: /\b[a-z]+(?:_[a-z0-9]+)+\b/ — a code or key, never a word.
 * (c) raw vocabulary codes shown as words: the codes of config/vocabulary.json that contain "-"
 *     with a letter (e.g. "free-text", "3-50bn"; the "_" ones are rule (b)'s); plain ones like
 *     "draft" would be false hits.
 * (d) bare ISO codes where people read: a table cell, badge, list item, description or paragraph
 *     whose whole text is two upper-case letters (a country, "VN") or two lower-case letters (a
 *     language, "vi"), unless it is a Vietnamese word of the catalogue or vocabulary ("CV"). The hubs'
 *     codes (SG, JP, KR, EU) count too: the product names its hubs ("Singapore", "Nhật Bản"); a code
 *     is what staff type in the cohort editor's code field (an input, not read text). Left out:
 *     avatars (a person's initials) and the language switch (VI/EN is that control's convention,
 *     with an accessible name in full).
 *
 * Text inside <code>, <kbd> or <pre> (Mantine's Code) is exempt: a literal to type (a CSV file's header).
 */

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') flat.set(path, value);
    else for (const [k, v] of flatten(value, path)) flat.set(k, v);
  }
  return flat;
}

type Enumerations = Record<string, Record<string, { vi: string; en: string }>>;
const VOCABULARY = JSON.parse(
  readFileSync(new URL('../../../config/vocabulary.json', import.meta.url), 'utf8'),
) as Enumerations;

const PLACEHOLDER = /\{\{[^}]*\}\}|<\/?\d+\/?>|<\/?[a-z]+\/?>|\$t\([^)]*\)/g;
const fold = (text: string) => text.toLocaleLowerCase('vi').replace(/\s+/g, ' ');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function distinctive(piece: string): boolean {
  const words = piece.match(/\p{L}+/gu) ?? [];
  return words.length >= 2 || words.some((word) => word.length >= 8);
}

const ENGLISH_FLAT = flatten(en);
const VIETNAMESE_FLAT = flatten(vi);
const PAIRS: Array<[string, string, string | undefined]> = [
  ...[...ENGLISH_FLAT].map(([key, value]): [string, string, string | undefined] => [
    key,
    value,
    VIETNAMESE_FLAT.get(key),
  ]),
  ...Object.entries(VOCABULARY).flatMap(([name, codes]) =>
    Object.entries(codes).map(([code, words]): [string, string, string] => [
      `vocabulary ${name}.${code}`,
      words.en,
      words.vi,
    ]),
  ),
];
/** Every Vietnamese text of the catalogue and the vocabulary, trimmed. */
const VIETNAMESE_WORDS = new Set(
  [...VIETNAMESE_FLAT.values(), ...PAIRS.map(([, , v]) => v ?? '')].map((v) => v.trim()),
);

/** The English pieces the sweep looks for, each with where it comes from. */
function englishNeedles(): Array<{ text: string; pattern: RegExp; source: string }> {
  const allVietnamese = fold([...VIETNAMESE_WORDS].join('\n'));
  const needles = new Map<string, { text: string; pattern: RegExp; source: string }>();
  for (const [key, english, vietnamese] of PAIRS) {
    if (english === vietnamese) continue;
    for (const raw of english.split(PLACEHOLDER)) {
      const piece = raw.trim().replace(/^[\s.,:;·•–—(/-]+|[\s,:;·•–—(/-]+$/g, '');
      if (!distinctive(piece) || allVietnamese.includes(fold(piece)) || needles.has(fold(piece))) continue;
      needles.set(fold(piece), {
        text: piece,
        pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escape(fold(piece))}(?![\\p{L}\\p{N}])`, 'u'),
        source: key,
      });
    }
  }
  return [...needles.values()];
}

const NEEDLES = englishNeedles();
const SNAKE_CASE = /\b[a-z]+(?:_[a-z0-9]+)+\b/g;
const CODES = [
  ...new Set(
    Object.values(VOCABULARY).flatMap((codes) =>
      Object.keys(codes).filter((code) => code.includes('-') && /[a-z]/.test(code)),
    ),
  ),
].map((code) => ({
  code,
  pattern: new RegExp(`(?<![\\p{L}\\p{N}_-])${escape(code)}(?![\\p{L}\\p{N}_-])`, 'u'),
}));

/**
 * What people of the demo typed in English: some mentors, fellows and reviewers write English (the
 * seed's phrase lists, apps/api/src/cli/demo/*.ts: session notes, action items, review comments,
 * organisations like "Enterprise Singapore"). That is data, not the product's words. Every English
 * string literal of those files (two words or more, ASCII letters; `${…}` in a template matches up
 * to 80 characters of one sentence) is cut from the page's text before the checks — only the demo's own sentences, nothing else.
 */
const DEMO_SOURCES = new URL('../../../apps/api/src/cli/demo/', import.meta.url);
const DEMO_TYPED_ENGLISH: RegExp[] = [
  ...new Set(
    readdirSync(DEMO_SOURCES)
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'))
      .flatMap((file) => [...readFileSync(new URL(file, DEMO_SOURCES), 'utf8').matchAll(/'([^'\\\n]*)'|`([^`]*)`/g)])
      .map((match) => (match[1] ?? match[2] ?? '').trim())
      .filter((literal) => /^[A-Za-z0-9 ,.;:!?’()&/${}–—-]+$/.test(literal) && /[A-Za-z]+ +[A-Za-z]+/.test(literal))
      .map((literal) =>
        literal
          .split(/\$\{[^}]*\}/)
          .map((piece) => escape(fold(piece)))
          .join('[^.;\\n]{1,80}?'),
      ),
  ),
].map((source) => new RegExp(source, 'gu'));

/**
 * Texts that are data, not the product's words, which the rules above would otherwise flag. Each
 * entry is a pattern removed from the page's text before the checks, with its reason.
 */
const DATA_ALLOWLIST: Array<{ pattern: RegExp; reason: string }> = [
  // People's email addresses: "nguyen.van.an@applicants.vgbf.local" is an address, not the word "Applicants".
  { pattern: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu, reason: 'email addresses' },
  // What a download is saved as ("mentoring-activity-vgbf-2025-20261207.csv"): a file's name, not a sentence.
  { pattern: /[\p{L}\p{N}._-]+\.(?:csv|xlsx|pdf|ics)\b/gu, reason: 'file names' },
];

/**
 * The findings of rules (a)–(c) in a text. `data` are texts people typed that the page shows as they
 * are (cohort names: other specs create cohorts named "VGBF Mentoring …"), removed before judging.
 */
export function findingsInText(text: string, data: readonly string[] = []): string[] {
  let read = text;
  for (const typed of [...data].sort((a, b) => b.length - a.length)) read = read.split(typed).join(' ');
  for (const { pattern } of DATA_ALLOWLIST) read = read.replace(pattern, ' ');
  let folded = fold(read);
  for (const pattern of DEMO_TYPED_ENGLISH) folded = folded.replace(pattern, ' ');
  const findings: string[] = [];
  for (const needle of NEEDLES) {
    const at = needle.pattern.exec(folded)?.index;
    if (at === undefined) continue;
    const context = folded.slice(Math.max(0, at - 30), at + needle.text.length + 30);
    findings.push(`English text "${needle.text}" (${needle.source}) in "…${context}…"`);
  }
  for (const token of new Set(read.match(SNAKE_CASE) ?? [])) findings.push(`snake_case "${token}"`);
  for (const { code, pattern } of CODES) if (pattern.test(read)) findings.push(`vocabulary code "${code}"`);
  return findings;
}

/** The visible text of the shell and <main> (without <code>), and the elements whose whole text is two letters. */
async function readPage(
  page: Page,
  scope: string,
): Promise<{ text: string; bare: Array<{ text: string; where: string }> }> {
  return page.evaluate((selector) => {
    const roots = Array.from(document.querySelectorAll<HTMLElement>(selector));
    const text = roots
      .map((root) => {
        let read = root.innerText;
        for (const literal of Array.from(root.querySelectorAll<HTMLElement>('code, kbd, pre')))
          read = read.replace(literal.innerText, ' ');
        return read;
      })
      .join('\n');
    const bare: Array<{ text: string; where: string }> = [];
    const readable = 'td, dd, li, p, .mantine-Badge-label, .mantine-Text-root, .mantine-Pill-label';
    for (const root of roots)
      for (const element of Array.from(root.querySelectorAll<HTMLElement>(readable))) {
        if (element.closest('.mantine-Avatar-root, .mantine-SegmentedControl-root, code, kbd, pre')) continue;
        const own = element.innerText.trim();
        if (/^([A-Z]{2}|[a-z]{2})$/.test(own) && element.checkVisibility())
          bare.push({ text: own, where: `<${element.tagName.toLowerCase()} class="${element.className}">` });
      }
    return { text, bare };
  }, scope);
}

/**
 * Checks the page as it is now and attaches its full-page screenshot; returns its findings, one line
 * each, prefixed with `where`.
 */
export async function sweep(
  page: Page,
  where: string,
  testInfo: TestInfo,
  scope = 'header, nav, main',
  data: readonly string[] = [],
): Promise<string[]> {
  const { text, bare } = await readPage(page, scope);
  expect(text.trim().length, `${where}: no text read`).toBeGreaterThan(0);
  // Written to the test's output folder and attached by path: the JSON report stays small.
  const path = testInfo.outputPath(`${where.replace(/[^\w-]+/g, '-').replace(/^-|-$/g, '') || 'home'}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(`${where} (vi)`, { path, contentType: 'image/png' });
  const codes = [
    ...new Set(bare.filter((b) => !VIETNAMESE_WORDS.has(b.text)).map((b) => `bare code "${b.text}" in ${b.where}`)),
  ];
  return [...findingsInText(text, data), ...codes].map((finding) => `${where}: ${finding}`);
}
