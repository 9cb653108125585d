import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, type Page, expect, test } from '@playwright/test';
import {
  ACCOUNTS,
  LANGUAGES,
  type Language,
  PUBLIC_URLS,
  PASSWORD,
  asAccountIn,
  chooseLanguageSignedOut,
  getJson,
  open,
  settle,
  signIn,
} from './demo-accounts';
import { findingsInText, sweep } from './language-sweep';
import { bearer } from './support';

/** Every cohort's name, as staff typed it: data the sweep does not judge (other specs name theirs in English). */
async function cohortNames(request: APIRequestContext): Promise<string[]> {
  const headers = await bearer(request, { email: 'staff@vgbf.local', password: PASSWORD });
  return (await getJson<Array<{ name: string }>>(request, '/api/v1/cohorts', headers)).map((c) => c.name);
}

/**
 * WCAG 2.2 AA with axe-core: every page of the navigation, for every role of the demo and signed out,
 * in Vietnamese and in English. A serious or critical violation fails the test with its rule, the
 * element and the page. The pages come from NAV_ITEMS (what the sidebar and the route guard read),
 * so a new page is checked without anyone remembering; parameters are filled with the demo's data
 * (demo-accounts.ts).
 *
 * And the language sweep (issue 14): every one of those pages in Vietnamese, with no English text of
 * the catalogue and no raw code (rules in language-sweep.ts), a full-page screenshot of each attached
 * to the test's report.
 */

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe's serious and critical WCAG A/AA findings on the page as it is now, one line per element. */
async function audit(page: Page, where: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (node) =>
          `${where}: ${v.id} (${v.impact}) at ${node.target.join(' ')} ${node.html.slice(0, 160)}: ${(node.failureSummary ?? v.help).replace(/\s+/g, ' ')}`,
      ),
    );
}

async function visit(page: Page, url: string, language: Language): Promise<string[]> {
  await open(page, url, language);
  return audit(page, `${url} [${language}]`);
}

function report(problems: string[]): void {
  expect(problems, `axe found serious or critical violations:\n${problems.join('\n')}`).toEqual([]);
}

/** The language sweep's findings, all pages at once (see language-sweep.ts for the rules). */
function reportLanguage(findings: string[], pages: number): void {
  expect(
    findings,
    `${findings.length} English texts or raw codes on ${pages} Vietnamese pages:\n${findings.join('\n')}`,
  ).toEqual([]);
}

/** The committee's breakdown drawer, over the ranking board (staff only). */
async function openBreakdown(page: Page, urls: string[]): Promise<string> {
  const committee = urls.find((url) => url.startsWith('/staff/committee'))!;
  await page.goto(committee);
  await settle(page);
  await page.getByRole('table').getByRole('button').first().click();
  await expect(page.getByTestId('breakdown')).toBeVisible();
  await page.waitForTimeout(300);
  return committee;
}

for (const account of ACCOUNTS) {
  // vi, en and the sweep in one worker: each test changes the same account's language.
  test.describe(`${account.name} (${account.role})`, () => {
    test.describe.configure({ mode: 'default' });
    for (const language of LANGUAGES) {
      test(`every page of a ${account.name} passes axe in ${language}`, async ({ page, request }) => {
        test.setTimeout(300_000);
        await asAccountIn(request, account, language, async (urls) => {
          await signIn(page, account.email);
          const problems: string[] = [];
          for (const url of urls) problems.push(...(await visit(page, url, language)));
          if (account.role === 'staff') {
            const committee = await openBreakdown(page, urls);
            problems.push(...(await audit(page, `${committee} breakdown drawer [${language}]`)));
          }
          report(problems);
        });
      });
    }

    // Issue 14: in Vietnamese, no English text of the catalogue and no raw code; a screenshot of each page.
    test(`every page of a ${account.name} reads in Vietnamese only`, async ({ page, request }, testInfo) => {
      test.setTimeout(300_000);
      const typed = await cohortNames(request);
      await asAccountIn(request, account, 'vi', async (urls) => {
        await signIn(page, account.email);
        const findings: string[] = [];
        for (const url of urls) {
          await open(page, url, 'vi');
          findings.push(...(await sweep(page, url, testInfo, undefined, typed)));
        }
        if (account.role === 'staff') {
          const committee = await openBreakdown(page, urls);
          findings.push(
            ...(await sweep(page, `${committee} breakdown drawer`, testInfo, '[data-testid="breakdown"]', typed)),
          );
        }
        reportLanguage(findings, urls.length);
      });
    });
  });
}

test.describe('signed out', () => {
  for (const language of LANGUAGES) {
    test(`every public page passes axe in ${language}`, async ({ page }) => {
      test.setTimeout(120_000);
      await chooseLanguageSignedOut(page, language);
      const problems: string[] = [];
      for (const url of PUBLIC_URLS) problems.push(...(await visit(page, url, language)));
      report(problems);
    });
  }

  test('every public page reads in Vietnamese only', async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    await chooseLanguageSignedOut(page, 'vi');
    const findings: string[] = [];
    for (const url of PUBLIC_URLS) {
      await open(page, url, 'vi');
      findings.push(...(await sweep(page, url, testInfo)));
    }
    reportLanguage(findings, PUBLIC_URLS.length);
  });
});

// The sweep's rules themselves, on known texts: it cannot pass by reading nothing or matching nothing.
test('the language sweep flags English, snake_case and raw codes, and lets Vietnamese and data pass', () => {
  expect(
    findingsInText('Đang xét duyệt · Nguyễn Văn An · nguyen.van.an@applicants.vgbf.local · Strongest on hub fit.'),
  ).toEqual([]);
  // A downloaded file's name and a cohort named by staff are data; the same words in a sentence are not.
  expect(findingsInText('Sẵn sàng tải mentoring-activity-vgbf-2025-20261207.csv')).toEqual([]);
  expect(findingsInText('Khóa VGBF Mentoring 7qkehr đang nhận hồ sơ', ['VGBF Mentoring 7qkehr'])).toEqual([]);
  expect(findingsInText('Khóa VGBF Mentoring 7qkehr đang nhận hồ sơ')).not.toEqual([]);
  const findings = findingsInText('Trạng thái: Not selected · under_review · mẫu free-text');
  expect(findings).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^English text "Not selected"/),
      'snake_case "under_review"',
      'vocabulary code "free-text"',
    ]),
  );
});
