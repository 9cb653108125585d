import type { INestApplicationContext } from '@nestjs/common';
import { Inbox, uniqueEmail } from '../support/inbox';
import { type TestApp, createTestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';
import { type SignedIn, signIn } from '../support/users';

const PASSWORD = 'Hội đồng tuyển chọn 2027';

describe('Admin console: pending invitations', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let staff: SignedIn;
  let admin: SignedIn;
  const inbox = new Inbox();

  const invite = async (
    by: SignedIn,
    roles: string[],
    label = roles[0] ?? 'x',
  ): Promise<{ id: string; email: string }> => {
    const email = uniqueEmail(label);
    const res = await t.http
      .post('/api/v1/invitations')
      .set('authorization', by.bearer)
      .send({ email, fullName: `Mời ${label}`, roles, language: 'en' })
      .expect(201);
    return { id: res.body.id as string, email };
  };
  const tokenIn = (text: string | undefined): string =>
    new URL(/https?:\/\/\S+accept-invitation\?token=[\w-]+/.exec(text ?? '')?.[0] as string).searchParams.get(
      'token',
    ) ?? '';
  const pending = async (by: SignedIn): Promise<Array<{ userId: string; state: string }>> =>
    (await t.http.get('/api/v1/invitations?pageSize=100').set('authorization', by.bearer).expect(200)).body.items;
  const audited = async (id: string): Promise<string[]> =>
    (await t.db.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [id])).map(
      (r: { action: string }) => r.action,
    );

  beforeAll(async () => {
    t = await createTestApp();
    worker = await startTestWorker(t.env);
    staff = await signIn(t, ['staff'], 'staff');
    admin = await signIn(t, ['admin'], 'admin');
  });
  afterAll(async () => {
    await worker?.close();
    await t.close();
  });

  it('lists invitations not yet accepted, latest first, with their expiry', async () => {
    const first = await invite(staff, ['reviewer']);
    const second = await invite(admin, ['staff']);
    const items = await pending(staff);
    expect(items.slice(0, 2)).toEqual([
      expect.objectContaining({ userId: second.id, roles: ['staff'], state: 'pending', email: second.email }),
      expect.objectContaining({ userId: first.id, roles: ['reviewer'], state: 'pending', language: 'en' }),
    ]);
    const [view] = items;
    expect(new Date((view as unknown as { expiresAt: string }).expiresAt).getTime()).toBeGreaterThan(Date.now());
  });

  it('resends an invitation with a new link; the old link stops working, the new one works once', async () => {
    const invited = await invite(staff, ['reviewer'], 'resend');
    const [firstMail] = await inbox.waitFor(invited.email);
    await t.http.post(`/api/v1/invitations/${invited.id}/resend`).set('authorization', staff.bearer).expect(204);
    const mails = await inbox.waitFor(invited.email, 2);
    const newest = mails.find((m) => m.id !== firstMail?.id);
    expect(newest?.subject).toBe(firstMail?.subject);
    await t.http
      .post('/api/v1/auth/accept-invitation')
      .send({ token: tokenIn(firstMail?.text), password: PASSWORD })
      .expect(400);
    await t.http
      .post('/api/v1/auth/accept-invitation')
      .send({ token: tokenIn(newest?.text), password: PASSWORD })
      .expect(204);
    await t.http.post('/api/v1/auth/login').send({ email: invited.email, password: PASSWORD }).expect(200);
    expect((await pending(staff)).map((i) => i.userId)).not.toContain(invited.id);
    // Accepted: nothing left to resend or revoke.
    const again = await t.http
      .post(`/api/v1/invitations/${invited.id}/resend`)
      .set('authorization', staff.bearer)
      .expect(409);
    expect(again.body.code).toBe('invitation_not_pending');
    await t.http.delete(`/api/v1/invitations/${invited.id}`).set('authorization', staff.bearer).expect(409);
    expect(await audited(invited.id)).toEqual(['invitation.created', 'invitation.resent', 'invitation.accepted']);
  });

  it('revokes an invitation: the link stops working and the account is deactivated, until an admin reactivates it', async () => {
    const invited = await invite(staff, ['mentor'], 'revoke');
    const [mail] = await inbox.waitFor(invited.email);
    await t.http.delete(`/api/v1/invitations/${invited.id}`).set('authorization', staff.bearer).expect(204);
    await t.http
      .post('/api/v1/auth/accept-invitation')
      .send({ token: tokenIn(mail?.text), password: PASSWORD })
      .expect(400);
    expect((await pending(staff)).map((i) => i.userId)).not.toContain(invited.id);
    const users = await t.http.get(`/api/v1/users?q=${invited.email}`).set('authorization', staff.bearer);
    expect(users.body.items).toEqual([expect.objectContaining({ id: invited.id, status: 'deactivated' })]);
    await t.http.post(`/api/v1/invitations/${invited.id}/resend`).set('authorization', staff.bearer).expect(409);

    await t.http.post(`/api/v1/users/${invited.id}/reactivate`).set('authorization', admin.bearer).expect(200);
    await t.http.post(`/api/v1/invitations/${invited.id}/resend`).set('authorization', staff.bearer).expect(204);
    expect(await audited(invited.id)).toEqual([
      'invitation.created',
      'invitation.revoked',
      'user.reactivated',
      'invitation.resent',
    ]);
  });

  it('lets staff handle invitations of reviewers and mentors, but only an admin those of staff and admins', async () => {
    const newStaff = await invite(admin, ['staff'], 'staff-invite');
    const newAdmin = await invite(admin, ['admin'], 'admin-invite');
    for (const target of [newStaff, newAdmin]) {
      const resend = await t.http
        .post(`/api/v1/invitations/${target.id}/resend`)
        .set('authorization', staff.bearer)
        .expect(403);
      expect(resend.body.code).toBe('not_allowed');
      await t.http.delete(`/api/v1/invitations/${target.id}`).set('authorization', staff.bearer).expect(403);
      expect(await audited(target.id)).toEqual(['invitation.created']);
    }
    await t.http.post(`/api/v1/invitations/${newStaff.id}/resend`).set('authorization', admin.bearer).expect(204);
    await t.http.delete(`/api/v1/invitations/${newAdmin.id}`).set('authorization', admin.bearer).expect(204);
    expect(await audited(newAdmin.id)).toEqual(['invitation.created', 'invitation.revoked']);
  });

  it('answers an unknown account with 404, a malformed id and bad paging with 400', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    expect(
      (await t.http.post(`/api/v1/invitations/${id}/resend`).set('authorization', staff.bearer).expect(404)).body.code,
    ).toBe('user_not_found');
    await t.http.delete(`/api/v1/invitations/${id}`).set('authorization', staff.bearer).expect(404);
    await t.http.delete('/api/v1/invitations/nope').set('authorization', staff.bearer).expect(400);
    const bad = await t.http.get('/api/v1/invitations?page=0').set('authorization', staff.bearer).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['page']);
  });
});
