import { OfferJobs } from '@vgbf/committee';
import { openCohort } from '../support/cohorts';
import {
  type Candidate,
  type CandidateSpec,
  distinctInterviews,
  interviewedCandidates,
  logIn,
  startSelecting,
} from '../support/selection';
import { type TestApp, createTestApp } from '../support/test-app';
import { type SignedIn, signIn } from '../support/users';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * 60 candidates, the 33 best men then 27 women, all for SG or JP (25 seats each). With "at least half
 * women" the optimum takes the best 25 of each; the waitlist is the 8 other men (ranks 1–8), then the
 * 2 other women (ranks 9–10). A woman's freed seat must go to a woman: the men ahead are skipped.
 */
function cohortOf60(): CandidateSpec[] {
  const interviews = distinctInterviews(60);
  return interviews.map((interview, i) => ({
    gender: i < 33 ? 'male' : 'female',
    region: 'North',
    sector: 'technology',
    hubs: ['SG', 'JP'],
    interview,
    language: i % 2 === 0 ? 'vi' : 'en',
  }));
}

describe('Offers and the waitlist: confirmation, accept, decline, expiry, reminders', () => {
  let t: TestApp;
  let staff: SignedIn;
  let cohortId: string;
  let people: Candidate[];
  let proposalId: string;
  let jobs: OfferJobs;
  const men = () => people.filter((p) => p.gender === 'male');
  const women = () => people.filter((p) => p.gender === 'female');

  beforeAll(async () => {
    t = await createTestApp();
    jobs = t.app.get(OfferJobs);
    staff = await signIn(t, ['staff'], 'staff');
    cohortId = (await openCohort(t, staff, 'VGBF Offers')).id;
    people = await interviewedCandidates(t, cohortId, staff, cohortOf60());
    await startSelecting(t, staff, cohortId);
  }, 60_000);
  afterAll(() => t.close());

  const as = (who: SignedIn) => ({
    get: (url: string) => t.http.get(url).set('authorization', who.bearer),
    post: (url: string) => t.http.post(url).set('authorization', who.bearer),
  });
  const proposals = () => `/api/v1/cohorts/${cohortId}/selection/proposals`;
  const offerOf = async (applicationId: string) =>
    (
      await t.db.query(`SELECT id, status, expires_at, replaced_by_offer_id FROM offers WHERE application_id = $1`, [
        applicationId,
      ])
    )[0] as { id: string; status: string; expires_at: Date; replaced_by_offer_id: string | null } | undefined;
  const offerCount = async () => Number((await t.db.query(`SELECT count(*) AS n FROM offers`))[0].n);
  const offerEmails = async () =>
    t.db.query<Array<{ to: string; language: string }>>(
      `SELECT payload->>'to' AS to, payload->>'language' AS language FROM outbox
        WHERE payload->>'template' = 'offer' ORDER BY created_at, payload->>'to'`,
    );
  const statusOf = async (id: string) =>
    (await t.db.query(`SELECT status FROM applications WHERE id = $1`, [id]))[0].status as string;
  const waitlistStatus = async (id: string) =>
    (await t.db.query(`SELECT status FROM waitlist_entries WHERE application_id = $1`, [id]))[0]?.status as string;
  const byRank = (rank: number) => [...men().slice(25), ...women().slice(25)][rank - 1];

  it('proposes the best 25 women and 25 men, the rest waitlisted men first', async () => {
    const res = await as(staff)
      .post(proposals())
      .send({
        scoreKind: 'interview',
        size: 50,
        shares: [{ id: 'women', attribute: 'gender', value: 'female', min: 0.5 }],
      })
      .expect(201);
    proposalId = res.body.id;
    const selected = new Set(res.body.selected.map((s: { applicationId: string }) => s.applicationId));
    expect(selected).toEqual(new Set([...men().slice(0, 25), ...women().slice(0, 25)].map((p) => p.id)));
    expect(res.body.waitlist.map((w: { applicationId: string }) => w.applicationId)).toEqual(
      [...men().slice(25), ...women().slice(25)].map((p) => p.id),
    );
    expect(res.body.prices).toEqual([
      expect.objectContaining({ constraint: 'women', price: expect.any(Number) }),
      expect.objectContaining({ constraint: 'hubs', price: 0 }),
    ]);
    expect(res.body.prices[0].price).toBeGreaterThan(0);
  });

  it('previews the offer email in the candidate’s language without sending it', async () => {
    const [vi, en] = [people[0], people[1]];
    const url = (id: string) => `${proposals()}/${proposalId}/offer-preview?applicationId=${id}`;
    const a = await as(staff).get(url(vi.id)).expect(200);
    expect(a.body).toMatchObject({ to: vi.email, language: 'vi', subject: 'Thư mời tham gia VGBF Offers' });
    expect(a.body.text).toContain(`Chào ${vi.fullName},`);
    expect(a.body.html).toContain(`/applications/${vi.id}`);
    const b = await as(staff).get(url(en.id)).expect(200);
    expect(b.body).toMatchObject({ to: en.email, language: 'en', subject: 'Your offer to join VGBF Offers' });
    // Only the selected get an offer.
    await as(staff)
      .get(url(byRank(1).id))
      .expect(404);
    expect(await offerEmails()).toEqual([]);
  });

  it('refuses to confirm a stale proposal (a candidate is no longer interviewed) with a 409, writing nothing', async () => {
    const gone = men()[0];
    await t.db.query(`UPDATE applications SET status = 'withdrawn' WHERE id = $1`, [gone.id]);
    const res = await as(staff).post(`${proposals()}/${proposalId}/confirm`).expect(409);
    expect(res.body).toMatchObject({ code: 'proposal_stale', applicationIds: [gone.id] });
    expect(await offerCount()).toBe(0);
    const [run] = await t.db.query(`SELECT status FROM selection_runs WHERE id = $1`, [proposalId]);
    expect(run.status).toBe('proposed');
    expect(await statusOf(men()[1].id)).toBe('interviewed');
    await t.db.query(`UPDATE applications SET status = 'interviewed' WHERE id = $1`, [gone.id]);
  });

  it('confirms once: offers with emails in each language, the ranked waitlist, statuses moved', async () => {
    const newer = await as(staff)
      .post(proposals())
      .send({
        scoreKind: 'interview',
        size: 50,
        shares: [{ id: 'women', attribute: 'gender', value: 'female', min: 0.5 }],
      })
      .expect(201);
    // The first proposal was superseded by the second.
    await as(staff)
      .post(`${proposals()}/${proposalId}/confirm`)
      .expect(409, /proposal_superseded/);
    proposalId = newer.body.id;

    const res = await as(staff).post(`${proposals()}/${proposalId}/confirm`).expect(200);
    expect(res.body).toMatchObject({ runId: proposalId, offers: 50, waitlisted: 10 });
    const selected = [...men().slice(0, 25), ...women().slice(0, 25)];
    expect(await offerEmails()).toEqual(
      selected.map((p) => ({ to: p.email, language: p.language })).sort((a, b) => a.to.localeCompare(b.to)),
    );
    const statuses = await t.db.query(
      `SELECT status, count(*)::int AS n FROM applications WHERE cohort_id = $1 GROUP BY status ORDER BY status`,
      [cohortId],
    );
    expect(statuses).toEqual([
      { status: 'offered', n: 50 },
      { status: 'waitlisted', n: 10 },
    ]);
    const waitlist = await t.db.query(
      `SELECT application_id, rank, status FROM waitlist_entries WHERE cohort_id = $1 ORDER BY rank`,
      [cohortId],
    );
    expect(waitlist).toEqual(
      Array.from({ length: 10 }, (_, i) => ({ application_id: byRank(i + 1).id, rank: i + 1, status: 'waiting' })),
    );
    const offer = await offerOf(selected[0].id);
    expect(offer?.expires_at.getTime()).toBeGreaterThan(Date.now() + 7 * DAY - HOUR);

    await as(staff)
      .post(`${proposals()}/${proposalId}/confirm`)
      .expect(409, /selection_confirmed/);
    await as(staff)
      .post(proposals())
      .send({ scoreKind: 'interview', size: 50 })
      .expect(409, /selection_confirmed/);
    expect(await offerCount()).toBe(50);
    const audit = await t.db.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY created_at`, [
      proposalId,
    ]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['selection.proposed', 'selection.confirmed']);
  });

  it('shows the applicant their own offer only', async () => {
    const woman = await logIn(t, women()[0].email);
    const mine = await as(woman).get('/api/v1/offers/mine').expect(200);
    expect(mine.body).toEqual([
      expect.objectContaining({ applicationId: women()[0].id, status: 'pending', cohortName: 'VGBF Offers' }),
    ]);
    const other = await offerOf(men()[0].id);
    await as(woman).post(`/api/v1/offers/${other!.id}/accept`).expect(404);
    await as(woman).post(`/api/v1/offers/${other!.id}/decline`).expect(404);
    expect((await offerOf(men()[0].id))?.status).toBe('pending');
  });

  it('gives a woman’s declined seat to the best waitlisted woman, skipping the men ahead: exactly one offer', async () => {
    const decliner = women()[0];
    const session = await logIn(t, decliner.email);
    const offer = await offerOf(decliner.id);
    const before = await offerCount();
    const res = await as(session).post(`/api/v1/offers/${offer!.id}/decline`).expect(200);
    expect(res.body).toMatchObject({ id: offer!.id, status: 'declined' });
    expect(await statusOf(decliner.id)).toBe('declined');

    const replacement = byRank(9); // the best waitlisted woman; ranks 1–8 are men and would break "women ≥ 50 %"
    expect(replacement.gender).toBe('female');
    expect(await offerCount()).toBe(before + 1);
    const made = await offerOf(replacement.id);
    expect(made?.status).toBe('pending');
    expect((await offerOf(decliner.id))?.replaced_by_offer_id).toBe(made?.id);
    expect(await statusOf(replacement.id)).toBe('offered');
    expect(await waitlistStatus(replacement.id)).toBe('offered');
    expect(await statusOf(byRank(1).id)).toBe('waitlisted');
    expect((await offerEmails()).filter((e) => e.to === replacement.email)).toEqual([
      { to: replacement.email, language: replacement.language },
    ]);

    // Declining again changes nothing.
    const again = await as(session).post(`/api/v1/offers/${offer!.id}/decline`).expect(409);
    expect(again.body).toMatchObject({ code: 'offer_not_pending', offerStatus: 'declined' });
    expect(await offerCount()).toBe(before + 1);
  });

  it('gives a man’s seat to the best waitlisted man, once, however many declines arrive at once', async () => {
    const decliner = men()[0];
    const session = await logIn(t, decliner.email);
    const offer = await offerOf(decliner.id);
    const before = await offerCount();
    const answers = await Promise.all([1, 2, 3].map(() => as(session).post(`/api/v1/offers/${offer!.id}/decline`)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
    expect(await offerCount()).toBe(before + 1);
    expect((await offerOf(byRank(1).id))?.status).toBe('pending');
    expect(await statusOf(byRank(2).id)).toBe('waitlisted');
  });

  it('accepts before the deadline, once', async () => {
    const accepter = men()[1];
    const session = await logIn(t, accepter.email);
    const offer = await offerOf(accepter.id);
    const res = await as(session).post(`/api/v1/offers/${offer!.id}/accept`).expect(200);
    expect(res.body).toMatchObject({ status: 'accepted', respondedAt: expect.any(String) });
    expect(await statusOf(accepter.id)).toBe('accepted');
    await as(session)
      .post(`/api/v1/offers/${offer!.id}/accept`)
      .expect(409, /offer_not_pending/);
    await as(session)
      .post(`/api/v1/offers/${offer!.id}/decline`)
      .expect(409, /offer_not_pending/);
  });

  it('refuses an answer after the deadline', async () => {
    const late = men()[2];
    const offer = await offerOf(late.id);
    await t.db.query(`UPDATE offers SET expires_at = now() - interval '1 minute' WHERE id = $1`, [offer!.id]);
    const session = await logIn(t, late.email);
    await as(session)
      .post(`/api/v1/offers/${offer!.id}/accept`)
      .expect(409, /offer_expired/);
    await as(session)
      .post(`/api/v1/offers/${offer!.id}/decline`)
      .expect(409, /offer_expired/);
    expect(await statusOf(late.id)).toBe('offered');
  });

  it('expires unanswered offers and refills their seats; a second run of the job changes nothing', async () => {
    // men[2]'s offer is already past its deadline; a woman's is too.
    const woman = women()[1];
    await t.db.query(`UPDATE offers SET expires_at = now() - interval '1 hour' WHERE application_id = $1`, [woman.id]);
    const before = await offerCount();
    const emails = (await offerEmails()).length;
    const period = new Date();
    expect(await jobs.expire({ name: 'committee.offer-expiry', period })).toEqual({
      expired: 2,
      replaced: 2,
      unfilled: 0,
    });
    expect(await statusOf(men()[2].id)).toBe('declined');
    expect(await statusOf(woman.id)).toBe('declined');
    expect((await offerOf(woman.id))?.status).toBe('expired');
    const history = await t.db.query(
      `SELECT reason FROM application_status_changes WHERE application_id = $1 ORDER BY created_at DESC LIMIT 1`,
      [woman.id],
    );
    expect(history).toEqual([{ reason: 'offer expired' }]);
    // The man's seat to the next man (rank 2), the woman's to the last waitlisted woman (rank 10).
    expect((await offerOf(byRank(2).id))?.status).toBe('pending');
    expect((await offerOf(byRank(10).id))?.status).toBe('pending');
    expect(await offerCount()).toBe(before + 2);
    expect((await offerEmails()).length).toBe(emails + 2);

    expect(await jobs.expire({ name: 'committee.offer-expiry', period })).toEqual({
      expired: 0,
      replaced: 0,
      unfilled: 0,
    });
    expect(await offerCount()).toBe(before + 2);
    expect((await offerEmails()).length).toBe(emails + 2);
  });

  it('leaves a seat open, once and audited, when no waitlisted candidate keeps the quotas', async () => {
    // No woman is left on the waitlist: a woman's freed seat cannot go to a man.
    const woman = women()[2];
    const offer = await offerOf(woman.id);
    await t.db.query(`UPDATE offers SET expires_at = now() - interval '1 hour' WHERE id = $1`, [offer!.id]);
    const before = await offerCount();
    const period = new Date();
    expect(await jobs.expire({ name: 'committee.offer-expiry', period })).toEqual({
      expired: 1,
      replaced: 0,
      unfilled: 1,
    });
    expect(await statusOf(byRank(3).id)).toBe('waitlisted');
    expect(await jobs.expire({ name: 'committee.offer-expiry', period })).toEqual({
      expired: 0,
      replaced: 0,
      unfilled: 0,
    });
    expect(await offerCount()).toBe(before);
    const audit = await t.db.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY created_at`, [
      offer!.id,
    ]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['offer.expired', 'offer.seat_unfilled']);
  });

  it('shows staff where the selection stands: proposals, offers with the seats they freed, the waitlist', async () => {
    const res = await as(staff).get(`/api/v1/cohorts/${cohortId}/selection`).expect(200);
    expect(res.body).toMatchObject({ confirmedRunId: proposalId, size: 50, seatsHeld: 49 });
    expect(res.body.proposals.map((p: { status: string }) => p.status)).toEqual(['confirmed', 'superseded']);
    const offers = new Map<string, { status: string; seatLeftOpen: boolean; replacedByOfferId: string | null }>(
      res.body.offers.map((o: { applicationId: string }) => [o.applicationId, o]),
    );
    expect(offers.size).toBe(54);
    expect(offers.get(women()[0].id)).toMatchObject({ status: 'declined', seatLeftOpen: false });
    expect(offers.get(women()[0].id)?.replacedByOfferId).toEqual(expect.any(String));
    expect(offers.get(women()[2].id)).toMatchObject({
      status: 'expired',
      seatLeftOpen: true,
      replacedByOfferId: null,
    });
    expect(offers.get(men()[1].id)).toMatchObject({ status: 'accepted' });
    expect(res.body.waitlist.map((w: { rank: number; status: string }) => [w.rank, w.status])).toEqual([
      [1, 'offered'],
      [2, 'offered'],
      ...[3, 4, 5, 6, 7, 8].map((rank) => [rank, 'waiting']),
      [9, 'offered'],
      [10, 'offered'],
    ]);
  });

  it('reminds each offer expiring within 2 days once', async () => {
    const soon = women()[3];
    await t.db.query(`UPDATE offers SET expires_at = now() + interval '30 hours' WHERE application_id = $1`, [soon.id]);
    const period = new Date();
    expect(await jobs.remind({ name: 'committee.offer-reminders', period })).toEqual({ reminded: 1 });
    expect(await jobs.remind({ name: 'committee.offer-reminders', period })).toEqual({ reminded: 0 });
    expect(await jobs.remind({ name: 'committee.offer-reminders', period: new Date(period.getTime() + DAY) })).toEqual({
      reminded: 0,
    });
    const reminders = await t.db.query(
      `SELECT payload->>'to' AS to, payload->>'language' AS language FROM outbox WHERE payload->>'template' = 'offer-reminder'`,
    );
    expect(reminders).toEqual([{ to: soon.email, language: soon.language }]);
  });
});
