import { DataSource } from 'typeorm';
import { createDatabaseFromTemplate, dropDatabase } from '../support/databases';
import { serviceUrls } from '../support/env';
import { uniqueName } from '../support/test-app';
import { CLI_MAIN, runCompiled } from './compiled';

describe('The project CLI', () => {
  const { databaseUrl: server } = serviceUrls();
  const name = uniqueName();
  let url: string;
  let db: DataSource;

  beforeAll(async () => {
    url = await createDatabaseFromTemplate(server, name);
    db = await new DataSource({ type: 'postgres', url }).initialize();
  });
  afterAll(async () => {
    await db?.destroy();
    await dropDatabase(server, name);
  });

  it('seeds one verified account per role into an empty database, and nothing the second time', async () => {
    const first = runCompiled(CLI_MAIN, ['seed'], { DATABASE_URL: url, QUEUE_PREFIX: name });
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('Seeded 6 demo accounts');
    const second = runCompiled(CLI_MAIN, ['seed'], { DATABASE_URL: url, QUEUE_PREFIX: name });
    expect(second.stdout).toContain('seed skipped');
    const rows = await db.query(`SELECT roles[1] AS role FROM users WHERE email_verified_at IS NOT NULL ORDER BY 1`);
    expect(rows.map((r: { role: string }) => r.role)).toEqual([
      'admin',
      'applicant',
      'fellow',
      'mentor',
      'reviewer',
      'staff',
    ]);
  });

  it('creates an admin from the command line, password from the environment', async () => {
    const result = runCompiled(
      CLI_MAIN,
      ['create-admin', '--email', 'Chu.Tich@vgbf.vn', '--name', 'Nguyễn Thị Minh Khai'],
      {
        DATABASE_URL: url,
        QUEUE_PREFIX: name,
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
      {
        DATABASE_URL: url,
        QUEUE_PREFIX: name,
      },
    );
    expect(weak.status).toBe(1);
    expect(weak.stderr).toMatch(/most common/);
    const dup = runCompiled(CLI_MAIN, ['create-admin', '--email', 'chu.tich@VGBF.vn', '--name', 'Y'], {
      DATABASE_URL: url,
      QUEUE_PREFIX: name,
      VGBF_ADMIN_PASSWORD: 'Một mật khẩu quản trị dài',
    });
    expect(dup.status).toBe(1);
    expect(dup.stderr).toMatch(/already exists/);
  });
});
