import { type APIRequestContext, type Page, expect, test } from '@playwright/test';
import { admittedFellow, approvedPair, invitedMentor } from './programme-setup';
import { DEMO_STAFF, bearer, logIn, openCohort, openFromNavigation } from './support';

type Headers = { authorization: string };

/** Every active fellow of the cohort without a timeline gets one (the demo seed creates none). */
async function createTimelines(request: APIRequestContext, staff: Headers, cohortId: string): Promise<void> {
  const created = await request.post(`/api/v1/cohorts/${cohortId}/milestones/timelines`, { headers: staff });
  expect(created.status(), await created.text()).toBe(201);
}

/** The demo staff account reads Vietnamese; either language's words pass, so the test holds in both. */
const either = (en: string, vi: string, exact = true) => {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const body = `(${escape(en)}|${escape(vi)})`;
  return new RegExp(exact ? `^${body}$` : body);
};

async function logOut(page: Page) {
  await page.getByRole('button', { name: /: (account menu|menu tài khoản)$/ }).click();
  await page.getByRole('menuitem', { name: /^(Log out|Đăng xuất)$/ }).click();
  await expect(page).toHaveURL(/\/login/);
}

test('the staff dashboard renders its charts for the seeded cohort', async ({ page, request }, testInfo) => {
  const staff = await bearer(request, DEMO_STAFF);
  // The demo seed's cohort in its programme (VGBF <year>, status running), with its fellows, pairs and sessions.
  const cohorts = (await (await request.get('/api/v1/cohorts', { headers: staff })).json()) as Array<{
    id: string;
    name: string;
    status: string;
  }>;
  const running = cohorts.find((c) => c.status === 'running' && /^VGBF \d{4}$/.test(c.name));
  expect(running, 'the demo seed’s running cohort').toBeDefined();
  const cohortId = (running as { id: string }).id;
  await createTimelines(request, staff, cohortId);

  await logIn(page, DEMO_STAFF);
  await openFromNavigation(page, either('Cohort dashboard', 'Tổng quan khóa'));
  await expect(page).toHaveURL(/\/staff\/dashboard/);
  await page.goto(`/staff/dashboard?cohortId=${cohortId}`);
  await expect(page.getByRole('heading', { name: either('Cohort dashboard', 'Tổng quan khóa') })).toBeVisible();

  // Each chart is an SVG drawn with data: bars, areas and donut sectors with real geometry.
  const funnel = page.getByTestId('chart-funnel');
  await expect(funnel.locator('svg.recharts-surface').first()).toBeVisible();
  await expect(funnel.locator('.recharts-bar-rectangle path').first()).toHaveAttribute('d', /\d/);
  expect(await funnel.locator('.recharts-bar-rectangle').count()).toBeGreaterThanOrEqual(6);
  await expect(
    funnel.locator('.recharts-cartesian-axis-tick-value').filter({ hasText: either('Fellows', 'Học viên') }),
  ).toBeVisible();

  const milestones = page.getByTestId('chart-milestones');
  await expect(milestones.locator('path.recharts-area-area').first()).toHaveAttribute('d', /\d/);
  // Due and approved: an area each.
  expect(await milestones.locator('path.recharts-area-area').count()).toBeGreaterThanOrEqual(2);

  const sessions = page.getByTestId('chart-sessions');
  await expect(sessions.locator('.recharts-bar-rectangle path').first()).toHaveAttribute('d', /\d/);
  expect(await sessions.locator('.recharts-bar-rectangle').count()).toBeGreaterThanOrEqual(2);

  for (const dimension of ['hub', 'region', 'sector']) {
    const chart = page.getByTestId(`chart-${dimension}`);
    await expect(chart.locator('.recharts-bar-rectangle path').first()).toHaveAttribute('d', /\d/);
  }
  await expect(page.getByTestId('chart-gender').locator('.recharts-pie-sector').first()).toBeVisible();

  // The at-risk list says why each fellow is flagged (the seed puts a few at risk on purpose).
  const atRisk = page.getByTestId('at-risk');
  await expect(atRisk.getByTestId('at-risk-fellow').first()).toBeVisible();
  await expect(atRisk.getByTestId('flag-reasons').first()).not.toBeEmpty();
  await expect(page.getByTestId('upcoming-reminders')).toBeVisible();
  // A page of 10 at a time, the title counting them all; a pager when there are more.
  type AtRiskPage = { items: Array<{ fullName: string }>; meta: { total: number; pageCount: number } };
  const pageOf = async (n: number) =>
    (await (
      await request.get(`/api/v1/cohorts/${cohortId}/at-risk?page=${n}&pageSize=10`, { headers: staff })
    ).json()) as AtRiskPage;
  const first = await pageOf(1);
  await expect(atRisk.getByTestId('at-risk-fellow')).toHaveCount(first.items.length);
  await expect(atRisk.getByRole('heading', { level: 2 })).toContainText(String(first.meta.total));
  await expect(atRisk.getByTestId('at-risk-pages')).toHaveCount(first.meta.pageCount > 1 ? 1 : 0);
  if (first.meta.pageCount > 1) {
    const second = await pageOf(2);
    await atRisk.getByTestId('at-risk-pages').getByRole('button', { name: '2', exact: true }).click();
    await expect(atRisk.getByTestId('at-risk-fellow').first()).toContainText(second.items[0].fullName);
    await expect(atRisk.getByTestId('at-risk-fellow')).toHaveCount(second.items.length);
    await atRisk.getByTestId('at-risk-pages').getByRole('button', { name: '1', exact: true }).click();
    await expect(atRisk.getByTestId('at-risk-fellow').first()).toContainText(first.items[0].fullName);
  }

  // Staff acknowledge a flag with what they do about it; the note stays with the flag. (An
  // acknowledged flag's note can be changed, so the test runs again on the same database.)
  const flag = atRisk.getByTestId('at-risk-flag').first();
  const note = `Called the fellow; new dates agreed (${Date.now()}).`;
  await flag.getByRole('button', { name: /^(Acknowledge|Ghi nhận|Change the note|Sửa ghi chú)$/ }).click();
  await flag.getByRole('textbox').fill(note);
  await flag.getByRole('button', { name: either('Save acknowledgement', 'Lưu ghi nhận') }).click();
  await expect(atRisk.getByTestId('acknowledgement').filter({ hasText: note })).toBeVisible();

  await page.screenshot({ path: testInfo.outputPath('dashboard.png'), fullPage: true, animations: 'disabled' });
  await testInfo.attach('dashboard', { path: testInfo.outputPath('dashboard.png'), contentType: 'image/png' });

  // A report requested here is generated by the worker; its row ends with a download link.
  const reports = page.getByTestId('reports');
  await reports.getByRole('button', { name: either('Request report', 'Yêu cầu báo cáo') }).click();
  const newest = reports.getByTestId('report-row').first();
  await expect(newest).toContainText(either('Cohort progress', 'Tiến độ khóa', false));
  await expect(newest.getByTestId('report-download')).toBeVisible({ timeout: 30_000 });
  await expect(newest.getByTestId('report-download')).toHaveAttribute('href', /\/api\/v1\/reports\/.+\/download$/);
});

