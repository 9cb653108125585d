import { type APIRequestContext, type Page, expect } from '@playwright/test';
import pg from 'pg';
import { APPLICANT_CONSENTS } from './support';

/**
 * What the staff programme browser test sets up. A fellow exists only after an accepted offer, a
 * whole selection away, so fellows are written by SQL in the shape of test/support/programme.ts
 * createFellows (DATABASE_URL comes from `scripts/services.sh env`, as for the API under test);
 * cohorts and mentors go through the API.
 */

type Headers = Record<string, string>;

/**
 * The signed-in page's own session for API calls (its cookies, and the CSRF header they need), so
 * the test signs staff in once: the sign-in limit per account is low.
 */
export async function sessionHeaders(page: Page): Promise<Headers> {
  const csrf = (await page.context().cookies()).find((c) => c.name === 'vgbf_csrf')?.value;
  expect(csrf, 'the CSRF cookie after signing in').toBeTruthy();
  return { 'x-csrf-token': decodeURIComponent(csrf as string) };
}
const DAY = 86_400_000;
const vietnamTime = (ms: number) => new Date(ms + 7 * 3600_000).toISOString().slice(0, 16);

export interface HubSpec {
  code: string;
  name: string;
  city: string;
  capacity: number;
  minimumFellows?: number;
  timeZone?: string;
  localLanguages?: string[];
  languageRequirements: Array<{ test: string; minimum: string }>;
}

/** A cohort with the given hubs (or the configured ones), opened as staff do. */
export async function cohortWithHubs(
  request: APIRequestContext,
  staff: Headers,
  name: string,
  hubs?: HubSpec[],
): Promise<string> {
  const now = Date.now();
  const created = await request.post('/api/v1/cohorts', {
    headers: staff,
    data: {
      name,
      year: 2027,
      targetSize: 50,
      trackMonths: 12,
      applicationOpensAt: vietnamTime(now - DAY),
      applicationClosesAt: vietnamTime(now + 20 * DAY),
      offerResponseDays: 7,
      programmeStartDate: new Date(now + 100 * DAY).toISOString().slice(0, 10),
      ...(hubs ? { hubs } : {}),
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

export interface FellowSpec {
  fullName: string;
  score: number;
  hubs: string[];
  certificates: Array<{ test: string; level: string }>;
  sector?: string;
  goals?: string[];
  languages?: string[];
}

/** Fellows of the cohort as an accepted offer leaves them (they never sign in here); ids in order. */
export async function admitFellows(cohortId: string, specs: FellowSpec[]): Promise<string[]> {
  const rows = specs.map((spec, order) => ({
    email: `fellow-${order}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.vn`,
    fullName: spec.fullName,
    sector: spec.sector ?? 'technology',
    hubs: spec.hubs,
    languages: spec.languages ?? ['vi', 'en'],
    certificates: spec.certificates,
    score: spec.score,
    goals: spec.goals ?? [],
    order,
  }));
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    const { rows: inserted } = await db.query<{ id: string; ord: number }>(
      `WITH input AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(
           email text, "fullName" text, sector text, hubs text[], languages text[], certificates jsonb,
           score float8, goals text[], "order" int)),
       new_users AS (
         INSERT INTO users (email, email_normalized, full_name, roles, language, email_verified_at)
         SELECT email, lower(email), "fullName", '{applicant,fellow}', 'en', now() FROM input ORDER BY "order"
         RETURNING id, email),
       new_apps AS (
         INSERT INTO applications (cohort_id, applicant_id, status, personal, region, enterprise, hub_preferences, submitted_at)
         SELECT $2, u.id, 'accepted', jsonb_build_object('fullName', i."fullName", 'gender', 'female'), 'North',
                jsonb_build_object('name', 'Công ty ' || i."fullName", 'sector', i.sector), i.hubs, now()
           FROM input i JOIN new_users u ON u.email = i.email
         RETURNING id, applicant_id),
       new_fellows AS (
         INSERT INTO fellows (cohort_id, user_id, application_id, full_name, gender, region, enterprise_name, sector,
                              languages, language_certificates, hub_preferences, selection_score, goals, start_date, end_date)
         SELECT $2, u.id, a.id, i."fullName", 'female', 'North', 'Công ty ' || i."fullName", i.sector, i.languages,
                i.certificates, i.hubs, i.score, i.goals, c.programme_start_date,
                (c.programme_start_date + make_interval(months => c.track_months) - interval '1 day')::date
           FROM input i JOIN new_users u ON u.email = i.email JOIN new_apps a ON a.applicant_id = u.id
           JOIN cohorts c ON c.id = $2
         RETURNING id, user_id),
       -- What these fellows ticked when they registered (the placement abroad rests on 'abroad'), under
       -- each purpose's current notice, as the demo seeder records them.
       consents AS (
         INSERT INTO consent_events (user_id, purpose, action, notice_version, channel, recorded_by, recorded_at)
         SELECT u.id, n.purpose, 'given', max(n.version), 'seed', u.id, now()
           FROM new_users u CROSS JOIN privacy_notices n
          WHERE n.purpose = ANY($3::text[])
          GROUP BY u.id, n.purpose)
       SELECT f.id, i."order" AS ord
         FROM new_fellows f JOIN new_users u ON u.id = f.user_id JOIN input i ON i.email = u.email
        ORDER BY i."order"`,
      [JSON.stringify(rows), cohortId, APPLICANT_CONSENTS],
    );
    expect(inserted).toHaveLength(specs.length);
    return inserted.map((r) => r.id);
  } finally {
    await db.end();
  }
}

/** A mentor profile created by staff through the API (the invitation goes out; it need not be accepted). */
export async function createMentor(
  request: APIRequestContext,
  staff: Headers,
  profile: { email: string; fullName: string } & Record<string, unknown>,
): Promise<string> {
  const created = await request.post('/api/v1/mentors', {
    headers: staff,
    data: { language: 'en', languages: ['vi', 'en'], timeZone: 'Asia/Ho_Chi_Minh', capacity: 1, ...profile },
  });
  expect(created.status(), await created.text()).toBe(201);
  return ((await created.json()) as { userId: string }).userId;
}
