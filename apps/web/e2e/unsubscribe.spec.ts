import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { bearer, createVerifiedUser } from './support';

/**
 * The unsubscribe link an optional email carries, signed as the API signs it (libs/notifications
 * unsubscribe-token.ts) with the secret the test API runs with: the environment's, else the local default.
 */
function unsubscribeLink(userId: string): string {
  const secret =
    process.env.NOTIFICATION_LINK_SECRET ??
    /^NOTIFICATION_LINK_SECRET=(.+)$/m.exec(
      readFileSync(new URL('../../../config/defaults.env', import.meta.url), 'utf8'),
    )?.[1];
  if (!secret) throw new Error('NOTIFICATION_LINK_SECRET is not known to the browser tests');
  const signature = createHmac('sha256', secret).update(`vgbf:unsubscribe-optional:v1:${userId}`).digest('base64url');
  return `/api/v1/notifications/unsubscribe?token=${encodeURIComponent(`${userId}.${signature}`)}`;
}

test.describe('unsubscribing from optional emails', () => {
  test('the emailed link opens a page that changes nothing until its button is pressed', async ({ page, request }) => {
    const user = await createVerifiedUser(request, 'en', 'unsub');
    const headers = await bearer(request, user);
    const me = (await (await request.get('/api/v1/me', { headers })).json()) as { id: string };
    const settings = async () =>
      ((await (await request.get('/api/v1/me/notifications', { headers })).json()) as { optionalEmails: boolean })
        .optionalEmails;

    // Not signed in in this browser: the link alone is enough, and opening it (as a mail scanner would) does nothing.
    await page.goto(unsubscribeLink(me.id));
    await expect(page).toHaveURL(/\/unsubscribe\?token=/);
    await expect(page.getByRole('heading', { name: 'Stop optional emails' })).toBeVisible();
    await expect(page.getByText('Notices about overdue milestones are part of the programme rules')).toBeVisible();
    expect(await settings()).toBe(true);

    await page.getByText('VI', { exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Ngừng nhận email không bắt buộc' })).toBeVisible();
    await page.getByRole('button', { name: 'Ngừng nhận email không bắt buộc' }).click();
    await expect(page.getByText('Đã hủy đăng ký')).toBeVisible();
    expect(await settings()).toBe(false);
  });

  test('a forged link says so and changes nothing', async ({ page }) => {
    await page.goto('/unsubscribe?token=00000000-0000-4000-8000-000000000000.forged');
    await page.getByRole('button', { name: 'Stop optional emails' }).click();
    await expect(page.getByRole('alert')).toContainText('This unsubscribe link is not valid');
  });
});
