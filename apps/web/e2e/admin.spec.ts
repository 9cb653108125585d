import { expect, test } from '@playwright/test';
import { linkFromInbox, logIn, uniqueEmail } from './support';

/** The seeded demo administrator (Vietnamese account: the console shows in Vietnamese once signed in). */
const ADMIN = { email: 'admin@vgbf.local', password: 'VgbfDemo!2027', fullName: 'Đặng Quốc Huy' };

test.describe('the admin console', () => {
  test('invite a reviewer → they accept from the email → listed with the role; deactivate → they cannot sign in; both in the audit log', async ({
    page,
    browser,
  }, testInfo) => {
    const reviewer = { email: uniqueEmail('reviewer'), password: 'hội đồng thẩm định 2027', fullName: 'Lê Thị Thẩm' };
    await logIn(page, ADMIN);

    // Invite from the console.
    await page.goto('/admin/invitations');
    await expect(page.getByRole('heading', { name: 'Quản trị hệ thống' })).toBeVisible();
    const form = page.getByRole('form', { name: 'Mời người mới' });
    await form.getByRole('textbox', { name: 'Họ và tên' }).fill(reviewer.fullName);
    await form.getByRole('textbox', { name: 'Email' }).fill(reviewer.email);
    await form.getByRole('checkbox', { name: 'Hội đồng tuyển chọn' }).check();
    // Their emails and, once they sign in, their pages in English.
    await form.getByRole('combobox', { name: 'Ngôn ngữ của email' }).click();
    await page.getByRole('option', { name: 'English' }).click();
    await form.getByRole('button', { name: 'Gửi lời mời' }).click();
    await expect(page.getByRole('status')).toHaveText(`Đã gửi lời mời tới ${reviewer.email}.`);
    await expect(page.getByTestId(`invitation-${reviewer.email}`)).toContainText('Hội đồng tuyển chọn');

    // The reviewer accepts in a browser of their own, from the emailed link.
    const theirs = await browser.newContext({ locale: 'en-US' });
    const them = await theirs.newPage();
    await them.goto(await linkFromInbox(reviewer.email, 'accept-invitation'));
    await them.getByRole('textbox', { name: 'New password', exact: true }).fill(reviewer.password);
    await them.getByRole('textbox', { name: 'Repeat the new password', exact: true }).fill(reviewer.password);
    await them.getByRole('button', { name: 'Accept and set password' }).click();
    await expect(them.getByText('Welcome aboard')).toBeVisible();

    // Listed with the role, no longer pending.
    await page.goto('/admin/users');
    await page.getByRole('textbox', { name: 'Tìm kiếm' }).fill('le thi tham'); // diacritics ignored
    const row = page.getByTestId(`user-${reviewer.email}`);
    await expect(row).toContainText('Hội đồng tuyển chọn');
    await expect(row).toContainText('Đang hoạt động');
    await page.getByRole('tab', { name: 'Lời mời' }).click();
    await expect(page.getByRole('table', { name: 'Lời mời đang chờ' })).toBeVisible();
    await expect(page.getByTestId(`invitation-${reviewer.email}`)).toHaveCount(0);

    // Signed in once, then deactivated: that session ends and signing in again is refused.
    await logIn(them, reviewer);
    await page.getByRole('tab', { name: 'Người dùng' }).click();
    await page.getByRole('textbox', { name: 'Tìm kiếm' }).fill(reviewer.email);
    await row.getByRole('button', { name: 'Vô hiệu hóa' }).click();
    const dialog = page.getByRole('dialog', { name: `Vô hiệu hóa ${reviewer.fullName}?` });
    await dialog.getByRole('textbox', { name: 'Lý do (lưu trong nhật ký thay đổi)' }).fill('Rời hội đồng năm 2027');
    await dialog.getByRole('button', { name: 'Vô hiệu hóa' }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toContainText('Đã vô hiệu hóa');

    await them.reload();
    await expect(them).toHaveURL(/\/login/);
    await them.getByRole('textbox', { name: 'Email', exact: true }).fill(reviewer.email);
    await them.getByRole('textbox', { name: 'Password', exact: true }).fill(reviewer.password);
    await them.getByRole('button', { name: 'Log in' }).click();
    // The same words as a wrong password: the page does not tell that the account exists.
    await expect(them.getByRole('alert')).toContainText('The email or password is not correct.');
    await theirs.close();

    // The audit log shows the invitation and the deactivation, with its reason.
    await page.getByRole('tab', { name: 'Nhật ký thay đổi' }).click();
    const audit = page.getByRole('table', { name: 'Nhật ký thay đổi' });
    await page.getByRole('textbox', { name: 'Hành động' }).fill('invitation.created');
    const invited = audit.getByRole('row').filter({ hasText: reviewer.email });
    await expect(invited).toHaveCount(1);
    const userId = (await invited.getByRole('code').nth(1).textContent())?.trim() ?? '';
    expect(userId).toMatch(/^[0-9a-f-]{36}$/);
    await page.getByRole('textbox', { name: 'Hành động' }).fill('');
    await page.getByRole('textbox', { name: 'Mã đối tượng' }).fill(userId);
    await expect(audit.getByRole('row')).toHaveCount(4); // header + created, accepted, deactivated
    await expect(audit.getByRole('row').nth(1)).toContainText('user.deactivated');
    await expect(audit.getByRole('row').nth(1)).toContainText('Rời hội đồng năm 2027');
    await expect(audit.getByRole('row').nth(3)).toContainText('invitation.created');
    // Who acted is named: the admin deactivated and invited, the reviewer accepted.
    await expect(audit.getByRole('row').nth(1)).toContainText(ADMIN.fullName);
    await expect(audit.getByRole('row').nth(2)).toContainText(reviewer.fullName);
    await expect(audit.getByRole('row').nth(3)).toContainText(ADMIN.email);
    // A click on a name narrows to that account; the badge takes it away again.
    await audit.getByRole('row').nth(1).getByRole('button', { name: ADMIN.fullName }).click();
    await expect(page.getByText(`Chỉ ${ADMIN.fullName}`)).toBeVisible();
    await expect(audit.getByRole('row')).toHaveCount(3);
    await page.getByRole('button', { name: 'Hiện mọi người' }).click();
    await expect(audit.getByRole('row')).toHaveCount(4);
    // The name filter ignores case and diacritics.
    await page.getByRole('textbox', { name: 'Người thực hiện' }).fill('le thi tham');
    await expect(audit.getByRole('row')).toHaveCount(2);
    await expect(audit.getByRole('row').nth(1)).toContainText(reviewer.fullName);
    await page.getByRole('textbox', { name: 'Người thực hiện' }).fill('');
    await expect(page.getByRole('link', { name: 'Xuất CSV' })).toHaveAttribute(
      'href',
      `/api/v1/audit-log/export.csv?entityId=${userId}`,
    );
    await page.screenshot({ path: testInfo.outputPath('admin-audit.png'), fullPage: true });
  });

  test('previews an email template in both languages in a sandboxed frame, and shows system health', async ({
    page,
  }) => {
    await logIn(page, ADMIN);
    await page.goto('/admin/emails');
    await page.getByRole('combobox', { name: 'Mẫu' }).click();
    await page.getByRole('option', { name: 'invitation', exact: true }).click();
    await expect(page.getByTestId('email-subject')).toHaveText('Lời mời tham gia VGBF Cohort');
    const frame = page.getByTitle('Xem trước invitation');
    await expect(frame).toHaveAttribute('sandbox', '');
    await page.getByText('English', { exact: true }).click();
    await expect(page.getByTestId('email-subject')).not.toHaveText('Lời mời tham gia VGBF Cohort');
    await expect(page.frameLocator('iframe[title="Xem trước invitation"]').locator('body')).toContainText(/invit/i);

    await page.getByRole('tab', { name: 'Hệ thống' }).click();
    await expect(page.getByRole('status')).toHaveText('Mọi thành phần đều đang hoạt động.');
    await expect(page.getByText('Cơ sở dữ liệu (PostgreSQL)')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Mở bảng theo dõi hàng đợi' })).toHaveAttribute(
      'href',
      '/admin/queues',
    );
  });

  test('staff see the console but not the admin-only actions; an applicant is refused', async ({ page }) => {
    await logIn(page, { email: 'staff@vgbf.local', password: 'VgbfDemo!2027', fullName: 'Nguyễn Thị Hồng' });
    await page.goto('/admin/users');
    await page.getByRole('textbox', { name: 'Tìm kiếm' }).fill('admin@vgbf.local');
    await expect(page.getByText('Chỉ quản trị viên mới thay đổi vai trò hoặc vô hiệu hóa tài khoản.')).toBeVisible();
    await expect(page.getByTestId('user-admin@vgbf.local')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Vô hiệu hóa' })).toHaveCount(0);
    await page.getByRole('tab', { name: 'Lời mời' }).click();
    await expect(page.getByRole('checkbox', { name: 'Quản trị viên' })).toBeDisabled();
    await expect(page.getByRole('checkbox', { name: 'Hội đồng tuyển chọn' })).toBeEnabled();

    await page.context().clearCookies();
    await logIn(page, { email: 'applicant@vgbf.local', password: 'VgbfDemo!2027', fullName: 'Võ Văn Khánh' });
    await page.goto('/admin');
    await expect(page.getByTestId('forbidden')).toContainText(
      'Trang này dành cho: Cán bộ chương trình, Quản trị viên.',
    );
  });
});
