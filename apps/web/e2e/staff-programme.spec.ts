import { expect, test } from '@playwright/test';
import { DEMO_STAFF, logIn, uniqueEmail } from './support';
import { admitFellows, cohortWithHubs, createMentor, sessionHeaders } from './staff-programme-setup';

const IELTS = { test: 'IELTS', level: '7' };

/** The demo staff account reads Vietnamese; either language's words pass, so the test holds in both. */
const either = (en: string, vi: string, exact = true) => {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const body = `(${escape(en)}|${escape(vi)})`;
  return new RegExp(exact ? `^${body}$` : body);
};

test('staff run a placement, read why a fellow missed her first choice, and confirm it', async ({ page }) => {
  await logIn(page, DEMO_STAFF);
  const staff = await sessionHeaders(page);
  const tag = Math.random().toString(36).slice(2, 7);
  // Japan holds one fellow and asks for JLPT N3; Singapore takes anyone with IELTS 6.0.
  const cohortId = await cohortWithHubs(page.request, staff, `Placement ${tag}`, [
    {
      code: 'SG',
      name: 'Singapore',
      city: 'Singapore',
      capacity: 3,
      languageRequirements: [{ test: 'IELTS', minimum: '6.0' }],
    },
    { code: 'JP', name: 'Japan', city: 'Tokyo', capacity: 1, languageRequirements: [{ test: 'JLPT', minimum: 'N3' }] },
  ]);
  await admitFellows(cohortId, [
    {
      fullName: `Lê Thị Mai ${tag}`,
      score: 4.8,
      hubs: ['JP', 'SG'],
      certificates: [IELTS, { test: 'JLPT', level: 'N2' }],
    },
    { fullName: `Phạm Văn Nam ${tag}`, score: 4.1, hubs: ['JP', 'SG'], certificates: [IELTS] },
  ]);

  await page.goto(`/staff/placement?cohortId=${cohortId}`);
  await expect(page.getByRole('heading', { name: either('Hub placement', 'Phân bổ hub'), level: 1 })).toBeVisible();
  await expect(page.getByTestId('placement-fellow')).toHaveCount(2);

  await page.getByRole('button', { name: either('Run placement', 'Chạy phân bổ') }).click();
  const proposal = page.getByTestId('placement-proposal');
  await expect(proposal).toBeVisible();
  await expect(proposal.getByTestId('total-points')).toHaveText('160');
  const nam = proposal.getByTestId('placement-row').filter({ hasText: `Phạm Văn Nam ${tag}` });
  await expect(nam.getByTestId('rank-badge')).toHaveText(either('2nd choice', 'Nguyện vọng 2'));
  await expect(nam.getByTestId('not-higher')).toHaveText(
    either('Japan asks for JLPT (Japanese) N3.', 'Japan yêu cầu JLPT (tiếng Nhật) N3.', false),
  );
  const mai = proposal.getByTestId('placement-row').filter({ hasText: `Lê Thị Mai ${tag}` });
  await expect(mai.getByTestId('rank-badge')).toHaveText(either('1st choice', 'Nguyện vọng 1'));

  await proposal.getByRole('button', { name: either('Confirm placement', 'Xác nhận phân bổ') }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: either('Confirm and email', 'Xác nhận và gửi email') })
    .click();
  await expect(page.getByTestId('placement-confirmed')).toBeVisible();
  await expect(
    page.getByRole('button', { name: either(`Move Phạm Văn Nam ${tag}`, `Chuyển Phạm Văn Nam ${tag}`) }),
  ).toBeVisible();
});

test('a placement proposal made before a fellow’s lock changed is refused as out of date, with a warning', async ({
  page,
}) => {
  await logIn(page, DEMO_STAFF);
  const staff = await sessionHeaders(page);
  const tag = Math.random().toString(36).slice(2, 7);
  const cohortId = await cohortWithHubs(page.request, staff, `Stale ${tag}`, [
    { code: 'SG', name: 'Singapore', city: 'Singapore', capacity: 2, languageRequirements: [] },
    { code: 'JP', name: 'Japan', city: 'Tokyo', capacity: 2, languageRequirements: [] },
  ]);
  const [fellowId] = await admitFellows(cohortId, [
    { fullName: `Đỗ Thu Trang ${tag}`, score: 4.5, hubs: ['SG', 'JP'], certificates: [IELTS] },
  ]);

  await page.goto(`/staff/placement?cohortId=${cohortId}`);
  await page.getByRole('button', { name: either('Run placement', 'Chạy phân bổ') }).click();
  const proposal = page.getByTestId('placement-proposal');
  await expect(proposal.getByTestId('placement-row')).toHaveCount(1);

  // Someone else locks her to Japan after the run (another tab, another staff member): the proposal is stale.
  const overview = await page.request.get(`/api/v1/cohorts/${cohortId}/placement`);
  const hubs = ((await overview.json()) as { hubs: Array<{ id: string; code: string }> }).hubs;
  const japan = hubs.find((h) => h.code === 'JP')?.id;
  const locked = await page.request.put(`/api/v1/cohorts/${cohortId}/placement/constraints/${fellowId}`, {
    headers: staff,
    data: { lockedHubId: japan, forbiddenHubIds: [] },
  });
  expect(locked.status()).toBe(200);

  await proposal.getByRole('button', { name: either('Confirm placement', 'Xác nhận phân bổ') }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: either('Confirm and email', 'Xác nhận và gửi email') })
    .click();
  await expect(proposal.getByTestId('proposal-stale')).toContainText(
    either('This proposal is out of date', 'Đề xuất này đã cũ', false),
  );
  await expect(page.getByTestId('placement-confirmed')).toHaveCount(0);
});

