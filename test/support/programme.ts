import { PURPOSES } from '@vgbf/personal-data';
import { ConsentsService } from '@vgbf/privacy';
import type { TestApp } from './test-app';
import { type SignedIn, signIn } from './users';
import { logIn } from './selection';

export interface FellowSpec {
  fullName?: string;
  gender?: 'female' | 'male';
  sector?: string;
  /** Hub codes, first choice first. */
  hubs?: string[];
  /** ISO 639-1 codes spoken (vi is added). */
  languages?: string[];
  /** e.g. [{ test: 'JLPT', level: 'N2' }, { test: 'IELTS', level: '7' }] */
  certificates?: Array<{ test: string; level: string }>;
  score?: number;
  goals?: string[];
  enterpriseName?: string;
  startDate?: string;
  language?: 'vi' | 'en';
}

export interface TestFellow {
  id: string;
  userId: string;
  email: string;
  fullName: string;
  applicationId: string;
}

/**
 * Factory: fellows of a cohort as an accepted offer leaves them (account with the fellow role, an
 * accepted application, the fellow record), written by SQL in one statement. They log in with
 * TEST_PASSWORD (`logIn(t, fellow.email)`); `hashFrom` is any real account whose hash they share.
 */
export async function createFellows(
  t: TestApp,
  cohortId: string,
  hashFrom: SignedIn,
  specs: FellowSpec[],
  label = 'fellow',
): Promise<TestFellow[]> {
  const rows = specs.map((spec, i) => ({
    email: `${label}-${i}-${cohortId.slice(0, 8)}-${Math.random().toString(36).slice(2, 7)}@example.test`,
    fullName: spec.fullName ?? `Nghiên Cứu Sinh ${label} ${i + 1}`,
    language: spec.language ?? 'en',
    gender: spec.gender ?? (i % 2 ? 'male' : 'female'),
    sector: spec.sector ?? 'technology',
    hubs: spec.hubs ?? ['SG', 'JP', 'KR', 'EU'],
    languages: [...new Set(['vi', ...(spec.languages ?? ['en'])])],
    certificates: spec.certificates ?? [{ test: 'IELTS', level: '7' }],
    score: spec.score ?? 4 - i / 100,
    goals: spec.goals ?? [],
    enterprise: spec.enterpriseName ?? `Công ty ${label} ${i + 1}`,
    startDate: spec.startDate ?? null,
    order: i,
  }));
  const inserted = await t.db.query<Array<{ id: string; user_id: string; application_id: string; ord: number }>>(
    `WITH input AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(
         email text, "fullName" text, language text, gender text, sector text, hubs text[], languages text[],
         certificates jsonb, score float8, goals text[], enterprise text, "startDate" date, "order" int)),
     new_users AS (
       INSERT INTO users (email, email_normalized, full_name, roles, language, password_hash, email_verified_at)
       SELECT email, lower(email), "fullName", '{applicant,fellow}', language,
              (SELECT password_hash FROM users WHERE id = $3), now()
         FROM input ORDER BY "order"
       RETURNING id, email),
     new_apps AS (
       INSERT INTO applications (cohort_id, applicant_id, status, personal, region, enterprise, hub_preferences, submitted_at)
       SELECT $2, u.id, 'accepted', jsonb_build_object('fullName', i."fullName", 'gender', i.gender), 'North',
              jsonb_build_object('name', i.enterprise, 'sector', i.sector), i.hubs, now()
         FROM input i JOIN new_users u ON u.email = i.email
       RETURNING id, applicant_id),
     new_fellows AS (
       INSERT INTO fellows (cohort_id, user_id, application_id, full_name, gender, region, enterprise_name, sector,
                            languages, language_certificates, hub_preferences, selection_score, goals, start_date, end_date)
       SELECT $2, u.id, a.id, i."fullName", i.gender, 'North', i.enterprise, i.sector, i.languages, i.certificates,
              i.hubs, i.score, i.goals, coalesce(i."startDate", c.programme_start_date),
              (coalesce(i."startDate", c.programme_start_date) + make_interval(months => c.track_months) - interval '1 day')::date
         FROM input i JOIN new_users u ON u.email = i.email JOIN new_apps a ON a.applicant_id = u.id
         JOIN cohorts c ON c.id = $2
       RETURNING id, user_id, application_id)
     SELECT f.id, f.user_id, f.application_id, i."order" AS ord
       FROM new_fellows f JOIN new_users u ON u.id = f.user_id JOIN input i ON i.email = u.email
      ORDER BY i."order"`,
    [JSON.stringify(rows), cohortId, hashFrom.id],
  );
  // Fellows consented to every purpose when they registered (the gates have their own tests: test/privacy).
  await t.app.get(ConsentsService).giveToMany(
    inserted.map((r) => r.user_id),
    PURPOSES,
    { channel: 'registration', userAgent: 'test-support' },
  );
  return inserted.map((r) => ({
    id: r.id,
    userId: r.user_id,
    applicationId: r.application_id,
    email: rows[r.ord].email,
    fullName: rows[r.ord].fullName,
  }));
}

