import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, type Page, expect, test } from '@playwright/test';
import type { Role } from '../src/api/client';
import { NAV_ITEMS, canOpen } from '../src/components/navigation';
import { bearer } from './support';

/**
 * WCAG 2.2 AA with axe-core: every page of the navigation, for every role of the demo and signed out,
 * in Vietnamese and in English. A serious or critical violation fails the test with its rule, the
 * element and the page. The pages come from NAV_ITEMS (what the sidebar and the route guard read),
 * so a new page is checked without anyone remembering; parameters are filled with the demo's data.
 */

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const PASSWORD = 'VgbfDemo!2027';
const LANGUAGES = ['vi', 'en'] as const;
type Language = (typeof LANGUAGES)[number];

type Headers = { authorization: string };
/** A route's address for this account, or null when the demo has nothing to show there for it. */
type Resolve = (request: APIRequestContext, headers: Headers) => Promise<Record<string, string | null>>;

interface Account {
  name: string;
  email: string;
  role: Role;
  /** Addresses for the routes with parameters or a cohort, by NAV_ITEMS path. */
  resolve?: Resolve;
}

async function getJson<T>(request: APIRequestContext, url: string, headers: Headers): Promise<T> {
  const response = await request.get(url, { headers });
  expect(response.status(), `GET ${url}`).toBe(200);
  return (await response.json()) as T;
}

interface Pair {
  id: string;
  fellow: { id: string };
}

const staffRoutes: Resolve = async (request, headers) => {
  const cohorts = await getJson<Array<{ id: string; status: string }>>(request, '/api/v1/cohorts', headers);
  const cohort = (status: string) => {
    const found = cohorts.find((c) => c.status === status);
    if (!found) throw new Error(`The demo has no ${status} cohort`);
    return found.id;
  };
  const [selecting, running] = [cohort('selecting'), cohort('running')];
  // The demo's open cohort is the one with applications: other specs open cohorts of their own, empty ones.
  let open = cohort('open');
  let applications = { items: [] as Array<{ id: string }> };
  for (const candidate of cohorts.filter((c) => c.status === 'open')) {
    applications = await getJson<{ items: Array<{ id: string }> }>(
      request,
      `/api/v1/applications?cohortId=${candidate.id}&pageSize=1`,
      headers,
    );
    open = candidate.id;
    if (applications.items.length) break;
  }
  const { pairs } = await getJson<{ pairs: Pair[] }>(request, `/api/v1/cohorts/${running}/mentoring/pairs`, headers);
  // Each cohort-scoped page on the cohort whose stage gives it something to show.
  return {
    '/staff/cohorts/:id': `/staff/cohorts/${open}`,
    '/staff/applications': `/staff/applications?cohortId=${open}`,
    '/staff/applications/:id': `/staff/applications/${applications.items[0]!.id}`,
    '/staff/committee': `/staff/committee?cohortId=${selecting}`,
    '/staff/selection': `/staff/selection?cohortId=${selecting}`,
    '/staff/placement': `/staff/placement?cohortId=${running}`,
    '/staff/matching': `/staff/matching?cohortId=${running}`,
    '/staff/mentoring': `/staff/mentoring?cohortId=${running}`,
    '/staff/mentoring/pairs/:pairingId': `/staff/mentoring/pairs/${pairs[0]!.id}`,
    '/staff/milestones': `/staff/milestones?cohortId=${running}`,
    '/staff/fellows/:fellowId/milestones': `/staff/fellows/${pairs[0]!.fellow.id}/milestones`,
    '/staff/dashboard': `/staff/dashboard?cohortId=${running}`,
  };
};

const applicantRoutes: Resolve = async (request, headers) => {
  const mine = await getJson<Array<{ id: string }>>(request, '/api/v1/applications/mine', headers);
  return { '/applications/:id': mine[0] ? `/applications/${mine[0].id}` : null };
};

