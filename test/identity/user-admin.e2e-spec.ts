import { AccountsService } from '@vgbf/identity';
import { uniqueEmail } from '../support/inbox';
import { type TestApp, createTestApp } from '../support/test-app';
import { type SignedIn, TEST_PASSWORD, signIn } from '../support/users';

describe('Admin console: users', () => {
  let t: TestApp;
  let admin: SignedIn;
  let staff: SignedIn;
  const auditRows = async (entityId: string): Promise<Array<Record<string, unknown>>> =>
    t.db.query(`SELECT actor_id, action, before, after, reason FROM audit_log WHERE entity_id = $1 ORDER BY id`, [
      entityId,
    ]);
  const rolesOf = async (id: string): Promise<string[]> =>
    (await t.db.query(`SELECT roles FROM users WHERE id = $1`, [id]))[0].roles as string[];

  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_MAX_PER_ACCOUNT: '1000', LOGIN_MAX_PER_IP: '100000' } });
    admin = await signIn(t, ['admin'], 'admin');
    staff = await signIn(t, ['staff'], 'staff');
  });
  afterAll(() => t.close());

  describe('the list', () => {
    let an: string;
    beforeAll(async () => {
      const accounts = t.app.get(AccountsService);
      const email = uniqueEmail('an.nguyen');
      an = (
        await accounts.createVerifiedUser({
          email,
          fullName: 'Nguyễn Văn An',
          roles: ['reviewer'],
          language: 'vi',
          password: TEST_PASSWORD,
        })
      ).id;
      await accounts.createVerifiedUser({
        email: uniqueEmail('dang'),
        fullName: 'Đặng Thị Bình',
        roles: ['mentor'],
        language: 'vi',
        password: TEST_PASSWORD,
      });
    });

    it('finds people by name without diacritics or case, and by part of the email', async () => {
      for (const q of ['nguyen van an', 'NGUYỄN', 'an.nguyen']) {
        const res = await t.http.get('/api/v1/users').query({ q }).set('authorization', staff.bearer).expect(200);
        expect(res.body.items.map((u: { id: string }) => u.id)).toEqual([an]);
        expect(res.body.items[0]).toMatchObject({ fullName: 'Nguyễn Văn An', roles: ['reviewer'], status: 'active' });
      }
      const dang = await t.http.get('/api/v1/users?q=dang thi').set('authorization', admin.bearer).expect(200);
      expect(dang.body.items.map((u: { fullName: string }) => u.fullName)).toEqual(['Đặng Thị Bình']);
      // LIKE wildcards are text, not patterns.
      const wild = await t.http.get('/api/v1/users?q=%25').set('authorization', admin.bearer).expect(200);
      expect(wild.body.meta.total).toBe(0);
    });

    it('filters by role and status, paginated', async () => {
      const mentors = await t.http.get('/api/v1/users?role=mentor').set('authorization', admin.bearer).expect(200);
      expect(mentors.body.items.map((u: { fullName: string }) => u.fullName)).toEqual(['Đặng Thị Bình']);
      const page = await t.http.get('/api/v1/users?status=active&pageSize=2').set('authorization', admin.bearer);
      expect(page.body.meta).toMatchObject({ page: 1, pageSize: 2, total: 4, pageCount: 2 });
      const invited = await t.http.get('/api/v1/users?status=invited').set('authorization', admin.bearer);
      expect(invited.body.meta.total).toBe(0);
    });

    it('refuses bad filters with 400 and field errors', async () => {
      const res = await t.http
        .get('/api/v1/users?role=king&status=gone&pageSize=500')
        .set('authorization', admin.bearer)
        .expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['pageSize', 'role', 'status']);
    });
  });

  describe('roles', () => {
    it('sets the assignable roles, keeps applicant and fellow, and audits before and after', async () => {
      const person = await signIn(t, ['applicant', 'fellow'], 'fellow');
      const res = await t.http
        .put(`/api/v1/users/${person.id}/roles`)
        .set('authorization', admin.bearer)
        .send({ roles: ['mentor', 'reviewer'] })
        .expect(200);
      expect(res.body.roles).toEqual(['applicant', 'reviewer', 'mentor', 'fellow']);
      // The session in use sees its new roles on its next request.
      const me = await t.http.get('/api/v1/me').set('authorization', person.bearer).expect(200);
      expect(me.body.roles).toEqual(['applicant', 'reviewer', 'mentor', 'fellow']);
      await t.http
        .put(`/api/v1/users/${person.id}/roles`)
        .set('authorization', admin.bearer)
        .send({ roles: [] })
        .expect(200);
      expect(await rolesOf(person.id)).toEqual(['applicant', 'fellow']);
      const rows = await auditRows(person.id);
      expect(rows).toEqual([
        expect.objectContaining({
          actor_id: admin.id,
          action: 'user.roles_changed',
          before: { roles: ['applicant', 'fellow'] },
          after: { roles: ['applicant', 'reviewer', 'mentor', 'fellow'] },
        }),
        expect.objectContaining({ action: 'user.roles_changed', after: { roles: ['applicant', 'fellow'] } }),
      ]);
    });

    it('refuses to take an admin’s own admin role, or an account’s last role; nothing changes', async () => {
      const own = await t.http
        .put(`/api/v1/users/${admin.id}/roles`)
        .set('authorization', admin.bearer)
        .send({ roles: ['staff'] })
        .expect(409);
      expect(own.body).toMatchObject({ code: 'own_account', errors: [{ field: 'roles' }] });
      expect(await rolesOf(admin.id)).toEqual(['admin']);
      const reviewer = await signIn(t, ['reviewer'], 'reviewer');
      const last = await t.http
        .put(`/api/v1/users/${reviewer.id}/roles`)
        .set('authorization', admin.bearer)
        .send({ roles: [] })
        .expect(400);
      expect(last.body).toMatchObject({ code: 'no_role_left', errors: [{ field: 'roles' }] });
      expect(await rolesOf(reviewer.id)).toEqual(['reviewer']);
      expect(await auditRows(admin.id)).toEqual([]);
      expect(await auditRows(reviewer.id)).toEqual([]);
    });

    it.each([[{ roles: ['applicant'] }], [{ roles: ['fellow', 'mentor'] }], [{ roles: 'admin' }], [{}]])(
      'answers %j with 400 on roles and writes nothing',
      async (body) => {
        const reviewer = await signIn(t, ['reviewer'], 'reviewer');
        const res = await t.http
          .put(`/api/v1/users/${reviewer.id}/roles`)
          .set('authorization', admin.bearer)
          .send(body)
          .expect(400);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('roles');
        expect(await rolesOf(reviewer.id)).toEqual(['reviewer']);
      },
    );

    it('answers an unknown account with 404 and a malformed id with 400', async () => {
      const missing = await t.http
        .put('/api/v1/users/00000000-0000-4000-8000-000000000000/roles')
        .set('authorization', admin.bearer)
        .send({ roles: ['mentor'] })
        .expect(404);
      expect(missing.body.code).toBe('user_not_found');
      await t.http.put('/api/v1/users/nope/roles').set('authorization', admin.bearer).send({ roles: [] }).expect(400);
    });
  });

  describe('deactivation', () => {
    it('ends every session at once; signing in then answers exactly as a wrong password does', async () => {
      const reviewer = await signIn(t, ['reviewer'], 'reviewer');
      const second = await t.http.post('/api/v1/auth/login').send({ email: reviewer.email, password: TEST_PASSWORD });
      const res = await t.http
        .post(`/api/v1/users/${reviewer.id}/deactivate`)
        .set('authorization', admin.bearer)
        .send({ reason: 'Rời hội đồng' })
        .expect(200);
      expect(res.body).toMatchObject({ status: 'deactivated', deactivatedAt: expect.any(String) });

      await t.http.get('/api/v1/me').set('authorization', reviewer.bearer).expect(401);
      await t.http.get('/api/v1/me').set('cookie', reviewer.cookie).expect(401);
      await t.http
        .get('/api/v1/me')
        .set('authorization', `Bearer ${second.body.token as string}`)
        .expect(401);
      const [{ live }] = await t.db.query(
        `SELECT count(*)::int AS live FROM sessions WHERE user_id = $1 AND revoked_at IS NULL`,
        [reviewer.id],
      );
      expect(live).toBe(0);

      const right = await t.http.post('/api/v1/auth/login').send({ email: reviewer.email, password: TEST_PASSWORD });
      const wrong = await t.http
        .post('/api/v1/auth/login')
        .send({ email: reviewer.email, password: 'not the password' });
      const unknown = await t.http
        .post('/api/v1/auth/login')
        .send({ email: uniqueEmail('nobody'), password: TEST_PASSWORD });
      expect(right.status).toBe(401);
      const shape = (b: Record<string, unknown>): unknown => ({ code: b.code, title: b.title, detail: b.detail });
      expect(shape(right.body)).toEqual(shape(wrong.body));
      expect(shape(right.body)).toEqual(shape(unknown.body));

      expect(await auditRows(reviewer.id)).toEqual([
        expect.objectContaining({
          actor_id: admin.id,
          action: 'user.deactivated',
          before: { status: 'active' },
          after: { status: 'deactivated' },
          reason: 'Rời hội đồng',
        }),
      ]);
      const listed = await t.http.get('/api/v1/users?status=deactivated').set('authorization', staff.bearer);
      expect(listed.body.items.map((u: { id: string }) => u.id)).toContain(reviewer.id);
    });

    it('sends no reset link to a deactivated account, and reactivation lets it sign in again', async () => {
      const mentor = await signIn(t, ['mentor'], 'mentor');
      await t.http
        .post(`/api/v1/users/${mentor.id}/deactivate`)
        .set('authorization', admin.bearer)
        .send({})
        .expect(200);
      await t.http.post('/api/v1/auth/forgot-password').send({ email: mentor.email }).expect(202);
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM user_tokens WHERE user_id = $1 AND purpose = 'reset_password'`,
        [mentor.id],
      );
      expect(n).toBe(0);
      const res = await t.http
        .post(`/api/v1/users/${mentor.id}/reactivate`)
        .set('authorization', admin.bearer)
        .expect(200);
      expect(res.body).toMatchObject({ status: 'active', deactivatedAt: null });
      await t.http.post('/api/v1/auth/login').send({ email: mentor.email, password: TEST_PASSWORD }).expect(200);
      expect((await auditRows(mentor.id)).map((r) => r.action)).toEqual(['user.deactivated', 'user.reactivated']);
      // A second reactivation changes nothing and records nothing.
      await t.http.post(`/api/v1/users/${mentor.id}/reactivate`).set('authorization', admin.bearer).expect(200);
      expect(await auditRows(mentor.id)).toHaveLength(2);
    });

    it('refuses an admin deactivating themselves, a too-long reason and an unknown account; nothing is written', async () => {
      const own = await t.http
        .post(`/api/v1/users/${admin.id}/deactivate`)
        .set('authorization', admin.bearer)
        .send({})
        .expect(409);
      expect(own.body.code).toBe('own_account');
      await t.http.get('/api/v1/me').set('authorization', admin.bearer).expect(200);
      const other = await signIn(t, ['staff'], 'staff');
      const bad = await t.http
        .post(`/api/v1/users/${other.id}/deactivate`)
        .set('authorization', admin.bearer)
        .send({ reason: 'x'.repeat(501) })
        .expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
      await t.http.get('/api/v1/me').set('authorization', other.bearer).expect(200);
      await t.http
        .post('/api/v1/users/00000000-0000-4000-8000-000000000000/deactivate')
        .set('authorization', admin.bearer)
        .send({})
        .expect(404);
      expect(await auditRows(admin.id)).toEqual([]);
      expect(await auditRows(other.id)).toEqual([]);
    });

    it('lets only an admin change accounts: staff may look but not touch', async () => {
      const reviewer = await signIn(t, ['reviewer'], 'reviewer');
      for (const [path, body] of [
        [`/api/v1/users/${reviewer.id}/deactivate`, {}],
        [`/api/v1/users/${reviewer.id}/reactivate`, {}],
      ] as const) {
        await t.http.post(path).set('authorization', staff.bearer).send(body).expect(403);
      }
      await t.http
        .put(`/api/v1/users/${reviewer.id}/roles`)
        .set('authorization', staff.bearer)
        .send({ roles: ['staff'] })
        .expect(403);
      await t.http.get('/api/v1/me').set('authorization', reviewer.bearer).expect(200);
      expect(await rolesOf(reviewer.id)).toEqual(['reviewer']);
    });
  });
});
