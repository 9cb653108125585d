import type { INestApplicationContext } from '@nestjs/common';
import { Inbox, uniqueEmail } from '../support/inbox';
import { type TestApp, createTestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';
import { type SignedIn, signIn } from '../support/users';

describe('Invitations: staff invite the committee, mentors and staff', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let staff: SignedIn;
  let admin: SignedIn;
  const inbox = new Inbox();

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

  it('invites a mentor by email; the mentor sets a password and signs in with the mentor role only', async () => {
    const email = uniqueEmail('mentor');
    const res = await t.http
      .post('/api/v1/invitations')
      .set('authorization', staff.bearer)
      .send({ email, fullName: 'Phạm Minh Châu', roles: ['mentor'], language: 'vi' })
      .expect(201);
    expect(res.body).toMatchObject({ email, roles: ['mentor'], emailVerified: false });

    const [mail] = await inbox.waitFor(email);
    expect(mail?.subject).toBe('Lời mời tham gia VGBF Cohort');
    expect(mail?.text).toContain('Test staff mời bạn');
    // The role by its Vietnamese name, never its code.
    expect(mail?.text).toContain('với vai trò: Cố vấn.');
    expect(mail?.text).not.toMatch(/\bmentor\b/);
    const link = /https?:\/\/\S+accept-invitation\?token=[\w-]+/.exec(mail?.text ?? '')?.[0] as string;
    const token = new URL(link).searchParams.get('token');

    // Not yet usable: no password was set.
    await t.http.post('/api/v1/auth/login').send({ email, password: 'anything long enough' }).expect(401);
    await t.http.post('/api/v1/auth/accept-invitation').send({ token, password: 'Cố vấn tận tâm 2027' }).expect(204);
    await t.http.post('/api/v1/auth/accept-invitation').send({ token, password: 'Cố vấn tận tâm 2028' }).expect(400);

    const login = await t.http.post('/api/v1/auth/login').send({ email, password: 'Cố vấn tận tâm 2027' }).expect(200);
    const me = await t.http
      .get('/api/v1/me')
      .set('authorization', `Bearer ${login.body.token as string}`)
      .expect(200);
    expect(me.body.roles).toEqual(['mentor']);
    // The mentor role gives no staff powers.
    await t.http
      .post('/api/v1/invitations')
      .set('authorization', `Bearer ${login.body.token as string}`)
      .send({ email: uniqueEmail('x'), fullName: 'X', roles: ['mentor'] })
      .expect(403);
  });

  it('records the invitation and its acceptance in the audit log, in the same transaction', async () => {
    const rows = await t.db.query(
      `SELECT actor_id, action, entity_type, after, request_id FROM audit_log WHERE action = 'invitation.created'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_id: staff.id, entity_type: 'user', after: { roles: ['mentor'] } });
    expect(rows[0].request_id).toBeTruthy();
    expect(await t.db.query(`SELECT 1 FROM audit_log WHERE action = 'invitation.accepted'`)).toHaveLength(1);
  });

  it('lets only an admin invite admins', async () => {
    const email = uniqueEmail('newadmin');
    const refused = await t.http
      .post('/api/v1/invitations')
      .set('authorization', staff.bearer)
      .send({ email, fullName: 'Quản Trị', roles: ['admin'] })
      .expect(403);
    expect(refused.body.code).toBe('not_allowed');
    expect(await t.db.query(`SELECT 1 FROM users WHERE email = $1`, [email])).toHaveLength(0);
    const res = await t.http
      .post('/api/v1/invitations')
      .set('authorization', admin.bearer)
      .send({ email, fullName: 'Quản Trị', roles: ['admin'] })
      .expect(201);
    expect(res.body.roles).toEqual(['admin']);
  });

  it('lets only an admin invite staff', async () => {
    const email = uniqueEmail('newstaff');
    const refused = await t.http
      .post('/api/v1/invitations')
      .set('authorization', staff.bearer)
      .send({ email, fullName: 'Nhân Viên', roles: ['staff'] })
      .expect(403);
    expect(refused.body.code).toBe('not_allowed');
    await t.http
      .post('/api/v1/invitations')
      .set('authorization', admin.bearer)
      .send({ email, fullName: 'Nhân Viên', roles: ['staff'], language: 'en' })
      .expect(201);
    const [mail] = await inbox.waitFor(email);
    expect(mail?.text).toContain('invites you to the Vietnam Global Biz Fellows programme as: Programme staff.');
  });

  it.each([
    [{ email: 'bad', fullName: 'A', roles: ['mentor'] }, ['email']],
    [{ email: 'a@example.vn', fullName: 'A', roles: ['fellow'] }, ['roles']],
    [{ email: 'a@example.vn', fullName: 'A', roles: ['applicant'] }, ['roles']],
    [{ email: 'a@example.vn', fullName: 'A', roles: [] }, ['roles']],
    [{ email: 'a@example.vn', fullName: '', roles: ['reviewer'] }, ['fullName']],
  ])('answers bad input %j with 400 and writes nothing', async (body, fields) => {
    const count = async () => (await t.db.query(`SELECT count(*)::int AS n FROM users`))[0].n as number;
    const before = await count();
    const res = await t.http.post('/api/v1/invitations').set('authorization', staff.bearer).send(body).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(fields);
    expect(await count()).toBe(before);
  });

  it('refuses inviting an existing account with 409', async () => {
    const res = await t.http
      .post('/api/v1/invitations')
      .set('authorization', staff.bearer)
      .send({ email: admin.email.toUpperCase(), fullName: 'Dup', roles: ['reviewer'] })
      .expect(409);
    expect(res.body.code).toBe('email_taken');
  });
});
