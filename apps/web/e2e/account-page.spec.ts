import { expect, test } from '@playwright/test';
import { createVerifiedUser, logIn } from './support';

test.describe('my account', () => {
  test('a wrong current password is shown at its field; a right one changes it', async ({
    page,
    request,
  }, testInfo) => {
    const user = await createVerifiedUser(request, 'vi', 'account');
    await logIn(page, user);
    // The account's language wins over the browser's (en-US on the desktop project).
    await expect(page.getByTestId('greeting')).toHaveText(`Xin chào, ${user.fullName}`);
    await page.goto('/account');
    await expect(page.getByRole('heading', { name: 'Tài khoản của tôi' })).toBeVisible();

    const current = page.getByRole('textbox', { name: 'Mật khẩu hiện tại', exact: true });
    await current.fill('not my password at all');
    await page.getByRole('textbox', { name: 'Mật khẩu mới', exact: true }).fill('sông Hương núi Ngự 2027');
    await page.getByRole('textbox', { name: 'Nhập lại mật khẩu mới', exact: true }).fill('sông Hương núi Ngự 2027');
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await expect(current).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Mật khẩu hiện tại không đúng.')).toBeVisible();

    await current.fill(user.password);
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await expect(page.getByText('Mật khẩu của bạn đã được thay đổi.')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath(`account-${testInfo.project.name}.png`), fullPage: true });

    // English from the account page is saved like the header's switch.
    await page.getByRole('radio', { name: 'English' }).check();
    await expect(page.getByRole('heading', { name: 'My account' })).toBeVisible();
    await expect
      .poll(async () => ((await (await page.request.get('/api/v1/me')).json()) as { language: string }).language)
      .toBe('en');
  });
});