test('a fellow submits evidence and their mentor approves it', async ({ page, request }, testInfo) => {
  const shot = (name: string) =>
    page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true, animations: 'disabled' });
  const code = Math.random().toString(36).slice(2, 8);
  const staff = await bearer(request, DEMO_STAFF);
  const cohortId = await openCohort(request, `VGBF Milestones ${code}`, staff);
  // The fellow started 30 days ago: the market immersion plan (a month in, reviewed by the mentor) is due now.
  const [fellow, mentor] = await Promise.all([
    admittedFellow(request, cohortId, `Trần Minh Anh ${code}`),
    invitedMentor(request, staff, `Sato Yuki ${code}`),
  ]);
  await approvedPair(request, staff, cohortId, fellow, mentor);
  await createTimelines(request, staff, cohortId);
  const evidence = `Visited 12 importers in Osaka; shortlisted 3 for a trial order (${code}).`;

  // The fellow opens their milestones from the navigation and submits text evidence.
  await logIn(page, fellow);
  await openFromNavigation(page, 'My milestones');
  await expect(page).toHaveURL(/\/milestones$/);
  const plan = page.locator('[data-testid="milestone"][data-code="market_immersion_plan"]');
  await expect(plan.getByRole('heading', { name: /Market immersion plan/ })).toBeVisible();
  await expect(plan.getByTestId('milestone-status')).toHaveText(/Due soon|Upcoming|Overdue/);
  await plan.getByRole('textbox', { name: 'What you did' }).fill(evidence);
  await plan.getByRole('button', { name: 'Submit evidence' }).click();
  await expect(plan.getByTestId('milestone-status')).toHaveText('Submitted');
  await expect(plan.getByTestId('evidence-text')).toHaveText(evidence);
  await shot('fellow-submitted');
  await logOut(page);

  // The mentor finds it in their review queue, with the evidence, and approves it.
  await logIn(page, mentor);
  await openFromNavigation(page, 'Milestone reviews');
  await expect(page).toHaveURL(/\/reviews\/milestones$/);
  const item = page.getByTestId('queue-item').filter({ hasText: fellow.fullName });
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('Market immersion plan');
  await expect(item.getByTestId('evidence-text')).toHaveText(evidence);
  // Asking for changes needs a comment: nothing is sent without one.
  await item.getByRole('button', { name: 'Request changes' }).click();
  await expect(item.getByText('Write what should change.')).toBeVisible();
  await item.getByRole('textbox', { name: 'Comment' }).fill('Clear and concrete. Well done.');
  await item.getByRole('button', { name: 'Approve' }).click();
  await expect(item).toHaveCount(0);
  await shot('mentor-approved');
  await logOut(page);

  // The fellow sees it approved, with the mentor's comment.
  await logIn(page, fellow);
  await page.goto('/programme');
  const approved = page.locator('[data-testid="milestone"][data-code="market_immersion_plan"]');
  await expect(approved.getByTestId('milestone-status')).toHaveText('Approved');
  await expect(approved.getByTestId('milestone-review')).toContainText('Approved by the mentor');
  await expect(approved.getByTestId('milestone-review')).toContainText('Clear and concrete. Well done.');
  await expect(approved.getByTestId('evidence-form')).toHaveCount(0);
  await shot('fellow-approved');
});

