import { type TestApp, createTestApp } from './support/test-app';
import { type SignedIn, signIn } from './support/users';
import { uniqueEmail } from './support/inbox';

describe('Audit log', () => {
  let t: TestApp;
  let staff: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await signIn(t, ['staff'], 'staff');
    await t.db.query(`UPDATE users SET full_name = 'Trần Thị Ánh Nguyệt' WHERE id = $1`, [staff.id]);
    for (const role of ['mentor', 'reviewer', 'mentor']) {
      await t.http
        .post('/api/v1/invitations')
        .set('authorization', staff.bearer)
        .send({ email: uniqueEmail(role), fullName: `Invited ${role}`, roles: [role] })
        .expect(201);
    }
  });
  afterAll(() => t.close());

  it('cannot be changed or deleted, even by the application database user', async () => {
    await expect(t.db.query(`UPDATE audit_log SET reason = 'tampered'`)).rejects.toThrow(/append-only: UPDATE/);
    await expect(t.db.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only: DELETE/);
    await expect(t.db.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only: TRUNCATE/);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE reason IS NULL`);
    expect(n).toBe(3);
  });

  it('lists entries newest first, paginated, filtered by entity, actor, action and time', async () => {
    const all = await t.http.get('/api/v1/audit-log?pageSize=2').set('authorization', staff.bearer).expect(200);
    expect(all.body.meta).toEqual({ page: 1, pageSize: 2, total: 3, pageCount: 2 });
    expect(new Date(all.body.items[0].createdAt) >= new Date(all.body.items[1].createdAt)).toBe(true);

    const entityId = all.body.items[0].entityId as string;
    const one = await t.http
      .get(`/api/v1/audit-log?entityType=user&entityId=${entityId}`)
      .set('authorization', staff.bearer)
      .expect(200);
    expect(one.body.items).toHaveLength(1);
    const byActor = await t.http
      .get(`/api/v1/audit-log?actorId=${staff.id}&action=invitation.created`)
      .set('authorization', staff.bearer);
    expect(byActor.body.meta.total).toBe(3);
    const future = await t.http.get(`/api/v1/audit-log?from=2999-01-01T00:00:00Z`).set('authorization', staff.bearer);
    expect(future.body.meta.total).toBe(0);
  });

  it('names who acted, and finds them by a part of their name or email, case and diacritics ignored', async () => {
    const byName = await t.http
      .get(`/api/v1/audit-log?actor=${encodeURIComponent('anh NGUYET')}`)
      .set('authorization', staff.bearer)
      .expect(200);
    expect(byName.body.meta.total).toBe(3);
    expect(byName.body.items[0]).toMatchObject({
      actorId: staff.id,
      actorName: 'Trần Thị Ánh Nguyệt',
      actorEmail: staff.email,
      action: 'invitation.created',
      entityType: 'user',
    });
    expect(byName.body.items[0].createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const byEmail = await t.http
      .get(`/api/v1/audit-log?actor=${encodeURIComponent(staff.email.toUpperCase())}`)
      .set('authorization', staff.bearer);
    expect(byEmail.body.meta.total).toBe(3);
    // LIKE's wildcards are taken literally: "%" names nobody here.
    const wildcard = await t.http.get('/api/v1/audit-log?actor=%25').set('authorization', staff.bearer).expect(200);
    expect(wildcard.body.meta.total).toBe(0);
    const nobody = await t.http.get('/api/v1/audit-log?actor=Kh%C3%B4ng%20ai').set('authorization', staff.bearer);
    expect(nobody.body.meta.total).toBe(0);
  });

  it('refuses bad filters with 400', async () => {
    const res = await t.http
      .get(`/api/v1/audit-log?actorId=nope&actor=${'a'.repeat(101)}&from=yesterday&pageSize=1000`)
      .set('authorization', staff.bearer)
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'actor',
      'actorId',
      'from',
      'pageSize',
    ]);
  });

  it('exports the filtered entries as a streamed CSV, newest first', async () => {
    const res = await t.http
      .get(`/api/v1/audit-log/export.csv?actorId=${staff.id}&action=invitation.created`)
      .set('authorization', staff.bearer)
      .buffer(true)
      .parse((r, done) => {
        let text = '';
        r.setEncoding('utf8');
        r.on('data', (chunk: string) => (text += chunk));
        r.on('end', () => done(null, text));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="audit-log-\d{4}-\d\d-\d\d\.csv"/);
    expect(res.headers['cache-control']).toBe('no-store');
    const lines = (res.body as string)
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'id,created_at,actor_id,actor_name,actor_email,action,entity_type,entity_id,reason,request_id,before,after',
    );
    expect(lines).toHaveLength(4);
    expect(
      lines
        .slice(1)
        .every((l) => l.includes(`,${staff.id},Trần Thị Ánh Nguyệt,${staff.email},invitation.created,user,`)),
    ).toBe(true);
    // The JSON of `after` is one quoted field; names keep their diacritics.
    expect(lines[1]).toMatch(/,"\{""email"": "".+"", ""roles"": \[""mentor""\].*\}"$/);
    const ids = lines.slice(1).map((l) => Number(l.split(',')[0]));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it('exports nothing but the header when the filters select nothing, and refuses bad filters before any byte', async () => {
    const empty = await t.http
      .get('/api/v1/audit-log/export.csv?from=2999-01-01T00:00:00Z')
      .set('authorization', staff.bearer)
      .expect(200);
    expect(
      empty.text
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n'),
    ).toHaveLength(1);
    const bad = await t.http
      .get('/api/v1/audit-log/export.csv?actorId=nope&to=never')
      .set('authorization', staff.bearer)
      .expect(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['actorId', 'to']);
  });
});
