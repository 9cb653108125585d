import { expect, test } from '@playwright/test';
import { inBatches, invitedReviewer, moveCohort, post, referenceOf, submittedApplicants } from './committee-setup';
import { DEMO_STAFF, bearer, logIn, openCohort, openFromNavigation } from './support';

const SPEC = { gender: 'female' as const, province: 'Hà Nội', hubs: ['SG', 'JP'] };
const vietnamTime = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 16);

test('a reviewer works round by round: drafts, next and previous, "not scored yet", a closed round read-only; staff clear a deadline and are warned of a past one', async ({
  page,
  request,
}, testInfo) => {
  const code = Math.random()
    .toString(36)
    .replace(/[^a-z]/g, '')
    .slice(0, 6);
  const staff = await bearer(request, DEMO_STAFF);
  const openName = `VGBF Rounds ${code} open`;
  const closedName = `VGBF Rounds ${code} closed`;
  const openId = await openCohort(request, openName, staff);
  const closedId = await openCohort(request, closedName, staff);
  const [reviewer, inOpen, inClosed] = await Promise.all([
    invitedReviewer(request, staff, 'Đặng Minh Khoa'),
    submittedApplicants(request, openId, `${code}o`, [SPEC, SPEC]),
    submittedApplicants(request, closedId, `${code}c`, [SPEC]),
  ]);
  const refs: Record<string, string[]> = {};
  for (const [cohortId, applicants] of [
    [openId, inOpen],
    [closedId, inClosed],
  ] as const) {
    await moveCohort(request, staff, cohortId, 'reviewing');
    const made = await inBatches(applicants, 1, (a) =>
      post(
        request,
        staff,
        `/api/v1/cohorts/${cohortId}/assignments`,
        { applicationId: a.applicationId, reviewerId: reviewer.id },
        201,
      ),
    );
    refs[cohortId] = made.map(referenceOf);
  }
  const setDeadline = async (cohortId: string, reviewDeadline: string | null) =>
    expect(
      (
        await request.patch(`/api/v1/cohorts/${cohortId}/review-round`, { headers: staff, data: { reviewDeadline } })
      ).status(),
    ).toBe(200);
  await setDeadline(openId, vietnamTime(Date.now() + 7 * 86_400_000));
  await setDeadline(closedId, vietnamTime(Date.now() - 86_400_000));
  const [first, second] = refs[openId] as [string, string];
  const [closedRef] = refs[closedId] as [string];

  // Each round under its cohort's name, with its own state and deadline; the closed one offers no scoring.
  await logIn(page, reviewer);
  await openFromNavigation(page, 'My reviews');
  const openRound = page.getByRole('region', { name: openName });
  const closedRound = page.getByRole('region', { name: closedName });
  await expect(openRound.getByTestId('round-state')).toHaveText('Open');
  await expect(closedRound.getByTestId('round-state')).toHaveText('Closed');
  await expect(openRound.getByTestId('progress')).toHaveText('0 of 2 reviewed');
  await expect(closedRound.getByTestId('progress')).toHaveText('0 of 1 reviewed');
  await expect(closedRound.getByText('This round is closed: its reviews can be read, not changed.')).toBeVisible();
  await expect(closedRound.getByRole('link', { name: 'Review' })).toHaveCount(0);
  await expect(closedRound.getByRole('link', { name: 'View' })).toHaveCount(1);
  await expect(openRound.getByTestId('review-deadline')).not.toHaveText(
    (await closedRound.getByTestId('review-deadline').textContent()) ?? '',
  );
  await page.screenshot({ path: testInfo.outputPath('rounds.png'), fullPage: true });
  // The conflict declaration’s cohort picker names the cohorts (issue 13 saw "Khóa 1/3/4/5" there).
  await page.getByTestId('conflicts').getByRole('combobox', { name: 'Cohort' }).click();
  await expect(page.getByRole('option', { name: openName, exact: true })).toBeVisible();
  await expect(page.getByRole('option', { name: closedName, exact: true })).toBeVisible();
  await page.keyboard.press('Escape');

  // A draft: one score only, saved without a comment or a recommendation.
  await openRound.getByTestId('assignment').filter({ hasText: first }).getByRole('link', { name: 'Review' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Review · application ${first}`);
  await expect(page.getByText(`${openName} · 1 of 2`)).toBeVisible();
  const groups = page.getByRole('radiogroup').filter({ has: page.getByRole('radio', { name: '5' }) });
  await groups.first().getByRole('radio', { name: '4' }).check();
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByTestId('review-saved')).toHaveText(
    'Draft saved. It counts nowhere until you finish the review.',
  );

  // Next and previous move within the round; the draft is still there.
  await page.getByRole('link', { name: 'Next application →' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Review · application ${second}`);
  await expect(page.getByRole('link', { name: 'Next application →' })).toHaveCount(0);
  await page.getByRole('link', { name: '← Previous application' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Review · application ${first}`);
  await expect(page.getByTestId('draft-note')).toBeVisible();
  await expect(groups.first().getByRole('radio', { name: '4' })).toBeChecked();

  // Finishing needs every score, a comment and a recommendation.
  const count = await groups.count();
  for (let i = 0; i < count; i++) await groups.nth(i).getByRole('radio', { name: '4' }).check();
  await page.getByRole('textbox', { name: 'Comment' }).fill('Rõ ràng, khả thi.');
  await page
    .getByRole('radiogroup', { name: 'Overall recommendation' })
    .getByRole('radio', { name: 'Yes', exact: true })
    .check();
  await page.getByRole('button', { name: 'Save my review' }).click();
  await expect(page.getByTestId('review-saved')).toHaveText('Review saved. Weighted score: 4.00.');
  await expect(page.getByRole('button', { name: 'Save draft' })).toHaveCount(0);

  // "Not scored yet" leaves the finished one out.
  await page.getByRole('link', { name: 'Back to my reviews' }).click();
  await expect(openRound.getByTestId('progress')).toHaveText('1 of 2 reviewed');
  await expect(openRound.getByTestId('assignment')).toHaveCount(2);
  await page.getByText('Not scored yet', { exact: true }).click();
  await expect(page).toHaveURL(/show=todo/);
  await expect(openRound.getByTestId('assignment')).toHaveCount(1);
  await expect(openRound.getByTestId('assignment')).toContainText(second);
  await page.reload();
  await expect(openRound.getByTestId('assignment')).toHaveCount(1);

  // The closed round's application reads, read-only and labelled.
  await closedRound.getByRole('link', { name: 'View' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Review · application ${closedRef}`);
  await expect(page.getByTestId('review-closed')).toBeVisible();
  await expect(page.getByRole('button', { name: /Save/ })).toHaveCount(0);

  // Staff (in Vietnamese, their language): a deadline in the past warns; clearing the deadline really clears it.
  await page.context().clearCookies();
  await logIn(page, DEMO_STAFF);
  await page.goto(`/staff/committee?cohortId=${openId}`);
  const panel = page.getByTestId('round-panel');
  const deadline = panel.getByLabel('Hạn chấm (giờ Việt Nam)');
  await expect(deadline).not.toHaveValue('');
  await expect(panel.getByTestId('deadline-past')).toHaveCount(0);
  await deadline.fill(vietnamTime(Date.now() - 3_600_000));
  await expect(panel.getByTestId('deadline-past')).toBeVisible();
  await panel.getByRole('button', { name: 'Xóa hạn chấm' }).click();
  await expect(deadline).toHaveValue('');
  await expect(panel.getByTestId('deadline-past')).toHaveCount(0);
  await panel.getByRole('button', { name: 'Lưu vòng chấm' }).click();
  await expect(panel.getByRole('status')).toHaveText('Đã lưu vòng chấm.');
  await page.reload();
  await expect(page.getByTestId('round-panel').getByLabel('Hạn chấm (giờ Việt Nam)')).toHaveValue('');
  const round = await request.get(`/api/v1/cohorts/${openId}/review-round`, { headers: staff });
  expect(((await round.json()) as { reviewDeadline: string | null }).reviewDeadline).toBeNull();
});
