import { type SignedIn, TEST_PASSWORD, signIn } from '../support/users';
import { type TestApp, createTestApp } from '../support/test-app';

describe('My account: profile, password change, password reset, CSRF', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const lastResetLink = async (email: string): Promise<string> => {
    const rows = await t.db.query(
      `SELECT payload FROM outbox WHERE payload->>'to' = $1 AND payload->>'template' = 'reset-password' ORDER BY created_at DESC LIMIT 1`,
      [email],
    );
    return new URL(rows[0].payload.data.link as string).searchParams.get('token') as string;
  };

  it('changes the language preference', async () => {
    const me = await signIn(t, ['applicant']);
    const res = await t.http.patch('/api/v1/me').set('authorization', me.bearer).send({ language: 'vi' }).expect(200);
    expect(res.body.language).toBe('vi');
    const [row] = await t.db.query(`SELECT language FROM users WHERE id = $1`, [me.id]);
    expect(row.language).toBe('vi');
  });

  it('answers bad profile input with 400 and changes nothing', async () => {
    const me = await signIn(t, ['applicant']);
    const res = await t.http
      .patch('/api/v1/me')
      .set('authorization', me.bearer)
      .send({ language: 'fr', roles: ['admin'] })
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['language', 'roles']);
    const [row] = await t.db.query(`SELECT language, roles FROM users WHERE id = $1`, [me.id]);
    expect(row).toEqual({ language: 'en', roles: ['applicant'] });
  });

  describe('with a cookie session', () => {
    let me: SignedIn;
    beforeAll(async () => {
      me = await signIn(t, ['applicant']);
    });

    it('refuses a write without the CSRF header, and accepts it with the header', async () => {
      const refused = await t.http.patch('/api/v1/me').set('cookie', me.cookie).send({ language: 'vi' }).expect(403);
      expect(refused.body.code).toBe('csrf_token_missing');
      await t.http
        .patch('/api/v1/me')
        .set('cookie', me.cookie)
        .set('x-csrf-token', 'forged')
        .send({ language: 'vi' })
        .expect(403);
      await t.http
        .patch('/api/v1/me')
        .set('cookie', me.cookie)
        .set('x-csrf-token', me.csrf)
        .send({ language: 'vi' })
        .expect(200);
    });

    it("refuses another session's CSRF pair (cookie and header) with 403, changing nothing", async () => {
      const other = await signIn(t, ['applicant']);
      const theirs = other.cookie.split('; ').find((c) => c.startsWith('vgbf_csrf=')) as string;
      const mySession = me.cookie.split('; ').find((c) => c.startsWith('vgbf_session=')) as string;
      const before = await t.db.query(`SELECT language FROM users WHERE id = $1`, [me.id]);
      const refused = await t.http
        .patch('/api/v1/me')
        .set('cookie', `${mySession}; ${theirs}`)
        .set('x-csrf-token', other.csrf)
        .send({ language: before[0].language === 'vi' ? 'en' : 'vi' })
        .expect(403)
        .expect('content-type', /problem\+json/);
      expect(refused.body.code).toBe('csrf_token_missing');
      expect(await t.db.query(`SELECT language FROM users WHERE id = $1`, [me.id])).toEqual(before);
      // A second session of the same person has its own token too.
      const second = await t.http.post('/api/v1/auth/login').send({ email: me.email, password: TEST_PASSWORD });
      const secondCsrf = String(second.headers['set-cookie']).match(/vgbf_csrf=([^;]+)/)?.[1];
      expect(secondCsrf).toBeDefined();
      expect(secondCsrf).not.toBe(me.csrf);
      await t.http
        .patch('/api/v1/me')
        .set('cookie', me.cookie)
        .set('x-csrf-token', secondCsrf as string)
        .expect(403);
    });

    it('mends a stale CSRF cookie (from before tokens were bound) on the next read, not on a write', async () => {
      const mySession = me.cookie.split('; ').find((c) => c.startsWith('vgbf_session=')) as string;
      const stale = `${mySession}; vgbf_csrf=an-old-random-value`;
      await t.http.patch('/api/v1/me').set('cookie', stale).set('x-csrf-token', 'an-old-random-value').expect(403);
      const read = await t.http.get('/api/v1/me').set('cookie', stale).expect(200);
      const mended = String(read.headers['set-cookie']).match(/vgbf_csrf=([^;]+)/)?.[1];
      expect(mended).toBe(me.csrf);
      // A cookie that is already right is left alone; an anonymous or bearer read sets nothing.
      expect(
        (await t.http.get('/api/v1/me').set('cookie', me.cookie).expect(200)).headers['set-cookie'],
      ).toBeUndefined();
      expect((await t.http.get('/api/v1/me').set('authorization', me.bearer)).headers['set-cookie']).toBeUndefined();
      await t.http
        .patch('/api/v1/me')
        .set('cookie', `${mySession}; vgbf_csrf=${mended as string}`)
        .set('x-csrf-token', mended as string)
        .send({ language: 'en' })
        .expect(200);
    });

    it('reads without the CSRF header', async () => {
      await t.http.get('/api/v1/me').set('cookie', me.cookie).expect(200);
    });
  });

  it('changes the password: other sessions end, this one stays, the old password stops working', async () => {
    const me = await signIn(t, ['mentor']);
    const other = await t.http
      .post('/api/v1/auth/login')
      .send({ email: me.email, password: TEST_PASSWORD })
      .expect(200);
    const wrong = await t.http
      .post('/api/v1/me/password')
      .set('authorization', me.bearer)
      .send({ currentPassword: 'not the password', newPassword: 'Một mật khẩu mới dài' })
      .expect(400);
    expect(wrong.body.errors).toEqual([
      { field: 'currentPassword', message: 'currentPassword is not correct', code: 'wrong_password', params: {} },
    ]);
    const weak = await t.http
      .post('/api/v1/me/password')
      .set('authorization', me.bearer)
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'password123' })
      .expect(400);
    expect(weak.body.errors[0].field).toBe('newPassword');

    await t.http
      .post('/api/v1/me/password')
      .set('authorization', me.bearer)
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'Một mật khẩu mới dài' })
      .expect(204);
    await t.http.get('/api/v1/me').set('authorization', me.bearer).expect(200);
    await t.http
      .get('/api/v1/me')
      .set('authorization', `Bearer ${other.body.token as string}`)
      .expect(401);
    await t.http.post('/api/v1/auth/login').send({ email: me.email, password: TEST_PASSWORD }).expect(401);
    await t.http.post('/api/v1/auth/login').send({ email: me.email, password: 'Một mật khẩu mới dài' }).expect(200);
  });

  it('resets a forgotten password by emailed single-use token, ending every session', async () => {
    const me = await signIn(t, ['applicant']);
    await t.http.post('/api/v1/auth/forgot-password').send({ email: me.email.toUpperCase() }).expect(202);
    const token = await lastResetLink(me.email);

    const bad = await t.http.post('/api/v1/auth/reset-password').send({ token, password: 'short' }).expect(400);
    expect(bad.body.errors[0].field).toBe('password');
    await t.http.post('/api/v1/auth/reset-password').send({ token, password: 'Phở bò tái chín 2027' }).expect(204);
    const reused = await t.http
      .post('/api/v1/auth/reset-password')
      .send({ token, password: 'Phở gà 2027 ngon lắm' })
      .expect(400);
    expect(reused.body.code).toBe('invalid_token');

    await t.http.get('/api/v1/me').set('authorization', me.bearer).expect(401);
    await t.http.post('/api/v1/auth/login').send({ email: me.email, password: 'Phở bò tái chín 2027' }).expect(200);
  });

  it('answers a reset request for an unknown email exactly like a known one, sending nothing', async () => {
    const before = await t.db.query(`SELECT count(*)::int AS n FROM outbox`);
    await t.http.post('/api/v1/auth/forgot-password').send({ email: 'nobody-here@example.vn' }).expect(202);
    const after = await t.db.query(`SELECT count(*)::int AS n FROM outbox`);
    expect(after[0].n).toBe(before[0].n);
  });

  it('refuses bad input to forgot/reset/verify with 400 field errors', async () => {
    expect(
      (await t.http.post('/api/v1/auth/forgot-password').send({ email: 'x' }).expect(400)).body.errors[0].field,
    ).toBe('email');
    const reset = await t.http.post('/api/v1/auth/reset-password').send({}).expect(400);
    expect(reset.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['password', 'token']);
    await t.http.post('/api/v1/auth/verify-email').send({ token: 42 }).expect(400);
  });
});
