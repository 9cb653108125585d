import { expect, test } from '@playwright/test';
import { DEMO_STAFF, logIn } from './support';

// Staff run a cohort's set-up in the browser only: a cohort from nothing (hubs, eligibility, rubric,
// milestones), an inline field error from the server, opening it, then a copy a year later.
test('staff create a cohort from nothing, open it and copy it', async ({ page }, testInfo) => {
  const code = Math.random()
    .toString(36)
    .replace(/[^a-z]/g, '')
    .slice(0, 6);
  const name = `VGBF UI ${code}`;
  // The demo staff account speaks Vietnamese, and so do the server's field errors (worded from the catalogue).
  await logIn(page, DEMO_STAFF);

  await page.goto('/staff/cohorts');
  await expect(page.getByRole('heading', { name: 'Các khóa', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'Tạo khóa mới' }).click();
  await expect(page.getByRole('heading', { name: 'Khóa mới' })).toBeVisible();

  await page.getByRole('textbox', { name: /^Tên/ }).first().fill(name);
  await page.getByRole('textbox', { name: 'Năm', exact: true }).fill('2031');
  await page.getByRole('textbox', { name: 'Quy mô dự kiến', exact: true }).fill('120');
  await page.getByText('12 tháng').click();
  await page.getByLabel('Mở nhận hồ sơ (giờ Việt Nam)').fill('2031-01-15T08:00');
  await page.getByLabel('Đóng nhận hồ sơ (giờ Việt Nam)').fill('2031-03-31T23:59');
  await page.getByLabel('Ngày bắt đầu chương trình').fill('2031-09-01');

  await page.getByRole('button', { name: 'Thêm hub' }).click();
  const hub = page.getByTestId('hub-0');
  await hub.getByRole('textbox', { name: 'Mã', exact: true }).fill('JP');
  await hub.getByRole('textbox', { name: 'Tên (tiếng Anh)' }).fill('Japan');
  await hub.getByRole('textbox', { name: 'Tên (tiếng Việt)' }).fill('Nhật Bản');
  await hub.getByRole('textbox', { name: 'Thành phố', exact: true }).fill('Tokyo');
  await hub.getByRole('textbox', { name: 'Sức chứa', exact: true }).fill('20');
  await hub.getByRole('textbox', { name: 'Tối thiểu', exact: true }).fill('3');
  await hub.getByRole('textbox', { name: 'Múi giờ', exact: true }).fill('Asia/Tokyo');
  await hub.getByRole('button', { name: 'Thêm bài thi' }).click();
  await hub.getByRole('textbox', { name: 'Điểm tối thiểu', exact: true }).fill('7.0');

  await page.getByRole('textbox', { name: 'Không quá số tuổi này khi đóng nhận hồ sơ' }).fill('38');
  await page.getByRole('checkbox', { name: 'Doanh nghiệp hoạt động ít nhất (năm)' }).uncheck();

  // The server refuses a size target over 100: the catalogue's Vietnamese words appear next to the field, nothing is created.
  await page.getByRole('button', { name: 'Tạo khóa' }).click();
  await expect(page.getByText('Tối đa là 100.', { exact: true })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Quy mô dự kiến', exact: true })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await page.getByRole('textbox', { name: 'Quy mô dự kiến', exact: true }).fill('70');
  await page.getByRole('button', { name: 'Tạo khóa' }).click();

  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(page.getByTestId('stage')).toHaveText('Bản nháp');
  const hubs = page.getByTestId('hubs');
  await expect(hubs.getByRole('textbox', { name: 'Mã', exact: true })).toHaveValue('JP');
  await expect(hubs.getByRole('textbox', { name: 'Tên (tiếng Việt)' })).toHaveValue('Nhật Bản');
  await expect(hubs.getByRole('textbox', { name: 'Điểm tối thiểu', exact: true })).toHaveValue('7.0');
  const eligibility = page.getByTestId('eligibility');
  await expect(eligibility.getByRole('textbox', { name: 'Không quá số tuổi này khi đóng nhận hồ sơ' })).toHaveValue(
    '38',
  );
  await expect(eligibility.getByRole('checkbox', { name: 'Doanh nghiệp hoạt động ít nhất (năm)' })).not.toBeChecked();
  await expect(eligibility.getByText(/^Chưa có hồ sơ/)).toBeVisible();

  // Rubric: the defaults come from the programme's rubric; staff add a criterion of their own.
  const rubric = page.getByTestId('rubric');
  await rubric.getByRole('button', { name: 'Thêm tiêu chí' }).click();
  const criteria = rubric.locator('[data-testid^="criterion-"]');
  const added = criteria.last();
  await added.getByRole('textbox', { name: 'Mã', exact: true }).fill('resilience');
  await added.getByRole('textbox', { name: 'Tiêu chí (tiếng Việt)' }).fill('Sức bền');
  await added.getByRole('textbox', { name: 'Tiêu chí (tiếng Anh)' }).fill('Resilience');
  await added.getByRole('textbox', { name: 'Điểm 1 nghĩa là (tiếng Việt)' }).fill('Bỏ cuộc sớm');
  // One language only: the server names the anchor that needs both.
  await rubric.getByRole('button', { name: 'Lưu thang chấm' }).click();
  await expect(added.getByText('Cần có nội dung bằng cả tiếng Việt và tiếng Anh.')).toBeVisible();
  await added.getByRole('textbox', { name: 'Điểm 1 nghĩa là (tiếng Anh)' }).fill('Gives up early');
  await rubric.getByRole('button', { name: 'Lưu thang chấm' }).click();
  await expect(rubric.getByRole('status')).toHaveText('Đã lưu.');

  // Milestones: the 12-month template, renamed and one removed.
  const milestones = page.getByTestId('milestones');
  const first = milestones.getByTestId('milestone-0');
  await first.getByRole('textbox', { name: 'Cột mốc (tiếng Anh)' }).fill('Arrival plan agreed with the hub');
  const count = await milestones.locator('[data-testid^="milestone-"]').count();
  await milestones.getByRole('button', { name: `Bỏ cột mốc ${count}` }).click();
  await milestones.getByRole('button', { name: 'Lưu mẫu' }).click();
  await expect(milestones.getByRole('status')).toHaveText('Đã lưu.');

  // Open it: the button says it is ready, the confirmation says what will happen.
  const lifecycle = page.getByTestId('lifecycle');
  await expect(lifecycle.getByText('Sẵn sàng.').first()).toBeVisible();
  await lifecycle.getByRole('button', { name: 'Mở nhận hồ sơ', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('transition-effects')).toContainText('Người nộp thấy khóa');
  await dialog.getByRole('textbox', { name: 'Lý do (ghi vào nhật ký kiểm toán)' }).fill('Launch event');
  await dialog.getByRole('button', { name: 'Xác nhận' }).click();
  await expect(page.getByTestId('stage')).toHaveText('Đang nhận hồ sơ');
  // Next: reviewing, whose precondition (the window has closed) is stated before any click.
  await expect(lifecycle.getByText(/Chưa hết thời gian nhận hồ sơ/)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('cohort-page.png'), fullPage: true, animations: 'disabled' });

  // The committee page of an open cohort leads here, where the move to reviewing is.
  const cohortPage = page.url();
  await page.goto(`/staff/committee?cohortId=${cohortPage.split('/').pop() ?? ''}`);
  await page.getByTestId('cohort-not-reviewing').getByRole('link').click();
  await expect(page).toHaveURL(cohortPage);
  await expect(page.getByTestId('stage')).toHaveText('Đang nhận hồ sơ');

  // Copy it to a new cohort a year later.
  await page.getByRole('button', { name: 'Sao chép thành khóa mới' }).click();
  const copyDialog = page.getByRole('dialog');
  await copyDialog.getByRole('textbox', { name: 'Tên khóa mới' }).fill(`${name} next`);
  await copyDialog.getByRole('button', { name: 'Tạo bản sao' }).click();
  await expect(page.getByRole('heading', { name: `${name} next`, level: 1 })).toBeVisible();
  await expect(page.getByTestId('stage')).toHaveText('Bản nháp');
  await expect(page.getByLabel('Mở nhận hồ sơ (giờ Việt Nam)')).toHaveValue('2032-01-15T08:00');
  await expect(page.getByTestId('hubs').getByRole('textbox', { name: 'Mã', exact: true })).toHaveValue('JP');
  await expect(
    page.getByTestId('milestones').getByTestId('milestone-0').getByRole('textbox', { name: 'Cột mốc (tiếng Anh)' }),
  ).toHaveValue('Arrival plan agreed with the hub');
  await expect(page.getByTestId('rubric').getByRole('textbox', { name: 'Tiêu chí (tiếng Anh)' }).last()).toHaveValue(
    'Resilience',
  );

  // The list shows both with their stages; on a phone nothing scrolls sideways.
  await page.goto('/staff/cohorts');
  await expect(page.getByRole('row', { name: new RegExp(`${name} next`) })).toContainText('Bản nháp');
  await expect(page.getByRole('row', { name: new RegExp(`${name} 2031`) })).toContainText('Đang nhận hồ sơ');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('link', { name: `${name} next` }).click();
  await expect(page.getByTestId('lifecycle')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