/** Signs a factory-made fellow (or any account with TEST_PASSWORD) in through the real login. */
export const logInFellow = (t: TestApp, fellow: TestFellow): Promise<SignedIn> => logIn(t, fellow.email);

export interface MentorSpec {
  fullName?: string;
  organisation?: string | null;
  sectors?: string[];
  expertise?: string[];
  languages?: string[];
  city?: string | null;
  timeZone?: string;
  capacity?: number;
}

/** Factory: a signed-in mentor with a profile (written by SQL; the profile API is tested on its own). */
export async function createMentor(t: TestApp, spec: MentorSpec = {}, label = 'mentor'): Promise<SignedIn> {
  const mentor = await signIn(t, ['mentor'], label);
  if (spec.fullName) await t.db.query(`UPDATE users SET full_name = $2 WHERE id = $1`, [mentor.id, spec.fullName]);
  await t.db.query(
    `INSERT INTO mentor_profiles (user_id, organisation, sectors, expertise, languages, city, time_zone, capacity)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      mentor.id,
      spec.organisation ?? null,
      spec.sectors ?? ['technology'],
      spec.expertise ?? ['marketing'],
      spec.languages ?? ['en', 'vi'],
      spec.city === undefined ? 'Singapore' : spec.city,
      spec.timeZone ?? 'Asia/Singapore',
      spec.capacity ?? 2,
    ],
  );
  return mentor;
}

/** Factory: an approved pairing, as approving a matching leaves it. Returns the pairing id. */
export async function pairUp(t: TestApp, cohortId: string, fellowId: string, mentorId: string): Promise<string> {
  const [row] = await t.db.query<Array<{ id: string }>>(
    `INSERT INTO pairings (cohort_id, fellow_id, mentor_id, score, reasons)
     VALUES ($1, $2, $3, 0, '[]') RETURNING id`,
    [cohortId, fellowId, mentorId],
  );
  return row.id;
}

export interface MilestoneSpec {
  code: string;
  /** A calendar day, e.g. 2027-10-01. */
  dueOn: string;
  state?: 'open' | 'submitted' | 'changes_requested' | 'approved' | 'waived';
  reviewer?: 'mentor' | 'staff' | 'both';
  position?: number;
  approvedAt?: Date | null;
}

/**
 * Factory: a fellow's milestones as a timeline leaves them (written by SQL; the timeline API is
 * tested on its own). Returns the milestone ids in the order given.
 */
export async function createMilestones(t: TestApp, fellowId: string, specs: MilestoneSpec[]): Promise<string[]> {
  const rows = await t.db.query<Array<{ id: string; code: string }>>(
    `INSERT INTO milestones (fellow_id, code, position, title, description, evidence, reviewer, base_due_on, due_on,
                             state, approved_at, submitted_at)
     SELECT $1, m.code, m.position, jsonb_build_object('vi', m.code, 'en', m.code), '{"vi": "", "en": ""}',
            '{text}', m.reviewer, m.due_on, m.due_on, m.state, m.approved_at,
            CASE WHEN m.state IN ('submitted', 'approved') THEN coalesce(m.approved_at, now()) END
       FROM jsonb_to_recordset($2::jsonb) AS m(code text, position int, reviewer text, due_on date, state text,
                                               approved_at timestamptz)
     RETURNING id, code`,
    [
      fellowId,
      JSON.stringify(
        specs.map((s, i) => ({
          code: s.code,
          position: s.position ?? i + 1,
          reviewer: s.reviewer ?? 'mentor',
          due_on: s.dueOn,
          state: s.state ?? 'open',
          approved_at: s.approvedAt ?? (s.state === 'approved' ? new Date().toISOString() : null),
        })),
      ),
    ],
  );
  const byCode = new Map(rows.map((r) => [r.code, r.id]));
  return specs.map((s) => byCode.get(s.code)!);
}
