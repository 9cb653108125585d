import { readFile } from 'node:fs/promises';
import { type Page, expect, test } from '@playwright/test';
import { createVerifiedUser, logIn, openCohort, pdf } from './support';

async function choose(page: Page, label: string | RegExp, option: string | RegExp) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

async function next(page: Page, step: string) {
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByRole('heading', { name: step, level: 2 })).toBeVisible();
}

test('an applicant fills the form over two visits, uploads PDFs, submits; staff find them without diacritics', async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(120_000);
  const code = Math.random()
    .toString(36)
    .replace(/[^a-z]/g, '')
    .slice(0, 6);
  const cohortName = `VGBF E2E ${code}`;
  const cohortId = await openCohort(request, cohortName);
  const enterprise = `Công ty TNHH Hương Quê ${code}`;
  const user = await createVerifiedUser(request, 'en', 'apply');

  // First evening: start, and fill the first three steps.
  await logIn(page, user);
  await page.goto('/apply');
  const card = page.getByTestId('open-cohort').filter({ hasText: cohortName });
  await expect(card.getByTestId('deadline')).toContainText('Vietnam time');
  await card.getByRole('button', { name: 'Start my application' }).click();
  await expect(page.getByRole('heading', { name: 'About you', level: 2 })).toBeVisible();
  await expect(page.getByTestId('step-missing')).toContainText('Mobile phone');

  await page.getByRole('textbox', { name: 'Full name' }).fill('Nguyễn Thị Ánh Dương');
  await page.getByLabel('Date of birth').fill('1991-08-19');
  await choose(page, 'Gender', 'Female');
  await page.getByRole('combobox', { name: 'Province or city' }).fill('Đà Nẵng');
  await page.getByRole('option', { name: 'Đà Nẵng' }).click();
  await expect(page.getByTestId('region')).toHaveText('Region: Central');
  await page.getByRole('textbox', { name: 'Mobile phone' }).fill('0912 345 678');
  await next(page, 'Enterprise');

  await page.getByRole('textbox', { name: 'Enterprise name' }).fill(enterprise);
  await page.getByRole('textbox', { name: 'Tax code' }).fill('0401234567');
  await page.getByRole('textbox', { name: 'Year founded' }).fill('2018');
  await choose(page, 'Sector', 'Agriculture & food');
  await choose(page, 'Employees', '10–49 employees');
  await choose(page, 'Annual revenue', '3–50 billion VND');
  await next(page, 'Languages');

  await choose(page, 'English test', 'IELTS');
  await page.getByRole('textbox', { name: 'Score' }).fill('7');
  await next(page, 'Hub choices');
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login/);

  // Second evening: everything saved is there; finish and submit.
  await logIn(page, user);
  await page.goto('/apply');
  await page.getByTestId('my-application').getByRole('link', { name: 'Continue' }).click();
  await expect(page.getByRole('textbox', { name: 'Full name' })).toHaveValue('Nguyễn Thị Ánh Dương');
  await expect(page.getByRole('textbox', { name: 'Mobile phone' })).toHaveValue('+84912345678');
  await page.getByRole('button', { name: /Hub choices/ }).click();
  await choose(page, 'Choice 1', /Japan — Tokyo/);
  await choose(page, 'Choice 2', /Singapore/);
  await next(page, 'Essays');

  await page
    .getByRole('textbox', { name: 'Your motivation' })
    .fill('Tôi muốn đưa cà phê đặc sản Việt Nam ra thế giới.');
  await page.getByRole('textbox', { name: 'Market-entry plan' }).fill('Bắt đầu với các nhà rang xay nhỏ ở Tokyo.');
  await page
    .getByRole('textbox', { name: 'Economic ambassador' })
    .fill('Kết nối nông dân Tây Nguyên với đối tác Nhật.');
  await next(page, 'Referees');

  const referees = page.getByRole('textbox', { name: 'Name' });
  await referees.nth(0).fill('Lê Văn Tám');
  await page.getByRole('textbox', { name: 'Email' }).nth(0).fill('tam.le@example.vn');
  await page.getByRole('textbox', { name: 'Relation to you' }).nth(0).fill('Former manager');
  await referees.nth(1).fill('Hoàng Thị Mai');
  await page.getByRole('textbox', { name: 'Email' }).nth(1).fill('mai.hoang@example.vn');
  await page.getByRole('textbox', { name: 'Relation to you' }).nth(1).fill('Investor');
  await next(page, 'Documents');

  // A renamed program is refused by its content; real PDFs go up.
  const cv = page.getByTestId('document-cv');
  await cv.locator('input[type=file]').setInputFiles({
    name: 'cv.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(512, 1)]),
  });
  await expect(cv.getByRole('alert')).toContainText('cv.pdf is not a PDF file');
  await cv
    .locator('input[type=file]')
    .setInputFiles({ name: 'CV Ánh Dương.pdf', mimeType: 'application/pdf', buffer: pdf('CV') });
  await expect(cv.getByRole('link', { name: 'CV Ánh Dương.pdf' })).toBeVisible();
  const registration = page.getByTestId('document-business_registration');
  await registration
    .locator('input[type=file]')
    .setInputFiles({ name: 'dang-ky-kinh-doanh.pdf', mimeType: 'application/pdf', buffer: pdf('GCN') });
  await expect(registration.getByRole('link', { name: 'dang-ky-kinh-doanh.pdf' })).toBeVisible();

  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByRole('heading', { name: 'Review & submit', level: 2 })).toBeVisible();
  await expect(page.getByText('Ready to submit')).toBeVisible();
  // The whole application read-only, in words, with a way back to each step.
  const summary = page.getByTestId('application-summary');
  await expect(summary.getByTestId('summary-personal')).toContainText('Nguyễn Thị Ánh Dương');
  await expect(summary.getByTestId('summary-personal')).toContainText('Female');
  await expect(summary.getByTestId('summary-enterprise')).toContainText(enterprise);
  await expect(summary.getByTestId('summary-enterprise')).toContainText('Agriculture & food');
  await expect(summary.getByTestId('summary-hubs')).toContainText('1. ');
  await expect(summary.getByTestId('summary-essays')).toContainText('cà phê đặc sản');
  await expect(summary.getByTestId('summary-referees')).toContainText(
    'Hoàng Thị Mai · mai.hoang@example.vn · Investor',
  );
  await expect(summary.getByTestId('summary-documents')).toContainText('CV Ánh Dương.pdf');
  await summary.getByRole('button', { name: 'Edit Enterprise' }).click();
  await expect(page.getByRole('textbox', { name: 'Enterprise name' })).toHaveValue(enterprise);
  await page.getByRole('button', { name: /Review & submit/ }).click();
  await expect(page.getByRole('heading', { name: 'Review & submit', level: 2 })).toBeVisible();

  // Submitting asks first, and says it is final; keeping editing submits nothing.
  await page.getByRole('button', { name: 'Submit my application' }).click();
  const confirm = page.getByRole('dialog', { name: 'Submit your application?' });
  await expect(confirm).toContainText('Submission is final');
  await confirm.getByRole('button', { name: 'Keep editing' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Review & submit', level: 2 })).toBeVisible();
  await page.getByRole('button', { name: 'Submit my application' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Yes, submit it' }).click();
  await expect(page.getByTestId('status')).toHaveText('Submitted');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(cohortName);
  await expect(page.getByTestId('history')).toContainText('You submitted your application.');

  // The submitted application as a PDF.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download as PDF' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${cohortName} - .+\\.pdf$`));
  const file = await readFile(await download.path());
  expect(file.subarray(0, 5).toString()).toBe('%PDF-');
  expect(file.length).toBeGreaterThan(5_000);

  await page.screenshot({ path: testInfo.outputPath(`submitted-${testInfo.project.name}.png`), fullPage: true });

  // The list names the cohort on the card.
  await page.goto('/apply');
  await expect(page.getByTestId('my-application')).toContainText(cohortName);

  // Staff search without diacritics and find her.
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Log out' }).click();
  await logIn(page, { email: 'staff@vgbf.local', password: 'VgbfDemo!2027', fullName: 'Nguyễn Thị Hồng' });
  await page.goto(`/staff/applications?cohortId=${cohortId}`);
  await expect(page.getByTestId('pipeline-submitted')).toContainText('1');
  await page.getByRole('searchbox', { name: /Search|Tìm kiếm/ }).fill(`huong que ${code}`);
  const table = page.getByTestId('applications-table');
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table).toContainText('Nguyễn Thị Ánh Dương');
  await expect(table).toContainText(enterprise);
  await page.getByRole('searchbox', { name: /Search|Tìm kiếm/ }).fill('nguyen thi anh duong');
  await expect(table).toContainText('Nguyễn Thị Ánh Dương');
  await page.screenshot({ path: testInfo.outputPath(`staff-list-${testInfo.project.name}.png`), fullPage: true });
});
