import { type APIRequestContext, type Page, expect } from '@playwright/test';

/** The local mail inbox (maildev) as the tests read it: GET /api/email lists every message. */
interface InboxMessage {
  subject: string;
  text?: string;
  html?: string;
  to: { address: string }[];
}

const INBOX = process.env.MAIL_INBOX_URL ?? 'http://127.0.0.1:10280';

/** Waits for the first message to `address` and returns the link to `path` it carries. */
export async function linkFromInbox(address: string, path: string, timeoutMs = 30_000): Promise<string> {
  const pattern = new RegExp(`https?://[^\\s"'<>]+/${path}\\?token=[A-Za-z0-9_%.~-]+`);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await fetch(`${INBOX}/api/email`);
    if (response.ok) {
      const messages = (await response.json()) as InboxMessage[];
      for (const message of messages) {
        if (!message.to.some((to) => to.address.toLowerCase() === address.toLowerCase())) continue;
        const link = pattern.exec(`${message.text ?? ''}\n${message.html ?? ''}`)?.[0];
        if (link) return link.replace(/&amp;/g, '&');
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`No email with a /${path} link reached ${address} within ${timeoutMs} ms (inbox ${INBOX})`);
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.vn`;
}

export interface TestUser {
  email: string;
  password: string;
  fullName: string;
}

/** An applicant registered and verified through the API and the inbox, ready to log in. */
export async function createVerifiedUser(
  request: APIRequestContext,
  language: 'vi' | 'en',
  prefix = 'user',
): Promise<TestUser> {
  const user = { email: uniqueEmail(prefix), password: 'cánh đồng hoa sen 2027', fullName: 'Trần Văn Bình' };
  const created = await request.post('/api/v1/auth/register', { data: { ...user, language } });
  if (created.status() !== 201) throw new Error(`register answered ${created.status()}: ${await created.text()}`);
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
