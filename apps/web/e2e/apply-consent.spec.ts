import { expect, test } from '@playwright/test';
import { createVerifiedUser, logIn, openCohort } from './support';

test('an applicant who did not consent at registration reads the notice, agrees, and the application starts (in Vietnamese)', async ({
  page,
  request,
}) => {
  const code = Math.random()
    .toString(36)
    .replace(/[^a-z]/g, '')
    .slice(0, 6);
  const cohortName = `VGBF Đồng ý ${code}`;
  await openCohort(request, cohortName);
  // Registered with nothing ticked: the programme may not process an application yet.
  const user = await createVerifiedUser(request, 'vi', 'noconsent', []);

  await logIn(page, user);
  await page.goto('/apply');
  const card = page.getByTestId('open-cohort').filter({ hasText: cohortName });
  await card.getByRole('button', { name: 'Bắt đầu hồ sơ' }).click();

  const consent = page.getByTestId('apply-consent');
  await expect(consent).toContainText('Cần sự đồng ý của bạn để ứng tuyển');
  const agree = consent.getByRole('button', { name: 'Tôi đồng ý — bắt đầu hồ sơ' });
  // Never ticked for them: the button waits for their own tick.
  await expect(consent.getByRole('checkbox')).not.toBeChecked();
  await expect(agree).toBeDisabled();
  await consent.getByText(/Đọc thông báo/).click();
  await expect(consent).toContainText('Bên kiểm soát dữ liệu');
  await consent.getByRole('checkbox').check();
  await agree.click();

  await expect(page.getByRole('heading', { name: 'Thông tin cá nhân', level: 2 })).toBeVisible();
  // The consent is on their privacy page, given from their account.
  await page.goto('/settings/privacy');
  await expect(page.getByTestId('consent-application')).toContainText('Đã đồng ý');
});
