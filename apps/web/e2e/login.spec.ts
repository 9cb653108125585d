import { expect, test } from '@playwright/test';
import { uniqueEmail } from './support';

test.describe('the login page', () => {
  test('shows a wrong password as an error in the visitor language, usable on a phone', async ({ page }, testInfo) => {
    await page.goto('/login');
    const vietnamese = testInfo.project.name === 'phone'; // the phone project browses in vi-VN
    const texts = vietnamese
      ? { email: 'Email', password: 'Mật khẩu', submit: 'Đăng nhập', wrong: 'Email hoặc mật khẩu không đúng.' }
      : { email: 'Email', password: 'Password', submit: 'Log in', wrong: 'The email or password is not correct.' };

    // Checked in the browser first: no request for an address that cannot be one.
    await page.getByRole('textbox', { name: texts.email, exact: true }).fill('not-an-email');
    await page.getByRole('textbox', { name: texts.password, exact: true }).fill('whatever-it-is');
    await page.getByRole('button', { name: texts.submit }).click();
    await expect(
      page.getByText(vietnamese ? 'Nhập một địa chỉ email hợp lệ' : 'Enter a valid email address'),
    ).toBeVisible();

    await page.getByRole('textbox', { name: texts.email, exact: true }).fill(uniqueEmail('nobody'));
    await page.getByRole('button', { name: texts.submit }).click();
    await expect(page.getByRole('alert')).toContainText(texts.wrong);

    // Every control fits the screen: nothing to scroll sideways for on a phone.
    const width = page.viewportSize()?.width ?? 0;
    for (const control of [
      page.getByRole('textbox', { name: texts.email, exact: true }),
      page.getByRole('button', { name: texts.submit }),
    ]) {
      const box = await control.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(width);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: testInfo.outputPath(`login-error-${testInfo.project.name}.png`), fullPage: true });
  });
});
