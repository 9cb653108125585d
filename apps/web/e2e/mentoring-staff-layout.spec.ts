import { type Page, expect, test } from '@playwright/test';
import { DEMO_STAFF, bearer, logIn, openCohort } from './support';

// The laptop size staff work on: nothing may be cut off at 1366 px.
test.use({ viewport: { width: 1366, height: 900 } });

/** Every badge (statuses, hub chips, reasons) whose text does not fit its box, with its text. */
async function clippedBadges(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.mantine-Badge-root, .mantine-Badge-label'))
      .filter((el) => el.offsetParent !== null && el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${el.className.split(' ')[0]}: ${el.textContent ?? ''} (${el.scrollWidth} > ${el.clientWidth})`),
  );
}

async function runningCohort(request: Parameters<typeof bearer>[0]): Promise<{ id: string; name: string }> {
  const staff = await bearer(request, DEMO_STAFF);
  const cohorts = (await (await request.get('/api/v1/cohorts', { headers: staff })).json()) as Array<{
    id: string;
    name: string;
    status: string;
  }>;
  const running = cohorts.find((c) => c.status === 'running' && /^VGBF \d{4}$/.test(c.name));
  expect(running, 'the demo seed’s running cohort').toBeDefined();
  return running as { id: string; name: string };
}

test('status badges and hub chips of the staff programme pages and the dashboard are not cut off at 1366 px', async ({
  page,
  request,
}) => {
  const cohort = await runningCohort(request);
  await logIn(page, DEMO_STAFF);
  const seen: Record<string, number> = {};
  for (const path of [
    '/staff/placement',
    '/staff/matching',
    '/staff/mentoring',
    '/staff/mentors',
    '/staff/dashboard',
  ]) {
    await page.goto(`${path}?cohortId=${cohort.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    seen[path] = await page.locator('.mantine-Badge-root').count();
    expect(await clippedBadges(page), path).toEqual([]);
  }
  console.log('badges checked per page at 1366 px:', JSON.stringify(seen));
  // The detector does see a cut-off badge (so an empty list above means something).
  await page.evaluate(() => {
    const badge = document.querySelector<HTMLElement>('.mantine-Badge-root');
    if (badge) badge.style.maxWidth = '24px';
  });
  expect((await clippedBadges(page)).length).toBeGreaterThan(0);
  // The check looked at real badges: the seeded cohort's placements, pairs and mentors carry them.
  expect(seen['/staff/placement'] + seen['/staff/matching'] + seen['/staff/mentors']).toBeGreaterThan(5);
});

test('the dashboard lists only the reports of the cohort it shows', async ({ page, request }) => {
  const cohort = await runningCohort(request);
  const staff = await bearer(request, DEMO_STAFF);
  const other = `VGBF Other ${Math.random().toString(36).slice(2, 7)}`;
  const otherId = await openCohort(request, other, staff);
  const res = await request.post('/api/v1/reports', {
    headers: staff,
    data: { kind: 'cohort_progress', format: 'csv', cohortId: otherId },
  });
  expect(res.status()).toBe(201);

  await logIn(page, DEMO_STAFF);
  await page.goto(`/staff/dashboard?cohortId=${cohort.id}`);
  const reports = page.getByTestId('reports');
  await reports.getByRole('button', { name: /^(Request|Yêu cầu)/ }).click();
  await expect(reports.getByTestId('report-row').filter({ hasText: cohort.name }).first()).toBeVisible();
  await expect(reports.getByTestId('report-row').filter({ hasText: other })).toHaveCount(0);
  // On the other cohort's dashboard, its report is there.
  await page.goto(`/staff/dashboard?cohortId=${otherId}`);
  await expect(page.getByTestId('reports').getByTestId('report-row').filter({ hasText: other })).toHaveCount(1);
});
