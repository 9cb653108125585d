import { expect, test } from '@playwright/test';
import { createVerifiedUser, linkFromInbox, logIn } from './support';

test.describe('passwords', () => {
  test('a forgotten password is reset from the emailed link, and the new one logs in', async ({ page, request }) => {
    const user = await createVerifiedUser(request, 'en', 'reset');
    await page.goto('/forgot-password');
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(user.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await expect(page.getByText('Check your email')).toBeVisible();

    await page.goto(await linkFromInbox(user.email, 'reset-password'));
    await page.getByRole('textbox', { name: 'New password', exact: true }).fill('short');
    await page.getByRole('textbox', { name: 'Repeat the new password', exact: true }).fill('different');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await expect(page.getByText('Use at least 10 characters.')).toBeVisible();
    await expect(page.getByText('The two passwords are not the same.')).toBeVisible();

    const fresh = 'mưa phùn tháng ba Hà Nội';
    await page.getByRole('textbox', { name: 'New password', exact: true }).fill(fresh);
    await page.getByRole('textbox', { name: 'Repeat the new password', exact: true }).fill(fresh);
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await expect(page.getByText('Password changed')).toBeVisible();

    await logIn(page, user, fresh);
    await expect(page.getByTestId('greeting')).toHaveText(`Hello, ${user.fullName}`);
  });
});
