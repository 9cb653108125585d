import { hashToken } from '../support/tokens';
import { type TestApp, createTestApp } from '../support/test-app';

const PASSWORD = 'Sài Gòn mưa chiều 2027';

describe('Accounts: register, verify, log in, log out', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const register = (body: Record<string, unknown>) => t.http.post('/api/v1/auth/register').send(body);
  const count = async (table: string): Promise<number> =>
    Number((await t.db.query<Array<{ n: string }>>(`SELECT count(*) AS n FROM ${table}`))[0]?.n);

  it('registers an applicant: the row, a verification token and the email are committed together', async () => {
    const res = await register({
      email: '  An.Nguyen@Example.vn ',
      password: PASSWORD,
      fullName: 'Nguye\u0302\u0303n Văn  An',
      language: 'vi',
    }).expect(202);
    // The answer says only where the email went: it is the same for an address that has an account.
    expect(res.body).toEqual({ email: 'An.Nguyen@Example.vn' });

    const [user] = await t.db.query(
      `SELECT email, email_normalized, full_name, roles, password_hash, email_verified_at FROM users`,
    );
    expect(user).toMatchObject({
      email: 'An.Nguyen@Example.vn',
      email_normalized: 'an.nguyen@example.vn',
      roles: ['applicant'],
      email_verified_at: null,
    });
    expect(user.full_name).toBe('Nguyễn Văn An'.normalize('NFC'));
    expect(user.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);

    const outbox = await t.db.query(`SELECT queue, status, payload FROM outbox`);
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      queue: 'mail',
      status: 'pending',
      payload: { template: 'verify-email', to: 'An.Nguyen@Example.vn', language: 'vi' },
    });
    expect(outbox[0].payload.data.link).toMatch(/\/verify-email\?token=[A-Za-z0-9_-]{43}$/);
  });

  it('answers the same email in another case exactly like a new one, and emails the owner instead', async () => {
    const [before] = await t.db.query(`SELECT id, full_name, password_hash, updated_at FROM users`);
    const tokens = await count('user_tokens');
    const res = await register({ email: 'an.nguyen@example.vn', password: PASSWORD, fullName: 'Another An' }).expect(
      202,
    );
    expect(res.body).toEqual({ email: 'an.nguyen@example.vn' });
    // Nothing about the account changes and no verification token is issued.
    expect(await t.db.query(`SELECT id, full_name, password_hash, updated_at FROM users`)).toEqual([before]);
    expect(await count('user_tokens')).toBe(tokens);
    const [mail] = await t.db.query(
      `SELECT payload FROM outbox WHERE payload->>'template' = 'account-exists' ORDER BY created_at DESC`,
    );
    // To the owner's address as registered, in the owner's language (not the visitor's).
    expect(mail.payload).toMatchObject({
      to: 'An.Nguyen@Example.vn',
      language: 'vi',
      data: { fullName: 'Nguyễn Văn An', loginUrl: expect.stringMatching(/\/login$/) },
    });
    expect(mail.payload.data.resetUrl).toMatch(/\/forgot-password$/);
  });

  it('refuses a weak password for an address that has an account exactly as for a new one', async () => {
    const taken = await register({ email: 'an.nguyen@example.vn', password: 'password123', fullName: 'X' }).expect(400);
    const fresh = await register({ email: 'fresh@example.vn', password: 'password123', fullName: 'X' }).expect(400);
    expect(taken.body.errors).toEqual(fresh.body.errors);
    expect(taken.body.detail).toEqual(fresh.body.detail);
  });

  it.each([
    [{ email: 'not-an-email', password: PASSWORD, fullName: 'X' }, ['email']],
    [{ email: 'b@example.vn', password: 'short', fullName: 'X' }, ['password']],
    [{ email: 'b@example.vn', password: PASSWORD, fullName: '   ' }, ['fullName']],
    [{ email: 'b@example.vn', password: PASSWORD, fullName: 'B', language: 'fr' }, ['language']],
    [{ email: 'b@example.vn', password: PASSWORD, fullName: 'B', roles: ['admin'] }, ['roles']],
    [{}, ['email', 'password', 'fullName']],
  ])('answers bad input %j with 400 field errors and writes nothing', async (body, fields) => {
    const users = await count('users');
    const res = await register(body)
      .expect(400)
      .expect('content-type', /problem\+json/);
    expect([...new Set(res.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual([...fields].sort());
    expect(await count('users')).toBe(users);
  });

  it('refuses login until the email is verified, then verifies once', async () => {
    await t.http.post('/api/v1/auth/login').send({ email: 'an.nguyen@example.vn', password: PASSWORD }).expect(403);
    const [{ payload }] = await t.db.query(`SELECT payload FROM outbox`);
    const token = new URL(payload.data.link as string).searchParams.get('token') as string;
    const [row] = await t.db.query(`SELECT used_at FROM user_tokens WHERE token_hash = $1`, [hashToken(token)]);
    expect(row.used_at).toBeNull();
    await t.http.post('/api/v1/auth/verify-email').send({ token }).expect(204);
    const again = await t.http.post('/api/v1/auth/verify-email').send({ token }).expect(400);
    expect(again.body.code).toBe('invalid_token');
  });

  it('logs in with a bearer token and a cookie, serves /me, and refuses the session after logout', async () => {
    const bad = await t.http
      .post('/api/v1/auth/login')
      .send({ email: 'an.nguyen@example.vn', password: 'wrong password!' })
      .expect(401);
    expect(bad.body.code).toBe('invalid_credentials');
    const unknown = await t.http
      .post('/api/v1/auth/login')
      .send({ email: 'nobody@example.vn', password: PASSWORD })
      .expect(401);
    expect(unknown.body.detail).toBe(bad.body.detail);

    const login = await t.http
      .post('/api/v1/auth/login')
      .send({ email: 'AN.NGUYEN@example.vn', password: PASSWORD })
      .expect(200);
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(/vgbf_session=[^;]+; .*HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const bearer = `Bearer ${login.body.token as string}`;

    const me = await t.http.get('/api/v1/me').set('authorization', bearer).expect(200);
    expect(me.body).toMatchObject({ email: 'An.Nguyen@Example.vn', emailVerified: true, roles: ['applicant'] });
    await t.http.get('/api/v1/me').set('cookie', cookie.split(';')[0]).expect(200);

    await t.http.post('/api/v1/auth/logout').set('authorization', bearer).expect(204);
    const refused = await t.http.get('/api/v1/me').set('authorization', bearer).expect(401);
    expect(refused.body.code).toBe('not_authenticated');
  });

  it('refuses anonymous and forged sessions on /me and logout', async () => {
    await t.http.get('/api/v1/me').expect(401);
    await t.http.get('/api/v1/me').set('authorization', 'Bearer forged-token').expect(401);
    await t.http.post('/api/v1/auth/logout').expect(401);
  });
});
