import { type Browser, type BrowserContext, type Locator, type Page, expect, test } from '@playwright/test';
import { rate } from './programme-setup';
import { DEMO_STAFF, type TestUser, linkFromInbox, logIn, openFromNavigation, pdf, uniqueEmail } from './support';

/**
 * A cohort's whole year in the browser, one person per browser context, nothing through the API but
 * the mail inbox: staff set a cohort up from nothing and open it; an applicant registers, applies and
 * submits; two committee members score; staff shortlist, interview, select and send the offer; the
 * applicant accepts; staff start the programme, place and match; the mentor plans and logs a session
 * and the fellow confirms it; staff read the dashboard. The Playwright project "year" always records
 * its trace, every person's browser in one test-results/browser/whole-year-…/trace.zip (copied to
 * reports/whole-year-trace.zip by scripts/browser-test.sh).
 *
 * The applicant's enterprise is in healthcare, the sector of exactly two demo reviewers (Thomas
 * Becker and Priya Raman): with two reviewers per application the automatic assignment, which prefers
 * matching sectors, gives it to both of them, whatever other reviewers other specs invited.
 */

const DEMO_PASSWORD = 'VgbfDemo!2027';
const REVIEWERS: TestUser[] = [
  { email: 'thomas.becker@reviewers.vgbf.local', password: DEMO_PASSWORD, fullName: 'Thomas Becker' },
  { email: 'priya.raman@reviewers.vgbf.local', password: DEMO_PASSWORD, fullName: 'Priya Raman' },
];

/** A calendar day in Hà Nội, `days` from today (YYYY-MM-DD). */
const vietnamDay = (days: number) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(Date.now() + days * 86_400_000));

async function choose(page: Page, scope: Page | Locator, label: string | RegExp, option: string | RegExp) {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

async function person(
  browser: Browser,
  timezoneId = 'Asia/Ho_Chi_Minh',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'en-US', timezoneId, viewport: { width: 1280, height: 800 } });
  return { context, page: await context.newPage() };
}

