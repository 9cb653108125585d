import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verify } from '@node-rs/argon2';
import { APPLICATION_STATUSES, type ApplicationStatus, canTransitionApplication } from '@vgbf/applications';
import { readProgramData } from '@vgbf/config';
import { DataSource } from 'typeorm';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../apps/api/src/cli/demo-accounts';
import { createDatabaseFromTemplate, dropDatabase } from '../support/databases';
import { serviceUrls } from '../support/env';
import { uniqueName } from '../support/test-app';
import { CLI_MAIN, runCompiled } from './compiled';

/** Row counts and a digest of every seeded row that could change: equal before and after a second seed. */
async function fingerprint(db: DataSource): Promise<unknown> {
  const [row] = await db.query(`
    SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM cohorts) AS cohorts,
           (SELECT count(*) FROM hubs) AS hubs, (SELECT count(*) FROM audit_log) AS audit,
           (SELECT count(*) FROM outbox) AS outbox, (SELECT count(*) FROM application_status_changes) AS changes,
           (SELECT count(*) FROM application_documents) AS documents,
           (SELECT md5(string_agg(id || status || updated_at::text, ',' ORDER BY id)) FROM applications) AS apps,
           (SELECT md5(string_agg(id || updated_at::text, ',' ORDER BY id)) FROM users) AS accounts`);
  return row;
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

  it('seeds the demo into an empty database in seconds, and changes nothing the second time', async () => {
    const env = cliEnv();
    const started = Date.now();
    const first = runCompiled(CLI_MAIN, ['seed'], env);
    const took = Date.now() - started;
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/Seeded 6 demo accounts .* and 300 applicants .* in 12 statuses/);
    expect(took).toBeLessThan(12_000);

    const before = await fingerprint(db);
    const second = runCompiled(CLI_MAIN, ['seed'], env);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('seed skipped');
    expect(await fingerprint(db)).toEqual(before);
  });

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

  it('opens a cohort now, with the configured hubs, and sends no email', async () => {
    const cohorts = await db.query(
      `SELECT id, status, application_opens_at <= now() AND application_closes_at > now() AS taking_applications FROM cohorts`,
    );
    expect(cohorts).toEqual([{ id: expect.any(String), status: 'open', taking_applications: true }]);
    const hubs = await db.query(`SELECT code FROM hubs WHERE cohort_id = $1 ORDER BY code`, [cohorts[0].id]);
    expect(hubs.map((h: { code: string }) => h.code)).toEqual(
      (readProgramData('hubs.json') as Array<{ code: string }>).map((h) => h.code).sort(),
    );
    const audited = await db.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [cohorts[0].id]);
    expect(audited.map((a: { action: string }) => a.action)).toEqual(['cohort.created', 'cohort.status_changed']);
    expect(await db.query(`SELECT count(*)::int AS n FROM outbox`)).toEqual([{ n: 0 }]);
  });

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

  it('gives every submitted application its CV and business registration, stored as PDFs', async () => {
    const missing = await db.query(
      `SELECT a.id FROM applications a
        WHERE a.status <> 'draft'
          AND (SELECT count(DISTINCT kind) FROM application_documents d
                WHERE d.application_id = a.id AND d.kind IN ('cv', 'business_registration')) <> 2`,
    );
    expect(missing).toEqual([]);
    const documents = await db.query(`SELECT storage_key, size_bytes FROM application_documents ORDER BY id`);
    expect(documents.length).toBeGreaterThanOrEqual(2 * 250);
    for (const d of [documents[0], documents[documents.length - 1]]) {
      const bytes = await readFile(join(storage, 'objects', ...d.storage_key.split('/')));
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
});
