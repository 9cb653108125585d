import { expect, test } from '@playwright/test';
import { approvedPair, admittedFellow, invitedMentor, rate } from './programme-setup';
import { DEMO_STAFF, bearer, logIn, openCohort } from './support';

// On a phone (the project's Pixel 7, Vietnamese): the fellow confirms and rates a session their
// mentor logged; nothing scrolls sideways.
test('a fellow confirms and rates a session on a phone', async ({ page, request }, testInfo) => {
  const code = Math.random().toString(36).slice(2, 8);
  const staff = await bearer(request, DEMO_STAFF);
  const cohortId = await openCohort(request, `VGBF Mentoring Phone ${code}`, staff);
  const [fellow, mentor] = await Promise.all([
    admittedFellow(request, cohortId, `Phạm Thị Hoa ${code}`),
    invitedMentor(request, staff, `Kim Min-jun ${code}`),
  ]);
  const pairingId = await approvedPair(request, staff, cohortId, fellow, mentor);
  // The mentor's session log is not the point here: it goes through the API.
  const mentorHeaders = await bearer(request, mentor);
  const logged = await request.post(`/api/v1/mentoring/pairs/${pairingId}/sessions`, {
    headers: mentorHeaders,
    data: {
      heldAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
      durationMinutes: 60,
      mode: 'online',
      topics: ['partnerships', 'legal_compliance'],
      notes: 'Hợp đồng phân phối đầu tiên: các điều khoản cần xem lại.',
      actionItems: [{ text: 'Gửi bản hợp đồng cho luật sư', dueOn: null }],
    },
  });
  expect(logged.status(), await logged.text()).toBe(201);

  await logIn(page, fellow);
  // The fellow's account is in English; this phone's reader switches to Vietnamese.
  await page.getByText('VI', { exact: true }).click();
  await page.getByTestId('role-card-fellow').getByRole('link', { name: 'Mở' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chương trình của tôi');
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  const toConfirm = page.getByTestId('session-to-confirm');
  await expect(toConfirm).toContainText('Đối tác');
  await expect(toConfirm).toContainText('Gửi bản hợp đồng cho luật sư');
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath('programme-phone.png'), fullPage: true, animations: 'disabled' });

  await rate(toConfirm, '5 trên 5 sao');
  await toConfirm.getByRole('textbox', { name: 'Nhận xét (không bắt buộc)' }).fill('Rất hữu ích.');
  await toConfirm.getByRole('button', { name: 'Xác nhận và đánh giá' }).click();
  await expect(page.getByText('Không có gì cần xác nhận.')).toBeVisible();
  const past = page.getByTestId('mentor-card').getByTestId('session');
  await expect(past.getByTestId('session-status')).toContainText('Đã xác nhận ✓');
  await expect(past.getByTestId('session-status')).toContainText('★5/5');
  await expect(page.getByTestId('stat-averageRating')).toContainText('★5.0');
  expect(await overflow()).toBeLessThanOrEqual(0);

  // The calendar link, shown once with its copy button, fits the phone too.
  await page.getByRole('button', { name: 'Lấy đường dẫn lịch' }).click();
  await expect(page.getByRole('textbox', { name: 'Đường dẫn lịch bí mật của bạn' })).toHaveValue(
    /\/calendar\/.+\.ics$/,
  );
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath('confirmed-phone.png'), fullPage: true, animations: 'disabled' });
});
