import { expect, test } from '@playwright/test';
import { createVerifiedUser, emailFromInbox, linkFromInbox, uniqueEmail } from './support';

test.describe('an applicant account', () => {
  test('registers, verifies from the inbox, logs in and switches the home page to Vietnamese', async ({
    page,
  }, testInfo) => {
    const email = uniqueEmail('browser');
    const password = 'ruộng lúa xanh mướt 2027';
    const fullName = 'Nguyễn Thị Hoà';

    await page.goto('/register');
    await expect(page.getByRole('heading', { name: 'Create your account' })).toBeVisible();
    await page.getByRole('textbox', { name: 'Full name', exact: true }).fill(fullName);
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText('Check your email')).toBeVisible();

    // Before verification the API refuses the login, and the page says why.
    await page.goto('/login');
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByRole('alert')).toContainText('Confirm your email first');

    const link = await linkFromInbox(email, 'verify-email');
    await page.goto(link);
    await expect(page.getByText('Email confirmed')).toBeVisible();
    await page.getByRole('link', { name: 'Go to log in' }).click();

    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByTestId('greeting')).toHaveText(`Hello, ${fullName}`);
    await expect(page.getByTestId('role-card-applicant')).toContainText('Applicant');

    await page.getByText('VI', { exact: true }).click();
    await expect(page.getByTestId('greeting')).toHaveText(`Xin chào, ${fullName}`);
    await expect(page.getByTestId('role-card-applicant')).toContainText('Ứng viên');
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');

    // The choice is the account's now (PATCH /me with the CSRF header), not just this tab's.
    await expect
      .poll(async () => ((await (await page.request.get('/api/v1/me')).json()) as { language: string }).language)
      .toBe('vi');
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await expect(page.getByTestId('greeting')).toHaveText(`Xin chào, ${fullName}`);
    await page.screenshot({ path: testInfo.outputPath('home-vi-desktop.png'), fullPage: true });
  });

  test('registering with an address that has an account says the same, and the owner gets an email', async ({
    page,
    request,
  }) => {
    const owner = await createVerifiedUser(request, 'vi', 'owner');
    await page.goto('/register');
    await page.getByRole('textbox', { name: 'Full name', exact: true }).fill('Someone Else');
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(owner.email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('another long password 2027');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText('Check your email')).toBeVisible();
    await expect(page.getByText(`We sent an email to ${owner.email}.`, { exact: false })).toBeVisible();
    // The owner (who reads Vietnamese) is told how to sign in or reset the password.
    const notice = await emailFromInbox(owner.email, /^Có người đăng ký bằng email của bạn/);
    expect(notice.text).toMatch(/https?:\/\/\S+\/forgot-password/);
  });
});
