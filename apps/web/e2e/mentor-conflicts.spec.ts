import { expect, test } from '@playwright/test';
import { createMentor, sessionHeaders } from './staff-programme-setup';
import { DEMO_STAFF, bearer, logIn, uniqueEmail } from './support';

// Staff declare a mentor's conflict with a fellow: the cohort picker names the cohorts (issue 13 saw
// "Khóa 1/3/4/5" in the conflict pickers), the fellow picker lists that cohort's fellows.
test('staff pick a cohort by its name and a fellow to declare a mentor’s conflict', async ({ page, request }) => {
  const cohorts = (await (
    await request.get('/api/v1/cohorts', { headers: await bearer(request, DEMO_STAFF) })
  ).json()) as Array<{ id: string; name: string; status: string }>;
  const running = cohorts.find((c) => c.status === 'running' && /^VGBF \d{4}$/.test(c.name));
  expect(running, 'the demo seed’s running cohort').toBeDefined();

  await logIn(page, DEMO_STAFF);
  const tag = Math.random().toString(36).slice(2, 7);
  const email = uniqueEmail('mentor-conflict');
  const fullName = `Lâm Gia Huy ${tag}`;
  await createMentor(page.request, await sessionHeaders(page), { email, fullName });
  await page.goto('/staff/mentors');
  await page.getByRole('textbox', { name: 'Tìm kiếm' }).fill(email);
  await expect(page.getByTestId('mentor-row')).toHaveCount(1);
  await page.getByRole('button', { name: `Sửa ${fullName}` }).click();

  const conflicts = page.getByTestId('mentor-conflicts');
  await conflicts.getByRole('combobox', { name: 'Khóa' }).click();
  const options = page.getByRole('option');
  await expect(options.filter({ hasText: /^Khóa \d+$/ })).toHaveCount(0);
  await page.getByRole('option', { name: running?.name, exact: true }).click();
  await conflicts.getByRole('combobox', { name: 'Học viên' }).click();
  const fellow = (await options.first().textContent()) ?? '';
  expect(fellow).not.toBe('');
  await options.first().click();
  await conflicts.getByRole('textbox', { name: 'Lý do' }).fill('Từng làm việc cùng công ty.');
  await conflicts.getByRole('button', { name: 'Thêm xung đột' }).click();
  await expect(conflicts.getByRole('row').filter({ hasText: fellow })).toContainText('Từng làm việc cùng công ty.');
});
