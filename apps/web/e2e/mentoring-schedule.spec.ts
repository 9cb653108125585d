import { type Page, expect, test } from '@playwright/test';
import { admittedFellow, approvedPair, invitedMentor } from './programme-setup';
import { DEMO_STAFF, bearer, logIn, openCohort } from './support';

// The mentor lives in Tokyo; the session is typed in Vietnam time, and shown in both.
test.use({ timezoneId: 'Asia/Tokyo' });

/** "2027-10-02T14:00" in Hà Nội, `days` from today. */
function vietnamInput(days: number, time: string): string {
  const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
  return `${day}T${time}`;
}

async function logOut(page: Page) {
  await page.getByRole('button', { name: /: (account menu|menu tài khoản)$/ }).click();
  await page.getByRole('menuitem', { name: /^(Log out|Đăng xuất)$/ }).click();
  await expect(page).toHaveURL(/\/login/);
}

test('the mentor schedules and reschedules a session in Vietnam time; the fellow sees it and why they were matched, then cancels it', async ({
  page,
  request,
}, testInfo) => {
  const shot = (name: string) =>
    page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true, animations: 'disabled' });
  const code = Math.random().toString(36).slice(2, 8);
  const staff = await bearer(request, DEMO_STAFF);
  const cohortId = await openCohort(request, `VGBF Schedule ${code}`, staff);
  const [fellow, mentor] = await Promise.all([
    admittedFellow(request, cohortId, `Phạm Minh ${code}`),
    invitedMentor(request, staff, `Suzuki Aiko ${code}`),
  ]);
  await approvedPair(request, staff, cohortId, fellow, mentor);

  await logIn(page, mentor);
  await page.goto('/mentoring');
  const card = page.getByTestId('fellow-card');
  await expect(card.getByTestId('why-matched')).toContainText('Why you were matched');
  await expect(card.getByTestId('why-matched')).toContainText('Same sector');
  const upcoming = card.getByTestId('upcoming-sessions');
  await expect(upcoming).toContainText('No session scheduled yet.');

  // A time already past is refused next to its field, as the API says.
  await upcoming.getByRole('button', { name: '+ Schedule a session' }).click();
  const form = page.getByTestId('plan-form');
  await form.getByLabel('Date and time (Vietnam time, GMT+7)').fill(vietnamInput(-1, '14:00'));
  await form.getByRole('textbox', { name: 'Duration (minutes)' }).fill('45');
  await form.getByText('Phone', { exact: true }).click();
  await form.getByRole('textbox', { name: 'Agenda' }).fill('Distributor shortlist; visa for the second trip');
  await form.getByRole('button', { name: 'Schedule', exact: true }).click();
  await expect(form.getByText('Must be in the future.', { exact: true })).toBeVisible();
  await form.getByLabel('Date and time (Vietnam time, GMT+7)').fill(vietnamInput(2, '14:00'));
  await form.getByRole('button', { name: 'Schedule', exact: true }).click();
  const planned = upcoming.getByTestId('planned-session');
  await expect(planned).toHaveCount(1);
  // 14:00 in Hà Nội is 16:00 in Tokyo (GMT+9).
  await expect(planned.getByTestId('planned-session-time')).toContainText('14:00');
  await expect(planned.getByTestId('planned-session-time')).toContainText('(Vietnam time)');
  await expect(planned).toContainText('16:00');
  await expect(planned).toContainText('45 minutes · Phone');
  await expect(planned).toContainText('Distributor shortlist');

  // Rescheduled to 9:30 the next day.
  await planned.getByRole('button', { name: 'Reschedule' }).click();
  await planned.getByLabel('Date and time (Vietnam time, GMT+7)').fill(vietnamInput(3, '09:30'));
  await planned.getByRole('button', { name: 'Save the new time' }).click();
  await expect(planned.getByTestId('planned-session-time')).toContainText('09:30');
  await shot('mentor-scheduled');
  await logOut(page);

  // The fellow sees the same session and why they were matched; they cancel it.
  await logIn(page, fellow);
  await page.goto('/programme');
  const mentorCard = page.getByTestId('mentor-card');
  await expect(mentorCard.getByTestId('why-matched')).toContainText('Same sector');
  const theirs = mentorCard.getByTestId('planned-session');
  await expect(theirs).toHaveCount(1);
  await expect(theirs.getByTestId('planned-session-time')).toContainText('09:30');
  await expect(theirs).toContainText('Distributor shortlist');
  await theirs.getByRole('button', { name: 'Cancel the session' }).click();
  await expect(theirs).toHaveAttribute('data-status', 'cancelled');
  await expect(theirs).toContainText('Cancelled');
  await expect(theirs.getByRole('button', { name: 'Reschedule' })).toHaveCount(0);
  await shot('fellow-cancelled');
});
