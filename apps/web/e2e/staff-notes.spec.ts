import { expect, test } from '@playwright/test';
import { DEMO_STAFF, bearer, createVerifiedUser, logIn, openCohort } from './support';

/**
 * Issue 13: on an application, staff see the applicant's contact details and keep internal notes and
 * tags; the applicant's own pages never show them.
 */
test('staff see the contact details, add a tag and an internal note; the applicant never sees them', async ({
  page,
  request,
}) => {
  const code = Math.random().toString(36).slice(2, 8);
  const staff = await bearer(request, DEMO_STAFF);
  const cohortId = await openCohort(request, `VGBF Notes ${code}`, staff);
  const applicant = await createVerifiedUser(request, 'vi', 'notes');
  const started = await request.post(`/api/v1/cohorts/${cohortId}/applications`, {
    headers: await bearer(request, applicant),
  });
  expect(started.status()).toBe(201);
  const id = ((await started.json()) as { id: string }).id;
  const note = `Đã gọi điện ${code}: bổ sung giấy phép tuần sau`;

  await logIn(page, DEMO_STAFF);
  await page.goto(`/staff/applications/${id}`);
  const panel = page.getByTestId('staff-notes');
  await expect(panel.getByText(applicant.email)).toBeVisible();
  await panel.getByRole('combobox', { name: /^(Tags|Nhãn)/ }).fill(`theo-doi-${code}`);
  await panel.getByRole('combobox', { name: /^(Tags|Nhãn)/ }).press('Enter');
  await panel.getByRole('button', { name: /^(Save tags|Lưu nhãn)$/ }).click();
  await panel.getByRole('textbox', { name: /^(Internal note|Ghi chú nội bộ)/ }).fill(note);
  await panel.getByRole('button', { name: /^(Add note|Thêm ghi chú)$/ }).click();
  await expect(panel.getByTestId('staff-note')).toContainText(note);
  await expect(panel.getByTestId('staff-note')).toContainText(DEMO_STAFF.fullName);

  // A manual eligibility override, with its reason, shown as the eligibility result.
  await panel.getByRole('button', { name: /^(Override eligibility|Ghi đè điều kiện tham gia)$/ }).click();
  await panel.getByRole('textbox', { name: /^(Reason|Lý do)/ }).fill(`Hội đồng đồng ý ${code}`);
  await panel.getByRole('button', { name: /^(Confirm override|Xác nhận ghi đè)$/ }).click();
  await expect(panel.getByTestId('eligibility-override')).toContainText(`Hội đồng đồng ý ${code}`);

  await page.reload();
  await expect(page.getByTestId('eligibility-override')).toContainText(/(Overridden by staff|Cán bộ đã ghi đè)/);
  await expect(page.getByTestId('staff-note')).toContainText(note);
  await expect(page.getByTestId('staff-notes').getByText(`theo-doi-${code}`)).toBeVisible();

  await page.context().clearCookies();
  await logIn(page, applicant);
  await page.goto(`/applications/${id}`);
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.getByText(note)).toHaveCount(0);
  await expect(page.getByText(`theo-doi-${code}`)).toHaveCount(0);
  // Opening the staff page, the applicant is refused, in their language.
  await page.goto(`/staff/applications/${id}`);
  await expect(page.getByTestId('staff-notes')).toHaveCount(0);
  await expect(page.getByText(note)).toHaveCount(0);
});
