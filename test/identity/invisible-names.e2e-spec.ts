import { uniqueEmail } from '../support/inbox';
import { type TestApp, createTestApp } from '../support/test-app';
import { TEST_PASSWORD, signIn } from '../support/users';

/** Issue 12: a display name made only of invisible characters is no name, wherever one is taken. */
describe('Display names people can see', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it.each(['\u200B\u200B\u200B', '\u200D \u2060', '\u0301\u0301', '\uFEFF'])(
    'refuses to register %j as a full name, creating no account',
    async (fullName) => {
      const email = uniqueEmail('ghost');
      const res = await t.http
        .post('/api/v1/auth/register')
        .send({ email, password: TEST_PASSWORD, fullName, language: 'vi' })
        .expect(400);
      expect(res.body.errors).toEqual([
        expect.objectContaining({
          field: 'fullName',
          message: expect.stringContaining('letters'),
          code: 'validation.is_visible_name',
        }),
      ]);
      expect((await t.db.query(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [email]))[0].n).toBe(0);
    },
  );

  it('refuses to rename an account to zero-width characters, keeping its name', async () => {
    const me = await signIn(t, ['applicant'], 'visible');
    const res = await t.http
      .patch('/api/v1/me')
      .set('authorization', me.bearer)
      .send({ fullName: '\u200B\u200C' })
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['fullName']);
    const [row] = await t.db.query(`SELECT full_name FROM users WHERE id = $1`, [me.id]);
    expect(row.full_name).toBe('Test visible');
  });
});
