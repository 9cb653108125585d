import { expect, test } from '@playwright/test';
import { type InboxMessage, uniqueEmail } from './support';

const INBOX = process.env.MAIL_INBOX_URL ?? 'http://127.0.0.1:10280';

/** Every verification link mailed to `address` so far, oldest first. */
async function verificationLinks(address: string, atLeast: number): Promise<string[]> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const messages = (await (await fetch(`${INBOX}/api/email`)).json()) as InboxMessage[];
    const links = messages
      .filter((m) => m.to.some((t) => t.address.toLowerCase() === address.toLowerCase()))
      .map((m) => /https?:\/\/[^\s"'<>]+\/verify-email\?token=[A-Za-z0-9_%.~-]+/.exec(m.text ?? '')?.[0])
      .filter((link): link is string => link !== undefined);
    if (links.length >= atLeast) return links;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`fewer than ${atLeast} verification emails reached ${address}`);
}

test('an expired or used link, and a login before confirming, both offer a new verification email', async ({
  page,
  request,
}) => {
  const user = { email: uniqueEmail('resend'), password: 'cánh đồng hoa sen 2027', fullName: 'Phạm Thu Hà' };
  const registered = await request.post('/api/v1/auth/register', { data: { ...user, language: 'en' } });
  expect(registered.status()).toBe(202);
  const [first] = await verificationLinks(user.email, 1);

  // Logging in before confirming: the page offers the email again, for the address just typed.
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(user.email);
  await page.getByRole('textbox', { name: 'Password' }).fill(user.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  const resend = page.getByRole('form', { name: 'Send the verification email again' });
  await expect(resend.getByRole('textbox', { name: 'Email' })).toHaveValue(user.email);
  await resend.getByRole('button', { name: 'Send the verification email again' }).click();
  await expect(page.getByRole('status')).toContainText('a new link is on its way');
  const [, second] = await verificationLinks(user.email, 2);
  expect(second).not.toBe(first);

  // The first link no longer works: not a dead end, the page offers another email.
  await page.goto(new URL(first).pathname + new URL(first).search);
  await expect(page.getByRole('alert')).toBeVisible();
  const again = page.getByRole('form', { name: 'Send the verification email again' });
  await again.getByRole('textbox', { name: 'Email' }).fill(user.email);
  await again.getByRole('button', { name: 'Send the verification email again' }).click();
  await expect(page.getByRole('status')).toContainText(user.email);
  const links = await verificationLinks(user.email, 3);

  // The newest link confirms the account.
  const newest = new URL(links[2]);
  await page.goto(newest.pathname + newest.search);
  await expect(page.getByRole('status')).toContainText('Your account is active');
});