/** Staff (the demo account reads Vietnamese) move the cohort on from its page, with a reason. */
async function moveCohort(page: Page, button: string, stage: string) {
  const lifecycle = page.getByTestId('lifecycle');
  await expect(lifecycle.getByRole('button', { name: button, exact: true })).toBeVisible();
  await lifecycle.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog
    .getByRole('textbox', { name: 'Lý do (ghi vào nhật ký kiểm toán)' })
    .fill('Năm trọn vẹn trên trình duyệt');
  await dialog.getByRole('button', { name: 'Xác nhận' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('stage')).toHaveText(stage);
}

test('a cohort’s whole year, from an empty cohort to the dashboard, in the browser only', async ({ page, browser }) => {
  test.setTimeout(300_000);
  const code = Math.random()
    .toString(36)
    .replace(/[^a-z]/g, '')
    .slice(0, 6);
  const cohortName = `VGBF Year ${code}`;
  const applicant: TestUser = {
    email: uniqueEmail('year'),
    password: 'cả một năm trên trình duyệt',
    fullName: `Trương Thị Năm ${code}`,
  };
  const enterprise = `Phòng khám Sao Mai ${code}`;
  const mentor: TestUser = {
    email: uniqueEmail('year-mentor'),
    password: 'người dẫn đường cả năm',
    fullName: `Watanabe Ken ${code}`,
  };
  let cohortId = '';
  const staffPage = (path: string) => page.goto(`${path}?cohortId=${cohortId}`);
  const cohortPage = () => page.goto(`/staff/cohorts/${cohortId}`);

  await test.step('staff create the cohort from nothing and open it', async () => {
    await logIn(page, DEMO_STAFF);
    await openFromNavigation(page, 'Khóa');
    await page.getByRole('link', { name: 'Tạo khóa mới' }).click();
    await page.getByRole('textbox', { name: /^Tên/ }).first().fill(cohortName);
    // 2024: listed (newest year first) after the demo's cohorts, so the axe sweep, which takes the
    // first running cohort of the list, keeps visiting the demo's.
    await page.getByRole('textbox', { name: 'Năm', exact: true }).fill('2024');
    await page.getByRole('textbox', { name: 'Quy mô dự kiến', exact: true }).fill('50');
    await page.getByText('12 tháng').click();
    await page.getByLabel('Mở nhận hồ sơ (giờ Việt Nam)').fill(`${vietnamDay(-1)}T08:00`);
    await page.getByLabel('Đóng nhận hồ sơ (giờ Việt Nam)').fill(`${vietnamDay(20)}T23:59`);
    await page.getByLabel('Ngày bắt đầu chương trình').fill(vietnamDay(120));

    await page.getByRole('button', { name: 'Thêm hub' }).click();
    const hub = page.getByTestId('hub-0');
    await hub.getByRole('textbox', { name: 'Mã', exact: true }).fill('SG');
    await hub.getByRole('textbox', { name: 'Tên (tiếng Anh)' }).fill(`Singapore ${code}`);
    await hub.getByRole('textbox', { name: 'Tên (tiếng Việt)' }).fill(`Singapore ${code}`);
    await hub.getByRole('textbox', { name: 'Thành phố', exact: true }).fill('Singapore');
    await hub.getByRole('textbox', { name: 'Sức chứa', exact: true }).fill('5');
    await hub.getByRole('textbox', { name: 'Múi giờ', exact: true }).fill('Asia/Singapore');
    await page.getByRole('textbox', { name: 'Không quá số tuổi này khi đóng nhận hồ sơ' }).fill('40');
    await page.getByRole('button', { name: 'Tạo khóa' }).click();
    await expect(page.getByRole('heading', { name: cohortName, level: 1 })).toBeVisible();
    await expect(page.getByTestId('stage')).toHaveText('Bản nháp');
    cohortId = page.url().split('/').pop() ?? '';
    expect(cohortId).toMatch(/^[0-9a-f-]{36}$/);

    // The rubric gets a criterion of its own; the milestone template a clearer first milestone.
    const rubric = page.getByTestId('rubric');
    await rubric.getByRole('button', { name: 'Thêm tiêu chí' }).click();
    const added = rubric.locator('[data-testid^="criterion-"]').last();
    await added.getByRole('textbox', { name: 'Mã', exact: true }).fill('resilience');
    await added.getByRole('textbox', { name: 'Tiêu chí (tiếng Việt)' }).fill('Sức bền');
    await added.getByRole('textbox', { name: 'Tiêu chí (tiếng Anh)' }).fill('Resilience');
    await added.getByRole('textbox', { name: 'Điểm 1 nghĩa là (tiếng Việt)' }).fill('Bỏ cuộc sớm');
    await added.getByRole('textbox', { name: 'Điểm 1 nghĩa là (tiếng Anh)' }).fill('Gives up early');
    await rubric.getByRole('button', { name: 'Lưu thang chấm' }).click();
    await expect(rubric.getByRole('status')).toHaveText('Đã lưu.');
    const milestones = page.getByTestId('milestones');
    await milestones
      .getByTestId('milestone-0')
      .getByRole('textbox', { name: 'Cột mốc (tiếng Anh)' })
      .fill('Arrival plan agreed with the hub');
    await milestones.getByRole('button', { name: 'Lưu mẫu' }).click();
    await expect(milestones.getByRole('status')).toHaveText('Đã lưu.');

    await moveCohort(page, 'Mở nhận hồ sơ', 'Đang nhận hồ sơ');
  });

  const { context: applicantContext, page: you } = await person(browser);
  await test.step('an applicant registers, verifies from the inbox, applies and submits', async () => {
    await you.goto('/register');
    await you.getByRole('textbox', { name: 'Full name', exact: true }).fill(applicant.fullName);
    await you.getByRole('textbox', { name: 'Email', exact: true }).fill(applicant.email);
    await you.getByRole('textbox', { name: 'Password', exact: true }).fill(applicant.password);
    // Nothing is ticked for them: they tick what applying, review, a hub abroad and programme emails rest on.
    for (const purpose of [
      /^Processing your application/,
      /^Sharing your application with the selection committee/,
      /^Sharing your data with hubs, partners and mentors abroad/,
      /^Programme communications/,
    ]) {
      const box = you.getByRole('checkbox', { name: purpose });
      await expect(box).not.toBeChecked();
      await box.check();
    }
    await you.getByRole('button', { name: 'Create account' }).click();
    await expect(you.getByText('Check your email')).toBeVisible();
    await you.goto(await linkFromInbox(applicant.email, 'verify-email'));
    await expect(you.getByText('Email confirmed')).toBeVisible();
    await logIn(you, applicant);

    await openFromNavigation(you, 'My applications');
    await you
      .getByTestId('open-cohort')
      .filter({ hasText: cohortName })
      .getByRole('button', { name: 'Start my application' })
      .click();
    const next = async (step: string) => {
      await you.getByRole('button', { name: 'Save and continue' }).click();
      await expect(you.getByRole('heading', { name: step, level: 2 })).toBeVisible();
    };
    await expect(you.getByRole('heading', { name: 'About you', level: 2 })).toBeVisible();
    await you.getByRole('textbox', { name: 'Full name' }).fill(applicant.fullName);
    await you.getByLabel('Date of birth').fill('1991-08-19');
    await choose(you, you, 'Gender', 'Female');
    await you.getByRole('combobox', { name: 'Province or city' }).fill('Đà Nẵng');
    await you.getByRole('option', { name: 'Đà Nẵng' }).click();
    await you.getByRole('textbox', { name: 'Mobile phone' }).fill('0912 345 678');
    await next('Enterprise');
    await you.getByRole('textbox', { name: 'Enterprise name' }).fill(enterprise);
    await you.getByRole('textbox', { name: 'Tax code' }).fill('0401234567');
    await you.getByRole('textbox', { name: 'Year founded' }).fill('2018');
    await choose(you, you, 'Sector', 'Healthcare');
    await choose(you, you, 'Employees', '10–49 employees');
    await choose(you, you, 'Annual revenue', '3–50 billion VND');
    await next('Languages');
    await choose(you, you, 'English test', 'IELTS');
    await you.getByRole('textbox', { name: 'Score' }).fill('7');
    await next('Hub choices');
    await choose(you, you, 'Choice 1', new RegExp(`Singapore ${code}`));
    await next('Essays');
    await you.getByRole('textbox', { name: 'Your motivation' }).fill('Đưa dịch vụ khám bệnh từ xa ra Đông Nam Á.');
    await you
      .getByRole('textbox', { name: 'Market-entry plan' })
      .fill('Bắt đầu với các phòng khám đối tác ở Singapore.');
    await you.getByRole('textbox', { name: 'Economic ambassador' }).fill('Kết nối bác sĩ Việt với mạng lưới khu vực.');
    await next('Referees');
    const referees = [
      ['Lê Văn Tám', 'tam.le@example.vn', 'Former manager'],
      ['Hoàng Thị Mai', 'mai.hoang@example.vn', 'Investor'],
    ];
    for (const [i, [name, email, relation]] of referees.entries()) {
      await you.getByRole('textbox', { name: 'Name' }).nth(i).fill(name);
      await you.getByRole('textbox', { name: 'Email' }).nth(i).fill(email);
      await you.getByRole('textbox', { name: 'Relation to you' }).nth(i).fill(relation);
    }
    await next('Documents');
    for (const [kind, file] of [
      ['cv', 'cv.pdf'],
      ['business_registration', 'giay-phep.pdf'],
    ] as const) {
      const slot = you.getByTestId(`document-${kind}`);
      await slot
        .locator('input[type=file]')
        .setInputFiles({ name: file, mimeType: 'application/pdf', buffer: pdf(file) });
      await expect(slot.getByRole('link', { name: file })).toBeVisible();
    }
    await next('Review & submit');
    await expect(you.getByText('Ready to submit')).toBeVisible();
    await you.getByRole('button', { name: 'Submit my application' }).click();
    await you.getByRole('dialog').getByRole('button', { name: 'Yes, submit it' }).click();
    await expect(you.getByTestId('status')).toHaveText('Submitted');
  });

  await test.step('staff close the window, start reviewing and assign reviewers automatically', async () => {
    // The window closed yesterday and the programme starts today: a year compressed into minutes.
    await cohortPage();
    const basics = page.getByTestId('basics');
    await basics.getByLabel('Mở nhận hồ sơ (giờ Việt Nam)').fill(`${vietnamDay(-3)}T08:00`);
    await basics.getByLabel('Đóng nhận hồ sơ (giờ Việt Nam)').fill(`${vietnamDay(-1)}T08:00`);
    await basics.getByLabel('Ngày bắt đầu chương trình').fill(vietnamDay(0));
    await basics.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect(basics.getByRole('status')).toHaveText('Đã lưu.');
    await expect(page.getByTestId('lifecycle').getByText('Sẵn sàng.').first()).toBeVisible();
    await moveCohort(page, 'Bắt đầu chấm', 'Đang chấm');

    await staffPage('/staff/committee');
    const round = page.getByTestId('round-panel');
    await round.getByRole('textbox', { name: 'Số người chấm mỗi hồ sơ' }).fill('2');
    await round.getByRole('button', { name: 'Lưu vòng chấm' }).click();
    await expect(round.getByRole('status')).toHaveText('Đã lưu vòng chấm.');
    await round.getByRole('button', { name: 'Phân công người chấm tự động' }).click();
    const summary = page.getByTestId('assign-summary');
    for (const reviewer of REVIEWERS) await expect(summary).toContainText(reviewer.fullName);
  });

  await test.step('two committee members score the application', async () => {
    for (const [i, reviewer] of REVIEWERS.entries()) {
      const { context, page: them } = await person(browser);
      await logIn(them, reviewer);
      await openFromNavigation(them, 'My reviews');
      await them
        .getByRole('region', { name: cohortName })
        .getByTestId('assignment')
        .getByRole('link', { name: 'Review' })
        .click();
      const groups = them.getByRole('radiogroup').filter({ has: them.getByRole('radio', { name: '5' }) });
      await expect(groups.first()).toBeVisible();
      const criteria = await groups.count();
      expect(criteria).toBeGreaterThan(1);
      for (let c = 0; c < criteria; c++) {
        await groups
          .nth(c)
          .getByRole('radio', { name: i === 0 ? '5' : '4' })
          .check();
      }
      await them.getByRole('textbox', { name: 'Comment' }).fill('A clear plan and a strong team.');
      await them
        .getByRole('radiogroup', { name: 'Overall recommendation' })
        .getByRole('radio', { name: i === 0 ? 'Strong yes' : 'Yes', exact: true })
        .check();
      await them.getByRole('button', { name: 'Save my review' }).click();
      await expect(them.getByTestId('review-saved')).toHaveText(
        `Review saved. Weighted score: ${i === 0 ? '5.00' : '4.00'}.`,
      );
      await context.close();
    }
  });

  await test.step('staff shortlist, record the interview, select and send the offer', async () => {
    await staffPage('/staff/committee');
    const row = page.getByTestId('ranking-table').getByRole('row').filter({ hasText: applicant.fullName });
    await expect(row).toContainText('2 / 2');
    await page.getByTestId('ranking-table').getByRole('button', { name: applicant.fullName }).click();
    const decision = page.getByTestId('decision-form');
    await decision.getByRole('textbox', { name: 'Lý do' }).fill('Hai người chấm đều đề nghị chọn.');
    await decision.getByRole('button', { name: 'Đưa vào vòng trong' }).click();
    await expect(page.getByTestId('breakdown').getByTestId('status')).toHaveText('Vào vòng trong');
    const interview = page.getByTestId('decision-form');
    await expect(interview.getByRole('button', { name: 'Ghi nhận phỏng vấn' })).toBeVisible();
    const scores = interview.getByRole('radiogroup').filter({ has: page.getByRole('radio', { name: '5' }) });
    const criteria = await scores.count();
    expect(criteria).toBeGreaterThan(1);
    for (let c = 0; c < criteria; c++) await scores.nth(c).getByRole('radio', { name: '4' }).check();
    await interview.getByRole('textbox', { name: 'Lý do' }).fill('Phỏng vấn tốt, kế hoạch khả thi.');
    await interview.getByRole('button', { name: 'Ghi nhận phỏng vấn' }).click();
    await expect(page.getByTestId('breakdown').getByTestId('status')).toHaveText('Đã phỏng vấn');
    await page.keyboard.press('Escape');

    await cohortPage();
    await expect(page.getByTestId('lifecycle').getByText('Sẵn sàng.').first()).toBeVisible();
    await moveCohort(page, 'Bắt đầu tuyển chọn', 'Đang tuyển chọn');

    await staffPage('/staff/selection');
    await page.getByRole('textbox', { name: 'Quy mô khóa' }).fill('1');
    await page.getByRole('button', { name: 'Chạy tuyển chọn' }).click();
    await expect(page.getByTestId('proposal').getByTestId('selected-count')).toHaveText('1');
    await page.getByRole('button', { name: 'Xác nhận và gửi thư mời' }).click();
    await page.getByRole('button', { name: 'Xác nhận và gửi', exact: true }).click();
    await expect(page.getByTestId('confirmed')).toBeVisible();
    await expect(page.getByTestId('offers')).toContainText(applicant.fullName);
  });

  await test.step('the applicant accepts the offer', async () => {
    await openFromNavigation(you, 'My applications');
    await you.getByTestId('my-application').getByRole('link', { name: 'View status' }).click();
    const offer = you.getByTestId('offer');
    await offer.getByRole('button', { name: 'Accept the offer' }).click();
    await you.getByRole('button', { name: 'Yes, accept' }).click();
    await expect(offer.getByTestId('offer-status')).toHaveText('Accepted');
    await expect(you.getByTestId('status')).toHaveText('Accepted');
  });

  const { context: mentorContext, page: guide } = await person(browser);
  await test.step('staff start the programme, place the fellow, add a mentor and match them', async () => {
    await cohortPage();
    await expect(page.getByTestId('lifecycle').getByText('Sẵn sàng.').first()).toBeVisible();
    await moveCohort(page, 'Bắt đầu chương trình', 'Chương trình đang diễn ra');

    await staffPage('/staff/placement');
    await expect(page.getByTestId('placement-fellow')).toHaveCount(1);
    await page.getByRole('button', { name: 'Chạy phân bổ' }).click();
    const placement = page.getByTestId('placement-proposal');
    await expect(
      placement.getByTestId('placement-row').filter({ hasText: applicant.fullName }).getByTestId('rank-badge'),
    ).toHaveText('Nguyện vọng 1');
    await placement.getByRole('button', { name: 'Xác nhận phân bổ' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận và gửi email' }).click();
    await expect(page.getByTestId('placement-confirmed')).toBeVisible();

    // A new mentor: staff add the profile, the mentor accepts the emailed invitation.
    await openFromNavigation(page, 'Cố vấn');
    await page.getByRole('button', { name: 'Thêm cố vấn' }).click();
    const form = page.getByRole('dialog');
    await form.getByRole('textbox', { name: 'Email' }).fill(mentor.email);
    await form.getByRole('textbox', { name: 'Họ và tên' }).fill(mentor.fullName);
    await choose(page, form, 'Ngôn ngữ của thư mời', 'English');
    await form.getByRole('button', { name: 'Thêm và gửi lời mời' }).click();
    await expect(form).toBeHidden();
    await guide.goto(await linkFromInbox(mentor.email, 'accept-invitation'));
    await guide.getByRole('textbox', { name: 'New password', exact: true }).fill(mentor.password);
    await guide.getByRole('textbox', { name: 'Repeat the new password', exact: true }).fill(mentor.password);
    await guide.getByRole('button', { name: 'Accept and set password' }).click();
    await expect(guide.getByText('Welcome aboard')).toBeVisible();

    // Staff lock the fellow to this mentor (many mentors are free), run the matching and approve it.
    await staffPage('/staff/matching');
    const fellow = page.getByTestId('unmatched-fellow').filter({ hasText: applicant.fullName });
    await fellow.getByRole('combobox', { name: `Cố vấn bắt buộc cho ${applicant.fullName}` }).fill(mentor.fullName);
    await page.getByRole('option', { name: mentor.fullName }).click();
    await fellow.getByRole('button', { name: 'Lưu' }).click();
    await expect(fellow.getByRole('button', { name: 'Lưu' })).toBeHidden();
    await page.getByRole('button', { name: 'Chạy ghép cặp' }).click();
    const proposal = page.getByTestId('matching-proposal');
    await expect(proposal.getByTestId('proposed-pair').filter({ hasText: applicant.fullName })).toContainText(
      mentor.fullName,
    );
    await proposal.getByRole('button', { name: 'Duyệt' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Duyệt và gửi email' }).click();
    await expect(page.getByTestId('active-pair').filter({ hasText: applicant.fullName })).toContainText(
      mentor.fullName,
    );
  });

  await test.step('the mentor schedules a session and logs one; the fellow confirms it', async () => {
    await logIn(guide, mentor);
    await openFromNavigation(guide, 'My fellows');
    const card = guide.getByTestId('fellow-card').filter({ hasText: applicant.fullName });
    const upcoming = card.getByTestId('upcoming-sessions');
    await upcoming.getByRole('button', { name: '+ Schedule a session' }).click();
    const plan = guide.getByTestId('plan-form');
    await plan.getByLabel('Date and time (Vietnam time, GMT+7)').fill(`${vietnamDay(7)}T14:00`);
    await plan.getByRole('textbox', { name: 'Duration (minutes)' }).fill('60');
    await plan.getByText('Phone', { exact: true }).click();
    await plan.getByRole('textbox', { name: 'Agenda' }).fill('Partner clinics in Singapore');
    await plan.getByRole('button', { name: 'Schedule', exact: true }).click();
    await expect(upcoming.getByTestId('planned-session')).toContainText('Partner clinics in Singapore');

    await card.getByRole('button', { name: '+ Log a session' }).click();
    const log = guide.getByTestId('session-form');
    await log.getByLabel('Date and time').fill(`${vietnamDay(-1)}T14:00`);
    await log.getByRole('textbox', { name: 'Duration (minutes)' }).fill('90');
    await log.getByText('In person', { exact: true }).click();
    await log.getByRole('combobox', { name: 'Topics' }).click();
    await guide.getByRole('option', { name: 'Market entry' }).click();
    await guide.keyboard.press('Escape');
    await log.getByRole('textbox', { name: 'Notes' }).fill('Met two partner clinics; licensing takes three months.');
    await log.getByRole('button', { name: 'Save the session' }).click();
    await expect(guide.getByRole('status').filter({ hasText: 'Session logged' })).toBeVisible();
    await expect(card.getByTestId('session').getByTestId('session-status')).toHaveText(
      'Waiting for the fellow to confirm',
    );

    // The applicant is a fellow now: their programme page shows the mentor and the session to confirm.
    await you.goto('/');
    await openFromNavigation(you, 'My programme');
    await expect(you.getByTestId('mentor-card').getByRole('heading', { name: mentor.fullName })).toBeVisible();
    await expect(you.getByTestId('mentor-card').getByTestId('planned-session')).toContainText(
      'Partner clinics in Singapore',
    );
    const toConfirm = you.getByTestId('session-to-confirm');
    await expect(toConfirm).toContainText('Market entry');
    await rate(toConfirm, '5 of 5 stars');
    await toConfirm.getByRole('button', { name: 'Confirm and rate' }).click();
    await expect(you.getByTestId('session-to-confirm')).toHaveCount(0);
    await expect(you.getByTestId('mentor-card').getByTestId('session').getByTestId('session-status')).toContainText(
      'Confirmed ✓',
    );
  });
  await applicantContext.close();
  await mentorContext.close();

  await test.step('staff see the year on the dashboard', async () => {
    await staffPage('/staff/dashboard');
    await expect(page.getByRole('heading', { name: 'Tổng quan khóa' })).toBeVisible();
    const funnel = page.getByTestId('chart-funnel');
    await expect(funnel.locator('.recharts-bar-rectangle path').first()).toHaveAttribute('d', /\d/);
    await staffPage('/staff/mentoring');
    await expect(page.getByRole('link', { name: applicant.fullName })).toBeVisible();
  });
});
