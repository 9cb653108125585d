import { type APIRequestContext, type Page, expect } from '@playwright/test';
import type { Role } from '../src/api/client';
import { NAV_ITEMS, canOpen } from '../src/components/navigation';
import { bearer } from './support';

/**
 * The demo's accounts and every page of the navigation each of them may open, with the routes'
 * parameters filled from the demo's data. Shared by the sweeps over every page (axe, the language
 * sweep): the pages come from NAV_ITEMS (what the sidebar and the route guard read), so a new page is
 * visited without anyone remembering.
 */

export const PASSWORD = 'VgbfDemo!2027';
export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export type Headers = { authorization: string };
/** A route's address for this account, or null when the demo has nothing to show there for it. */
type Resolve = (request: APIRequestContext, headers: Headers) => Promise<Record<string, string | null>>;

export interface Account {
  name: string;
  email: string;
  role: Role;
  /** Addresses for the routes with parameters or a cohort, by NAV_ITEMS path. */
  resolve?: Resolve;
}

export async function getJson<T>(request: APIRequestContext, url: string, headers: Headers): Promise<T> {
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
  const dataRequest = await aDataRequest(request, headers);
  // Each cohort-scoped page on the cohort whose stage gives it something to show.
  return {
    '/staff/cohorts/:id': `/staff/cohorts/${open}`,
    '/staff/applications': `/staff/applications?cohortId=${open}`,
    '/staff/applications/:id': `/staff/applications/${applications.items[0].id}`,
    '/staff/committee': `/staff/committee?cohortId=${selecting}`,
    '/staff/selection': `/staff/selection?cohortId=${selecting}`,
    '/staff/placement': `/staff/placement?cohortId=${running}`,
    '/staff/matching': `/staff/matching?cohortId=${running}`,
    '/staff/mentoring': `/staff/mentoring?cohortId=${running}`,
    '/staff/mentoring/pairs/:pairingId': `/staff/mentoring/pairs/${pairs[0].id}`,
    '/staff/milestones': `/staff/milestones?cohortId=${running}`,
    '/staff/fellows/:fellowId/milestones': `/staff/fellows/${pairs[0].fellow.id}/milestones`,
    '/staff/dashboard': `/staff/dashboard?cohortId=${running}`,
    '/staff/data-requests/:id': `/staff/data-requests/${dataRequest}`,
  };
};

/**
 * A request in the staff queue: the demo has none until someone asks, so the demo applicant asks for a copy
 * of their data once (a second asker — staff and admin sweep at once — is refused as a duplicate and reads it).
 */
async function aDataRequest(request: APIRequestContext, headers: Headers): Promise<string> {
  const queue = () => getJson<Array<{ id: string }>>(request, '/api/v1/data-requests', headers);
  const open = await queue();
  if (open.length) return open[0].id;
  const applicant = await bearer(request, { email: 'applicant@vgbf.local', password: PASSWORD });
  const filed = await request.post('/api/v1/me/data-requests', {
    headers: applicant,
    data: { kind: 'access', details: 'Tôi muốn nhận bản sao toàn bộ dữ liệu của tôi.' },
  });
  expect([201, 409]).toContain(filed.status());
  return (await queue())[0].id;
}

const applicantRoutes: Resolve = async (request, headers) => {
  const mine = await getJson<Array<{ id: string }>>(request, '/api/v1/applications/mine', headers);
  return { '/applications/:id': mine[0] ? `/applications/${mine[0].id}` : null };
};

export const ACCOUNTS: Account[] = [
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
      return { '/reviews/:assignmentId': `/reviews/${assignments[0].assignmentId}` };
    },
  },
  {
    name: 'mentor',
    email: 'mentor@vgbf.local',
    role: 'mentor',
    resolve: async (request, headers) => {
      const { active } = await getJson<{ active: Pair[] }>(request, '/api/v1/mentoring/pairs', headers);
      return { '/mentoring/fellows/:fellowId/milestones': `/mentoring/fellows/${active[0].fellow.id}/milestones` };
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

/** The public pages of the navigation (sign-in, registration, …). */
export const PUBLIC_URLS = NAV_ITEMS.filter((item) => item.public).map((item) => item.path);

/**
 * Signs the account in through the API, sets its language to `language` (the one the app shows once
 * signed in), runs `body` with the addresses of every page it may open, and puts its language back.
 */
export async function asAccountIn(
  request: APIRequestContext,
  account: Account,
  language: Language,
  body: (urls: string[]) => Promise<void>,
): Promise<void> {
  const headers = await bearer(request, { email: account.email, password: PASSWORD });
  const me = await getJson<{ language: Language }>(request, '/api/v1/me', headers);
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
    await body(urls);
  } finally {
    await request.patch('/api/v1/me', { headers, data: { language: me.language } });
  }
}

/** Signs in through the login page, whichever language it shows. */
export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
  await page.getByRole('textbox', { name: /^(Password|Mật khẩu)$/ }).fill(PASSWORD);
  await page.getByRole('button', { name: /^(Log in|Đăng nhập)$/ }).click();
  await expect(page.getByTestId('greeting')).toBeVisible();
}

/** Signed out: the visitor's choice of language, through the language switch in the header. */
export async function chooseLanguageSignedOut(page: Page, language: Language): Promise<void> {
  await page.goto('/login');
  await page
    .getByRole('radiogroup')
    .or(page.locator('.mantine-SegmentedControl-root'))
    .first()
    .getByText(language.toUpperCase(), { exact: true })
    .click();
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

/** Waits until the page has its data: no request in flight, no loader, a level-one heading. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('main .mantine-Loader-root')).toHaveCount(0, { timeout: 20_000 });
  await expect(page.locator('main h1').first()).toBeVisible();
  // Mantine's transitions (drawers, collapses) end within 200 ms; axe must see the final colours.
  await page.waitForTimeout(250);
}

/** Opens the page and waits for its data, in the account's language. */
export async function open(page: Page, url: string, language: Language): Promise<void> {
  await page.goto(url);
  await settle(page);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}
