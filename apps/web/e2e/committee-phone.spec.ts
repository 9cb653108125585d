import { expect, test } from '@playwright/test';
import { invitedReviewer, moveCohort, post, referenceOf, submittedApplicants } from './committee-setup';
import { DEMO_STAFF, bearer, logIn, openCohort } from './support';

// On a phone (the project's Pixel 7, Vietnamese): a reviewer declares a conflict and scores an
// application; nothing scrolls sideways.
test('a reviewer declares a conflict and scores an assigned application on a phone', async ({
  page,
  request,
}, testInfo) => {
  const code = Math.random()
    .toString(36)
    .replace(/[^a-z]/g, '')
    .slice(0, 6);
  const staff = await bearer(request, DEMO_STAFF);
  const cohortId = await openCohort(request, `VGBF Phone Review ${code}`, staff);
  const [reviewer, [applicant, acquaintance]] = await Promise.all([
    invitedReviewer(request, staff, 'Vũ Minh Khoa'),
    submittedApplicants(request, cohortId, code, [
      { gender: 'female', province: 'Đà Nẵng', hubs: ['SG'] },
      { gender: 'male', province: 'Hà Nội', hubs: ['JP'] },
    ]),
  ]);
  await moveCohort(request, staff, cohortId, 'reviewing');
  const round = (await (await request.get(`/api/v1/cohorts/${cohortId}/review-round`, { headers: staff })).json()) as {
    rubric: { criteria: Array<{ title: { vi: string } }> };
  };
  const reference = referenceOf(
    await post(
      request,
      staff,
      `/api/v1/cohorts/${cohortId}/assignments`,
      { applicationId: applicant?.applicationId, reviewerId: reviewer.id },
      201,
    ),
  );

  await logIn(page, reviewer);
  // The reviewer's account is in English; this phone's reader switches to Vietnamese.
  await page.getByText('VI', { exact: true }).click();
  await page.getByTestId('role-card-reviewer').getByRole('link', { name: 'Mở' }).click();
  await expect(page.getByTestId('progress')).toHaveText('Đã chấm 0 / 1');
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(await overflow()).toBeLessThanOrEqual(0);

  // They know the other applicant: they name them (without diacritics) with a reason; they are told
  // only that it was recorded, never whether the name matched anyone.
  await page.getByRole('textbox', { name: 'Người và tổ chức bạn quen biết' }).fill(`ung vien ${code} 02`);
  await page.getByRole('textbox', { name: 'Lý do' }).fill('Anh ấy là đối tác kinh doanh cũ của tôi.');
  await page.getByRole('button', { name: 'Khai báo' }).click();
  await expect(page.getByRole('status')).toHaveText('Đã ghi nhận khai báo của bạn. Xin cảm ơn.');
  await expect(page.getByTestId('declarations')).toContainText(`ung vien ${code} 02 — Anh ấy là đối tác kinh doanh cũ`);
  await expect(page.getByText(acquaintance?.enterprise ?? '')).toHaveCount(0);
  await expect(page.getByTestId('progress')).toHaveText('Đã chấm 0 / 1');
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath('reviews-phone.png'), fullPage: true, animations: 'disabled' });

  await page.getByTestId('assignment').getByRole('link', { name: 'Chấm' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Chấm hồ sơ ${reference}`);
  await expect(page.getByTestId('essay-motivation')).toHaveText(
    'Tôi là [đã ẩn], sáng lập [đã ẩn]. Đưa nông sản Việt ra thế giới.',
  );
  for (const criterion of round.rubric.criteria) {
    await page.getByRole('radiogroup', { name: criterion.title.vi }).getByRole('radio', { name: '3' }).check();
  }
  await page.getByRole('textbox', { name: 'Nhận xét' }).fill('Tiềm năng khá, cần kế hoạch cụ thể hơn.');
  await page.getByRole('radiogroup', { name: 'Khuyến nghị chung' }).getByRole('radio', { name: 'Cân nhắc' }).check();
  await page.getByRole('button', { name: 'Lưu bài chấm' }).click();
  await expect(page.getByTestId('review-saved')).toHaveText('Đã lưu bài chấm. Điểm có trọng số: 3.00.');
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath('review-phone.png'), fullPage: true, animations: 'disabled' });

  // Staff (in Vietnamese) see what the declaration matched, which the reviewer was never shown.
  await page.context().clearCookies();
  await logIn(page, DEMO_STAFF);
  await page.goto(`/staff/committee?cohortId=${cohortId}`);
  const conflicts = page.getByTestId('conflicts-panel');
  await conflicts.getByRole('button', { name: 'Xem' }).click();
  const row = conflicts.getByRole('row').filter({ hasText: acquaintance?.fullName ?? '' });
  await expect(row).toContainText('Vũ Minh Khoa');
  await expect(row).toContainText('Khai báo · đã xác nhận');
  await expect(row).toContainText(`Anh ấy là đối tác kinh doanh cũ của tôi. (named: ung vien ${code} 02)`);
});
