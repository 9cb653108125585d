import type { INestApplicationContext } from '@nestjs/common';
import { openCohort } from '../support/cohorts';
import { Inbox } from '../support/inbox';
import { type TestFellow, createFellows, createMilestones, logInFellow } from '../support/programme';
import { type TestApp, createTestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';
import { type SignedIn, signIn } from '../support/users';
import { addDays, newEmails, runChain, runDigest, stepOf } from './reminder-setup';

const DUE = '2031-09-15';

describe('Notification settings: digest, unsubscribe, preferences', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let staff: SignedIn;
  let cohortId: string;
  let fellows: TestFellow[];
  const seen = new Set<string>();
  const inbox = new Inbox();

  beforeAll(async () => {
    t = await createTestApp();
    worker = await startTestWorker(t.env);
    staff = await signIn(t, ['staff'], 'staff');
    cohortId = (await openCohort(t, staff, 'VGBF Notifications')).id;
    fellows = await createFellows(t, cohortId, staff, [{}, {}, {}], 'notify');
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await t.close();
  });

  const settingsOf = async (userId: string) =>
    t.db.query(`SELECT delivery, optional_emails FROM notification_preferences WHERE user_id = $1`, [userId]);

  it('lets anyone signed in read and change their settings; bad input is a 400 and changes nothing', async () => {
    const me = await logInFellow(t, fellows[0]);
    const get = () => t.http.get('/api/v1/me/notifications').set('authorization', me.bearer).expect(200);
    expect((await get()).body).toEqual({ delivery: 'immediate', optionalEmails: true });
    await t.http
      .put('/api/v1/me/notifications')
      .set('authorization', me.bearer)
      .send({ delivery: 'digest', optionalEmails: true })
      .expect(200, { delivery: 'digest', optionalEmails: true });
    for (const bad of [
      { delivery: 'weekly', optionalEmails: false },
      { delivery: 'immediate' },
      { delivery: 'immediate', optionalEmails: 'no' },
    ]) {
      const res = await t.http.put('/api/v1/me/notifications').set('authorization', me.bearer).send(bad).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    expect((await get()).body).toEqual({ delivery: 'digest', optionalEmails: true });
    // A mentor, a reviewer or staff has the same settings of their own.
    const reviewer = await signIn(t, ['reviewer']);
    await t.http.get('/api/v1/me/notifications').set('authorization', reviewer.bearer).expect(200);
  });

  it('puts two reminders of one day in one digest email listing both, once however often the digest runs', async () => {
    const fellow = fellows[0]; // chose the digest above
    await createMilestones(t, fellow.id, [
      { code: 'Market entry plan', dueOn: DUE },
      { code: 'Partner visit report', dueOn: DUE },
    ]);
    await newEmails(t, seen);
    expect(await runChain(worker, addDays(DUE, -7))).toEqual({ sent: 0, digest: 2, skipped: 0 });
    expect(await newEmails(t, seen)).toEqual([]);
    expect(await runDigest(worker, addDays(DUE, -7))).toEqual({ emails: 1, items: 2 });
    expect(await runDigest(worker, addDays(DUE, -7))).toEqual({ emails: 0, items: 0 });
    const digests = await newEmails(t, seen);
    expect(digests.map((e) => [e.template, e.to, e.data.count])).toEqual([['notification-digest', fellow.email, '2']]);
    const [email] = await inbox.waitFor(fellow.email, 1);
    expect(email?.subject).toBe(`Your notifications of ${addDays(DUE, -7)} (2)`);
    expect(email?.text).toContain('• Milestone "Market entry plan" is due on 2031-09-15');
    expect(email?.text).toContain('• Milestone "Partner visit report" is due on 2031-09-15');
    expect(await inbox.emailsTo(fellow.email)).toHaveLength(1);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM digest_items WHERE sent_at IS NULL`)).toEqual([{ n: 0 }]);
  });

  it('stops optional reminders after the unsubscribe link, and still sends mandatory ones that say why', async () => {
    const fellow = fellows[1];
    const [milestone] = await createMilestones(t, fellow.id, [{ code: 'Hub onboarding', dueOn: DUE }]);
    await newEmails(t, seen);
    await runChain(worker, addDays(DUE, -7));
    const [optional] = await newEmails(t, seen);
    expect(optional).toMatchObject({ to: fellow.email, template: 'milestone-due-soon' });
    const [first] = await inbox.waitFor(fellow.email, 1);
    expect(first?.text).toContain(optional.data.unsubscribeUrl);
    // The email offers one-click unsubscribe (RFC 8058) to mail clients, as it arrived over SMTP.
    const headers = await inbox.headers(first);
    expect(headers['list-unsubscribe']).toBe(`<${optional.data.unsubscribeUrl}>`);
    expect(headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');

    // A forged or altered token is refused and changes nothing.
    const link = new URL(optional.data.unsubscribeUrl);
    const token = link.searchParams.get('token')!;
    const other = `${fellows[2].userId}.${token.split('.')[1]}`;
    for (const bad of [other, `${token}x`, '', 'nonsense']) {
      const res = await t.http.get('/api/v1/notifications/unsubscribe').query({ token: bad }).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      const post = await t.http
        .post('/api/v1/notifications/unsubscribe')
        .query({ token: bad })
        .type('form')
        .send('List-Unsubscribe=One-Click')
        .expect(400);
      expect(post.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    await t.http.get('/api/v1/notifications/unsubscribe').expect(400);
    expect(await settingsOf(fellows[2].userId)).toEqual([]);

    // Following the link (a person, or a mail scanner) changes nothing: it leads to the page whose button acts.
    const url = `${link.pathname}${link.search}`;
    for (let i = 0; i < 2; i++) {
      const visit = await t.http.get(url).expect(303);
      expect(visit.headers.location).toBe(`/unsubscribe?token=${encodeURIComponent(token)}`);
    }
    expect(await settingsOf(fellow.userId)).toEqual([]);

    // Only the one-click body unsubscribes: anything else is a 400 field error and changes nothing.
    for (const body of ['List-Unsubscribe=Yes', 'List-Unsubscribe=One-Click&other=1', '']) {
      const res = await t.http.post(url).type('form').send(body).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors.length).toBeGreaterThan(0);
    }
    await t.http.post(url).expect(400);
    await t.http.post(url).field('List-Unsubscribe', 'Yes').expect(400);
    await t.http.post(url).attach('List-Unsubscribe', Buffer.from('One-Click'), 'x.txt').expect(400);
    expect(await settingsOf(fellow.userId)).toEqual([]);

    // The mail client's POST: no session, no CSRF token, the signed token is the credential. Form-encoded
    // or multipart (RFC 8058 allows both); twice is once.
    await t.http.post(url).field('List-Unsubscribe', 'One-Click').expect(204);
    await t.http.post(url).type('form').send('List-Unsubscribe=One-Click').expect(204);
    expect(await settingsOf(fellow.userId)).toEqual([{ delivery: 'immediate', optional_emails: false }]);

    // Optional steps are recorded as skipped (not retried), the mandatory overdue notice still comes.
    for (const offset of [-1, -1, 0, 1, 1]) await runChain(worker, addDays(DUE, offset));
    const after = await newEmails(t, seen);
    // The digest fellow's two milestones (test above) are overdue too: mandatory, so at once, not in a digest.
    expect(after.map((e) => `${stepOf(e)} ${e.to}`).sort()).toEqual(
      [`overdue_1d ${fellow.email}`, `overdue_1d ${fellows[0].email}`, `overdue_1d ${fellows[0].email}`].sort(),
    );
    const rows = await t.db.query(
      `SELECT step, delivery FROM reminder_log WHERE family = 'milestones' AND subject_id = $1 ORDER BY id`,
      [milestone],
    );
    expect(rows).toEqual([
      { step: 'before_7d', delivery: 'sent' },
      { step: 'before_1d', delivery: 'skipped' },
      { step: 'due_today', delivery: 'skipped' },
      { step: 'overdue_1d', delivery: 'sent' },
    ]);
    const mails = await inbox.waitFor(fellow.email, 2);
    const overdue = mails.find((m) => m.subject.includes('overdue'));
    expect(overdue?.text).toContain('This notice is mandatory and cannot be turned off');
    expect(overdue?.text).not.toContain('unsubscribe');
    expect(Object.keys(await inbox.headers(overdue!))).not.toContain('list-unsubscribe');
  });

  it('refuses bad dry-run and record queries with a 400 problem', async () => {
    const base = `/api/v1/cohorts/${cohortId}/reminders`;
    for (const path of [
      `${base}/upcoming?days=0`,
      `${base}/upcoming?days=61`,
      `${base}/upcoming?days=abc`,
      `${base}/sent?from=2031-10-10&to=2031-10-01`,
      `${base}/sent?from=10/01/2031`,
      `/api/v1/cohorts/not-a-uuid/reminders/upcoming`,
    ]) {
      const res = await t.http.get(path).set('authorization', staff.bearer);
      expect([path, res.status]).toEqual([path, 400]);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    await t.http
      .get('/api/v1/cohorts/00000000-0000-4000-8000-000000000000/reminders/upcoming')
      .set('authorization', staff.bearer)
      .expect(404);
  });
});