const ACCOUNTS: Account[] = [
  { name: 'staff', email: 'staff@vgbf.local', role: 'staff', resolve: staffRoutes },
  { name: 'admin', email: 'admin@vgbf.local', role: 'admin', resolve: staffRoutes },
  {
    name: 'reviewer',
    email: 'reviewer@vgbf.local',
    role: 'reviewer',
    resolve: async (request, headers) => {
      const assignments = await getJson<Array<{ assignmentId: string }>>(
        request,
        '/api/v1/reviews/assignments',
        headers,
      );
      return { '/reviews/:assignmentId': `/reviews/${assignments[0]!.assignmentId}` };
    },
  },
  {
    name: 'mentor',
    email: 'mentor@vgbf.local',
    role: 'mentor',
    resolve: async (request, headers) => {
      const { active } = await getJson<{ active: Pair[] }>(request, '/api/v1/mentoring/pairs', headers);
      return { '/mentoring/fellows/:fellowId/milestones': `/mentoring/fellows/${active[0]!.fellow.id}/milestones` };
    },
  },
  { name: 'fellow', email: 'fellow@vgbf.local', role: 'fellow' },
  // The demo applicant has not applied yet (the empty states); a seeded applicant shows an application.
  { name: 'applicant', email: 'applicant@vgbf.local', role: 'applicant', resolve: applicantRoutes },
  {
    name: 'applicant with an application',
    email: 'nguyen.van.an@applicants.vgbf.local',
    role: 'applicant',
    resolve: applicantRoutes,
  },
];

/** Waits until the page has its data: no request in flight, no loader, a level-one heading. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('main .mantine-Loader-root')).toHaveCount(0, { timeout: 20_000 });
  await expect(page.locator('main h1').first()).toBeVisible();
  // Mantine's transitions (drawers, collapses) end within 200 ms; axe must see the final colours.
  await page.waitForTimeout(250);
}

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
  await page.goto(url);
  await settle(page);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  return audit(page, `${url} [${language}]`);
}

function report(problems: string[]): void {
  expect(problems, `axe found serious or critical violations:\n${problems.join('\n')}`).toEqual([]);
}

for (const account of ACCOUNTS) {
  // vi then en in one worker: both tests change the same account's language.
  test.describe(`${account.name} (${account.role})`, () => {
    test.describe.configure({ mode: 'default' });
    for (const language of LANGUAGES) {
      test(`every page of a ${account.name} passes axe in ${language}`, async ({ page, request }) => {
        test.setTimeout(300_000);
        const headers = await bearer(request, { email: account.email, password: PASSWORD });
        const me = await getJson<{ language: Language }>(request, '/api/v1/me', headers);
        // The account's language is the one the app shows once signed in.
        const saved = await request.patch('/api/v1/me', { headers, data: { language } });
        expect(saved.status()).toBe(200);
        try {
          const resolved = (await account.resolve?.(request, headers)) ?? {};
          const urls = NAV_ITEMS.filter((item) => !item.external && !item.public && canOpen(item, [account.role]))
            .map((item) => (item.path in resolved ? resolved[item.path] : item.path))
            .filter((url): url is string => !!url);
          expect(
            urls.every((url) => !url.includes('/:')),
            `unfilled parameters in ${urls.join(', ')}`,
          ).toBe(true);

          await page.goto('/login');
          await page.getByRole('textbox', { name: 'Email', exact: true }).fill(account.email);
          await page.getByRole('textbox', { name: /^(Password|Mật khẩu)$/ }).fill(PASSWORD);
          await page.getByRole('button', { name: /^(Log in|Đăng nhập)$/ }).click();
          await expect(page.getByTestId('greeting')).toBeVisible();

          const problems: string[] = [];
          for (const url of urls) problems.push(...(await visit(page, url, language)));
          // The committee's breakdown drawer, over the ranking board.
          if (account.role === 'staff') {
            const committee = urls.find((url) => url.startsWith('/staff/committee'))!;
            await page.goto(committee);
            await settle(page);
            await page.getByRole('table').getByRole('button').first().click();
            await expect(page.getByTestId('breakdown')).toBeVisible();
            await page.waitForTimeout(300);
            problems.push(...(await audit(page, `${committee} breakdown drawer [${language}]`)));
          }
          report(problems);
        } finally {
          await request.patch('/api/v1/me', { headers, data: { language: me.language } });
        }
      });
    }
  });
}

test.describe('signed out', () => {
  for (const language of LANGUAGES) {
    test(`every public page passes axe in ${language}`, async ({ page }) => {
      test.setTimeout(120_000);
      const urls = NAV_ITEMS.filter((item) => item.public).map((item) => item.path);
      await page.goto('/login');
      // The visitor's choice, through the language switch in the header.
      await page
        .getByRole('radiogroup')
        .or(page.locator('.mantine-SegmentedControl-root'))
        .first()
        .getByText(language.toUpperCase(), { exact: true })
        .click();
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      const problems: string[] = [];
      for (const url of urls) problems.push(...(await visit(page, url, language)));
      report(problems);
    });
  }
});
