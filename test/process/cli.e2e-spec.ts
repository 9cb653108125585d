import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verify } from '@node-rs/argon2';
import { APPLICATION_STATUSES, type ApplicationStatus, canTransitionApplication } from '@vgbf/applications';
import { loadConfig, readProgramData } from '@vgbf/config';
import { FileCipher, Keyring, readFileHeader } from '@vgbf/encryption';
import { countryOfTimeZone } from '@vgbf/personal-data';
import { randomBytes } from 'node:crypto';
import { LocalDiskStorage } from '@vgbf/storage';
import { buffer } from 'node:stream/consumers';
import { DataSource } from 'typeorm';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../apps/api/src/cli/demo-accounts';
import { createDatabaseFromTemplate, dropDatabase } from '../support/databases';
import { serviceUrls } from '../support/env';
import { uniqueName } from '../support/test-app';
import { API_MAIN, CLI_MAIN, runCompiled } from './compiled';

/** Row counts and a digest of every seeded row that could change: equal before and after a second seed. */
async function fingerprint(db: DataSource): Promise<unknown> {
  const [row] = await db.query(`
    SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM cohorts) AS cohorts,
           (SELECT count(*) FROM hubs) AS hubs, (SELECT count(*) FROM audit_log) AS audit,
           (SELECT count(*) FROM outbox) AS outbox, (SELECT count(*) FROM application_status_changes) AS changes,
           (SELECT count(*) FROM application_documents) AS documents,
           (SELECT count(*) FROM reviewer_profiles) AS reviewers, (SELECT count(*) FROM review_rounds) AS rounds,
           (SELECT count(*) FROM reviewer_conflicts) AS conflicts, (SELECT count(*) FROM interviews) AS interviews,
           (SELECT count(*) FROM fellows) AS fellows, (SELECT count(*) FROM mentor_profiles) AS mentors,
           (SELECT count(*) FROM pairings) AS pairs, (SELECT count(*) FROM mentoring_sessions) AS sessions,
           (SELECT count(*) FROM feedback_answers) AS feedback, (SELECT count(*) FROM milestones) AS milestones,
           (SELECT count(*) FROM milestone_submissions) AS submissions, (SELECT count(*) FROM milestone_reviews) AS decisions,
           (SELECT md5(string_agg(a.id || coalesce(r.weighted_score::text, '-'), ',' ORDER BY a.id))
              FROM review_assignments a LEFT JOIN reviews r ON r.assignment_id = a.id) AS reviews,
           (SELECT md5(string_agg(id || status || updated_at::text, ',' ORDER BY id)) FROM applications) AS apps,
           (SELECT md5(string_agg(id || updated_at::text, ',' ORDER BY id)) FROM users) AS accounts`);
  return row;
}

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** The compiled API on a free port, ready; `login` returns the bearer header of a demo account. */
async function startApi(env: Record<string, string>) {
  const port = await freePort();
  const api = spawn(process.execPath, [API_MAIN], {
    env: { ...process.env, ...env, API_PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  api.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise((resolve) => api.once('exit', resolve));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100 && !(await fetch(`${base}/health/ready`).catch(() => null))?.ok; i++) {
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    stderr: () => stderr,
    login: async (email: string): Promise<{ authorization: string }> => {
      const login = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: DEMO_PASSWORD }),
      });
      expect(login.status).toBe(200);
      return { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
    },
    stop: async (): Promise<void> => {
      api.kill('SIGTERM');
      await exited;
    },
  };
}

interface Change {
  application_id: string;
  from_status: ApplicationStatus;
  to_status: ApplicationStatus;
}

