import { PURPOSES } from '@vgbf/personal-data';
import { ConsentsService } from '@vgbf/privacy';
import type { TestApp } from './test-app';
import { type SignedIn, TEST_PASSWORD } from './users';

export const RUBRIC_WEIGHTS: Record<string, number> = {
  global_management: 20,
  international_legal: 15,
  intercultural_negotiation: 15,
  esg_mindset: 15,
  business_potential: 20,
  hub_fit: 15,
};

/** An interview's weighted mean on the default rubric, computed here independently of the API. */
export function interviewScore(scores: Record<string, number>): number {
  const total = Object.values(RUBRIC_WEIGHTS).reduce((a, b) => a + b, 0);
  const mean = Object.entries(RUBRIC_WEIGHTS).reduce((sum, [code, w]) => sum + w * (scores[code] ?? 0), 0) / total;
  return Math.round(mean * 10_000) / 10_000;
}

/** Every criterion scored the same: an interview whose weighted mean is exactly `score` (1–5). */
export const flatInterview = (score: number): Record<string, number> =>
  Object.fromEntries(Object.keys(RUBRIC_WEIGHTS).map((code) => [code, score]));

const PROVINCE = { North: 'Hà Nội', Central: 'Đà Nẵng', South: 'Cần Thơ' } as const;

export interface CandidateSpec {
  gender: 'female' | 'male';
  region: keyof typeof PROVINCE;
  sector: string;
  hubs: string[];
  interview: Record<string, number>;
  language?: 'vi' | 'en';
}

export interface Candidate extends CandidateSpec {
  id: string;
  applicantId: string;
  email: string;
  fullName: string;
}

/**
 * Factory: interviewed applications with interview scores, written by SQL in three statements
 * (thousands in well under a second). The applicants can log in with TEST_PASSWORD: they share the
 * password hash of `hashFrom`, a real account.
 */
export async function interviewedCandidates(
  t: TestApp,
  cohortId: string,
  hashFrom: SignedIn,
  specs: CandidateSpec[],
  label = 'cand',
): Promise<Candidate[]> {
  const rows = specs.map((spec, i) => ({
    ...spec,
    language: spec.language ?? 'en',
    email: `${label}-${i}-${cohortId.slice(0, 8)}@example.test`,
    fullName: `Ứng Viên ${label} ${i + 1}`,
    province: PROVINCE[spec.region],
    order: i,
  }));
  const inserted = await t.db.query<Array<{ id: string; applicant_id: string; ord: number }>>(
    `WITH input AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(
         email text, "fullName" text, language text, gender text, region text, province text, sector text,
         hubs text[], interview jsonb, "order" int)),
     new_users AS (
       INSERT INTO users (email, email_normalized, full_name, roles, language, password_hash, email_verified_at)
       SELECT email, lower(email), "fullName", '{applicant}', language,
              (SELECT password_hash FROM users WHERE id = $3), now()
         FROM input ORDER BY "order"
       RETURNING id, email),
     new_apps AS (
       INSERT INTO applications (cohort_id, applicant_id, status, personal, region, enterprise, hub_preferences, submitted_at)
       SELECT $2, u.id, 'interviewed',
              jsonb_build_object('fullName', i."fullName", 'gender', i.gender, 'province', i.province),
              i.region, jsonb_build_object('name', 'Công ty ' || i."fullName", 'sector', i.sector), i.hubs, now()
         FROM input i JOIN new_users u ON u.email = i.email
       RETURNING id, applicant_id),
     new_interviews AS (
       INSERT INTO interviews (application_id, scores, recorded_by)
       SELECT a.id, i.interview, $3 FROM new_apps a JOIN new_users u ON u.id = a.applicant_id JOIN input i ON i.email = u.email
       RETURNING application_id)
     SELECT a.id, a.applicant_id, i."order" AS ord
       FROM new_apps a JOIN new_users u ON u.id = a.applicant_id JOIN input i ON i.email = u.email
      ORDER BY i."order"`,
    [JSON.stringify(rows), cohortId, hashFrom.id],
  );
  // Applicants consented to every purpose when they registered (the gates have their own tests: test/privacy).
  await t.app.get(ConsentsService).giveToMany(
    inserted.map((r) => r.applicant_id),
    PURPOSES,
    { channel: 'registration', userAgent: 'test-support' },
  );
  return inserted.map((r) => {
    const row = rows[r.ord];
    return { ...specs[r.ord], ...row, id: r.id, applicantId: r.applicant_id };
  });
}

/** Signs in an existing account through the real login endpoint. */
export async function logIn(t: TestApp, email: string): Promise<SignedIn> {
  const res = await t.http.post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD });
  if (res.status !== 200) throw new Error(`login of ${email} answered ${res.status}: ${JSON.stringify(res.body)}`);
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]);
  const csrf = cookies.find((c) => c.startsWith('vgbf_csrf='))?.slice('vgbf_csrf='.length) ?? '';
  return {
    id: res.body.user?.id ?? '',
    email,
    bearer: `Bearer ${res.body.token as string}`,
    cookie: cookies.join('; '),
    csrf,
  };
}

/** Moves an open cohort through reviewing to selecting, as staff do (overriding the open window and missing reviews). */
export async function startSelecting(t: TestApp, staff: SignedIn, cohortId: string): Promise<void> {
  for (const status of ['reviewing', 'selecting']) {
    const res = await t.http
      .post(`/api/v1/cohorts/${cohortId}/transitions`)
      .set('authorization', staff.bearer)
      .send({ status, override: true, reason: 'Test set-up: moved on before its preconditions' });
    if (res.status !== 200) throw new Error(`${status} transition answered ${res.status}: ${JSON.stringify(res.body)}`);
  }
}

/**
 * Interviews with distinct weighted means, best first (5.00, 4.95, 4.90 … on the default rubric):
 * the n highest means reachable with whole scores 1–5, each with one set of scores giving it.
 */
export function distinctInterviews(n: number): Array<Record<string, number>> {
  const codes = Object.keys(RUBRIC_WEIGHTS);
  const byMean = new Map<number, Record<string, number>>();
  const walk = (i: number, scores: number[]): void => {
    if (i === codes.length) {
      const interview = Object.fromEntries(codes.map((code, k) => [code, scores[k]]));
      const mean = interviewScore(interview);
      if (!byMean.has(mean)) byMean.set(mean, interview);
      return;
    }
    for (let s = 5; s >= 1; s--) walk(i + 1, [...scores, s]);
  };
  walk(0, []);
  const best = [...byMean.entries()].sort((a, b) => b[0] - a[0]).slice(0, n);
  if (best.length < n) throw new Error(`only ${best.length} distinct interview means exist`);
  return best.map(([, interview]) => interview);
}
