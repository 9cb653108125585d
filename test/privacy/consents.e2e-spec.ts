import { ConsentLedger } from '@vgbf/personal-data';
import { type TestApp, createTestApp } from '../support/test-app';
import { type SignedIn, signIn } from '../support/users';

const NOTICE = {
  purpose: 'marketing',
  titleVi: 'Nhận tin về chương trình khác, sự kiện và ưu đãi của đối tác',
  titleEn: "News of other programmes, events and partners' offers",
  bodyVi: 'Bên kiểm soát dữ liệu: Chương trình VGBF. Nay chúng tôi gửi cả tin nhắn SMS.',
  bodyEn: 'Controller: the VGBF programme. We now also send text messages.',
};

/** Notices and consents: people's own consents, staff on their behalf (audited), notice versions, the proof. */
describe('Privacy notices and consents', () => {
  let t: TestApp;
  let staff: SignedIn;
  let applicant: SignedIn;
  let other: SignedIn;
  let reviewer: SignedIn;

  const as = (who: SignedIn) => ({
    get: (url: string) => t.http.get(url).set('authorization', who.bearer),
    post: (url: string) => t.http.post(url).set('authorization', who.bearer),
  });
  const events = async (userId: string) =>
    Number((await t.db.query(`SELECT count(*) AS n FROM consent_events WHERE user_id = $1`, [userId]))[0].n);
  const stateOf = async (who: SignedIn, purpose: string) =>
    ((await as(who).get('/api/v1/privacy/consents/mine').expect(200)).body.consents as Array<{ purpose: string }>).find(
      (c) => c.purpose === purpose,
    );

  beforeAll(async () => {
    t = await createTestApp();
    staff = await signIn(t, ['staff'], 'staff');
    applicant = await signIn(t, ['applicant'], 'applicant');
    other = await signIn(t, ['applicant'], 'other');
    reviewer = await signIn(t, ['reviewer'], 'reviewer');
  }, 60_000);
  afterAll(() => t.close());

  it('a person gives and withdraws their own consents; repeating changes nothing; the record is append-only', async () => {
    const before = await events(reviewer.id);
    await as(reviewer)
      .post('/api/v1/privacy/consents/mine')
      .send({ purpose: 'communications', action: 'give' })
      .expect(200);
    await as(reviewer)
      .post('/api/v1/privacy/consents/mine')
      .send({ purpose: 'communications', action: 'give' })
      .expect(200);
    expect(await events(reviewer.id)).toBe(before + 1);
    expect(await stateOf(reviewer, 'communications')).toMatchObject({
      state: 'given',
      stands: true,
      channel: 'account',
    });
    const res = await as(reviewer)
      .post('/api/v1/privacy/consents/mine')
      .send({ purpose: 'communications', action: 'withdraw' })
      .expect(200);
    expect(res.body.history[0]).toMatchObject({ action: 'withdrawn', channel: 'account', recordedBy: reviewer.id });
    await as(reviewer)
      .post('/api/v1/privacy/consents/mine')
      .send({ purpose: 'communications', action: 'withdraw' })
      .expect(200);
    expect(await events(reviewer.id)).toBe(before + 2);
    await expect(
      t.db.query(`UPDATE consent_events SET action = 'given' WHERE user_id = $1`, [reviewer.id]),
    ).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM consent_events WHERE user_id = $1`, [reviewer.id])).rejects.toThrow(
      /append-only/,
    );
  });

  it('refuses bad input with problem details and field errors, writing nothing', async () => {
    const before = await events(applicant.id);
    for (const [body, fields] of [
      [{ purpose: 'selling', action: 'give' }, ['purpose']],
      [{ purpose: 'marketing' }, ['action']],
      [{ purpose: 'marketing', action: 'give', userId: other.id }, ['userId']],
      [{}, ['action', 'purpose']],
    ] as const) {
      const res = await as(applicant).post('/api/v1/privacy/consents/mine').send(body).expect(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([...fields]);
    }
    expect(await events(applicant.id)).toBe(before);
    const noReason = await as(staff)
      .post(`/api/v1/privacy/consents/users/${applicant.id}`)
      .send({ purpose: 'marketing', action: 'give', reason: '  ' })
      .expect(400);
    expect(noReason.body.errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
    await as(staff)
      .post('/api/v1/privacy/consents/users/not-a-uuid')
      .send({ purpose: 'marketing', action: 'give', reason: 'x' })
      .expect(400);
    expect(await events(applicant.id)).toBe(before);
    const versions = Number((await t.db.query(`SELECT count(*) AS n FROM privacy_notices`))[0].n);
    const bad = await as(staff)
      .post('/api/v1/privacy/notices')
      .send({ ...NOTICE, material: 'yes', bodyEn: '' })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['bodyEn', 'material']);
    expect(Number((await t.db.query(`SELECT count(*) AS n FROM privacy_notices`))[0].n)).toBe(versions);
  });

  it("a person reads and changes only their own consents; staff see anyone's and act on their behalf, audited", async () => {
    await as(applicant).get(`/api/v1/privacy/consents/users/${other.id}`).expect(403);
    const before = await events(other.id);
    await as(applicant)
      .post(`/api/v1/privacy/consents/users/${other.id}`)
      .send({ purpose: 'marketing', action: 'withdraw', reason: 'I want to' })
      .expect(403);
    await as(reviewer).get('/api/v1/privacy/notices/versions').expect(403);
    await as(applicant)
      .post('/api/v1/privacy/notices')
      .send({ ...NOTICE, material: false })
      .expect(403);
    expect(await events(other.id)).toBe(before);

    const seen = await as(staff).get(`/api/v1/privacy/consents/users/${other.id}`).expect(200);
    expect(seen.body.consents.every((c: { stands: boolean }) => c.stands)).toBe(true);
    const res = await as(staff)
      .post(`/api/v1/privacy/consents/users/${other.id}`)
      .set('user-agent', 'Staff browser')
      .send({ purpose: 'marketing', action: 'withdraw', reason: 'Asked by phone on 7/12' })
      .expect(200);
    expect(res.body.history[0]).toMatchObject({
      purpose: 'marketing',
      action: 'withdrawn',
      channel: 'staff',
      recordedBy: staff.id,
      userAgent: 'Staff browser',
    });
    const [audit] = await t.db.query(
      `SELECT actor_id, after FROM audit_log WHERE action = 'consent.withdrawn_on_behalf' AND entity_id = $1`,
      [other.id],
    );
    expect(audit).toMatchObject({
      actor_id: staff.id,
      after: { purpose: 'marketing', reason: 'Asked by phone on 7/12' },
    });
    expect(await t.app.get(ConsentLedger).has(other.id, 'marketing')).toBe(false);
    await as(staff).get('/api/v1/privacy/consents/users/00000000-0000-4000-8000-000000000000').expect(404);
  });

  it('a material new notice asks people to consent again; a minor one does not; staff read versions and counts', async () => {
    const ledger = t.app.get(ConsentLedger);
    expect(await ledger.has(applicant.id, 'marketing')).toBe(true);
    const minor = await as(staff)
      .post('/api/v1/privacy/notices')
      .send({ ...NOTICE, material: false, changeNote: 'Typo' })
      .expect(201);
    expect(minor.body).toMatchObject({ purpose: 'marketing', version: 2, material: false });
    expect(await ledger.has(applicant.id, 'marketing')).toBe(true);
    const material = await as(staff)
      .post('/api/v1/privacy/notices')
      .send({ ...NOTICE, material: true, changeNote: 'SMS' })
      .expect(201);
    expect(material.body.version).toBe(3);
    expect(await ledger.has(applicant.id, 'marketing')).toBe(false);
    expect(await stateOf(applicant, 'marketing')).toMatchObject({
      state: 'lapsed',
      stands: false,
      noticeVersion: 1,
      currentVersion: 3,
    });
    const current = await t.http.get('/api/v1/privacy/notices').expect(200);
    expect(current.body.find((n: { purpose: string }) => n.purpose === 'marketing').version).toBe(3);

    await as(applicant)
      .post('/api/v1/privacy/consents/mine')
      .send({ purpose: 'marketing', action: 'give' })
      .expect(200);
    expect(await stateOf(applicant, 'marketing')).toMatchObject({ state: 'given', noticeVersion: 3 });
    const versions = await as(staff).get('/api/v1/privacy/notices/versions').expect(200);
    const marketing = versions.body.find((p: { purpose: string }) => p.purpose === 'marketing');
    expect(marketing.versions.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
    // applicant: again under v3; reviewer: never; other: withdrew; staff: none. The rest consented under v1: lapsed.
    expect(marketing.standing).toBe(1);
    expect(marketing.withdrawn).toBe(1);
    expect(marketing.lapsed).toBeGreaterThanOrEqual(0);
    const [audit] = await t.db.query(
      `SELECT after FROM audit_log WHERE action = 'privacy_notice.published' AND entity_id = 'marketing/3'`,
    );
    expect(audit.after).toMatchObject({ material: true, version: 3 });
  });
});