describe('The project CLI', () => {
  const { databaseUrl: server } = serviceUrls();
  const name = uniqueName();
  const storage = join(tmpdir(), name);
  let url: string;
  const cliEnv = (): Record<string, string> => ({ DATABASE_URL: url, QUEUE_PREFIX: name, STORAGE_DIR: storage });
  let db: DataSource;

  beforeAll(async () => {
    url = await createDatabaseFromTemplate(server, name);
    db = await new DataSource({ type: 'postgres', url }).initialize();
  });
  afterAll(async () => {
    await db?.destroy();
    await dropDatabase(server, name);
    await rm(storage, { recursive: true, force: true });
  });

  it('seeds the demo into an empty database, and changes nothing the second time', async () => {
    const env = cliEnv();
    const first = runCompiled(CLI_MAIN, ['seed'], env);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(
      /Seeded 6 demo accounts and 8 more reviewers .* and 300 applicants .* in 12 statuses; cohort "VGBF \d{4}" selecting, with 120 applicants through review \(78 interviewed\); \d+ reviews by 9 reviewers; cohort "VGBF \d{4}" running since \d{4}-\d{2}-01, with 40 fellows placed in 4 hubs, 25 mentors, 40 pairs and \d+ sessions \(\d+ awaiting the fellow's confirmation\); 40 milestone timelines, \d+ milestones approved, 6 awaiting review, 3 with changes requested; \d+ fellows at risk; \d+ applicants and fellows with their consents \(\d+ declined marketing, \d+ the alumni directory\)\./,
    );

    const before = await fingerprint(db);
    const second = runCompiled(CLI_MAIN, ['seed'], env);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('seed skipped');
    expect(await fingerprint(db)).toEqual(before);
  }, 30_000);

  it('seeds one verified account per role, and applicants who sign in with the demo password', async () => {
    const accounts = await db.query(
      `SELECT email, roles[1] AS role FROM users WHERE email = ANY($1) AND email_verified_at IS NOT NULL ORDER BY 2`,
      [DEMO_ACCOUNTS.map((a) => a.email)],
    );
    expect(accounts.map((r: { role: string }) => r.role)).toEqual([
      'admin',
      'applicant',
      'fellow',
      'mentor',
      'reviewer',
      'staff',
    ]);
    const [applicant] = await db.query(
      `SELECT roles, language, email_verified_at, password_hash FROM users WHERE email = 'nguyen.van.an@applicants.vgbf.local'`,
    );
    expect(applicant).toMatchObject({ roles: ['applicant'], language: expect.stringMatching(/^(vi|en)$/) });
    expect(applicant.email_verified_at).not.toBeNull();
    expect(await verify(applicant.password_hash, DEMO_PASSWORD)).toBe(true);
    // The demo applicant has not applied yet: they can try the form themselves.
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM applications a JOIN users u ON u.id = a.applicant_id WHERE u.email = 'applicant@vgbf.local'`,
    );
    expect(n).toBe(0);
  });

  it('opens a cohort now, and has the year before’s selecting, with the configured hubs, and sends no email', async () => {
    const cohorts = await db.query(
      `SELECT id, status, application_opens_at <= now() AND application_closes_at > now() AS taking_applications,
              (SELECT count(*)::int FROM applications a WHERE a.cohort_id = c.id) AS applications
         FROM cohorts c ORDER BY year DESC`,
    );
    expect(cohorts).toEqual([
      { id: expect.any(String), status: 'open', taking_applications: true, applications: 300 },
      { id: expect.any(String), status: 'selecting', taking_applications: false, applications: 120 },
      // The running cohort's 40 fellows among the 111 who applied (the rest rejected, declined, waitlisted…).
      { id: expect.any(String), status: 'running', taking_applications: false, applications: 111 },
    ]);
    for (const cohort of cohorts) {
      const hubs = await db.query(`SELECT code FROM hubs WHERE cohort_id = $1 ORDER BY code`, [cohort.id]);
      expect(hubs.map((h: { code: string }) => h.code)).toEqual(
        (readProgramData('hubs.json') as Array<{ code: string }>).map((h) => h.code).sort(),
      );
    }
    const audited = async (id: string): Promise<string[]> =>
      (
        await db.query(
          `SELECT action, CASE WHEN action = 'cohort.status_changed' THEN after->>'status' END AS status
           FROM audit_log WHERE entity_id = $1 ORDER BY id`,
          [id],
        )
      ).map((a: { action: string; status: string | null }) => `${a.action} ${a.status ?? ''}`.trim());
    expect(await audited(cohorts[0].id)).toEqual(['cohort.created', 'cohort.status_changed open']);
    expect(await audited(cohorts[1].id)).toEqual([
      'cohort.created',
      'cohort.status_changed open',
      'cohort.status_changed reviewing',
      'cohort.status_changed selecting',
    ]);
    expect(await audited(cohorts[2].id)).toEqual([
      'cohort.created',
      'cohort.status_changed open',
      'cohort.status_changed reviewing',
      'cohort.status_changed selecting',
      'cohort.status_changed running',
      // The milestones lib copies the template from config/milestones.json, audited as for staff.
      'milestone_template.copied',
    ]);
    // Every application of the selecting cohort was submitted while its window was open.
    const late = await db.query(
      `SELECT a.id FROM applications a JOIN cohorts c ON c.id = a.cohort_id
        WHERE c.status IN ('selecting', 'running') AND a.submitted_at > c.application_closes_at`,
    );
    expect(late).toEqual([]);
    expect(await db.query(`SELECT count(*)::int AS n FROM outbox`)).toEqual([{ n: 0 }]);
  });

  it('gives every application that entered review 3 reviewers, never a conflicted one, evenly, with true weighted scores', async () => {
    const reviewers = await db.query(
      `SELECT u.email, u.password_hash, p.sectors, p.organisation FROM users u JOIN reviewer_profiles p ON p.user_id = u.id
        WHERE 'reviewer' = ANY(u.roles) AND u.email_verified_at IS NOT NULL ORDER BY u.email`,
    );
    expect(reviewers).toHaveLength(9);
    expect(reviewers.map((r: { email: string }) => r.email)).toContain('reviewer@vgbf.local');
    expect(
      reviewers.every((r: { sectors: string[]; organisation: string }) => r.sectors.length > 0 && r.organisation),
    ).toBe(true);
    const other = reviewers.find((r: { email: string }) => r.email === 'thomas.becker@reviewers.vgbf.local');
    expect(await verify(other.password_hash, DEMO_PASSWORD)).toBe(true);

    // Applications whose history entered review, and how many reviewers each has.
    const counts = await db.query(
      `SELECT a.id, (SELECT count(*)::int FROM review_assignments r WHERE r.application_id = a.id) AS n,
              EXISTS (SELECT 1 FROM application_status_changes c WHERE c.application_id = a.id AND c.to_status = 'under_review') AS entered
         FROM applications a`,
    );
    for (const row of counts) expect(row.n).toBe(row.entered ? 3 : 0);
    expect(counts.filter((r: { entered: boolean }) => r.entered).length).toBeGreaterThan(250);
    const conflicted = await db.query(
      `SELECT c.id FROM reviewer_conflicts c JOIN review_assignments a USING (application_id, reviewer_id)`,
    );
    expect(conflicted).toEqual([]);
    expect(await db.query(`SELECT count(*)::int AS n FROM reviewer_conflicts WHERE source = 'declared'`)).toEqual([
      { n: 6 },
    ]);
    const loads = await db.query(
      `SELECT cohort_id, max(n) - min(n) AS imbalance FROM
         (SELECT c.id AS cohort_id, u.id, count(r.id) AS n FROM cohorts c CROSS JOIN users u
            LEFT JOIN review_assignments r ON r.reviewer_id = u.id AND r.cohort_id = c.id
           WHERE 'reviewer' = ANY(u.roles) GROUP BY c.id, u.id) l GROUP BY cohort_id`,
    );
    expect(loads).toHaveLength(3);
    expect(loads.every((l: { imbalance: string }) => Number(l.imbalance) <= 1)).toBe(true);
    // The stored weighted score is the rubric's weighted mean of the scores, every criterion 1–5.
    const [wrong] = await db.query(
      `SELECT count(*)::int AS n FROM reviews r
         JOIN review_assignments a ON a.id = r.assignment_id JOIN review_rounds rr ON rr.cohort_id = a.cohort_id
        WHERE abs(r.weighted_score - (SELECT sum((c->>'weight')::numeric * (r.scores->>(c->>'code'))::int)
                                             / sum((c->>'weight')::numeric)
                                        FROM jsonb_array_elements(rr.rubric->'criteria') c)) > 1e-9
           OR (SELECT count(*) FROM jsonb_array_elements(rr.rubric->'criteria') c
                WHERE (r.scores->>(c->>'code'))::int BETWEEN 1 AND 5) <> jsonb_array_length(rr.rubric->'criteria')`,
    );
    expect(wrong.n).toBe(0);
    // The selecting cohort's review closed before now, and no review came after it.
    const rounds = await db.query(
      `SELECT c.status, rr.review_deadline < now() AS passed,
              (SELECT count(*)::int FROM reviews r JOIN review_assignments a ON a.id = r.assignment_id
                WHERE a.cohort_id = c.id AND r.updated_at > rr.review_deadline) AS after_deadline
         FROM review_rounds rr JOIN cohorts c ON c.id = rr.cohort_id ORDER BY c.year DESC`,
    );
    expect(rounds).toEqual([
      { status: 'open', passed: null, after_deadline: 0 },
      { status: 'selecting', passed: true, after_deadline: 0 },
      { status: 'running', passed: true, after_deadline: 0 },
    ]);
    const [interviews] = await db.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM application_status_changes c
                WHERE c.application_id = i.application_id AND c.to_status = 'interviewed'))::int AS uninterviewed
         FROM interviews i`,
    );
    expect(interviews.n).toBeGreaterThan(78);
    expect(interviews.uninterviewed).toBe(0);
  });

  it('shows the board with normalized scores, and selects 50 of the selecting cohort, on the compiled API', async () => {
    const [{ id: cohortId }] = await db.query(`SELECT id FROM cohorts WHERE status = 'selecting'`);
    const api = await startApi(cliEnv());
    try {
      const { base } = api;
      const headers = await api.login('staff@vgbf.local');
      type Row = {
        applicationId: string;
        status: string;
        rawScore: number | null;
        normalizedScore: number | null;
        disagreement: boolean;
        reviewsDone: number;
        reviewsExpected: number;
      };
      // The whole board, page by page (100 rows, the most a page holds).
      const board = async (score: string): Promise<Row[]> => {
        const rows: Row[] = [];
        for (let page = 1; ; page++) {
          const url = `${base}/api/v1/cohorts/${cohortId}/ranking?score=${score}&pageSize=100&page=${page}`;
          const body = (await (await fetch(url, { headers })).json()) as { items: Row[]; meta: { pageCount: number } };
          rows.push(...body.items);
          if (page >= body.meta.pageCount) return rows;
        }
      };
      const normalized = await board('normalized');
      const interviewed = normalized.filter((r) => r.status === 'interviewed');
      expect(interviewed).toHaveLength(78);
      for (const row of interviewed) {
        expect(row).toMatchObject({ reviewsDone: 3, reviewsExpected: 3 });
        expect(row.normalizedScore).toBeGreaterThanOrEqual(1);
        expect(row.normalizedScore).toBeLessThanOrEqual(5);
      }
      expect(normalized.some((r) => r.reviewsDone < r.reviewsExpected)).toBe(true);
      expect(normalized.some((r) => r.disagreement)).toBe(true);
      // Lenient and harsh reviewers: normalizing reorders the board.
      const raw = await board('raw');
      expect(raw.map((r) => r.applicationId)).not.toEqual(normalized.map((r) => r.applicationId));

      const proposal = await fetch(`${base}/api/v1/cohorts/${cohortId}/selection/proposals`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({
          size: 50,
          shares: [{ id: 'women', attribute: 'gender', value: 'female', min: 0.3 }],
        }),
      });
      const body = (await proposal.json()) as { selected: unknown[]; waitlist: unknown[]; candidates: number };
      expect({ status: proposal.status, candidates: body.candidates }).toEqual({ status: 201, candidates: 78 });
      expect(body.selected).toHaveLength(50);
      expect(body.waitlist).toHaveLength(28);
    } finally {
      await api.stop();
    }
    expect(api.stderr()).toBe('');
  }, 30_000);

  it('runs the year before’s cohort: every fellow placed within capacity and paired, months of sessions', async () => {
    const [cohort] = await db.query(
      `SELECT id, programme_start_date::text AS start FROM cohorts WHERE status = 'running'`,
    );
    const fellows = await db.query(
      `SELECT f.id, f.hub_id, f.placed_at, f.goals, u.email FROM fellows f JOIN users u ON u.id = f.user_id
        WHERE f.cohort_id = $1`,
      [cohort.id],
    );
    expect(fellows).toHaveLength(40);
    for (const f of fellows) {
      expect(f.hub_id).not.toBeNull();
      expect(f.placed_at).not.toBeNull();
      expect(f.goals.length).toBeGreaterThan(0);
    }
    const overfull = await db.query(
      `SELECT h.code FROM hubs h WHERE h.cohort_id = $1
          AND (SELECT count(*) FROM fellows f WHERE f.hub_id = h.id) > h.capacity`,
      [cohort.id],
    );
    expect(overfull).toEqual([]);
    expect(await db.query(`SELECT status, jsonb_array_length(result->'placements') AS n FROM placement_runs`)).toEqual([
      { status: 'confirmed', n: 40 },
    ]);
    expect(await db.query(`SELECT status FROM matching_runs`)).toEqual([{ status: 'approved' }]);
    // One active pair per fellow, no mentor over their capacity.
    const [pairs] = await db.query(
      `SELECT count(*)::int AS n, count(DISTINCT fellow_id)::int AS fellows,
              (SELECT count(*)::int FROM mentor_profiles m
                WHERE (SELECT count(*) FROM pairings p WHERE p.mentor_id = m.user_id) > m.capacity) AS overloaded
         FROM pairings WHERE cohort_id = $1 AND status = 'active'`,
      [cohort.id],
    );
    expect(pairs).toEqual({ n: 40, fellows: 40, overloaded: 0 });
    const [sessions] = await db.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE confirmed_at IS NULL)::int AS unconfirmed,
              count(*) FILTER (WHERE held_at > now() OR held_at < $1::date)::int AS outside,
              count(*) FILTER (WHERE rating NOT BETWEEN 1 AND 5)::int AS bad_ratings
         FROM mentoring_sessions`,
      [cohort.start],
    );
    expect(sessions.n).toBeGreaterThan(150);
    expect(sessions.unconfirmed).toBeGreaterThan(0);
    expect(sessions).toMatchObject({ outside: 0, bad_ratings: 0 });
    const silent = await db.query(
      `SELECT p.id FROM pairings p JOIN mentoring_sessions s ON s.pairing_id = p.id
        GROUP BY p.id HAVING max(s.held_at) < now() - interval '30 days'`,
    );
    expect(silent.length).toBeGreaterThan(0);
    expect(await db.query(`SELECT DISTINCT checkpoint FROM feedback_answers`)).toEqual([{ checkpoint: 'month_1' }]);

    // The demo fellow and mentor sign in and find each other, with a session waiting for the fellow.
    const api = await startApi(cliEnv());
    try {
      for (const [email, other] of [
        ['fellow@vgbf.local', 'mentor@vgbf.local'],
        ['mentor@vgbf.local', 'fellow@vgbf.local'],
      ]) {
        const mine = (await (
          await fetch(`${api.base}/api/v1/mentoring/pairs`, { headers: await api.login(email) })
        ).json()) as {
          active: Array<{
            fellow: { email: string; hub: string };
            mentor: { email: string };
            stats: { unconfirmed: number; sessions: number };
          }>;
        };
        const pair = mine.active.find((p) => p.fellow.email === other || p.mentor.email === other);
        expect(pair).toMatchObject({
          fellow: { email: 'fellow@vgbf.local', hub: 'Japan' },
          mentor: { email: 'mentor@vgbf.local' },
          stats: { unconfirmed: 1 },
        });
        expect(pair!.stats.sessions).toBeGreaterThanOrEqual(8);
      }
    } finally {
      await api.stop();
    }
    expect(api.stderr()).toBe('');
  }, 30_000);

  it('records in the transfer register a row for each placement and pairing abroad, and stores session notes encrypted', async () => {
    const [running] = await db.query(
      `SELECT c.id FROM cohorts c WHERE EXISTS (SELECT 1 FROM fellows f WHERE f.cohort_id = c.id AND f.hub_id IS NOT NULL)`,
    );
    const placed = await db.query(
      `SELECT f.id || ':' || h.id AS source_id, f.user_id, h.time_zone FROM fellows f JOIN hubs h ON h.id = f.hub_id
        WHERE f.cohort_id = $1`,
      [running.id],
    );
    const paired = await db.query(
      `SELECT p.id::text AS source_id, f.user_id, m.time_zone FROM pairings p
         JOIN fellows f ON f.id = p.fellow_id JOIN mentor_profiles m ON m.user_id = p.mentor_id
        WHERE p.cohort_id = $1`,
      [running.id],
    );
    const abroad = (rows: Array<{ source_id: string; time_zone: string }>) =>
      rows
        .filter((r) => countryOfTimeZone(r.time_zone) !== 'VN')
        .map((r) => r.source_id)
        .sort();
    const register = await db.query(
      `SELECT source_kind, source_id, subject_user_id, cohort_id FROM personal_data_transfers ORDER BY source_id`,
    );
    expect(abroad(placed).length).toBe(placed.length); // every hub of the demo is abroad
    expect(
      register
        .filter((r: { source_kind: string }) => r.source_kind === 'placement')
        .map((r: { source_id: string }) => r.source_id),
    ).toEqual(abroad(placed));
    expect(
      register
        .filter((r: { source_kind: string }) => r.source_kind === 'pairing')
        .map((r: { source_id: string }) => r.source_id),
    ).toEqual(abroad(paired));
    expect(abroad(paired).length).toBeGreaterThan(0);
    expect(register.every((r: { cohort_id: string }) => r.cohort_id === running.id)).toBe(true);

    const [notes] = await db.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE notes LIKE 'v1:%')::int AS encrypted FROM mentoring_sessions`,
    );
    expect(notes.encrypted).toBe(notes.n);
  });

  it('gives the running cohort’s fellows their timelines mid-year: mostly approved, some waiting, a few at risk', async () => {
    const [cohort] = await db.query(`SELECT id FROM cohorts WHERE status = 'running'`);
    const timelines = await db.query(
      `SELECT u.email, count(m.id)::int AS milestones,
              count(*) FILTER (WHERE m.state = 'approved')::int AS approved,
              count(*) FILTER (WHERE m.state = 'submitted')::int AS submitted,
              count(*) FILTER (WHERE m.state IN ('open', 'changes_requested') AND m.due_on < (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date - 14)::int AS late,
              count(*) FILTER (WHERE m.state = 'open' AND m.due_on BETWEEN (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AND (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date + 7)::int AS due_soon
         FROM fellows f JOIN users u ON u.id = f.user_id LEFT JOIN milestones m ON m.fellow_id = f.id
        WHERE f.cohort_id = $1 GROUP BY u.email`,
      [cohort.id],
    );
    const templateSize = (readProgramData('milestones.json') as { tracks: Record<string, unknown[]> }).tracks['9']
      .length;
    expect(timelines).toHaveLength(40);
    expect(timelines.every((t: { milestones: number }) => t.milestones === templateSize)).toBe(true);
    const sum = (k: 'approved' | 'submitted'): number =>
      timelines.reduce((n: number, t: Record<string, number>) => n + t[k], 0);
    expect(sum('approved')).toBeGreaterThan(100);
    expect(sum('submitted')).toBeGreaterThanOrEqual(5);
    const late = timelines.filter((t: { late: number }) => t.late > 0).map((t: { email: string }) => t.email);
    // Two behind on a milestone; near a month's end, those sent back on the mid-term review are late too.
    expect(late.length).toBeGreaterThanOrEqual(2);
    expect(late.length).toBeLessThanOrEqual(5);
    expect(timelines.find((t: { email: string }) => t.email === 'fellow@vgbf.local')).toMatchObject({
      late: 0,
      submitted: 1,
      due_soon: 1,
    });
    // No evidence or decision dated in the future; every decision on a submission of its milestone.
    const [future] = await db.query(
      `SELECT (SELECT count(*)::int FROM milestone_submissions WHERE created_at > now())
            + (SELECT count(*)::int FROM milestone_reviews r JOIN milestone_submissions s ON s.id = r.submission_id
                WHERE r.created_at > now() OR r.created_at < s.created_at OR s.milestone_id <> r.milestone_id) AS n`,
    );
    expect(future.n).toBe(0);

    const api = await startApi(cliEnv());
    try {
      // The demo mentor has the demo fellow's resubmission to review.
      const queue = await fetch(`${api.base}/api/v1/milestones/review-queue`, {
        headers: await api.login('mentor@vgbf.local'),
      });
      expect(queue.status).toBe(200);
      expect(JSON.stringify(await queue.json())).toContain('Phạm Thu Trang');
      const atRisk = await fetch(`${api.base}/api/v1/cohorts/${cohort.id}/at-risk?pageSize=100`, {
        headers: await api.login('staff@vgbf.local'),
      });
      expect(atRisk.status).toBe(200);
      const flagged = ((await atRisk.json()) as { items: Array<{ fellowId: string; flags: Array<{ rule: string }> }> })
        .items;
      const emails = new Map<string, string>(
        (await db.query(`SELECT f.id, u.email FROM fellows f JOIN users u ON u.id = f.user_id`)).map(
          (r: { id: string; email: string }) => [r.id, r.email],
        ),
      );
      const byEmail = new Map(flagged.map((f) => [emails.get(f.fellowId), f.flags.map((x) => x.rule)]));
      expect(byEmail.size).toBeGreaterThanOrEqual(6);
      expect(byEmail.size).toBeLessThanOrEqual(12);
      for (const email of late) expect(byEmail.get(email)).toContain('milestone_overdue');
      const rules = new Set([...byEmail.values()].flat());
      expect(rules).toEqual(new Set(['milestone_overdue', 'no_confirmed_session', 'low_ratings', 'negative_feedback']));
      expect(byEmail.has('fellow@vgbf.local')).toBe(false);
    } finally {
      await api.stop();
    }
    expect(api.stderr()).toBe('');
  }, 30_000);

  it('seeds 300 applications over all 12 statuses, each with a history the lifecycle allows', async () => {
    const apps: Array<{ id: string; status: ApplicationStatus; submitted_at: Date | null }> = await db.query(
      `SELECT id, status, submitted_at FROM applications`,
    );
    expect(apps.length).toBeGreaterThanOrEqual(300);
    expect(new Set(apps.map((a) => a.status))).toEqual(new Set(APPLICATION_STATUSES));
    const changes: Change[] = await db.query(
      `SELECT application_id, from_status, to_status FROM application_status_changes ORDER BY application_id, created_at, id`,
    );
    for (const app of apps) {
      let status: ApplicationStatus = 'draft';
      for (const c of changes.filter((ch) => ch.application_id === app.id)) {
        expect(c.from_status).toBe(status);
        expect(canTransitionApplication(c.from_status, c.to_status)).toBe(true);
        status = c.to_status;
      }
      expect(status).toBe(app.status);
      expect(app.submitted_at === null).toBe(app.status === 'draft');
    }
  });

  it('gives every submitted application its CV and business registration, stored as PDFs encrypted at rest', async () => {
    const missing = await db.query(
      `SELECT a.id FROM applications a
        WHERE a.status <> 'draft'
          AND (SELECT count(DISTINCT kind) FROM application_documents d
                WHERE d.application_id = a.id AND d.kind IN ('cv', 'business_registration')) <> 2`,
    );
    expect(missing).toEqual([]);
    const documents = await db.query(`SELECT storage_key, size_bytes FROM application_documents ORDER BY id`);
    expect(documents.length).toBeGreaterThanOrEqual(2 * 250);
    // On disk: encrypted under the configured key (the seed's process read the same defaults); read back: the PDF.
    const config = loadConfig({ ...process.env, ...cliEnv() });
    const files = await new LocalDiskStorage(
      storage,
      new FileCipher(Keyring.parse(config.DATA_ENCRYPTION_KEYS, config.DATA_ENCRYPTION_ACTIVE_KEY)),
    ).init();
    for (const d of [documents[0], documents[documents.length - 1]]) {
      const raw = await readFile(join(storage, 'objects', ...d.storage_key.split('/')));
      expect(readFileHeader(raw)?.keyId).toBe(config.DATA_ENCRYPTION_ACTIVE_KEY);
      const bytes = await buffer(await files.get(d.storage_key));
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(bytes.length).toBe(d.size_bytes);
    }
  });

  it('derives regions from provinces, and a search without diacritics finds "Nguyễn Văn An"', async () => {
    const provinces = readProgramData('provinces.json') as Record<string, string[]>;
    const rows = await db.query(`SELECT personal->>'province' AS province, region FROM applications`);
    for (const { province, region } of rows) {
      expect(region).toBe(province ? Object.keys(provinces).find((r) => provinces[r].includes(province)) : null);
    }
    const found = await db.query(
      `SELECT personal->>'fullName' AS name FROM applications
        WHERE vgbf_fold(coalesce(personal->>'fullName', '') || ' ' || coalesce(enterprise->>'name', ''))
              LIKE '%' || vgbf_fold('nguyen van an') || '%'`,
    );
    expect(found).toEqual([{ name: 'Nguyễn Văn An' }]);
  });

  it('creates an admin from the command line, password from the environment', async () => {
    const result = runCompiled(
      CLI_MAIN,
      ['create-admin', '--email', 'Chu.Tich@vgbf.vn', '--name', 'Nguyễn Thị Minh Khai'],
      {
        ...cliEnv(),
        VGBF_ADMIN_PASSWORD: 'Một mật khẩu quản trị dài',
      },
    );
    expect(result.status).toBe(0);
    const [row] = await db.query(`SELECT full_name, roles FROM users WHERE email_normalized = 'chu.tich@vgbf.vn'`);
    expect(row).toEqual({ full_name: 'Nguyễn Thị Minh Khai', roles: ['admin'] });
  });

  it('refuses a weak password or a duplicate email with a message and a non-zero exit', () => {
    const weak = runCompiled(
      CLI_MAIN,
      ['create-admin', '--email', 'x@vgbf.vn', '--name', 'X', '--password', 'password123'],
      cliEnv(),
    );
    expect(weak.status).toBe(1);
    expect(weak.stderr).toMatch(/most common/);
    const dup = runCompiled(CLI_MAIN, ['create-admin', '--email', 'chu.tich@VGBF.vn', '--name', 'Y'], {
      ...cliEnv(),
      VGBF_ADMIN_PASSWORD: 'Một mật khẩu quản trị dài',
    });
    expect(dup.status).toBe(1);
    expect(dup.stderr).toMatch(/already exists/);
  });

  // Last: it moves the data under another key.
  it('rotates every encrypted value and file to a new key with `cli rotate-encryption`, and says so once done', async () => {
    const config = loadConfig({ ...process.env, ...cliEnv() });
    const next = `k2:${randomBytes(32).toString('base64')}`;
    const env = {
      ...cliEnv(),
      DATA_ENCRYPTION_KEYS: `${config.DATA_ENCRYPTION_KEYS},${next}`,
      DATA_ENCRYPTION_ACTIVE_KEY: 'k2',
    };
    const first = runCompiled(CLI_MAIN, ['rotate-encryption', '--batch-size', '50'], env, 120_000);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/values re-encrypted under k2/);
    const [notes] = await db.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE notes LIKE 'v1:k2:%')::int AS rotated FROM mentoring_sessions`,
    );
    expect(notes.rotated).toBe(notes.n);
    const second = runCompiled(CLI_MAIN, ['rotate-encryption'], env, 120_000);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/Everything is under k2/);
    // The old key can go: the files read with k2 alone.
    const [d] = await db.query(`SELECT storage_key, size_bytes FROM application_documents ORDER BY id LIMIT 1`);
    const k2only = await new LocalDiskStorage(storage, new FileCipher(Keyring.parse(next, 'k2'))).init();
    expect((await buffer(await k2only.get(d.storage_key))).length).toBe(d.size_bytes);
  });
});
