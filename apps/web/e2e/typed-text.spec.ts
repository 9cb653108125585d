import { expect, test } from '@playwright/test';
import { DEMO_STAFF, bearer, createVerifiedUser, logIn, openCohort } from './support';

/**
 * Issue 12: what a person types is never lost or silently changed. A pasted essay far over its limit
 * is saved as typed and flagged (a reload brings it back whole); staff reopen a draft's submission.
 */
test('a pasted 10,000-character essay is kept and flagged, and staff can reopen the draft', async ({
  page,
  request,
}) => {
  const code = Math.random().toString(36).slice(2, 8);
  const staff = await bearer(request, DEMO_STAFF);
  const cohortId = await openCohort(request, `VGBF Typed ${code}`, staff);
  const applicant = await createVerifiedUser(request, 'en', 'essay');
  const started = await request.post(`/api/v1/cohorts/${cohortId}/applications`, {
    headers: await bearer(request, applicant),
  });
  expect(started.status()).toBe(201);
  const id = ((await started.json()) as { id: string }).id;

  await logIn(page, applicant);
  await page.goto(`/applications/${id}?step=essays`);
  const motivation = page.getByRole('textbox', { name: /^(Your motivation|Động lực tham gia)/ });
  const essay = 'Cà phê Việt Nam sẽ có mặt ở Tokyo. '.repeat(300).slice(0, 10_000);
  await motivation.fill(essay);
  // Saved by itself a few seconds later (200 with the field flagged), and the flag is shown.
  await expect(page.getByRole('status')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('essay-over-limit-motivation')).toBeVisible();
  await page.reload();
  await expect(motivation).toHaveValue(essay);
  await expect(page.getByTestId('essay-over-limit-motivation')).toBeVisible();

  await page.context().clearCookies();
  await logIn(page, DEMO_STAFF);
  await page.goto(`/staff/applications/${id}`);
  const reopen = page.getByTestId('reopen-submission');
  await reopen.getByRole('button', { name: /^(Reopen submission…|Mở lại việc nộp…)$/ }).click();
  await reopen.getByRole('textbox', { name: /^(Reason|Lý do)/ }).fill('Hospital stay the week of the deadline');
  await reopen.getByRole('button', { name: /^(Reopen for this applicant|Mở lại cho ứng viên này)$/ }).click();
  await expect(reopen.getByTestId('reopened-until')).toBeVisible();
});
