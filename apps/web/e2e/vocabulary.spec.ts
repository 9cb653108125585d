import { expect, test } from '@playwright/test';
import { DEMO_STAFF, bearer, createVerifiedUser, logIn, openCohort } from './support';

test('a Vietnamese applicant finds places without diacritics and picks countries by their Vietnamese names', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const code = Math.random().toString(36).slice(2, 8);
  const cohortName = `VGBF Từ vựng ${code}`;
  await openCohort(request, cohortName);
  const user = await createVerifiedUser(request, 'vi', 'vocab');

  await logIn(page, user);
  await page.goto('/apply');
  await page
    .getByTestId('open-cohort')
    .filter({ hasText: cohortName })
    .getByRole('button', { name: 'Bắt đầu hồ sơ' })
    .click();

  // "Ha Noi" (no diacritics) finds Hà Nội in the province picker; "da nang" finds Đà Nẵng (đ → d).
  const province = page.getByRole('combobox', { name: 'Tỉnh/thành phố' });
  await province.fill('Ha Noi');
  await expect(page.getByRole('option', { name: 'Hà Nội', exact: true })).toBeVisible();
  await province.fill('da nang');
  await page.getByRole('option', { name: 'Đà Nẵng', exact: true }).click();
  // The region, in Vietnamese, from the vocabulary (not "Central").
  await expect(page.getByTestId('region')).toHaveText('Miền: Miền Trung');
  // Citizenship is a country by name (VN underneath), not a code to type.
  await expect(page.getByRole('combobox', { name: 'Quốc tịch' })).toHaveValue('Việt Nam');
  await page.getByRole('combobox', { name: 'Quốc tịch' }).fill('nhat ban');
  await expect(page.getByRole('option', { name: 'Nhật Bản', exact: true })).toBeVisible();
  await page.keyboard.press('Escape');

  await page
    .getByRole('button', { name: /Doanh nghiệp/ })
    .first()
    .click();
  // Export markets: countries by their Vietnamese names, searched without diacritics.
  const markets = page.getByRole('combobox', { name: 'Thị trường xuất khẩu' });
  await markets.fill('han quoc');
  await page.getByRole('option', { name: 'Hàn Quốc', exact: true }).click();
  await expect(page.getByText('Hàn Quốc', { exact: true }).first()).toBeVisible();
  // The sector list shows Vietnamese labels, never codes.
  await page.getByRole('combobox', { name: 'Lĩnh vực' }).click();
  await expect(page.getByRole('option', { name: 'Công nghệ tài chính' })).toBeVisible();
  await expect(page.getByRole('option', { name: 'fintech' })).toHaveCount(0);
  await page.keyboard.press('Escape');

  // Hubs by their Vietnamese names (Nhật Bản, Hàn Quốc), not Japan or South Korea.
  await page
    .getByRole('button', { name: /Nguyện vọng/ })
    .first()
    .click();
  await page
    .getByRole('textbox', { name: 'Nguyện vọng 1' })
    .or(page.getByRole('combobox', { name: 'Nguyện vọng 1' }))
    .click();
  await expect(page.getByRole('option', { name: 'Nhật Bản — Tokyo' })).toBeVisible();
  await expect(page.getByRole('option', { name: 'Hàn Quốc — Seoul' })).toBeVisible();
  await expect(page.getByRole('option', { name: /Japan|South Korea/ })).toHaveCount(0);
});

test('in English the same pickers show English names: countries, sectors and hubs', async ({ page, request }) => {
  test.setTimeout(90_000);
  const code = Math.random().toString(36).slice(2, 8);
  const cohortName = `VGBF Vocabulary ${code}`;
  await openCohort(request, cohortName);
  const user = await createVerifiedUser(request, 'en', 'vocab-en');

  await logIn(page, user);
  await page.goto('/apply');
  await page
    .getByTestId('open-cohort')
    .filter({ hasText: cohortName })
    .getByRole('button', { name: 'Start my application' })
    .click();

  const province = page.getByRole('combobox', { name: 'Province or city' });
  await province.fill('ha noi');
  await expect(page.getByRole('option', { name: 'Hà Nội', exact: true })).toBeVisible();
  await province.fill('da nang');
  await page.getByRole('option', { name: 'Đà Nẵng', exact: true }).click();
  await expect(page.getByTestId('region')).toHaveText('Region: Central');
  await expect(page.getByRole('combobox', { name: 'Citizenship' })).toHaveValue('Vietnam');
  await page.getByRole('combobox', { name: 'Citizenship' }).fill('japa');
  await expect(page.getByRole('option', { name: 'Japan', exact: true })).toBeVisible();
  await expect(page.getByRole('option', { name: 'Nhật Bản' })).toHaveCount(0);
  await page.keyboard.press('Escape');

  await page
    .getByRole('button', { name: /Enterprise/ })
    .first()
    .click();
  await page.getByRole('combobox', { name: 'Sector' }).click();
  await expect(page.getByRole('option', { name: 'Fintech' })).toBeVisible();
  await expect(page.getByRole('option', { name: 'Công nghệ tài chính' })).toHaveCount(0);
  await page.keyboard.press('Escape');

  await page
    .getByRole('button', { name: /Hub choices/ })
    .first()
    .click();
  await page
    .getByRole('textbox', { name: 'Choice 1' })
    .or(page.getByRole('combobox', { name: 'Choice 1' }))
    .click();
  await expect(page.getByRole('option', { name: 'Japan — Tokyo' })).toBeVisible();
  await expect(page.getByRole('option', { name: 'South Korea — Seoul' })).toBeVisible();
});

