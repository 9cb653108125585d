import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { ReportGenerator, ReportsJobsModule } from '@vgbf/reports';
import ExcelJS from 'exceljs';
import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { type TestApp, createTestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';
import { signIn } from '../support/users';
import { openCohort } from '../support/cohorts';
import { type Seeded, fixReportsClock, seedCohort } from './reports-setup';

type Parser = Parameters<ReturnType<TestApp['http']['get']>['parse']>[0];
/** Collects a binary response body as a Buffer (supertest buffers only text by default). */
const binary: Parser = (res, done) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('On-demand reports', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let s: Seeded;
  const get = (path: string) => t.http.get(`/api/v1${path}`).set('authorization', s.staff.bearer);
  const post = (path: string, body: object) =>
    t.http.post(`/api/v1${path}`).set('authorization', s.staff.bearer).send(body);
  const files = (id: string) => readdir(join(t.env.STORAGE_DIR, 'objects', 'reports', id)).catch(() => []);

  async function until(id: string, status: string): Promise<Record<string, unknown>> {
    for (let i = 0; i < 100; i++) {
      const res = await get(`/reports/${id}`).expect(200);
      if (res.body.status === status) return res.body as Record<string, unknown>;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`report ${id} never became ${status}`);
  }

  beforeAll(async () => {
    t = await createTestApp();
    worker = await startTestWorker(t.env);
    fixReportsClock(worker, ReportsJobsModule);
    s = await seedCohort(t);
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await t.close();
  });

  it('queues a report, the worker makes it (progress to 100, done), and the download parses', async () => {
    const res = await post('/reports', { kind: 'cohort_progress', format: 'xlsx', cohortId: s.cohortId }).expect(201);
    expect(res.body).toMatchObject({ status: 'queued', progress: 0, kind: 'cohort_progress', format: 'xlsx' });
    const done = await until(res.body.id, 'done');
    expect(done).toMatchObject({ progress: 100, rows: 6 });
    expect(done.filename).toMatch(/^cohort-progress-vgbf-reports-.+\.xlsx$/);
    const file = await get(`/reports/${res.body.id}/download`).buffer(true).parse(binary).expect(200);
    expect(file.headers['content-disposition']).toContain('attachment');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('Progress')!;
    expect(sheet.rowCount).toBe(7);
    expect(sheet.getRow(1).getCell(1).value).toBe('Fellow');
    const listed = await get('/reports').expect(200);
    expect(listed.body.map((r: { id: string }) => r.id)).toEqual([res.body.id]);
  });

  it('writes a CSV of the sessions, streaming in batches with progress updates', async () => {
    // 1,200 more sessions: three batches of 500, so progress moves before done.
    await t.db.query(
      `INSERT INTO mentoring_sessions (pairing_id, held_at, duration_minutes, mode, topics, logged_by)
       SELECT id, now() - make_interval(hours => g), 30, 'online', '{esg}', mentor_id
         FROM pairings CROSS JOIN generate_series(1, 200) g WHERE cohort_id = $1`,
      [s.cohortId],
    );
    const db = worker.get<DataSource>(getDataSourceToken());
    // The progress updates (libs/reports/src/data-access/report-jobs.ts) as they reach PostgreSQL.
    const spy = jest.spyOn(db.manager, 'query');
    const res = await post('/reports', { kind: 'mentoring_activity', format: 'csv', cohortId: s.cohortId }).expect(201);
    await until(res.body.id, 'done');
    const progress = spy.mock.calls
      .filter(([sql]) => /^update "report_jobs" set "progress" = \$1 /.test(String(sql)))
      .map(([, params]) => (params as unknown[])[0]);
    spy.mockRestore();
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress).toEqual([...progress].sort((a, b) => Number(a) - Number(b)));
    const file = await get(`/reports/${res.body.id}/download`).buffer(true).parse(binary).expect(200);
    const lines = (file.body as Buffer).toString('utf8').trim().split('\r\n');
    expect((file.body as Buffer).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(lines[0]).toBe('Fellow,Mentor,Held at (GMT+7),Minutes,Mode,Topics,Confirmed,Rating');
    expect(lines).toHaveLength(1 + 12 + 1200);
  });

  it('run twice (or twice at once), a job leaves one file and one done row', async () => {
    const [row] = await t.db.query<Array<{ id: string }>>(
      `INSERT INTO report_jobs (kind, format, cohort_id, requested_by) VALUES ('milestone_status', 'csv', $1, $2) RETURNING id`,
      [s.cohortId, s.staff.id],
    );
    await get(`/reports/${row.id}/download`).expect(409);
    const generator = worker.get(ReportGenerator);
    const outcomes = await Promise.all([generator.run(row.id), generator.run(row.id)]);
    expect(outcomes.sort()).toEqual(['already-done', 'done']);
    expect(await generator.run(row.id)).toBe('already-done');
    expect(await files(row.id)).toHaveLength(1);
    const [job] = await t.db.query(`SELECT status, rows FROM report_jobs WHERE id = $1`, [row.id]);
    const milestones = await t.db.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM milestones m JOIN fellows f ON f.id = m.fellow_id WHERE f.cohort_id = $1`,
      [s.cohortId],
    );
    expect(job).toEqual({ status: 'done', rows: milestones[0].n });
  });

  it('marks its outbox row done when made; after the last retry, the job and its row are failed with the reason', async () => {
    const made = await post('/reports', { kind: 'milestone_status', format: 'csv', cohortId: s.cohortId }).expect(201);
    await until(made.body.id, 'done');
    const delivery = async (reportJobId: string) =>
      (
        await t.db.query<Array<{ status: string; processed_at: Date | null; last_error: string | null }>>(
          `SELECT status, processed_at, last_error FROM outbox WHERE payload ->> 'reportJobId' = $1`,
          [reportJobId],
        )
      )[0];
    for (let i = 0; i < 50 && (await delivery(made.body.id))?.status !== 'done'; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(await delivery(made.body.id)).toMatchObject({ status: 'done', processed_at: expect.any(Date) });

    // A job whose row is already handed to the queue (so the relay leaves it), failing for good.
    const [job] = await t.db.query<Array<{ id: string }>>(
      `INSERT INTO report_jobs (kind, format, cohort_id, requested_by) VALUES ('milestone_status', 'csv', $1, $2) RETURNING id`,
      [s.cohortId, s.staff.id],
    );
    const [row] = await t.db.query<Array<{ id: string }>>(
      `INSERT INTO outbox (queue, payload, status, queued_at) VALUES ('reports', $1, 'queued', now()) RETURNING id`,
      [{ reportJobId: job.id }],
    );
    const generator = worker.get(ReportGenerator);
    await generator.fail(row.id, new Error('storage is full'));
    expect((await get(`/reports/${job.id}`).expect(200)).body).toMatchObject({ status: 'failed' });
    const [failed] = await t.db.query(`SELECT status, error FROM report_jobs WHERE id = $1`, [job.id]);
    expect(failed).toEqual({ status: 'failed', error: 'storage is full' });
    expect(await delivery(job.id)).toMatchObject({ status: 'failed', last_error: 'storage is full' });

    // A made report stays done, and so does its row, whatever a late failure says.
    const [madeRow] = await t.db.query<Array<{ id: string }>>(
      `SELECT id FROM outbox WHERE payload ->> 'reportJobId' = $1`,
      [made.body.id],
    );
    await generator.fail(madeRow.id, new Error('too late'));
    expect((await get(`/reports/${made.body.id}`).expect(200)).body).toMatchObject({ status: 'done' });
    expect(await delivery(made.body.id)).toMatchObject({ status: 'done', last_error: null });
  });

  it('refuses bad input with a 400 problem and writes nothing; another staff member’s report is a 404', async () => {
    const count = async () =>
      (await t.db.query(`SELECT (SELECT count(*) FROM report_jobs) + (SELECT count(*) FROM outbox) AS n`))[0].n;
    const before = await count();
    for (const body of [
      { kind: 'everything', format: 'csv', cohortId: s.cohortId },
      { kind: 'cohort_progress', format: 'pdf', cohortId: s.cohortId },
      { kind: 'cohort_progress', format: 'csv', cohortId: 'nope' },
      {},
    ]) {
      const res = await post('/reports', body).expect(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    await post('/reports', {
      kind: 'cohort_progress',
      format: 'csv',
      cohortId: '00000000-0000-4000-8000-000000000000',
    }).expect(404);
    expect(await count()).toBe(before);
    const [mine] = (await get('/reports').expect(200)).body as Array<{ id: string }>;
    const other = await signIn(t, ['staff'], 'other-staff');
    await t.http.get(`/api/v1/reports/${mine.id}`).set('authorization', other.bearer).expect(404);
    await t.http.get(`/api/v1/reports/${mine.id}/download`).set('authorization', other.bearer).expect(404);
  });

  it('lists one cohort’s reports when asked (the dashboard of a cohort shows only its own); a bad id is a 400', async () => {
    const other = (await openCohort(t, s.staff, `VGBF Other ${Math.random().toString(36).slice(2, 6)}`)).id;
    const theirs = await post('/reports', { kind: 'cohort_progress', format: 'csv', cohortId: other }).expect(201);
    const all = (await get('/reports').expect(200)).body as Array<{ id: string; cohortId: string }>;
    expect(all.map((r) => r.id)).toContain(theirs.body.id);
    const ours = (await get(`/reports?cohortId=${s.cohortId}`).expect(200)).body as Array<{ cohortId: string }>;
    expect(ours.length).toBeGreaterThan(0);
    expect(ours.every((r) => r.cohortId === s.cohortId)).toBe(true);
    const only = (await get(`/reports?cohortId=${other}`).expect(200)).body as Array<{ id: string }>;
    expect(only.map((r) => r.id)).toEqual([theirs.body.id]);
    const bad = await get('/reports?cohortId=nope').expect(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(bad.body)).toContain('cohortId');
  });

  it('writes the report in its requester’s language: Vietnamese headers, sheet and labels, no raw code', async () => {
    const vi = await signIn(t, ['staff'], 'vi-staff');
    await t.http.patch('/api/v1/me').set('authorization', vi.bearer).send({ language: 'vi' }).expect(200);
    const as = (path: string) => t.http.get(`/api/v1${path}`).set('authorization', vi.bearer);
    const make = async (kind: string, format: string): Promise<Buffer> => {
      const res = await t.http
        .post('/api/v1/reports')
        .set('authorization', vi.bearer)
        .send({ kind, format, cohortId: s.cohortId })
        .expect(201);
      for (let i = 0; i < 100 && (await as(`/reports/${res.body.id}`)).body.status !== 'done'; i++)
        await new Promise((r) => setTimeout(r, 200));
      return (await as(`/reports/${res.body.id}/download`).buffer(true).parse(binary).expect(200)).body as Buffer;
    };
    const sessions = (await make('mentoring_activity', 'csv')).toString('utf8').replace(/^\uFEFF/, '');
    const [header, ...lines] = sessions.trim().split('\r\n');
    expect(header).toBe('Học viên,Cố vấn,Thời điểm (GMT+7),Số phút,Hình thức,Chủ đề,Đã xác nhận,Đánh giá');
    expect(lines.length).toBeGreaterThan(0);
    expect(sessions).toMatch(/,Gọi video,/);
    expect(sessions).toMatch(/,(Có|Không),/);
    expect(sessions).not.toMatch(/\b[a-z]+_[a-z]+\b|,(online|in_person|phone|esg|yes|no),/);

    const selection = (await make('selection_outcome', 'csv')).toString('utf8');
    expect(selection).toContain('Ứng viên,Miền,Lĩnh vực,Trạng thái,Ngày nộp,Học viên');
    expect(selection).not.toMatch(/\b[a-z]+_[a-z]+\b|,(North|Central|South|submitted|yes|no),/);

    // The seed places nobody: place the fellows in the cohort's Japan hub.
    await t.db.query(
      `UPDATE fellows SET hub_id = (SELECT id FROM hubs WHERE cohort_id = $1 AND code = 'JP') WHERE cohort_id = $1`,
      [s.cohortId],
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await make('cohort_progress', 'xlsx')) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('Tiến độ')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Học viên');
    const hubs = (sheet.getColumn(2).values as unknown[]).slice(2).filter(Boolean);
    expect(hubs.length).toBeGreaterThan(0);
    expect(new Set(hubs)).toEqual(new Set(['Nhật Bản']));
  });
});
