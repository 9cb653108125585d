import { type APIRequestContext, type APIResponse, type Locator, expect } from '@playwright/test';
import pg from 'pg';
import { type TestUser, createVerifiedUser, linkFromInbox, uniqueEmail } from './support';

/**
 * What the mentoring browser tests set up: a cohort's fellow, a mentor and their approved pair. The
 * mentor comes through the API (staff create the profile, the mentor accepts the emailed
 * invitation), and so does the pair (staff lock the fellow to the mentor, run the matching and
 * approve it). A fellow exists only after an accepted offer, a whole selection away: their account
 * registers through the API and the rest is written by SQL, in the shape of test/support/programme.ts
 * createFellows (DATABASE_URL comes from `scripts/services.sh env`, as for the API under test).
 */

type Headers = { authorization: string };

async function expectStatus(response: APIResponse, status: number): Promise<APIResponse> {
  expect(response.status(), `${response.url()}: ${await response.text()}`).toBe(status);
  return response;
}

export interface Fellow extends TestUser {
  id: string;
  enterprise: string;
}

/** A registered account made a fellow of the cohort whose programme started `startedDaysAgo` days ago. */
export async function admittedFellow(
  request: APIRequestContext,
  cohortId: string,
  fullName: string,
  startedDaysAgo = 30,
): Promise<Fellow> {
  const user = { ...(await createVerifiedUser(request, 'en', 'fellow')), fullName };
  const enterprise = `Công ty Cà Phê ${fullName.split(' ').pop() ?? ''}`;
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error('DATABASE_URL is not set: eval "$(bash scripts/services.sh env)" first');
  const db = new pg.Client({ connectionString });
  await db.connect();
  try {
    const { rows } = await db.query<{ id: string }>(
      `WITH u AS (
         UPDATE users SET roles = array_append(roles, 'fellow'), full_name = $3 WHERE email_normalized = lower($1)
         RETURNING id),
       app AS (
         INSERT INTO applications (cohort_id, applicant_id, status, personal, region, enterprise, hub_preferences, submitted_at)
         SELECT $2, u.id, 'accepted', jsonb_build_object('fullName', $3::text, 'gender', 'female'), 'South',
                jsonb_build_object('name', $4::text, 'sector', 'agriculture_food'), '{JP,SG}', now()
           FROM u
         RETURNING id, applicant_id)
       INSERT INTO fellows (cohort_id, user_id, application_id, full_name, gender, region, enterprise_name, sector,
                            languages, language_certificates, hub_preferences, selection_score, goals, start_date, end_date)
       SELECT $2, app.applicant_id, app.id, $3, 'female', 'South', $4, 'agriculture_food', '{vi,en}',
              '[{"test":"IELTS","level":"7"}]'::jsonb, '{JP,SG}', 4.5, '{export_logistics}',
              current_date - $5::int, current_date - $5::int + 364
         FROM app
       RETURNING id`,
      [user.email, cohortId, fullName, enterprise, startedDaysAgo],
    );
    expect(rows).toHaveLength(1);
    return { ...user, id: rows[0].id, enterprise };
  } finally {
    await db.end();
  }
}

export interface Mentor extends TestUser {
  id: string;
}

/** Staff add a mentor; the mentor accepts the emailed invitation and chooses a password. */
export async function invitedMentor(request: APIRequestContext, staff: Headers, fullName: string): Promise<Mentor> {
  const user = { email: uniqueEmail('mentor'), password: 'người dẫn đường 2027', fullName };
  const created = await expectStatus(
    await request.post('/api/v1/mentors', {
      headers: staff,
      data: {
        email: user.email,
        fullName,
        language: 'en',
        organisation: 'Sakura Trading',
        sectors: ['agriculture_food'],
        expertise: ['export_logistics', 'legal'],
        languages: ['en', 'vi', 'ja'],
        city: 'Tokyo',
        timeZone: 'Asia/Tokyo',
        capacity: 2,
      },
    }),
    201,
  );
  const token = new URL(await linkFromInbox(user.email, 'accept-invitation')).searchParams.get('token');
  await expectStatus(
    await request.post('/api/v1/auth/accept-invitation', { data: { token, password: user.password } }),
    204,
  );
  return { ...user, id: ((await created.json()) as { userId: string }).userId };
}

/** Staff lock the fellow to the mentor, run the matching and approve it; returns the pairing id. */
export async function approvedPair(
  request: APIRequestContext,
  staff: Headers,
  cohortId: string,
  fellow: Fellow,
  mentor: Mentor,
): Promise<string> {
  await expectStatus(
    await request.put(`/api/v1/cohorts/${cohortId}/matching/constraints/${fellow.id}`, {
      headers: staff,
      data: { lockedMentorId: mentor.id, forbiddenMentorIds: [] },
    }),
    200,
  );
  const proposal = (await (
    await expectStatus(
      await request.post(`/api/v1/cohorts/${cohortId}/matching/proposals`, { headers: staff, data: {} }),
      201,
    )
  ).json()) as { id: string; pairs: Array<{ mentor: { id: string } }> };
  expect(proposal.pairs.map((p) => p.mentor.id)).toEqual([mentor.id]);
  await expectStatus(
    await request.post(`/api/v1/cohorts/${cohortId}/matching/proposals/${proposal.id}/approve`, { headers: staff }),
    200,
  );
  const pairs = (await (
    await expectStatus(await request.get(`/api/v1/cohorts/${cohortId}/mentoring/pairs`, { headers: staff }), 200)
  ).json()) as { pairs: Array<{ id: string; fellow: { id: string } }> };
  const pair = pairs.pairs.find((p) => p.fellow.id === fellow.id);
  expect(pair, 'the approved pair').toBeDefined();
  return (pair as { id: string }).id;
}

/** Clicks the star named `name` of a rating (its radio is visually hidden behind the star's label). */
export async function rate(scope: Locator, name: string): Promise<void> {
  const id = await scope.getByRole('radio', { name, exact: true }).getAttribute('id');
  await scope.locator(`label[for="${id}"]`).click();
}