test("staff grant an extension and waive a milestone from a fellow's timeline", async ({ page, request }) => {
  const code = Math.random().toString(36).slice(2, 8);
  const staff = await bearer(request, DEMO_STAFF);
  const cohortId = await openCohort(request, `VGBF Timeline ${code}`, staff);
  const fellow = await admittedFellow(request, cohortId, `Đỗ Hải Yến ${code}`);
  await createTimelines(request, staff, cohortId);

  await logIn(page, DEMO_STAFF);
  await page.goto(`/staff/fellows/${fellow.id}/milestones`);
  await expect(page.getByRole('heading', { name: either('Milestones of', 'Cột mốc của', false) })).toContainText(
    fellow.fullName,
  );
  const meetings = page.locator('[data-testid="milestone"][data-code="first_partner_meetings"]');
  const dueBefore = await meetings.getByTestId('milestone-due').innerText();
  await meetings.getByRole('button', { name: either('Grant an extension', 'Gia hạn') }).click();
  await meetings.getByRole('textbox', { name: either('Days', 'Số ngày') }).fill('14');
  await meetings.getByRole('textbox', { name: either('Reason', 'Lý do', false) }).fill('Partner fair moved by a month');
  await meetings.getByRole('button', { name: either('Extend', 'Gia hạn', false) }).click();
  await expect(meetings.getByTestId('milestone-due')).toContainText(
    either('extended by 14 days', 'đã gia hạn 14 ngày', false),
  );
  expect(await meetings.getByTestId('milestone-due').innerText()).not.toBe(dueBefore);

  // Issue 12: the final presentation now falls on the end date; a week more would outlast the year.
  // The dialog shows the new dates and will not extend until staff confirm moving the end date too.
  const mou = page.locator('[data-testid="milestone"][data-code="partner_mou"]');
  await mou.getByRole('button', { name: either('Grant an extension', 'Gia hạn') }).click();
  await mou.getByRole('textbox', { name: either('Days', 'Số ngày') }).fill('7');
  await mou.getByRole('textbox', { name: either('Reason', 'Lý do', false) }).fill('Signing ceremony postponed');
  await expect(mou.getByTestId('extension-preview')).toContainText(either('New due dates', 'Hạn mới', false));
  await expect(mou.getByTestId('extension-end-date')).toBeVisible();
  const extendMou = mou.getByRole('button', { name: either('Extend', 'Gia hạn', false) });
  await expect(extendMou).toBeDisabled();
  await mou.getByRole('checkbox', { name: either('Also move the end date', 'Dời cả ngày kết thúc', false) }).check();
  await expect(extendMou).toBeEnabled();
  await extendMou.click();
  await expect(mou.getByTestId('milestone-due')).toContainText(
    either('extended by 7 days', 'đã gia hạn 7 ngày', false),
  );

  const esg = page.locator('[data-testid="milestone"][data-code="esg_practice_report"]');
  await esg.getByRole('button', { name: either('Waive', 'Miễn') }).click();
  await esg.getByRole('textbox', { name: either('Reason', 'Lý do', false) }).fill('Host partner covers ESG reporting');
  await esg.getByRole('button', { name: either('Waive this milestone', 'Miễn cột mốc này') }).click();
  await expect(esg.getByTestId('milestone-status')).toHaveText(either('Waived', 'Được miễn'));
  await expect(esg).toContainText('Host partner covers ESG reporting');
});
