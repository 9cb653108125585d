import { type APIRequestContext, type Page, expect } from '@playwright/test';

/** The local mail inbox (maildev) as the tests read it: GET /api/email lists every message. */
export interface InboxMessage {
  subject: string;
  text?: string;
  html?: string;
  to: { address: string }[];
}

const INBOX = process.env.MAIL_INBOX_URL ?? 'http://127.0.0.1:10280';

/** Waits for the first message to `address` and returns the link to `path` it carries. */
export async function linkFromInbox(address: string, path: string, timeoutMs = 30_000): Promise<string> {
  const [link] = await linksFromInbox([address], path, timeoutMs);
  return link;
}

/** The same for many addresses at once, reading the inbox once per round (links in the order asked). */
export async function linksFromInbox(addresses: string[], path: string, timeoutMs = 30_000): Promise<string[]> {
  const pattern = new RegExp(`https?://[^\\s"'<>]+/${path}\\?token=[A-Za-z0-9_%.~-]+`);
  const found = new Map<string, string>();
  const wanted = new Set(addresses.map((a) => a.toLowerCase()));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await fetch(`${INBOX}/api/email`);
    if (response.ok) {
      const messages = (await response.json()) as InboxMessage[];
      for (const message of messages) {
        const to = message.to.map((t) => t.address.toLowerCase()).find((a) => wanted.has(a) && !found.has(a));
        if (!to) continue;
        const link = pattern.exec(`${message.text ?? ''}\n${message.html ?? ''}`)?.[0];
        if (link) found.set(to, link.replace(/&amp;/g, '&'));
      }
      if (found.size === wanted.size) return addresses.map((a) => found.get(a.toLowerCase()) as string);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const missing = [...wanted].filter((a) => !found.has(a));
  throw new Error(
    `No email with a /${path} link reached ${missing.join(', ')} within ${timeoutMs} ms (inbox ${INBOX})`,
  );
}

/** Waits for a message to `address` whose subject matches, and returns it. */
export async function emailFromInbox(address: string, subject: RegExp, timeoutMs = 30_000): Promise<InboxMessage> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await fetch(`${INBOX}/api/email`);
    if (response.ok) {
      const found = ((await response.json()) as InboxMessage[]).find(
        (m) => subject.test(m.subject) && m.to.some((t) => t.address.toLowerCase() === address.toLowerCase()),
      );
      if (found) return found;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`No email matching ${String(subject)} reached ${address} within ${timeoutMs} ms (inbox ${INBOX})`);
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.vn`;
}

export interface TestUser {
  email: string;
  password: string;
  fullName: string;
}

/**
 * What an applicant ticks at registration in these tests: the purposes applying, review, placement
 * abroad and programme emails rest on (privacy/consent-gates tests the refusals without them).
 */
export const APPLICANT_CONSENTS = ['application', 'review', 'abroad', 'communications'] as const;

/** An applicant registered and verified through the API and the inbox, ready to log in. */
export async function createVerifiedUser(
  request: APIRequestContext,
  language: 'vi' | 'en',
  prefix = 'user',
  consents: readonly string[] = APPLICANT_CONSENTS,
): Promise<TestUser> {
  const user = { email: uniqueEmail(prefix), password: 'cánh đồng hoa sen 2027', fullName: 'Trần Văn Bình' };
  const created = await request.post('/api/v1/auth/register', {
    data: { ...user, language, consents },
  });
  if (created.status() !== 202) throw new Error(`register answered ${created.status()}: ${await created.text()}`);
  const token = new URL(await linkFromInbox(user.email, 'verify-email')).searchParams.get('token');
  const verified = await request.post('/api/v1/auth/verify-email', { data: { token } });
  if (verified.status() !== 204) throw new Error(`verify-email answered ${verified.status()}`);
  return user;
}

/** Logs in through the login page, in either language, and waits for the home page. */
export async function logIn(page: Page, user: TestUser, password = user.password): Promise<void> {
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(user.email);
  await page.getByRole('textbox', { name: /^(Password|Mật khẩu)$/ }).fill(password);
  await page.getByRole('button', { name: /^(Log in|Đăng nhập)$/ }).click();
  await expect(page.getByTestId('greeting')).toBeVisible();
}

const DAY = 86_400_000;
const vietnamTime = (ms: number) => new Date(ms + 7 * 3600_000).toISOString().slice(0, 16);

/** A small but real PDF (a header, one empty page, a trailer), made here so the test carries no binary. */
export function pdf(title: string): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n` +
      `3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Title(${title})>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );
}

export const DEMO_STAFF: TestUser = {
  email: 'staff@vgbf.local',
  password: 'VgbfDemo!2027',
  fullName: 'Nguyễn Thị Hồng',
};

/** A staff member invited by the demo admin in `language`, who accepted the invitation: ready to log in. */
export async function invitedStaff(request: APIRequestContext, language: 'vi' | 'en'): Promise<TestUser> {
  const user: TestUser = {
    email: uniqueEmail(`staff-${language}`),
    password: 'mốc phản hồi rõ ràng 2031',
    fullName: 'Ada Staff',
  };
  const invited = await request.post('/api/v1/invitations', {
    headers: await bearer(request, { email: 'admin@vgbf.local', password: DEMO_STAFF.password }),
    data: { email: user.email, fullName: user.fullName, roles: ['staff'], language },
  });
  expect(invited.status(), await invited.text()).toBe(201);
  const token = new URL(await linkFromInbox(user.email, 'accept-invitation')).searchParams.get('token');
  const accepted = await request.post('/api/v1/auth/accept-invitation', { data: { token, password: user.password } });
  expect(accepted.status()).toBe(204);
  return user;
}

/** Signs in through the API and returns the bearer header that acts as that user. */
export async function bearer(request: APIRequestContext, user: Pick<TestUser, 'email' | 'password'>) {
  const login = await request.post('/api/v1/auth/login', { data: { email: user.email, password: user.password } });
  expect(login.status(), `login of ${user.email}`).toBe(200);
  return { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
}

/** Staff (the seeded demo account) open a cohort of their own for this test, through the API. */
export async function openCohort(
  request: APIRequestContext,
  name: string,
  staff?: { authorization: string },
): Promise<string> {
  const headers = staff ?? (await bearer(request, DEMO_STAFF));
  const now = Date.now();
  const created = await request.post('/api/v1/cohorts', {
    headers,
    data: {
      name,
      year: 2027,
      targetSize: 60,
      trackMonths: 9,
      applicationOpensAt: vietnamTime(now - DAY),
      applicationClosesAt: vietnamTime(now + 20 * DAY),
      offerResponseDays: 7,
      programmeStartDate: new Date(now + 120 * DAY).toISOString().slice(0, 10),
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const id = ((await created.json()) as { id: string }).id;
  const opened = await request.post(`/api/v1/cohorts/${id}/transitions`, { headers, data: { status: 'open' } });
  expect(opened.status()).toBe(200);
  return id;
}

/**
 * Follows a link of the main navigation: the sidebar on a wide screen, the drawer behind the burger
 * on a phone. A string is the link's exact name.
 */
export async function openFromNavigation(page: Page, name: string | RegExp): Promise<void> {
  const burger = page.getByRole('button', { name: /^(Open the navigation|Mở điều hướng)$/ });
  if (await burger.isVisible()) await burger.click();
  await page
    .getByRole('navigation', { name: /^(Main navigation|Điều hướng chính)$/ })
    .getByRole('link', typeof name === 'string' ? { name, exact: true } : { name })
    .click();
}
