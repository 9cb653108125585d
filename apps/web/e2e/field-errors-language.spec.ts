import { expect, test } from '@playwright/test';
import { createVerifiedUser, logIn, openCohort } from './support';

// The API answers a bad field with a code and params; the page words it from the shared catalogue
// (libs/core/src/i18n/problems.{vi,en}.json) in the reader's language: never the API's English
// sentence on a Vietnamese page, never a raw field name ("phone must be…") in English.
const CASES = [
  {
    language: 'vi',
    locale: 'vi-VN',
    start: 'Bắt đầu hồ sơ',
    step: 'Thông tin cá nhân',
    phone: 'Số di động',
    next: 'Lưu và tiếp tục',
    fix: 'Một số câu trả lời cần sửa: xem thông báo cạnh từng ô.',
    wrongPhone: 'Phải là số di động Việt Nam, ví dụ +84912345678.',
  },
  {
    language: 'en',
    locale: 'en-GB',
    start: 'Start my application',
    step: 'About you',
    phone: 'Mobile phone',
    next: 'Save and continue',
    fix: 'Some answers need fixing: see the messages next to the fields.',
    wrongPhone: 'Must be a Vietnamese mobile number like +84912345678.',
  },
] as const;

for (const c of CASES) {
  test.describe(`a refused field in ${c.language}`, () => {
    test.use({ locale: c.locale });

    test(`shows the field error next to the field, in ${c.language}`, async ({ page, request }, testInfo) => {
      const code = Math.random()
        .toString(36)
        .replace(/[^a-z]/g, '')
        .slice(0, 6);
      const cohortName = `VGBF Words ${c.language} ${code}`;
      await openCohort(request, cohortName);
      const user = await createVerifiedUser(request, c.language, `words-${c.language}`);
      await logIn(page, user);
      await page.goto('/apply');
      await page
        .getByTestId('open-cohort')
        .filter({ hasText: cohortName })
        .getByRole('button', { name: c.start })
        .click();
      await expect(page.getByRole('heading', { name: c.step, level: 2 })).toBeVisible();

      // Not a Vietnamese mobile number: the browser sends it as typed, the API refuses the field.
      const phone = page.getByRole('textbox', { name: c.phone });
      await phone.fill('12345');
      await page.getByRole('button', { name: c.next }).click();

      await expect(page.getByRole('heading', { name: c.step, level: 2 })).toBeVisible();
      await expect(page.getByText(c.fix)).toBeVisible();
      await expect(phone).toHaveAttribute('aria-invalid', 'true');
      await expect(phone).toHaveAccessibleDescription(new RegExp(c.wrongPhone.replace(/[.+]/g, '\\$&')));
      // Nothing of the API's own English sentence ("phone must be a Vietnamese mobile number…").
      await expect(page.locator('main')).not.toContainText(/phone must|must be a Vietnamese mobile number/);
      await page.screenshot({ path: testInfo.outputPath(`field-error-${c.language}.png`), fullPage: true });
    });
  });
}
