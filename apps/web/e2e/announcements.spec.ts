import { expect, test } from '@playwright/test';
import { admittedFellow } from './programme-setup';
import { DEMO_STAFF, bearer, createVerifiedUser, emailFromInbox, logIn, openCohort } from './support';

/**
 * Issue 13: staff write an announcement to a cohort's fellows (template, preview with the recipient
 * count, send), the fellow gets it by email and on their home page; staff write to one applicant from a
 * template, and the message shows in the application's log and arrives in the inbox.
 */
test('staff preview and send an announcement to the fellows; a fellow reads it on their home', async ({
  page,
  request,
}) => {
  const code = Math.random().toString(36).slice(2, 8);
  const staff = await bearer(request, DEMO_STAFF);
  const cohortId = await openCohort(request, `VGBF Tin ${code}`, staff);
  const fellow = await admittedFellow(request, cohortId, `Đỗ Thu Trang ${code}`);

  await logIn(page, DEMO_STAFF);
  await page.goto(`/staff/announcements?cohortId=${cohortId}`);
  await expect(page.getByRole('heading', { level: 1, name: /^(Announcements|Thông báo)$/ })).toBeVisible();
  // The event template is filled in both languages; staff edit the subjects.
  await expect(page.getByRole('textbox', { name: /^(Subject \(English\)|Tiêu đề \(tiếng Anh\))/ })).toHaveValue(
    `VGBF Tin ${code}: you are invited to an event`,
  );
  await page.getByRole('textbox', { name: /^(Subject \(English\)|Tiêu đề \(tiếng Anh\))/ }).fill(`Orientation ${code}`);
  await page
    .getByRole('textbox', { name: /^(Subject \(Vietnamese\)|Tiêu đề \(tiếng Việt\))/ })
    .fill(`Định hướng ${code}`);
  await page
    .getByRole('textbox', { name: /^(Message \(English\)|Nội dung \(tiếng Anh\))/ })
    .fill('Orientation day on 15 September in Hanoi. <b>Bring your passport</b>');
  await page.getByRole('button', { name: /^(Preview|Xem trước)$/ }).click();
  const preview = page.getByTestId('announcement-preview');
  await expect(preview).toContainText(/(Recipients|Số người nhận): 1/);
  await expect(page.getByTestId('preview-en')).toContainText(`Orientation ${code}`);
  await expect(page.getByTestId('preview-en')).toContainText(`Hello ${fellow.fullName},`);
  await page.getByRole('button', { name: /^(Send to 1 recipients|Gửi tới 1 người)$/ }).click();
  await expect(page.getByRole('status')).toContainText(/(Sent to 1 recipients|Đã gửi tới 1 người)/);
  await expect(page.getByTestId('sent-announcements')).toContainText(DEMO_STAFF.fullName);

  const email = await emailFromInbox(fellow.email, new RegExp(`^Orientation ${code}$`));
  expect(email.html).toContain('&lt;b&gt;Bring your passport&lt;/b&gt;');

  await page.context().clearCookies();
  await logIn(page, fellow);
  const card = page.getByTestId('announcements-card');
  await expect(card).toContainText(`Orientation ${code}`);
  await expect(card).toContainText('<b>Bring your passport</b>');
  await card.getByRole('link', { name: /^(See all announcements|Xem tất cả thông báo)$/ }).click();
  await expect(page.getByTestId('announcement').first()).toContainText(`Orientation ${code}`);
});

test('staff send a templated message to an applicant: it is logged and arrives in their language', async ({
  page,
  request,
}) => {
  const code = Math.random().toString(36).slice(2, 8);
  const staff = await bearer(request, DEMO_STAFF);
  const cohortId = await openCohort(request, `VGBF Thư ${code}`, staff);
  const applicant = await createVerifiedUser(request, 'vi', 'message');
  const started = await request.post(`/api/v1/cohorts/${cohortId}/applications`, {
    headers: await bearer(request, applicant),
  });
  expect(started.status()).toBe(201);
  const id = ((await started.json()) as { id: string }).id;

  await logIn(page, DEMO_STAFF);
  await page.goto(`/staff/applications/${id}`);
  const panel = page.getByTestId('applicant-messages');
  await panel.getByRole('combobox', { name: /^(Template|Mẫu)$/ }).click();
  await page.getByRole('option', { name: /^(Clarification needed|Cần làm rõ)$/ }).click();
  // The applicant writes in Vietnamese: the template comes in Vietnamese.
  await expect(panel.getByRole('textbox', { name: /^(Subject|Tiêu đề)$/ })).toHaveValue(
    `Hồ sơ VGBF Thư ${code}: cần bạn làm rõ thông tin`,
  );
  await panel
    .getByRole('textbox', { name: /^(Message|Nội dung)$/ })
    .fill(`Vui lòng làm rõ doanh thu năm 2026 (${code}).`);
  await panel.getByRole('button', { name: /^(Preview|Xem trước)$/ }).click();
  await expect(panel.getByTestId('message-preview')).toContainText(`Chào ${applicant.fullName},`);
  await panel.getByRole('button', { name: /^(Send|Gửi)$/ }).click();
  await expect(panel.getByRole('status')).toBeVisible();
  const logged = panel.getByTestId('applicant-message');
  await expect(logged).toContainText(`Vui lòng làm rõ doanh thu năm 2026 (${code}).`);
  await expect(logged).toContainText(DEMO_STAFF.fullName);

  const email = await emailFromInbox(applicant.email, new RegExp(`^Hồ sơ VGBF Thư ${code}: cần bạn làm rõ thông tin$`));
  expect(email.text).toContain(`Vui lòng làm rõ doanh thu năm 2026 (${code}).`);
  await page.reload();
  await expect(page.getByTestId('applicant-message')).toContainText(/(Sent|Đã gửi)/);
});
