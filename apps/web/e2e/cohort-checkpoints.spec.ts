import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { DEMO_STAFF, bearer, invitedStaff, logIn } from './support';

/** A draft cohort of a 12-month track starting next year, made through the API (not the point here). */
async function draftCohort(request: APIRequestContext, name: string): Promise<string> {
  const created = await request.post('/api/v1/cohorts', {
    headers: await bearer(request, DEMO_STAFF),
    data: {
      name,
      year: 2031,
      targetSize: 60,
      trackMonths: 12,
      applicationOpensAt: '2031-01-15T08:00',
      applicationClosesAt: '2031-03-31T23:59',
      offerResponseDays: 7,
      programmeStartDate: '2031-09-01',
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

const code = () =>
  Math.random()
    .toString(36)
    .replace(/[^a-z]/g, '')
    .slice(0, 6);

// Staff edit a cohort's feedback checkpoints like its milestone template: inline checks in the browser,
// the server's rule next to the field it concerns, saved and still there after a reload.
test('staff edit the feedback checkpoints of a cohort, in Vietnamese', async ({ page, request }) => {
  const id = await draftCohort(request, `VGBF Checkpoints ${code()}`);
  await logIn(page, DEMO_STAFF);
  await page.goto(`/staff/cohorts/${id}`);
  const section = page.getByTestId('feedback-checkpoints');
  await expect(section.getByRole('heading', { name: 'Đợt phản hồi' })).toBeVisible();
  const first = section.getByTestId('checkpoint-0');
  await expect(first.getByRole('textbox', { name: 'Tên đợt (tiếng Anh)' })).toHaveValue('After the first month');
  await expect(section.locator('[data-testid^="checkpoint-"][data-testid$="-question-0"]')).toHaveCount(3);

  // The browser says at once what is missing.
  const titleVi = first.getByRole('textbox', { name: 'Tên đợt (tiếng Việt)' });
  await titleVi.fill('');
  await titleVi.blur();
  await expect(first.getByText('Hãy viết bằng cả hai ngôn ngữ.')).toBeVisible();
  await titleVi.fill('Sau sáu tuần');

  // The server knows the year: 360 days after the start is past a 12-month year; it says so at the field,
  // in the reader's language from the catalogue (not the API's English detail).
  const days = first.getByRole('textbox', { name: 'Số ngày sau (âm: trước)' });
  await days.fill('360');
  await section.getByRole('button', { name: 'Lưu các đợt phản hồi' }).click();
  await expect(first.getByText('Phải là số nguyên từ 0 đến 335.')).toBeVisible();
  await expect(first.getByText(/must be from/)).toHaveCount(0);
  await expect(days).toHaveAttribute('aria-invalid', 'true');
  await days.fill('42');

  // A question added to the first checkpoint, a checkpoint removed.
  await first.getByRole('button', { name: 'Thêm câu hỏi' }).click();
  const added = first.locator('[data-testid^="checkpoint-0-question-"]').last();
  await added.getByRole('textbox', { name: /^Câu hỏi \d \(tiếng Việt\)$/ }).fill('Bạn đã gặp đối tác nào?');
  await added.getByRole('textbox', { name: /^Câu hỏi \d \(tiếng Anh\)$/ }).fill('Which partners did you meet?');
  await added.getByRole('combobox', { name: 'Kiểu trả lời' }).click();
  await page.getByRole('option', { name: 'Văn bản' }).click();
  await added.getByRole('checkbox', { name: 'Bắt buộc' }).uncheck();
  await section.getByRole('button', { name: 'Xóa đợt 3' }).click();
  await section.getByRole('button', { name: 'Lưu các đợt phản hồi' }).click();
  await expect(section.getByRole('status')).toHaveText('Đã lưu các đợt phản hồi.');

  await page.reload();
  await expect(first.getByRole('textbox', { name: 'Tên đợt (tiếng Việt)' })).toHaveValue('Sau sáu tuần');
  await expect(first.getByRole('textbox', { name: 'Số ngày sau (âm: trước)' })).toHaveValue('42');
  await expect(section.locator('[data-testid^="checkpoint-"][data-testid$="-question-0"]')).toHaveCount(2);
  await expect(
    first
      .locator('[data-testid^="checkpoint-0-question-"]')
      .last()
      .getByRole('textbox', { name: /\(tiếng Anh\)$/ }),
  ).toHaveValue('Which partners did you meet?');
});

test('the checkpoints speak English to an English-speaking staff member', async ({ page, request }) => {
  const id = await draftCohort(request, `VGBF Checkpoints EN ${code()}`);
  // A staff member invited by the admin, who chose English.
  const user = await invitedStaff(request, 'en');
  await logIn(page, user);
  await page.goto(`/staff/cohorts/${id}`);
  const section = page.getByTestId('feedback-checkpoints');
  await expect(section.getByRole('heading', { name: 'Feedback checkpoints' })).toBeVisible();
  const first = section.getByTestId('checkpoint-0');
  await expect(first.getByRole('textbox', { name: 'Checkpoint (Vietnamese)' })).toHaveValue('Sau tháng đầu tiên');
  await expect(first.getByRole('combobox', { name: 'Opens from' })).toHaveValue('the start');
  const open = first.getByRole('textbox', { name: 'Open for (days)' });
  await open.fill('0');
  await open.blur();
  await expect(first.getByText('From 1 to 90 days.')).toBeVisible();
  await open.fill('21');
  await section.getByRole('button', { name: 'Save the checkpoints' }).click();
  await expect(section.getByRole('status')).toHaveText('Checkpoints saved.');
});

// Once the programme runs, fellows and mentors answer these forms: staff see them but cannot change them.
test('the checkpoints of a running programme are read-only', async ({ page, request }) => {
  const staff = await bearer(request, DEMO_STAFF);
  const cohorts = (await (await request.get('/api/v1/cohorts', { headers: staff })).json()) as Array<{
    id: string;
    name: string;
    status: string;
  }>;
  const running = cohorts.find((c) => c.status === 'running' && /^VGBF \d{4}$/.test(c.name));
  expect(running, 'the demo seed’s running cohort').toBeDefined();
  await logIn(page, DEMO_STAFF);
  await page.goto(`/staff/cohorts/${running?.id}`);
  const section = page.getByTestId('feedback-checkpoints');
  await expect(
    section.getByText('Chương trình đã bắt đầu: các đợt phản hồi chỉ xem được, không sửa được.'),
  ).toBeVisible();
  const first = section.getByTestId('checkpoint-0');
  await expect(first.getByRole('textbox', { name: 'Tên đợt (tiếng Việt)' })).toHaveAttribute('readonly', '');
  await expect(first.getByRole('textbox', { name: 'Số ngày sau (âm: trước)' })).toHaveAttribute('readonly', '');
  await expect(section.getByRole('button', { name: 'Lưu các đợt phản hồi' })).toHaveCount(0);
  await expect(section.getByRole('button', { name: 'Thêm đợt' })).toHaveCount(0);
  await expect(section.getByRole('button', { name: 'Thêm câu hỏi' })).toHaveCount(0);
  // The read-only form is not on the axe sweep's cohort (an open one): checked here.
  const { violations } = await new AxeBuilder({ page })
    .include('[data-testid="feedback-checkpoints"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  // The server refuses a change all the same.
  const view = (await (
    await request.get(`/api/v1/cohorts/${running?.id}/feedback-checkpoints`, { headers: staff })
  ).json()) as { checkpoints: unknown[]; editable: boolean };
  expect(view.editable).toBe(false);
  const put = await request.put(`/api/v1/cohorts/${running?.id}/feedback-checkpoints`, {
    headers: staff,
    data: { checkpoints: view.checkpoints },
  });
  expect(put.status()).toBe(409);
  expect(((await put.json()) as { code: string }).code).toBe('feedback_checkpoints_locked');
});
