import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { ReportsJobsModule, WeeklyReport } from '@vgbf/reports';
import { SchedulerRegistry } from '@vgbf/scheduler';
import ExcelJS from 'exceljs';
import { Inbox } from '../support/inbox';
import { type TestApp, createTestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';
import { type SignedIn, signIn } from '../support/users';
import { NOW, type Seeded, TODAY, fixReportsClock, seedCohort } from './reports-setup';

const count = async (t: TestApp, sql: string, params: unknown[]): Promise<number> =>
  (await t.db.query<Array<{ n: number }>>(sql, params))[0].n;

describe('Weekly cohort report', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let s: Seeded;
  let staff: SignedIn[];
  const inbox = new Inbox();

  beforeAll(async () => {
    t = await createTestApp();
    worker = await startTestWorker(t.env);
    fixReportsClock(worker, ReportsJobsModule);
    s = await seedCohort(t);
    staff = [s.staff, await signIn(t, ['staff'], 'staff2'), await signIn(t, ['staff', 'admin'], 'staff3')];
    await signIn(t, ['mentor'], 'not-staff');
    // One staff member reads Vietnamese: their email and its file are in Vietnamese.
    await t.db.query(`UPDATE users SET language = 'vi' WHERE id = $1`, [staff[2].id]);
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await t.close();
  });

  it('run twice for the same week, sends one email per staff member with one stored file per language', async () => {
    const weekly = worker.get(WeeklyReport);
    const run = () => weekly.send({ name: 'reports.weekly-cohort', period: NOW });
    expect(await run()).toEqual({ emails: 3, cohorts: 1 });
    expect(await run()).toEqual({ emails: 0, cohorts: 1 });
    const rows = await t.db.query<Array<{ to: string; key: string }>>(
      `SELECT payload ->> 'to' AS to, payload -> 'attachments' -> 0 ->> 'storageKey' AS key
         FROM outbox WHERE payload ->> 'template' = 'weekly-report' ORDER BY 1`,
    );
    expect(rows.map((r) => r.to)).toEqual(staff.map((m) => m.email).sort());
    // One file per language: the two English readers share one, the Vietnamese reader has the other.
    const keyOf = (email: string) => rows.find((r) => r.to === email)?.key;
    expect(keyOf(staff[0].email)).toBe(keyOf(staff[1].email));
    expect(new Set(rows.map((r) => r.key)).size).toBe(2);
    const files = await readdir(join(t.env.STORAGE_DIR, 'objects', 'reports', 'weekly', s.cohortId));
    expect(files).toHaveLength(2);
    for (const member of staff) expect(await inbox.waitFor(member.email, 1)).toHaveLength(1);
  });

  it('attaches an XLSX that opens, one sheet per topic, whose figures match SQL counts', async () => {
    const [email] = await inbox.waitFor(staff[1].email, 1);
    expect(email.subject).toMatch(/^Weekly report 2027-W46: VGBF Reports /);
    const fileName = email.attachments?.[0]?.filename ?? '';
    expect(fileName).toMatch(/^weekly-vgbf-reports-.+-2027-W46\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await inbox.attachment(email, fileName)) as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Progress', 'At risk', 'Sessions', 'Upcoming milestones']);
    const dataRows = (name: string) => (workbook.getWorksheet(name)?.rowCount ?? 0) - 1;

    const fellows = await count(t, `SELECT count(*)::int AS n FROM fellows WHERE cohort_id = $1`, [s.cohortId]);
    expect(dataRows('Progress')).toBe(fellows);
    expect(dataRows('At risk')).toBe(4);
    const upcoming = await count(
      t,
      `SELECT count(*)::int AS n FROM milestones m JOIN fellows f ON f.id = m.fellow_id
        WHERE f.cohort_id = $1 AND m.state IN ('open', 'changes_requested') AND m.due_on BETWEEN $2::date AND $2::date + 14`,
      [s.cohortId, TODAY],
    );
    expect(dataRows('Upcoming milestones')).toBe(upcoming);
    const sessions = await count(
      t,
      `SELECT count(*)::int AS n FROM mentoring_sessions s JOIN pairings p ON p.id = s.pairing_id WHERE p.cohort_id = $1`,
      [s.cohortId],
    );
    const totals = workbook.getWorksheet('Sessions')!.getColumn(4).values.slice(2) as number[];
    expect(totals.reduce((a, b) => a + b, 0)).toBe(sessions);
    const overdueCol = workbook.getWorksheet('Progress')!.getColumn(7).values.slice(2) as number[];
    const overdue = await count(
      t,
      `SELECT count(*)::int AS n FROM milestones m JOIN fellows f ON f.id = m.fellow_id
        WHERE f.cohort_id = $1 AND m.state IN ('open', 'changes_requested') AND m.due_on < $2::date`,
      [s.cohortId, TODAY],
    );
    expect(overdueCol.reduce((a, b) => a + b, 0)).toBe(overdue);
    // The HTML summary: the figures and the at-risk table with reasons.
    expect(email.text).toContain(`${fellows} fellows`);
    expect(email.text).toContain(`Fellows at risk: 4`);
    expect(email.html).toContain('<table');
    expect(email.html).toContain('M1 due');
    expect(email.html).toContain('20 days overdue');
  });

  it('attaches the Vietnamese reader’s XLSX in Vietnamese: sheets, headers, rules and statuses, no raw code', async () => {
    const [email] = await inbox.waitFor(staff[2].email, 1);
    const fileName = email.attachments?.[0]?.filename ?? '';
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await inbox.attachment(email, fileName)) as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Tiến độ', 'Có nguy cơ', 'Buổi gặp', 'Cột mốc sắp đến hạn']);
    const values = (sheet: string, row: number) =>
      (workbook.getWorksheet(sheet)!.getRow(row).values as unknown[]).slice(1);
    expect(values('Tiến độ', 1)[0]).toBe('Học viên');
    expect(values('Có nguy cơ', 1)).toEqual(['Học viên', 'Hub', 'Dấu hiệu', 'Lý do', 'Ghi nhận']);
    const rules = (workbook.getWorksheet('Có nguy cơ')!.getColumn(3).values as unknown[]).slice(2);
    expect(rules.length).toBe(4);
    expect(rules).toContain('Cột mốc quá hạn');
    const cells: unknown[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => cells.push(...(row.values as unknown[]))));
    expect(cells.filter((c) => typeof c === 'string' && /^[a-z]+(_[a-z]+)+$/.test(c))).toEqual([]);
  });

  it('registers the job for Monday 08:00 (read in Vietnam time)', () => {
    expect(worker.get(SchedulerRegistry).get('reports.weekly-cohort')).toMatchObject({ cron: '0 8 * * 1' });
  });
});
