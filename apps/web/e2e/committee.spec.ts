import { type Page, expect, test } from '@playwright/test';
import {
  type CandidateSpec,
  inBatches,
  invitedReviewer,
  moveCohort,
  post,
  referenceOf,
  submittedApplicants,
} from './committee-setup';
import { DEMO_STAFF, bearer, invitedStaff, logIn, openCohort, openFromNavigation } from './support';

const PROVINCES = ['Hà Nội', 'Đà Nẵng', 'Cần Thơ'];
const CANDIDATES = 52;

async function choose(page: Page, label: string | RegExp, option: string | RegExp) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

async function logOut(page: Page) {
  await page.getByRole('button', { name: /: (account menu|menu tài khoản)$/ }).click();
  await page.getByRole('menuitem', { name: /^(Log out|Đăng xuất)$/ }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** Interview scores: the first candidate is the best on every criterion, the last two the weakest. */
function interview(codes: string[], i: number): Record<string, number> {
  return Object.fromEntries(codes.map((code, k) => [code, i === 0 ? 5 : i >= CANDIDATES - 2 ? 1 : 2 + ((i + k) % 3)]));
}

test('a reviewer scores an assigned application; staff run selection and confirm it; the offered applicant accepts in the browser', async ({
  page,
  request,
}, testInfo) => {
  // The whole committee year in one journey (52 applicants set up, two selection runs, a reload): more than a minute on a busy machine.
  test.slow();
  const code = Math.random()
    .toString(36)
    .replace(/[^a-z]/g, '')
    .slice(0, 6);
  const shot = (name: string) =>
    page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true, animations: 'disabled' });

  // Set up through the API: a cohort, two invited reviewers, 52 submitted applications in review.
  const staff = await bearer(request, DEMO_STAFF);
  const cohortId = await openCohort(request, `VGBF Committee ${code}`, staff);
  const specs: CandidateSpec[] = Array.from({ length: CANDIDATES }, (_, i) => ({
    gender: i % 2 === 0 ? 'female' : 'male',
    province: PROVINCES[i % 3],
    hubs: i % 2 === 0 ? ['SG', 'JP', 'KR'] : ['JP', 'SG', 'EU'],
  }));
  const [reviewer, colleague, applicants] = await Promise.all([
    invitedReviewer(request, staff, 'Phan Thanh Liêm'),
    invitedReviewer(request, staff, 'Hồ Ngọc Diệp'),
    submittedApplicants(request, cohortId, code, specs),
  ]);
  const top = applicants[0];
  await moveCohort(request, staff, cohortId, 'reviewing');
  const deadline = new Date(Date.now() + 7 * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 16);
  const round = (await (
    await request.patch(`/api/v1/cohorts/${cohortId}/review-round`, {
      headers: staff,
      data: { reviewersPerApplication: 1, reviewDeadline: deadline },
    })
  ).json()) as { rubric: { criteria: Array<{ code: string; title: { en: string } }> } };
  const criteria = round.rubric.criteria;
  expect(criteria.length).toBeGreaterThan(0);
  // Our reviewer gets three applications (the best one among them), their colleague the rest.
  const assignments = await inBatches(applicants, 8, (a, i) =>
    post(
      request,
      staff,
      `/api/v1/cohorts/${cohortId}/assignments`,
      { applicationId: a.applicationId, reviewerId: i < 3 ? reviewer.id : colleague.id },
      201,
    ),
  );
  const topRef = referenceOf(assignments[0]);

  // The reviewer finds their assignments in the navigation and scores the best application, blind.
  await logIn(page, reviewer);
  await openFromNavigation(page, 'My reviews');
  await expect(page.getByTestId('progress')).toHaveText('0 of 3 reviewed');
  await expect(page.getByTestId('review-deadline')).toContainText('(Vietnam time)');
  await expect(page.getByTestId('assignment')).toHaveCount(3);
  await shot('reviews');
  // Nothing on the list names an applicant or their enterprise.
  await expect(page.getByText(top.fullName)).toHaveCount(0);
  await expect(page.getByText(top.enterprise)).toHaveCount(0);
  await page
    .getByTestId('assignment')
    .filter({ hasText: `Application ${topRef}` })
    .getByRole('link', { name: 'Review' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Review · application ${topRef}`);
  // The essay named its author and enterprise: the reviewer reads it redacted, in their language.
  await expect(page.getByTestId('essay-motivation')).toHaveText(
    'Tôi là [hidden], sáng lập [hidden]. Đưa nông sản Việt ra thế giới.',
  );
  await expect(page.getByText(top.fullName)).toHaveCount(0);
  await expect(page.getByText(top.enterprise)).toHaveCount(0);
  for (const criterion of criteria) {
    await page.getByRole('radiogroup', { name: criterion.title.en }).getByRole('radio', { name: '5' }).check();
  }
  await page.getByRole('textbox', { name: 'Comment' }).fill('Kế hoạch rõ ràng, đội ngũ mạnh.');
  await page
    .getByRole('radiogroup', { name: 'Overall recommendation' })
    .getByRole('radio', { name: 'Strong yes' })
    .check();
  await page.getByRole('button', { name: 'Save my review' }).click();
  await expect(page.getByTestId('review-saved')).toHaveText('Review saved. Weighted score: 5.00.');
  await shot('review');
  await page.getByRole('link', { name: 'Back to my reviews' }).click();
  await expect(page.getByTestId('progress')).toHaveText('1 of 3 reviewed');
  await logOut(page);

  // The committee shortlists and interviews everyone (API), then the cohort moves to selection.
  const codes = criteria.map((c) => c.code);
  await inBatches(applicants, 8, async (a, i) => {
    const url = `/api/v1/applications/${a.applicationId}/decisions`;
    await post(request, staff, url, { decision: 'shortlist', rationale: 'Hồ sơ tốt' });
    await post(request, staff, url, {
      decision: 'interviewed',
      rationale: 'Phỏng vấn xong',
      interviewScores: interview(codes, i),
    });
  });
  await moveCohort(request, staff, cohortId, 'selecting');

  // Staff (their account speaks Vietnamese) look at the board and decide, then select: an impossible
  // quota first, then a fair one; preview an offer; confirm.
  await logIn(page, DEMO_STAFF);
  await page.goto(`/staff/committee?cohortId=${cohortId}`);
  await expect(page.getByTestId('ranking-count')).toHaveText(`${CANDIDATES} hồ sơ`);
  await shot('committee');
  // Each interviewed applicant shows the interview's weighted score next to the reviews (the best scored 5 on every criterion).
  const topRow = page.getByTestId('ranking-table').getByRole('row').filter({ hasText: top.fullName });
  await expect(topRow.getByTestId('interview-score')).toHaveText('5.00');
  await page.getByTestId('ranking-table').getByRole('button', { name: top.fullName }).click();
  await expect(page.getByTestId('breakdown')).toContainText('Phan Thanh Liêm · Rất nên chọn');
  await expect(page.getByTestId('breakdown-interview')).toHaveText('Phỏng vấn: 5.00');
  await expect(page.getByTestId('breakdown-table')).toContainText('5.00');
  await page.screenshot({ path: testInfo.outputPath('committee-breakdown.png'), animations: 'disabled' });
  await page.keyboard.press('Escape');
  // The weakest candidate is rejected from the board: not without a rationale. The board shows 25 rows a page
  // (the count is the whole board's); staff turn to the page that holds the candidate's rank.
  const last = applicants[CANDIDATES - 1];
  const board = (await (
    await request.get(`/api/v1/cohorts/${cohortId}/ranking?pageSize=100`, { headers: staff })
  ).json()) as { items: Array<{ applicationId: string; rank: number }> };
  const rank = board.items.find((row) => row.applicationId === last.applicationId)?.rank ?? 0;
  const onPage = Math.ceil(rank / 25);
  await expect(page.getByTestId('ranking-table').getByRole('row')).toHaveCount(26);
  if (onPage > 1)
    await page
      .getByTestId('ranking-pages')
      .getByRole('button', { name: String(onPage), exact: true })
      .click();
  await expect(page.getByTestId('ranking-table').getByRole('row').nth(1).getByRole('cell').first()).toHaveText(
    String((onPage - 1) * 25 + 1),
  );
  await expect(page.getByTestId('ranking-count')).toHaveText(`${CANDIDATES} hồ sơ`);
  await page.getByTestId('ranking-table').getByRole('button', { name: last.fullName }).click();
  const decision = page.getByTestId('decision-form');
  await decision.getByRole('button', { name: 'Loại' }).click();
  await expect(decision).toContainText('Vui lòng điền thông tin này.');
  await decision.getByRole('textbox', { name: 'Lý do' }).fill('Ứng viên rút lui sau phỏng vấn.');
  await decision.getByRole('button', { name: 'Loại' }).click();
  await expect(page.getByTestId('breakdown').getByTestId('status')).toHaveText('Không được chọn');
  await page.keyboard.press('Escape');

  // Staff preview what the best candidate's reviewers read: blind and redacted, in staff's language.
  await page.goto(`/staff/applications/${top.applicationId}`);
  const preview = page.getByTestId('blind-preview');
  await preview.getByRole('button', { name: 'Xem' }).click();
  await expect(preview.getByTestId('essay-motivation')).toHaveText(
    'Tôi là [đã ẩn], sáng lập [đã ẩn]. Đưa nông sản Việt ra thế giới.',
  );
  await expect(preview.getByText(top.enterprise)).toHaveCount(0);

  await page.goto(`/staff/selection?cohortId=${cohortId}`);
  const constraints = page.getByTestId('constraints');
  await constraints.getByText('Phỏng vấn', { exact: true }).click();
  await page.getByRole('textbox', { name: 'Quy mô khóa' }).fill('50');
  await page.getByRole('button', { name: 'Thêm tỷ lệ' }).click();
  await choose(page, /^Theo$/, 'Giới tính');
  await choose(page, /^Giá trị$/, 'Nữ');
  await page.getByRole('textbox', { name: 'Ít nhất', exact: true }).fill('90');
  await page.getByRole('button', { name: 'Chạy tuyển chọn' }).click();
  await expect(page.getByTestId('clash')).toContainText('Ít nhất 90 % Nữ');
  await page.getByRole('textbox', { name: 'Ít nhất', exact: true }).fill('40');
  await page.getByRole('button', { name: 'Chạy tuyển chọn' }).click();
  const proposal = page.getByTestId('proposal');
  await expect(proposal.getByTestId('selected-count')).toHaveText('50');
  await expect(proposal.getByTestId('prices')).toContainText('Ít nhất 40 % Nữ');
  await expect(proposal.getByTestId('waitlist').getByRole('row')).toHaveCount(2);
  // The proposal and its constraints survive a reload: the server kept them.
  await page.reload();
  await expect(page.getByTestId('latest-shown')).toBeVisible();
  await expect(proposal.getByTestId('selected-count')).toHaveText('50');
  await expect(page.getByRole('textbox', { name: 'Ít nhất', exact: true })).toHaveValue('40 %');
  await expect(page.getByRole('textbox', { name: 'Quy mô khóa' })).toHaveValue('50');
  // A second run, compared side by side with the first.
  await page.getByRole('textbox', { name: 'Ít nhất', exact: true }).fill('50');
  await page.getByRole('button', { name: 'Chạy tuyển chọn' }).click();
  await expect(proposal.getByTestId('prices')).toContainText('Ít nhất 50 % Nữ');
  const compare = page.getByTestId('proposal-compare');
  await expect(compare.getByTestId('compare-table')).toContainText('Tổng điểm');
  await expect(compare.getByTestId('compare-table').getByRole('row', { name: /^Được chọn/ })).toHaveText(
    /Được chọn\s*50\s*50/,
  );
  await expect(compare.getByTestId('compare-table').getByRole('row', { name: /^Nữ/ })).toContainText('50 %');
  // One proposal on the page: the newest run replaced the one shown before it.
  await expect(proposal).toHaveCount(1);
  await shot('selection-compare');
  await proposal.getByRole('button', { name: `Thư mời gửi ${top.fullName}` }).click();
  await expect(page.getByTestId('offer-preview')).toContainText(top.email);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await shot('selection-proposal');
  await page.getByRole('button', { name: 'Xác nhận và gửi thư mời' }).click();
  await page.getByRole('button', { name: 'Xác nhận và gửi', exact: true }).click();
  await expect(page.getByTestId('confirmed')).toContainText('Đã gửi 50 thư mời, 1 người trong danh sách chờ');
  await expect(page.getByTestId('seats-held')).toHaveText('Đã giữ 50 / 50 chỗ');
  await expect(page.getByTestId('offers')).toContainText(top.fullName);
  await expect(page.getByRole('dialog')).toBeHidden();
  await shot('selection-confirmed');
  await logOut(page);

  // The best candidate sees the offer with its deadline and accepts it.
  await logIn(page, top);
  await openFromNavigation(page, 'My applications');
  await page.getByTestId('my-application').getByRole('link', { name: 'View status' }).click();
  const offer = page.getByTestId('offer');
  await expect(offer.getByTestId('offer-deadline')).toContainText('(Vietnam time)');
  await offer.getByRole('button', { name: 'Accept the offer' }).click();
  await page.getByRole('button', { name: 'Yes, accept' }).click();
  await expect(offer.getByTestId('offer-status')).toHaveText('Accepted');
  await expect(page.getByTestId('status')).toHaveText('Accepted');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`My application · VGBF Committee ${code}`);
  await expect(page.getByRole('dialog')).toBeHidden();
  await shot('offer-accepted');
});

// The demo's selecting cohort has interviewed applicants: an English-speaking staff member reads their
// interview score on the board and, per criterion, in the breakdown.
test('the ranking board shows interview scores in English', async ({ page, request }) => {
  const staff = await bearer(request, DEMO_STAFF);
  const cohorts = (await (await request.get('/api/v1/cohorts', { headers: staff })).json()) as Array<{
    id: string;
    name: string;
    status: string;
  }>;
  const selecting = cohorts.find((c) => c.status === 'selecting' && /^VGBF \d{4}$/.test(c.name));
  expect(selecting, 'the demo seed’s selecting cohort').toBeDefined();
  // The board's first page, as the page shows it.
  const ranking = (
    (await (await request.get(`/api/v1/cohorts/${selecting?.id}/ranking`, { headers: staff })).json()) as {
      items: Array<{ fullName: string; interview: { score: number } | null }>;
    }
  ).items;
  // One whose name no other applicant of the board shares, so the row is found by it.
  const interviewed = ranking.find(
    (row) => row.interview && ranking.filter((other) => other.fullName === row.fullName).length === 1,
  );
  expect(interviewed, 'an interviewed applicant with scores').toBeDefined();
  const expected = interviewed?.interview?.score.toFixed(2) ?? '';

  await logIn(page, await invitedStaff(request, 'en'));
  await page.goto(`/staff/committee?cohortId=${selecting?.id}`);
  const table = page.getByTestId('ranking-table');
  await expect(table.getByRole('columnheader', { name: 'Interview' })).toBeVisible();
  const row = table
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name: interviewed?.fullName, exact: true }) });
  await expect(row.getByTestId('interview-score')).toHaveText(expected);
  await row.getByRole('button', { name: interviewed?.fullName, exact: true }).click();
  await expect(page.getByTestId('breakdown-interview')).toHaveText(`Interview: ${expected}`);
  await expect(page.getByTestId('breakdown-table').getByRole('columnheader', { name: 'Interview' })).toBeVisible();
});