test('staff import a mentor CSV and see the bad row reported with its line', async ({ page }) => {
  const good = [uniqueEmail('mentor-a'), uniqueEmail('mentor-b')];
  const csv = [
    'email,full_name,language,organisation,title,sectors,expertise,languages,city,time_zone,capacity,available_from,available_to',
    `${good[0]},Đỗ Minh Khoa,vi,Mekong Capital,Partner,fintech,finance;fundraising,vi;en,Singapore,Asia/Singapore,2,,`,
    `${uniqueEmail('mentor-bad')},Ngô Bảo Châu,en,,,technology,marketing,vi;en,Tokyo,Mars/Olympus,2,,`,
    `${good[1]},Hoàng Lan Anh,en,,,logistics,export_logistics,vi;en;ja,Tokyo,Asia/Tokyo,1,,`,
  ].join('\r\n');

  await logIn(page, DEMO_STAFF);
  await page.goto('/staff/mentors');
  await expect(page.getByRole('heading', { name: either('Mentors', 'Cố vấn'), level: 1 })).toBeVisible();
  await expect(page.getByTestId('export-csv')).toHaveAttribute('href', '/api/v1/mentors/export.csv');
  await page
    .getByTestId('mentor-import')
    .locator('input[type=file]')
    .setInputFiles({ name: 'mentors.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.getByRole('button', { name: either('Import', 'Nhập') }).click();

  const report = page.getByTestId('import-report');
  await expect(report.getByTestId('import-imported')).toHaveText('2');
  await expect(report.getByTestId('import-created')).toHaveText('2');
  await expect(report.getByTestId('import-rejected')).toHaveText('1');
  const bad = report.getByTestId('rejected-row');
  await expect(bad).toHaveCount(1);
  await expect(bad).toContainText(either('Line 3', 'Dòng 3', false));
  await expect(bad).toContainText('time_zone');

  // The good rows are in the list.
  await page.getByRole('textbox', { name: either('Search', 'Tìm kiếm') }).fill(good[0]);
  await expect(page.getByTestId('mentor-row')).toHaveCount(1);
  await expect(page.getByTestId('mentor-row')).toContainText('Đỗ Minh Khoa');
});

test('staff run the matching, read a pair’s reasons and approve it', async ({ page }) => {
  await logIn(page, DEMO_STAFF);
  const staff = await sessionHeaders(page);
  const tag = Math.random().toString(36).slice(2, 7);
  const cohortId = await cohortWithHubs(page.request, staff, `Matching ${tag}`);
  const fellow = `Vũ Thị Hạnh ${tag}`;
  await admitFellows(cohortId, [
    { fullName: fellow, score: 4.5, hubs: ['SG'], certificates: [IELTS], sector: 'fintech', goals: ['legal'] },
  ]);
  // The best mentor for her: same sector and the expertise she wants (any other mentor scores lower).
  await createMentor(page.request, staff, {
    email: uniqueEmail('mentor'),
    fullName: `Trịnh Quốc Bảo ${tag}`,
    sectors: ['fintech'],
    expertise: ['legal'],
  });

  await page.goto(`/staff/matching?cohortId=${cohortId}`);
  await expect(page.getByRole('heading', { name: either('Mentor matching', 'Ghép cố vấn'), level: 1 })).toBeVisible();
  await expect(page.getByTestId('unmatched-fellow')).toContainText(fellow);

  await page.getByRole('button', { name: either('Run matching', 'Chạy ghép cặp') }).click();
  const proposal = page.getByTestId('matching-proposal');
  await expect(proposal.getByTestId('min-score')).not.toHaveText('—');
  const pair = proposal.getByTestId('proposed-pair').filter({ hasText: fellow });
  await expect(pair.getByTestId('match-reasons')).toContainText(
    either('Same sector: Fintech', 'Cùng lĩnh vực: Công nghệ tài chính', false),
  );
  await expect(pair.getByTestId('match-reasons')).toContainText(either('Covers Legal', 'Cố vấn về Pháp lý', false));

  await proposal.getByRole('button', { name: either('Approve', 'Duyệt') }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: either('Approve and email', 'Duyệt và gửi email') })
    .click();
  await expect(page.getByTestId('active-pair').filter({ hasText: fellow })).toBeVisible();
  await expect(
    page.getByText(
      either(
        'Every active fellow of this cohort has a mentor.',
        'Mọi học viên đang tham gia của khóa này đều đã có cố vấn.',
      ),
    ),
  ).toBeVisible();

  // The pair is on the mentoring page, and its activity page opens (no session yet).
  await page.goto(`/staff/mentoring?cohortId=${cohortId}`);
  await page.getByRole('link', { name: fellow }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(fellow);
  await expect(page.getByText(either('No session logged yet.', 'Chưa có buổi gặp nào được ghi lại.'))).toBeVisible();
});
