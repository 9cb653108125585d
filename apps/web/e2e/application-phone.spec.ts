import { expect, test } from '@playwright/test';
import { createVerifiedUser, logIn, openCohort, pdf } from './support';

// On a phone (the project's Pixel 7, Vietnamese): the steps become a picker, nothing overflows sideways.
test('an applicant fills a step and uploads a document on a phone', async ({ page, request }, testInfo) => {
  const code = Math.random()
    .toString(36)
    .replace(/[^a-z]/g, '')
    .slice(0, 6);
  const cohortName = `VGBF Phone ${code}`;
  await openCohort(request, cohortName);
  const user = await createVerifiedUser(request, 'vi', 'phone');
  await logIn(page, user);
  await page.goto('/apply');
  await page
    .getByTestId('open-cohort')
    .filter({ hasText: cohortName })
    .getByRole('button', { name: 'Bắt đầu hồ sơ' })
    .click();
  await expect(page.getByRole('heading', { name: 'Thông tin cá nhân', level: 2 })).toBeVisible();
  await expect(page.getByTestId('deadline')).toContainText('giờ Việt Nam');

  await page.getByRole('textbox', { name: 'Họ và tên' }).fill('Lý Thị Thu Hà');
  await page.getByRole('textbox', { name: 'Số di động' }).fill('0987654321');
  await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click();
  await expect(page.getByRole('heading', { name: 'Doanh nghiệp', level: 2 })).toBeVisible();

  // Jump with the step picker, the phone's stepper.
  await page.getByRole('combobox', { name: 'Bước' }).click();
  await page.getByRole('option', { name: /Tài liệu/ }).click();
  await expect(page.getByRole('heading', { name: 'Tài liệu', level: 2 })).toBeVisible();
  const cv = page.getByTestId('document-cv');
  await cv
    .locator('input[type=file]')
    .setInputFiles({ name: 'CV Thu Hà.pdf', mimeType: 'application/pdf', buffer: pdf('CV') });
  await expect(cv.getByRole('link', { name: 'CV Thu Hà.pdf' })).toBeVisible();

  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath('documents-phone.png'), fullPage: true });

  // What was saved on the first step is there after a reload.
  await page.getByRole('combobox', { name: 'Bước' }).click();
  await page.getByRole('option', { name: /Thông tin cá nhân/ }).click();
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Số di động' })).toHaveValue('+84987654321');
});
