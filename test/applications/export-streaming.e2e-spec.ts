import { type IncomingMessage, get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Response } from 'superagent';
import type { DataSource, QueryRunner } from 'typeorm';
import { openCohort } from '../support/cohorts';
import { type TestApp, createTestApp } from '../support/test-app';
import { type SignedIn, signIn } from '../support/users';

const ROWS = 10_000;
/** What the export fetches per FETCH (EXPORT_BATCH_SIZE in the service). */
const BATCH = 500;
const FULL_BATCHES = ROWS / BATCH;

interface ObservedCursor {
  runner: QueryRunner;
  /** Rows each FETCH returned, in order. */
  fetched: number[];
}

/**
 * Watches the connections the app checks out of its pool, and the cursors declared on them: the
 * real service runs unchanged, the test sees what it asked PostgreSQL for.
 */
function observeCursors(db: DataSource, onFetch: (issued: number) => void = () => undefined) {
  const cursors: ObservedCursor[] = [];
  let issued = 0;
  const original = db.createQueryRunner.bind(db);
  const spy = jest.spyOn(db, 'createQueryRunner').mockImplementation((mode) => {
    const runner = original(mode);
    const observed: ObservedCursor = { runner, fetched: [] };
    const query = runner.query.bind(runner);
    runner.query = (async (sql: string, ...rest: unknown[]) => {
      if (sql.startsWith('DECLARE')) cursors.push(observed);
      if (sql.startsWith('FETCH')) onFetch(++issued);
      const result: unknown = await (query as (...args: unknown[]) => Promise<unknown>)(sql, ...rest);
      if (sql.startsWith('FETCH')) observed.fetched.push((result as unknown[]).length);
      return result;
    }) as QueryRunner['query'];
    return runner;
  });
  return { cursors, fetches: () => issued, restore: () => spy.mockRestore() };
}

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`still waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function binary(res: Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

describe('Staff export of 10,000 applications: streamed from a cursor in batches', () => {
  let t: TestApp;
  let staff: SignedIn;
  let cohortId: string;
  let path: string;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await signIn(t, ['staff'], 'staff');
    cohortId = (await openCohort(t, staff, 'VGBF Bulk 2027')).id;
    await t.db.query(
      `WITH people AS (
         INSERT INTO users (email, email_normalized, full_name, roles)
         SELECT format('bulk%s@example.vn', g), format('bulk%s@example.vn', g), format('Nguyễn Văn Số %s', g), '{applicant}'
           FROM generate_series(1, ${ROWS}) g
         RETURNING id, full_name
       )
       INSERT INTO applications (cohort_id, applicant_id, status, personal, enterprise, region, hub_preferences, submitted_at)
       SELECT $1, id, 'submitted',
              jsonb_build_object('fullName', full_name, 'province', 'Hà Nội', 'phone', '+84912345678'),
              jsonb_build_object('name', 'Công ty TNHH ' || full_name, 'sector', 'technology', 'foundingYear', 2015),
              'North', '{JP,SG}', now()
         FROM people`,
      [cohortId],
    );
    path = `/api/v1/applications/export?cohortId=${cohortId}`;
  });
  afterAll(() => t.close());

  const noOpenTransaction = async (): Promise<boolean> => {
    const [{ n }] = await t.db.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
    );
    return n === 0;
  };

  it.each(['csv', 'xlsx'] as const)(
    'exports every row as %s, reading 500 rows per FETCH, and gives the connection back',
    async (format) => {
      const watch = observeCursors(t.db);
      try {
        const res = await t.http
          .get(`${path}&format=${format}`)
          .set('authorization', staff.bearer)
          .buffer(true)
          .parse(binary)
          .expect(200);
        const body = res.body as Buffer;
        if (format === 'csv') {
          const lines = body.toString('utf8').split('\r\n');
          expect(lines.pop()).toBe('');
          expect(lines).toHaveLength(ROWS + 1);
          expect(new Set(lines.slice(1).map((l) => l.slice(0, 36))).size).toBe(ROWS);
        } else {
          const workbook = new ExcelJS.Workbook();
          await workbook.xlsx.read(Readable.from([body]));
          const sheet = workbook.getWorksheet('Hồ sơ');
          expect(sheet?.rowCount).toBe(ROWS + 1);
          expect(sheet?.getRow(ROWS + 1).getCell(3).value).toMatch(/^Nguyễn Văn Số \d+$/);
        }
        // One cursor; never more than a batch of rows in hand, the last FETCH finding the end.
        expect(watch.cursors).toHaveLength(1);
        const [cursor] = watch.cursors as [ObservedCursor];
        expect(cursor.fetched).toEqual([...Array<number>(FULL_BATCHES).fill(BATCH), 0]);
        await until(() => cursor.runner.isReleased, 'the export connection to be released');
        expect(await noOpenTransaction()).toBe(true);
      } finally {
        watch.restore();
      }
    },
    60_000,
  );

  it('sends the first rows while the cursor is still being read, and cleans up when the client leaves', async () => {
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const watch = observeCursors(t.db);
    try {
      const fetchesAtFirstRow = await new Promise<number>((resolve, reject) => {
        const req = get(
          { host: '127.0.0.1', port, path: `${path}&format=csv`, headers: { authorization: staff.bearer } },
          (res: IncomingMessage) => {
            if (res.statusCode !== 200) reject(new Error(`export answered ${res.statusCode}`));
            let received = '';
            const onData = (chunk: Buffer): void => {
              received += chunk.toString('utf8');
              // The header line goes out before any row is read: wait for the first application.
              if (received.split('\r\n').length < 3) return;
              res.off('data', onData);
              resolve(watch.fetches());
              // The staff member closes the tab mid-download.
              req.destroy();
            };
            res.on('data', onData);
          },
        );
        req.on('error', () => undefined);
      });
      expect(fetchesAtFirstRow).toBeGreaterThanOrEqual(1);
      expect(fetchesAtFirstRow).toBeLessThan(FULL_BATCHES + 1);
      expect(watch.cursors).toHaveLength(1);
      const [cursor] = watch.cursors as [ObservedCursor];
      await until(() => cursor.runner.isReleased, 'the export connection to be released after the client left');
      // It stopped reading: the rest of the 10,000 rows were never fetched.
      expect(cursor.fetched.length).toBeLessThan(FULL_BATCHES + 1);
      expect(cursor.fetched.reduce((a, b) => a + b, 0)).toBeLessThan(ROWS);
      await until(noOpenTransaction, 'no transaction left open');
    } finally {
      watch.restore();
    }
  });
});