test('the dashboard charts speak Vietnamese: named axes, and a legend on the gender chart', async ({
  page,
  request,
}) => {
  const staff = await bearer(request, DEMO_STAFF);
  const cohorts = (await (await request.get('/api/v1/cohorts', { headers: staff })).json()) as Array<{
    id: string;
    name: string;
    status: string;
  }>;
  const running = cohorts.find((c) => c.status === 'running' && /^VGBF \d{4}$/.test(c.name));
  expect(running, 'the demo seed’s running cohort').toBeDefined();
  await logIn(page, DEMO_STAFF);
  await page.goto(`/staff/dashboard?cohortId=${(running as { id: string }).id}`);
  await expect(page.getByRole('heading', { name: 'Tổng quan khóa' })).toBeVisible();

  const gender = page.getByTestId('chart-gender');
  await expect(gender.locator('.recharts-pie-sector').first()).toBeVisible();
  const legend = gender.locator('.mantine-DonutChart-legend, .recharts-legend-wrapper, [class*="legend"]').first();
  await expect(legend).toBeVisible();
  await expect(legend).toContainText(/Nữ|Nam/);
  await expect(legend).not.toContainText(/female|male/i);

  const funnel = page.getByTestId('chart-funnel');
  // The axes' names (SVG text), not only the legend's.
  await expect(funnel.locator('tspan').filter({ hasText: /^Giai đoạn$/ })).toBeVisible();
  await expect(funnel.locator('tspan').filter({ hasText: /^Số người$/ })).toBeVisible();
  // Regions and hubs are named in Vietnamese, not as codes or English names (ticks of both axes).
  const ticks = (id: string) => page.getByTestId(id).locator('.recharts-cartesian-axis-tick-value');
  await expect(
    ticks('chart-region')
      .filter({ hasText: /^(Miền Bắc|Miền Trung|Miền Nam)$/ })
      .first(),
  ).toBeVisible();
  expect(await ticks('chart-region').allTextContents()).not.toEqual(
    expect.arrayContaining([expect.stringMatching(/^(North|Central|South)$/)]),
  );
  await expect(
    ticks('chart-hub')
      .filter({ hasText: /^(Nhật Bản|Hàn Quốc|Châu Âu)$/ })
      .first(),
  ).toBeVisible();
  for (const tick of await ticks('chart-hub').allTextContents())
    expect(['South Korea', 'Japan', 'Europe', 'SG', 'JP', 'KR', 'EU']).not.toContain(tick);
});

test('the applications export downloaded from a Vietnamese page is in Vietnamese, with no raw codes', async ({
  page,
  request,
}) => {
  const staff = await bearer(request, DEMO_STAFF);
  const cohorts = (await (await request.get('/api/v1/cohorts', { headers: staff })).json()) as Array<{
    id: string;
    name: string;
    status: string;
  }>;
  const open = cohorts.find((c) => c.status === 'open' && /^VGBF \d{4}$/.test(c.name));
  expect(open, 'the demo seed’s open cohort').toBeDefined();
  await logIn(page, DEMO_STAFF);
  await page.goto(`/staff/applications?cohortId=${(open as { id: string }).id}`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Tải CSV' }).click(),
  ]);
  const path = await download.path();
  const text = (await import('node:fs')).readFileSync(path, 'utf8');
  const [header, ...rows] = text.replace(/^\uFEFF/, '').split('\r\n');
  expect(header).toMatch(/^Mã hồ sơ,Trạng thái,Họ và tên,/);
  expect(rows.length).toBeGreaterThan(1);
  // The seed's applications are in 12 statuses: none of their codes reaches the file.
  expect(text).not.toMatch(/,(under_review|shortlisted|submitted|draft|<3bn|3-50bn),/);
  expect(text).toMatch(/,(Đang xét duyệt|Đã nộp|Bản nháp),/);
});

test.describe('on a computer set to another time zone', () => {
  test.use({ timezoneId: 'America/New_York' });

  test('report times on the dashboard are Vietnam time, the zone named', async ({ page, request }) => {
    const staff = await bearer(request, DEMO_STAFF);
    const cohorts = (await (await request.get('/api/v1/cohorts', { headers: staff })).json()) as Array<{
      id: string;
      name: string;
      status: string;
    }>;
    const running = cohorts.find((c) => c.status === 'running' && /^VGBF \d{4}$/.test(c.name)) as { id: string };
    const created = await request.post('/api/v1/reports', {
      headers: staff,
      data: { kind: 'mentoring_activity', format: 'csv', cohortId: running.id },
    });
    expect(created.status(), await created.text()).toBeLessThan(300);
    const job = (await created.json()) as { id: string; createdAt: string };
    // The instant as Hà Nội's clock reads it (UTC+7 all year): "18:27 GMT+7 07/12/2026" in Vietnamese.
    const hanoi = new Date(Date.parse(job.createdAt) + 7 * 3600_000).toISOString();
    const expected = `${hanoi.slice(11, 16)} GMT+7 ${hanoi.slice(8, 10)}/${hanoi.slice(5, 7)}/${hanoi.slice(0, 4)}`;

    await logIn(page, DEMO_STAFF);
    await page.goto(`/staff/dashboard?cohortId=${running.id}`);
    const times = page.getByTestId('report-requested-at');
    await expect(times.first()).toBeVisible();
    const shown = await times.allTextContents();
    expect(shown.includes(expected), shown.join(' | ')).toBe(true);
  });
});
