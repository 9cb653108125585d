import { expect, test } from '@playwright/test';
import { admittedFellow } from './programme-setup';
import { DEMO_STAFF, bearer, createVerifiedUser, logIn, openCohort, openFromNavigation } from './support';

/** The demo staff account reads Vietnamese; either language's words pass, so the test holds in both. */
const either = (en: string, vi: string) =>
  new RegExp(`^(${[en, vi].map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`);

test('staff land on the cohort cockpit; a count leads to its work; the cohort is remembered across pages', async ({
  page,
  request,
}) => {
  const code = Date.now().toString(36);
  const staff = await bearer(request, DEMO_STAFF);
  const name = `VGBF Cockpit ${code}`;
  const cohortId = await openCohort(request, name, staff);
  // Two fellows without a hub: the cockpit shows 2 "without a hub" for this cohort.
  await admittedFellow(request, cohortId, `Ngô Thị Lan ${code}`);
  await admittedFellow(request, cohortId, `Vũ Minh Khoa ${code}`);

  await logIn(page, DEMO_STAFF);
  await expect(page.getByRole('heading', { name: either('Cohort cockpit', 'Bảng điều phối các khóa') })).toBeVisible();
  const card = page.getByTestId('cockpit-cohort').filter({ has: page.getByRole('heading', { name, exact: true }) });
  await expect(card.getByRole('list', { name: new RegExp(name) }).locator('[aria-current="step"]')).toHaveText(
    either('Open', 'Nhận hồ sơ'),
  );
  const unplaced = card.getByTestId('attention-placementsUnconfirmed');
  await expect(unplaced).toContainText('2');
  await expect(card.getByTestId('attention-applicationsToCheck')).toHaveCount(0);
  await unplaced.getByRole('link').click();

  await expect(page).toHaveURL(new RegExp(`/staff/placement\\?cohortId=${cohortId}$`));
  await expect(page).toHaveTitle(either('Hub placement · VGBF Cohort', 'Phân bổ hub · VGBF Cohort'));
  const trail = page.getByRole('navigation', { name: either('You are here', 'Bạn đang ở đây') });
  await expect(trail).toContainText(/Placement & mentors|Phân bổ & cố vấn/);
  await expect(page.getByTestId('cohort-switcher')).toHaveValue(name);

  // The current cohort follows staff to the next page of the navigation.
  await openFromNavigation(page, either('Mentoring pairs', 'Các cặp cố vấn'));
  await expect(page).toHaveURL(new RegExp(`/staff/mentoring\\?cohortId=${cohortId}$`));

  // Switching the cohort keeps the page and changes the cohort.
  const cohorts = (await (await request.get('/api/v1/cohorts', { headers: staff })).json()) as Array<{
    id: string;
    name: string;
  }>;
  const other = cohorts.find((c) => c.id !== cohortId)!;
  // On a phone the navigation is a drawer that closes once the link followed above has changed the page
  // (an effect, just after the URL): wait for that before opening it again, or the switcher slides away.
  const burger = page.locator('button[aria-controls="navigation"]');
  if (await burger.isVisible()) {
    await expect(burger).toHaveAttribute('aria-expanded', 'false');
    await burger.click();
    await expect(burger).toHaveAttribute('aria-expanded', 'true');
  }
  await page.getByTestId('cohort-switcher').click();
  await page.getByRole('option', { name: other.name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/staff/mentoring\\?cohortId=${other.id}$`));
  await page.goto('/staff/dashboard');
  await expect(page).toHaveURL(new RegExp(`/staff/dashboard\\?cohortId=${other.id}$`));

  // /admin/… is the app's (its not-found page), not the API's JSON.
  await page.goto('/admin/no-such-page');
  await expect(page.getByTestId('not-found')).toBeVisible();
  await expect(page.getByRole('heading', { name: either('Page not found', 'Không tìm thấy trang') })).toBeVisible();
});

test('an applicant opening a staff page is told, in their language, that it is not theirs', async ({
  page,
  request,
}) => {
  const applicant = await createVerifiedUser(request, 'vi', 'denied');
  // Nothing the shell loads for them is refused by the API (the cohort list is staff's).
  const refused: string[] = [];
  page.on('response', (response) => {
    if (response.url().includes('/api/') && response.status() === 403) refused.push(response.url());
  });
  await logIn(page, applicant);
  // Their navigation has their own work only.
  const burger = page.getByRole('button', { name: 'Mở điều hướng' });
  if (await burger.isVisible()) await burger.click();
  const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
  await expect(nav.getByRole('link', { name: 'Hồ sơ của tôi', exact: true })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Hồ sơ ứng tuyển', exact: true })).toHaveCount(0);

  await page.goto('/staff/committee');
  await expect(page.getByRole('heading', { name: 'Bạn không có quyền mở trang này' })).toBeVisible();
  await expect(page.getByTestId('forbidden')).toContainText('Cán bộ chương trình');
  await page.goto('/khong-co-trang-nay');
  await expect(page.getByRole('heading', { name: 'Không tìm thấy trang' })).toBeVisible();
  await expect(page).toHaveTitle('Không tìm thấy trang · VGBF Cohort');
  expect(refused).toEqual([]);
});
