import { type Page, expect, test } from '@playwright/test';
import { approvedPair, admittedFellow, invitedMentor, rate } from './programme-setup';
import { DEMO_STAFF, bearer, logIn, openCohort, openFromNavigation } from './support';

// The mentor lives in Tokyo: the session's time is typed and shown on their clock.
test.use({ timezoneId: 'Asia/Tokyo' });

/** "2027-10-02T14:00" in Tokyo, `days` from today. */
function tokyoInput(days: number, time: string): string {
  const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
  return `${day}T${time}`;
}

async function logOut(page: Page) {
  await page.getByRole('button', { name: /: (account menu|menu tài khoản)$/ }).click();
  await page.getByRole('menuitem', { name: /^(Log out|Đăng xuất)$/ }).click();
  await expect(page).toHaveURL(/\/login/);
}

test("a mentor logs a session; the fellow confirms and rates it; staff see it in the pair's activity", async ({
  page,
  request,
}, testInfo) => {
  const shot = (name: string) =>
    page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true, animations: 'disabled' });
  const code = Math.random().toString(36).slice(2, 8);
  const staff = await bearer(request, DEMO_STAFF);
  const cohortId = await openCohort(request, `VGBF Mentoring ${code}`, staff);
  const [fellow, mentor] = await Promise.all([
    admittedFellow(request, cohortId, `Lê Thị Thu ${code}`),
    invitedMentor(request, staff, `Tanaka Hiroshi ${code}`),
  ]);
  const pairingId = await approvedPair(request, staff, cohortId, fellow, mentor);

  // The mentor finds their fellow in the navigation.
  await logIn(page, mentor);
  await openFromNavigation(page, 'My fellows');
  await expect(page).toHaveURL(/\/mentoring$/);
  const card = page.getByTestId('fellow-card');
  await expect(card.getByRole('heading', { name: fellow.fullName })).toBeVisible();
  await expect(card).toContainText(fellow.enterprise);
  await expect(card.getByTestId('stat-sessionsThisMonth')).toContainText('0');

  // They log a session; a time in the future is refused next to its field, as the API says.
  await card.getByRole('button', { name: '+ Log a session' }).click();
  const form = page.getByTestId('session-form');
  await form.getByLabel('Date and time').fill(tokyoInput(1, '14:00'));
  await form.getByRole('textbox', { name: 'Duration (minutes)' }).fill('90');
  await form.getByText('In person', { exact: true }).click();
  await form.getByRole('combobox', { name: 'Topics' }).click();
  await page.getByRole('option', { name: 'Market entry' }).click();
  await page.getByRole('option', { name: 'Other' }).click();
  await page.keyboard.press('Escape');
  await form.getByRole('textbox', { name: 'Other topic' }).fill('Visa for a second trip');
  await form
    .getByRole('textbox', { name: 'Notes' })
    .fill('Met two distributors at Ota market; prices are 20 % above target.');
  await form.getByRole('button', { name: '+ Add an action item' }).click();
  await form.getByRole('textbox', { name: 'Action' }).fill('Send the distributor list to Hiroshi');
  await form.getByLabel('Due on').fill(tokyoInput(10, '00:00').slice(0, 10));
  await form.getByRole('button', { name: 'Save the session' }).click();
  await expect(form.getByText('Cannot be in the future.', { exact: true })).toBeVisible();

  await form.getByLabel('Date and time').fill(tokyoInput(-1, '14:00'));
  await form.getByRole('button', { name: 'Save the session' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Session logged' })).toBeVisible();
  const session = card.getByTestId('session');
  await expect(session).toHaveCount(1);
  await expect(session.getByTestId('session-when')).toContainText('14:00');
  await expect(session.getByTestId('session-when')).toContainText('GMT+9');
  await expect(session).toContainText('90 min · In person');
  await expect(session).toContainText('Visa for a second trip');
  await expect(session).toContainText('Send the distributor list to Hiroshi');
  await expect(session.getByTestId('session-status')).toHaveText('Waiting for the fellow to confirm');
  await expect(card.getByTestId('stat-unconfirmed')).toContainText('1');
  await expect(card.getByTestId('stat-hours')).toContainText('1.5');
  await shot('mentor-logged');
  await logOut(page);

  // The fellow confirms it with four stars and a comment.
  await logIn(page, fellow);
  await page.getByTestId('role-card-fellow').getByRole('link', { name: 'Open' }).click();
  await expect(page).toHaveURL(/\/programme$/);
  await expect(page.getByTestId('mentor-card').getByRole('heading', { name: mentor.fullName })).toBeVisible();
  await expect(page.getByTestId('mentor-card')).toContainText('Tokyo · Asia/Tokyo');
  const toConfirm = page.getByTestId('session-to-confirm');
  await expect(toConfirm).toContainText('Market entry');
  await toConfirm.getByRole('button', { name: 'Confirm and rate' }).click();
  await expect(toConfirm.getByText('Choose from 1 to 5 stars.')).toBeVisible();
  await rate(toConfirm, '4 of 5 stars');
  await toConfirm.getByRole('textbox', { name: 'Comment (optional)' }).fill('Very practical, thank you.');
  await toConfirm.getByRole('button', { name: 'Confirm and rate' }).click();
  await expect(page.getByTestId('session-to-confirm')).toHaveCount(0);
  await expect(page.getByText('Nothing to confirm.')).toBeVisible();
  const past = page.getByTestId('mentor-card').getByTestId('session');
  await expect(past.getByTestId('session-status')).toContainText('Confirmed ✓');
  await expect(past.getByTestId('session-status')).toContainText('★4/5');
  await shot('fellow-confirmed');

  await logOut(page);

  // Staff see it in the pair's activity: confirmed, rated 4, with the fellow's comment.
  await logIn(page, DEMO_STAFF);
  await page.goto(`/staff/mentoring/pairs/${pairingId}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(fellow.fullName);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(mentor.fullName);
  const row = page.getByTestId('session-row');
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('session-duration')).toContainText('90');
  await expect(row.getByTestId('session-topics')).toContainText('Visa for a second trip');
  await expect(row.getByTestId('session-rating')).toHaveText('★ 4/5');
  await expect(row).toContainText('Very practical, thank you.');
  await shot('staff-activity');
});
